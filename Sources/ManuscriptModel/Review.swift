public struct CriterionScore: Hashable, Sendable, Codable {
    public var criterion: String
    public var value: Double
    public init(criterion: String, value: Double) {
        self.criterion = criterion
        self.value = value
    }
}

/// One reviewer's scores for one submission in one round.
public struct Review: Hashable, Sendable, Codable {
    public var reviewer: String
    public var round: String
    public var submission: String
    public var date: CalendarDate
    public var scores: [CriterionScore]
    public var comment: String?
    public var location: SourceLocation
    public init(reviewer: String, round: String, submission: String, date: CalendarDate,
                scores: [CriterionScore], comment: String?, location: SourceLocation) {
        self.reviewer = reviewer
        self.round = round
        self.submission = submission
        self.date = date
        self.scores = scores
        self.comment = comment
        self.location = location
    }
}

/// A reviewer's declared conflict of interest with a submission (applies in every round).
public struct DeclaredConflict: Hashable, Sendable, Codable {
    public var reviewer: String
    public var submission: String
    public var reason: String
    public var location: SourceLocation
    public init(reviewer: String, submission: String, reason: String, location: SourceLocation) {
        self.reviewer = reviewer
        self.submission = submission
        self.reason = reason
        self.location = location
    }
}

/// One file of reviews/: one reviewer's score sheet for one round.
public struct ReviewSheet: Hashable, Sendable, Codable {
    public var reviewer: String
    public var round: String
    public var reviews: [Review]
    public var conflicts: [DeclaredConflict]
    public var location: SourceLocation
    public init(reviewer: String, round: String, reviews: [Review], conflicts: [DeclaredConflict],
                location: SourceLocation) {
        self.reviewer = reviewer
        self.round = round
        self.reviews = reviews
        self.conflicts = conflicts
        self.location = location
    }
}
