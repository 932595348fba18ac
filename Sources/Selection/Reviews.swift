import ManuscriptModel
import Messages

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

    /// In words, for the reports (the current language).
    public var words: String { message.text() }

    public var message: Message {
        switch self {
        case .declaredConflict: SelectText.dropDeclaredConflict.message
        case .sameDistrict: SelectText.dropSameDistrict.message
        case .sameUnit: SelectText.dropSameUnit.message
        case .superseded: SelectText.dropSuperseded.message
        case .unknownReviewer: SelectText.dropUnknownReviewer.message
        case .unknownSubmission: SelectText.dropUnknownSubmission.message
        case .incomplete: SelectText.dropIncomplete.message
        }
    }
}

/// More about why a review did not count. Round records hold it in English, exactly as
/// `recorded` writes it; reports show `message` in the reader's language.
public enum DropDetail: Hashable, Sendable, Codable {
    /// Where the conflict was declared (`reviews/<sheet>.xml:line:col`, inside the manuscript) and why.
    case declared(at: String, reason: String)
    case district(String)
    case unit(String)
    /// The date of the later review that replaced it.
    case supersededBy(CalendarDate)

    /// The text written into round records: English, as it has always been written.
    public var recorded: String {
        switch self {
        case .supersededBy(let date): SelectText.detailSuperseded.with(["date": .text(date.description)]).text(in: .en)
        default: message.text(in: .en)
        }
    }

    public var message: Message {
        switch self {
        case .declared(let at, let reason):
            reason.isEmpty ? SelectText.detailDeclared.with(["where": .text(at)])
                : SelectText.detailDeclaredReason.with(["where": .text(at), "reason": .text(reason)])
        case .district(let d): SelectText.detailDistrict.with(["district": .text(d)])
        case .unit(let u): SelectText.detailUnit.with(["unit": .text(u)])
        case .supersededBy(let date): SelectText.detailSuperseded.with(["date": .day(date)])
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
    public var dropDetail: DropDetail?
    /// The review's standardised value (zscore only, when the reviewer is standardised).
    public var z: Double?
    /// The value the aggregate uses: the mapped-back z value, or the raw total.
    public var normalised: Double?
    public var location: SourceLocation

    public init(reviewer: String, submission: String, round: String, date: CalendarDate, scores: [CriterionScore],
                total: Double?, dropped: DropReason? = nil, detail: DropDetail? = nil, z: Double? = nil,
                normalised: Double? = nil, location: SourceLocation) {
        self.reviewer = reviewer
        self.submission = submission
        self.round = round
        self.date = date
        self.scores = scores
        self.total = total
        self.dropped = dropped
        self.dropDetail = detail
        self.z = z
        self.normalised = normalised
        self.location = location
    }

    public var counted: Bool { dropped == nil }

    /// More about the drop in the current language; nil when there is nothing more.
    public var detail: String? { dropDetail?.message.text() }

    /// Why it did not count, in words with the detail (`the reviewer works in the submission's
    /// district (district gia-vien)`); nil when it counted.
    public var whyNotCountedMessage: Message? {
        dropped.map { reason in
            dropDetail.map { SelectText.withDetail.with(["words": .message(reason.message), "detail": .message($0.message)]) }
                ?? reason.message
        }
    }

    /// `whyNotCountedMessage` in the current language.
    public var whyNotCounted: String? { whyNotCountedMessage?.text() }
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
                    o.dropDetail = .declared(at: "\(sheet):\(c.location.line):\(c.location.column)",
                                             reason: c.reason.whitespaceCollapsed)
                case .sameDistrict(let district):
                    o.dropped = .sameDistrict
                    o.dropDetail = .district(district)
                case .sameUnit(let unit):
                    o.dropped = .sameUnit
                    o.dropDetail = .unit(unit)
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
                    SelectText.reviewedTwice.with(["reviewer": .text(first.reviewer), "submission": .text(first.submission),
                                                   "date": .day(latest), "round": .text(source)]),
                    notes: atLatest.dropFirst().isEmpty ? [] : [.init(location: first.location, message: SelectText.theOtherReview.message)]))
                continue
            }
            for i in indices where out[i].date != latest {
                out[i].dropped = .superseded
                out[i].dropDetail = .supersededBy(latest)
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
