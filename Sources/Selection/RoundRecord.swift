import ManuscriptModel
import XMLKit

/// The text of a round record: what a round was given and what it decided, as stable XML.
///
/// A record file is the XML declaration (line 1), the `round-record` start tag with the record's
/// number, round, the previous record's SHA-256 and, only when `SOURCE_DATE_EPOCH` is set, the
/// date (line 2), then the *body* (line 3 to the end): tool, inputs, parameters and every
/// candidate's outcome. Two runs with the same inputs and results have byte-identical bodies:
/// everything is sorted, numbers are Swift's shortest round-trip form, and there is no clock.
public enum RoundRecord {
    public static let rootName = "round-record"

    /// The body for one round's result (lines 3 to the end of the file, ending with the root's end tag).
    /// `inputs` is `inputs(m)`, given when several rounds of one manuscript are recorded (it lists
    /// every input file, sorted: a tenth of a second per record at 10,000 submissions).
    public static func body(_ result: RoundResult, manuscript m: Manuscript, tool: String, inputs: String? = nil) -> String {
        var w = XMLWriter(declaration: false)
        // The writer tracks nesting; the root's start tag lives in the header, so open a stand-in.
        w.start("round-record")
        let round = m.selection.rounds.first { $0.id == result.id }
        w.newline()
        w.empty("tool", [("name", "modelbook"), ("version", tool)])
        w.newline()
        w.raw(inputs ?? Self.inputs(m))
        if let round { parameters(round, plan: m.selection, result: result, into: &w) }
        switch result {
        case .screen(let r): screen(r, into: &w)
        case .rank(let r): rank(r, into: &w)
        case .optimize(let r): optimize(r, into: &w)
        }
        w.newline(indent: false)
        w.end()
        w.raw("\n")
        // Drop the stand-in start tag: the body starts after it (and its newline).
        let text = w.output
        return String(text.dropFirst("<round-record>\n".count))
    }

    /// The `inputs` element of a record of `m`, as `body` writes it (one level in).
    public static func inputs(_ m: Manuscript) -> String {
        var w = XMLWriter(declaration: false)
        w.start("round-record")
        w.newline()
        let start = w.output.utf8.count
        w.start("inputs")
        for path in m.inputDigests.keys.sorted(by: byteOrder) {
            w.newline()
            w.empty("input", [("path", path), ("sha256", m.inputDigests[path])])
        }
        close(&w)
        return String(w.output.utf8.dropFirst(start))!
    }

    /// The header line (line 2).
    public static func header(number: Int, round: String, type: RoundType, previous: String?, written: String?) -> String {
        var w = XMLWriter(declaration: false)
        w.start(rootName, [("number", String(number)), ("round", round), ("type", type.rawValue),
                           ("previous-sha256", previous), ("written", written)])
        return w.output + "\n"
    }

    public static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// A whole record file.
    public static func file(number: Int, result: RoundResult, body: String, previous: String?, written: String?) -> String {
        declaration + header(number: number, round: result.id, type: result.type, previous: previous, written: written) + body
    }

    static func num(_ x: Double?) -> String? { x.map { "\($0)" } }
    static func yes(_ b: Bool) -> String { b ? "yes" : "no" }

    static func line(_ w: inout XMLWriter) { w.newline() }

    static func close(_ w: inout XMLWriter) {
        w.newline(indent: false)
        w.raw(String(repeating: "  ", count: w.depth - 1))
        w.end()
    }

