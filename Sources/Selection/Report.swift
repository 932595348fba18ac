import Foundation
import ManuscriptModel

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

    static func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "—" }

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

    public static func text(_ run: SelectionRun, manuscript m: Manuscript, options: Options = Options(),
                            records: [String] = []) -> String {
        var out: [String] = []
        let titles = Dictionary(m.submissions.map { ($0.id, $0.title.plainText.whitespaceCollapsed) }, uniquingKeysWith: { a, _ in a })
        let byID = Dictionary(m.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        out.append("Selection of \(m.submissions.count) submissions, round by round")
        out += table(["round", "type", "considered", "passed", "result"], run.rounds.map { r in
            let result: String = switch r {
            case .screen(let x): "\(x.eligible.count) eligible, \(x.ineligible.count) not"
            case .rank(let x): "\(x.ranked.count) ranked, \(x.kept.count) kept, \(x.insufficient.count) with too few reviews"
            case .optimize(let x): "\(x.selected.count) selected, total score \(f(x.objective)) (\(x.status))"
            }
            return [r.id, r.type.rawValue, String(r.considered.count), String(r.passed.count), result]
        }, right: [2, 3])
        out.append("  Scores are shown to 3 decimals; the round records hold them unrounded.")
        var described: [String: String] = [:]  // reviews source + aggregate → round that showed its reliability
        func reliabilityOnce(_ round: String, _ sc: RoundScoring, candidates: Set<String>, into out: inout [String]) {
            let key = (sc.pool.source ?? "") + "|" + sc.aggregate.rawValue
            if let earlier = described[key] {
                out.append("  Reliability, leniency and spreads: as in round \(earlier) (the same reviews).")
                return
            }
            described[key] = round
            reliability(sc, candidates: candidates, rubric: m.rubric, options: options, into: &out)
        }
        for r in run.rounds {
            out.append("")
            switch r {
            case .screen(let x):
                out.append("Round \(x.round) (screen): \(x.eligible.count) of \(x.considered.count) eligible")
                if !x.ineligible.isEmpty {
                    var byRule: [String: Int] = [:]
                    for rules in x.ineligible.values { for rule in rules { byRule[rule, default: 0] += 1 } }
                    out += table(["rule", "failed by"], byRule.keys.sorted().map { [$0, String(byRule[$0]!)] }, right: [1])
                    out.append("  Not eligible:")
                    out += table(["submission", "failed rules"], x.ineligible.keys.sorted(by: byteOrder).map {
                        [$0, x.ineligible[$0]!.joined(separator: ", ")]
                    })
                }
            case .rank(let x):
                out.append("Round \(x.round) (rank): aggregate \(x.aggregate.rawValue), reviews of round \(x.scoring.pool.source ?? "none"), "
                           + "min-reviews \(x.minReviews), keep \(x.keep.map(String.init) ?? "all")")
                scoringSummary(x.scoring, into: &out)
                let show = x.ranked.prefix(options.top)
                out.append("  Top \(show.count) of \(x.ranked.count) ranked:")
                out += table(["rank", "submission", "score", "raw mean", "reviews", "kept", "title"], show.map {
                    [String($0.rank), $0.id, f($0.score), f($0.rawMean), String($0.reviews), x.kept.contains($0.id) ? "yes" : "no",
                     String(titles[$0.id]?.prefix(60) ?? "")]
                }, right: [0, 2, 3, 4])
                if let keep = x.keep, keep < x.ranked.count, keep > show.count {
                    out.append("  Around the cut (keep \(keep)):")
                    let around = x.ranked[max(0, keep - 3)..<min(x.ranked.count, keep + 3)]
                    out += table(["rank", "submission", "score", "reviews", "kept"], around.map {
                        [String($0.rank), $0.id, f($0.score), String($0.reviews), x.kept.contains($0.id) ? "yes" : "no"]
                    }, right: [0, 2, 3])
                }
                if !x.insufficient.isEmpty {
                    out.append("  Not ranked, fewer than \(x.minReviews) counted reviews (\(x.insufficient.count)):")
                    out += table(["submission", "counted reviews"], x.insufficient.map { [$0.id, String($0.reviews)] }, right: [1])
                }
                reliabilityOnce(x.round, x.scoring, candidates: Set(x.considered), into: &out)
            case .optimize(let x):
                out.append("Round \(x.round) (optimize): \(x.selected.count) selected from a pool of \(x.ranked.count + x.unscored.count), "
                           + "aggregate \(x.aggregate.rawValue), total score \(f(x.objective)), \(x.status)")
                scoringSummary(x.scoring, into: &out)
                let rank = Dictionary(uniqueKeysWithValues: x.ranked.map { ($0.id, $0) })
                let included = Set(x.includes.map(\.submission))
                for field in m.fields {
                    let entries = x.selected.filter { byID[$0]?.field == field.code }
                    out.append("  \(field.name) (\(field.code)): \(entries.count)")
                    out += table(["rank", "submission", "score", "kind", "district", "title"], entries.map { id in
                        [rank[id].map { String($0.rank) } ?? "—", id + (included.contains(id) ? " *" : ""), f(rank[id]?.score),
                         byID[id]!.kind.rawValue, byID[id]!.unit.district, String(titles[id]?.prefix(60) ?? "")]
                    }, right: [0, 2])
                }
                if !included.isEmpty { out.append("  * included by the editors") }
                out.append("  Quotas:")
                out += table(["dimension", "value", "min", "max", "available", "filled", "where"], x.quotas.map { q in
                    [q.quota.dimension.rawValue, q.quota.value, q.quota.min.map(String.init) ?? "", q.quota.max.map(String.init) ?? "",
                     String(q.available), String(q.filled),
                     "\(q.quota.location.path):\(q.quota.location.line)"]
                }, right: [2, 3, 4, 5])
                if !x.includes.isEmpty || !x.excludes.isEmpty {
                    out.append("  Editors' overrides:")
                    out += table(["", "submission", "effect", "reason"],
                                 x.includes.map { ["include", $0.submission, $0.effect, $0.reason] }
                                     + x.excludes.map { ["exclude", $0.submission, $0.effect, $0.reason] })
                }
                reliabilityOnce(x.round, x.scoring, candidates: Set(x.ranked.map(\.id)), into: &out)
            }
        }
        if !records.isEmpty {
            out.append("")
            out.append("Round records:")
            out += records.map { "  " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func scoringSummary(_ s: RoundScoring, into out: inout [String]) {
        let dropped = s.pool.dropped
        out.append("  Reviews: \(s.pool.reviews.count - dropped.count) counted, \(dropped.count) not counted"
                   + (s.roundMean.map { "; all counted totals: mean \(f($0)), SD \(f(s.roundSD))" } ?? ""))
        if !dropped.isEmpty {
            out += table(["submission", "reviewer", "date", "not counted because"], dropped.map {
                [$0.submission, $0.reviewer, $0.date.description, $0.dropped!.words + ($0.detail.map { " (\($0))" } ?? "")]
            })
        }
    }

    static func reliability(_ s: RoundScoring, candidates: Set<String>, rubric: Rubric, options: Options, into out: inout [String]) {
        out.append("  Reliability (Krippendorff's alpha, interval; units = submissions, coders = reviewers, counted reviews):")
        out += table(["criterion", "alpha", "units", "values"], s.reliability.alphas.map {
            [$0.criterion, f($0.alpha), String($0.pairableUnits), String($0.pairableValues)]
        }, right: [1, 2, 3])
        if s.reliability.alphas.contains(where: { $0.alpha == nil }) {
            out.append("  (— : undefined, no submission has two counted reviews or the values do not vary)")
        }
        out.append("  Reviewer leniency (offset = reviewer's mean total − mean of all counted totals):")
        out += table(["reviewer", "reviews", "mean", "SD", "offset", s.aggregate == .zscore ? "standardised" : ""], s.reviewers.map {
            [$0.reviewer, String($0.count), f($0.mean), f($0.sd), f($0.offset),
             s.aggregate == .zscore ? ($0.standardised ? "yes" : "no: \($0.keptRaw ?? "")") : ""]
        }, right: [1, 2, 3, 4])
        let limit = RoundScoring.spreadLimit(options.flagSpread, rubric: rubric)
        let flagged = s.spreadFlags(candidates: candidates, limit: limit)
        out.append("  Reviewers disagree by more than \(f(limit)) (max − min of counted totals): \(flagged.count)")
        if !flagged.isEmpty {
            out += table(["submission", "reviews", "min–max range", "SD", "score"], flagged.map {
                [$0.id, String($0.reviews), f($0.spreadRange), f($0.spreadSD), f($0.score)]
            }, right: [1, 2, 3, 4])
        }
    }
}
