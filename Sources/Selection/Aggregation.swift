import ManuscriptModel
import Messages

/// One reviewer's counted totals in a round, and whether zscore standardised them.
public struct ReviewerStats: Hashable, Sendable, Codable {
    public var reviewer: String
    /// Counted reviews in the round (every submission, eligible or not).
    public var count: Int
    public var mean: Double
    /// Population SD of the reviewer's counted totals.
    public var sd: Double
    /// The reviewer's mean minus the mean of all counted totals of the round (leniency).
    public var offset: Double
    /// zscore only: whether this reviewer's totals were standardised.
    public var standardised: Bool
    /// Why not, when not (zscore only).
    public var keptRawReason: KeptRaw?

    /// `keptRawReason` in the current language.
    public var keptRaw: String? { keptRawReason?.message.text() }
}

/// Why zscore kept a reviewer's raw totals. Round records hold it in English, exactly as `recorded`
/// writes it; reports show `message` in the reader's language.
public enum KeptRaw: Hashable, Sendable, Codable {
    /// Fewer than two counted reviews in the round.
    case fewReviews
    /// Every counted total is this one.
    case allEqual(Double)

    /// The text written into round records: English, as it has always been written.
    public var recorded: String {
        switch self {
        case .fewReviews: SelectText.keptRawFew.message.text(in: .en)
        case .allEqual(let v): SelectText.keptRawEqual.with(["value": .text("\(v)")]).text(in: .en)
        }
    }

    public var message: Message {
        switch self {
        case .fewReviews: SelectText.keptRawFew.message
        case .allEqual(let v): SelectText.keptRawEqual.with(["value": .short(v)])
        }
    }
}

/// A candidate's score in a scoring round.
public struct CandidateScore: Hashable, Sendable, Codable {
    public var id: String
    /// Counted reviews of this candidate in the round.
    public var reviews: Int
    /// The aggregated score; nil with no counted review.
    public var score: Double?
    /// Mean of the raw counted totals.
    public var rawMean: Double?
    /// Population SD of the raw counted totals (spread).
    public var spreadSD: Double?
    /// Highest minus lowest raw counted total (spread).
    public var spreadRange: Double?
}

/// Everything a `rank` or `optimize` round computes from its reviews.
public struct RoundScoring: Hashable, Sendable, Codable {
    public var aggregate: Aggregate
    public var pool: ReviewPool
    /// Mean and population SD of all counted totals of the round (nil with none).
    public var roundMean: Double?
    public var roundSD: Double?
    /// Sorted by reviewer id (byte order).
    public var reviewers: [ReviewerStats]
    /// By submission id, for every submission with a counted review in the round.
    public var scores: [String: CandidateScore]
    public var reliability: Reliability.RoundReport
}

extension RoundScoring {
    /// The spread above which reviewers are said to disagree: `flagSpread` when given, else 30 % of the
    /// rubric's range.
    public static func spreadLimit(_ flagSpread: Double?, rubric: Rubric) -> Double {
        flagSpread ?? 0.3 * (rubric.max - rubric.min)
    }

    /// The candidates among `candidates` whose counted totals span more than `limit` (max − min), widest
    /// first, then by id: the spread flags `select` prints.
    public func spreadFlags(candidates: Set<String>, limit: Double) -> [CandidateScore] {
        candidates.compactMap { scores[$0] }.filter { ($0.spreadRange ?? 0) > limit }
            .sorted { $0.spreadRange! != $1.spreadRange! ? $0.spreadRange! > $1.spreadRange! : byteOrder($0.id, $1.id) }
    }
}

