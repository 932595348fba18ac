import ArgumentParser
import Pipeline
import Selection

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
        let m = try options.read(command: "select", nothingDone: "nothing was selected or recorded", progress: progress)
        let run = try options.runRounds(m, through: round, command: "select", nothingDone: "nothing was recorded",
                                        progress: progress)
        var records: [String] = []
        if !noRecord {
            do {
                records = try Steps.record(run, manuscript: m, tool: ModelbookVersion.string).map {
                    switch $0 {
                    case .written(let path): "\(m.path(of: path)): written"
                    case .unchanged(let path): "\(m.path(of: path)): unchanged (same inputs and results), nothing written"
                    }
                }
            } catch {
                throw StepFailure.failed(error, command: "select")
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
        let verification = Steps.verify(options.manuscript, tool: ModelbookVersion.string)
        let report = verification.report
        let readable = verification.manuscriptErrors == 0
        var out = report.summary.joined(separator: "\n") + "\n"
        let findings = report.findings.sortedForReport()
        if !findings.isEmpty { out += findings.map(\.formatted).joined(separator: "\n") + "\n" }
        if !readable {
            out += "the manuscript has \(verification.manuscriptErrors) error(s) (see `modelbook check`): records were checked "
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
        let m = try options.read(command: "explain", nothingDone: "nothing was selected or recorded")
        let run = try options.runRounds(m, command: "explain", nothingDone: "nothing was recorded")
        guard let text = Explain.text(id, run: run, manuscript: m) else {
            Output.error("modelbook explain: there is no submission \(id) in \(options.manuscript)/submissions\n")
            throw ExitCode(1)
        }
        Output.print(text)
    }
}
