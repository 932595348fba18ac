import Foundation
import ManuscriptModel
import XMLKit

// Stand-in for the assignments the manuscript reader will provide (`Manuscript.assignments`),
// with the same shape, until that reader is merged. Only `assignments(of:round:)` is used elsewhere.

struct RoundAssignments: Sendable, Equatable {
    var round: String
    var perSubmission: Int
    var seed: UInt64?
    var reviewers: [ReviewerAssignment]
    func submissions(of reviewer: String) -> [String] {
        reviewers.first { $0.reviewer == reviewer }?.submissions ?? []
    }
}

struct ReviewerAssignment: Sendable, Equatable {
    var reviewer: String
    var submissions: [String]
}

/// The assignments of `round` in the manuscript; nil when the round has none.
func assignments(of manuscript: Manuscript, round: String) -> RoundAssignments? {
    let path = (manuscript.root as NSString).appendingPathComponent("assignments/\(round).xml")
    guard let data = FileManager.default.contents(atPath: path),
          let doc = try? XMLDocument.parse([UInt8](data)) else { return nil }
    let root = doc.root
    guard root.name == "assignments", root.attribute("round") == round else { return nil }
    return RoundAssignments(
        round: round, perSubmission: Int(root.attribute("per") ?? "") ?? 0,
        seed: root.attribute("seed").flatMap { UInt64($0) },
        reviewers: root.elements(named: "reviewer").map { r in
            ReviewerAssignment(reviewer: r.attribute("id") ?? "",
                               submissions: r.elements(named: "submission").compactMap { $0.attribute("id") })
        })
}
