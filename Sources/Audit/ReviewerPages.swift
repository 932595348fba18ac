import ManuscriptModel
import Messages

/// `reviewers.html` (leniency at a glance) and `reviewers/<id>.html` (a reviewer's receipt:
/// every score they gave and what became of it).
enum ReviewerPages {
    /// Rounds (in selection.xml order) that have reviews.
    static func reviewedRounds(_ r: RenderContext) -> [String] {
        let withReviews = Set(r.report.reviews.map(\.round))
        var out = r.rounds.map(\.id).filter { withReviews.contains($0) }
        // Reviews of a round selection.xml does not name still show.
        out += withReviews.subtracting(out).sorted()
        return out
    }

    static func index(_ r: RenderContext) -> String {
        var body: HTML = "<h1>\(AuditText.navReviewers.text)</h1>"
        body += "<p class=\"lead\">\(AuditText.reviewersLead.text)</p>"
        for round in reviewedRounds(r) {
            let counted = r.report.reviews.filter { $0.round == round && $0.counted && $0.total != nil }
            guard !counted.isEmpty else { continue }
            let roundMean = counted.map { $0.total! }.reduce(0, +) / Double(counted.count)
            var rows: [Chart.StripRow] = []
            for reviewer in r.reviewers {
                guard let len = reviewer.leniency.first(where: { $0.round == round }) else { continue }
                let totals = counted.filter { $0.reviewer == reviewer.id }.map { $0.total! }.sorted()
                rows.append(Chart.StripRow(
                    label: reviewer.id,
                    tooltip: AuditText.stripTooltip.text([
                        "id": .text(reviewer.id), "name": .text(reviewer.name), "mean": .decimal(len.mean, places: 2),
                        "sd": .decimal(len.standardDeviation, places: 2), "n": .integer(len.count),
                        "offset": .text(Format.signed(len.offset)),
                    ]),
                    href: Layout.href("reviewers", reviewer.id, from: ""), values: totals, mean: len.mean, offset: len.offset))
            }
            rows.sort { ($0.offset, $1.label) > ($1.offset, $0.label) }
            body += "<h2>\(HTML.text(AuditText.roundHeading, markup: ["round": "<span class=\"id\">\(round)</span>"]))</h2>"
            let axis = AuditText.stripAxis.text(["min": .text(Format.score(r.rubric.min)), "max": .text(Format.score(r.rubric.max))])
            body += "<figure>\(Chart.strip(rows: rows, overallMean: roundMean, scale: nil, xLabel: axis))</figure>"
        }

        body += "<h2>\(AuditText.allReviewers.text)</h2>\n"
        body += AuditTables.reviewers(r).html
        return Layout.page(title: AuditText.navReviewers.text, report: r, section: .reviewers, depth: 0, body: body)
    }

    static func page(_ r: RenderContext, _ reviewer: AuditReport.ReviewerRow) -> String {
        let given = r.reviews(by: reviewer.id)
        let counted = given.filter(\.counted).count
        var body: HTML = "<p class=\"muted id\">\(AuditText.reviewerId.text(["id": .text(reviewer.id)]))</p><h1>\(reviewer.name)</h1>"
        body += "<dl class=\"facts\"><dt>\(AuditText.district.text)</dt><dd>\(r.districtName(reviewer.district))</dd>"
        body += "<dt>\(AuditText.unit.text)</dt><dd>\(reviewer.unit)</dd></dl>"
        let countedSpan: HTML = "<span class=\"yes\">\(AuditText.countedCount.text(["n": .integer(counted)]))</span>"
        let notCountedSpan: HTML = """
        <span class="\(given.count == counted ? "muted" : "no")">\(AuditText.notCountedCount.text(["n": .integer(given.count - counted)]))</span>
        """
        body += "<div class=\"banner\">\(HTML.text(AuditText.reviewsGiven, ["n": .integer(given.count)], markup: ["counted": countedSpan, "notCounted": notCountedSpan]))</div>"

        body += "<h2>\(AuditText.leniencyHeading.text)</h2>"
        if reviewer.leniency.isEmpty {
            body += "<p>\(AuditText.noCountedReviews.text)</p>"
        } else {
            body += AuditTables.leniency(reviewer).html
            body += "<p class=\"muted\">\(AuditText.leniencyExplained.text)</p>"
        }

        body += "<h2>\(AuditText.conflictsHeading.text)</h2>"
        if reviewer.conflicts.isEmpty {
            body += "<p>\(AuditText.noneFound.text)</p>"
        } else {
            body += AuditTables.conflicts(r, reviewer).html
        }

        body += "<h2>\(AuditText.everyScoreGiven.text)</h2>"
        body += given.isEmpty ? "<p>\(AuditText.noReviews.text)</p>" : CandidatePages.reviewTable(r, given, from: "reviewers", firstColumn: .submission)
        return Layout.page(title: reviewer.id, report: r, section: .reviewers, depth: 1, body: body)
    }
}
