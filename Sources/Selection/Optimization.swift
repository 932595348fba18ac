import ManuscriptModel
import Messages

extension ExpandedQuota {
    var whereWritten: String { "\(location.path):\(location.line):\(location.column)" }
}

/// An editor's include or exclude and what it did.
public struct OverrideOutcome: Hashable, Sendable, Codable {
    public var submission: String
    public var reason: String
    public var location: SourceLocation
    /// What it changed.
    public var effectKind: OverrideEffect

    /// What it changed, in words (the current language).
    public var effect: String { effectKind.message.text() }
}

/// What an editor's include or exclude did. Round records hold it in English (`recorded`).
public enum OverrideEffect: String, Hashable, Sendable, Codable {
    case includeShortlisted, includeNotShortlisted, excludeShortlisted, excludeNotShortlisted

    public var message: Message {
        switch self {
        case .includeShortlisted: SelectText.effectIncludeShortlisted.message
        case .includeNotShortlisted: SelectText.effectIncludeNotShortlisted.message
        case .excludeShortlisted: SelectText.effectExcludeShortlisted.message
        case .excludeNotShortlisted: SelectText.effectExcludeNotShortlisted.message
        }
    }

    /// The text written into round records: English, as it has always been written.
    public var recorded: String { message.text(in: .en) }
}

/// The outcome of an `optimize` round.
public struct OptimizeResult: Hashable, Sendable, Codable {
    public var round: String
    public var count: Int
    public var aggregate: Aggregate
    /// Kept candidates of the previous round, sorted by id.
    public var shortlist: [String]
    /// The pool (shortlist + includes − excludes) with scores, in rank order.
    public var ranked: [RankedCandidate]
    /// Pool members without a counted review in this round, sorted by id (not selectable unless included).
    public var unscored: [String]
    /// In rank order (unscored includes last).
    public var selected: [String]
    /// Sum of the selected entries' scores (an unscored include adds 0).
    public var objective: Double
    public var status: String
    public var quotas: [QuotaFill]
    public var includes: [OverrideOutcome]
    public var excludes: [OverrideOutcome]
    /// GLPK solves used (1 + one per tie-break check).
    public var solves: Int
    public var scoring: RoundScoring
}

/// Quota arithmetic and the exact selection of an `optimize` round.
public enum Optimization {
    /// The value a submission has in a quota dimension (unit names whitespace-collapsed).
    public static func value(of s: Submission, in dimension: QuotaDimension) -> String {
        switch dimension {
        case .field: s.field
        case .district: s.unit.district
        case .kind: s.kind.rawValue
        case .unit: s.unit.name.whitespaceCollapsed
        }
    }

    /// Every value of a dimension: fields.xml and districts.xml in file order, the kinds, and the
    /// distinct whitespace-collapsed unit names of all submissions (byte order).
    public static func values(of dimension: QuotaDimension, in m: Manuscript) -> [String] {
        switch dimension {
        case .field: m.fields.map(\.code)
        case .district: m.districts.map(\.code)
        case .kind: SubmissionKind.allCases.map(\.rawValue)
        case .unit: Set(m.submissions.map { $0.unit.name.whitespaceCollapsed }).sorted(by: byteOrder)
        }
    }

    /// Quotas as they apply: one per (quota, value). Quotas on the same value all apply.
    public static func expand(_ quotas: [Quota], in m: Manuscript) -> [ExpandedQuota] {
        var cache: [QuotaDimension: [String]] = [:]
        var out: [ExpandedQuota] = []
        for q in quotas {
            if let v = q.value {
                let value = q.dimension == .unit ? v.whitespaceCollapsed : v
                out.append(ExpandedQuota(dimension: q.dimension, value: value, min: q.min, max: q.max,
                                         location: q.location, explicit: true))
            } else {
                if cache[q.dimension] == nil { cache[q.dimension] = values(of: q.dimension, in: m) }
                for v in cache[q.dimension]! {
                    out.append(ExpandedQuota(dimension: q.dimension, value: v, min: q.min, max: q.max,
                                             location: q.location, explicit: false))
                }
            }
        }
        return out
    }

