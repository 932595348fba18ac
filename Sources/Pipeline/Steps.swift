import Audit
import Foundation
import ManuscriptModel
import ManuscriptReader
import Messages
import Selection

/// The named steps every command is made of. Files are read here (the manuscript, the round
/// records) and written here (round records, the audit report; the book in `BookBuild`); the
/// modules between compute on values. A step that fails throws one `PipelineError` naming the step
/// and the path it concerns; the commands only parse options, call steps and print.
public enum Steps {
    /// "read the manuscript": every file read and checked. Errors stop the step (the error holds
    /// them, sorted as `check` prints them); warnings stay in the result for the caller to show.
    public static func read(_ folder: String, options: ReadOptions = ReadOptions()) throws(PipelineError) -> ReadResult {
        let result = ManuscriptReader.read(folder: folder, options: options)
        let errors = result.findings.filter { $0.severity == .error }.sortedForReport()
        guard errors.isEmpty else {
            throw PipelineError(step: CommandText.stepRead.text, path: folder,
                                message: CommandText.manuscriptErrors.text(["count": .integer(errors.count)]),
                                details: errors.map(\.formatted), findings: errors)
        }
        return result
    }

    /// "select the entries": the rounds of selection.xml, in order, through `round` (all by default).
    public static func runRounds(_ m: Manuscript, through round: String? = nil) throws(PipelineError) -> SelectionRun {
        do {
            return try Selection.run(m, through: round)
        } catch {
            throw PipelineError(step: CommandText.stepSelect.text, path: m.path(of: "selection.xml"),
                                message: CommandText.roundsFailed.text,
                                details: error.findings.map(\.formatted), findings: error.findings)
        }
    }

    /// Records every round of `run` in `<manuscript>/rounds/` (a round whose latest record already
    /// says the same is left as it is), in round order.
    public static func record(_ run: SelectionRun, manuscript m: Manuscript,
                              tool: String) throws(PipelineError) -> [RecordStore.WriteOutcome] {
        do {
            _ = try OutputFolder.formatFolder(RecordStore.folder, manuscript: m.root)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(step: CommandText.stepOutputFolder.text, path: m.path(of: RecordStore.folder), message: "\(error)")
        }
        var outcomes: [RecordStore.WriteOutcome] = []
        let inputs = RoundRecord.inputs(m)
        for result in run.rounds {
            do {
                outcomes.append(try RecordStore.record(result, manuscript: m, tool: tool, inputs: inputs))
            } catch {
                throw PipelineError(step: CommandText.stepSelect.text, path: m.path(of: RecordStore.folder),
                                    message: CommandText.cannotRecord.text(["round": .text(result.id), "reason": .text("\(error)")]))
            }
        }
        return outcomes
    }

    /// The final selection for the book. The rounds are computed from the current inputs; when the
    /// latest record of every round says exactly that (same inputs, same results), those records
    /// are used and nothing is written. Otherwise the rounds are recorded first, as `select` does,
    /// and `log` says so.
    public static func finalSelection(_ m: Manuscript, tool: String,
                                      log: (String) -> Void) throws(PipelineError) -> BookSelection {
        let run: SelectionRun
        do {
            run = try runRounds(m)
        } catch {
            throw error.adding(CommandText.nothingBuilt.text)
        }
        var written: [String] = []
        var used: [String] = []
        for outcome in try record(run, manuscript: m, tool: tool) {
            switch outcome {
            case .written(let path): written.append(path)
            case .unchanged(let path): used.append(path)
            }
        }
        let list = { (paths: [String]) in paths.map { m.path(of: $0) }.joined(separator: ", ") }
        if written.isEmpty {
            log(CommandText.recordsUsed.text(["records": .text(list(used))]))
        } else {
            log(CommandText.recordsRerun.text(["records": .text(list(written))]))
        }
        guard let selection = Selection.bookSelection(from: run, record: (written + used).last) else {
            throw PipelineError(step: CommandText.stepSelect.text, path: m.path(of: "selection.xml"),
                                message: CommandText.noOptimizeRound.text)
        }
        return selection
    }

    /// What `verify` found, and whether the manuscript could be read well enough to compute the
    /// rounds again.
    public struct Verification: Sendable {
        public var report: VerifyReport
        /// The manuscript's errors: when there are any, records are checked for their chain and
        /// inputs but not computed again.
        public var manuscriptErrors: Int
    }

    /// Checks `<manuscript>/rounds/` as `verify` does: the chain, the inputs, the results computed
    /// again (when the manuscript reads without errors).
    public static func verify(_ folder: String, tool: String) -> Verification {
        // The rounds need only the body's word count.
        let result = ManuscriptReader.read(folder: folder, options: ReadOptions(keepsText: false))
        let m = result.manuscript
        let errors = result.findings.errorCount
        let report = RecordVerifier.verify(root: m.root, currentDigests: m.inputDigests,
                                           recompute: errors == 0 ? { RecordVerifier.recompute(m, round: $0, tool: tool) } : nil)
        return Verification(report: report, manuscriptErrors: errors)
    }

    /// The round records as `verify` sees them, for the audit's overview: verified exactly as
    /// `verify` does, and every round of `run` expected to have a record.
    public static func chainStatus(_ m: Manuscript, run: SelectionRun, tool: String) -> AuditReport.ChainStatus {
        let files = RecordStore.list(root: m.root)
        let report = RecordVerifier.verify(root: m.root, currentDigests: m.inputDigests,
                                           recompute: { RecordVerifier.recompute(m, round: $0, tool: tool) })
        var digests: [String: String] = [:]
        for f in files {
            if let data = FileManager.default.contents(atPath: f.path) { digests[f.path] = RecordStore.sha256(Array(data)) }
        }
        return AuditChain.make(files: files, digests: digests, verify: report.findings, rounds: run.rounds.map(\.id))
    }

    /// What `writeAudit` wrote.
    public struct AuditWritten: Sendable {
        public var report: AuditReport
        public var files: Int
    }

    /// "write the report": the audit of `run` on `m`, with the records' status, published into
    /// `folder` (already confined, see `OutputFolder.confined`; `name` is how the user gave it)
    /// through its manifest, so only files modelbook wrote there are replaced.
    public static func writeAudit(_ m: Manuscript, run: SelectionRun, to folder: String, named name: String,
                                  adoptEarlier: Bool, tool: String,
                                  log: (String) -> Void) throws(PipelineError) -> AuditWritten {
        let chain = chainStatus(m, run: run, tool: tool)
        let report = AuditReport.make(manuscript: m, run: run, chain: chain)
        let files = AuditRenderer.render(report)
        do {
            try OutputManifest.publish(into: folder, adoptEarlier: adoptEarlier, log: log) {
                try AuditWriter.write(files, to: URL(fileURLWithPath: $0))
            }
        } catch {
            throw PipelineError(step: CommandText.stepReport.text, path: name,
                                message: CommandText.cannotWriteReport.text(["folder": .text(name), "reason": .text(plain(error))]))
        }
        return AuditWritten(report: report, files: files.count)
    }

    /// A write error in words: Foundation's message and the path it concerns, not the NSError dump.
    static func plain(_ error: Error) -> String {
        if let e = error as? AuditWriter.WriteError { return e.description }
        if let e = error as? PipelineError { return (e.path.map { $0 + ": " } ?? "") + e.message }
        let ns = error as NSError
        let path = ns.userInfo[NSFilePathErrorKey] as? String
        return ns.localizedDescription + (path.map { " (\($0))" } ?? "")
    }
}
