import Selection
import ManuscriptModel

/// The audit's tables, each defined once as an `AuditTable`: its columns and its rows.
enum AuditTables {
    /// One row per review and criterion.
    static func reviews(_ r: RenderContext) -> AuditTable<(review: ReviewOutcome, score: CriterionScore)> {
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

    /// One row per candidate (by id) with every figure of the candidates page and each round's
    /// result; the page shows a subset of the columns, figures rounded, and filters by the rows'
    /// field, district, kind and outcome.
    static func candidates(_ r: RenderContext) -> AuditTable<AuditReport.Candidate> {
        typealias Cell = AuditTable<AuditReport.Candidate>.Cell
        func figure(_ x: Double?) -> Cell {
            Cell("\(Format.fixed(x, 3))", class: "n", sortKey: x.map(Format.exact) ?? "")
        }
        var columns: [AuditTable<AuditReport.Candidate>.Column] = [
            .init(header: "id", { $0.id }, heading: "id") {
                Cell("<a href=\"\(Layout.href("candidates", $0.id, from: ""))\">\($0.id)</a>", class: "id")
            },
            .init(header: "title", { $0.title }, heading: "title") { Cell("\($0.title)", class: "title") },
            .init(header: "field") { $0.field },
            .init(header: "field_name", { r.fieldName($0.field) }, heading: "field") { Cell("\(r.fieldName($0.field))") },
            .init(header: "district") { $0.district },
            .init(header: "district_name", { r.districtName($0.district) }, heading: "district") {
                Cell("\(r.districtName($0.district))")
            },
            .init(header: "kind", { $0.kind.rawValue }, heading: "kind") { Cell("\($0.kind.rawValue)") },
            .init(header: "unit", { $0.unit }, heading: "unit") { Cell("\($0.unit)", class: "unit") },
            .init(header: "unit_level") { $0.unitLevel.rawValue },
            .init(header: "registered") { $0.registered.description },
            .init(header: "reviews") { String($0.reviews) },
            .init(header: "counted_reviews", { String($0.countedReviews) },
                  heading: .number("reviews", title: "counted reviews")) { Cell("\($0.countedReviews)", class: "n") },
            .init(header: "raw_mean", { CSVExport.number($0.rawMean) }, heading: .number("raw mean")) { figure($0.rawMean) },
            .init(header: "aggregate", { CSVExport.number($0.aggregate) }, heading: .number("aggregate")) { figure($0.aggregate) },
            .init(header: "rank", { CSVExport.number($0.rank) }, heading: .number("rank")) {
                Cell("\($0.rank.map(String.init) ?? "—")", class: "n", sortKey: $0.rank.map(String.init) ?? "")
            },
            .init(header: "spread") { CSVExport.number($0.spread) },
            .init(header: "outcome", { $0.outcome.rawValue }, heading: "outcome") {
                Cell(Layout.outcomeBadge($0.outcome), sortKey: $0.outcome.rawValue)
            },
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
        var page = AuditTable<AuditReport.Candidate>.Page(class: "sortable wide", id: "candidates", scrolls: true)
        page.rowAttributes = { c in
            " data-field=\"\(c.field)\" data-district=\"\(c.district)\" data-kind=\"\(c.kind.rawValue)\" data-outcome=\"\(c.outcome.rawValue)\""
        }
        return AuditTable(columns: columns, rows: r.candidates, page: page)
    }

    /// The book's entries in book order (see `AuditReport.selectionInBookOrder`), numbered. The
    /// page shows one field at a time and the rank after the aggregate, so the rank has a column
    /// for each.
    static func selection(_ r: RenderContext) -> AuditTable<(number: Int, entry: AuditReport.Candidate)> {
        typealias Cell = AuditTable<(number: Int, entry: AuditReport.Candidate)>.Cell
        return AuditTable(columns: [
            .init(header: "book_order", { String($0.number) }, heading: .number("#")) { Cell("\($0.number)", class: "n") },
            .init(header: "field") { $0.entry.field },
            .init(header: "field_name") { r.fieldName($0.entry.field) },
            .init(header: "district") { $0.entry.district },
            .init(header: "district_name", { r.districtName($0.entry.district) }, heading: "district") {
                Cell("\(r.districtName($0.entry.district))")
            },
            .init(header: "id") { $0.entry.id },
            .init(header: "title", { $0.entry.title }, heading: "title") {
                Cell("<a href=\"\(Layout.href("candidates", $0.entry.id, from: ""))\">\($0.entry.title)</a> <span class=\"muted id\">\($0.entry.id)</span>")
            },
            .init(header: "kind", { $0.entry.kind.rawValue }, heading: "kind") { Cell("\($0.entry.kind.rawValue)") },
            .init(header: "unit", { $0.entry.unit }, heading: "unit") { Cell("\($0.entry.unit)") },
            .init(header: "rank") { CSVExport.number($0.entry.rank) },
            .init(header: "aggregate", { CSVExport.number($0.entry.aggregate) }, heading: .number("aggregate")) {
                Cell("\(Format.fixed($0.entry.aggregate, 3))", class: "n")
            },
            .init(heading: .number("rank")) { Cell("\($0.entry.rank.map(String.init) ?? "—")", class: "n") },
            .init(header: "raw_mean") { CSVExport.number($0.entry.rawMean) },
            .init(header: "counted_reviews") { String($0.entry.countedReviews) },
            .init(header: "outcome") { $0.entry.outcome.rawValue },
            .init(header: "included_because", { $0.entry.outcome == .included ? ($0.entry.rounds.last?.detail ?? "") : "" },
                  heading: "") {
                Cell($0.entry.outcome == .included ? "\(Layout.outcomeBadge(.included)) \($0.entry.rounds.last?.detail ?? "")" : .empty)
            },
        ], rows: r.selectionInBookOrder.enumerated().map { ($0 + 1, $1) })
    }

    /// Reviews by criterion, with total, normalised total and whether each counted; a row per
    /// review. The candidate pages lead with the reviewer, the reviewer pages with the submission.
    static func reviewScores(_ r: RenderContext, _ reviews: [ReviewOutcome], from: String,
                             firstColumn: CandidatePages.FirstColumn) -> AuditTable<ReviewOutcome> {
        typealias Cell = AuditTable<ReviewOutcome>.Cell
        var columns: [AuditTable<ReviewOutcome>.Column]
        switch firstColumn {
        case .reviewer:
            columns = [.init(heading: "reviewer") {
                Cell("<a href=\"\(Layout.href("reviewers", $0.reviewer, from: from))\">\($0.reviewer)</a>", class: "id")
            }]
        case .submission:
            columns = [
                .init(heading: "submission") {
                    Cell("<a href=\"\(Layout.href("candidates", $0.submission, from: from))\">\($0.submission)</a>", class: "id")
                },
                .init(heading: "title") { Cell("\(r.candidate($0.submission)?.title ?? "")", class: "title") },
            ]
        }
        columns += [
            .init(heading: "round") { Cell("\($0.round)", class: "id") },
            .init(heading: "date") { Cell("\($0.date.description)", class: "id") },
        ]
        for crit in r.rubric.criteria {
            columns.append(.init(heading: .number(crit.key, title: "\(crit.label) (weight \(Format.score(crit.weight)))")) { rev in
                Cell("\(rev.scores.first { $0.criterion == crit.key }.map { Format.score($0.value) } ?? "—")", class: "n")
            })
        }
        columns += [
            .init(heading: .number("total")) {
                Cell("\(Format.fixed($0.total, 3))", class: "n", sortKey: $0.total.map(Format.exact) ?? "")
            },
            .init(heading: .number("normalised")) { Cell("\(Format.fixed($0.normalised, 3, missing: ""))", class: "n") },
            .init(heading: "counted") { rev in
                guard let d = rev.dropped else { return Cell("<span class=\"yes\">yes</span>") }
                return Cell("<span class=\"no\">no</span> — <code>\(d.rawValue)</code>: \(rev.whyNotCounted ?? "")")
            },
        ]
        let page = AuditTable<ReviewOutcome>.Page(class: "sortable", scrolls: true,
                                                  rowAttributes: { $0.counted ? .empty : " class=\"muted\"" }, lineBreaks: .afterHeadAndRows)
        return AuditTable(columns: columns, rows: reviews, page: page)
    }
}
