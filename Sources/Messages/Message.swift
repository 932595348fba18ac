/// A sentence for a person, kept as its key, both templates and its arguments, so that it can be
/// rendered in either language when it is printed (findings are made on worker threads; the
/// language is chosen where they are shown).
public struct Message: Hashable, Sendable, CustomStringConvertible {
    /// The key's code (`check.missing-file`); empty for verbatim text.
    public let code: String
    public let vietnamese: String
    public let english: String
    public let arguments: [String: MessageValue]

    public init(code: String, vietnamese: String, english: String, arguments: [String: MessageValue] = [:]) {
        self.code = code
        self.vietnamese = vietnamese
        self.english = english
        self.arguments = arguments
    }

    /// Text that is not ours to translate: a file's content, a validator's own words, a name.
    public static func verbatim(_ text: String) -> Message {
        Message(code: "", vietnamese: text, english: text)
    }

    /// The message in `language`, placeholders filled.
    public func text(in language: Language = Language.current) -> String {
        if code.isEmpty { return vietnamese }
        let template = language == .vi ? vietnamese : english
        return Template.fill(template, arguments: arguments, language: language)
    }

    public var description: String { text() }
}

extension Message: Codable {
    /// Encoded as its text in the current language; decoded as verbatim text.
    public init(from decoder: any Decoder) throws {
        self = .verbatim(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text())
    }
}

/// One value put into a message. Numbers and dates are formatted the language's way when shown.
public enum MessageValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringInterpolation
{
    /// Shown as is (names, paths, ids, years).
    case text(String)
    /// A count: `10.000` in Vietnamese, `10,000` in English.
    case integer(Int)
    /// A decimal with a fixed number of places: `7,25` / `7.25`.
    case decimal(Double, places: Int)
    /// A calendar day: `20/6/2024` / `20 June 2024`.
    case date(year: Int, month: Int, day: Int)
    /// Another message, rendered in the same language.
    case message(Message)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }

    public func text(in language: Language) -> String {
        switch self {
        case .text(let value): value
        case .integer(let value): NumberStyle.integer(value, in: language)
        case .decimal(let value, let places): NumberStyle.decimal(value, places: places, in: language)
        case .date(let year, let month, let day): NumberStyle.date(year: year, month: month, day: day, in: language)
        case .message(let message): message.text(in: language)
        }
    }

    /// The integer value, for plural choices.
    var count: Int? {
        switch self {
        case .integer(let value): value
        case .decimal(let value, _): value == 1 ? 1 : 2
        default: nil
        }
    }
}
