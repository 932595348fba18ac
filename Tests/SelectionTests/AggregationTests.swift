import ManuscriptModel
import Messages
import Testing
@testable import Selection

@Suite struct AggregateTests {
    @Test func medianOfOddAndEvenCounts() {
        #expect(Statistics.median([7, 1, 4]) == 4)
        #expect(Statistics.median([7, 1, 4, 2]) == 3)  // (2 + 4) / 2
        #expect(Statistics.median([5]) == 5)
    }

    @Test func trimmedMeanDropsExtremesOnlyFromFive() {
        #expect(Statistics.trimmedMean([1, 2, 3, 10]) == 4)          // 4 values: plain mean 16/4
        #expect(Statistics.trimmedMean([1, 2, 3, 4, 10]) == 3)       // drop 1 and 10: (2+3+4)/3
        #expect(Statistics.trimmedMean([5, 5, 1, 9, 5, 5]) == 5)     // drop one 1 and one 9 only
    }

    @Test func populationStandardDeviation() {
        #expect(Statistics.populationSD([2, 4, 4, 4, 5, 5, 7, 9]) == 2)
        #expect(Statistics.populationSD([3]) == 0)
    }

    @Test func reviewTotalIsWeightedMean() {
        let rubric = Rubric(min: 0, max: 10, criteria: [
            Criterion(key: "a", weight: 30, label: ""), Criterion(key: "b", weight: 20, label: ""),
            Criterion(key: "c", weight: 50, label: ""),
        ])
        let scores = [CriterionScore(criterion: "c", value: 6), CriterionScore(criterion: "a", value: 8.5),
                      CriterionScore(criterion: "b", value: 7)]
        // (30·8.5 + 20·7 + 50·6) / 100 = (255 + 140 + 300) / 100
        #expect(ReviewCounting.total(scores, rubric: rubric) == 6.95)
        #expect(ReviewCounting.total(Array(scores.prefix(2)), rubric: rubric) == nil)
    }

