/// One quota applied to one value (a quota without `@value` gives one per value of its dimension).
public struct ExpandedQuota: Hashable, Sendable, Codable {
    public var dimension: QuotaDimension
    public var value: String
    public var min: Int?
    public var max: Int?
    /// The `quota` element it comes from.
    public var location: SourceLocation
    /// Whether the quota element named the value (false: it applies to every value).
    public var explicit: Bool

    public init(dimension: QuotaDimension, value: String, min: Int?, max: Int?, location: SourceLocation,
                explicit: Bool) {
        self.dimension = dimension
        self.value = value
        self.min = min
        self.max = max
        self.location = location
        self.explicit = explicit
    }
}

/// How a quota was filled by the selection.
public struct QuotaFill: Hashable, Sendable, Codable {
    public var quota: ExpandedQuota
    /// Candidates in the pool (shortlist + includes − excludes) with this value.
    public var available: Int
    /// Selected entries with this value.
    public var filled: Int

    public init(quota: ExpandedQuota, available: Int, filled: Int) {
        self.quota = quota
        self.available = available
        self.filled = filled
    }

    /// The fill respects both bounds.
    public var holds: Bool { (quota.min.map { filled >= $0 } ?? true) && (quota.max.map { filled <= $0 } ?? true) }
    /// The fill sits on its upper bound: a candidate of this value could only come in if another left.
    public var atMax: Bool { quota.max.map { filled >= $0 } ?? false }
}
