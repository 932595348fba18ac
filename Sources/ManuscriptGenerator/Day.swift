/// A calendar day with just enough arithmetic for the generator (proleptic Gregorian).
struct Day: Comparable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 0000-03-01 (a day count that makes month lengths regular).
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    init(ordinal: Int) {
        var y = (10000 * ordinal + 14780) / 3652425
        var ddd = ordinal - (365 * y + y / 4 - y / 100 + y / 400)
        if ddd < 0 {
            y -= 1
            ddd = ordinal - (365 * y + y / 4 - y / 100 + y / 400)
        }
        let mi = (100 * ddd + 52) / 3060
        let mm = (mi + 2) % 12 + 1
        y += (mi + 2) / 12
        let dd = ddd - (mi * 306 + 5) / 10 + 1
        self.init(year: y, month: mm, day: dd)
    }

    func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    var iso: String { "\(year)-\(Day.two(month))-\(Day.two(day))" }
    var yearMonth: YM { YM(year: year, month: month) }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
}

/// A month, `YYYY-MM`.
struct YM: Comparable, Sendable {
    var year: Int
    var month: Int
    var index: Int { year * 12 + month - 1 }
    init(year: Int, month: Int) { self.year = year; self.month = month }
    init(index: Int) { self.init(year: index / 12, month: index % 12 + 1) }
    func adding(months: Int) -> YM { YM(index: index + months) }
    var iso: String { "\(year)-\(Day.two(month))" }
    static func < (a: YM, b: YM) -> Bool { a.index < b.index }
}
