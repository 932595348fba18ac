import ManuscriptModel

/// `index.html`: the whole selection on one page, for the editors' meeting.
enum OverviewPage {
    static func render(_ r: RenderContext) -> String {
        var body: HTML = "<h1>Audit of the selection</h1>"
        body += "<p class=\"lead\">How \(r.candidates.count) candidates became \(r.selectionInBookOrder.count) entries: every count, quota and score on these pages \(r.chain.intact ? "comes from the round records and the manuscript" : "is computed from the manuscript as it is now").</p>"
        if !r.chain.intact {
            body += "<div class=\"banner warn\"><strong>Not backed by the round records.</strong> \(r.chain.summary) <a href=\"#chain\">Details</a>.</div>"
        }
        body += cards(r)
        body += "<h2 id=\"rounds\">Rounds</h2>"
        body += Chart.funnel(funnelStages(r))
        body += roundsTable(r)
        body += quotas(r)
        body += reliability(r)
        body += charts(r)
        body += chain(r)
        body += exports(r)
        return Layout.page(title: "Overview", report: r, section: .overview, depth: 0, body: body)
    }

    static func funnelStages(_ r: RenderContext) -> [(label: String, count: Int)] {
        var stages: [(label: String, count: Int)] = [("submitted", r.rounds.first?.considered ?? r.candidates.count)]
        for round in r.rounds {
            switch round.type {
            case .screen: stages.append(("eligible (\(round.id))", round.passed))
            case .rank:
                stages.append(("with enough reviews", round.considered - round.insufficientReviews))
                stages.append(("shortlisted (\(round.id))", round.passed))
            case .optimize: stages.append(("selected (\(round.id))", round.passed))
            }
        }
        return stages
    }

    static func cards(_ r: RenderContext) -> HTML {
        func card(_ n: String, _ what: String, _ cls: String = "") -> HTML {
            "<div class=\"card \(cls)\"><div class=\"big\">\(n)</div><div class=\"what\">\(what)</div></div>"
        }
        let submitted = r.rounds.first?.considered ?? r.candidates.count
        let eligible = r.rounds.last { $0.type == .screen }?.passed
        let shortlisted = r.rounds.last { $0.type == .rank }?.passed
        let selected = r.selectionInBookOrder.count
        var out: HTML = "<div class=\"cards\">"
        out += card(String(submitted), "submitted")
        if let eligible { out += card(String(eligible), "eligible") }
        if let shortlisted { out += card(String(shortlisted), "shortlisted") }
        out += card(String(selected), "in the book", "book")
        let quotasHold = r.quotas.allSatisfy(\.holds)
        out += card(quotasHold ? "✓" : "✗", quotasHold ? "every quota holds" : "a quota is not met", quotasHold ? "good" : "bad")
        out += card(r.chain.intact ? "✓" : "✗",
                    r.chain.intact ? "round records verified" : r.chain.records.isEmpty ? "no round records" : "round records do not match",
                    r.chain.intact ? "good" : "bad")
        return out + "</div>"
    }

    static func roundsTable(_ r: RenderContext) -> HTML {
        typealias Cell = AuditTable<AuditReport.RoundCounts>.Cell
        return AuditTable(columns: [
            .init(heading: "round") { Cell("\($0.id)", class: "id") },
            .init(heading: "type") { Cell("\($0.type.rawValue)") },
            .init(heading: "scored with") { round in
                Cell(round.type == .screen ? "—" :
                    "\(round.aggregate?.rawValue ?? "—")\(round.reviewsFrom.map { $0 == round.id ? "" : ", reviews of \($0)" } ?? "")")
            },
            .init(heading: .number("entered")) { Cell("\($0.considered)", class: "n") },
            .init(heading: .number("passed")) { Cell("\($0.passed)", class: "n") },
            .init(heading: "did not pass") { Cell(didNotPass($0).joined(separator: "<br>")) },
        ], rows: r.rounds).html
    }

    /// What a round's "did not pass" column says: how many fell out, and why.
    static func didNotPass(_ round: AuditReport.RoundCounts) -> [HTML] {
        var dropped: [HTML] = []
        if round.type == .screen {
            dropped.append("\(round.ineligible) ineligible")
            for rule in round.failedByRule where rule.count > 0 {
                dropped.append("<span class=\"muted\">failed <code>\(rule.rule)</code>: \(rule.count)</span>")
            }
        }
        if round.type == .rank {
            dropped.append("\(round.insufficientReviews) with too few counted reviews (listed, not ranked)")
            let notKept = round.considered - round.insufficientReviews - round.passed
            dropped.append("\(notKept) ranked below the shortlist")
        }
        if round.type == .optimize {
            dropped.append("\(round.considered - round.passed - round.excluded) left out")
            if round.included > 0 { dropped.append("\(round.included) taken in by an editor’s include") }
            if round.excluded > 0 { dropped.append("\(round.excluded) kept out by an editor’s exclude") }
        }
        return dropped
    }

