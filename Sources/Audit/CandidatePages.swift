import Selection
import ManuscriptModel
import Messages

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
        var body: HTML = "<h1>\(AuditText.navCandidates.text)</h1>"
        body += "<p class=\"lead\">\(AuditText.candidatesLead.text(["n": .integer(r.candidates.count)]))</p>"
        func select(_ name: String, _ label: AuditText, _ options: [(String, String)]) -> HTML {
            var out: HTML = "<label>\(label.text) <select name=\"\(name)\"><option value=\"\">\(AuditText.filterAll.text)</option>"
            for (value, text) in options { out += "<option value=\"\(value)\">\(text)</option>" }
            return out + "</select></label>"
        }
        let usedDistricts = Set(r.candidates.map(\.district))
        body += "<form class=\"filters\" data-table=\"candidates\"><input type=\"search\" name=\"q\" placeholder=\"\(AuditText.filterPlaceholder.text)\" aria-label=\"\(AuditText.filterLabel.text)\">"
        body += select("field", .field, r.fields.map { ($0.code, $0.name) })
        body += select("district", .district, r.districts.filter { usedDistricts.contains($0.code) }.map { ($0.code, $0.name) })
        body += select("kind", .kind, SubmissionKind.allCases.map { ($0.rawValue, Words.kind($0)) })
        body += select("outcome", .outcome, AuditReport.Outcome.allCases.map { ($0.rawValue, $0.label) })
        let count = AuditText.filterCount.text(["shown": "{shown}", "total": "{total}"])
        body += "<output class=\"muted\" data-template=\"\(count)\"></output></form>"
        var table = AuditTables.candidates(r)
        table.rows = displayOrder(r)
        body += table.html
        return Layout.page(title: AuditText.navCandidates.text, report: r, section: .candidates, depth: 0, body: body)
    }

    static func page(_ r: RenderContext, _ c: AuditReport.Candidate) -> String {
        var body: HTML = "<p class=\"muted id\">\(c.id)</p><h1>\(c.title)</h1>"
        body += """
        <dl class="facts"><dt>\(AuditText.field.text)</dt><dd>\(r.fieldName(c.field))</dd>\
        <dt>\(AuditText.district.text)</dt><dd>\(r.districtName(c.district))</dd>\
        <dt>\(AuditText.kind.text)</dt><dd>\(Words.kind(c.kind))</dd>\
        <dt>\(AuditText.unit.text)</dt><dd>\(c.unit) <span class="muted">(\(Words.level(c.unitLevel)))</span></dd>\
        <dt>\(AuditText.registered.text)</dt><dd>\(Format.date(c.registered))</dd></dl>
        """
        body += banner(r, c)

        typealias Cell = AuditTable<AuditReport.RoundOutcome>.Cell
        body += "<h2>\(AuditText.roundsHeading.text)</h2>"
        body += AuditTable(columns: [
            .init(heading: .text(.round)) { Cell("\($0.round)", class: "id") },
            .init(heading: .text(.result)) { Cell("\($0.passed ? "✓" : "✗") \($0.status)", class: $0.passed ? "yes" : "no") },
            .init(heading: .text(.why)) { Cell("\($0.detail ?? "")") },
        ], rows: c.rounds, page: .init(lineBreaks: .none)).html

        body += "<h2>\(AuditText.scoreHeading.text)</h2><dl class=\"facts\">"
        body += "<dt>\(AuditText.countedReviews.text)</dt><dd>\(AuditText.countedOf.text(["counted": .integer(c.countedReviews), "all": .integer(c.reviews)]))</dd>"
        body += "<dt>\(AuditText.rawMeanOfTotals.text)</dt><dd>\(Format.number(c.rawMean, 3))</dd>"
        let method = r.rounds.last { $0.type != .screen }?.aggregate.map(Words.aggregate)
        body += "<dt>\(method.map { AuditText.aggregateWith.text(["method": .text($0)]) } ?? AuditText.aggregate.text)</dt><dd>\(Format.number(c.aggregate, 3))"
        if let agg = c.aggregate, let cut = r.cutoff {
            let against = AuditText.againstCutOff.text(["difference": .text(Format.signed(agg - cut, 3)), "cutoff": .decimal(cut, places: 3)])
            body += " <span class=\"muted\">\(against)</span>"
        }
        let rank = c.rank.map { AuditText.rankOf.text(["rank": .integer($0), "n": .integer(r.rankedCount)]) } ?? AuditText.notRanked.text
        body += "</dd><dt>\(AuditText.rank.text)</dt><dd>\(rank)</dd>"
        body += "<dt>\(AuditText.spreadOfTotals.text)</dt><dd>\(Format.number(c.spread, 3))</dd></dl>"
        body += "<p class=\"muted\">\(AuditText.scoreExplained.text)</p>"

        let reviews = r.reviews(of: c.id)
        let dots = reviews.filter { $0.round == r.scoringRound }.compactMap { rev in
            rev.total.map { Chart.ReviewDot(label: rev.reviewer, value: $0, counted: rev.counted) }
        }
        if !dots.isEmpty {
            body += "<figure>\(Chart.reviewDots(dots, aggregate: c.aggregate, cutoff: r.cutoff, scale: (r.rubric.min, r.rubric.max)))"
            body += "<figcaption>\(AuditText.dotsCaption.text(["round": .text(r.scoringRound ?? "")]))</figcaption></figure>"
        }
        if !c.notes.isEmpty {
            body += "<h3>\(AuditText.normalisationHeading.text)</h3><ul>\(c.notes.map { "<li>\($0)</li>" as HTML })</ul>"
        }
        body += "<h2>\(AuditText.reviewsHeading.text)</h2>"
        if reviews.isEmpty {
            body += "<p>\(AuditText.noReviews.text)</p>"
        } else {
            body += reviewTable(r, reviews, from: "candidates", firstColumn: .reviewer)
        }
        return Layout.page(title: c.id, report: r, section: .candidates, depth: 1, body: body)
    }

    static func banner(_ r: RenderContext, _ c: AuditReport.Candidate) -> HTML {
        var text: HTML = "\(Layout.outcomeBadge(c.outcome)) "
        switch c.outcome {
        case .selected, .included:
            text += "\(c.rank.map { AuditText.bannerInBookRank.text(["rank": .integer($0)]) } ?? AuditText.bannerInBook.text)"
        case .leftOut:
            text += "\(AuditText.bannerLeftOut.text)"
            if !c.keptOutBy.isEmpty {
                text += " \(AuditText.bannerKeptOutBy.text) <ul>\(c.keptOutBy.map { "<li>\($0)</li>" as HTML })</ul>"
            } else if let agg = c.aggregate, let cut = r.cutoff, agg < cut {
                text += " \(AuditText.bannerBelowCutOff.text)"
            }
        case .notShortlisted: text += "\(AuditText.bannerNotShortlisted.text)"
        case .insufficientReviews: text += "\(AuditText.bannerInsufficientReviews.text)"
        case .ineligible: text += "\(AuditText.bannerIneligible.text)"
        case .excluded: text += "\(AuditText.bannerExcluded.text)"
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
        var body: HTML = "<h1>\(AuditText.navSelection.text)</h1>"
        body += "<p class=\"lead\">\(HTML.text(AuditText.selectionLead, ["n": .integer(entries.count), "order": .text(r.report.bookOrderWords())], markup: ["link": "<a href=\"selection.csv\">selection.csv</a>"]))</p>"
        // The page numbers its rows as it lists them, field by field.
        let table = AuditTables.selection(r)
        var number = 0
        for field in r.fields {
            var part = table
            part.rows = entries.filter { $0.field == field.code }.map { number += 1; return (number, $0) }
            guard !part.rows.isEmpty else { continue }
            body += "<h2>\(field.name) <span class=\"muted\">\(AuditText.entriesOfField.text(["n": .integer(part.rows.count)]))</span></h2>"
            body += part.html
        }
        // Entries whose field is not in fields.xml cannot happen after `check`; list them rather than lose them.
        let stray = entries.filter { c in !r.fields.contains { $0.code == c.field } }
        if !stray.isEmpty {
            body += "<h2>\(AuditText.unknownFieldEntries.text)</h2><ul>\(stray.map { "<li>\($0.id) \($0.title)</li>" as HTML })</ul>"
        }
        return Layout.page(title: AuditText.navSelection.text, report: r, section: .selection, depth: 0, body: body)
    }
}
