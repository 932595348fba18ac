import ManuscriptModel
import Selection

/// The round records as `modelbook verify` sees them, for the report's overview (the files are
/// read and verified by the pipeline; this makes the status from what it found).
public enum AuditChain {
    /// The status from what was read: the record files, their SHA-256 by path, what the verifier
    /// found, and the rounds the present selection runs (each should have a record).
    public static func make(files: [RecordFile], digests: [String: String], verify: [Finding],
                            rounds: [String]) -> AuditReport.ChainStatus {
        guard !files.isEmpty else {
            return .init(intact: false,
                         summary: "no round records: run `modelbook select` to record the rounds. The figures "
                            + "in this report are computed from the manuscript as it is now and no record backs them.",
                         records: [])
        }
        let errors = verify.filter { $0.severity == .error }
        var records: [AuditReport.ChainRecord] = []
        for f in files {
            let mine = errors.filter { $0.location.path == f.path }
            let problem: String? = mine.isEmpty ? nil
                : mine.map { "line \($0.location.line): \($0.message)" }.joined(separator: "; ")
            records.append(.init(path: f.relativePath, round: f.round, digest: digests[f.path], problem: problem))
        }
        let recorded = Set(files.map(\.round))
        let missing = rounds.filter { !recorded.contains($0) }
        let other = errors.count { e in !files.contains { $0.path == e.location.path } }
        let problems = errors.count + missing.count
        if problems == 0 {
            return .init(intact: true,
                         summary: "\(files.count) record(s) verified as `modelbook verify` does: the chain is unbroken, "
                            + "and the latest record of every round names the present inputs and holds exactly the "
                            + "results shown here.",
                         records: records)
        }
        var parts: [String] = []
        if errors.count > 0 {
            parts.append("`modelbook verify` finds \(errors.count) problem(s)"
                         + (other > 0 ? " (\(other) not tied to one record)" : ""))
        }
        if !missing.isEmpty {
            parts.append("no record of round(s) " + missing.joined(separator: ", "))
        }
        return .init(intact: false,
                     summary: parts.joined(separator: "; ") + ". The figures in this report are computed from the "
                        + "manuscript as it is now; run `modelbook select` to record them, `modelbook verify` for details.",
                     records: records)
    }
}
