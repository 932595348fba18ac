import ManuscriptModel
import Messages

/// `index.html`: the whole selection on one page, for the editors' meeting.
enum OverviewPage {
    static func render(_ r: RenderContext) -> String {
        var body: HTML = "<h1>\(AuditText.overviewTitle.text)</h1>"
        let lead: AuditText = r.chain.intact ? .overviewLeadRecorded : .overviewLeadUnrecorded
        body += "<p class=\"lead\">\(lead.text(["candidates": .integer(r.candidates.count), "entries": .integer(r.selectionInBookOrder.count)]))</p>"
        if !r.chain.intact {
            body += "<div class=\"banner warn\"><strong>\(AuditText.notBacked.text)</strong> \(HTML.withCode(r.chain.summary)) <a href=\"#chain\">\(AuditText.details.text)</a>.</div>"
        }
        body += cards(r)
        body += "<h2 id=\"rounds\">\(AuditText.roundsHeading.text)</h2>"
        body += Chart.funnel(funnelStages(r))
        body += roundsTable(r)
        body += quotas(r)
        body += reliability(r)
        body += charts(r)
        body += chain(r)
        body += exports(r)
        return Layout.page(title: AuditText.navOverview.text, report: r, section: .overview, depth: 0, body: body)
    }

    static func funnelStages(_ r: RenderContext) -> [(label: String, count: Int)] {
        var stages: [(label: String, count: Int)] = [(AuditText.stageSubmitted.text, r.rounds.first?.considered ?? r.candidates.count)]
        for round in r.rounds {
            let id: [String: MessageValue] = ["round": .text(round.id)]
            switch round.type {
            case .screen: stages.append((AuditText.stageEligible.text(id), round.passed))
            case .rank:
                stages.append((AuditText.stageEnoughReviews.text, round.considered - round.insufficientReviews))
                stages.append((AuditText.stageShortlisted.text(id), round.passed))
            case .optimize: stages.append((AuditText.stageSelected.text(id), round.passed))
            }
        }
        return stages
    }

    static func cards(_ r: RenderContext) -> HTML {
        func card(_ n: String, _ what: AuditText, _ cls: String = "") -> HTML {
            "<div class=\"card \(cls)\"><div class=\"big\">\(n)</div><div class=\"what\">\(what.text)</div></div>"
        }
        let submitted = r.rounds.first?.considered ?? r.candidates.count
        let eligible = r.rounds.last { $0.type == .screen }?.passed
        let shortlisted = r.rounds.last { $0.type == .rank }?.passed
        let selected = r.selectionInBookOrder.count
        var out: HTML = "<div class=\"cards\">"
        out += card(Format.count(submitted), .cardSubmitted)
        if let eligible { out += card(Format.count(eligible), .cardEligible) }
        if let shortlisted { out += card(Format.count(shortlisted), .cardShortlisted) }
        out += card(Format.count(selected), .cardInBook, "book")
        let quotasHold = r.quotas.allSatisfy(\.holds)
        out += card(quotasHold ? "✓" : "✗", quotasHold ? .cardQuotasHold : .cardQuotaNotMet, quotasHold ? "good" : "bad")
        out += card(r.chain.intact ? "✓" : "✗",
                    r.chain.intact ? .cardRecordsVerified : r.chain.records.isEmpty ? .cardNoRecords : .cardRecordsMismatch,
                    r.chain.intact ? "good" : "bad")
        return out + "</div>"
    }

    static func roundsTable(_ r: RenderContext) -> HTML {
        typealias Cell = AuditTable<AuditReport.RoundCounts>.Cell
        func scoredWith(_ round: AuditReport.RoundCounts) -> String {
            guard round.type != .screen, let aggregate = round.aggregate.map(Words.aggregate) else { return "—" }
            guard let source = round.reviewsFrom, source != round.id else { return aggregate }
            return AuditText.reviewsOfRound.text(["aggregate": .text(aggregate), "round": .text(source)])
        }
        return AuditTable(columns: [
            .init(heading: .text(.round)) { Cell("\($0.id)", class: "id") },
            .init(heading: .text(.roundType)) { Cell("\(Words.roundType($0.type))") },
            .init(heading: .text(.scoredWith)) { Cell("\(scoredWith($0))") },
            .init(heading: .number(.entered)) { Cell("\($0.considered)", class: "n") },
            .init(heading: .number(.passed)) { Cell("\($0.passed)", class: "n") },
            .init(heading: .text(.didNotPass)) { Cell(didNotPass($0).joined(separator: "<br>")) },
        ], rows: r.rounds).html + "<p class=\"muted\">\(AuditText.roundTypesExplained.text)</p>"
    }

