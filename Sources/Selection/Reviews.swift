import ManuscriptModel

/// Why a review was not counted.
public enum DropReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// The reviewer declared a conflict with the submission (in any round).
    case declaredConflict = "declared-conflict"
    /// The reviewer's district is the submission's (and is not `province`).
    case sameDistrict = "same-district"
    /// The reviewer's unit name equals the submitting unit's (whitespace-collapsed).
    case sameUnit = "same-unit"
    /// The same reviewer reviewed the same submission later in the same round.
    case superseded
    /// The reviewer is not in reviewers.xml (the reader reports this as an error too).
    case unknownReviewer = "unknown-reviewer"
    /// The submission does not exist (the reader reports this as an error too).
    case unknownSubmission = "unknown-submission"
    /// A rubric criterion has no score (the reader reports this as an error too).
    case incomplete

    /// In words, for the text report.
    public var words: String {
        switch self {
        case .declaredConflict: "the reviewer declared a conflict of interest"
        case .sameDistrict: "the reviewer works in the submission's district"
        case .sameUnit: "the reviewer works in the submitting unit"
        case .superseded: "superseded by the same reviewer's later review in this round"
        case .unknownReviewer: "the reviewer is not in reviewers.xml"
        case .unknownSubmission: "no such submission"
        case .incomplete: "not every criterion is scored"
        }
    }
}

/// One review as a round sees it: its total, and whether it counted.
public struct ReviewOutcome: Hashable, Sendable, Codable {
    public var reviewer: String
    public var submission: String
    /// The round the review was written for (the round whose reviews the scoring round used).
    public var round: String
    public var date: CalendarDate
    public var scores: [CriterionScore]
    /// Weighted mean of the criterion scores; nil when a criterion is missing.
    public var total: Double?
    /// nil: counted.
    public var dropped: DropReason?
    /// More about the drop (the declared reason, the district, the later review's date).
    public var detail: String?
    /// The review's standardised value (zscore only, when the reviewer is standardised).
    public var z: Double?
    /// The value the aggregate uses: the mapped-back z value, or the raw total.
    public var normalised: Double?
    public var location: SourceLocation

    public var counted: Bool { dropped == nil }
}

/// Which reviews a scoring round uses, and what happened to each.
public struct ReviewPool: Hashable, Sendable, Codable {
    /// The round id whose reviews are used; nil when no round up to this one has any.
    public var source: String?
    /// Every review of the source round, sorted by submission, reviewer, date.
    public var reviews: [ReviewOutcome]

    public var counted: [ReviewOutcome] { reviews.filter(\.counted) }
    public var dropped: [ReviewOutcome] { reviews.filter { !$0.counted } }
}

public enum ReviewCounting {
    /// The round whose reviews a `rank` or `optimize` round scores with: its own id when some review
    /// names it, else the latest earlier round (in plan order) that some review names.
    public static func sourceRound(for roundID: String, plan: SelectionPlan, reviews: [Review]) -> String? {
        let named = Set(reviews.map(\.round))
        guard let index = plan.rounds.firstIndex(where: { $0.id == roundID }) else { return nil }
        for r in plan.rounds[...index].reversed() where named.contains(r.id) { return r.id }
        return nil
    }

    /// Review total: the weighted mean of the criterion scores; nil when a criterion is unscored.
    public static func total(_ scores: [CriterionScore], rubric: Rubric) -> Double? {
        var sum = 0.0
        var weights = 0.0
        for c in rubric.criteria {
            guard let s = scores.first(where: { $0.criterion == c.key }) else { return nil }
            sum += c.weight * s.value
            weights += c.weight
        }
        return weights > 0 ? sum / weights : nil
    }

