import ManuscriptModel

/// The outcome of a `screen` round: who passed, and every rule each of the others failed.
public struct ScreenResult: Hashable, Sendable, Codable {
    public var round: String
    /// Every candidate that entered the round, sorted by id (byte order).
    public var considered: [String]
    /// Sorted by id (byte order).
    public var eligible: [String]
    /// Failed rule names (`has-endorsement`, …) by submission id, in the order the round lists its rules.
    public var ineligible: [String: [String]]
    /// Body word counts of the considered candidates, when the round has a `min-body-words` rule.
    public var bodyWords: [String: Int]

    public init(round: String, considered: [String], eligible: [String], ineligible: [String: [String]],
                bodyWords: [String: Int]) {
        self.round = round
        self.considered = considered
        self.eligible = eligible
        self.ineligible = ineligible
        self.bodyWords = bodyWords
    }
}

/// Eligibility rules and the word count they use.
public enum Eligibility {
    /// The names of the rules (of `requirements`) that `submission` fails, in the order given.
    public static func failedRules(_ submission: Submission, _ requirements: [Requirement], bodyWords: Int? = nil) -> [String] {
        var failed: [String] = []
        for requirement in requirements where !passes(submission, requirement.rule, bodyWords: bodyWords) {
            if !failed.contains(requirement.rule.name) { failed.append(requirement.rule.name) }
        }
        return failed
    }

    /// Whether a submission meets one rule, exactly as formats.md states it.
    /// `bodyWords`, when given, is the body's word count already computed.
    public static func passes(_ submission: Submission, _ rule: EligibilityRule, bodyWords: Int? = nil) -> Bool {
        let period = submission.period
        switch rule {
        case .periodWithin(let start, let end):
            // The start is not before `start`; the end, when present, is not after `end`.
            // An ongoing period (no end) therefore meets the end condition.
            guard period.start >= start else { return false }
            if let e = period.end { return e <= end }
            return true
        case .periodOverlaps(let start, let end):
            // At least one month in common; an absent end means ongoing (unbounded above).
            guard period.start <= end else { return false }
            if let e = period.end { return e >= start }
            return true
        case .hasEndorsement:
            return submission.endorsement != nil
        case .minResults(let count):
            return (submission.results?.count ?? 0) >= count
        case .minBodyWords(let count):
            return (bodyWords ?? submission.bodyWords) >= count
        }
    }

    /// Runs one `screen` round over the candidates (ids), which must all be submissions of `byID`.
    public static func screen(round: Round, candidates: [String], submissions byID: [String: Submission]) -> ScreenResult {
        let considered = candidates.sorted(by: byteOrder)
        var eligible: [String] = []
        var ineligible: [String: [String]] = [:]
        var words: [String: Int] = [:]
        let countsWords = round.requirements.contains { if case .minBodyWords = $0.rule { true } else { false } }
        for id in considered {
            guard let s = byID[id] else { continue }
            let n = countsWords ? s.bodyWords : nil
            words[id] = n
            let failed = failedRules(s, round.requirements, bodyWords: n)
            if failed.isEmpty { eligible.append(id) } else { ineligible[id] = failed }
        }
        return ScreenResult(round: round.id, considered: considered, eligible: eligible, ineligible: ineligible,
                            bodyWords: words)
    }
}

/// Byte order of UTF-8 identifiers: the spec's "smaller id (byte order)".
@inline(__always)
public func byteOrder(_ a: String, _ b: String) -> Bool {
    // On the contiguous UTF-8 buffers: the generic comparison of two `UTF8View`s cost a second
    // per round record at 10,000 submissions (it sorts every input file's path).
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let n = min(x.count, y.count)
            var i = 0
            while i < n {
                if x[i] != y[i] { return x[i] < y[i] }
                i += 1
            }
            return x.count < y.count
        }
    }
}
