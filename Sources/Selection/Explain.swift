import Foundation
import ManuscriptModel
import Messages

/// A quota change that would have let a left-out candidate into the selection.
public struct QuotaRelaxation: Hashable, Sendable, Codable {
    public var quota: ExpandedQuota
    /// `raise the max of field economy from 35 to 36`.
    public var changeMessage: Message
    /// Whether the candidate enters the selection after that change alone.
    public var letsItIn: Bool
    /// The best total after the change (nil when the change leaves no feasible selection).
    public var objective: Double?

    /// `changeMessage` in the current language.
    public var change: String { changeMessage.text() }
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
            let change: Message
            if let mx = q.max, filled == mx, members.contains(c) {
                changed.max = mx + 1
                change = SelectText.raiseMax.with(["quota": .message(q.labelMessage), "from": .integer(mx), "to": .integer(mx + 1)])
            } else if let mn = q.min, mn > 0, filled == mn, !members.contains(c) {
                changed.min = mn - 1
                change = SelectText.lowerMin.with(["quota": .message(q.labelMessage), "from": .integer(mn), "to": .integer(mn - 1)])
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
            relaxations.append(QuotaRelaxation(quota: q, changeMessage: change, letsItIn: letsIn, objective: objective))
        }
        return LeftOutAnalysis(objectiveWithIt: withIt, relaxations: relaxations)
    }
}

/// `modelbook explain ID`: everything that happened to one submission, step by step.
public enum Explain {
    /// The explanation as text in the current language; nil when there is no such submission.
    public static func text(_ id: String, run: SelectionRun, manuscript m: Manuscript) -> String? {
        guard let s = m.submissions.first(where: { $0.id == id }) else { return nil }
        var out = ReportLines()
        let field = m.fields.first { $0.code == s.field }?.name
        let district = m.districts.first { $0.code == s.unit.district }?.name
        out.add("\(s.id) — \(s.title.plainText.whitespaceCollapsed)")
        out.add(.explainKind, ["kind": .message(s.kind.message), "field": .text(s.field + (field.map { " (\($0))" } ?? "")),
                               "district": .text(s.unit.district + (district.map { " (\($0))" } ?? ""))])
        out.add(.explainUnit, ["unit": .text(s.unit.name.whitespaceCollapsed), "registered": .day(s.registered),
                               "start": .month(s.period.start), "end": s.period.end.map(MessageValue.month) ?? .message(.ongoing)])
        out.add(.explainRounded)
        var stillIn = true
        for result in run.rounds {
            out.add("")
            guard let round = m.selection.rounds.first(where: { $0.id == result.id }) else { continue }
            switch result {
            case .screen(let r):
                if !r.considered.contains(id) {
                    out.add(.explainNotConsidered, ["round": .text(r.round)])
                } else if let failed = r.ineligible[id] {
                    out.add(.explainIneligible, ["round": .text(r.round), "rules": .text(Eligibility.ruleWords(failed))])
                } else {
                    out.add(.explainEligible, ["round": .text(r.round)])
                }
                for req in round.requirements {
                    out.add(Eligibility.passes(s, req.rule) ? .rulePasses : .ruleFails, ["rule": .message(describe(req.rule, s))])
                }
                if !r.considered.contains(id) || r.ineligible[id] != nil { stillIn = false }
            case .rank(let r):
                out.add(.explainRankHeading, ["round": .text(r.round), "aggregate": .message(r.aggregate.message),
                                              "source": source(r.scoring)])
                out.explain(r.aggregate.plainWords)
                reviews(id, r.scoring, into: &out)
                if !r.considered.contains(id) {
                    out.add(.notACandidate)
                    stillIn = false
                } else if let c = r.ranked.first(where: { $0.id == id }) {
                    let kept = r.kept.contains(id)
                    let keep: MessageValue = r.keep.map { .message(SelectText.keepSuffix.with(["keep": .integer($0)])) } ?? ""
                    out.add(kept ? .rankKept : .rankNotKept, ["rank": .integer(c.rank), "ranked": .integer(r.ranked.count), "keep": keep])
                    if !kept { stillIn = false }
                } else {
                    let n = r.insufficient.first { $0.id == id }?.reviews ?? 0
                    out.add(.notRankedFew, ["n": .integer(n), "min": .integer(r.minReviews)])
                    stillIn = false
                }
            case .optimize(let r):
                out.add(.explainOptimizeHeading, ["round": .text(r.round), "count": .integer(r.count),
                                                  "aggregate": .message(r.aggregate.message), "source": source(r.scoring)])
                out.explain(r.aggregate.plainWords)
                reviews(id, r.scoring, into: &out)
                let included = r.includes.first { $0.submission == id }
                let excluded = r.excludes.first { $0.submission == id }
                if let included { out.add(.includedBy, ["where": .text(loc(included.location)), "reason": .text(included.reason)]) }
                if let excluded { out.add(.excludedBy, ["where": .text(loc(excluded.location)), "reason": .text(excluded.reason)]) }
                let rankOf = r.ranked.first { $0.id == id }
                if let c = rankOf {
                    out.add(.scoreAndRank, ["score": .score(c.score), "rank": .integer(c.rank), "n": .integer(r.ranked.count)])
                }
                if r.selected.contains(id) {
                    out.add(.selected)
                } else if excluded != nil {
                    out.add(.notSelectedExcluded)
                } else if !r.shortlist.contains(id) && included == nil {
                    out.add(.notOnShortlist, ["above": stillIn ? "" : .message(.seeAbove)])
                } else if let c = rankOf {
                    out.add(.notSelected)
                    leftOut(c, round: round, result: r, manuscript: m, into: &out)
                } else {
                    out.add(.notSelectedNoReview)
                }
            }
        }
        return out.text
    }