    static func parameters(_ round: Round, plan: SelectionPlan, result: RoundResult, into w: inout XMLWriter) {
        line(&w)
        var attrs: [(String, String?)] = [("id", round.id), ("type", round.type.rawValue)]
        if round.type != .screen {
            attrs.append(("aggregate", result.scoring?.aggregate.rawValue))
            attrs.append(("reviews-from", result.scoring?.pool.source))
        }
        attrs += [("keep", round.keep.map(String.init)), ("min-reviews", round.minReviews.map(String.init)),
                  ("count", round.count.map(String.init))]
        let children = !round.requirements.isEmpty || !round.quotas.isEmpty || !round.includes.isEmpty || !round.excludes.isEmpty
        guard children else {
            w.empty("parameters", attrs)
            return
        }
        w.start("parameters", attrs)
        for r in round.requirements {
            line(&w)
            var a: [(String, String?)] = [("rule", r.rule.name)]
            switch r.rule {
            case .periodWithin(let s, let e), .periodOverlaps(let s, let e):
                a += [("start", s.description), ("end", e.description)]
            case .minResults(let n), .minBodyWords(let n): a.append(("count", String(n)))
            case .hasEndorsement: break
            }
            w.empty("require", a)
        }
        for q in round.quotas {
            line(&w)
            w.empty("quota", [("dimension", q.dimension.rawValue), ("value", q.value), ("min", q.min.map(String.init)),
                              ("max", q.max.map(String.init))])
        }
        for o in round.includes.sorted(by: { byteOrder($0.submission, $1.submission) }) {
            line(&w)
            w.element("include", [("submission", o.submission)], text: o.reason.whitespaceCollapsed)
        }
        for o in round.excludes.sorted(by: { byteOrder($0.submission, $1.submission) }) {
            line(&w)
            w.element("exclude", [("submission", o.submission)], text: o.reason.whitespaceCollapsed)
        }
        close(&w)
    }

    static func screen(_ r: ScreenResult, into w: inout XMLWriter) {
        line(&w)
        w.start("candidates", [("considered", String(r.considered.count)), ("eligible", String(r.eligible.count))])
        for id in r.considered {
            line(&w)
            let attrs: [(String, String?)] = [("id", id), ("eligible", yes(r.ineligible[id] == nil)),
                                              ("body-words", r.bodyWords[id].map(String.init))]
            if let failed = r.ineligible[id] {
                w.start("candidate", attrs)
                for rule in failed {
                    line(&w)
                    w.empty("failed", [("rule", rule)])
                }
                close(&w)
            } else {
                w.empty("candidate", attrs)
            }
        }
        close(&w)
    }

    static func scoring(_ s: RoundScoring, into w: inout XMLWriter) {
        line(&w)
        w.start("scoring", [("aggregate", s.aggregate.rawValue), ("reviews-from", s.pool.source),
                            ("counted", String(s.pool.reviews.count { $0.counted })),
                            ("dropped", String(s.pool.reviews.count { !$0.counted })),
                            ("round-mean", num(s.roundMean)), ("round-sd", num(s.roundSD))])
        for r in s.reviewers {
            line(&w)
            let a: [(String, String?)] = [("id", r.reviewer), ("counted", String(r.count)), ("mean", num(r.mean)),
                                          ("sd", num(r.sd)), ("offset", num(r.offset)),
                                          ("standardised", s.aggregate == .zscore ? yes(r.standardised) : nil)]
            if let why = r.keptRawReason?.recorded { w.element("reviewer", a, text: why) } else { w.empty("reviewer", a) }
        }
        for a in s.reliability.alphas {
            line(&w)
            w.empty("alpha", [("criterion", a.criterion), ("metric", "interval"), ("value", num(a.alpha) ?? "undefined"),
                              ("units", String(a.pairableUnits)), ("values", String(a.pairableValues))])
        }
        close(&w)
    }

    static func review(_ r: ReviewOutcome, submission: Bool, into w: inout XMLWriter) {
        line(&w)
        var a: [(String, String?)] = []
        if submission { a.append(("submission", r.submission)) }
        a += [("reviewer", r.reviewer), ("date", r.date.description), ("total", num(r.total))]
        if r.counted {
            a += [("z", num(r.z)), ("value", num(r.normalised))]
            w.empty("review", a)
        } else {
            a.append(("dropped", r.dropped!.rawValue))
            if let d = r.dropDetail?.recorded { w.element("review", a, text: d) } else { w.empty("review", a) }
        }
    }

    /// Reviews of the pool that belong to no candidate of the round (they still shape zscore).
    static func otherReviews(_ s: RoundScoring, candidates: Set<String>, into w: inout XMLWriter) {
        let others = s.pool.reviews.filter { !candidates.contains($0.submission) }
        guard !others.isEmpty else { return }
        line(&w)
        w.start("other-reviews", [("count", String(others.count))])
        for r in others { review(r, submission: true, into: &w) }
        close(&w)
    }

    static func reviewsBySubmission(_ s: RoundScoring) -> [String: [ReviewOutcome]] {
        Dictionary(grouping: s.pool.reviews, by: \.submission)
    }