    /// Four reviewers, one criterion (total = score):
    /// R1: A 6, B 8, C 10 — mean 8, SD √(8/3); R2: A 5, B 7 — mean 6, SD 1;
    /// R3: C 9 only — one review, raw; R4: A 4, B 4 — all equal, raw.
    /// All counted totals: 6 8 10 5 7 9 4 4: mean 53/8, SD √(35.875/8).
    @Test func zscoreWorkedByHand() throws {
        let subs = ["A", "B", "C"].map { Fx.submission($0) }
        let reviews = [
            Fx.review("R1", "A", [6]), Fx.review("R1", "B", [8]), Fx.review("R1", "C", [10]),
            Fx.review("R2", "A", [5]), Fx.review("R2", "B", [7]),
            Fx.review("R3", "C", [9]),
            Fx.review("R4", "A", [4]), Fx.review("R4", "B", [4]),
        ]
        let m = Fx.manuscript(submissions: subs, reviewers: ["R1", "R2", "R3", "R4"].map { Fx.reviewer($0) },
                              reviews: reviews, rounds: [Fx.rankRound(aggregate: .zscore)])
        let run = try Selection.run(m)
        guard case .rank(let r) = run.rounds[0] else { Issue.record("no rank round"); return }
        let M = 53.0 / 8, S = (35.875 / 8).squareRoot(), sd1 = (8.0 / 3).squareRoot()
        #expect(r.scoring.roundMean == M)
        #expect(abs(r.scoring.roundSD! - S) < 1e-12)
        let a = ((M + (6 - 8) / sd1 * S) + (M + (5 - 6) / 1 * S) + 4) / 3
        let b = ((M + 0 * S) + (M + (7 - 6) / 1 * S) + 4) / 3
        let c = ((M + (10 - 8) / sd1 * S) + 9) / 2
        #expect(abs(r.scoring.scores["A"]!.score! - a) < 1e-12)
        #expect(abs(r.scoring.scores["B"]!.score! - b) < 1e-12)
        #expect(abs(r.scoring.scores["C"]!.score! - c) < 1e-12)
        #expect(r.scoring.scores["A"]!.rawMean == 5)
        let stats = Dictionary(uniqueKeysWithValues: r.scoring.reviewers.map { ($0.reviewer, $0) })
        #expect(stats["R1"]!.standardised && stats["R2"]!.standardised)
        #expect(!stats["R3"]!.standardised && stats["R3"]!.keptRawReason == .fewReviews)
        #expect(!stats["R4"]!.standardised && stats["R4"]!.keptRawReason == .allEqual(4))
        // Recorded in English exactly as before; shown in the reader's language.
        #expect(stats["R4"]!.keptRawReason?.recorded == "all counted totals equal (4.0): raw totals kept")
        #expect(stats["R4"]!.keptRawReason?.message.text(in: .vi) == "mọi phiếu được tính có cùng tổng điểm (4): giữ nguyên tổng điểm gốc")
        #expect(stats["R2"]!.offset == 6 - M)
        // explain shows the same arithmetic, in either language.
        let en = try #require(Language.$current.withValue(.en) { Explain.text("A", run: run, manuscript: m) })
        #expect(en.contains("    R2: reviewer mean 6.000, SD 1.000 over 2 reviews; z = (5.000 − 6.000) / 1.000 = −1.000; "
                            + "mapped = 6.625 + −1.000 × 2.118 = 4.507\n"), "\(en)")
        #expect(en.contains("    R4: all counted totals equal (4): raw totals kept: 4.000\n"), "\(en)")
        let vi = try #require(Language.$current.withValue(.vi) { Explain.text("A", run: run, manuscript: m) })
        #expect(vi.contains("    R2: trung bình của người chấm 6,000, độ lệch chuẩn 1,000, trên 2 phiếu; z = (5,000 − 6,000) / 1,000 = −1,000; "
                            + "quy đổi = 6,625 + −1,000 × 2,118 = 4,507\n"), "\(vi)")
        #expect(vi.contains("    R4: mọi phiếu được tính có cùng tổng điểm (4): giữ nguyên tổng điểm gốc: 4,000\n"), "\(vi)")
        #expect(vi.contains("  (\(SelectText.plainZscore.message.text(in: .vi)))\n"), "\(vi)")
        // c ≈ 8.72 > a, b: C ranks first.
        #expect(r.ranked.map(\.id) == ["C", "B", "A"])
    }

    @Test func zscoreUsesReviewsOfIneligibleSubmissions() throws {
        // X fails the screen but R1's review of it still shapes R1's mean and SD.
        let subs = [Fx.submission("A"), Fx.submission("X", endorsed: false)]
        let reviews = [Fx.review("R1", "A", [6]), Fx.review("R1", "X", [2]), Fx.review("R2", "A", [6])]
        let screen = Round(id: "eligibility", type: .screen,
                           requirements: [Requirement(rule: .hasEndorsement, location: Fx.here)], location: Fx.here)
        let m = Fx.manuscript(submissions: subs, reviewers: [Fx.reviewer("R1"), Fx.reviewer("R2")], reviews: reviews,
                              rounds: [screen, Fx.rankRound(aggregate: .zscore)])
        let run = try Selection.run(m)
        guard case .rank(let r) = run.rounds[1] else { Issue.record("no rank round"); return }
        #expect(r.considered == ["A"])
        // Round totals 6, 2, 6: mean 14/3; R1: mean 4, SD 2, so z(A) = 1; R2 has one review (raw).
        let M = 14.0 / 3, S = Statistics.populationSD([6, 2, 6])
        let expected = ((M + 1 * S) + 6) / 2
        #expect(abs(r.ranked[0].score - expected) < 1e-12)
    }

    @Test func medianAndTrimmedMeanAggregates() throws {
        let subs = [Fx.submission("A"), Fx.submission("B")]
        let rs = ["R1", "R2", "R3", "R4", "R5"]
        let aScores: [Double] = [1, 2, 3, 4, 10]
        let bScores: [Double] = [9, 1, 2, 8]
        var reviews = zip(rs, aScores).map { Fx.review($0, "A", [$1]) }
        reviews += zip(rs, bScores).map { Fx.review($0, "B", [$1]) }
        for (agg, a, b) in [(Aggregate.median, 3.0, 5.0), (.trimmedMean, 3.0, 5.0), (.mean, 4.0, 5.0)] {
            let m = Fx.manuscript(submissions: subs, reviewers: rs.map { Fx.reviewer($0) }, reviews: reviews,
                                  rounds: [Fx.rankRound(aggregate: agg)])
            guard case .rank(let r) = try Selection.run(m).rounds[0] else { Issue.record("no rank round"); return }
            #expect(r.scoring.scores["A"]!.score == a, "\(agg)")
            #expect(r.scoring.scores["B"]!.score == b, "\(agg)")
        }
    }
}

