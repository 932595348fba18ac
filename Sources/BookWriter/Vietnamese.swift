import Foundation
import ManuscriptModel

/// The book's Vietnamese: labels, number and date formats, collation and index letters.
public enum Vietnamese {
    // MARK: Labels

    public static func kind(_ kind: SubmissionKind) -> String {
        switch kind {
        case .model: "Mô hình"
        case .example: "Điển hình"
        }
    }

    public static func unitLevel(_ level: UnitLevel) -> String {
        switch level {
        case .province: "cấp tỉnh"
        case .district: "cấp huyện"
        case .commune: "cấp xã"
        case .agency: "cơ quan"
        case .enterprise: "doanh nghiệp"
        case .armedForces: "lực lượng vũ trang"
        case .school: "trường học"
        case .other: "khác"
        }
    }

    public static func role(_ role: PersonRole) -> String {
        switch role {
        case .lead: "phụ trách"
        case .member: "thành viên"
        case .subject: "nhân vật điển hình"
        }
    }

    /// An endorsement's `@level`: the known levels in Vietnamese, anything else as written.
    public static func endorsementLevel(_ level: String) -> String {
        switch level {
        case "province": "cấp tỉnh"
        case "district": "cấp huyện"
        case "commune": "cấp xã"
        default: level
        }
    }

    public static func dimension(_ d: QuotaDimension) -> String {
        switch d {
        case .field: "Lĩnh vực"
        case .district: "Địa bàn"
        case .kind: "Loại"
        case .unit: "Đơn vị"
        }
    }

    public static func aggregate(_ a: Aggregate) -> String {
        switch a {
        case .mean: "trung bình cộng"
        case .median: "trung vị"
        case .trimmedMean: "trung bình cắt (bỏ điểm cao nhất và thấp nhất khi có từ 5 phiếu)"
        case .zscore: "chuẩn hóa theo từng người chấm (z-score)"
        }
    }

    public static func roundType(_ t: RoundType) -> String {
        switch t {
        case .screen: "Xét điều kiện"
        case .rank: "Xếp hạng"
        case .optimize: "Chọn tối ưu theo cơ cấu"
        }
    }

    public static func rule(_ rule: EligibilityRule) -> String {
        switch rule {
        case .periodWithin(let s, let e):
            "thời gian thực hiện nằm trong khoảng \(month(s)) – \(month(e))"
        case .periodOverlaps(let s, let e):
            "thời gian thực hiện có ít nhất một tháng trong khoảng \(month(s)) – \(month(e))"
        case .hasEndorsement: "có xác nhận của cấp có thẩm quyền"
        case .minResults(let n): "có ít nhất \(n) chỉ số kết quả"
        case .minBodyWords(let n): "nội dung có ít nhất \(number(String(n))) từ"
        }
    }

    /// A plain reading of Krippendorff's alpha, after Krippendorff's own thresholds.
    public static func alphaReading(_ alpha: Double?) -> String {
        guard let alpha else { return "không tính được (quá ít phiếu chấm trùng nhau)" }
        if alpha >= 0.8 { return "các thành viên chấm thống nhất cao; có thể tin cậy" }
        if alpha >= 0.667 { return "mức thống nhất chấp nhận được; nên dùng thận trọng" }
        if alpha >= 0 { return "mức thống nhất thấp; điểm phụ thuộc nhiều vào người chấm" }
        return "các thành viên chấm bất đồng một cách có hệ thống"
    }

    // MARK: Numbers and dates

    /// A decimal as written (`1200`, `12.5`, `-3`) in Vietnamese style: `1.200`, `12,5`, `-3`.
    /// Text that is not a plain decimal is returned unchanged.
    public static func number(_ text: String) -> String {
        var s = Substring(text)
        var sign = ""
        if s.first == "-" || s.first == "+" {
            if s.first == "-" { sign = "-" }
            s = s.dropFirst()
        }
        let pieces = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = pieces[0]
        guard !integer.isEmpty, integer.allSatisfy({ $0.isASCII && $0.isNumber }),
              pieces.count == 1 || pieces[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return text }
        var grouped = ""
        for (i, ch) in integer.enumerated() {
            if i > 0, (integer.count - i) % 3 == 0 { grouped.append(".") }
            grouped.append(ch)
        }
        if pieces.count == 2, !pieces[1].isEmpty { grouped += "," + pieces[1] }
        return sign + grouped
    }

