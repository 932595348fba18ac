import Messages

/// Why a reviewer may not judge a submission: the three rules of docs/formats.md, in the order
/// they are tried.
public enum ConflictOfInterest: Hashable, Sendable {
    /// The reviewer declared a conflict with the submission (in any round's score sheet).
    case declared(DeclaredConflict)
    /// The reviewer works in the submission's district (a district other than `province`).
    case sameDistrict(String)
    /// The reviewer's unit is the submitting unit (names compared whitespace-collapsed).
    case sameUnit(String)

    /// The conflict between a reviewer and a submission, or nil when there is none.
    ///
    /// `declared` is the reviewer's declared conflict with this submission, if any; it counts even
    /// when the reviewer is not in reviewers.xml (`reviewer` nil), where the other two rules cannot
    /// be applied.
    public static func between(reviewer: Reviewer?, unit: SubmittingUnit, declared: DeclaredConflict?) -> ConflictOfInterest? {
        if let declared { return .declared(declared) }
        guard let reviewer else { return nil }
        if reviewer.district != District.provinceCode && reviewer.district == unit.district {
            return .sameDistrict(reviewer.district)
        }
        let name = unit.name.whitespaceCollapsed
        if reviewer.unit.whitespaceCollapsed == name { return .sameUnit(name) }
        return nil
    }

    /// In words, for messages: "declared a conflict", "works in district kim-son", ...
    public var message: Message {
        switch self {
        case .declared: CheckText.conflictDeclared.message
        case .sameDistrict(let d): CheckText.conflictSameDistrict.with(["district": .text(d)])
        case .sameUnit(let u): CheckText.conflictSameUnit.with(["unit": .text(u)])
        }
    }

    /// `message` in the current language.
    public var words: String { message.text() }
}

/// Every declared conflict of a manuscript, looked up by reviewer and submission.
public struct DeclaredConflicts: Sendable {
    private var table: [String: [String: DeclaredConflict]] = [:]

    /// The first declaration of each (reviewer, submission) pair counts.
    public init(_ conflicts: [DeclaredConflict]) {
        for c in conflicts where table[c.reviewer]?[c.submission] == nil {
            table[c.reviewer, default: [:]][c.submission] = c
        }
    }

    public func conflict(reviewer: String, submission: String) -> DeclaredConflict? {
        table[reviewer]?[submission]
    }
}
