import Foundation
import ManuscriptModel
import Selection

/// The desk cannot serve a round: the message says why and what to do.
public struct DeskError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// One round as the desk sees it: the manuscript read at start, who is assigned which candidates, and
/// which of those each reviewer may not see because of a conflict of interest.
public struct DeskRound: Sendable {
    public let manuscript: Manuscript
    public let round: String
    /// Reviewer → the assigned candidates they see, in the assignments file's order: those that exist and
    /// that Selection would not drop for a conflict (declared in a sheet, same district, same unit).
    public let candidates: [String: [String]]
    /// Reviewer → assigned candidates hidden from them, and why.
    public let hidden: [String: [String: DropReason]]
    let submissions: [String: Submission]
    let reviewers: [String: Reviewer]

    /// - Parameter deskSheets: sheets the desk itself wrote (paths inside the manuscript, `reviews/…`): their
    ///   declared conflicts are the desk's own drafts, which the reviewer can still withdraw, so they do not hide.
    public init(manuscript: Manuscript, round: String, deskSheets: Set<String> = []) throws(DeskError) {
        guard manuscript.selection.rounds.contains(where: { $0.id == round }) else {
            throw DeskError("round \(round) is not in selection.xml; the rounds are: "
                            + manuscript.selection.rounds.map(\.id).joined(separator: ", "))
        }
        guard let assigned = assignments(of: manuscript, round: round) else {
            throw DeskError("round \(round) has no assignments: write them first with `modelbook assign --round \(round)`")
        }
        self.manuscript = manuscript
        self.round = round
        submissions = Dictionary(manuscript.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        reviewers = Dictionary(manuscript.reviewers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let reasons = try Self.conflicts(assigned, manuscript: manuscript, deskSheets: deskSheets)
        var candidates: [String: [String]] = [:]
        var hidden: [String: [String: DropReason]] = [:]
        for a in assigned.reviewers {
            var seen = Set<String>()
            for s in a.submissions where seen.insert(s).inserted {
                if let reason = reasons[a.reviewer]?[s] { hidden[a.reviewer, default: [:]][s] = reason }
                else { candidates[a.reviewer, default: []].append(s) }
            }
        }
        self.candidates = candidates
        self.hidden = hidden
    }

    /// Every assigned pair that Selection's review-dropping rule would not count for a reason other than
    /// its scores: asked of `ReviewCounting.pool` itself with one scoreless probe review per pair, so the
    /// desk and `select` cannot disagree about who is conflicted.
    static func conflicts(_ assigned: RoundAssignments, manuscript m: Manuscript,
                          deskSheets: Set<String>) throws(DeskError) -> [String: [String: DropReason]] {
        let probeRound = "desk probe" // not a code, so never a real round's id
        var probe = m
        probe.reviewSheets = m.reviewSheets
            .filter { !deskSheets.contains(Self.insideManuscript($0.location.path)) }
            .map { var s = $0; s.reviews = []; return s }
        var reviews: [Review] = []
        for a in assigned.reviewers {
            for s in Set(a.submissions).sorted() {
                reviews.append(Review(reviewer: a.reviewer, round: probeRound, submission: s,
                                      date: CalendarDate(year: 2000, month: 1, day: 1), scores: [], comment: nil,
                                      location: SourceLocation(path: "assignments/\(assigned.round).xml")))
            }
        }
        probe.reviewSheets.append(ReviewSheet(reviewer: "", round: probeRound, reviews: reviews, conflicts: [],
                                              location: SourceLocation(path: "assignments/\(assigned.round).xml")))
        let pool: ReviewPool
        do { pool = try ReviewCounting.pool(source: probeRound, manuscript: probe) } catch {
            throw DeskError(error.findings.map(\.formatted).joined(separator: "\n"))
        }
        var out: [String: [String: DropReason]] = [:]
        for o in pool.reviews {
            guard let reason = o.dropped, reason != .incomplete else { continue }
            out[o.reviewer, default: [:]][o.submission] = reason
        }
        return out
    }

    /// `reviews/R01-shortlist.xml` from a path as findings print it (`manuscript/reviews/R01-shortlist.xml`).
    static func insideManuscript(_ path: String) -> String {
        path.split(separator: "/").suffix(2).joined(separator: "/")
    }

    /// The sheet the desk writes for a reviewer, inside the manuscript.
    public static func sheetPath(reviewer: String, round: String) -> String { "reviews/\(reviewer)-\(round).xml" }

    public var rubric: Rubric { manuscript.rubric }

    public func submission(_ id: String) -> Submission? { submissions[id] }
    public func reviewer(_ id: String) -> Reviewer? { reviewers[id] }

    /// Every reviewer with an assignment in this round, sorted.
    public var assignedReviewers: [String] {
        Set(candidates.keys).union(hidden.keys).sorted()
    }
}
