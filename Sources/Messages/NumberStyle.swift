/// Numbers and dates the way each language writes them in prose and on pages.
/// Vietnamese: decimal comma, dot between thousands (`10.000`, `7,25`), dates `20/6/2024`.
/// English: `10,000`, `7.25`, `20 June 2024`. CSV and JSON never use these: they keep `.` and ISO dates.
public enum NumberStyle {
    public static func integer(_ value: Int, in language: Language = Language.current) -> String {
        let digits = String(value.magnitude)
        let separator: Character = language == .vi ? "." : ","
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        return value < 0 ? "−" + grouped : grouped
    }

    public static func decimal(_ value: Double, places: Int, in language: Language = Language.current) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value < 0 ? "−∞" : "∞") }
        let scale = (0..<max(places, 0)).reduce(1.0) { product, _ in product * 10 }
        let scaled = (value.magnitude * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var text = integer(whole, in: language)
        if places > 0 {
            var digits = String(fraction)
            while digits.count < places { digits = "0" + digits }
            text += (language == .vi ? "," : ".") + digits
        }
        let isZero = scaled == 0
        return value < 0 && !isZero ? "−" + text : text
    }

    /// A share as a percentage with `places` decimals: `12,5 %` / `12.5%`.
    public static func percent(_ share: Double, places: Int = 0, in language: Language = Language.current) -> String {
        let number = decimal(share * 100, places: places, in: language)
        return language == .vi ? number + " %" : number + "%"
    }

    public static func date(year: Int, month: Int, day: Int, in language: Language = Language.current) -> String {
        switch language {
        case .vi:
            return "\(day)/\(month)/\(year)"
        case .en:
            let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"]
            let name = (1...12).contains(month) ? months[month - 1] : String(month)
            return "\(day) \(name) \(year)"
        }
    }
}
