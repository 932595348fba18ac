/// Who reviews which submissions in one round: `manuscript/assignments/<round>.xml`.
public struct RoundAssignments: Hashable, Sendable, Codable {
    public var round: String
    /// Reviewers per submission (K).
    public var perSubmission: Int
    public var seed: UInt64?
    /// In the file's order.
    public var reviewers: [ReviewerAssignment]
    public init(round: String, perSubmission: Int, seed: UInt64?, reviewers: [ReviewerAssignment]) {
        self.round = round
        self.perSubmission = perSubmission
        self.seed = seed
        self.reviewers = reviewers
    }

    /// The submission ids assigned to `reviewer`, or [] when none.
    public func submissions(of reviewer: String) -> [String] {
        reviewers.first { $0.reviewer == reviewer }?.submissions ?? []
    }
}

/// One reviewer's part of a round's assignments.
public struct ReviewerAssignment: Hashable, Sendable, Codable {
    public var reviewer: String
    public var submissions: [String]
    public init(reviewer: String, submissions: [String]) {
        self.reviewer = reviewer
        self.submissions = submissions
    }
}
