/// A calendar day, `YYYY-MM-DD`. Only real dates can be constructed through `init?(iso:)`.
public struct CalendarDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil when the text is not that shape or the day does not exist.
    public init?(iso text: String) {
        guard let n = isoNumbers(text, widths: 4, 2, 2), (1...12).contains(n[1]), n[2] >= 1,
              n[2] <= CalendarDate.daysIn(month: n[1], year: n[0])
        else { return nil }
        self.init(year: n[0], month: n[1], day: n[2])
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A month, `YYYY-MM`, as used by `period` and the eligibility rules.
public struct YearMonth: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`; nil when the text is not that shape or the month is not 01–12.
    public init?(iso text: String) {
        guard let n = isoNumbers(text, widths: 4, 2), (1...12).contains(n[1]) else { return nil }
        self.init(year: n[0], month: n[1])
    }

    public var description: String { "\(pad(year, 4))-\(pad(month, 2))" }

    public static func < (a: YearMonth, b: YearMonth) -> Bool {
        (a.year, a.month) < (b.year, b.month)
    }
}

/// The numbers of a fixed-width ISO form: groups of ASCII digits of the given widths joined by
/// `-` (`YYYY-MM-DD` is 4, 2, 2), read from the bytes; nil when the text is not exactly that.
func isoNumbers(_ text: String, widths: Int...) -> [Int]? {
    var numbers: [Int] = []
    numbers.reserveCapacity(widths.count)
    var bytes = text.utf8.makeIterator()
    for (i, width) in widths.enumerated() {
        if i > 0 { guard bytes.next() == UInt8(ascii: "-") else { return nil } }
        var n = 0
        for _ in 0..<width {
            guard let b = bytes.next(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        numbers.append(n)
    }
    return bytes.next() == nil ? numbers : nil
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

extension CalendarDate {
    /// The UTC calendar day of a Unix time (days-from-civil inverse, proleptic Gregorian).
    public static func fromEpoch(_ seconds: Int) -> CalendarDate {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Seconds from the Unix epoch to midnight UTC of this day.
    public var epochSeconds: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146_097 + doe - 719_468) * 86_400
    }
}
