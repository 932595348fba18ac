import Foundation
import ManuscriptModel
import Testing
@testable import Selection

/// Timing on a synthetic province: 10,000 submissions, 40,000 reviews, the sample plan's quotas.
/// Not a test of correctness; runs only with MODELBOOK_BENCH=1 and prints the figures.
@Suite struct Benchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MODELBOOK_BENCH"] == "1"))
    func tenThousandSubmissions() throws {
        var rng = SeededGenerator(seed: 7)
        let districts = (1...9).map { District(code: "d\($0)", name: "Huyện \($0)") } + [District(code: "province", name: "Cấp tỉnh")]
        let fields = ["economy", "culture-society", "defense-security", "political-system"].map { Field(code: $0, name: $0) }
        let rubric = Rubric(min: 0, max: 10, criteria: [
            Criterion(key: "effectiveness", weight: 30, label: ""), Criterion(key: "replicability", weight: 20, label: ""),
            Criterion(key: "participation", weight: 20, label: ""), Criterion(key: "innovation", weight: 15, label: ""),
            Criterion(key: "evidence", weight: 15, label: ""),
        ])
        var subs: [Submission] = []
        for i in 0..<10_000 {
            let id = "NB-\(10000 + i)"
            let d = districts[Int.random(in: 0..<districts.count, using: &rng)].code
            subs.append(Fx.submission(id, kind: Int.random(in: 0..<3, using: &rng) == 0 ? .example : .model,
                                      field: fields[Int.random(in: 0..<4, using: &rng)].code, district: d,
                                      unit: "Đơn vị \(Int.random(in: 0..<4000, using: &rng))",
                                      words: Int.random(in: 250...600, using: &rng), endorsed: Int.random(in: 0..<10, using: &rng) > 0))
        }
        let reviewers = (0..<60).map { Fx.reviewer("R\($0)", district: districts[$0 % districts.count].code) }
        var reviews: [Review] = []
        for s in subs {
            let quality = Double.random(in: 3...9, using: &rng)
            for _ in 0..<4 {
                let r = reviewers[Int.random(in: 0..<reviewers.count, using: &rng)]
                let scores = (0..<5).map { _ in min(10, max(0, (quality + Double.random(in: -1.5...1.5, using: &rng)) * 2).rounded() / 2) }
                reviews.append(Fx.review(r.id, s.id, scores, rubric: rubric))
            }
        }
        // Duplicate reviewer draws for one submission would be same-date duplicates: keep the first.
        var seen = Set<String>()
        reviews = reviews.filter { seen.insert($0.reviewer + "|" + $0.submission).inserted }
        let here = Fx.here
        let q = { (d: QuotaDimension, v: String?, mn: Int?, mx: Int?) in Quota(dimension: d, value: v, min: mn, max: mx, location: here) }
        let rounds = [
            Round(id: "eligibility", type: .screen, requirements: [
                Requirement(rule: .periodWithin(start: Fx.ym("2021-01"), end: Fx.ym("2025-12")), location: here),
                Requirement(rule: .hasEndorsement, location: here), Requirement(rule: .minResults(1), location: here),
                Requirement(rule: .minBodyWords(300), location: here),
            ], location: here),
            Round(id: "shortlist", type: .rank, keep: 200, minReviews: 3, aggregate: .zscore, location: here),
            Round(id: "final", type: .optimize, count: 100, quotas: [
                q(.field, "economy", 20, 35), q(.field, nil, 15, nil), q(.district, nil, 6, 20), q(.kind, "example", 30, nil),
                q(.unit, nil, nil, 2),
            ], location: here),
        ]
        let m = Fx.manuscript(submissions: subs, reviewers: reviewers, reviews: reviews, rounds: rounds, rubric: rubric,
                              districts: districts, fields: fields)
        let clock = ContinuousClock()
        var pool: ReviewPool?
        let tp = clock.measure { pool = try? ReviewCounting.pool(source: "shortlist", manuscript: m) }
        var sc: RoundScoring?
        let ts = clock.measure { sc = Aggregation.score(pool: pool!, aggregate: .zscore, rubric: rubric) }
        let trel = clock.measure { _ = Reliability.report(pool: sc!.pool, rubric: rubric) }
        let tscreen = clock.measure { _ = Eligibility.screen(round: rounds[0], candidates: subs.map(\.id),
                                                              submissions: Dictionary(uniqueKeysWithValues: subs.map { ($0.id, $0) })) }
        print("BENCH pool \(tp) score \(ts) (reliability \(trel)) screen \(tscreen)")
        var run: SelectionRun?
        let t = clock.measure { run = try? Selection.run(m) }
        guard let run, case .optimize(let final) = run.rounds[2] else { Issue.record("no result"); return }
        let to = clock.measure { _ = try? Optimization.optimize(round: rounds[2], shortlist: run.rounds[1].passed, manuscript: m,
                                                               scoring: final.scoring, failedRules: { _ in [] }) }
        print("BENCH optimize alone \(to)")
        var body = ""
        let tr = clock.measure { body = RoundRecord.body(run.rounds[1], manuscript: m, tool: "bench") }
        let tx = clock.measure { _ = SelectionReport.text(run, manuscript: m) }
        print("BENCH reviews \(reviews.count); select \(t); solves \(final.solves); objective \(final.objective); "
              + "record(rank) \(tr) \(body.utf8.count) bytes; text report \(tx)")
    }
}
