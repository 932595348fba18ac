import Foundation
import Messages
import XMLKit

/// A fragment of HTML (or inline SVG). Interpolating a `String` escapes it; interpolating an
/// `HTML` inserts it as is. So text from the manuscript is escaped unless code says otherwise,
/// and the only unescaped text is what this module's literals spell.
struct HTML: ExpressibleByStringInterpolation, Hashable, Sendable, CustomStringConvertible {
    private(set) var raw: String

    init(raw: String) { self.raw = raw }
    init(stringLiteral value: String) { raw = value }
    init(stringInterpolation: StringInterpolation) { raw = stringInterpolation.raw }

    var description: String { raw }

    static let empty = HTML(raw: "")

    static func + (a: HTML, b: HTML) -> HTML { HTML(raw: a.raw + b.raw) }
    static func += (a: inout HTML, b: HTML) { a.raw += b.raw }

    struct StringInterpolation: StringInterpolationProtocol {
        var raw = ""
        init(literalCapacity: Int, interpolationCount: Int) { raw.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { raw += literal }
        mutating func appendInterpolation(_ text: String) { raw += HTML.escape(text) }
        mutating func appendInterpolation(_ text: Substring) { raw += HTML.escape(String(text)) }
        /// A count, written the reader's way (`10.000` in Vietnamese).
        mutating func appendInterpolation(_ n: Int) { raw += NumberStyle.integer(n) }
        mutating func appendInterpolation(_ html: HTML) { raw += html.raw }
        mutating func appendInterpolation(_ parts: [HTML]) { for p in parts { raw += p.raw } }
    }

    /// Escapes for text and for attribute values (double- or single-quoted) alike.
    static func escape(_ s: String) -> String { XMLEscape.html(s) }

    /// A sentence of the catalogue on a page, in `Language.current`: its text escaped, except the
    /// `markup` placeholders, which are filled with HTML as is (a link, a `<code>`, a coloured span).
    static func text<C: Catalogue>(_ key: C, _ arguments: [String: MessageValue] = [:],
                                   markup: [String: HTML] = [:]) -> HTML {
        var arguments = arguments
        var tokens: [(String, HTML)] = []
        for (i, (name, html)) in markup.sorted(by: { $0.key < $1.key }).enumerated() {
            // Private-use characters: no catalogue text or escaping produces them.
            let token = "\u{E000}\(i)\u{E001}"
            arguments[name] = .text(token)
            tokens.append((token, html))
        }
        var raw = escape(key.text(arguments))
        for (token, html) in tokens { raw = raw.replacingOccurrences(of: token, with: html.raw) }
        return HTML(raw: raw)
    }
}

extension HTML {
    /// Text whose `backquoted` parts are commands (`modelbook verify`): escaped, those parts in `<code>`.
    static func withCode(_ text: String) -> HTML {
        var out = HTML.empty
        for (i, part) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
            out += i % 2 == 1 ? "<code>\(part)</code>" : "\(part)"
        }
        return out
    }
}

extension Array where Element == HTML {
    func joined(separator: HTML) -> HTML {
        var out = HTML.empty
        for (i, part) in enumerated() {
            if i > 0 { out += separator }
            out += part
        }
        return out
    }
}
