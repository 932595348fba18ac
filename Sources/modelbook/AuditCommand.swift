import ArgumentParser
import Pipeline

/// `modelbook audit`: the static HTML report of the selection, with CSV exports.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Write a static HTML report of the selection, with CSV exports, for the editors' meeting.",
        discussion: """
            Runs the rounds of selection.xml on the manuscript as `explain` does (nothing is recorded) and
            checks <manuscript>/rounds/ as `verify` does. Writes index.html (counts, quotas, reliability,
            the records' status), candidates.html with a page per candidate, selection.html, reviewers.html
            with a page per reviewer, and reviews.csv, candidates.csv, selection.csv. The pages need no
            network. When there are no round records, or they do not match the present manuscript, the
            report is still written, says so on its first page, and a warning is printed. Exit status:
            0 written, 1 manuscript errors, no selection possible, or the folder cannot be written.
            """
    )

    @OptionGroup var options: ManuscriptOptions

    @Option(name: .long, help: ArgumentHelp("The report folder (only files modelbook wrote there are replaced).", valueName: "DIR"))
    var out: String = "build/audit"

    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
        let folder = try OutputRefusal.check("audit") { try OutputFolder.confined(out: out, manuscript: options.manuscript) }
        let progress = progressOptions.reporter(["read the manuscript", "run the rounds", "write the report"])
        let m = try options.read(command: "audit", nothingDone: "no report was written", progress: progress)
        let run = try options.runRounds(m, command: "audit", nothingDone: "no report was written", progress: progress)
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
            Output.error("modelbook audit: warning: \(report.chain.summary)\n")
        }
        let inBook = report.candidates.count { $0.outcome.isInBook }
        Output.print("wrote \(written.files) files to \(out)/: \(report.candidates.count) candidates, "
                     + "\(inBook) in the book; open \(out)/index.html\n")
    }
}
