import ArgumentParser
import Messages
import Pipeline
import Selection

/// `modelbook select`: runs the rounds of selection.xml and records each one.
struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: SelectText.selectAbstract.text,
        discussion: SelectText.selectDiscussion.text
    )

    @OptionGroup var options: ManuscriptOptions

    @Option(name: .long, help: ArgumentHelp(SelectText.helpRound.text, valueName: "ID"))
    var round: String?

    @Option(name: .long, help: ArgumentHelp(SelectText.helpFormat.text))
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp(SelectText.helpFlagSpread.text, valueName: "X"))
    var flagSpread: Double?

    @Option(name: .long, help: ArgumentHelp(SelectText.helpTop.text, valueName: "N"))
    var top: Int = 20

    @Flag(name: .long, help: ArgumentHelp(SelectText.helpNoRecord.text))
    var noRecord = false

    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
        let progress = progressOptions.reporter([SelectText.stepRead.text, SelectText.stepRun.text])
        let m = try options.read(command: "select", nothingDone: SelectText.nothingSelectedOrRecorded.text, progress: progress, keepsText: false)
        let run = try options.runRounds(m, through: round, command: "select", nothingDone: SelectText.nothingRecorded.text,
                                        progress: progress)
        var records: [String] = []
        if !noRecord {
            do {
                records = try Steps.record(run, manuscript: m, tool: ModelbookVersion.string).map {
                    switch $0 {
                    case .written(let path): SelectText.recordWritten.text(["path": .text(m.path(of: path))])
                    case .unchanged(let path): SelectText.recordUnchanged.text(["path": .text(m.path(of: path))])
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
        abstract: SelectText.verifyAbstract.text,
        discussion: SelectText.verifyDiscussion.text
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
            out += SelectText.manuscriptHasErrors.text(["n": .integer(verification.manuscriptErrors)]) + "\n"
        }
        let errors = findings.errorCount
        out += (errors == 0 && readable ? SelectText.verifiedNoProblems.text(["n": .integer(report.summary.count)])
            : SelectText.verifyFound.text(["n": .integer(errors)])) + "\n"
        Output.print(out)
        if errors > 0 || !readable { throw ExitCode(1) }
    }
}

/// `modelbook explain ID`: every step of one submission's way through the rounds.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: SelectText.explainAbstract.text,
        discussion: SelectText.explainDiscussion.text
    )

    @OptionGroup var options: ManuscriptOptions

    @Argument(help: ArgumentHelp(SelectText.helpSubmissionID.text))
    var id: String

    func run() throws {
        let m = try options.read(command: "explain", nothingDone: SelectText.nothingSelectedOrRecorded.text, keepsText: false)
        let run = try options.runRounds(m, command: "explain", nothingDone: SelectText.nothingRecorded.text)
        guard let text = Explain.text(id, run: run, manuscript: m) else {
            Output.error(SelectText.noSuchSubmission.text(["id": .text(id), "folder": .text(options.manuscript)]) + "\n")
            throw ExitCode(1)
        }
        Output.print(text)
    }
}
