import Foundation
import ManuscriptModel
import BookWriter
import Selection
import Messages

extension AuditReport {
    /// Builds the report from a manuscript and the selection run on it (what `select` records and
    /// `explain` explains), with the round records' status as `AuditChain.status` found it.
    ///
    /// Pure: no file is read. Every figure is taken from `run` as the round records hold it:
    /// counts and outcomes from each round's result, reviews, totals, normalised values and reasons
    /// for dropping from the scoring rounds' review pools, quotas and reliability from the final
    /// scoring round. The one figure no record spells is `rank` over all ranked candidates: the
    /// candidates ranked by any round (and the final round's pool), ordered by the final scoring,
    /// which is the last `rank` round's ranking whenever both rounds score alike.
    ///
    /// The report's sentences (statuses, reasons, notes) are written in `Language.current`.
    public static func make(manuscript m: Manuscript, run: SelectionRun, chain: ChainStatus) -> AuditReport {
        let districtNames = Dictionary(m.districts.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let finalOptimize = run.rounds.reversed().lazy.compactMap { r -> OptimizeResult? in
            if case .optimize(let o) = r { o } else { nil }
        }.first
        let finalScoring = run.rounds.last { $0.scoring != nil }?.scoring

        // Rounds.
        let counts = run.rounds.map { roundCounts($0, plan: m.selection) }

        // Reliability of the reviews the final ranking used.
        let reliability = (finalScoring?.reliability.alphas ?? []).map { a in
            ReliabilityRow(criterion: a.criterion,
                           label: a.criterion == "total" ? AuditText.reviewTotalCriterion.text
                               : (m.rubric.criteria.first { $0.key == a.criterion }?.label ?? a.criterion),
                           alpha: a.alpha)
        }

        // Reviews: every review of the manuscript, judged by the pool of its own round.
        let scoringBySource = lastScoringBySource(run)
        let pools = reviewPools(m, scoringBySource: scoringBySource)
        var reviewRows: [ReviewOutcome] = []
        for (_, pool) in pools {
            for r in pool.reviews {
                var row = r
                row.scores = orderedScores(r.scores, rubric: m.rubric)
                if !r.counted { row.normalised = nil }
                reviewRows.append(row)
            }
        }

        // Reviewers: leniency per reviewed round, conflicts declared or met.
        var leniency: [String: [Leniency]] = [:]
        for (round, pool) in pools {
            let scoring = scoringBySource[round] ?? Aggregation.score(pool: pool, aggregate: .mean, rubric: m.rubric)
            for s in scoring.reviewers where s.count > 0 {
                leniency[s.reviewer, default: []].append(Leniency(
                    round: round, count: s.count, mean: s.mean, standardDeviation: s.sd, offset: s.offset,
                    keptRaw: scoring.aggregate == .zscore && s.keptRaw != nil ? keptRaw(count: s.count, mean: s.mean) : nil))
            }
        }
        var conflicts: [String: [Conflict]] = [:]
        for c in m.declaredConflicts {
            let reason = c.reason.whitespaceCollapsed
            let conflict = Conflict(submission: c.submission, kind: .declared,
                                    detail: reason.isEmpty ? AuditText.declaredNoReason.text : reason)
            if !(conflicts[c.reviewer] ?? []).contains(conflict) { conflicts[c.reviewer, default: []].append(conflict) }
        }
        let submissionsByID = Dictionary(m.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (_, pool) in pools {
            for r in pool.reviews {
                // What the reviewer shares with the submission: its district's name, or its unit.
                let s = submissionsByID[r.submission]
                let conflict: Conflict
                switch r.dropped {
                case .sameDistrict:
                    conflict = Conflict(submission: r.submission, kind: .district,
                                        detail: s.map { districtNames[$0.unit.district] ?? $0.unit.district } ?? "")
                case .sameUnit:
                    conflict = Conflict(submission: r.submission, kind: .unit, detail: s?.unit.name.whitespaceCollapsed ?? "")
                default: continue
                }
                if !(conflicts[r.reviewer] ?? []).contains(conflict) { conflicts[r.reviewer, default: []].append(conflict) }
            }
        }
        let kindOrder: [ConflictKind: Int] = [.declared: 0, .district: 1, .unit: 2]
        let reviewers = m.reviewers.map { rv in
            ReviewerRow(id: rv.id, name: rv.name, district: rv.district, unit: rv.unit.whitespaceCollapsed,
                        leniency: leniency[rv.id] ?? [],
                        conflicts: (conflicts[rv.id] ?? []).sorted {
                            if $0.submission != $1.submission { return byteOrder($0.submission, $1.submission) }
                            return kindOrder[$0.kind]! < kindOrder[$1.kind]!
                        })
        }

        let candidates = makeCandidates(m, run: run, finalOptimize: finalOptimize, finalScoring: finalScoring)
        return AuditReport(title: m.book?.title.whitespaceCollapsed ?? AuditText.navSelection.text, rubric: m.rubric, fields: m.fields,
                           districts: m.districts, rounds: counts, quotas: finalOptimize?.quotas ?? [], reliability: reliability,
                           chain: chain, candidates: candidates, reviews: reviewRows, reviewers: reviewers,
                           bookOrder: Selection.bookSelection(from: run).map { BookOrder.chapters(manuscript: m, selection: $0) } ?? [],
                           entryOrder: m.book?.entryOrder ?? .district)
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// Why z-score normalisation kept a reviewer's totals raw: fewer than two counted reviews, or
    /// all of them equal (then the mean is that total), as `Aggregation` decides it.
    static func keptRaw(count: Int, mean: Double) -> String {
        count < 2 ? AuditText.keptRawTooFew.text : AuditText.keptRawAllEqual.text(["total": .text(Format.score(mean))])
    }

    /// `field “Lĩnh vực kinh tế”` and its bounds, `tối thiểu 6, tối đa 20`.
    static func quotaWords(_ q: ExpandedQuota, _ m: Manuscript) -> (label: MessageValue, bounds: MessageValue) {
        let value = switch q.dimension {
        case .field: m.fields.first { $0.code == q.value }?.name ?? q.value
        case .district: m.districts.first { $0.code == q.value }?.name ?? q.value
        case .kind: Words.kind(code: q.value)
        case .unit: q.value
        }
        let label = AuditText.quotaLabel.with(["dimension": .text(Words.dimension(q.dimension)), "value": .text(value)])
        // The bounds in select's words; a quota without bounds shows a dash in the table.
        let bounds = q.min == nil && q.max == nil ? Message.verbatim("—") : q.boundsMessage
        return (.message(label), .message(bounds))
    }

    static func orderedScores(_ scores: [CriterionScore], rubric: Rubric) -> [CriterionScore] {
        let order = Dictionary(rubric.criteria.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        return scores.sorted { (order[$0.criterion] ?? Int.max) < (order[$1.criterion] ?? Int.max) }
    }

    /// The scoring of the last round that scored with each source round's reviews.
    static func lastScoringBySource(_ run: SelectionRun) -> [String: RoundScoring] {
        var out: [String: RoundScoring] = [:]
        for r in run.rounds {
            if let s = r.scoring, let source = s.pool.source { out[source] = s }
        }
        return out
    }

    /// One review pool per round that has reviews, in selection.xml order (rounds it does not name
    /// last, by name). A round some scoring used gives that scoring's pool (with normalised values).
    static func reviewPools(_ m: Manuscript, scoringBySource: [String: RoundScoring]) -> [(String, ReviewPool)] {
        let named = Set(m.reviews.map(\.round))
        var order = m.selection.rounds.map(\.id).filter { named.contains($0) }
        order += named.subtracting(order).sorted(by: byteOrder)
        return order.compactMap { round in
            if let s = scoringBySource[round] { return (round, s.pool) }
            // A round no scoring used: the same rules, but nothing was normalised. Two reviews that
            // cannot be told apart stop `select` only in rounds it scores; here the round is left out.
            guard let pool = try? ReviewCounting.pool(source: round, manuscript: m) else { return nil }
            return (round, pool)
        }
    }

    static func roundCounts(_ result: RoundResult, plan: SelectionPlan) -> RoundCounts {
        switch result {
        case .screen(let r):
            let round = plan.rounds.first { $0.id == r.round }
            var names: [String] = []
            for req in round?.requirements ?? [] where !names.contains(req.rule.name) { names.append(req.rule.name) }
            for failed in r.ineligible.values { for n in failed where !names.contains(n) { names.append(n) } }
            let byRule = names.map { n in RuleCount(rule: n, count: r.ineligible.values.count { $0.contains(n) }) }
            return RoundCounts(id: r.round, type: .screen, considered: r.considered.count, passed: r.eligible.count,
                               failedByRule: byRule, ineligible: r.ineligible.count)
        case .rank(let r):
            return RoundCounts(id: r.round, type: .rank, aggregate: r.aggregate, reviewsFrom: r.scoring.pool.source,
                               considered: r.considered.count, passed: r.kept.count,
                               insufficientReviews: r.insufficient.count)
        case .optimize(let r):
            return RoundCounts(id: r.round, type: .optimize, aggregate: r.aggregate, reviewsFrom: r.scoring.pool.source,
                               considered: optimizeConsidered(r).count, passed: r.selected.count,
                               included: r.includes.count, excluded: r.excludes.count)
        }
    }

    /// The candidates an optimize round's record lists: the shortlist, the includes, and the
    /// excludes that were on the shortlist.
    static func optimizeConsidered(_ r: OptimizeResult) -> Set<String> {
        let included = Set(r.includes.map(\.submission))
        let excluded = Set(r.excludes.map(\.submission))
        return Set(r.shortlist).union(included).union(excluded.intersection(r.shortlist))
    }

    static func makeCandidates(_ m: Manuscript, run: SelectionRun, finalOptimize: OptimizeResult?,
                               finalScoring: RoundScoring?) -> [Candidate] {
        let registered = Dictionary(m.submissions.map { ($0.id, $0.registered) }, uniquingKeysWith: { a, _ in a })
        // The final ordering: everyone some round ranked, ordered by the final scoring.
        var rankedIDs = Set<String>()
        for r in run.rounds {
            switch r {
            case .rank(let x): rankedIDs.formUnion(x.ranked.map(\.id))
            case .optimize(let x): rankedIDs.formUnion(x.ranked.map(\.id))
            case .screen: break
            }
        }
        var finalRank: [String: Int] = [:]
        if let finalScoring {
            for c in Ranking.order(Array(rankedIDs), scoring: finalScoring, registered: registered) {
                finalRank[c.id] = c.rank
            }
        }
        let finalReviews = Dictionary(grouping: finalScoring?.pool.reviews ?? [], by: \.submission)
        let keptRawOf = Dictionary((finalScoring?.reviewers ?? []).compactMap { s in
            s.keptRaw.map { _ in (s.reviewer, keptRaw(count: s.count, mean: s.mean)) }
        }, uniquingKeysWith: { a, _ in a })
        let roundsByID = Dictionary(m.selection.rounds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Left out with a score above the lowest selected: which quotas kept them out (as `explain` says).
        var keptOut: [String: [String]] = [:]
        if let o = finalOptimize, let round = roundsByID[o.round] {
            let rankOf = Dictionary(uniqueKeysWithValues: o.ranked.map { ($0.id, $0) })
            let selected = Set(o.selected)
            // Entries an include forced in are not a measure of what score was enough (`cutoff`).
            let included = Set(o.includes.map(\.submission))
            let lowest = o.selected.filter { !included.contains($0) }.compactMap { rankOf[$0] }.min { $0.score < $1.score }
            for c in o.ranked where !selected.contains(c.id) {
                guard let lowest, c.score > lowest.score || (c.score == lowest.score && c.rank < lowest.rank),
                      let why = Optimization.whyLeftOut(c.id, round: round, result: o, manuscript: m) else { continue }
                // The quotas whose change by one alone lets it in, each in a line; the others in one.
                var lines: [String] = []
                if why.objectiveWithIt == nil { lines.append(AuditText.keptOutNoSelection.text) }
                let candidate = m.submissions.first { $0.id == c.id }
                for x in why.relaxations where x.letsItIn {
                    let q = x.quota, (label, bounds) = quotaWords(q, m)
                    // The max of a quota the candidate is in is raised; the min of another lowered (as `whyLeftOut` does).
                    let isIn = candidate.map { Optimization.value(of: $0, in: q.dimension) == q.value } ?? false
                    let change = if isIn, let hi = q.max {
                        AuditText.raiseMax.with(["quota": label, "from": .integer(hi), "to": .integer(hi + 1)])
                    } else {
                        AuditText.lowerMin.with(["quota": label, "from": .integer(q.min ?? 0), "to": .integer((q.min ?? 0) - 1)])
                    }
                    lines.append(AuditText.keptOutAtLimit.text(["quota": label, "bounds": bounds, "change": .message(change)]))
                }
                let others = why.relaxations.filter { !$0.letsItIn }
                if !others.isEmpty {
                    let list = others.map { x in
                        let (label, bounds) = quotaWords(x.quota, m)
                        return AuditText.quotaBounds.text(["quota": label, "bounds": bounds])
                    }.joined(separator: ", ")
                    lines.append((lines.isEmpty ? AuditText.keptOutNoSingleChange : AuditText.keptOutAlsoAtLimit).text(["quotas": .text(list)]))
                }
                if lines.isEmpty { lines.append(AuditText.keptOutTogether.text) }
                keptOut[c.id] = lines
            }
        }

        var lowestSelectedByRound: [String: RankedCandidate?] = [:]
        for case .optimize(let o) in run.rounds {
            let rankOf = Dictionary(uniqueKeysWithValues: o.ranked.map { ($0.id, $0) })
            let included = Set(o.includes.map(\.submission))
            lowestSelectedByRound[o.round] = o.selected.filter { !included.contains($0) }.compactMap { rankOf[$0] }
                .min { $0.score < $1.score }
        }

        return m.submissions.map { s in
            let reviews = finalReviews[s.id] ?? []
            // Scores only for candidates a round ranked, as the records have them: an ineligible
            // submission's reviews count towards normalisation, but it has no score in any round.
            let score = rankedIDs.contains(s.id) ? finalScoring?.scores[s.id] : nil
            var outcome: Outcome?
            var rounds: [RoundOutcome] = []
            var notes: [String] = []
            for r in reviews where r.counted {
                if let why = keptRawOf[r.reviewer] {
                    let note = AuditText.keptRawNote.text(["reviewer": .text(r.reviewer), "why": .text(why)])
                    if !notes.contains(note) { notes.append(note) }
                }
            }
            for result in run.rounds {
                switch result {
                case .screen(let r):
                    guard r.considered.contains(s.id) else { continue }
                    if let failed = r.ineligible[s.id] {
                        rounds.append(RoundOutcome(round: r.round, passed: false, status: AuditText.statusIneligible.text,
                                                   detail: AuditText.detailFails.text(["rules": .text(failed.joined(separator: ", "))])))
                        outcome = outcome ?? .ineligible
                    } else {
                        rounds.append(RoundOutcome(round: r.round, passed: true, status: AuditText.statusEligible.text))
                    }
                case .rank(let r):
                    guard r.considered.contains(s.id) else { continue }
                    if let c = r.ranked.first(where: { $0.id == s.id }) {
                        let kept = r.kept.contains(s.id)
                        rounds.append(RoundOutcome(
                            round: r.round, passed: kept,
                            status: (kept ? AuditText.statusKept : AuditText.statusNotKept)
                                .text(["rank": .integer(c.rank), "n": .integer(r.ranked.count)]),
                            detail: kept ? nil : r.keep.map { AuditText.detailOnlyBestKept.text(["keep": .integer($0)]) }))
                        if !kept { outcome = outcome ?? .notShortlisted }
                    } else {
                        let n = r.insufficient.first { $0.id == s.id }?.reviews ?? 0
                        rounds.append(RoundOutcome(round: r.round, passed: false, status: AuditText.statusTooFewReviews.text,
                                                   detail: AuditText.detailTooFewReviews.text(["n": .integer(n), "min": .integer(r.minReviews)])))
                        outcome = outcome ?? .insufficientReviews
                    }
                case .optimize(let r):
                    guard optimizeConsidered(r).contains(s.id) else { continue }
                    let include = r.includes.first { $0.submission == s.id }
                    let exclude = r.excludes.first { $0.submission == s.id }
                    let c = r.ranked.first { $0.id == s.id }
                    let lowestSelected = lowestSelectedByRound[r.round] ?? nil
                    let pool: [String: MessageValue] = ["pool": c.map {
                        .message(AuditText.inPool.with(["rank": .integer($0.rank), "n": .integer(r.ranked.count)]))
                    } ?? ""]
                    if let exclude {
                        rounds.append(RoundOutcome(round: r.round, passed: false, status: AuditText.statusExcluded.text,
                                                   detail: exclude.reason.whitespaceCollapsed))
                        outcome = .excluded
                    } else if r.selected.contains(s.id) {
                        if let include {
                            rounds.append(RoundOutcome(round: r.round, passed: true, status: AuditText.statusIncluded.text(pool),
                                                       detail: include.reason.whitespaceCollapsed))
                            outcome = .included
                        } else {
                            rounds.append(RoundOutcome(round: r.round, passed: true, status: AuditText.statusSelected.text(pool)))
                            outcome = .selected
                        }
                    } else if c == nil {
                        rounds.append(RoundOutcome(round: r.round, passed: false, status: AuditText.statusNotSelectable.text,
                                                   detail: AuditText.detailNoCountedReview.text))
                        outcome = .leftOut
                    } else {
                        let why = keptOut[s.id]
                        let lowest: MessageValue = lowestSelected.map {
                            .message(AuditText.lowestSelected.with(["id": .text($0.id), "score": .decimal($0.score, places: 3)]))
                        } ?? ""
                        rounds.append(RoundOutcome(round: r.round, passed: false, status: AuditText.statusLeftOut.text(pool),
                                                   detail: (why == nil ? AuditText.detailScoreNotAbove : AuditText.detailScoreAbove)
                                                       .text(["lowest": lowest])))
                        outcome = .leftOut
                    }
                }
            }
            return Candidate(
                id: s.id, title: s.title.plainText.whitespaceCollapsed, field: s.field, district: s.unit.district,
                kind: s.kind, unit: s.unit.name.whitespaceCollapsed, unitLevel: s.unit.level, registered: s.registered,
                reviews: reviews.count, countedReviews: reviews.count { $0.counted }, rawMean: score?.rawMean,
                aggregate: score?.score, rank: finalRank[s.id], spread: score?.spreadRange,
                // Passed every round, and no optimize round decided: still a candidate.
                outcome: outcome ?? (finalOptimize == nil ? .leftOut : .notShortlisted),
                rounds: rounds, notes: notes, keptOutBy: keptOut[s.id] ?? [])
        }
    }
}
