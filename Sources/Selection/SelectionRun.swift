import ManuscriptModel
import Messages

/// One round's outcome.
public enum RoundResult: Hashable, Sendable, Codable {
    case screen(ScreenResult)
    case rank(RankResult)
    case optimize(OptimizeResult)

    public var id: String {
        switch self {
        case .screen(let r): r.round
        case .rank(let r): r.round
        case .optimize(let r): r.round
        }
    }

    public var type: RoundType {
        switch self {
        case .screen: .screen
        case .rank: .rank
        case .optimize: .optimize
        }
    }

    /// Candidates that entered the round.
    public var considered: [String] {
        switch self {
        case .screen(let r): r.considered
        case .rank(let r): r.considered
        case .optimize(let r): (r.ranked.map(\.id) + r.unscored).sorted(by: byteOrder)
        }
    }

    /// Candidates that passed: eligible, kept, or selected (in rank order where there is one).
    public var passed: [String] {
        switch self {
        case .screen(let r): r.eligible
        case .rank(let r): r.kept
        case .optimize(let r): r.selected
        }
    }

    /// The scoring of a rank or optimize round.
    public var scoring: RoundScoring? {
        switch self {
        case .screen: nil
        case .rank(let r): r.scoring
        case .optimize(let r): r.scoring
        }
    }
}

/// Every round of the plan up to the one asked for, in plan order.
public struct SelectionRun: Hashable, Sendable, Codable {
    public var rounds: [RoundResult]

    public func round(_ id: String) -> RoundResult? { rounds.first { $0.id == id } }
}

public enum Selection {
    /// Runs the plan's rounds in order, each over the candidates that passed the one before
    /// (the first over every submission), stopping after `through` (default: the last round).
    ///
    /// A `rank` or `optimize` round scores with the reviews of its own id, else of the latest
    /// earlier round that has some; `optimize` aggregates with its own `aggregate`, else that of the
    /// latest earlier `rank` round (else `mean`).
    public static func run(_ m: Manuscript, through: String? = nil) throws(SelectionError) -> SelectionRun {
        let plan = m.selection
        var last = plan.rounds.count - 1
        if let through {
            guard let i = plan.rounds.firstIndex(where: { $0.id == through }) else {
                let known = plan.rounds.map(\.id).joined(separator: ", ")
                throw SelectionError(.error(at: SourceLocation(path: "selection.xml"),
                                            SelectText.noSuchRound.with(["round": .text(through), "rounds": .text(known)])))
            }
            last = i
        }
        let byID = Dictionary(m.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let registered = byID.mapValues(\.registered)
        let reviews = m.reviews
        var candidates = m.submissions.map(\.id).sorted(by: byteOrder)
        var results: [RoundResult] = []
        // Rounds that score the same reviews with the same aggregate share one scoring.
        var scored: [String: RoundScoring] = [:]
        // And rounds that score the same reviews share one pool, whatever their aggregate.
        var pools: [String: ReviewPool] = [:]
        func score(round: Round) throws(SelectionError) -> RoundScoring {
            let source = ReviewCounting.sourceRound(for: round.id, plan: plan, reviews: reviews)
            let aggregate = aggregate(for: round, in: plan)
            let key = (source ?? "") + "\u{0}" + aggregate.rawValue
            if let s = scored[key] { return s }
            let pool: ReviewPool
            if let shared = pools[source ?? ""] {
                pool = shared
            } else {
                pool = try ReviewCounting.pool(source: source, manuscript: m)
                pools[source ?? ""] = pool
            }
            let s = Aggregation.score(pool: pool, aggregate: aggregate, rubric: m.rubric)
            scored[key] = s
            return s
        }
        for (i, round) in plan.rounds.enumerated() where i <= last {
            switch round.type {
            case .screen:
                let r = Eligibility.screen(round: round, candidates: candidates, submissions: byID)
                results.append(.screen(r))
                candidates = r.eligible
            case .rank:
                let scoring = try score(round: round)
                let r = Ranking.rank(round: round, candidates: candidates, scoring: scoring, registered: registered)
                results.append(.rank(r))
                candidates = r.kept
            case .optimize:
                let scoring = try score(round: round)
                let screens = plan.rounds[..<i].flatMap { $0.type == .screen ? $0.requirements : [] }
                let r = try Optimization.optimize(round: round, shortlist: candidates, manuscript: m, scoring: scoring,
                                                  failedRules: { Eligibility.failedRules($0, screens) })
                results.append(.optimize(r))
                candidates = r.selected
            }
        }
        return SelectionRun(rounds: results)
    }

    /// The aggregate a round uses: its own, else (optimize) the latest earlier rank round's, else mean.
    public static func aggregate(for round: Round, in plan: SelectionPlan) -> Aggregate {
        if let a = round.aggregate { return a }
        guard let i = plan.rounds.firstIndex(where: { $0.id == round.id }) else { return .mean }
        for r in plan.rounds[..<i].reversed() where r.type == .rank {
            if let a = r.aggregate { return a }
        }
        return .mean
    }

    /// What the book needs from the final `optimize` round of a run; nil when the run has none.
    /// Entries are in final-rank order; `record` is the round record's path relative to the manuscript.
    public static func bookSelection(from run: SelectionRun, record: String? = nil) -> BookSelection? {
        guard let final = run.rounds.reversed().compactMap({ if case .optimize(let r) = $0 { r } else { nil } }).first
        else { return nil }
        let rankOf = Dictionary(uniqueKeysWithValues: final.ranked.map { ($0.id, $0) })
        let includeReason = Dictionary(final.includes.map { ($0.submission, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let entries = final.selected.map { id in
            let r = rankOf[id]
            return BookSelection.Entry(submission: id, rank: r?.rank ?? (final.ranked.count + 1),
                                       score: r?.score ?? 0, rawMean: r?.rawMean ?? 0, countedReviews: r?.reviews ?? 0,
                                       includedBecause: includeReason[id])
        }
        let rounds = run.rounds.map { r in
            BookSelection.RoundSummary(id: r.id, type: r.type, aggregate: r.scoring?.aggregate,
                                       considered: r.considered.count, passed: r.passed.count)
        }
        let reliability = final.scoring.reliability.alphas.map {
            BookSelection.Reliability(criterion: $0.criterion, alpha: $0.alpha)
        }
        return BookSelection(entries: entries, rounds: rounds, quotas: final.quotas, reliability: reliability,
                             objective: final.objective, record: record)
    }
}
