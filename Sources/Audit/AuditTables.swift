import Selection
import ManuscriptModel

/// The audit's tables, each defined once as an `AuditTable`: its columns and its rows.
enum AuditTables {
    /// One row per review and criterion.
    static func reviews(_ r: AuditReport) -> AuditTable<(review: ReviewOutcome, score: CriterionScore)> {
        let weights = Dictionary(r.rubric.criteria.map { ($0.key, $0.weight) }, uniquingKeysWith: { a, _ in a })
        return AuditTable(columns: [
            .init(header: "submission") { $0.review.submission },
            .init(header: "reviewer") { $0.review.reviewer },
            .init(header: "round") { $0.review.round },
            .init(header: "date") { $0.review.date.description },
            .init(header: "criterion") { $0.score.criterion },
            .init(header: "weight") { CSVExport.number(weights[$0.score.criterion]) },
            .init(header: "score") { CSVExport.number($0.score.value) },
            .init(header: "review_total") { CSVExport.number($0.review.total) },
            .init(header: "normalised_total") { CSVExport.number($0.review.normalised) },
            .init(header: "counted") { $0.review.counted ? "yes" : "no" },
            .init(header: "reason") { $0.review.dropped?.rawValue ?? "" },
            .init(header: "reason_detail") { $0.review.whyNotCounted ?? "" },
        ], rows: r.reviewsInOrder.flatMap { rev in rev.scores.map { (rev, $0) } })
    }

    /// One row per candidate (by id) with every figure of the candidates table and each round's result.
    static func candidates(_ r: AuditReport) -> AuditTable<AuditReport.Candidate> {
        var columns: [AuditTable<AuditReport.Candidate>.Column] = [
            .init(header: "id") { $0.id },
            .init(header: "title") { $0.title },
            .init(header: "field") { $0.field },
            .init(header: "field_name") { r.fieldName($0.field) },
            .init(header: "district") { $0.district },
            .init(header: "district_name") { r.districtName($0.district) },
            .init(header: "kind") { $0.kind.rawValue },
            .init(header: "unit") { $0.unit },
            .init(header: "unit_level") { $0.unitLevel.rawValue },
            .init(header: "registered") { $0.registered.description },
            .init(header: "reviews") { String($0.reviews) },
            .init(header: "counted_reviews") { String($0.countedReviews) },
            .init(header: "raw_mean") { CSVExport.number($0.rawMean) },
            .init(header: "aggregate") { CSVExport.number($0.aggregate) },
            .init(header: "rank") { CSVExport.number($0.rank) },
            .init(header: "spread") { CSVExport.number($0.spread) },
            .init(header: "outcome") { $0.outcome.rawValue },
            .init(header: "kept_out_by") { $0.keptOutBy.joined(separator: "; ") },
            .init(header: "notes") { $0.notes.joined(separator: "; ") },
        ]
        for round in r.rounds {
            func outcome(_ c: AuditReport.Candidate) -> AuditReport.RoundOutcome? {
                c.rounds.first { $0.round == round.id }
            }
            columns.append(.init(header: "round_\(round.id)") { outcome($0)?.status ?? "" })
            columns.append(.init(header: "round_\(round.id)_why") { outcome($0)?.detail ?? "" })
        }
        return AuditTable(columns: columns, rows: r.candidates)
    }

    /// The book's entries in book order (see `AuditReport.selectionInBookOrder`).
    static func selection(_ r: AuditReport) -> AuditTable<(number: Int, entry: AuditReport.Candidate)> {
        AuditTable(columns: [
            .init(header: "book_order") { String($0.number) },
            .init(header: "field") { $0.entry.field },
            .init(header: "field_name") { r.fieldName($0.entry.field) },
            .init(header: "district") { $0.entry.district },
            .init(header: "district_name") { r.districtName($0.entry.district) },
            .init(header: "id") { $0.entry.id },
            .init(header: "title") { $0.entry.title },
            .init(header: "kind") { $0.entry.kind.rawValue },
            .init(header: "unit") { $0.entry.unit },
            .init(header: "rank") { CSVExport.number($0.entry.rank) },
            .init(header: "aggregate") { CSVExport.number($0.entry.aggregate) },
            .init(header: "raw_mean") { CSVExport.number($0.entry.rawMean) },
            .init(header: "counted_reviews") { String($0.entry.countedReviews) },
            .init(header: "outcome") { $0.entry.outcome.rawValue },
            .init(header: "included_because") { $0.entry.outcome == .included ? ($0.entry.rounds.last?.detail ?? "") : "" },
        ], rows: r.selectionInBookOrder.enumerated().map { ($0 + 1, $1) })
    }
}
