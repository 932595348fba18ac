import Foundation
import ManuscriptModel

/// A quota change that would have let a left-out candidate into the selection.
public struct QuotaRelaxation: Hashable, Sendable, Codable {
    public var quota: ExpandedQuota
    /// `raise the max of field economy from 35 to 36`.
    public var change: String
    /// Whether the candidate enters the selection after that change alone.
    public var letsItIn: Bool
    /// The best total after the change (nil when the change leaves no feasible selection).
    public var objective: Double?
}

/// Why an optimize round left a candidate out.
public struct LeftOutAnalysis: Hashable, Sendable, Codable {
    /// The best total with the candidate forced in (nil: no selection can hold it with the quotas).
    public var objectiveWithIt: Double?
    /// Quotas at their limit that stand in its way, and what relaxing each by one does.
    public var relaxations: [QuotaRelaxation]
}

extension Optimization {
    /// Re-solves the round with the candidate forced in, and with each quota at its limit relaxed
    /// by one (a full max the candidate belongs to raised; a met min of another value lowered).
    public static func whyLeftOut(_ id: String, round: Round, result: OptimizeResult, manuscript m: Manuscript) -> LeftOutAnalysis? {
        let (setup, _, _, _) = makeSetup(round: round, count: result.count, shortlist: result.shortlist, manuscript: m,
                                         scoring: result.scoring)
        guard let c = setup.ids.firstIndex(of: id), !result.selected.contains(id) else { return nil }
        let index = Dictionary(uniqueKeysWithValues: setup.ids.enumerated().map { ($1, $0) })
        let chosen = Set(result.selected.compactMap { index[$0] })
        var forcedSetup = setup
        forcedSetup.forced.insert(c)
        var withIt: Double?
        if case .optimal(_, let objective, _) = forcedSetup.selector().0.solve() { withIt = objective }
        var relaxations: [QuotaRelaxation] = []
        for (k, q) in setup.quotas.enumerated() {
            let members = setup.members[k]
            let filled = members.count { chosen.contains($0) }
            var changed = q
            let change: String
            if let mx = q.max, filled == mx, members.contains(c) {
                changed.max = mx + 1
                change = "raise the max of \(q.label) from \(mx) to \(mx + 1)"
            } else if let mn = q.min, mn > 0, filled == mn, !members.contains(c) {
                changed.min = mn - 1
                change = "lower the min of \(q.label) from \(mn) to \(mn - 1)"
            } else {
                continue
            }
            var quotas = setup.quotas
            quotas[k] = changed
            var letsIn = false
            var objective: Double?
            let (selector, _) = setup.selector(quotas: quotas)
            if case .optimal(let picked, let total, _) = selector.solve() {
                letsIn = picked.contains(c)
                objective = total
            }
            relaxations.append(QuotaRelaxation(quota: q, change: change, letsItIn: letsIn, objective: objective))
        }
        return LeftOutAnalysis(objectiveWithIt: withIt, relaxations: relaxations)
    }
}

/// `modelbook explain ID`: everything that happened to one submission, step by step.
public enum Explain {
    static func f(_ x: Double) -> String { String(format: "%.3f", x) }

