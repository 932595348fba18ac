import ManuscriptModel
import Messages
import Selection

/// The round records as `modelbook verify` sees them, for the report's overview (the files are
/// read and verified by the pipeline; this makes the status from what it found, in `Language.current`).
public enum AuditChain {
    /// The status from what was read: the record files, their SHA-256 by path, what the verifier
    /// found, and the rounds the present selection runs (each should have a record).
    public static func make(files: [RecordFile], digests: [String: String], verify: [Finding],
                            rounds: [String]) -> AuditReport.ChainStatus {
        guard !files.isEmpty else {
            return .init(intact: false, summary: AuditText.chainNoRecords.text, records: [])
        }
        let errors = verify.filter { $0.severity == .error }
        var records: [AuditReport.ChainRecord] = []
        for f in files {
            let mine = errors.filter { $0.location.path == f.path }
            let problem: String? = mine.isEmpty ? nil
                : mine.map { AuditText.recordProblem.text(["line": .integer($0.location.line), "message": .message($0.message)]) }
                    .joined(separator: "; ")
            records.append(.init(path: f.relativePath, round: f.round, digest: digests[f.path], problem: problem))
        }
        let recorded = Set(files.map(\.round))
        let missing = rounds.filter { !recorded.contains($0) }
        let other = errors.count { e in !files.contains { $0.path == e.location.path } }
        let problems = errors.count + missing.count
        if problems == 0 {
            return .init(intact: true, summary: AuditText.chainIntact.text(["n": .integer(files.count)]), records: records)
        }
        var parts: [String] = []
        if errors.count > 0 {
            parts.append(other > 0 ? AuditText.chainVerifyFindsUntied.text(["n": .integer(errors.count), "other": .integer(other)])
                                   : AuditText.chainVerifyFinds.text(["n": .integer(errors.count)]))
        }
        if !missing.isEmpty {
            parts.append(AuditText.chainMissingRounds.text(["n": .integer(missing.count), "rounds": .text(missing.joined(separator: ", "))]))
        }
        return .init(intact: false, summary: AuditText.chainBroken.text(["problems": .text(parts.joined(separator: "; "))]),
                     records: records)
    }
}
