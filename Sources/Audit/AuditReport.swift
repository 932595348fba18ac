import ManuscriptModel
import Selection

/// Everything the audit report shows, as plain values: computed once from the selection
/// results, the manuscript and the chain status, then rendered by pure functions.
///
/// Renderers never compute a score: every figure a page or CSV shows is a field here (or a
/// derived property in `AuditReport+Derived.swift`), so the CSVs and the pages cannot disagree.
///
/// Its sentences (round statuses and reasons, notes, quota reasons, the records' summary) are in
/// the language it was made in (`Language.current`); ids, codes and figures are in no language.
public struct AuditReport: Hashable, Sendable {
    /// The book's title (book.xml), shown in every page header.
    public var title: String
    public var rubric: Rubric
    /// fields.xml order (the book's parts).
    public var fields: [Field]
    /// districts.xml order.
    public var districts: [District]
    /// The rounds in selection.xml order, with their counts.
    public var rounds: [RoundCounts]
    /// The final round's quotas as the selection filled them (one row per value).
    public var quotas: [QuotaFill]
    /// Krippendorff's alpha per criterion (and "total"), for the reviews the final ranking used.
    public var reliability: [ReliabilityRow]
    /// The round records' hash chain, as `verify` sees it.
    public var chain: ChainStatus
    /// Every candidate, sorted by id (byte order).
    public var candidates: [Candidate]
    /// Every review in the manuscript, counted or not, scores in rubric order; `normalised` only
    /// for counted reviews.
    public var reviews: [ReviewOutcome]
    /// Every reviewer of reviewers.xml, in file order.
    public var reviewers: [ReviewerRow]
    /// The book's entries in chapter order, as the book prints them (`BookOrder`).
    public var bookOrder: [String]
    /// How the book orders entries inside a part (book.xml `<order by="…"/>`).
    public var entryOrder: EntryOrder

    public init(title: String, rubric: Rubric, fields: [Field], districts: [District], rounds: [RoundCounts],
                quotas: [QuotaFill], reliability: [ReliabilityRow], chain: ChainStatus, candidates: [Candidate],
                reviews: [ReviewOutcome], reviewers: [ReviewerRow], bookOrder: [String], entryOrder: EntryOrder = .district) {
        self.title = title
        self.rubric = rubric
        self.fields = fields
        self.districts = districts
        self.rounds = rounds
        self.quotas = quotas
        self.reliability = reliability
        self.chain = chain
        self.candidates = candidates.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        self.reviews = reviews
        self.reviewers = reviewers
        self.bookOrder = bookOrder
        self.entryOrder = entryOrder
    }
}

extension AuditReport {
    /// One round's counts: how many entered it and what became of them.
    public struct RoundCounts: Hashable, Sendable {
        public var id: String
        public var type: RoundType
        /// The aggregate the round scored with (rank and optimize rounds).
        public var aggregate: Aggregate?
        /// The round whose reviews it scored with (itself, or the latest earlier one with reviews).
        public var reviewsFrom: String?
        /// Candidates that entered the round.
        public var considered: Int
        /// Candidates that passed it: eligible (screen), kept (rank), selected (optimize).
        public var passed: Int
        /// screen: how many candidates failed each rule (a candidate can fail several), in the round's rule order.
        public var failedByRule: [RuleCount]
        /// screen: candidates that failed at least one rule.
        public var ineligible: Int
        /// rank: candidates with fewer than `min-reviews` counted reviews (listed, not ranked).
        public var insufficientReviews: Int
        /// optimize: entries taken in by an `include`, and candidates kept out by an `exclude`.
        public var included: Int
        public var excluded: Int

        public init(id: String, type: RoundType, aggregate: Aggregate? = nil, reviewsFrom: String? = nil,
                    considered: Int, passed: Int, failedByRule: [RuleCount] = [], ineligible: Int = 0,
                    insufficientReviews: Int = 0, included: Int = 0, excluded: Int = 0) {
            self.id = id
            self.type = type
            self.aggregate = aggregate
            self.reviewsFrom = reviewsFrom
            self.considered = considered
            self.passed = passed
            self.failedByRule = failedByRule
            self.ineligible = ineligible
            self.insufficientReviews = insufficientReviews
            self.included = included
            self.excluded = excluded
        }
    }

    public struct RuleCount: Hashable, Sendable {
        /// The rule's `@rule` name, e.g. `has-endorsement`.
        public var rule: String
        public var count: Int
        public init(rule: String, count: Int) {
            self.rule = rule
            self.count = count
        }
    }

    /// Krippendorff's alpha (interval) for one criterion, or `total`.
    public struct ReliabilityRow: Hashable, Sendable {
        /// A criterion key, or `total`.
        public var criterion: String
        public var label: String
        /// nil when undefined (too few pairable values, or no variation).
        public var alpha: Double?
        public init(criterion: String, label: String, alpha: Double?) {
            self.criterion = criterion
            self.label = label
            self.alpha = alpha
        }
    }

    /// The round records' hash chain.
    public struct ChainStatus: Hashable, Sendable {
        /// Every record verified and linked to its predecessor.
        public var intact: Bool
        /// One line in plain words, as `verify` prints it.
        public var summary: String
        public var records: [ChainRecord]
        public init(intact: Bool, summary: String, records: [ChainRecord]) {
            self.intact = intact
            self.summary = summary
            self.records = records
        }
    }