public enum Aggregation {
    /// Scores the round: totals, normalisation (zscore), each submission's aggregate, reviewer
    /// leniency and inter-rater reliability.
    ///
    /// zscore, as read here: for each reviewer with at least two counted reviews in the round whose
    /// totals are not all equal, z = (total − reviewer's mean) / reviewer's SD, over all of that
    /// reviewer's counted reviews in the round (every submission, eligible or not); the z value is
    /// mapped back to the rubric scale as round mean + z × round SD, where the round mean and SD are
    /// those of all counted totals of the round. Other reviewers keep their raw totals. A
    /// submission's aggregate is then the **mean** of its reviews' mapped (or raw) values: "the
    /// aggregate of z-mapped totals" is read as their arithmetic mean.
    public static func score(pool input: ReviewPool, aggregate: Aggregate, rubric: Rubric) -> RoundScoring {
        var pool = input
        let countedIdx = pool.reviews.indices.filter { pool.reviews[$0].counted }
        let allTotals = countedIdx.map { pool.reviews[$0].total! }
        let roundMean = allTotals.isEmpty ? nil : Statistics.mean(allTotals)
        let roundSD = allTotals.isEmpty ? nil : Statistics.populationSD(allTotals)

        var byReviewer: [String: [Int]] = [:]
        for i in countedIdx { byReviewer[pool.reviews[i].reviewer, default: []].append(i) }
        var stats: [ReviewerStats] = []
        for (reviewer, idx) in byReviewer {
            let t = idx.map { pool.reviews[$0].total! }
            let m = Statistics.mean(t)
            let sd = Statistics.populationSD(t)
            var st = ReviewerStats(reviewer: reviewer, count: t.count, mean: m, sd: sd,
                                   offset: m - (roundMean ?? m), standardised: false, keptRawReason: nil)
            // "All equal" is decided on the totals themselves, not on a rounded SD.
            let allEqual = t.allSatisfy { $0 == t[0] }
            if aggregate == .zscore {
                if t.count < 2 {
                    st.keptRawReason = .fewReviews
                } else if allEqual {
                    st.keptRawReason = .allEqual(t[0])
                } else {
                    st.standardised = true
                }
            }
            for i in idx {
                let raw = pool.reviews[i].total!
                if st.standardised, let rm = roundMean, let rs = roundSD {
                    let z = (raw - m) / sd
                    pool.reviews[i].z = z
                    pool.reviews[i].normalised = rm + z * rs
                } else {
                    pool.reviews[i].normalised = raw
                }
            }
            stats.append(st)
        }
        stats.sort { byteOrder($0.reviewer, $1.reviewer) }

        var bySubmission: [String: [Int]] = [:]
        for i in countedIdx { bySubmission[pool.reviews[i].submission, default: []].append(i) }
        var scores: [String: CandidateScore] = [:]
        for (id, idx) in bySubmission {
            let raw = idx.map { pool.reviews[$0].total! }
            let values = idx.map { pool.reviews[$0].normalised! }
            let score: Double = switch aggregate {
            case .mean, .zscore: Statistics.mean(values)
            case .median: Statistics.median(values)
            case .trimmedMean: Statistics.trimmedMean(values)
            }
            scores[id] = CandidateScore(id: id, reviews: raw.count, score: score, rawMean: Statistics.mean(raw),
                                        spreadSD: Statistics.populationSD(raw),
                                        spreadRange: raw.max()! - raw.min()!)
        }
        let reliability = Reliability.report(pool: pool, rubric: rubric)
        return RoundScoring(aggregate: aggregate, pool: pool, roundMean: roundMean, roundSD: roundSD,
                            reviewers: stats, scores: scores, reliability: reliability)
    }

    /// The tie-break chain after score: more counted reviews, earlier `registered`, smaller id (bytes).
    /// `true` when `a` ranks before `b`.
    public static func ranksBefore(_ a: CandidateScore, _ b: CandidateScore, registered: [String: CalendarDate]) -> Bool {
        let sa = a.score ?? -.infinity, sb = b.score ?? -.infinity
        if sa != sb { return sa > sb }
        if a.reviews != b.reviews { return a.reviews > b.reviews }
        let ra = registered[a.id], rb = registered[b.id]
        if ra != rb, let ra, let rb { return ra < rb }
        return byteOrder(a.id, b.id)
    }
}
