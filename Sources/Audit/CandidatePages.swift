import Selection
import ManuscriptModel

/// `candidates.html` (the sortable, filterable table), `candidates/<id>.html` (what `explain`
/// says about one candidate) and `selection.html` (the book's entries in book order).
enum CandidatePages {
    /// Ranked candidates by rank, then the unranked by outcome (as the enum lists them), then id.
    static func displayOrder(_ r: RenderContext) -> [AuditReport.Candidate] {
        let outcomeOrder = Dictionary(uniqueKeysWithValues: AuditReport.Outcome.allCases.enumerated().map { ($1, $0) })
        return r.candidates.sorted { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                let oa = outcomeOrder[a.outcome]!, ob = outcomeOrder[b.outcome]!
                if oa != ob { return oa < ob }
                return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
            }
        }
    }

    static func table(_ r: RenderContext) -> String {
        var body: HTML = "<h1>Candidates</h1>"
        body += "<p class=\"lead\">All \(r.candidates.count) candidates, best rank first. Click a column to sort, type to filter (accents optional), click an id for the candidate’s full record.</p>"
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> HTML {
            var out: HTML = "<label>\(label) <select name=\"\(name)\"><option value=\"\">all</option>"
            for (value, text) in options { out += "<option value=\"\(value)\">\(text)</option>" }
            return out + "</select></label>"
        }
        let usedDistricts = Set(r.candidates.map(\.district))
        body += "<form class=\"filters\" data-table=\"candidates\"><input type=\"search\" name=\"q\" placeholder=\"id, title, unit …\" aria-label=\"filter\">"
        body += select("field", "field", r.fields.map { ($0.code, $0.name) })
        body += select("district", "district", r.districts.filter { usedDistricts.contains($0.code) }.map { ($0.code, $0.name) })
        body += select("kind", "kind", SubmissionKind.allCases.map { ($0.rawValue, $0.rawValue) })
        body += select("outcome", "outcome", AuditReport.Outcome.allCases.map { ($0.rawValue, $0.label) })
        body += "<output class=\"muted\"></output></form>"
        var table = AuditTables.candidates(r)
        table.rows = displayOrder(r)
        body += table.html
        return Layout.page(title: "Candidates", report: r, section: .candidates, depth: 0, body: body)
    }

    static func page(_ r: RenderContext, _ c: AuditReport.Candidate) -> String {
        var body: HTML = "<p class=\"muted id\">\(c.id)</p><h1>\(c.title)</h1>"
        body += """
        <dl class="facts"><dt>field</dt><dd>\(r.fieldName(c.field))</dd><dt>district</dt><dd>\(r.districtName(c.district))</dd>\
        <dt>kind</dt><dd>\(c.kind.rawValue)</dd><dt>unit</dt><dd>\(c.unit) <span class="muted">(\(c.unitLevel.rawValue))</span></dd>\
        <dt>registered</dt><dd>\(c.registered.description)</dd></dl>
        """
        body += banner(r, c)

        typealias Cell = AuditTable<AuditReport.RoundOutcome>.Cell
        body += "<h2>Rounds</h2>"
        body += AuditTable(columns: [
            .init(heading: "round") { Cell("\($0.round)", class: "id") },
            .init(heading: "result") { Cell("\($0.passed ? "✓" : "✗") \($0.status)", class: $0.passed ? "yes" : "no") },
            .init(heading: "why") { Cell("\($0.detail ?? "")") },
        ], rows: c.rounds, page: .init(lineBreaks: .none)).html

        body += "<h2>Score</h2><dl class=\"facts\">"
        body += "<dt>counted reviews</dt><dd>\(c.countedReviews) of \(c.reviews)</dd>"
        body += "<dt>raw mean of totals</dt><dd>\(Format.fixed(c.rawMean, 3))</dd>"
        let method = r.rounds.last { $0.type != .screen }?.aggregate?.rawValue
        body += "<dt>aggregate\(method.map { " (\($0))" } ?? "")</dt><dd>\(Format.fixed(c.aggregate, 3))"
        if let agg = c.aggregate, let cut = r.cutoff {
            body += " <span class=\"muted\">(\(Format.signed(agg - cut, 3)) against the cut-off \(Format.fixed(cut, 3)))</span>"
        }
        body += "</dd><dt>rank</dt><dd>\(c.rank.map { "\($0) of \(r.rankedCount)" } ?? "not ranked")</dd>"
        body += "<dt>spread of totals</dt><dd>\(Format.fixed(c.spread, 3))</dd></dl>"

        let reviews = r.reviews(of: c.id)
        let dots = reviews.filter { $0.round == r.scoringRound }.compactMap { rev in
            rev.total.map { Chart.ReviewDot(label: rev.reviewer, value: $0, counted: rev.counted) }
        }
        if !dots.isEmpty {
            body += "<figure>\(Chart.reviewDots(dots, aggregate: c.aggregate, cutoff: r.cutoff, scale: (r.rubric.min, r.rubric.max)))"
            body += "<figcaption>Each dot is one review’s total in round \(r.scoringRound ?? ""); hollow red dots did not count. The black bar is the aggregate, the dashed line the cut-off.</figcaption></figure>"
        }
        if !c.notes.isEmpty {
            body += "<h3>Normalisation</h3><ul>\(c.notes.map { "<li>\($0)</li>" as HTML })</ul>"
        }
        body += "<h2>Reviews</h2>"
        if reviews.isEmpty {
            body += "<p>No reviews.</p>"
        } else {
            body += reviewTable(r, reviews, from: "candidates", firstColumn: .reviewer)
        }
        return Layout.page(title: c.id, report: r, section: .candidates, depth: 1, body: body)
    }

    static func banner(_ r: RenderContext, _ c: AuditReport.Candidate) -> HTML {
        var text: HTML = "\(Layout.outcomeBadge(c.outcome)) "
        switch c.outcome {
        case .selected, .included:
            text += "In the book\(c.rank.map { ", rank \($0)" } ?? "")."
        case .leftOut:
            text += "Shortlisted, but not chosen in the final round."
            if !c.keptOutBy.isEmpty {
                text += " Kept out by: <ul>\(c.keptOutBy.map { "<li>\($0)</li>" as HTML })</ul>"
            } else if let agg = c.aggregate, let cut = r.cutoff, agg < cut {
                text += " Its score is below the cut-off."
            }
        case .notShortlisted: text += "Ranked, but below the shortlist."
        case .insufficientReviews: text += "Too few counted reviews to be ranked."
        case .ineligible: text += "Failed eligibility (see the rounds below)."
        case .excluded: text += "Kept out by an editor’s exclude (see the rounds below)."
        }
        return "<div class=\"banner\">\(text)</div>"
    }

    enum FirstColumn { case reviewer, submission }

    /// Reviews by criterion (see `AuditTables.reviewScores`). Shared with the reviewer pages.
    static func reviewTable(_ r: RenderContext, _ reviews: [ReviewOutcome], from: String, firstColumn: FirstColumn) -> HTML {
        AuditTables.reviewScores(r, reviews, from: from, firstColumn: firstColumn).html
    }

    static func selection(_ r: RenderContext) -> String {
        let entries = r.selectionInBookOrder
        var body: HTML = "<h1>The selection</h1>"
        body += "<p class=\"lead\">The \(entries.count) entries in book order: \(r.report.bookOrderWords()). The same list is in <a href=\"selection.csv\">selection.csv</a>.</p>"
        // The page numbers its rows as it lists them, field by field.
        let table = AuditTables.selection(r)
        var number = 0
        for field in r.fields {
            var part = table
            part.rows = entries.filter { $0.field == field.code }.map { number += 1; return (number, $0) }
            guard !part.rows.isEmpty else { continue }
            body += "<h2>\(field.name) <span class=\"muted\">— \(part.rows.count) entries</span></h2>"
            body += part.html
        }
        // Entries whose field is not in fields.xml cannot happen after `check`; list them rather than lose them.
        let stray = entries.filter { c in !r.fields.contains { $0.code == c.field } }
        if !stray.isEmpty {
            body += "<h2>Entries of an unknown field</h2><ul>\(stray.map { "<li>\($0.id) \($0.title)</li>" as HTML })</ul>"
        }
        return Layout.page(title: "The selection", report: r, section: .selection, depth: 0, body: body)
    }
}
