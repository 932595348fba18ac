import ArgumentParser
import Diagnostics
import Messages
import Pipeline

/// `modelbook audit`: the static HTML report of the selection, with CSV exports.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: CommandText.auditAbstract.text,
        discussion: CommandText.auditDiscussion.text
    )

    @OptionGroup var options: ManuscriptOptions

    @Option(name: .long, help: ArgumentHelp(CommandText.auditOutHelp.text, valueName: "DIR"))
    var out: String = "build/audit"

    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
        let folder = try OutputRefusal.check("audit") { try OutputFolder.confined(out: out, manuscript: options.manuscript) }
        let progress = progressOptions.reporter([CommandText.stepRead.text, CommandText.stepRounds.text, CommandText.stepReport.text])
        let m = try options.read(command: "audit", nothingDone: CommandText.noReportWritten.text, progress: progress)
        let run = try options.runRounds(m, command: "audit", nothingDone: CommandText.noReportWritten.text, progress: progress)
        let written: Steps.AuditWritten
        do {
            progress.next()
            defer { progress.finish() }
            written = try Steps.writeAudit(m, run: run, to: folder, named: out, adoptEarlier: out == "build/audit",
                                           tool: ModelbookVersion.string, log: { Output.error($0 + "\n") })
        } catch {
            throw StepFailure.failed(error, command: "audit")
        }
        let report = written.report
        if !report.chain.intact {
            Output.error(CommandText.auditChainWarning.text(["warning": .text(Severity.warning.word()), "summary": .text(report.chain.summary)]) + "\n")
        }
        let inBook = report.candidates.count { $0.outcome.isInBook }
        Output.print(CommandText.auditWrote.text(["files": .integer(written.files), "folder": .text(out),
                                                  "candidates": .integer(report.candidates.count), "selected": .integer(inBook)]) + "\n")
    }
}