    static func quotas(_ r: RenderContext) -> HTML {
        var out: HTML = "<h2 id=\"quotas\">Quotas of the final round</h2>"
        guard !r.quotas.isEmpty else { return out + "<p>The final round has no quotas.</p>" }
        out += "<p class=\"lead\">The shaded band is what the quota allows (min to max); the bar is what the selection filled. A quota at its max is why some higher-scoring candidates of that value are left out.</p>"
        var scale: [QuotaDimension: Int] = [:]
        for fill in r.quotas {
            let q = fill.quota
            scale[q.dimension] = max(scale[q.dimension] ?? 1, fill.filled, q.max ?? 0, q.min ?? 0)
        }
        // A quota on every unit gives a row per unit; those that hold well inside it say nothing.
        let quiet = r.quotas.filter { $0.quota.dimension == .unit && $0.holds && !$0.atMax && ($0.quota.min ?? 0) == 0 }
        typealias Cell = AuditTable<QuotaFill>.Cell
        var page = AuditTable<QuotaFill>.Page(scrolls: true)
        if !quiet.isEmpty {
            let most = quiet.map(\.filled).max() ?? 0
            page.summary = """
            <tr><td>unit</td><td colspan="6" class="muted">\(quiet.count) other units, each with at most \(most) \
            \(most == 1 ? "entry" : "entries"), below their maximum (not listed)</td></tr>
            """
        }
        return out + AuditTable(columns: [
            .init(heading: "dimension") { Cell("\($0.quota.dimension.rawValue)") },
            .init(heading: "value") { fill in
                let name = r.report.valueName(fill.quota)
                return Cell(name == fill.quota.value ? "\(fill.quota.value)" : "\(name) <span class=\"muted id\">\(fill.quota.value)</span>")
            },
            .init(heading: .number("min")) { Cell("\($0.quota.min.map(String.init) ?? "—")", class: "n") },
            .init(heading: .number("max")) { Cell("\($0.quota.max.map(String.init) ?? "—")", class: "n") },
            .init(heading: .number("filled")) { Cell("\($0.filled)", class: "n") },
            .init(heading: "fill") { fill in
                let q = fill.quota
                return Cell(Chart.quotaGauge(min: q.min, max: q.max, filled: fill.filled,
                                             scaleMax: Int(Double(scale[q.dimension] ?? 1) * 1.15) + 1, holds: fill.holds))
            },
            .init(heading: "status") { fill in
                Cell(!fill.holds ? "<span class=\"no\">not met</span>" : fill.atMax ? "at max" : "<span class=\"yes\">holds</span>")
            },
        ], rows: r.quotas.filter { !quiet.contains($0) }, page: page).html
    }

    static func reliability(_ r: RenderContext) -> HTML {
        var out: HTML = "<h2 id=\"reliability\">Do the reviewers agree?</h2>"
        out += "<p class=\"lead\">Krippendorff’s alpha (interval) over the counted reviews\(r.scoringRound.map { " of round \($0)" } ?? ""): 1 is perfect agreement, 0 is no better than chance. At 0.8 or above the scores are reliable; from 0.667 to 0.8 tentative; below 0.667 unreliable — discuss the criterion before leaning on it. Marks on the bar: 0.667 (dashed) and 0.8.</p>"
        guard !r.reliability.isEmpty else { return out + "<p>No reliability figures.</p>" }
        typealias Cell = AuditTable<AuditReport.ReliabilityRow>.Cell
        return out + AuditTable(columns: [
            .init(heading: "criterion") { Cell("\($0.criterion)", class: "id") },
            .init(heading: "") { Cell("\($0.label)") },
            .init(heading: .number("α")) { Cell("\(Format.fixed($0.alpha, 3))", class: "n") },
            .init(heading: "0 … 1") { Cell(Chart.alphaGauge($0.alpha)) },
            .init(heading: "reading") { row in
                let reading = AlphaReading(row.alpha)
                let cls = switch reading {
                case .reliable: "yes"
                case .unreliable: "no"
                default: "muted"
                }
                return Cell("\(reading.words)", class: cls)
            },
        ], rows: r.reliability).html
    }

