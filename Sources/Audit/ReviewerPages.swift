import ManuscriptModel

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
        var body: HTML = "<h1>Reviewers</h1>"
        body += "<p class=\"lead\">Who scored high and who scored low. Each dot is one counted review total; the black bar is the reviewer’s mean, the dashed red line the mean of all counted totals in the round; the offset is the difference. Most lenient at the top. Click a reviewer for their receipt.</p>"
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
                    tooltip: "\(reviewer.id) \(reviewer.name): mean \(Format.fixed(len.mean, 2)), SD \(Format.fixed(len.standardDeviation, 2)), n \(len.count), offset \(Format.signed(len.offset))",
                    href: Layout.href("reviewers", reviewer.id, from: ""), values: totals, mean: len.mean, offset: len.offset))
            }
            rows.sort { ($0.offset, $1.label) > ($1.offset, $0.label) }
            body += "<h2>Round <span class=\"id\">\(round)</span></h2>"
            body += "<figure>\(Chart.strip(rows: rows, overallMean: roundMean, scale: nil, xLabel: "review total (\(Format.score(r.rubric.min))–\(Format.score(r.rubric.max)))"))</figure>"
        }

        body += "<h2>All reviewers</h2>\n"
        body += AuditTables.reviewers(r).html
        return Layout.page(title: "Reviewers", report: r, section: .reviewers, depth: 0, body: body)
    }

    static func page(_ r: RenderContext, _ reviewer: AuditReport.ReviewerRow) -> String {
        let given = r.reviews(by: reviewer.id)
        let counted = given.filter(\.counted).count
        var body: HTML = "<p class=\"muted id\">reviewer \(reviewer.id)</p><h1>\(reviewer.name)</h1>"
        body += "<dl class=\"facts\"><dt>district</dt><dd>\(r.districtName(reviewer.district))</dd><dt>unit</dt><dd>\(reviewer.unit)</dd></dl>"
        body += "<div class=\"banner\">\(given.count) reviews given: <span class=\"yes\">\(counted) counted</span>, <span class=\"\(given.count == counted ? "muted" : "no")\">\(given.count - counted) not counted</span>.</div>"

        body += "<h2>Leniency</h2>"
        if reviewer.leniency.isEmpty {
            body += "<p>No counted reviews.</p>"
        } else {
            body += AuditTables.leniency(reviewer).html
            body += "<p class=\"muted\">A positive offset means this reviewer scored higher than the round on average (lenient), a negative one lower (strict). With z-score aggregation the offset is taken out before ranking.</p>"
        }

        body += "<h2>Conflicts of interest</h2>"
        if reviewer.conflicts.isEmpty {
            body += "<p>None.</p>"
        } else {
            body += AuditTables.conflicts(r, reviewer).html
        }

        body += "<h2>Every score given</h2>"
        body += given.isEmpty ? "<p>No reviews.</p>" : CandidatePages.reviewTable(r, given, from: "reviewers", firstColumn: .submission)
        return Layout.page(title: reviewer.id, report: r, section: .reviewers, depth: 1, body: body)
    }
}
