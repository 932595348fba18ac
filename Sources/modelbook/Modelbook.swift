import ArgumentParser
import Foundation
import Messages

@main
struct Modelbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modelbook",
        abstract: CommandText.modelbookAbstract.text,
        version: ModelbookVersion.string,
        subcommands: [InitCommand.self, CheckCommand.self, GenerateCommand.self, SelectCommand.self, AssignCommand.self, VerifyCommand.self, ExplainCommand.self, BuildCommand.self, AuditCommand.self, DeskCommand.self]
    )

    /// As ArgumentParser's own `main`, except that a wrong command line is explained in the
    /// user's language (ArgumentParser words its errors in English only).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            guard Language.current == .vi else { exit(withError: error) }
            switch exitCode(for: error) {
            case .validationFailure:
                FileHandle.standardError.write(Data((UsageError.translated(fullMessage(for: error)) + "\n").utf8))
                exit(withError: ExitCode.validationFailure)
            case .success:
                // `--help` and `help <command>`: ArgumentParser's headings and its own option texts,
                // in the catalogue's words (the commands' texts already are). `--version` passes unchanged.
                let message = fullMessage(for: error)
                guard !message.isEmpty else { exit(withError: error) }
                FileHandle.standardOutput.write(Data((HelpText.translated(message) + "\n").utf8))
                exit(withError: ExitCode.success)
            default:
                exit(withError: error)
            }
        }
    }
}

/// ArgumentParser's help screens with its fixed words (the headings, "(default: …)", the texts
/// of `--help` and `--version`) taken from the catalogue. Everything else is the commands' own text.
enum HelpText {
    static func translated(_ message: String) -> String {
        let headings: [(String, CommandText)] = [("OVERVIEW:", .helpOverview), ("USAGE:", .helpUsage), ("ARGUMENTS:", .helpArguments),
                                                 ("OPTIONS:", .helpOptions), ("SUBCOMMANDS:", .helpSubcommands)]
        // "(values: a, b; default: a)" may wrap between "b;" and "default:".
        let message = message.replacing(/;(\s+)default:/) { ";" + $0.1 + CommandText.helpDefault.text }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { piece in
            var line = String(piece)
            for (english, key) in headings where line.hasPrefix(english) {
                line = key.text + line.dropFirst(english.count)
            }
            if let see = line.firstMatch(of: /^(\s*)See '(.+) <subcommand>' for detailed help\.$/) {
                line = String(see.1) + CommandText.helpSeeSubcommand.text(["command": .text(String(see.2))])
            }
            return line
                .replacingOccurrences(of: "(default:", with: "(" + CommandText.helpDefault.text)
                .replacingOccurrences(of: "(values:", with: "(" + CommandText.helpValues.text)
                .replacingOccurrences(of: "Show the version.", with: CommandText.helpShowVersion.text)
                .replacingOccurrences(of: "Show help information.", with: CommandText.helpShowHelp.text)
        }.joined(separator: "\n")
    }
}

/// ArgumentParser's usage errors in the catalogue's words: `Error: Unknown option '--x'`, the
/// usage line and the hint to `--help`. Lines it does not know are kept as they are.
enum UsageError {
    static func translated(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let text = String(line)
            if let rest = text.dropPrefix("Error: ") {
                return CommandText.usageError.text(["message": .text(problem(rest))])
            }
            if let rest = text.dropPrefix("Usage: ") { return CommandText.usageLabel.text + " " + rest }
            if let rest = text.dropPrefix("Help: ") { return CommandText.usageHelpLabel.text + " " + rest }
            if let rest = text.dropPrefix("  See '"), let end = rest.range(of: " --help' for more information.") {
                return "  " + CommandText.usageHint.text(["command": .text(String(rest[..<end.lowerBound]))])
            }
            return text
        }.joined(separator: "\n")
    }

    private static func problem(_ text: String) -> String {
        if let split = text.range(of: ". Please provide one of ") {
            let values = text[split.upperBound...].replacingOccurrences(of: "' and '", with: "', '")
            return CommandText.usageOneOf.text(["problem": .text(problem(String(text[..<split.lowerBound]))),
                                                "values": .text(values.hasSuffix(".") ? String(values.dropLast()) : values)])
        }
        if let option = text.dropPrefix("Unknown option ") { return CommandText.usageUnknownOption.text(["option": .text(option)]) }
        if let option = text.dropPrefix("Missing value for ") { return CommandText.usageMissingValue.text(["option": .text(option)]) }
        if let argument = text.dropPrefix("Missing expected argument ") {
            return CommandText.usageMissingArgument.text(["argument": .text(argument)])
        }
        if let rest = text.dropPrefix("The value "), let middle = rest.range(of: " is invalid for ") {
            return CommandText.usageInvalidValue.text(["value": .text(String(rest[..<middle.lowerBound])),
                                                       "option": .text(String(rest[middle.upperBound...]))])
        }
        return text
    }
}

extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}

enum ModelbookVersion {
    static let string = "0.1.0"
}
