/// One part of the message catalogue: an enum whose cases are the keys, with a text in each language.
///
/// Both texts are written in `switch self` statements, so the compiler refuses a key without a
/// Vietnamese or an English text. Texts may hold placeholders:
/// - `{name}`: the argument called `name`, formatted the language's way (numbers, dates);
/// - `{name|one|other}`: `one` when the integer argument `name` is 1, else `other` — for English
///   plurals ("{n} {n|candidate|candidates}"); Vietnamese has no plural forms and rarely needs it.
/// `CatalogueTests` checks that every key has non-empty texts with the same placeholders.
public protocol Catalogue: CaseIterable, Sendable, Hashable, RawRepresentable where RawValue == String {
    /// The prefix of every key's code, e.g. `check` for `check.missing-file`.
    static var domain: String { get }
    var vietnamese: String { get }
    var english: String { get }
}

extension Catalogue {
    /// The stable, English, machine-readable name of the message (for `--format json` and tests).
    public var code: String { "\(Self.domain).\(rawValue)" }

    /// The message with its arguments, rendered later in whichever language is asked for.
    public func with(_ arguments: [String: MessageValue]) -> Message {
        Message(code: code, vietnamese: vietnamese, english: english, arguments: arguments)
    }

    /// The message without arguments.
    public var message: Message { with([:]) }

    /// The text in the current language (`Language.current`).
    public var text: String { message.text() }

    /// The text with arguments in the current language.
    public func text(_ arguments: [String: MessageValue]) -> String { with(arguments).text() }

    /// The template in one language, placeholders unfilled.
    public func template(in language: Language) -> String {
        switch language {
        case .vi: vietnamese
        case .en: english
        }
    }
}

/// Every part of the catalogue, for the tests that check it whole. Add a new part here.
public enum Catalogues {
    public static let all: [any Catalogue.Type] = [
        CommonText.self,
        AuditText.self,
        SelectText.self,
        AssignText.self,
        DeskText.self,
        BookText.self,
        CheckText.self,
        CommandText.self,
        GeneratorText.self,
    ]
}
