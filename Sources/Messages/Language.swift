import Foundation

/// The language the program speaks to its users. Vietnamese unless someone asks for English.
///
/// How it is chosen, once, when the program starts (`Language.atLaunch`):
/// 1. `--lang vi` or `--lang en` (also `--lang=en`) anywhere on the command line;
/// 2. otherwise the first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`: a value starting with `en`
///    gives English;
/// 3. otherwise Vietnamese (also for `C`, `POSIX`, `C.UTF-8` and every other locale).
///
/// Code that renders text reads `Language.current`, a task-local value that defaults to the launch
/// language. Tests (and the desk, per request if it ever needs to) set it with
/// `Language.$current.withValue(.en) { … }`.
public enum Language: String, CaseIterable, Sendable, Codable {
    case vi, en

    /// The language for this task: `atLaunch` unless a caller set another.
    @TaskLocal public static var current: Language = atLaunch

    /// The language the command line and the environment asked for when the program started.
    public static let atLaunch: Language = resolve(
        arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)

    /// The rule above, as a pure function.
    public static func resolve(arguments: [String], environment: [String: String]) -> Language {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang", arguments.index(after: index) < arguments.endIndex {
                if let chosen = Language(code: arguments[arguments.index(after: index)]) { return chosen }
            } else if argument.hasPrefix("--lang="), let chosen = Language(code: String(argument.dropFirst(7))) {
                return chosen
            }
            index = arguments.index(after: index)
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .vi
        }
        return .vi
    }

    /// `vi`, `en`, and their regional forms (`vi_VN.UTF-8`, `en-GB`); nil for anything else.
    public init?(code: String) {
        let lower = code.lowercased()
        if lower == "vi" || lower.hasPrefix("vi_") || lower.hasPrefix("vi-") || lower.hasPrefix("vi.") {
            self = .vi
        } else if lower == "en" || lower.hasPrefix("en_") || lower.hasPrefix("en-") || lower.hasPrefix("en.") {
            self = .en
        } else {
            return nil
        }
    }
}
