import ManuscriptModel
import Messages

/// A candidate of the pool: its id and the unit that submitted it (for conflicts of interest).
public struct PoolCandidate: Hashable, Sendable {
    public var id: String
    public var unit: SubmittingUnit
    public init(id: String, unit: SubmittingUnit) {
        self.id = id
        self.unit = unit
    }
}

/// What to assign: every candidate gets `perCandidate` distinct reviewers without a conflict of interest.
public struct AssignmentRequest: Sendable {
    /// The candidates entering the round.
    public var pool: [PoolCandidate]
    /// Everyone who may review, in reviewers.xml order.
    public var reviewers: [Reviewer]
    public var declared: DeclaredConflicts
    /// K.
    public var perCandidate: Int
    /// No two reviewers of one candidate from the same district.
    public var spread: Bool
    public var seed: UInt64
    /// The round's earlier assignment, kept whole: only pairs are added.
    public var existing: [ReviewerAssignment]

    public init(pool: [PoolCandidate], reviewers: [Reviewer], declared: DeclaredConflicts, perCandidate: Int,
                spread: Bool = false, seed: UInt64 = 0, existing: [ReviewerAssignment] = []) {
        self.pool = pool
        self.reviewers = reviewers
        self.declared = declared
        self.perCandidate = perCandidate
        self.spread = spread
        self.seed = seed
        self.existing = existing
    }

    func conflict(_ reviewer: Reviewer, _ candidate: PoolCandidate) -> ConflictOfInterest? {
        ConflictOfInterest.between(reviewer: reviewer, unit: candidate.unit,
                                   declared: declared.conflict(reviewer: reviewer.id, submission: candidate.id))
    }
}

/// An assignment that balances the reviewers' loads as evenly as any assignment can.
public struct Assignment: Hashable, Sendable {
    /// Every reviewer of the request, in its order, with the earlier and the new submissions, sorted by id.
    public var reviewers: [ReviewerAssignment]
    /// Each reviewer's load in the round (counted assignments: the pool's candidates, no conflict), in the same order.
    public var loads: [Int]
    /// Pairs added by this run.
    public var added: Int
    /// The proof of balance: no assignment gives any reviewer fewer than `maxLoad` at most, nor
    /// every reviewer more than `minLoad` at least (each found by a flow search; see `Assigner`).
    public var lowestPossibleMax: Int
    public var highestPossibleMin: Int
    /// Earlier pairs kept although they are now a conflict of interest (declared since): they do
    /// not count towards K or the loads, and their reviews will not count.
    public var keptConflicts: [KeptConflict]

    public var minLoad: Int { loads.min() ?? 0 }
    public var maxLoad: Int { loads.max() ?? 0 }
}

public struct KeptConflict: Hashable, Sendable {
    public var reviewer: String
    public var candidate: String
    public var conflict: ConflictOfInterest
}

/// No assignment exists: the candidates that cannot get K reviewers, and why.
public struct AssignmentInfeasible: Error, Hashable, Sendable {
    public var shortages: [Shortage]
}

/// One candidate that cannot get K reviewers.
public struct Shortage: Hashable, Sendable {
    public var candidate: String
    public var perCandidate: Int
    /// Reviewers it keeps from the earlier assignment (counted).
    public var alreadyAssigned: Int
    /// Reviewers it could still be given (no conflict, not already assigned).
    public var available: Int
    /// With --spread: the districts those reviewers come from (excluding those already used).
    public var availableDistricts: Int?
    public var declared: Int
    public var sameDistrict: Int
    public var sameUnit: Int

    /// "NB-2024-0137: only 3 reviewers without a conflict (K = 4): 2 work in its district, 1 declared a conflict",
    /// in the current language.
    public var sentence: String { message.text() }

    /// Why the candidate cannot get K reviewers, rendered in whichever language is asked for.
    public var message: Message {
        let needed = perCandidate - alreadyAssigned
        let k: MessageValue = .integer(perCandidate)
        if let d = availableDistricts, d < needed, available >= needed {
            let besides: MessageValue = alreadyAssigned > 0
                ? .message(AssignText.besidesAssigned.with(["n": .integer(alreadyAssigned)])) : ""
            return AssignText.shortageSpread.with(["candidate": .text(candidate), "available": .integer(available),
                                                   "districts": .integer(d), "besides": besides, "k": k])
        }
        var reasons: [Message] = []
        if sameDistrict > 0 { reasons.append(AssignText.becauseSameDistrict.with(["n": .integer(sameDistrict)])) }
        if sameUnit > 0 { reasons.append(AssignText.becauseSameUnit.with(["n": .integer(sameUnit)])) }
        if declared > 0 { reasons.append(AssignText.becauseDeclared.with(["n": .integer(declared)])) }
        let why: MessageValue = reasons.isEmpty ? "" : .message(Self.list(reasons, after: ": "))
        let arguments: [String: MessageValue] = ["candidate": .text(candidate), "available": .integer(available),
                                                 "assigned": .integer(alreadyAssigned), "k": k, "why": why]
        if alreadyAssigned > 0 { return AssignText.shortageAlreadyAssigned.with(arguments) }
        return (available == 0 ? AssignText.shortageNone : AssignText.shortageOnly).with(arguments)
    }

    /// `: a, b, c`: the messages after `lead`, separated by commas, each rendered in the reader's language.
    static func list(_ parts: [Message], after lead: String) -> Message {
        let template = lead + parts.indices.map { "{\($0)}" }.joined(separator: ", ")
        return Message(code: AssignText.domain + ".list", vietnamese: template, english: template,
                       arguments: Dictionary(uniqueKeysWithValues: parts.enumerated().map { ("\($0)", .message($1)) }))
    }
}
