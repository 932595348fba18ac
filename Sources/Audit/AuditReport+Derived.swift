import Selection
import Foundation
import ManuscriptModel
import Messages

extension AuditReport {
    /// The lowest aggregate among entries the final round chose on their score (overrides left
    /// out): the line on the histogram. nil when nothing was selected on score.
    public var cutoff: Double? {
        candidates.filter { $0.outcome == .selected }.compactMap(\.aggregate).min()
    }

    /// The entries of the book (selected or included), in the book's chapter order (`bookOrder`).
    public var selectionInBookOrder: [Candidate] {
        let byID = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return bookOrder.compactMap { byID[$0] }
    }

    /// The book's order in words (`Language.current`), for the pages that list entries in it.
    /// `inTheOrderOf` names a file's order as "in the order of" rather than "the order of".
    public func bookOrderWords(inTheOrderOf: Bool = false) -> String {
        let the: MessageValue = .message((inTheOrderOf ? AuditText.inTheOrderOf : AuditText.theOrderOf).message)
        return switch entryOrder {
        case .district: AuditText.orderByDistrict.text(["the": the])
        case .rank: AuditText.orderByRank.text(["the": the])
        }
    }

    public func candidate(_ id: String) -> Candidate? {
        candidates.first { $0.id == id }
    }

    public func fieldName(_ code: String) -> String {
        fields.first { $0.code == code }?.name ?? code
    }

    public func districtName(_ code: String) -> String {
        districts.first { $0.code == code }?.name ?? code
    }

    /// What a quota's value reads as: a field's or district's name; the value itself otherwise.
    public func valueName(_ q: ExpandedQuota) -> String {
        switch q.dimension {
        case .field: fieldName(q.value)
        case .district: districtName(q.value)
        case .kind, .unit: q.value
        }
    }

    public func criterionLabel(_ key: String) -> String {
        rubric.criteria.first { $0.key == key }?.label ?? key
    }

    /// Reviews of one submission, in round order (selection.xml), then reviewer, then date.
    public func reviews(of submission: String) -> [ReviewOutcome] {
        sortedReviews(reviews.filter { $0.submission == submission })
    }

    /// Reviews by one reviewer, in round order, then submission, then date.
    public func reviews(by reviewer: String) -> [ReviewOutcome] {
        reviews(byAny: reviews.filter { $0.reviewer == reviewer })
    }

    /// The given reviews in a reviewer's receipt order: round, then submission, then date.
    func reviews(byAny rows: [ReviewOutcome]) -> [ReviewOutcome] {
        let order = roundOrder
        return rows.sorted {
            let ra = order[$0.round] ?? Int.max, rb = order[$1.round] ?? Int.max
            if ra != rb { return ra < rb }
            if $0.submission != $1.submission { return $0.submission.utf8.lexicographicallyPrecedes($1.submission.utf8) }
            return $0.date < $1.date
        }
    }

    /// Reviews in the order every listing and CSV uses: submission, round, reviewer, date.
    public var reviewsInOrder: [ReviewOutcome] { sortedReviews(reviews) }

    private var roundOrder: [String: Int] {
        Dictionary(rounds.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private func sortedReviews(_ rows: [ReviewOutcome]) -> [ReviewOutcome] {
        let order = roundOrder
        return rows.sorted {
            if $0.submission != $1.submission { return $0.submission.utf8.lexicographicallyPrecedes($1.submission.utf8) }
            let ra = order[$0.round] ?? Int.max, rb = order[$1.round] ?? Int.max
            if ra != rb { return ra < rb }
            if $0.reviewer != $1.reviewer { return $0.reviewer.utf8.lexicographicallyPrecedes($1.reviewer.utf8) }
            return $0.date < $1.date
        }
    }

    /// The round whose reviews the final ranking used: the last rank/optimize round's `reviewsFrom`.
    public var scoringRound: String? {
        rounds.last { $0.type != .screen }.map { $0.reviewsFrom ?? $0.id }
    }
}

/// How far a Krippendorff's alpha can be trusted, in plain words (Krippendorff's own thresholds).
public enum AlphaReading: String, Hashable, Sendable {
    case reliable, tentative, unreliable, undefined

    public init(_ alpha: Double?) {
        guard let alpha, alpha.isFinite else { self = .undefined; return }
        self = alpha >= 0.8 ? .reliable : alpha >= 0.667 ? .tentative : .unreliable
    }
}
