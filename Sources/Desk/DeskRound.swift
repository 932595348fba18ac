import Foundation
import ManuscriptModel
import Messages
import XMLKit

/// The assignments of `round` in the manuscript; nil when the round has none.
func assignments(of manuscript: Manuscript, round: String) -> RoundAssignments? {
    manuscript.assignments.first { $0.round == round }
}

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
    /// have no conflict of interest (declared in a sheet, same district, same unit).
    public let candidates: [String: [String]]
    /// Reviewer → assigned candidates hidden from them, and why.
    public let hidden: [String: [String: ConflictOfInterest]]
    let submissions: [String: Submission]
    let reviewers: [String: Reviewer]

    /// - Parameter deskSheets: sheets the desk itself wrote (paths inside the manuscript, `reviews/…`): their
    ///   declared conflicts are the desk's own drafts, which the reviewer can still withdraw, so they do not hide.
    public init(manuscript: Manuscript, round: String, deskSheets: Set<String> = []) throws(DeskError) {
        guard manuscript.selection.rounds.contains(where: { $0.id == round }) else {
            throw DeskError(DeskText.roundNotInSelection.text([
                "round": .text(round), "rounds": .text(manuscript.selection.rounds.map(\.id).joined(separator: ", ")),
            ]))
        }
        guard let assigned = assignments(of: manuscript, round: round) else {
            throw DeskError(DeskText.roundNoAssignments.text(["round": .text(round)]))
        }
        self.manuscript = manuscript
        self.round = round
        submissions = Dictionary(manuscript.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        reviewers = Dictionary(manuscript.reviewers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let reasons = Self.conflicts(assigned, manuscript: manuscript, deskSheets: deskSheets)
        var candidates: [String: [String]] = [:]
        var hidden: [String: [String: ConflictOfInterest]] = [:]
        for a in assigned.reviewers {
            var seen = Set<String>()
            for s in a.submissions where seen.insert(s).inserted && submissions[s] != nil {
                if let reason = reasons[a.reviewer]?[s] { hidden[a.reviewer, default: [:]][s] = reason }
                else { candidates[a.reviewer, default: []].append(s) }
            }
        }
        self.candidates = candidates
        self.hidden = hidden
    }

    /// Every assigned pair with a conflict of interest under the project's one rule
    /// (`ConflictOfInterest.between`, which selection and assignment use too), declared conflicts
    /// taken from every sheet but the desk's own.
    static func conflicts(_ assigned: RoundAssignments, manuscript m: Manuscript,
                          deskSheets: Set<String>) -> [String: [String: ConflictOfInterest]] {
        let reviewers = Dictionary(m.reviewers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let submissions = Dictionary(m.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let declared = DeclaredConflicts(m.reviewSheets.filter { !deskSheets.contains(Self.insideManuscript($0.location.path)) }
            .flatMap(\.conflicts))
        var out: [String: [String: ConflictOfInterest]] = [:]
        for a in assigned.reviewers {
            for s in a.submissions {
                guard let submission = submissions[s] else { continue }
                if let c = ConflictOfInterest.between(reviewer: reviewers[a.reviewer], unit: submission.unit,
                                                      declared: declared.conflict(reviewer: a.reviewer, submission: s)) {
                    out[a.reviewer, default: [:]][s] = c
                }
            }
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

    /// True when a sheet file holds no review and no conflict: the empty sheet `assign --write` leaves for a
    /// reviewer, which the desk may replace.
    public static func isEmptySheet(_ data: Data) -> Bool {
        guard let doc = try? XMLDocument.parse([UInt8](data)), doc.root.name == "reviews" else { return false }
        return doc.root.elements(named: "review").isEmpty && doc.root.elements(named: "conflict").isEmpty
    }

    public func submission(_ id: String) -> Submission? { submissions[id] }
    public func reviewer(_ id: String) -> Reviewer? { reviewers[id] }

    /// Every reviewer with an assignment in this round, sorted.
    public var assignedReviewers: [String] {
        Set(candidates.keys).union(hidden.keys).sorted()
    }
}