    static func charts(_ r: RenderContext) -> HTML {
        var out: HTML = "<h2 id=\"charts\">Scores</h2>"
        let scored = r.candidates.filter { $0.aggregate != nil }
        out += "<figure>\(Chart.histogram(scores: scored.map { ($0.aggregate!, $0.outcome.isInBook) }, cutoff: r.cutoff, xLabel: "aggregate score"))"
        out += "<figcaption>Aggregate scores of the \(scored.count) ranked candidates. The cut-off is the lowest score the final round chose on merit\(r.cutoff.map { " (\(Format.fixed($0, 3)))" } ?? ""); entries in the book below it came in through a quota’s minimum or an editor’s include, and candidates above it that are not in the book were kept out by a quota’s maximum or an exclude.</figcaption></figure>"

        let points = scored.compactMap { c -> Chart.Point? in
            guard let raw = c.rawMean, let agg = c.aggregate else { return nil }
            return Chart.Point(x: raw, y: agg, highlight: c.outcome.isInBook,
                               tooltip: "\(c.id) — \(c.title): raw \(Format.fixed(raw, 3)), aggregate \(Format.fixed(agg, 3))",
                               href: Layout.href("candidates", c.id, from: ""))
        }
        out += "<figure>\(Chart.scatter(points: points, xLabel: "raw mean of review totals", yLabel: "aggregate (after normalisation)"))"
        out += "<figcaption>Each dot is a candidate. On the dashed line normalisation changed nothing; above it the candidate’s reviewers were strict ones (their scores were lifted), below it lenient ones. Click a dot for the candidate.</figcaption></figure>"

        let wide = r.candidates.filter { ($0.spread ?? 0) > 0 && $0.countedReviews >= 2 }
            .sorted { ($0.spread!, $1.id) > ($1.spread!, $0.id) }.prefix(20)
        let bars = wide.map { c in
            Chart.Bar(label: c.id, value: c.spread!, highlight: c.outcome.isInBook,
                      tooltip: "\(c.id) — \(c.title): totals differ by \(Format.fixed(c.spread!, 2))",
                      href: Layout.href("candidates", c.id, from: ""))
        }
        out += "<figure>\(Chart.bars(Array(bars), xLabel: "highest minus lowest counted review total"))"
        out += "<figcaption>The \(bars.count) candidates whose reviewers disagreed most. Worth a second look before the meeting, above all those in the book.</figcaption></figure>"
        return out
    }

    static func chain(_ r: RenderContext) -> HTML {
        var out: HTML = "<h2 id=\"chain\">Round records</h2>"
        let state = r.chain.intact ? "✓ verified" : r.chain.records.isEmpty ? "✗ none" : "✗ problems"
        out += "<p class=\"lead\"><span class=\"\(r.chain.intact ? "yes" : "no")\">\(state)</span> — \(r.chain.summary)</p>"
        guard !r.chain.records.isEmpty else { return out }
        typealias Cell = AuditTable<AuditReport.ChainRecord>.Cell
        return out + AuditTable(columns: [
            .init(heading: "record") { Cell("\($0.path)", class: "id") },
            .init(heading: "round") { Cell("\($0.round)", class: "id") },
            .init(heading: "digest") {
                Cell("\($0.digest.map { String($0.prefix(16)) + "…" } ?? "—")", class: "id", title: $0.digest ?? "")
            },
            .init(heading: "status") {
                Cell($0.problem.map { "<span class=\"no\">✗ \($0)</span>" } ?? "<span class=\"yes\">✓ verified</span>")
            },
        ], rows: r.chain.records).html
    }

    static func exports(_ r: RenderContext) -> HTML {
        """
        <h2 id="exports">Exports</h2>
        <p class="lead">UTF-8 CSV files with a header row; they open in LibreOffice Calc and Excel with Vietnamese text intact.</p>
        <ul>
        <li><a href="reviews.csv">reviews.csv</a> — one row per review and criterion, with whether the review counted and, if not, why.</li>
        <li><a href="candidates.csv">candidates.csv</a> — one row per candidate with every figure of the candidates table.</li>
        <li><a href="selection.csv">selection.csv</a> — the \(r.selectionInBookOrder.count) entries in book order: \(r.report.bookOrderWords("in the order of")).</li>
        </ul>
        """
    }
}
