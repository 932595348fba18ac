import ManuscriptModel
import Messages
import Selection

/// The report's names for the manuscript's codes (kinds, unit levels, quota dimensions, round
/// types, aggregates, drop reasons), in `Language.current`. The codes themselves stay in the CSVs.
enum Words {
    // Kinds, round types and aggregates have one name each, shared with `select`'s report.
    static func kind(_ kind: SubmissionKind) -> String { kind.message.text() }

    /// A kind given by its code (a quota's value); the code itself when it names no kind.
    static func kind(code: String) -> String {
        SubmissionKind(rawValue: code).map(kind) ?? code
    }

    static func level(_ level: UnitLevel) -> String {
        switch level {
        case .province: AuditText.levelProvince.text
        case .district: AuditText.levelDistrict.text
        case .commune: AuditText.levelCommune.text
        case .agency: AuditText.levelAgency.text
        case .enterprise: AuditText.levelEnterprise.text
        case .armedForces: AuditText.levelArmedForces.text
        case .school: AuditText.levelSchool.text
        case .other: AuditText.levelOther.text
        }
    }

    static func dimension(_ dimension: QuotaDimension) -> String {
        switch dimension {
        case .field: AuditText.field.text
        case .district: AuditText.district.text
        case .kind: AuditText.kind.text
        case .unit: AuditText.unit.text
        }
    }

    static func roundType(_ type: RoundType) -> String { type.message.text() }

    static func aggregate(_ aggregate: Aggregate) -> String { aggregate.message.text() }

    static func conflict(_ kind: AuditReport.ConflictKind) -> String {
        switch kind {
        case .declared: AuditText.conflictDeclared.text
        case .district: AuditText.conflictDistrict.text
        case .unit: AuditText.conflictUnit.text
        }
    }

    /// Why a review did not count, with what the report knows of it (the candidate's district or
    /// unit); nil when it counted.
    static func whyNotCounted(_ review: ReviewOutcome, _ r: RenderContext) -> String? {
        guard let reason = review.dropped else { return nil }
        let candidate = r.candidate(review.submission)
        switch reason {
        case .declaredConflict: return AuditText.dropDeclaredConflict.text
        case .sameDistrict:
            return AuditText.dropSameDistrict.text(["district": .text(candidate.map { r.districtName($0.district) } ?? "—")])
        case .sameUnit: return AuditText.dropSameUnit.text(["unit": .text(candidate?.unit ?? "—")])
        case .superseded: return AuditText.dropSuperseded.text
        case .unknownReviewer: return AuditText.dropUnknownReviewer.text
        case .unknownSubmission: return AuditText.dropUnknownSubmission.text
        case .incomplete: return AuditText.dropIncomplete.text
        }
    }
}

extension AuditReport.Outcome {
    /// The outcome in words (`Language.current`).
    public var label: String {
        switch self {
        case .selected: AuditText.outcomeSelected.text
        case .included: AuditText.outcomeIncluded.text
        case .leftOut: AuditText.outcomeLeftOut.text
        case .notShortlisted: AuditText.outcomeNotShortlisted.text
        case .insufficientReviews: AuditText.outcomeInsufficientReviews.text
        case .ineligible: AuditText.outcomeIneligible.text
        case .excluded: AuditText.outcomeExcluded.text
        }
    }
}

extension AlphaReading {
    /// How far the alpha can be trusted, in words (`Language.current`).
    public var words: String {
        switch self {
        case .reliable: AuditText.alphaReliable.text
        case .tentative: AuditText.alphaTentative.text
        case .unreliable: AuditText.alphaUnreliable.text
        case .undefined: AuditText.alphaUndefined.text
        }
    }
}