    /// Why a scored candidate was not selected: the lowest entry chosen on its score, and the quotas.
    static func leftOut(_ c: RankedCandidate, round: Round, result r: OptimizeResult, manuscript m: Manuscript,
                        into out: inout ReportLines) {
        // Entries the editors included are left out of the comparison: they were not chosen
        // on their score, so they say nothing about what score was enough.
        let forced = Set(r.includes.map(\.submission))
        let lowest = r.selected.filter { !forced.contains($0) }
            .compactMap { sid in r.ranked.first { $0.id == sid } }.min { $0.score < $1.score }
        guard let lowest else { return }
        let arguments: [String: MessageValue] = ["lowest": .text(lowest.id), "score": .score(lowest.score)]
        guard c.score > lowest.score || (c.score == lowest.score && c.rank < lowest.rank) else {
            out.add(.notAboveLowest, arguments)
            return
        }
        out.add(.aboveLowest, arguments)
        out.explain(.plainQuota)
        guard let why = Optimization.whyLeftOut(c.id, round: round, result: r, manuscript: m) else { return }
        if let w = why.objectiveWithIt {
            out.add(.forcedIn, ["with": .score(w), "objective": .score(r.objective)])
        } else {
            out.add(.cannotHold)
        }
        for x in why.relaxations {
            out.add(.relaxation, [
                "quota": .message(x.quota.labelMessage), "bounds": .message(x.quota.boundsMessage),
                "where": .text(loc(x.quota.location)), "change": .message(x.changeMessage),
                "effect": .message(x.letsItIn ? .letsItIn : .doesNotLetItIn),
                "total": x.objective.map { .message(SelectText.totalSuffix.with(["total": .score($0)])) } ?? "",
            ])
        }
        if why.relaxations.isEmpty { out.add(.noSingleQuota) }
    }

    /// Between numbers in a list: `; ` where the decimal point is a comma.
    static var listSeparator: String { Language.current == .vi ? "; " : ", " }

    static func source(_ sc: RoundScoring) -> MessageValue { sc.pool.source.map(MessageValue.text) ?? .message(.noneGiven) }

    static func loc(_ l: SourceLocation) -> String { "\(l.path):\(l.line):\(l.column)" }