    public struct ChainRecord: Hashable, Sendable {
        /// Relative to the manuscript folder, e.g. `rounds/003-final.xml`.
        public var path: String
        public var round: String
        /// The record's own digest (hex), when it could be computed.
        public var digest: String?
        /// nil when the record verified; otherwise what is wrong with it.
        public var problem: String?
        public init(path: String, round: String, digest: String?, problem: String?) {
            self.path = path
            self.round = round
            self.digest = digest
            self.problem = problem
        }
    }
}

extension AuditReport {
    /// Where a candidate ended up.
    public enum Outcome: String, Hashable, Sendable, CaseIterable {
        /// Chosen by the final round on its score, under the quotas.
        case selected
        /// Chosen because an editor's `include` took it in.
        case included
        /// Shortlisted, but the final round left it out (score, or a quota).
        case leftOut = "left-out"
        /// Ranked, but not among the best `keep`.
        case notShortlisted = "not-shortlisted"
        /// Fewer counted reviews than `min-reviews`: listed, never ranked.
        case insufficientReviews = "insufficient-reviews"
        /// Failed one or more eligibility rules.
        case ineligible
        /// Kept out by an editor's `exclude`.
        case excluded

        /// In the book.
        public var isInBook: Bool { self == .selected || self == .included }
    }

    /// What one round did with one candidate.
    public struct RoundOutcome: Hashable, Sendable {
        public var round: String
        public var passed: Bool
        /// Short status, e.g. "đủ điều kiện" / "eligible", "kept (rank 37 of 80)".
        public var status: String
        /// The reason in words when there is one (an override's reason, the rules failed).
        public var detail: String?
        public init(round: String, passed: Bool, status: String, detail: String? = nil) {
            self.round = round
            self.passed = passed
            self.status = status
            self.detail = detail
        }
    }

    /// One candidate, with every figure the report shows about it.
    public struct Candidate: Hashable, Sendable, Identifiable {
        public var id: String
        /// Plain text (markup dropped).
        public var title: String
        /// Codes of fields.xml / districts.xml.
        public var field: String
        public var district: String
        public var kind: SubmissionKind
        /// Whitespace-collapsed unit name.
        public var unit: String
        public var unitLevel: UnitLevel
        public var registered: CalendarDate
        /// Reviews in the scoring round, counted or not.
        public var reviews: Int
        public var countedReviews: Int
        /// Mean of counted review totals, before normalisation.
        public var rawMean: Double?
        /// The aggregated score the final round used.
        public var aggregate: Double?
        /// Rank in the final ordering (1 = best), over all ranked candidates.
        public var rank: Int?
        /// Highest minus lowest counted review total.
        public var spread: Double?
        public var outcome: Outcome
        /// Each round in order, as far as the candidate got.
        public var rounds: [RoundOutcome]
        /// Normalisation notes in words (e.g. a reviewer whose raw totals were kept).
        public var notes: [String]
        /// For a candidate left out in the final round: the quotas that kept it out, in words.
        public var keptOutBy: [String]

        public init(id: String, title: String, field: String, district: String, kind: SubmissionKind,
                    unit: String, unitLevel: UnitLevel, registered: CalendarDate, reviews: Int,
                    countedReviews: Int, rawMean: Double?, aggregate: Double?, rank: Int?, spread: Double?,
                    outcome: Outcome, rounds: [RoundOutcome], notes: [String] = [], keptOutBy: [String] = []) {
            self.id = id
            self.title = title
            self.field = field
            self.district = district
            self.kind = kind
            self.unit = unit
            self.unitLevel = unitLevel
            self.registered = registered
            self.reviews = reviews
            self.countedReviews = countedReviews
            self.rawMean = rawMean
            self.aggregate = aggregate
            self.rank = rank
            self.spread = spread
            self.outcome = outcome
            self.rounds = rounds
            self.notes = notes
            self.keptOutBy = keptOutBy
        }
    }

    /// A reviewer's leniency in one round: their counted totals against everyone's.
    public struct Leniency: Hashable, Sendable {
        public var round: String
        /// Counted reviews.
        public var count: Int
        public var mean: Double
        /// Population standard deviation of the reviewer's counted totals.
        public var standardDeviation: Double
        /// The reviewer's mean minus the round's mean of all counted totals (positive: lenient).
        public var offset: Double
        /// When the round's z-score normalisation left this reviewer's totals raw: why.
        public var keptRaw: String?
        public init(round: String, count: Int, mean: Double, standardDeviation: Double, offset: Double,
                    keptRaw: String? = nil) {
            self.round = round
            self.count = count
            self.mean = mean
            self.standardDeviation = standardDeviation
            self.offset = offset
            self.keptRaw = keptRaw
        }
    }

    public enum ConflictKind: String, Hashable, Sendable {
        case declared, district, unit
    }

    /// A reviewer's conflict of interest with one submission.
    public struct Conflict: Hashable, Sendable {
        public var submission: String
        public var kind: ConflictKind
        /// The declared reason, or the shared district / unit.
        public var detail: String
        public init(submission: String, kind: ConflictKind, detail: String) {
            self.submission = submission
            self.kind = kind
            self.detail = detail
        }
    }

    public struct ReviewerRow: Hashable, Sendable, Identifiable {
        public var id: String
        public var name: String
        public var district: String
        public var unit: String
        /// One per round in which the reviewer has counted reviews, in round order.
        public var leniency: [Leniency]
        /// Sorted by submission id, then kind.
        public var conflicts: [Conflict]
        public init(id: String, name: String, district: String, unit: String, leniency: [Leniency],
                    conflicts: [Conflict]) {
            self.id = id
            self.name = name
            self.district = district
            self.unit = unit
            self.leniency = leniency
            self.conflicts = conflicts
        }
    }
}
