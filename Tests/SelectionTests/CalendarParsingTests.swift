import Foundation
import ManuscriptModel
import Testing

/// Dates and months are read from their bytes (`isoNumbers`); checked against Foundation's
/// Gregorian calendar and a regular expression for the shape.
@Suite struct CalendarParsingTests {
    static func reference(date text: String) -> CalendarDate? {
        guard text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil else { return nil }
        let n = text.split(separator: "-").map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = DateComponents(year: n[0], month: n[1], day: n[2])
        guard (1...12).contains(n[1]), parts.isValidDate(in: calendar) else { return nil }
        return CalendarDate(year: n[0], month: n[1], day: n[2])
    }

    @Test func everyDayOfFourYearsAsTheCalendarSays() {
        for year in [1900, 2000, 2023, 2024] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    #expect(CalendarDate(iso: text) == Self.reference(date: text), "\(text)")
                }
            }
        }
    }

    @Test func shapesThatAreNotDates() {
        for text in ["2024-4-10", "2024-04-10 ", " 2024-04-10", "２０２４-04-10", "2024−04−10", "+024-04-10", "2024-04", "2024-04-10-01",
                     "", "20240410", "2024-04-1٠", "2024-0\u{301}4-10"] {
            #expect(CalendarDate(iso: text) == nil, "\(text)")
            #expect(Self.reference(date: text) == nil, "\(text)")
        }
    }

    @Test func months() {
        #expect(YearMonth(iso: "2024-01") == YearMonth(year: 2024, month: 1))
        #expect(YearMonth(iso: "0999-12") == YearMonth(year: 999, month: 12))
        for text in ["2024-00", "2024-13", "2024-1", "2024-01-01", "2024-01 ", "２０２４-01", "2024", "-2024-01", "2024-0١"] {
            #expect(YearMonth(iso: text) == nil, "\(text)")
        }
    }
}
