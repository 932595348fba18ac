import ArgumentParser
import Foundation
import Messages
import ManuscriptModel
import ManuscriptReader
import Pipeline
import Selection

/// `--manuscript DIR`, shared by every subcommand that reads a manuscript, with `--lang`.
struct ManuscriptOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(CommandText.manuscriptHelp.text, valueName: "DIR"))
    var manuscript: String = "manuscript"

    @OptionGroup var language: LanguageOption
}

/// `--lang vi|en`: the language of everything the command prints. The program reads it when it
/// starts (`Language.atLaunch`, which also looks at `LC_ALL`, `LC_MESSAGES` and `LANG`), so that
/// help texts are in it too; the option is declared so that it is listed and checked.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(CommandText.langHelp.text, valueName: "vi|en"))
    var lang: Language?
}

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
    public static var allValueStrings: [String] { Language.allCases.map(\.rawValue) }
}

/// `--format text|json` for commands that print findings or results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The values a command read (a manuscript of thousands of submissions, its selection run) are
/// kept here until the process exits instead of being freed one by one when the command returns:
/// freeing them would only add time on one thread just before exiting.
enum FreedByExit {
    nonisolated(unsafe) private static var values: [any Sendable] = []
    static func keep(_ value: any Sendable) { values.append(value) }
}

enum Output {
    static func print(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    static func error(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}

/// How a command reports a failed step: what the step found, then one line saying what was not done.
enum StepFailure {
    /// The manuscript has errors: they are listed, then `modelbook <command>: … Fix them … and run again.`
    static func unreadable(_ e: PipelineError, command: String, nothingDone: String) -> ExitCode {
        Output.error(e.details.joined(separator: "\n") + "\n"
                     + CommandText.stepStopUnreadable.text(["command": .text(command), "message": .text(e.message),
                                                             "consequence": .text(nothingDone)]) + "\n")
        return ExitCode(1)
    }

    /// The rounds cannot run: why, then `modelbook <command>: stopped; …`.
    static func stopped(_ e: PipelineError, command: String, nothingDone: String) -> ExitCode {
        Output.error(e.details.joined(separator: "\n") + "\n"
                     + CommandText.stepStopped.text(["command": .text(command), "consequence": .text(nothingDone)]) + "\n")
        return ExitCode(1)
    }

    /// Any other step: `modelbook <command>: <message>`.
    static func failed(_ e: PipelineError, command: String) -> ExitCode {
        Output.error("modelbook \(command): \(e.message)\n")
        return ExitCode(1)
    }
}

extension ManuscriptOptions {
    /// The manuscript for a command that stops on its errors (printed with `nothingDone`).
    /// `keepsText: false` for commands that only select (`ReadOptions.keepsText`).
    func read(command: String, nothingDone: String, progress: ProgressReporter? = nil, keepsText: Bool = true) throws -> Manuscript {
        progress?.next()
        defer { progress?.finish() }
        do {
            let result = try Steps.read(manuscript, options: progress?.readOptions(keepsText: keepsText) ?? ReadOptions(keepsText: keepsText))
            FreedByExit.keep(result)
            return result.manuscript
        } catch {
            progress?.finish()
            throw StepFailure.unreadable(error, command: command, nothingDone: nothingDone)
        }
    }

    /// The rounds run on it (through `round`).
    func runRounds(_ m: Manuscript, through round: String? = nil, command: String,
                   nothingDone: String, progress: ProgressReporter? = nil) throws -> SelectionRun {
        progress?.next()
        defer { progress?.finish() }
        do {
            let run = try Steps.runRounds(m, through: round)
            FreedByExit.keep(run)
            return run
        } catch {
            throw StepFailure.stopped(error, command: command, nothingDone: nothingDone)
        }
    }
}
