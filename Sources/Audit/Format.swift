import Foundation

/// Number formatting for pages and CSVs: locale-independent, so output is byte-identical everywhere.
enum Format {
    /// Fixed decimals, `.` separator, never `-0.00`.
    static func fixed(_ x: Double, _ digits: Int = 2) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-∞" : "∞") }
        let s = String(format: "%.\(digits)f", x)
        if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(s.dropFirst()) }
        return s
    }

    static func fixed(_ x: Double?, _ digits: Int = 2, missing: String = "—") -> String {
        x.map { fixed($0, digits) } ?? missing
    }

    /// A signed value: `+0.42`, `−0.42` (a real minus sign for reading), `0.00`.
    static func signed(_ x: Double, _ digits: Int = 2) -> String {
        let s = fixed(x, digits)
        if s.hasPrefix("-") { return "−" + s.dropFirst() }
        return s.allSatisfy({ $0 == "0" || $0 == "." }) ? s : "+" + s
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

    /// A score as a reader writes it: up to two decimals, no trailing zeros (`8.5`, `7`).
    static func score(_ x: Double) -> String {
        var s = fixed(x, 2)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
