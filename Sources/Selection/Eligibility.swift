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
            return (bodyWords ?? bodyWordCount(submission.body)) >= count
        }
    }

    /// Words in a body as formats.md counts them: the sum over every text node inside `body`
    /// (section titles, paragraphs, list items, quotes, table captions and cells, figure captions,
    /// footnotes, emphasis and link text included) of its whitespace-separated tokens.
    ///
    /// A text node is one `.text` value of the model. The reader stores the character data between
    /// two element boundaries as one `.text` (libxml2's pieces split by a comment or a CDATA
    /// section are merged), so `a<!-- -->b` is one node "ab" — one token — while `a<em>b</em>`
    /// is two nodes, two tokens. Whitespace is XML whitespace (space, tab, CR, LF): a no-break
    /// space joins the two words around it, as it does on the page.
    public static func bodyWordCount(_ blocks: [Block]) -> Int {
        var count = 0
        for block in blocks { count += words(block) }
        return count
    }

    static func words(_ block: Block) -> Int {
        switch block {
        case .section(let s): return words(s.title) + bodyWordCount(s.blocks)
        case .paragraph(let inlines): return words(inlines)
        case .list(let l): return l.items.reduce(0) { $0 + bodyWordCount($1) }
        case .quote(let q): return bodyWordCount(q.blocks)
        case .table(let t):
            var n = t.caption.map(words) ?? 0
            for row in t.rows { for cell in row.cells { n += words(cell.content) } }
            return n
        case .figure(let f): return f.caption.map(words) ?? 0
        }
    }

    static func words(_ inlines: [Inline]) -> Int {
        var n = 0
        for inline in inlines {
            switch inline {
            case .text(let s): n += tokenCount(s)
            case .emphasis(let c), .strong(let c), .quote(let c), .note(let c), .link(_, let c): n += words(c)
            }
        }
        return n
    }

    /// Whitespace-separated tokens of one text node (XML whitespace: space, tab, CR, LF).
    public static func tokenCount(_ s: String) -> Int {
        var count = 0
        var inWord = false
        for b in s.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
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
            let n = countsWords ? bodyWordCount(s.body) : nil
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
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
