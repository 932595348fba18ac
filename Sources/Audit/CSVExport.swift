import Selection
import ManuscriptModel

/// The three CSV exports. RFC 4180 (CRLF line ends; a field with a comma, quote or line break is
/// quoted, quotes doubled), UTF-8 with a BOM so LibreOffice and Excel detect the encoding.
/// Numbers are written exactly (shortest text that reads back as the same Double).
public enum CSVExport {
    static let bom = "\u{FEFF}"

    static func field(_ s: String) -> String {
        let needsQuotes = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func document(header: [String], rows: [[String]]) -> String {
        var out = bom
        for row in [header] + rows {
            out += row.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func number(_ x: Double?) -> String { x.map(Format.exact) ?? "" }
    static func number(_ n: Int?) -> String { n.map(String.init) ?? "" }

    /// One row per review and criterion.
    public static func reviews(_ r: AuditReport) -> String {
        let weights = Dictionary(r.rubric.criteria.map { ($0.key, $0.weight) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = []
        for rev in r.reviewsInOrder {
            for s in rev.scores {
                rows.append([
                    rev.submission, rev.reviewer, rev.round, rev.date.description, s.criterion,
                    number(weights[s.criterion]), number(s.value), number(rev.total), number(rev.normalised),
                    rev.counted ? "yes" : "no", rev.dropped?.rawValue ?? "", rev.whyNotCounted ?? "",
                ])
            }
        }
        return document(header: ["submission", "reviewer", "round", "date", "criterion", "weight", "score",
                                 "review_total", "normalised_total", "counted", "reason", "reason_detail"], rows: rows)
    }

    /// One row per candidate (by id) with every figure of the candidates table and each round's result.
    public static func candidates(_ r: AuditReport) -> String {
        var header = ["id", "title", "field", "field_name", "district", "district_name", "kind", "unit", "unit_level",
                      "registered", "reviews", "counted_reviews", "raw_mean", "aggregate", "rank", "spread", "outcome",
                      "kept_out_by", "notes"]
        for round in r.rounds { header += ["round_\(round.id)", "round_\(round.id)_why"] }
        var rows: [[String]] = []
        for c in r.candidates {
            var row = [c.id, c.title, c.field, r.fieldName(c.field), c.district, r.districtName(c.district),
                       c.kind.rawValue, c.unit, c.unitLevel.rawValue, c.registered.description, String(c.reviews),
                       String(c.countedReviews), number(c.rawMean), number(c.aggregate), number(c.rank),
                       number(c.spread), c.outcome.rawValue, c.keptOutBy.joined(separator: "; "),
                       c.notes.joined(separator: "; ")]
            for round in r.rounds {
                if let o = c.rounds.first(where: { $0.round == round.id }) {
                    row += [o.status, o.detail ?? ""]
                } else {
                    row += ["", ""]
                }
            }
            rows.append(row)
        }
        return document(header: header, rows: rows)
    }

    /// The book's entries in book order (see `AuditReport.selectionInBookOrder`).
    public static func selection(_ r: AuditReport) -> String {
        var rows: [[String]] = []
        for (i, c) in r.selectionInBookOrder.enumerated() {
            let included = c.outcome == .included ? (c.rounds.last?.detail ?? "") : ""
            rows.append([String(i + 1), c.field, r.fieldName(c.field), c.district, r.districtName(c.district), c.id,
                         c.title, c.kind.rawValue, c.unit, number(c.rank), number(c.aggregate), number(c.rawMean),
                         String(c.countedReviews), c.outcome.rawValue, included])
        }
        return document(header: ["book_order", "field", "field_name", "district", "district_name", "id", "title",
                                 "kind", "unit", "rank", "aggregate", "raw_mean", "counted_reviews", "outcome",
                                 "included_because"], rows: rows)
    }
}
