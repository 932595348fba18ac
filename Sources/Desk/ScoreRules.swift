import Foundation
import ManuscriptModel
import Messages

/// A value the page sent for one criterion: a number, null (clear the score), or something else.
public enum ScoreValue: Decodable, Sendable, Equatable {
    case number(Double)
    case clear
    case invalid

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .clear }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else { self = .invalid }
    }
}

/// Why a draft cannot be saved: the criterion (or field) at fault and a message for the reviewer.
public struct ScoreProblem: Error, Sendable, Equatable {
    /// The criterion key, or `comment` / `reason`.
    public var field: String
    public var message: Message
}

/// A draft's scores and texts against the rubric: the rules the score sheet format sets
/// (every score a decimal within [min, max]), checked before anything is stored.
public enum ScoreRules {
    /// Longest comment or conflict reason accepted, in characters.
    public static let maxText = 10_000

    /// The scores to store (nil clears a criterion), or the first problem in rubric order.
    public static func validate(_ scores: [String: ScoreValue], rubric: Rubric) -> Result<[String: Double?], ScoreProblem> {
        let keys = Set(rubric.criteria.map(\.key))
        if let unknown = scores.keys.filter({ !keys.contains($0) }).sorted().first {
            return .failure(ScoreProblem(field: unknown, message: DeskText.unknownCriterion.with(["criterion": .text(unknown)])))
        }
        var out: [String: Double?] = [:]
        for c in rubric.criteria {
            guard let value = scores[c.key] else { continue }
            let label: [String: MessageValue] = ["label": .text(c.label), "min": number(rubric.min), "max": number(rubric.max)]
            switch value {
            case .clear: out[c.key] = .some(nil)
            case .invalid:
                return .failure(ScoreProblem(field: c.key, message: DeskText.scoreNotNumber.with(label)))
            case .number(let v):
                guard v.isFinite, v >= rubric.min, v <= rubric.max else {
                    return .failure(ScoreProblem(field: c.key, message: DeskText.scoreOutOfScale.with(label)))
                }
                guard isHundredths(v) else {
                    return .failure(ScoreProblem(field: c.key, message: DeskText.scoreTooPrecise.with(label)))
                }
                out[c.key] = .some(v)
            }
        }
        return .success(out)
    }

    /// A comment or reason the sheet can hold: not too long, no control characters but line breaks and tabs.
    public static func validateText(_ s: String, field: String) -> ScoreProblem? {
        if s.count > maxText {
            return ScoreProblem(field: field, message: DeskText.textTooLong.with(["max": .integer(maxText)]))
        }
        if s.unicodeScalars.contains(where: { ($0.value < 0x20 && !"\n\r\t".unicodeScalars.contains($0))
                                              || (0xFFFE...0xFFFF).contains($0.value) }) {
            return ScoreProblem(field: field, message: DeskText.textControl.message)
        }
        return nil
    }

    /// True when every criterion of the rubric has a score.
    public static func complete(_ scores: [String: Double], rubric: Rubric) -> Bool {
        rubric.criteria.allSatisfy { scores[$0.key] != nil }
    }

    static func isHundredths(_ v: Double) -> Bool {
        let scaled = v * 100
        return abs(scaled - scaled.rounded()) < 1e-6
    }

    /// A score in a sentence, with as many decimals as it has (at most two): `7,25`, `8,5`, `10` in Vietnamese.
    static func number(_ v: Double) -> MessageValue {
        let hundredths = Int64((v * 100).rounded()).magnitude
        return .decimal(v, places: hundredths % 100 == 0 ? 0 : hundredths % 10 == 0 ? 1 : 2)
    }

    /// A score as the sheet writes it: a decimal with at most two places, no exponent, no trailing zeros
    /// (`8`, `8.5`, `7.25`).
    public static func text(_ v: Double) -> String {
        let hundredths = Int64((v * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        let whole = a / 100, frac = a % 100
        if frac == 0 { return sign + String(whole) }
        if frac % 10 == 0 { return sign + "\(whole).\(frac / 10)" }
        return sign + "\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }
}