    static func rank(_ r: RankResult, into w: inout XMLWriter) {
        scoring(r.scoring, into: &w)
        let reviews = reviewsBySubmission(r.scoring)
        let kept = Set(r.kept)
        let ranked = Dictionary(uniqueKeysWithValues: r.ranked.map { ($0.id, $0) })
        let unranked = Dictionary(uniqueKeysWithValues: r.insufficient.map { ($0.id, $0) })
        line(&w)
        w.start("candidates", [("considered", String(r.considered.count)), ("ranked", String(r.ranked.count)),
                               ("kept", String(r.kept.count)), ("insufficient", String(r.insufficient.count))])
        for id in r.considered {
            line(&w)
            var a: [(String, String?)] = [("id", id)]
            if let c = ranked[id] {
                a += [("rank", String(c.rank)), ("score", num(c.score)), ("raw-mean", num(c.rawMean)),
                      ("reviews", String(c.reviews)), ("kept", yes(kept.contains(id)))]
            } else if let u = unranked[id] {
                a += [("reviews", String(u.reviews)), ("ranked", "no"), ("kept", "no")]
            }
            let rs = reviews[id] ?? []
            if rs.isEmpty { w.empty("candidate", a); continue }
            w.start("candidate", a)
            for x in rs { review(x, submission: false, into: &w) }
            close(&w)
        }
        close(&w)
        otherReviews(r.scoring, candidates: Set(r.considered), into: &w)
    }

    static func optimize(_ r: OptimizeResult, into w: inout XMLWriter) {
        scoring(r.scoring, into: &w)
        line(&w)
        w.start("selection", [("count", String(r.count)), ("objective", num(r.objective)), ("status", r.status),
                              ("shortlist", String(r.shortlist.count))])
        for q in r.quotas {
            line(&w)
            w.empty("quota", [("dimension", q.quota.dimension.rawValue), ("value", q.quota.value),
                              ("min", q.quota.min.map(String.init)), ("max", q.quota.max.map(String.init)),
                              ("available", String(q.available)), ("filled", String(q.filled))])
        }
        for o in r.includes {
            line(&w)
            w.element("include", [("submission", o.submission), ("effect", o.effectKind.recorded)], text: o.reason)
        }
        for o in r.excludes {
            line(&w)
            w.element("exclude", [("submission", o.submission), ("effect", o.effectKind.recorded)], text: o.reason)
        }
        close(&w)
        let reviews = reviewsBySubmission(r.scoring)
        let selected = Set(r.selected)
        let included = Set(r.includes.map(\.submission))
        let excluded = Set(r.excludes.map(\.submission))
        let ranked = Dictionary(uniqueKeysWithValues: r.ranked.map { ($0.id, $0) })
        let shortlist = Set(r.shortlist)
        let all = shortlist.union(included).union(excluded.intersection(shortlist)).sorted(by: byteOrder)
        line(&w)
        w.start("candidates", [("considered", String(all.count)), ("selected", String(r.selected.count))])
        for id in all {
            line(&w)
            var a: [(String, String?)] = [("id", id)]
            if let c = ranked[id] {
                a += [("rank", String(c.rank)), ("score", num(c.score)), ("raw-mean", num(c.rawMean)),
                      ("reviews", String(c.reviews))]
            } else if !excluded.contains(id) {
                a += [("reviews", "0"), ("ranked", "no")]
            }
            a += [("shortlisted", yes(shortlist.contains(id))), ("selected", yes(selected.contains(id))),
                  ("included", included.contains(id) ? "yes" : nil), ("excluded", excluded.contains(id) ? "yes" : nil)]
            let rs = excluded.contains(id) ? [] : (reviews[id] ?? [])
            if rs.isEmpty { w.empty("candidate", a); continue }
            w.start("candidate", a)
            for x in rs { review(x, submission: false, into: &w) }
            close(&w)
        }
        close(&w)
        otherReviews(r.scoring, candidates: Set(all), into: &w)
    }
}

/// One file of `<manuscript>/rounds/`: `NNN-<round>.xml`.
public struct RecordFile: Hashable, Sendable {
    public var number: Int
    public var round: String
    /// As printed: the manuscript folder as given, then `rounds/NNN-<round>.xml`.
    public var path: String
    /// Relative to the manuscript folder.
    public var relativePath: String

    public init(number: Int, round: String, path: String, relativePath: String) {
        self.number = number
        self.round = round
        self.path = path
        self.relativePath = relativePath
    }
}
