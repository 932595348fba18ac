import Selection
import ManuscriptModel
import Messages

/// The audit's tables, each defined once as an `AuditTable`: its columns and its rows.
///
/// CSV headers, codes (`outcome`, `reason`, `counted`), numbers (`.` decimals, exact) and dates
/// (ISO) are for programs and never change with the language; page headings and cells are in
/// `Language.current`. Text cells that are sentences (a round's status and why, notes) are in the
/// language the report was made in.
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
            .init(header: "reason_detail") { Words.whyNotCounted($0.review, r) ?? "" },
        ], rows: r.reviewsInOrder.flatMap { rev in rev.scores.map { (rev, $0) } })
    }

    /// One row per candidate (by id) with every figure of the candidates page and each round's
    /// result; the page shows a subset of the columns, figures rounded, and filters by the rows'
    /// field, district, kind and outcome.
    static func candidates(_ r: RenderContext) -> AuditTable<AuditReport.Candidate> {
        typealias Cell = AuditTable<AuditReport.Candidate>.Cell
        var columns: [AuditTable<AuditReport.Candidate>.Column] = [
            .init(header: "id", { $0.id }, heading: .text(.id)) {
                Cell("<a href=\"\(Layout.href("candidates", $0.id, from: ""))\">\($0.id)</a>", class: "id")
            },
            .init(header: "title", { $0.title }, heading: .text(.title)) { Cell("\($0.title)", class: "title") },
            .init(header: "field") { $0.field },
            .init(header: "field_name", { r.fieldName($0.field) }, heading: .text(.field)) { Cell("\(r.fieldName($0.field))") },
            .init(header: "district") { $0.district },
            .init(header: "district_name", { r.districtName($0.district) }, heading: .text(.district)) {
                Cell("\(r.districtName($0.district))")
            },
            .init(header: "kind", { $0.kind.rawValue }, heading: .text(.kind)) { Cell("\(Words.kind($0.kind))") },
            .init(header: "unit", { $0.unit }, heading: .text(.unit)) { Cell("\($0.unit)", class: "unit") },
            .init(header: "unit_level") { $0.unitLevel.rawValue },
            .init(header: "registered") { $0.registered.description },
            .init(header: "reviews") { String($0.reviews) },
            .init(header: "counted_reviews", { String($0.countedReviews) },
                  heading: .number(.countedReviewsShort, title: .countedReviews)) { .count($0.countedReviews) },
            .init(header: "raw_mean", { CSVExport.number($0.rawMean) }, heading: .number(.rawMean, title: .rawMeanExplained)) {
                .figure($0.rawMean)
            },
            .init(header: "aggregate", { CSVExport.number($0.aggregate) }, heading: .number(.aggregate, title: .aggregateExplained)) {
                .figure($0.aggregate)
            },
            .init(header: "rank", { CSVExport.number($0.rank) }, heading: .number(.rank)) {
                Cell("\($0.rank.map(Format.count) ?? "—")", class: "n", sortKey: $0.rank.map(String.init) ?? "")
            },
            .init(header: "spread") { CSVExport.number($0.spread) },
            .init(header: "outcome", { $0.outcome.rawValue }, heading: .text(.outcome)) {
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
            .init(header: "district_name", { r.districtName($0.entry.district) }, heading: .text(.district)) {
                Cell("\(r.districtName($0.entry.district))")
            },
            .init(header: "id") { $0.entry.id },
            .init(header: "title", { $0.entry.title }, heading: .text(.title)) {
                Cell("<a href=\"\(Layout.href("candidates", $0.entry.id, from: ""))\">\($0.entry.title)</a> <span class=\"muted id\">\($0.entry.id)</span>")
            },
            .init(header: "kind", { $0.entry.kind.rawValue }, heading: .text(.kind)) { Cell("\(Words.kind($0.entry.kind))") },
            .init(header: "unit", { $0.entry.unit }, heading: .text(.unit)) { Cell("\($0.entry.unit)") },
            .init(header: "rank") { CSVExport.number($0.entry.rank) },
            .init(header: "aggregate", { CSVExport.number($0.entry.aggregate) }, heading: .number(.aggregate)) {
                Cell("\(Format.number($0.entry.aggregate, 3))", class: "n")
            },
            .init(heading: .number(.rank)) { Cell("\($0.entry.rank.map(Format.count) ?? "—")", class: "n") },
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
            columns = [.init(heading: .text(.reviewer)) {
                Cell("<a href=\"\(Layout.href("reviewers", $0.reviewer, from: from))\">\($0.reviewer)</a>", class: "id")
            }]
        case .submission:
            columns = [
                .init(heading: .text(.submission)) {
                    Cell("<a href=\"\(Layout.href("candidates", $0.submission, from: from))\">\($0.submission)</a>", class: "id")
                },
                .init(heading: .text(.title)) { Cell("\(r.candidate($0.submission)?.title ?? "")", class: "title") },
            ]
        }
        columns += [
            .init(heading: .text(.round)) { Cell("\($0.round)", class: "id") },
            .init(heading: .text(.date)) { Cell("\(Format.date($0.date))", class: "id", sortKey: $0.date.description) },
        ]
        for crit in r.rubric.criteria {
            // The rubric's label (the words the reviewers scored by) heads the column; its key and weight on hover.
            let title = AuditText.criterionWeight.text(["label": .text(crit.key), "weight": .text(Format.score(crit.weight))])
            columns.append(.init(heading: .init(crit.label, class: "n crit", title: title)) { rev in
                let score = rev.scores.first { $0.criterion == crit.key }?.value
                return Cell("\(score.map(Format.score) ?? "—")", class: "n", sortKey: score.map(Format.exact) ?? "")
            })
        }
        columns += [
            .init(heading: .number(.total)) { .figure($0.total) },
            .init(heading: .number(.normalised)) { .figure($0.normalised, missing: "") },
            .init(heading: .text(.counted)) { rev in
                guard let why = Words.whyNotCounted(rev, r) else { return Cell("<span class=\"yes\">\(CommonText.yes.text)</span>") }
                return Cell(HTML.text(AuditText.notCountedBecause, ["why": .text(why)],
                                      markup: ["no": "<span class=\"no\">\(CommonText.no.text)</span>"]), class: "why")
            },
        ]
        let page = AuditTable<ReviewOutcome>.Page(class: "sortable", scrolls: true,
                                                  rowAttributes: { $0.counted ? .empty : " class=\"muted\"" }, lineBreaks: .afterHeadAndRows)
        return AuditTable(columns: columns, rows: reviews, page: page)
    }
}