    /// What a round's "did not pass" column says: how many fell out, and why.
    static func didNotPass(_ round: AuditReport.RoundCounts) -> [HTML] {
        var dropped: [HTML] = []
        func line(_ key: AuditText, _ n: Int) { dropped.append(.text(key, ["n": .integer(n)])) }
        if round.type == .screen {
            line(.droppedIneligible, round.ineligible)
            for rule in round.failedByRule where rule.count > 0 {
                dropped.append("<span class=\"muted\">\(AuditText.droppedFailedRule.text) <code>\(rule.rule)</code>: \(rule.count)</span>")
            }
        }
        if round.type == .rank {
            line(.droppedTooFewReviews, round.insufficientReviews)
            line(.droppedBelowShortlist, round.considered - round.insufficientReviews - round.passed)
        }
        if round.type == .optimize {
            line(.droppedLeftOut, round.considered - round.passed - round.excluded)
            if round.included > 0 { line(.droppedIncluded, round.included) }
            if round.excluded > 0 { line(.droppedExcluded, round.excluded) }
        }
        return dropped
    }

    static func quotas(_ r: RenderContext) -> HTML {
        var out: HTML = "<h2 id=\"quotas\">\(AuditText.quotasHeading.text)</h2>"
        guard !r.quotas.isEmpty else { return out + "<p>\(AuditText.noQuotas.text)</p>" }
        out += "<p class=\"lead\">\(AuditText.quotasLead.text)</p>"
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
            <tr><td>\(Words.dimension(.unit))</td><td colspan="6" class="muted">\
            \(AuditText.quietUnits.text(["n": .integer(quiet.count), "most": .integer(most)]))</td></tr>
            """
        }
        return out + AuditTable(columns: [
            .init(heading: .text(.quotaDimension)) { Cell("\(Words.dimension($0.quota.dimension))") },
            .init(heading: .text(.quotaValue)) { fill in
                let name = fill.quota.dimension == .kind ? Words.kind(code: fill.quota.value) : r.report.valueName(fill.quota)
                return Cell(name == fill.quota.value ? "\(fill.quota.value)" : "\(name) <span class=\"muted id\">\(fill.quota.value)</span>")
            },
            .init(heading: .number(.quotaMin)) { Cell("\($0.quota.min.map(Format.count) ?? "—")", class: "n") },
            .init(heading: .number(.quotaMax)) { Cell("\($0.quota.max.map(Format.count) ?? "—")", class: "n") },
            .init(heading: .number(.quotaFilled)) { Cell("\($0.filled)", class: "n") },
            .init(heading: .text(.quotaFill)) { fill in
                let q = fill.quota
                return Cell(Chart.quotaGauge(min: q.min, max: q.max, filled: fill.filled,
                                             scaleMax: Int(Double(scale[q.dimension] ?? 1) * 1.15) + 1, holds: fill.holds))
            },
            .init(heading: .text(.status)) { fill in
                Cell(!fill.holds ? "<span class=\"no\">\(AuditText.quotaNotMet.text)</span>"
                     : fill.atMax ? "\(AuditText.quotaAtMax.text)" : "<span class=\"yes\">\(AuditText.quotaHolds.text)</span>")
            },
        ], rows: r.quotas.filter { !quiet.contains($0) }, page: page).html
    }

    static func reliability(_ r: RenderContext) -> HTML {
        var out: HTML = "<h2 id=\"reliability\">\(AuditText.reliabilityHeading.text)</h2>"
        let scope: MessageValue = r.scoringRound.map { .message(AuditText.reliabilityScope.with(["round": .text($0)])) } ?? ""
        out += "<p class=\"lead\">\(AuditText.reliabilityLead.text(["scope": scope, "low": .decimal(0.667, places: 3), "high": .decimal(0.8, places: 1)]))</p>"
        guard !r.reliability.isEmpty else { return out + "<p>\(AuditText.noReliability.text)</p>" }
        typealias Cell = AuditTable<AuditReport.ReliabilityRow>.Cell
        return out + AuditTable(columns: [
            .init(heading: .text(.criterion)) { Cell("\($0.criterion)", class: "id") },
            .init(heading: "") { Cell("\($0.label)") },
            .init(heading: .number(.alpha, title: .alphaExplained)) { Cell("\(Format.number($0.alpha, 3))", class: "n") },
            .init(heading: "0 … 1") { Cell(Chart.alphaGauge($0.alpha)) },
            .init(heading: .text(.reading)) { row in
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
        var out: HTML = "<h2 id=\"charts\">\(AuditText.scoresHeading.text)</h2>"
        let scored = r.candidates.filter { $0.aggregate != nil }
        out += "<figure>\(Chart.histogram(scores: scored.map { ($0.aggregate!, $0.outcome.isInBook) }, cutoff: r.cutoff, xLabel: AuditText.histogramAxis.text))"
        let cut: MessageValue = r.cutoff.map { .message(AuditText.inParentheses.with(["value": .decimal($0, places: 3)])) } ?? ""
        out += "<figcaption>\(AuditText.histogramCaption.text(["n": .integer(scored.count), "cut": cut]))</figcaption></figure>"

        let points = scored.compactMap { c -> Chart.Point? in
            guard let raw = c.rawMean, let agg = c.aggregate else { return nil }
            return Chart.Point(x: raw, y: agg, highlight: c.outcome.isInBook,
                               tooltip: AuditText.scatterTooltip.text(["id": .text(c.id), "title": .text(c.title),
                                                                       "raw": .decimal(raw, places: 3), "aggregate": .decimal(agg, places: 3)]),
                               href: Layout.href("candidates", c.id, from: ""))
        }
        out += "<figure>\(Chart.scatter(points: points, xLabel: AuditText.scatterX.text, yLabel: AuditText.scatterY.text))"
        out += "<figcaption>\(AuditText.scatterCaption.text)</figcaption></figure>"

        let wide = r.candidates.filter { ($0.spread ?? 0) > 0 && $0.countedReviews >= 2 }
            .sorted { ($0.spread!, $1.id) > ($1.spread!, $0.id) }.prefix(20)
        let bars = wide.map { c in
            Chart.Bar(label: c.id, value: c.spread!, highlight: c.outcome.isInBook,
                      tooltip: AuditText.spreadTooltip.text(["id": .text(c.id), "title": .text(c.title), "spread": .decimal(c.spread!, places: 2)]),
                      href: Layout.href("candidates", c.id, from: ""))
        }
        out += "<figure>\(Chart.bars(Array(bars), xLabel: AuditText.spreadAxis.text))"
        out += "<figcaption>\(AuditText.spreadCaption.text(["n": .integer(bars.count)]))</figcaption></figure>"
        return out
    }

    static func chain(_ r: RenderContext) -> HTML {
        var out: HTML = "<h2 id=\"chain\">\(AuditText.chainHeading.text)</h2>"
        let state: AuditText = r.chain.intact ? .chainVerified : r.chain.records.isEmpty ? .chainNone : .chainProblems
        out += "<p class=\"lead\"><span class=\"\(r.chain.intact ? "yes" : "no")\">\(state.text)</span> — \(HTML.withCode(r.chain.summary))</p>"
        guard !r.chain.records.isEmpty else { return out }
        typealias Cell = AuditTable<AuditReport.ChainRecord>.Cell
        return out + AuditTable(columns: [
            .init(heading: .text(.record)) { Cell("\($0.path)", class: "id") },
            .init(heading: .text(.round)) { Cell("\($0.round)", class: "id") },
            .init(heading: .text(.digest)) {
                Cell("\($0.digest.map { String($0.prefix(16)) + "…" } ?? "—")", class: "id", title: $0.digest ?? "")
            },
            .init(heading: .text(.status)) {
                Cell($0.problem.map { "<span class=\"no\">✗ \($0)</span>" } ?? "<span class=\"yes\">\(AuditText.chainVerified.text)</span>")
            },
        ], rows: r.chain.records).html + "<p class=\"muted\">\(AuditText.digestExplained.text)</p>"
    }

    static func exports(_ r: RenderContext) -> HTML {
        let order = r.report.bookOrderWords(inTheOrderOf: true)
        return """
        <h2 id="exports">\(AuditText.exportsHeading.text)</h2>
        <p class="lead">\(AuditText.exportsLead.text)</p>
        <ul>
        <li><a href="reviews.csv">reviews.csv</a> — \(AuditText.exportReviews.text)</li>
        <li><a href="candidates.csv">candidates.csv</a> — \(AuditText.exportCandidates.text)</li>
        <li><a href="selection.csv">selection.csv</a> — \(AuditText.exportSelection.text(["n": .integer(r.selectionInBookOrder.count), "order": .text(order)]))</li>
        </ul>
        """
    }
}
