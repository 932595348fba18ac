import ArgumentParser
import Audit
import Foundation
import Pipeline
import Selection

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

    /// A write error in words: Foundation's message and the path it concerns, not the NSError dump.
    static func plain(_ error: Error) -> String {
        if let e = error as? AuditWriter.WriteError { return e.description }
        if let e = error as? PipelineError { return (e.path.map { $0 + ": " } ?? "") + e.message }
        let ns = error as NSError
        let path = ns.userInfo[NSFilePathErrorKey] as? String
        return ns.localizedDescription + (path.map { " (\($0))" } ?? "")
    }

    func run() throws {
        let folder = try OutputRefusal.check("audit") { try OutputFolder.confined(out: out, manuscript: options.manuscript) }
        let progress = progressOptions.reporter(["read the manuscript", "run the rounds", "write the report"])
        let m = try SelectionInput.read(options, command: "audit", nothingDone: "no report was written", progress: progress)
        let run: SelectionRun
        do {
            progress.next()
            defer { progress.finish() }
            run = try Selection.run(m)
            KeptUntilExit.keep(run)
        } catch {
            Output.error(error.findings.map(\.formatted).joined(separator: "\n") + "\n"
                         + "modelbook audit: stopped; no report was written.\n")
            throw ExitCode(1)
        }
        progress.next()
        defer { progress.finish() }
        let chain = AuditChain.status(manuscript: m, run: run, tool: ModelbookVersion.string)
        let report = AuditReport.make(manuscript: m, run: run, chain: chain)
        let files = AuditRenderer.render(report)
        do {
            try OutputManifest.publish(into: folder, adoptEarlier: out == "build/audit", log: { Output.error($0 + "\n") }) {
                try AuditWriter.write(files, to: URL(fileURLWithPath: $0))
            }
        } catch {
            Output.error("modelbook audit: cannot write the report to \(out): \(Self.plain(error))\n")
            throw ExitCode(1)
        }
        if !chain.intact {
            Output.error("modelbook audit: warning: \(chain.summary)\n")
        }
        let inBook = report.candidates.count { $0.outcome.isInBook }
        Output.print("wrote \(files.count) files to \(out)/: \(report.candidates.count) candidates, "
                     + "\(inBook) in the book; open \(out)/index.html\n")
    }
}
