/// Escaping for XML text and attribute values: the one place where output is escaped.
public enum XMLEscape {
    /// Text content: `&`, `<`, `>` escaped.
    public static func text(_ s: String) -> String { escape(s, quotes: false, whitespace: false, apostrophe: false) }

    /// Attribute values in double quotes: also `"` and the whitespace that would be normalised.
    public static func attribute(_ s: String) -> String { escape(s, quotes: true, whitespace: true, apostrophe: false) }

    /// HTML text and attribute values, double- or single-quoted alike: `&`, `<`, `>`, `"`, `'`.
    public static func html(_ s: String) -> String { escape(s, quotes: true, whitespace: false, apostrophe: true) }

    /// Attribute values in double quotes, whitespace kept as it is: `&`, `<`, `>`, `"`.
    /// (A parser turns a line break in a value into a space; the manuscript files never hold one.)
    public static func attributeKeepingWhitespace(_ s: String) -> String {
        escape(s, quotes: true, whitespace: false, apostrophe: false)
    }

    /// A comment's text: no `--` may remain (`---` becomes `- - -`).
    public static func comment(_ s: String) -> String {
        var t = s
        while t.contains("--") { t = t.replacing("--", with: "- -") }
        return t
    }

    private static func escape(_ s: String, quotes: Bool, whitespace: Bool, apostrophe: Bool) -> String {
        func special(_ b: UInt8) -> Bool {
            b == 0x26 || b == 0x3C || b == 0x3E || (quotes && b == 0x22) || (apostrophe && b == 0x27)
                || (whitespace && (b == 0x0A || b == 0x0D || b == 0x09))
        }
        guard s.utf8.contains(where: special) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            case "\n" where whitespace: out += "&#10;"
            case "\r" where whitespace: out += "&#13;"
            case "\t" where whitespace: out += "&#9;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// The one XML writer (round records, DocBook, the generated manuscript files): explicit
/// structure, every value escaped by `XMLEscape`, no indentation magic. Callers put newlines
/// where they want them with `newline()`.
public struct XMLWriter: Sendable {
    public static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    public private(set) var output: String = ""
    private var open: [String] = []
    /// Attribute values keep tabs and line breaks as they are (`XMLEscape.attributeKeepingWhitespace`).
    private let keepWhitespaceInAttributes: Bool

    public init(declaration: Bool = true, keepWhitespaceInAttributes: Bool = false) {
        if declaration { output = Self.declaration }
        self.keepWhitespaceInAttributes = keepWhitespaceInAttributes
    }

    public mutating func reserveCapacity(_ n: Int) { output.reserveCapacity(n) }

    public var depth: Int { open.count }

    // Appended piece by piece: `output += "<" + name` built a temporary string each time, which
    // was most of the cost of a round record listing 10,000 candidates.

    public mutating func start(_ name: String, _ attributes: [(String, String?)] = []) {
        output.append("<")
        output.append(name)
        appendAttributes(attributes)
        output.append(">")
        open.append(name)
    }

    public mutating func end() {
        let name = open.removeLast()
        output.append("</")
        output.append(name)
        output.append(">")
    }

    public mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        output.append("<")
        output.append(name)
        appendAttributes(attributes)
        output.append("/>")
    }

    /// `<name attrs>text</name>`.
    public mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String) {
        start(name, attributes)
        self.text(text)
        end()
    }

    public mutating func text(_ s: String) { output.append(XMLEscape.text(s)) }

    /// Already-serialised, trusted XML (a fragment read and checked elsewhere).
    public mutating func raw(_ xml: String) { output += xml }

    public mutating func comment(_ s: String) {
        output += "<!-- " + XMLEscape.comment(s) + " -->"
    }

    public mutating func newline(indent: Bool = true) {
        output.append("\n")
        if indent { for _ in 0..<open.count { output.append("  ") } }
    }

    private mutating func appendAttributes(_ attributes: [(String, String?)]) {
        for (key, value) in attributes {
            guard let value else { continue }
            output.append(" ")
            output.append(key)
            output.append("=\"")
            output.append(keepWhitespaceInAttributes ? XMLEscape.attributeKeepingWhitespace(value) : XMLEscape.attribute(value))
            output.append("\"")
        }
    }
}
