/// Measuring and wrapping text in displayed columns. A column is a grapheme cluster (a Swift
/// `Character`, so a base letter with its Vietnamese combining marks is one); East Asian wide
/// and fullwidth characters take two, zero-width characters none.
public enum TextLayout {
    /// Displayed width of one grapheme cluster.
    public static func width(of ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        let v = first.value
        if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Displayed width of a string.
    public static func width<S: StringProtocol>(of s: S) -> Int {
        if let simple = simpleWidth(s.unicodeScalars) { return simple }
        var w = 0
        for ch in s {
            w += ch.isASCII ? 1 : width(of: ch)
        }
        return w
    }

    /// The width without grapheme breaking, when every scalar is certainly a one-column grapheme
    /// cluster of its own: printable ASCII, Latin-1 and Latin Extended letters, Greek letters,
    /// precomposed Vietnamese letters, common punctuation. Nil when another scalar appears (a
    /// combining mark, a control, a wide or zero-width character): then clusters are counted.
    static func simpleWidth<Scalars: Sequence>(_ scalars: Scalars) -> Int? where Scalars.Element == Unicode.Scalar {
        var n = 0
        for scalar in scalars {
            let v = scalar.value
            guard (0x20...0x7E).contains(v) || (0xA0...0x2FF).contains(v) || (0x391...0x3C9).contains(v)
                || (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
            else { return nil }
            n += 1
        }
        return n
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Whitespace that separates words. No-break spaces join.
    static func isBreakingSpace(_ ch: Character) -> Bool {
        ch == " " || (ch.isWhitespace && ch != "\u{00A0}" && ch != "\u{202F}" && ch != "\u{2007}")
    }

    /// The words of a text, split at breaking whitespace.
    static func words(_ text: String) -> [Substring] {
        // Fast path: only ASCII spaces separate words, and no space starts a cluster with a
        // combining mark after it; then splitting the bytes at 0x20 splits between clusters.
        let bytes = text.utf8
        if simpleWidth(text.unicodeScalars) != nil {
            var out: [Substring] = []
            var start = bytes.startIndex
            var i = start
            while i != bytes.endIndex {
                if bytes[i] == 0x20 {
                    if i != start { out.append(text[start..<i]) }
                    start = bytes.index(after: i)
                }
                i = bytes.index(after: i)
            }
            if start != bytes.endIndex { out.append(text[start..<bytes.endIndex]) }
            return out
        }
        return text.split(whereSeparator: isBreakingSpace)
    }

    /// Greedy wrapping: `first` prefixes the first line, `rest` every further line; a word
    /// wider than the room left stays whole on a line of its own (unless `hardBreak`, used in
    /// table cells, splits it between grapheme clusters). Lines carry no trailing spaces.
    static func wrap(_ text: String, width: Int, first: String = "", rest: String = "", hardBreak: Bool = false) -> [String] {
        if !hardBreak, let lines = wrapSimple(text, width: width, first: first, rest: rest) { return lines }
        return wrapClusters(text, width: width, first: first, rest: rest, hardBreak: hardBreak)
    }

    /// `wrap` for the common case, working on UTF-8 bytes: when every scalar of the text is a
    /// one-column cluster of its own (`simpleWidth`), words are the runs between U+0020 and a
    /// word's width is its count of scalars (its bytes that do not continue a scalar). The
    /// result is the same as `wrapClusters`, without building a `Substring` and measuring it
    /// per word. Nil when the text is not simple.
    static func wrapSimple(_ text: String, width: Int, first: String, rest: String) -> [String]? {
        guard simpleWidth(text.unicodeScalars) != nil else { return nil }
        let firstWidth = self.width(of: first)
        let restWidth = self.width(of: rest)
        var text = text
        return text.withUTF8 { bytes -> [String] in
            var lines: [String] = []
            var line: [UInt8] = Array(first.utf8)
            line.reserveCapacity(width * 4 + 16)
            var lineWidth = firstWidth
            var hasWord = false
            func push() {
                while line.last == 0x20 { line.removeLast() }
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: rest.utf8)
                lineWidth = restWidth
                hasWord = false
            }
            var i = 0
            let n = bytes.count
            while i < n {
                if bytes[i] == 0x20 { i += 1; continue }
                let start = i
                var w = 0
                while i < n, bytes[i] != 0x20 {
                    if bytes[i] & 0xC0 != 0x80 { w += 1 }
                    i += 1
                }
                if hasWord, lineWidth + 1 + w > width { push() }
                if hasWord {
                    line.append(0x20)
                    lineWidth += 1
                }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                lineWidth += w
                hasWord = true
            }
            if hasWord || !first.allSatisfy({ $0 == " " }) {
                while line.last == 0x20 { line.removeLast() }
                lines.append(String(decoding: line, as: UTF8.self))
            }
            return lines
        }
    }

    /// `wrap` for any text, measuring grapheme clusters.
    static func wrapClusters(_ text: String, width: Int, first: String, rest: String, hardBreak: Bool) -> [String] {
        var lines: [String] = []
        var line = first
        var lineWidth = self.width(of: first)
        var hasWord = false
        let restWidth = self.width(of: rest)
        func push() {
            lines.append(trimTrailing(line))
            line = rest
            lineWidth = restWidth
            hasWord = false
        }
        for word in words(text) {
            var word = Substring(word)
            var w = self.width(of: word)
            if hasWord, lineWidth + 1 + w > width { push() }
            if hardBreak {
                // Split a word too wide for an empty line into pieces that fit.
                while lineWidth + (hasWord ? 1 : 0) + w > width, !hasWord, w > 1 {
                    let room = max(1, width - lineWidth)
                    var taken = 0
                    var end = word.startIndex
                    while end < word.endIndex {
                        let cw = self.width(of: word[end])
                        if taken + cw > room, taken > 0 { break }
                        taken += cw
                        end = word.index(after: end)
                    }
                    if end == word.endIndex { break }
                    line += word[..<end]
                    lineWidth += taken
                    hasWord = true
                    push()
                    word = word[end...]
                    w = self.width(of: word)
                }
            }
            if hasWord {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += w
            hasWord = true
        }
        if hasWord || !first.allSatisfy({ $0 == " " }) { lines.append(trimTrailing(line)) }
        return lines
    }

    static func trimTrailing(_ s: String) -> String {
        // A trailing U+0020 is always a cluster of its own (nothing extends a space), so the
        // bytes tell.
        guard s.utf8.last == 0x20 else { return s }
        var end = s.utf8.endIndex
        while end != s.utf8.startIndex, s.utf8[s.utf8.index(before: end)] == 0x20 { end = s.utf8.index(before: end) }
        return String(s[..<end])
    }

    /// `s` followed by spaces up to `width` columns.
    static func pad(_ s: String, to width: Int) -> String {
        let w = self.width(of: s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }
}
