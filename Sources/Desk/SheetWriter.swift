import Foundation
import ManuscriptModel
import XMLKit

/// A reviewer's drafts → their score sheet for the round, in the format of formats.md
/// (`<reviews reviewer round>` with `review` and `conflict` elements).
public enum SheetWriter {
    /// The candidates that keep the sheet from being submitted: neither fully scored nor declared a conflict.
    public static func unfinished(candidates: [String], drafts: [Draft], rubric: Rubric) -> [String] {
        let byID = Dictionary(drafts.map { ($0.submission, $0) }, uniquingKeysWith: { a, _ in a })
        return candidates.filter { id in
            guard let d = byID[id] else { return true }
            return !d.conflict && !ScoreRules.complete(d.scores, rubric: rubric)
        }
    }

    /// The sheet's XML: one `review` per scored candidate (scores in rubric order, the comment when there is
    /// one) dated `date`, then one `conflict` per declared conflict; only `candidates` are written, in order.
    public static func xml(reviewer: String, round: String, candidates: [String], drafts: [Draft], rubric: Rubric,
                           date: CalendarDate) -> String {
        let byID = Dictionary(drafts.map { ($0.submission, $0) }, uniquingKeysWith: { a, _ in a })
        var w = XMLWriter()
        w.comment("Phiếu chấm do bàn chấm điểm (modelbook desk) ghi. Written by the review desk.")
        w.newline(indent: false)
        w.start("reviews", [("reviewer", reviewer), ("round", round), ("xml:lang", "vi")])
        for id in candidates {
            guard let d = byID[id], !d.conflict, ScoreRules.complete(d.scores, rubric: rubric) else { continue }
            w.newline()
            w.start("review", [("submission", id), ("date", date.description)])
            for c in rubric.criteria {
                w.newline()
                w.element("score", [("criterion", c.key)], text: ScoreRules.text(d.scores[c.key]!))
            }
            let comment = d.comment.trimmingCharacters(in: .whitespacesAndNewlines)
            if !comment.isEmpty {
                w.newline()
                w.element("comment", text: comment)
            }
            w.end()
        }
        for id in candidates {
            guard let d = byID[id], d.conflict else { continue }
            w.newline()
            w.element("conflict", [("submission", id)], text: d.conflictReason.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        w.newline(indent: false)
        w.end()
        return w.output + "\n"
    }

    /// Writes `text` to `path` atomically (a temporary file in the same folder, then a rename), and
    /// returns its SHA-256 (lowercase hex).
    public static func write(_ text: String, to path: String) throws -> String {
        let data = Data(text.utf8)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        return Secrets.sha256Hex(data)
    }

    /// Today's date on this machine's clock and time zone: the date a review is signed.
    public static func localDay(_ now: Date, timeZone: TimeZone = .current) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }
}
