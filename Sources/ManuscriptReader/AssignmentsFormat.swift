import ManuscriptModel
import Messages
import XMLKit

// assignments/<round>.xml: reading it, and the checks a schema cannot make.

extension Mapper {
    func assignments(_ root: XMLElement, fileStem: String) -> AssignmentsRead {
        var seed: UInt64?
        if let text = token(root, "seed") {
            seed = UInt64(text)
            if seed == nil, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                error(loc(root, "seed"), CheckText.seedTooLarge.with(["seed": .text(text), "max": .text(String(UInt64.max))]))
            }
        }
        let round = RoundAssignments(round: token(root, "round") ?? "", perSubmission: token(root, "per").flatMap { Int($0) } ?? 0,
                                     seed: seed, reviewers: [])
        var out = AssignmentsRead(assignments: round, fileStem: fileStem, roundAt: loc(root, "round"))
        for r in root.elements(named: "reviewer") {
            var assigned = ReviewerAssignment(reviewer: token(r, "id") ?? "", submissions: [])
            var idAt: [SourceLocation] = []
            var elementAt: [SourceLocation] = []
            for s in r.elements(named: "submission") {
                assigned.submissions.append(token(s, "id") ?? "")
                idAt.append(loc(s, "id"))
                elementAt.append(loc(s))
            }
            out.assignments.reviewers.append(assigned)
            out.reviewerAt.append(loc(r, "id"))
            out.submissionAt.append(idAt)
            out.submissionElementAt.append(elementAt)
        }
        return out
    }
}

extension Checks {
    /// The round is a rank or optimize round named like the file; reviewers and submissions exist,
    /// each reviewer once and each submission once per reviewer. A conflicted assignment is a
    /// warning: a conflict declared after assigning is legitimate (the review will not count).
    static func assignments(_ input: CheckInput, known: Set<String>?) -> [Finding] {
        guard !input.assignments.isEmpty else { return [] }
        var out: [Finding] = []
        let reviewers = input.reviewers.map { Dictionary($0.reviewers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        var units: [String: SubmittingUnit] = [:]
        for s in input.submissions where !s.isEdit && units[s.submission.id] == nil { units[s.submission.id] = s.submission.unit }
        let declared = DeclaredConflicts(input.sheets.flatMap(\.sheet.conflicts))
        for file in input.assignments {
            let a = file.assignments
            if let plan = input.selection?.plan, !a.round.isEmpty {
                if let round = plan.rounds.first(where: { $0.id == a.round }) {
                    if round.type == .screen {
                        out.append(.error(at: file.roundAt, CheckText.screenRoundAssigned.with(["round": .text(a.round)])))
                    }
                } else {
                    out.append(unknown(.whatRound, a.round, at: file.roundAt, in: "selection.xml", known: plan.rounds.map(\.id)))
                }
            }
            if isIdentifier(a.round), a.round != file.fileStem {
                out.append(.error(at: file.roundAt, CheckText.assignmentsFileName.with(["stem": .text(file.fileStem), "round": .text(a.round)])))
            }
            out += duplicates(a.reviewers.map(\.reviewer), file.reviewerAt, what: .whatReviewer)
            for (i, r) in a.reviewers.enumerated() {
                let reviewer = reviewers?[r.reviewer]
                if let reviewers, reviewer == nil, !r.reviewer.isEmpty {
                    out.append(unknown(.whatReviewer, r.reviewer, at: file.reviewerAt[i], in: "reviewers.xml", known: reviewers.keys.sorted()))
                }
                var first: [String: SourceLocation] = [:]
                for (j, id) in r.submissions.enumerated() where !id.isEmpty {
                    let at = file.submissionAt[i][j]
                    if let earlier = first[id] {
                        out.append(.error(at: at, CheckText.assignedTwice.with(["reviewer": .text(r.reviewer), "id": .text(id)]),
                                          notes: [.init(location: earlier, message: CheckText.firstListedHere.message)]))
                        continue
                    }
                    first[id] = at
                    if let known, !known.contains(id) {
                        out.append(unknownSubmission(id, at: at, known: known))
                        continue
                    }
                    guard let unit = units[id] else { continue }
                    let conflict = ConflictOfInterest.between(
                        reviewer: reviewer, unit: unit, declared: declared.conflict(reviewer: r.reviewer, submission: id))
                    if let conflict {
                        var notes: [Finding.Note] = []
                        if case .declared(let c) = conflict { notes.append(.init(location: c.location, message: CheckText.declaredHere.message)) }
                        out.append(.warning(at: file.submissionElementAt[i][j],
                            CheckText.assignedWithConflict.with(["reviewer": .text(r.reviewer), "id": .text(id),
                                                                 "why": .message(conflict.message), "round": .text(a.round)]),
                            notes: notes))
                    }
                }
            }
        }
        return out
    }
}
