/// Escaping for XML text and attribute values: the one place where output is escaped.
public enum XMLEscape {
    /// Text content: `&`, `<`, `>` escaped.
    public static func text(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Attribute values in double quotes: also `"` and the whitespace that would be normalised.
    public static func attribute(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// A small streaming XML writer: one escaper, explicit structure, no indentation magic.
/// Callers put newlines where they want them with `newline()`.
public struct XMLWriter: Sendable {
    public private(set) var output: String = ""
    private var open: [String] = []

    public init(declaration: Bool = true) {
        if declaration { output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
    }

    public var depth: Int { open.count }

    public mutating func start(_ name: String, _ attributes: [(String, String?)] = []) {
        output += "<" + name
        appendAttributes(attributes)
        output += ">"
        open.append(name)
    }

    public mutating func end() {
        let name = open.removeLast()
        output += "</" + name + ">"
    }

    public mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        output += "<" + name
        appendAttributes(attributes)
        output += "/>"
    }

    /// `<name attrs>text</name>`.
    public mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String) {
        start(name, attributes)
        self.text(text)
        end()
    }

    public mutating func text(_ s: String) { output += XMLEscape.text(s) }

    /// Already-serialised, trusted XML (a fragment read and checked elsewhere).
    public mutating func raw(_ xml: String) { output += xml }

    public mutating func comment(_ s: String) {
        output += "<!-- " + s.replacing("--", with: "- -") + " -->"
    }

    public mutating func newline(indent: Bool = true) {
        output += "\n"
        if indent { output += String(repeating: "  ", count: open.count) }
    }

    private mutating func appendAttributes(_ attributes: [(String, String?)]) {
        for (key, value) in attributes {
            guard let value else { continue }
            output += " " + key + "=\"" + XMLEscape.attribute(value) + "\""
        }
    }
}