    static func describe(_ rule: EligibilityRule, _ s: Submission) -> Message {
        let period = MessageValue.message(SelectText.rulePeriod.with([
            "start": .month(s.period.start), "end": s.period.end.map(MessageValue.month) ?? .message(.ongoing)]))
        switch rule {
        case .periodWithin(let a, let b):
            return SelectText.rulePeriodWithin.with(["from": .month(a), "to": .month(b), "period": period])
        case .periodOverlaps(let a, let b):
            return SelectText.rulePeriodOverlaps.with(["from": .month(a), "to": .month(b), "period": period])
        case .hasEndorsement:
            let by: MessageValue = s.endorsement.map {
                .message(SelectText.endorsedBy.with(["by": .text($0.by), "date": .day($0.date)]))
            } ?? .message(.noneGiven)
            return SelectText.ruleEndorsement.with(["by": by])
        case .minResults(let n):
            return SelectText.ruleMinResults.with(["min": .integer(n), "n": .integer(s.results?.count ?? 0)])
        case .minBodyWords(let n):
            return SelectText.ruleMinBodyWords.with(["min": .integer(n), "n": .integer(s.bodyWords)])
        }
    }

    static func reviews(_ id: String, _ sc: RoundScoring, into out: inout ReportLines) {
        let mine = sc.pool.reviews.filter { $0.submission == id }
        if mine.isEmpty {
            out.add(.noReviews)
            return
        }
        out.add(.reviewsHeading)
        let language = Language.current
        for r in mine {
            let scores = r.scores.map { "\($0.criterion) \(MessageValue.short($0.value).text(in: language))" }
            let status: MessageValue = r.whyNotCountedMessage.map { .message(SelectText.notCounted.with(["why": .message($0)])) }
                ?? .message(.counted)
            out.add(.reviewLine, ["reviewer": .text(r.reviewer), "date": .day(r.date), "scores": .text(scores.joined(separator: listSeparator)),
                                  "total": .score(r.total), "status": status, "where": .text(loc(r.location))])
        }
        let counted = mine.filter(\.counted)
        guard !counted.isEmpty else { return }
        if sc.aggregate == .zscore, let mean = sc.roundMean, let sd = sc.roundSD {
            out.add(.normalisation, ["mean": .score(mean), "sd": .score(sd), "n": .integer(sc.pool.reviews.count { $0.counted })])
            out.explain(.plainStandardDeviation)
            let stats = Dictionary(uniqueKeysWithValues: sc.reviewers.map { ($0.reviewer, $0) })
            for r in counted {
                guard let st = stats[r.reviewer] else { continue }
                if st.standardised, let z = r.z, let v = r.normalised {
                    out.add(.standardisedLine, ["reviewer": .text(r.reviewer), "mean": .score(st.mean), "sd": .score(st.sd),
                                                "n": .integer(st.count), "total": .score(r.total), "z": .score(z),
                                                "roundMean": .score(mean), "roundSD": .score(sd), "value": .score(v)])
                } else {
                    out.add(.keptRawLine, ["reviewer": .text(r.reviewer),
                                           "why": .message(st.keptRawReason?.message ?? SelectText.rawTotalKept.message),
                                           "total": .score(r.total)])
                }
            }
        }
        guard let score = sc.scores[id], let agg = score.score else { return }
        let values = counted.map { MessageValue.score($0.normalised ?? $0.total!).text(in: language) }
        let how: SelectText = switch sc.aggregate {
        case .mean, .zscore: .howMean
        case .median: .howMedian
        case .trimmedMean: counted.count >= 5 ? .howTrimmed : .howNotTrimmed
        }
        out.add(.aggregateLine, ["aggregate": .message(sc.aggregate.message), "how": .message(how), "n": .integer(counted.count),
                                 "values": .text(values.joined(separator: listSeparator)), "score": .score(agg),
                                 "rawMean": .score(score.rawMean), "sd": .score(score.spreadSD), "range": .score(score.spreadRange)])
    }
}