    /// A score or statistic with a fixed number of decimals, Vietnamese style (`8,42`).
    public static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "—" }
        let scale = pow(10.0, Double(places))
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero)
        let negative = rounded < 0
        let digits = String(Int64(abs(rounded)))
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let integer = String(padded.dropLast(places))
        let fraction = String(padded.suffix(places))
        return number((negative ? "-" : "") + integer + (places > 0 ? "." + fraction : ""))
    }

    /// `02/04/2024`.
    public static func date(_ d: CalendarDate) -> String {
        two(d.day) + "/" + two(d.month) + "/" + String(d.year)
    }

    /// `01/2022`.
    public static func month(_ m: YearMonth) -> String {
        two(m.month) + "/" + String(m.year)
    }

    /// `01/2022 – 05/2024`, or `01/2022 – nay` when ongoing.
    public static func period(_ p: Period) -> String {
        month(p.start) + " – " + (p.end.map(month) ?? "nay")
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: Collation

    /// Vietnamese alphabetical order (`CollationKey`): An, Ăn, Ân, B, …, D, Đ, …, U, Ư, …; tones
    /// and then case decide between the same letters, and the bytes between the rest, so that
    /// sorting is total and the same on every platform.
    public static func compare(_ a: String, _ b: String) -> ComparisonResult {
        let ka = CollationKey(a), kb = CollationKey(b)
        return ka < kb ? .orderedAscending : kb < ka ? .orderedDescending : .orderedSame
    }

    public static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) == .orderedAscending }

    /// The 29 letters of the Vietnamese alphabet, in order.
    public static let alphabet: [String] = [
        "A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "G", "H", "I", "K", "L", "M", "N", "O", "Ô", "Ơ",
        "P", "Q", "R", "S", "T", "U", "Ư", "V", "X", "Y",
    ]

    /// The index letter of a term: the base letter of its first grapheme, tone marks dropped but
    /// the letter's own marks (breve, circumflex, horn, the bar of Đ) kept — "Ấp" goes under Â,
    /// "Ủy ban" under U, "Ứng Hòa" under Ư. Latin letters outside the alphabet (F, J, W, Z) get
    /// their own letter; a term that starts with anything else goes under "#".
    public static func indexLetter(_ term: String) -> String {
        guard let first = term.first(where: { !$0.isWhitespace && !"“\"'‘(«[".contains($0) }) else { return "#" }
        // Decompose, keep the base and the vowel-shaping marks, drop tones.
        let decomposed = String(first).decomposedStringWithCanonicalMapping
        var kept = String.UnicodeScalarView()
        for (i, scalar) in decomposed.unicodeScalars.enumerated() {
            if i == 0 {
                kept.append(scalar)
            } else if [0x0306, 0x0302, 0x031B].contains(scalar.value) {
                kept.append(scalar)
            }
        }
        let letter = String(kept).precomposedStringWithCanonicalMapping.uppercased()
        if alphabet.contains(letter) { return letter }
        if letter.count == 1, let s = letter.unicodeScalars.first, s.isASCII, s.properties.isAlphabetic {
            return letter
        }
        return "#"
    }

    /// Sorts terms in Vietnamese order and groups them by index letter. Groups come out in
    /// alphabet order because the sort already follows the alphabet; "#" comes first.
    public static func grouped<T>(_ items: [T], by term: (T) -> String) -> [(letter: String, items: [T])] {
        let keyed = items.map { item in
            let t = term(item)
            return (t, CollationKey(t), item)
        }
        let sorted = keyed.sorted { $0.1 < $1.1 }
        var groups: [(letter: String, items: [T])] = []
        var positions: [String: Int] = [:]
        for (t, _, item) in sorted {
            let letter = indexLetter(t)
            if let at = positions[letter] {
                groups[at].items.append(item)
            } else {
                positions[letter] = groups.count
                groups.append((letter, [item]))
            }
        }
        // Letters are contiguous after a Vietnamese sort; this only orders "#" and stray groups.
        return groups.sorted { a, b in
            if a.letter == "#" { return b.letter != "#" }
            if b.letter == "#" { return false }
            return precedes(a.letter, b.letter)
        }
    }

    /// Roman numerals for part labels.
    public static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n
        var out = ""
        for (value, numeral) in table {
            while n >= value {
                out += numeral
                n -= value
            }
        }
        return out
    }

    /// Administrative prefixes moved after the name in the district index, so that "Huyện Gia
    /// Viễn" is found under G as "Gia Viễn (huyện)".
    static let districtPrefixes = ["Thành phố", "Thị xã", "Huyện", "Quận", "Tỉnh"]

    /// The form of a district name used in the index.
    public static func districtIndexTerm(_ name: String) -> String {
        for prefix in districtPrefixes {
            if name.hasPrefix(prefix + " ") {
                let rest = name.dropFirst(prefix.count + 1).trimmingCharacters(in: .whitespaces)
                if !rest.isEmpty { return rest + " (" + prefix.lowercased() + ")" }
            }
        }
        return name
    }
}