    /// Every review of round `source`, each with its total and the reason it does not count.
    ///
    /// Conflicts come first: a declared conflict (in any round's sheet), then the same district
    /// (unless the reviewer's district is `province`), then the same unit name (whitespace-collapsed).
    /// Among the remaining reviews of one reviewer for one submission, the latest date counts and
    /// the earlier ones are superseded. Two with the same date are an error (thrown).
    public static func pool(source: String?, manuscript m: Manuscript) throws(SelectionError) -> ReviewPool {
        guard let source else { return ReviewPool(source: nil, reviews: []) }
        let reviewers = Dictionary(m.reviewers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let submissions = Dictionary(m.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let declared = DeclaredConflicts(m.declaredConflicts)
        var out: [ReviewOutcome] = []
        for r in m.reviews where r.round == source {
            var o = ReviewOutcome(reviewer: r.reviewer, submission: r.submission, round: r.round, date: r.date,
                                  scores: r.scores, total: total(r.scores, rubric: m.rubric), dropped: nil,
                                  detail: nil, z: nil, normalised: nil, location: r.location)
            if let s = submissions[r.submission] {
                let reviewer = reviewers[r.reviewer]
                switch ConflictOfInterest.between(reviewer: reviewer, unit: s.unit,
                                                  declared: declared.conflict(reviewer: r.reviewer, submission: r.submission)) {
                case .declared(let c):
                    o.dropped = .declaredConflict
                    // Named inside the manuscript (`reviews/<sheet>.xml`), not as printed from the current
                    // directory: the round record must not depend on where the folder is.
                    let sheet = c.location.path.split(separator: "/").suffix(2).joined(separator: "/")
                    o.detail = "declared at \(sheet):\(c.location.line):\(c.location.column)"
                        + (c.reason.isEmpty ? "" : ": \(c.reason.whitespaceCollapsed)")
                case .sameDistrict(let district):
                    o.dropped = .sameDistrict
                    o.detail = "district \(district)"
                case .sameUnit(let unit):
                    o.dropped = .sameUnit
                    o.detail = "unit \(unit)"
                case nil:
                    if reviewer == nil { o.dropped = .unknownReviewer }
                }
            } else {
                o.dropped = .unknownSubmission
            }
            if o.dropped == nil && o.total == nil { o.dropped = .incomplete }
            out.append(o)
        }
        // Supersession among the reviews still counted.
        var groups: [Pair: [Int]] = [:]
        for (i, o) in out.enumerated() where o.counted {
            groups[Pair(o.reviewer, o.submission), default: []].append(i)
        }
        var duplicates: [Finding] = []
        for (_, indices) in groups where indices.count > 1 {
            let latest = indices.map { out[$0].date }.max()!
            let atLatest = indices.filter { out[$0].date == latest }
            if atLatest.count > 1 {
                let first = out[atLatest[0]]
                duplicates.append(.error(
                    at: out[atLatest[1]].location,
                    "reviewer \(first.reviewer) reviewed \(first.submission) twice on \(latest) in round \(source): "
                        + "the later review cannot be told apart; change the date of the one that replaces the other",
                    notes: atLatest.dropFirst().isEmpty ? [] : [.init(location: first.location, message: "the other review")]))
                continue
            }
            for i in indices where out[i].date != latest {
                out[i].dropped = .superseded
                out[i].detail = "superseded by the review of \(latest)"
            }
        }
        if !duplicates.isEmpty { throw SelectionError(duplicates.sortedForReport()) }
        out.sort { a, b in
            if a.submission != b.submission { return byteOrder(a.submission, b.submission) }
            if a.reviewer != b.reviewer { return byteOrder(a.reviewer, b.reviewer) }
            if a.date != b.date { return a.date < b.date }
            return a.location < b.location
        }
        return ReviewPool(source: source, reviews: out)
    }
}

struct Pair: Hashable {
    var a: String
    var b: String
    init(_ a: String, _ b: String) {
        self.a = a
        self.b = b
    }
}

/// Selection cannot go on: the findings say why, each where it can at the file and element at fault.
public struct SelectionError: Error, Sendable, Hashable {
    public var findings: [Finding]
    public init(_ findings: [Finding]) { self.findings = findings }
    public init(_ finding: Finding) { self.findings = [finding] }
}