    /// What the solver works on: pool items in preference order, their rows and forced items.
    public struct Setup: Sendable {
        public var ids: [String]
        public var scores: [Double]
        public var quotas: [ExpandedQuota]
        /// Members (item indices) of each quota, parallel to `quotas`.
        public var members: [[Int]]
        public var forced: Set<Int>
        public var count: Int

        /// The rows the solver needs: a quota that every selection meets anyway (no min, and a max
        /// at least its number of candidates) is left out.
        func selector(quotas override: [ExpandedQuota]? = nil) -> (ExactSelector, [Int]) {
            let qs = override ?? quotas
            var rows: [QuotaConstraint] = []
            var origin: [Int] = []
            for (k, q) in qs.enumerated() {
                let mem = members[k]
                if (q.min ?? 0) <= 0, (q.max ?? Int.max) >= mem.count { continue }
                rows.append(QuotaConstraint(members: mem, min: q.min, max: q.max))
                origin.append(k)
            }
            return (ExactSelector(scores: scores, count: count, rows: rows, forced: forced), origin)
        }
    }

    /// Runs one `optimize` round.
    ///
    /// - Parameters:
    ///   - shortlist: the kept candidates of the previous round.
    ///   - failedRules: every eligibility rule a submission fails (over all screen rounds before this one).
    public static func optimize(round: Round, shortlist: [String], manuscript m: Manuscript, scoring: RoundScoring,
                                failedRules: (Submission) -> [String]) throws(SelectionError) -> OptimizeResult {
        let byID = Dictionary(m.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let shortSet = Set(shortlist)
        var findings: [Finding] = []
        guard let count = round.count else {
            throw SelectionError(.error(at: round.location, SelectText.noCount.with(["round": .text(round.id)])))
        }
        let includeIDs = Set(round.includes.map(\.submission))
        let excludeIDs = Set(round.excludes.map(\.submission))
        var includes: [OverrideOutcome] = []
        var excludes: [OverrideOutcome] = []
        for o in round.includes {
            guard let s = byID[o.submission] else {
                findings.append(.error(at: o.location, SelectText.includeUnknown.with(["submission": .text(o.submission)])))
                continue
            }
            if excludeIDs.contains(o.submission) {
                findings.append(.error(at: o.location, SelectText.includedAndExcluded.with(["submission": .text(o.submission),
                                                                                  "round": .text(round.id)])))
                continue
            }
            let failed = failedRules(s)
            if !failed.isEmpty {
                findings.append(.error(at: o.location, SelectText.includeIneligible.with([
                    "submission": .text(o.submission), "rules": .text(failed.joined(separator: ", "))])))
                continue
            }
            includes.append(OverrideOutcome(submission: o.submission, reason: o.reason.whitespaceCollapsed, location: o.location,
                effectKind: shortSet.contains(o.submission) ? .includeShortlisted : .includeNotShortlisted))
        }
        for o in round.excludes {
            guard byID[o.submission] != nil else {
                findings.append(.error(at: o.location, SelectText.excludeUnknown.with(["submission": .text(o.submission)])))
                continue
            }
            if includeIDs.contains(o.submission) { continue }
            excludes.append(OverrideOutcome(submission: o.submission, reason: o.reason.whitespaceCollapsed, location: o.location,
                effectKind: shortSet.contains(o.submission) ? .excludeShortlisted : .excludeNotShortlisted))
        }
        if !findings.isEmpty { throw SelectionError(findings.sortedForReport()) }

        let (setup, ranked, unscored, valueMembers) = makeSetup(round: round, count: count, shortlist: shortlist,
                                                                manuscript: m, scoring: scoring)
        let quotas = setup.quotas, members = setup.members, ids = setup.ids, forced = setup.forced
        if let problems = countingConflicts(setup, round: round, shortlistCount: shortlist.count,
                                            excluded: excludes.count, valueMembers: valueMembers, dimensionValues: { values(of: $0, in: m) }) {
            throw SelectionError(problems)
        }
        let (selector, origin) = setup.selector()
        switch selector.solve() {
        case .solverFailed(let code):
            throw SelectionError(.error(at: round.location, SelectText.solverFailed.with(["code": .text("\(code)"),
                                                                                            "round": .text(round.id)])))
        case .infeasible:
            let conflict = selector.minimalConflict().map { quotas[origin[$0]] }
            let included: MessageValue = forced.isEmpty ? "" : .message(SelectText.withIncluded.with(["n": .integer(forced.count)]))
            throw SelectionError(.error(at: round.location,
                SelectText.quotasInfeasible.with(["round": .text(round.id), "count": .integer(count),
                                                  "n": .integer(conflict.count), "included": included]),
                notes: conflict.map { .init(location: $0.location, message: $0.labelAndBounds) }))
        case .optimal(let chosen, let objective, let solves):
            let chosenSet = Set(chosen)
            var fills: [QuotaFill] = []
            for (k, q) in quotas.enumerated() {
                let filled = members[k].count { chosenSet.contains($0) }
                // Per-value unit rows would list every unit of the province: keep only those that matter.
                if q.dimension == .unit, !q.explicit, filled == 0, (q.min ?? 0) <= 0 { continue }
                fills.append(QuotaFill(quota: q, available: members[k].count, filled: filled))
            }
            return OptimizeResult(round: round.id, count: count, aggregate: scoring.aggregate,
                                  shortlist: shortlist.sorted(by: byteOrder), ranked: ranked, unscored: unscored,
                                  selected: chosen.map { ids[$0] }, objective: objective, status: "optimal",
                                  quotas: fills, includes: includes.sorted { byteOrder($0.submission, $1.submission) },
                                  excludes: excludes.sorted { byteOrder($0.submission, $1.submission) },
                                  solves: solves, scoring: scoring)
        }
    }

    /// The pool (shortlist + includes − excludes) in rank order, the expanded quotas and their members.
    static func makeSetup(round: Round, count: Int, shortlist: [String], manuscript m: Manuscript, scoring: RoundScoring)
        -> (Setup, [RankedCandidate], [String], [QuotaDimension: [String: [Int]]]) {
        let byID = Dictionary(m.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let includeIDs = Set(round.includes.map(\.submission)).filter { byID[$0] != nil }
        let excludeIDs = Set(round.excludes.map(\.submission)).subtracting(includeIDs)
        let poolIDs = Set(shortlist).union(includeIDs).subtracting(excludeIDs)
        let ranked = Ranking.order(Array(poolIDs), scoring: scoring, registered: byID.mapValues(\.registered))
        let unscored = poolIDs.filter { scoring.scores[$0]?.score == nil }.sorted(by: byteOrder)
        let unscoredIncluded = unscored.filter { includeIDs.contains($0) }
        let ids = ranked.map(\.id) + unscoredIncluded
        let scores = ranked.map(\.score) + unscoredIncluded.map { _ in 0.0 }
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let forced = Set(includeIDs.compactMap { index[$0] })
        let quotas = expand(round.quotas, in: m)
        var valueMembers: [QuotaDimension: [String: [Int]]] = [:]
        for d in QuotaDimension.allCases {
            var map: [String: [Int]] = [:]
            for (i, id) in ids.enumerated() { map[value(of: byID[id]!, in: d), default: []].append(i) }
            valueMembers[d] = map
        }
        let members = quotas.map { valueMembers[$0.dimension]![$0.value] ?? [] }
        let setup = Setup(ids: ids, scores: scores, quotas: quotas, members: members, forced: forced, count: count)
        return (setup, ranked, unscored, valueMembers)
    }

    /// Clashes that simple counting shows, each in words naming the quotas; nil when none.
    static func countingConflicts(_ setup: Setup, round: Round, shortlistCount: Int, excluded: Int,
                                  valueMembers: [QuotaDimension: [String: [Int]]],
                                  dimensionValues: (QuotaDimension) -> [String]) -> [Finding]? {
        var out: [Finding] = []
        let count = setup.count
        let at = round.location
        if setup.forced.count > count {
            out.append(.error(at: at, SelectText.tooManyIncluded.with(["round": .text(round.id), "count": .integer(count),
                                                                       "n": .integer(setup.forced.count)])))
        }
        if setup.ids.count < count {
            out.append(.error(at: at, SelectText.tooFewCandidates.with([
                "round": .text(round.id), "count": .integer(count), "n": .integer(setup.ids.count),
                "shortlist": .integer(shortlistCount), "excluded": .integer(excluded)])))
        }
        for (k, q) in setup.quotas.enumerated() {
            let available = setup.members[k].count
            let forcedIn = setup.members[k].count { setup.forced.contains($0) }
            if let mn = q.min, mn > available {
                out.append(.error(at: q.location, SelectText.minAboveAvailable.with([
                    "quota": .message(q.labelMessage), "min": .integer(mn), "n": .integer(available)])))
            }
            if let mx = q.max, forcedIn > mx {
                out.append(.error(at: q.location, SelectText.includedAboveMax.with([
                    "quota": .message(q.labelMessage), "max": .integer(mx), "n": .integer(forcedIn)])))
            }
            if let mn = q.min, mn > count {
                out.append(.error(at: q.location, SelectText.minAboveCount.with([
                    "quota": .message(q.labelMessage), "min": .integer(mn), "count": .integer(count)])))
            }
        }
        // Several quotas on one value: the largest minimum against the smallest maximum.
        var byValue: [String: [ExpandedQuota]] = [:]
        var order: [String] = []
        for q in setup.quotas {
            let key = q.dimension.rawValue + "\u{0}" + q.value
            if byValue[key] == nil { order.append(key) }
            byValue[key, default: []].append(q)
        }
        for key in order {
            let qs = byValue[key]!
            guard let hi = qs.filter({ $0.min != nil }).max(by: { $0.min! < $1.min! }),
                  let lo = qs.filter({ $0.max != nil }).min(by: { $0.max! < $1.max! }),
                  hi.min! > lo.max! else { continue }
            out.append(.error(at: hi.location, SelectText.minAboveOtherMax.with([
                "quota": .message(hi.labelMessage), "min": .integer(hi.min!), "max": .integer(lo.max!)]),
                notes: [.init(location: lo.location, message: SelectText.otherQuotaNote.with(["max": .integer(lo.max!)]))]))
        }
        if !out.isEmpty { return out }
        // Each entry has exactly one value per dimension: the minimums of a dimension add up to at most
        // `count`, and the room its maximums leave adds up to at least `count`.
        for d in QuotaDimension.allCases {
            let qs = setup.quotas.filter { $0.dimension == d }
            guard !qs.isEmpty else { continue }
            var minOf: [String: Int] = [:]
            var maxOf: [String: Int] = [:]
            for q in qs {
                if let mn = q.min { minOf[q.value] = max(minOf[q.value] ?? 0, mn) }
                if let mx = q.max { maxOf[q.value] = min(maxOf[q.value] ?? Int.max, mx) }
            }
            let sumMin = minOf.values.reduce(0, +)
            let notes = qs.reduce(into: [SourceLocation]()) { if !$0.contains($1.location) { $0.append($1.location) } }
                .map { Finding.Note(location: $0, message: SelectText.dimensionQuotaNote.with(["dimension": .message(d.message)])) }
            if sumMin > count {
                out.append(.error(at: at, SelectText.minimumsAboveCount.with([
                    "dimension": .message(d.message), "sum": .integer(sumMin), "count": .integer(count),
                    "round": .text(round.id)]), notes: notes))
            }
            var room = 0
            for (value, mem) in valueMembers[d]! { room += min(mem.count, maxOf[value] ?? Int.max) }
            if room < count {
                out.append(.error(at: at, SelectText.roomBelowCount.with([
                    "dimension": .message(d.message), "room": .integer(room), "count": .integer(count),
                    "round": .text(round.id)]), notes: notes))
            }
        }
        return out.isEmpty ? nil : out
    }
}