@Suite struct RankingTests {
    @Test func tieBreakChain() throws {
        // All score 7. T3 has three reviews; T-late/T-early two each, registered apart;
        // NB-B and NB-a tie on everything: byte order puts "B" (0x42) before "a" (0x61).
        let subs = [
            Fx.submission("T3"), Fx.submission("T-late", registered: "2024-05-01"),
            Fx.submission("T-early", registered: "2024-02-01"),
            Fx.submission("NB-a", registered: "2024-06-01"), Fx.submission("NB-B", registered: "2024-06-01"),
        ]
        var reviews = ["R1", "R2", "R3"].map { Fx.review($0, "T3", [7]) }
        for id in ["T-late", "T-early", "NB-a", "NB-B"] { reviews += ["R1", "R2"].map { Fx.review($0, id, [7]) } }
        let m = Fx.manuscript(submissions: subs, reviewers: ["R1", "R2", "R3"].map { Fx.reviewer($0) },
                              reviews: reviews, rounds: [Fx.rankRound(keep: 4)])
        guard case .rank(let r) = try Selection.run(m).rounds[0] else { Issue.record("no rank round"); return }
        #expect(r.ranked.map(\.id) == ["T3", "T-early", "T-late", "NB-B", "NB-a"])
        #expect(r.ranked.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(r.kept == ["T3", "T-early", "T-late", "NB-B"])
    }

    @Test func minReviewsListsInsteadOfDropping() throws {
        let subs = ["A", "B", "C"].map { Fx.submission($0) }
        let reviews = [Fx.review("R1", "A", [5]), Fx.review("R2", "A", [5]), Fx.review("R1", "B", [9])]
        let m = Fx.manuscript(submissions: subs, reviewers: [Fx.reviewer("R1"), Fx.reviewer("R2")], reviews: reviews,
                              rounds: [Fx.rankRound(minReviews: 2)])
        guard case .rank(let r) = try Selection.run(m).rounds[0] else { Issue.record("no rank round"); return }
        #expect(r.ranked.map(\.id) == ["A"])
        #expect(r.insufficient == [UnrankedCandidate(id: "B", reviews: 1), UnrankedCandidate(id: "C", reviews: 0)])
    }

    @Test func roundWithoutReviewsUsesLatestEarlierRoundWithSome() throws {
        let subs = ["A", "B"].map { Fx.submission($0) }
        let reviews = [Fx.review("R1", "A", [5], round: "first"), Fx.review("R1", "B", [6], round: "first"),
                       Fx.review("R1", "A", [9], round: "zeroth"), Fx.review("R1", "B", [1], round: "zeroth")]
        let m = Fx.manuscript(submissions: subs, reviewers: [Fx.reviewer("R1")], reviews: reviews,
                              rounds: [Fx.rankRound("zeroth"), Fx.rankRound("first"), Fx.rankRound("second")])
        let run = try Selection.run(m)
        guard case .rank(let r) = run.rounds[2] else { Issue.record("no rank round"); return }
        #expect(r.scoring.pool.source == "first")
        #expect(r.ranked.map(\.id) == ["B", "A"])
        guard case .rank(let z) = run.rounds[0] else { Issue.record("no rank round"); return }
        #expect(z.scoring.pool.source == "zeroth")
    }
}
