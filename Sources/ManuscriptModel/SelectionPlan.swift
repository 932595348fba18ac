public enum RoundType: String, Hashable, Sendable, Codable {
    case screen, rank, optimize
}

public enum Aggregate: String, Hashable, Sendable, Codable, CaseIterable {
    case mean, median, trimmedMean = "trimmed-mean", zscore
}

/// An eligibility rule of a `screen` round.
public enum EligibilityRule: Hashable, Sendable, Codable {
    case periodWithin(start: YearMonth, end: YearMonth)
    case periodOverlaps(start: YearMonth, end: YearMonth)
    case hasEndorsement
    case minResults(Int)
    case minBodyWords(Int)

    /// The rule's name as written in `@rule` (and in machine-readable output).
    public var name: String {
        switch self {
        case .periodWithin: "period-within"
        case .periodOverlaps: "period-overlaps"
        case .hasEndorsement: "has-endorsement"
        case .minResults: "min-results"
        case .minBodyWords: "min-body-words"
        }
    }
}

public struct Requirement: Hashable, Sendable, Codable {
    public var rule: EligibilityRule
    public var location: SourceLocation
    public init(rule: EligibilityRule, location: SourceLocation) {
        self.rule = rule
        self.location = location
    }
}

public enum QuotaDimension: String, Hashable, Sendable, Codable, CaseIterable {
    case field, district, kind, unit
}

public struct Quota: Hashable, Sendable, Codable {
    public var dimension: QuotaDimension
    /// nil: applies to each value of the dimension separately.
    public var value: String?
    public var min: Int?
    public var max: Int?
    public var location: SourceLocation
    public init(dimension: QuotaDimension, value: String?, min: Int?, max: Int?, location: SourceLocation) {
        self.dimension = dimension
        self.value = value
        self.min = min
        self.max = max
        self.location = location
    }
}

/// An editor's `include` or `exclude`, with its required reason.
public struct Override: Hashable, Sendable, Codable {
    public var submission: String
    public var reason: String
    public var location: SourceLocation
    public init(submission: String, reason: String, location: SourceLocation) {
        self.submission = submission
        self.reason = reason
        self.location = location
    }
}

/// One `round` of selection.xml.
public struct Round: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var type: RoundType
    /// screen
    public var requirements: [Requirement]
    /// rank
    public var keep: Int?
    public var minReviews: Int?
    /// rank, optimize (optimize falls back to the latest earlier rank round's)
    public var aggregate: Aggregate?
    /// optimize
    public var count: Int?
    public var quotas: [Quota]
    public var includes: [Override]
    public var excludes: [Override]
    public var location: SourceLocation

    public init(id: String, type: RoundType, requirements: [Requirement] = [], keep: Int? = nil,
                minReviews: Int? = nil, aggregate: Aggregate? = nil, count: Int? = nil,
                quotas: [Quota] = [], includes: [Override] = [], excludes: [Override] = [],
                location: SourceLocation) {
        self.id = id
        self.type = type
        self.requirements = requirements
        self.keep = keep
        self.minReviews = minReviews
        self.aggregate = aggregate
        self.count = count
        self.quotas = quotas
        self.includes = includes
        self.excludes = excludes
        self.location = location
    }
}

/// selection.xml: the rounds, in order.
public struct SelectionPlan: Hashable, Sendable, Codable {
    public var rounds: [Round]
    public init(rounds: [Round]) {
        self.rounds = rounds
    }
}
