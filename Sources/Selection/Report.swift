import Foundation
import ManuscriptModel
import Messages

/// The `select` report: JSON for machines, tables for editors. Pure: strings in, strings out.
public enum SelectionReport {
    // MARK: JSON

    struct JSONRun: Encodable {
        var rounds: [JSONRound]
        var records: [String]?
    }

    struct JSONDropped: Encodable {
        var submission: String
        var reviewer: String
        var date: String
        var reason: String
    }

    struct JSONRanked: Encodable {
        var id: String
        var score: Double
        var reviews: Int
    }

    struct JSONAlpha: Encodable {
        var criterion: String
        var alpha: Double?

        enum Key: String, CodingKey { case criterion, alpha }

        /// An undefined alpha is written as `null`, not left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(criterion, forKey: .criterion)
            try c.encode(alpha, forKey: .alpha)
        }
    }

    struct JSONQuota: Encodable {
        var dimension: String
        var value: String
        var min: Int?
        var max: Int?
        var available: Int
        var filled: Int
    }

    enum JSONRound: Encodable {
        case screen(ScreenResult)
        case rank(RankResult)
        case optimize(OptimizeResult)

        enum Key: String, CodingKey {
            case id, type, eligible, ineligible, aggregate, ranked, kept, insufficient, selected, objective, status
            case reviewsFrom = "reviews_from", droppedReviews = "dropped_reviews", reliability, quotas
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            switch self {
            case .screen(let r):
                try c.encode(r.round, forKey: .id)
                try c.encode("screen", forKey: .type)
                try c.encode(r.eligible, forKey: .eligible)
                try c.encode(r.ineligible, forKey: .ineligible)
            case .rank(let r):
                try c.encode(r.round, forKey: .id)
                try c.encode("rank", forKey: .type)
                try c.encode(r.aggregate.rawValue, forKey: .aggregate)
                try c.encode(r.ranked.map { JSONRanked(id: $0.id, score: $0.score, reviews: $0.reviews) }, forKey: .ranked)
                try c.encode(r.kept.sorted(by: byteOrder), forKey: .kept)
                try c.encode(r.insufficient.map(\.id), forKey: .insufficient)
                try Self.scoring(r.scoring, &c)
            case .optimize(let r):
                try c.encode(r.round, forKey: .id)
                try c.encode("optimize", forKey: .type)
                try c.encode(r.aggregate.rawValue, forKey: .aggregate)
                try c.encode(r.selected.sorted(by: byteOrder), forKey: .selected)
                try c.encode(r.objective, forKey: .objective)
                try c.encode(r.status, forKey: .status)
                try c.encode(r.quotas.map { JSONQuota(dimension: $0.quota.dimension.rawValue, value: $0.quota.value,
                                                      min: $0.quota.min, max: $0.quota.max, available: $0.available,
                                                      filled: $0.filled) }, forKey: .quotas)
                try Self.scoring(r.scoring, &c)
            }
        }

        static func scoring(_ s: RoundScoring, _ c: inout KeyedEncodingContainer<Key>) throws {
            try c.encodeIfPresent(s.pool.source, forKey: .reviewsFrom)
            try c.encode(s.pool.dropped.map { JSONDropped(submission: $0.submission, reviewer: $0.reviewer,
                                                          date: $0.date.description, reason: $0.dropped!.rawValue) },
                         forKey: .droppedReviews)
            try c.encode(s.reliability.alphas.map { JSONAlpha(criterion: $0.criterion, alpha: $0.alpha) }, forKey: .reliability)
        }
    }

    /// `{"rounds":[…]}` as formats and issue #3 specify: ids sorted where order means nothing, `ranked`
    /// in rank order; extra keys `reviews_from`, `dropped_reviews`, `reliability`, `quotas`, `records`.
    public static func json(_ run: SelectionRun, records: [String]? = nil) -> String {
        let rounds = run.rounds.map { r -> JSONRound in
            switch r {
            case .screen(let x): .screen(x)
            case .rank(let x): .rank(x)
            case .optimize(let x): .optimize(x)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(JSONRun(rounds: rounds, records: records))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: Text

    public struct Options: Sendable {
        /// Ranked candidates shown from the top of each rank round.
        public var top: Int
        /// Flag candidates whose counted totals span more than this (max − min); nil: 30 % of the rubric's range.
        public var flagSpread: Double?
        public init(top: Int = 20, flagSpread: Double? = nil) {
            self.top = top
            self.flagSpread = flagSpread
        }
    }

    /// A statistic in a table cell: three decimals, the language's way.
    static func f(_ x: Double?) -> String { MessageValue.score(x).text(in: Language.current) }

    static func words(_ key: SelectText) -> String { key.text }

    static func yesNo(_ b: Bool) -> String { (b ? CommonText.yes : CommonText.no).text }

    /// `tối ưu` / `optimal` for the status the solver reached; any other status as recorded.
    static func status(_ s: String) -> MessageValue { s == "optimal" ? .message(SelectText.statusOptimal.message) : .text(s) }

    /// A plain table: columns padded by characters; numbers right-aligned.
    static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> [String] {
        var widths = header.map(\.count)
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return right.contains(i) ? pad + c : c + pad
            }.joined(separator: "  ").replacing(/\s+$/, with: "")
        }
        return ["  " + line(header), "  " + line(widths.map { String(repeating: "-", count: $0) })] + rows.map { "  " + line($0) }
    }

    /// The report as text in the current language: a summary table, then each round.
    public static func text(_ run: SelectionRun, manuscript m: Manuscript, options: Options = Options(),
                            records: [String] = []) -> String {
        var out = ReportLines()
        let titles = Dictionary(m.submissions.map { ($0.id, $0.title.plainText.whitespaceCollapsed) }, uniquingKeysWith: { a, _ in a })
        let byID = Dictionary(m.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        out.add(.reportHeading, ["n": .integer(m.submissions.count)])
        out.add(contentsOf: table([.columnRound, .columnType, .columnConsidered, .columnPassed, .columnResult].map(words), run.rounds.map { r in
            let result: String = switch r {
            case .screen(let x):
                SelectText.resultScreen.text(["eligible": .integer(x.eligible.count), "ineligible": .integer(x.ineligible.count)])
            case .rank(let x):
                SelectText.resultRank.text(["ranked": .integer(x.ranked.count), "kept": .integer(x.kept.count),
                                            "few": .integer(x.insufficient.count)])
            case .optimize(let x):
                SelectText.resultOptimize.text(["selected": .integer(x.selected.count), "total": .score(x.objective),
                                                "status": status(x.status)])
            }
            return [r.id, r.type.message.text(), NumberStyle.integer(r.considered.count), NumberStyle.integer(r.passed.count), result]
        }, right: [2, 3]))
        out.add(.scoresRounded)
        var described: [String: String] = [:]  // reviews source + aggregate → round that showed its reliability
        func reliabilityOnce(_ round: String, _ sc: RoundScoring, candidates: Set<String>, into out: inout ReportLines) {
            let key = (sc.pool.source ?? "") + "|" + sc.aggregate.rawValue
            if let earlier = described[key] {
                out.add(.sameReliability, ["round": .text(earlier)])
                return
            }
            described[key] = round
            reliability(sc, candidates: candidates, rubric: m.rubric, options: options, into: &out)
        }
        for r in run.rounds {
            out.add("")
            switch r {
            case .screen(let x):
                out.add(.screenHeading, ["round": .text(x.round), "eligible": .integer(x.eligible.count),
                                         "considered": .integer(x.considered.count)])
                if !x.ineligible.isEmpty {
                    var byRule: [String: Int] = [:]
                    for rules in x.ineligible.values { for rule in rules { byRule[rule, default: 0] += 1 } }
                    out.add(contentsOf: table([words(.columnRule), words(.columnFailedBy)],
                                              byRule.keys.sorted().map { [Eligibility.ruleWords($0), NumberStyle.integer(byRule[$0]!)] }, right: [1]))
                    out.add(.notEligibleHeading)
                    out.add(contentsOf: table([words(.columnSubmission), words(.columnFailedRules)], x.ineligible.keys.sorted(by: byteOrder).map {
                        [$0, Eligibility.ruleWords(x.ineligible[$0]!)]
                    }))
                }
            case .rank(let x):
                out.add(.rankHeading, ["round": .text(x.round), "aggregate": .message(x.aggregate.message),
                                       "source": Explain.source(x.scoring), "min": .integer(x.minReviews),
                                       "keep": x.keep.map(MessageValue.integer) ?? .message(.keepAll)])
                out.explain(x.aggregate.plainWords)
                scoringSummary(x.scoring, into: &out)
                let show = x.ranked.prefix(options.top)
                out.add(.topRanked, ["shown": .integer(show.count), "ranked": .integer(x.ranked.count)])
                out.add(contentsOf: table([.columnRank, .columnSubmission, .columnScore, .columnRawMean, .columnReviews, .columnKept,
                                           .columnTitle].map(words), show.map {
                    [NumberStyle.integer($0.rank), $0.id, f($0.score), f($0.rawMean), NumberStyle.integer($0.reviews),
                     yesNo(x.kept.contains($0.id)), String(titles[$0.id]?.prefix(60) ?? "")]
                }, right: [0, 2, 3, 4]))
                if let keep = x.keep, keep < x.ranked.count, keep > show.count {
                    out.add(.aroundTheCut, ["keep": .integer(keep)])
                    let around = x.ranked[max(0, keep - 3)..<min(x.ranked.count, keep + 3)]
                    out.add(contentsOf: table([.columnRank, .columnSubmission, .columnScore, .columnReviews, .columnKept].map(words), around.map {
                        [NumberStyle.integer($0.rank), $0.id, f($0.score), NumberStyle.integer($0.reviews), yesNo(x.kept.contains($0.id))]
                    }, right: [0, 2, 3]))
                }
                if !x.insufficient.isEmpty {
                    out.add(.notRankedHeading, ["min": .integer(x.minReviews), "n": .integer(x.insufficient.count)])
                    out.add(contentsOf: table([words(.columnSubmission), words(.columnCountedReviews)],
                                              x.insufficient.map { [$0.id, NumberStyle.integer($0.reviews)] }, right: [1]))
                }
                reliabilityOnce(x.round, x.scoring, candidates: Set(x.considered), into: &out)
            case .optimize(let x):
                out.add(.optimizeHeading, ["round": .text(x.round), "selected": .integer(x.selected.count),
                                           "pool": .integer(x.ranked.count + x.unscored.count),
                                           "aggregate": .message(x.aggregate.message), "total": .score(x.objective),
                                           "status": status(x.status)])
                out.explain(x.aggregate.plainWords)
                if x.status == "optimal" { out.explain(.plainOptimal) }
                scoringSummary(x.scoring, into: &out)
                let rank = Dictionary(uniqueKeysWithValues: x.ranked.map { ($0.id, $0) })
                let included = Set(x.includes.map(\.submission))
                for field in m.fields {
                    let entries = x.selected.filter { byID[$0]?.field == field.code }
                    out.add(.fieldCount, ["field": .text(field.name), "code": .text(field.code), "n": .integer(entries.count)])
                    out.add(contentsOf: table([.columnRank, .columnSubmission, .columnScore, .columnKind, .columnDistrict,
                                               .columnTitle].map(words), entries.map { id in
                        [rank[id].map { NumberStyle.integer($0.rank) } ?? "—", id + (included.contains(id) ? " *" : ""),
                         f(rank[id]?.score), byID[id]!.kind.message.text(), byID[id]!.unit.district,
                         String(titles[id]?.prefix(60) ?? "")]
                    }, right: [0, 2]))
                }
                if !included.isEmpty { out.add(.includedMark) }
                out.add(.quotasHeading)
                out.explain(.plainQuota)
                out.add(contentsOf: table([.columnDimension, .columnValue, .columnMin, .columnMax, .columnAvailable, .columnFilled,
                                           .columnWhere].map(words), x.quotas.map { q in
                    [q.quota.dimension.message.text(), q.quota.value, q.quota.min.map { NumberStyle.integer($0) } ?? "",
                     q.quota.max.map { NumberStyle.integer($0) } ?? "", NumberStyle.integer(q.available), NumberStyle.integer(q.filled),
                     "\(q.quota.location.path):\(q.quota.location.line)"]
                }, right: [2, 3, 4, 5]))
                if !x.includes.isEmpty || !x.excludes.isEmpty {
                    out.add(.overridesHeading)
                    out.add(contentsOf: table(["", words(.columnSubmission), words(.columnEffect), words(.columnReason)],
                                              x.includes.map { [words(.overrideInclude), $0.submission, $0.effect, $0.reason] }
                                                  + x.excludes.map { [words(.overrideExclude), $0.submission, $0.effect, $0.reason] }))
                }
                reliabilityOnce(x.round, x.scoring, candidates: Set(x.ranked.map(\.id)), into: &out)
            }
        }
        if !records.isEmpty {
            out.add("")
            out.add(.recordsHeading)
            out.add(contentsOf: records.map { "  " + $0 })
        }
        return out.text
    }

    static func scoringSummary(_ s: RoundScoring, into out: inout ReportLines) {
        let dropped = s.pool.dropped
        let counted = SelectText.reviewsCounted.text(["counted": .integer(s.pool.reviews.count - dropped.count),
                                                      "dropped": .integer(dropped.count)])
        out.add(counted + (s.roundMean.map { SelectText.countedTotals.text(["mean": .score($0), "sd": .score(s.roundSD)]) } ?? ""))
        if s.roundMean != nil { out.explain(.plainStandardDeviation) }
        if !dropped.isEmpty {
            out.add(contentsOf: table([.columnSubmission, .columnReviewer, .columnDate, .columnNotCountedBecause].map(words), dropped.map {
                [$0.submission, $0.reviewer, MessageValue.day($0.date).text(in: Language.current), $0.whyNotCounted ?? ""]
            }))
        }
    }

    static func reliability(_ s: RoundScoring, candidates: Set<String>, rubric: Rubric, options: Options, into out: inout ReportLines) {
        out.add(.reliabilityHeading)
        out.explain(.plainAlpha)
        out.add(contentsOf: table([.columnCriterion, .columnAlpha, .columnUnits, .columnValues].map(words), s.reliability.alphas.map {
            [$0.criterion == "total" ? words(.criterionTotal) : $0.criterion, f($0.alpha),
             NumberStyle.integer($0.pairableUnits), NumberStyle.integer($0.pairableValues)]
        }, right: [1, 2, 3]))
        if s.reliability.alphas.contains(where: { $0.alpha == nil }) {
            out.add(.alphaUndefined)
        }
        out.add(.leniencyHeading)
        let zscore = s.aggregate == .zscore
        out.add(contentsOf: table([.columnReviewer, .columnReviews, .columnMean, .standardDeviation, .columnOffset].map(words)
                                    + [zscore ? words(.columnStandardised) : ""], s.reviewers.map {
            [$0.reviewer, NumberStyle.integer($0.count), f($0.mean), f($0.sd), f($0.offset),
             zscore ? ($0.standardised ? yesNo(true) : SelectText.notStandardised.text(["why": .text($0.keptRaw ?? "")])) : ""]
        }, right: [1, 2, 3, 4]))
        let limit = RoundScoring.spreadLimit(options.flagSpread, rubric: rubric)
        let flagged = s.spreadFlags(candidates: candidates, limit: limit)
        out.add(.disagreement, ["limit": .score(limit), "n": .integer(flagged.count)])
        if !flagged.isEmpty {
            out.add(contentsOf: table([.columnSubmission, .columnReviews, .columnRange, .standardDeviation, .columnScore].map(words), flagged.map {
                [$0.id, NumberStyle.integer($0.reviews), f($0.spreadRange), f($0.spreadSD), f($0.score)]
            }, right: [1, 2, 3, 4]))
        }
    }
}
