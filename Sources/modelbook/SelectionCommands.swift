import ArgumentParser
import Diagnostics
import Foundation
import ManuscriptModel
import ManuscriptReader
import Pipeline
import Selection

/// Reads the manuscript for a selection command; prints the reader's errors and stops when there are any.
enum SelectionInput {
    static func read(_ options: ManuscriptOptions, command: String,
                     nothingDone: String = "nothing was selected or recorded", progress: ProgressReporter? = nil) throws -> Manuscript {
        progress?.next()
        let result = ManuscriptReader.read(folder: options.manuscript, options: progress?.readOptions ?? ReadOptions())
        progress?.finish()
        let errors = result.findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            var out = errors.sortedForReport().map(\.formatted).joined(separator: "\n") + "\n"
            out += "modelbook \(command): the manuscript has \(errors.count) error(s); \(nothingDone). "
                + "Fix them (see `modelbook check`) and run again.\n"
            Output.error(out)
            throw ExitCode(1)
        }
        KeptUntilExit.keep(result)
        return result.manuscript
    }

    static func fail(_ error: SelectionError, command: String) -> ExitCode {
        Output.error(error.findings.map(\.formatted).joined(separator: "\n") + "\n"
                     + "modelbook \(command): stopped; nothing was recorded.\n")
        return ExitCode(1)
    }
}

enum Output {
    static func print(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    static func error(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}

/// `modelbook select`: runs the rounds of selection.xml and records each one.
struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Run the selection rounds: eligibility, ranking, and the exact choice under the quotas.",
        discussion: """
            Runs the rounds of selection.xml in order (up to --round), prints what each decided, and writes \
            one record per round to <manuscript>/rounds/NNN-<round>.xml, chained by SHA-256. A round whose \
            inputs and results are exactly as last recorded is not written again. Refuses to run when the \
            manuscript has errors. Exit status: 0 done, 1 errors or no selection possible, 64 usage.
            """
    )

    @OptionGroup var options: ManuscriptOptions

    @Option(name: .long, help: ArgumentHelp("Stop after this round.", valueName: "ID"))
    var round: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp(
        "Flag candidates whose counted review totals span more than X points (default: 30% of the rubric's range).",
        valueName: "X"))
    var flagSpread: Double?

    @Option(name: .long, help: ArgumentHelp("Ranked candidates listed per rank round.", valueName: "N"))
    var top: Int = 20

    @Flag(name: .long, help: "Do not write round records.")
    var noRecord = false

    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
        let progress = progressOptions.reporter(["read the manuscript", "run the rounds"])
        let m = try SelectionInput.read(options, command: "select", progress: progress)
        let run: SelectionRun
        do {
            progress.next()
            defer { progress.finish() }
            run = try Selection.run(m, through: round)
            KeptUntilExit.keep(run)
        } catch {
            throw SelectionInput.fail(error, command: "select")
        }
        var records: [String] = []
        if !noRecord {
            _ = try OutputRefusal.check("select") { try OutputFolder.formatFolder(RecordStore.folder, manuscript: m.root) }
            for result in run.rounds {
                do {
                    switch try RecordStore.record(result, manuscript: m, tool: ModelbookVersion.string) {
                    case .written(let path): records.append("\(shown(path, m)): written")
                    case .unchanged(let path): records.append("\(shown(path, m)): unchanged (same inputs and results), nothing written")
                    }
                } catch {
                    Output.error("modelbook select: cannot record round \(result.id): \(error)\n")
                    throw ExitCode(1)
                }
            }
        }
        switch format {
        case .json: Output.print(SelectionReport.json(run, records: noRecord ? nil : records))
        case .text:
            Output.print(SelectionReport.text(run, manuscript: m, options: .init(top: top, flagSpread: flagSpread),
                                              records: records))
        }
    }
}

/// A path inside the manuscript, as the user named the folder.
func shown(_ relative: String, _ m: Manuscript) -> String {
    m.root.isEmpty || m.root == "." ? relative : (m.root.hasSuffix("/") ? m.root + relative : m.root + "/" + relative)
}

/// `modelbook verify`: checks the chain of round records against each other and the present inputs.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the round records: their chain, their inputs, and their results computed again.",
        discussion: """
            Walks <manuscript>/rounds/ in order. Each record must link to the SHA-256 of the one before; \
            the latest record of each round must name the inputs as they are now; a record whose inputs are \
            unchanged is computed again and must be identical. Problems are printed as \
            `file:line:column: error: message`. Exit status: 0 all intact, 1 any problem.
            """
    )

    @OptionGroup var options: ManuscriptOptions

    func run() throws {
        let result = ManuscriptReader.read(folder: options.manuscript)
        let m = result.manuscript
        let readable = result.findings.errorCount == 0
        let report = RecordVerifier.verify(root: m.root, currentDigests: m.inputDigests,
                                           recompute: readable ? { RecordVerifier.recompute(m, round: $0, tool: ModelbookVersion.string) } : nil)
        var out = report.summary.joined(separator: "\n") + "\n"
        let findings = report.findings.sortedForReport()
        if !findings.isEmpty { out += findings.map(\.formatted).joined(separator: "\n") + "\n" }
        if !readable {
            out += "the manuscript has \(result.findings.errorCount) error(s) (see `modelbook check`): records were checked "
                + "for their chain and inputs but not computed again\n"
        }
        let errors = findings.errorCount
        out += errors == 0 && readable ? "verified \(report.summary.count) record(s): no problems\n"
            : "verify found \(errors) problem(s)\n"
        Output.print(out)
        if errors > 0 || !readable { throw ExitCode(1) }
    }
}

/// `modelbook explain ID`: every step of one submission's way through the rounds.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain what happened to one submission in every round, and why.",
        discussion: """
            Shows every review with its scores and whether it counted, the normalisation, the aggregate, \
            the rank, each round's outcome, the editors' overrides, and for a candidate left out of the final \
            selection despite a higher score, the quota that kept it out and the change that would let it in.
            """
    )

    @OptionGroup var options: ManuscriptOptions

    @Argument(help: "The submission's id.")
    var id: String

    func run() throws {
        let m = try SelectionInput.read(options, command: "explain")
        let run: SelectionRun
        do {
            run = try Selection.run(m)
        } catch {
            throw SelectionInput.fail(error, command: "explain")
        }
        guard let text = Explain.text(id, run: run, manuscript: m) else {
            Output.error("modelbook explain: there is no submission \(id) in \(options.manuscript)/submissions\n")
            throw ExitCode(1)
        }
        Output.print(text)
    }
}
