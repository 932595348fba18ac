/// What the book needs from a finished selection: the chosen entries and the facts the
/// "how the selection was made" appendix reports. Produced by the Selection module from a
/// final round (or its record); consumed by the book writers and the audit report.
public struct BookSelection: Hashable, Sendable, Codable {
    /// One selected entry with its scores.
    public struct Entry: Hashable, Sendable, Codable {
        public var submission: String
        /// Rank in the final round's ordering (1 = best), over all ranked candidates.
        public var rank: Int
        /// The aggregated score used for selection, on the rubric's scale.
        public var score: Double
        /// Mean of the counted review totals (before any normalisation).
        public var rawMean: Double
        public var countedReviews: Int
        /// Included by an editor's override (with its reason).
        public var includedBecause: String?
        public init(submission: String, rank: Int, score: Double, rawMean: Double, countedReviews: Int,
                    includedBecause: String? = nil) {
            self.submission = submission
            self.rank = rank
            self.score = score
            self.rawMean = rawMean
            self.countedReviews = countedReviews
            self.includedBecause = includedBecause
        }
    }

    /// One round as it went.
    public struct RoundSummary: Hashable, Sendable, Codable {
        public var id: String
        public var type: RoundType
        public var aggregate: Aggregate?
        /// Candidates that entered the round.
        public var considered: Int
        /// Candidates that passed it (eligible, kept, or selected).
        public var passed: Int
        public init(id: String, type: RoundType, aggregate: Aggregate?, considered: Int, passed: Int) {
            self.id = id
            self.type = type
            self.aggregate = aggregate
            self.considered = considered
            self.passed = passed
        }
    }

    /// Krippendorff's alpha (interval) for a criterion key, or "total"; nil when undefined.
    public struct Reliability: Hashable, Sendable, Codable {
        public var criterion: String
        public var alpha: Double?
        public init(criterion: String, alpha: Double?) {
            self.criterion = criterion
            self.alpha = alpha
        }
    }

    /// In final-rank order.
    public var entries: [Entry]
    public var rounds: [RoundSummary]
    /// The final round's quotas as the selection filled them (one per value).
    public var quotas: [QuotaFill]
    public var reliability: [Reliability]
    /// The final round's objective (sum of selected scores).
    public var objective: Double
    /// The round record this came from, relative to the manuscript folder (e.g. `rounds/003-final.xml`).
    public var record: String?

    public init(entries: [Entry], rounds: [RoundSummary], quotas: [QuotaFill], reliability: [Reliability],
                objective: Double, record: String?) {
        self.entries = entries
        self.rounds = rounds
        self.quotas = quotas
        self.reliability = reliability
        self.objective = objective
        self.record = record
    }
}
