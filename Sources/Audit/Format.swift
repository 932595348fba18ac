import Foundation
import ManuscriptModel
import Messages

/// Number formatting for pages, charts and CSVs, byte-identical on every machine.
///
/// Two kinds: what a person reads on a page (`number`, `signed`, `score`, `count`, `date`) is
/// written the way of `Language.current` (`7,25`, `10.000`, `20/6/2024` in Vietnamese); what a
/// program reads (`fixed` for SVG coordinates, `exact` for CSVs and sort keys) keeps `.` always.
enum Format {
    /// Fixed decimals, `.` separator, never `-0.00` (SVG coordinates; never shown as text).
    static func fixed(_ x: Double, _ digits: Int = 2) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-∞" : "∞") }
        let s = String(format: "%.\(digits)f", x)
        if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(s.dropFirst()) }
        return s
    }

    /// The shortest text that reads back as exactly the same Double (for CSVs and sort keys).
    static func exact(_ x: Double) -> String {
        x == 0 ? "0" : "\(x)"
    }

    /// Coordinates in SVG: one decimal, trailing `.0` dropped.
    static func coord(_ x: Double) -> String {
        let s = fixed(x, 1)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }

    /// A figure on a page with fixed decimals, the reader's way (`7,250` / `7.250`).
    static func number(_ x: Double, _ digits: Int = 2) -> String {
        NumberStyle.decimal(x, places: digits)
    }

    static func number(_ x: Double?, _ digits: Int = 2, missing: String = "—") -> String {
        x.map { number($0, digits) } ?? missing
    }

    /// A count on a page: `10.000` / `10,000`.
    static func count(_ n: Int) -> String { NumberStyle.integer(n) }

    /// A signed figure on a page: `+0,42`, `−0,42` (a real minus sign for reading), `0,00`.
    static func signed(_ x: Double, _ digits: Int = 2) -> String {
        let s = number(x, digits)
        if s.hasPrefix("−") || !s.contains(where: { $0 != "0" && $0.isNumber }) { return s }
        return "+" + s
    }

    /// A score as a reader writes it: up to two decimals, no trailing zeros (`8,5`, `7`).
    static func score(_ x: Double) -> String {
        var s = number(x, 2)
        let separator: Character = Language.current == .vi ? "," : "."
        guard s.contains(separator) else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.last == separator { s.removeLast() }
        return s
    }

    /// A calendar day on a page: `20/6/2024` / `20 June 2024`.
    static func date(_ d: CalendarDate) -> String {
        NumberStyle.date(year: d.year, month: d.month, day: d.day)
    }
}
