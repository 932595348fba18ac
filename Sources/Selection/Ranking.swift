import ManuscriptModel

/// A candidate with a score, in rank order.
public struct RankedCandidate: Hashable, Sendable, Codable {
    public var id: String
    /// 1 = best.
    public var rank: Int
    public var score: Double
    public var rawMean: Double
    /// Counted reviews.
    public var reviews: Int
}

/// A candidate left unranked for want of counted reviews.
public struct UnrankedCandidate: Hashable, Sendable, Codable {
    public var id: String
    public var reviews: Int
}

/// The outcome of a `rank` round.
public struct RankResult: Hashable, Sendable, Codable {
    public var round: String
    public var aggregate: Aggregate
    public var keep: Int?
    public var minReviews: Int
    /// Candidates that entered the round, sorted by id.
    public var considered: [String]
    /// In rank order.
    public var ranked: [RankedCandidate]
    /// The best `keep` of the ranked, in rank order.
    public var kept: [String]
    /// Candidates with fewer than `min-reviews` counted reviews, sorted by id.
    public var insufficient: [UnrankedCandidate]
    public var scoring: RoundScoring
}

public enum Ranking {
    /// Orders scored candidates: score (higher first), then more counted reviews, earlier
    /// `registered`, smaller id (byte order). Numbers the ranks 1, 2, 3, … (no shared ranks: the
    /// chain always decides).
    public static func order(_ ids: [String], scoring: RoundScoring, registered: [String: CalendarDate]) -> [RankedCandidate] {
        let scored = ids.compactMap { scoring.scores[$0] }.filter { $0.score != nil }
        let sorted = scored.sorted { Aggregation.ranksBefore($0, $1, registered: registered) }
        return sorted.enumerated().map { i, c in
            RankedCandidate(id: c.id, rank: i + 1, score: c.score!, rawMean: c.rawMean!, reviews: c.reviews)
        }
    }

    /// Runs one `rank` round over the candidates.
    public static func rank(round: Round, candidates: [String], scoring: RoundScoring,
                            registered: [String: CalendarDate]) -> RankResult {
        let minReviews = max(round.minReviews ?? 1, 1)
        var enough: [String] = []
        var insufficient: [UnrankedCandidate] = []
        for id in candidates.sorted(by: byteOrder) {
            let n = scoring.scores[id]?.reviews ?? 0
            if n >= minReviews { enough.append(id) } else { insufficient.append(UnrankedCandidate(id: id, reviews: n)) }
        }
        let ranked = order(enough, scoring: scoring, registered: registered)
        let kept = ranked.prefix(round.keep ?? ranked.count).map(\.id)
        return RankResult(round: round.id, aggregate: scoring.aggregate, keep: round.keep, minReviews: minReviews,
                          considered: candidates.sorted(by: byteOrder), ranked: ranked, kept: Array(kept),
                          insufficient: insufficient, scoring: scoring)
    }
}