    /// The explanation as text; nil when there is no such submission.
    public static func text(_ id: String, run: SelectionRun, manuscript m: Manuscript) -> String? {
        guard let s = m.submissions.first(where: { $0.id == id }) else { return nil }
        var out: [String] = []
        let field = m.fields.first { $0.code == s.field }?.name
        let district = m.districts.first { $0.code == s.unit.district }?.name
        out.append("\(s.id) — \(s.title.plainText.whitespaceCollapsed)")
        out.append("  kind \(s.kind.rawValue) · field \(s.field)\(field.map { " (\($0))" } ?? "") · district \(s.unit.district)\(district.map { " (\($0))" } ?? "")")
        out.append("  unit \(s.unit.name.whitespaceCollapsed) · registered \(s.registered) · period \(s.period.start) – \(s.period.end?.description ?? "ongoing")")
        out.append("  (numbers shown to 3 decimals; the round records hold them unrounded)")
        var stillIn = true
        for result in run.rounds {
            out.append("")
            guard let round = m.selection.rounds.first(where: { $0.id == result.id }) else { continue }
            switch result {
            case .screen(let r):
                out.append("Round \(r.round) (screen): " + (r.considered.contains(id)
                    ? (r.ineligible[id] == nil ? "eligible" : "NOT ELIGIBLE: fails \(r.ineligible[id]!.joined(separator: ", "))")
                    : "not considered (left out by an earlier round)"))
                for req in round.requirements {
                    out.append("  " + describe(req.rule, s) + (Eligibility.passes(s, req.rule) ? ": passes" : ": FAILS"))
                }
                if !r.considered.contains(id) || r.ineligible[id] != nil { stillIn = false }
            case .rank(let r):
                let rankOf = r.ranked.first { $0.id == id }
                out.append("Round \(r.round) (rank, aggregate \(r.aggregate.rawValue), reviews of round \(r.scoring.pool.source ?? "none"))")
                reviews(id, r.scoring, into: &out)
                if !r.considered.contains(id) {
                    out.append("  Not a candidate in this round (left out by an earlier round).")
                    stillIn = false
                } else if let c = rankOf {
                    let kept = r.kept.contains(id)
                    out.append("  Rank \(c.rank) of \(r.ranked.count); " + (kept ? "kept" : "NOT KEPT")
                               + (r.keep.map { " (keep \($0))" } ?? ""))
                    if !kept { stillIn = false }
                } else {
                    let n = r.insufficient.first { $0.id == id }?.reviews ?? 0
                    out.append("  Not ranked: \(n) counted review(s), fewer than min-reviews \(r.minReviews)")
                    stillIn = false
                }
            case .optimize(let r):
                out.append("Round \(r.round) (optimize, count \(r.count), aggregate \(r.aggregate.rawValue), reviews of round \(r.scoring.pool.source ?? "none"))")
                reviews(id, r.scoring, into: &out)
                let included = r.includes.first { $0.submission == id }
                let excluded = r.excludes.first { $0.submission == id }
                if let included { out.append("  Included by the editors (\(loc(included.location))): \(included.reason)") }
                if let excluded { out.append("  Excluded by the editors (\(loc(excluded.location))): \(excluded.reason)") }
                let rankOf = r.ranked.first { $0.id == id }
                if let c = rankOf { out.append("  Score \(f(c.score)), rank \(c.rank) of \(r.ranked.count) in the pool") }
                if r.selected.contains(id) {
                    out.append("  SELECTED")
                } else if excluded != nil {
                    out.append("  Not selected: excluded")
                } else if !r.shortlist.contains(id) && included == nil {
                    out.append("  Not on the shortlist, so not a candidate for selection" + (stillIn ? "" : " (see above)"))
                } else if let c = rankOf {
                    out.append("  Not selected")
                    // Entries the editors included are left out of the comparison: they were not chosen
                    // on their score, so they say nothing about what score was enough.
                    let forced = Set(r.includes.map(\.submission))
                    let lowest = r.selected.filter { !forced.contains($0) }
                        .compactMap { sid in r.ranked.first { $0.id == sid } }.min { $0.score < $1.score }
                    if let lowest, c.score > lowest.score || (c.score == lowest.score && c.rank < lowest.rank) {
                        out.append("  Its score is above the lowest entry selected on its score (\(lowest.id), \(f(lowest.score))): the quotas kept it out.")
                        if let why = Optimization.whyLeftOut(id, round: round, result: r, manuscript: m) {
                            if let w = why.objectiveWithIt {
                                out.append("  With it forced in, the best selection totals \(f(w)) instead of \(f(r.objective)).")
                            } else {
                                out.append("  No selection meeting every quota can hold it.")
                            }
                            for x in why.relaxations {
                                let what = x.letsItIn ? "would let it in" : "would not let it in"
                                out.append("  - \(x.quota.label) (\(x.quota.bounds), \(loc(x.quota.location))) is at its limit: "
                                           + "to \(x.change) \(what)" + (x.objective.map { " (total \(f($0)))" } ?? ""))
                            }
                            if why.relaxations.isEmpty { out.append("  No single quota at its limit stands in its way.") }
                        }
                    } else if let lowest {
                        out.append("  Its score is not above the lowest entry selected on its score (\(lowest.id), \(f(lowest.score))).")
                    }
                } else {
                    out.append("  Not selected: no counted review in this round")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func loc(_ l: SourceLocation) -> String { "\(l.path):\(l.line):\(l.column)" }

    static func describe(_ rule: EligibilityRule, _ s: Submission) -> String {
        let period = "period \(s.period.start) – \(s.period.end?.description ?? "ongoing")"
        switch rule {
        case .periodWithin(let a, let b): return "period-within \(a)..\(b) (\(period))"
        case .periodOverlaps(let a, let b): return "period-overlaps \(a)..\(b) (\(period))"
        case .hasEndorsement: return "has-endorsement (" + (s.endorsement.map { "by \($0.by), \($0.date)" } ?? "none") + ")"
        case .minResults(let n): return "min-results \(n) (\(s.results?.count ?? 0) indicator(s))"
        case .minBodyWords(let n): return "min-body-words \(n) (\(Eligibility.bodyWordCount(s.body)) words)"
        }
    }

    static func reviews(_ id: String, _ sc: RoundScoring, into out: inout [String]) {
        let mine = sc.pool.reviews.filter { $0.submission == id }
        if mine.isEmpty {
            out.append("  No reviews in this round.")
            return
        }
        out.append("  Reviews:")
        for r in mine {
            let scores = r.scores.map { "\($0.criterion) \(trim($0.value))" }.joined(separator: ", ")
            let total = r.total.map(f) ?? "—"
            let status = r.whyNotCounted.map { "NOT COUNTED: " + $0 } ?? "counted"
            out.append("    \(r.reviewer)  \(r.date)  \(scores) → total \(total)  \(status)  [\(loc(r.location))]")
        }
        let counted = mine.filter(\.counted)
        guard !counted.isEmpty else { return }
        if sc.aggregate == .zscore, let mean = sc.roundMean, let sd = sc.roundSD {
            out.append("  Normalisation (round mean \(f(mean)), SD \(f(sd)) over \(sc.pool.reviews.count { $0.counted }) counted totals):")
            let stats = Dictionary(uniqueKeysWithValues: sc.reviewers.map { ($0.reviewer, $0) })
            for r in counted {
                guard let st = stats[r.reviewer] else { continue }
                if st.standardised, let z = r.z, let v = r.normalised {
                    out.append("    \(r.reviewer): reviewer mean \(f(st.mean)), SD \(f(st.sd)) over \(st.count) reviews; "
                               + "z = (\(f(r.total!)) − \(f(st.mean))) / \(f(st.sd)) = \(f(z)); mapped = \(f(mean)) + \(f(z)) × \(f(sd)) = \(f(v))")
                } else {
                    out.append("    \(r.reviewer): \(st.keptRaw ?? "raw total kept"): \(f(r.total!))")
                }
            }
        }
        guard let score = sc.scores[id], let agg = score.score else { return }
        let values = counted.map { f($0.normalised ?? $0.total!) }.joined(separator: ", ")
        let how: String = switch sc.aggregate {
        case .mean, .zscore: "mean"
        case .median: "median"
        case .trimmedMean: counted.count >= 5 ? "mean without the highest and the lowest" : "mean (fewer than 5: nothing trimmed)"
        }
        out.append("  Aggregate (\(sc.aggregate.rawValue)): \(how) of \(counted.count) value(s) (\(values)) = \(f(agg)); "
                   + "raw mean \(f(score.rawMean!)), spread SD \(f(score.spreadSD!)), range \(f(score.spreadRange!))")
    }

    static func trim(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}
