import ManuscriptModel
import Testing
@testable import Selection

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with missing
/// values: 4 observers × 12 units. Published: nominal 0.743, interval 0.849.
@Suite struct KrippendorffTests {
    static let coders: [[Double?]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
        [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]
    static var units: [[Double]] { (0..<12).map { u in coders.compactMap { $0[u] } } }

    @Test func intervalAlphaMatchesPublishedValue() throws {
        let alpha = try #require(Reliability.krippendorffAlpha(units: Self.units, metric: .interval))
        #expect(abs(alpha - 0.849) < 0.0005)
    }

    @Test func nominalAlphaMatchesPublishedValue() throws {
        let alpha = try #require(Reliability.krippendorffAlpha(units: Self.units, metric: .nominal))
        #expect(abs(alpha - 0.743) < 0.0005)
    }

    @Test func undefinedWithoutVariationOrPairs() {
        #expect(Reliability.krippendorffAlpha(units: [[3, 3], [3, 3]], metric: .interval) == nil)
        #expect(Reliability.krippendorffAlpha(units: [[1], [2]], metric: .interval) == nil)
        #expect(Reliability.krippendorffAlpha(units: [[1, 1], [2, 2]], metric: .interval) == 1)
    }

    /// The same data through reviews: units = submissions, coders = reviewers, per criterion and total.
    @Test func roundReportUsesCountedReviews() throws {
        let rubric = Rubric(min: 0, max: 10, criteria: [Criterion(key: "a", weight: 1, label: ""),
                                                        Criterion(key: "b", weight: 1, label: "")])
        let ids = (1...12).map { "U\($0)" }
        var reviews: [Review] = []
        for (c, row) in Self.coders.enumerated() {
            for (u, v) in row.enumerated() {
                guard let v else { continue }
                // Criterion b equals a, so the total equals a as well.
                reviews.append(Fx.review("C\(c)", ids[u], [v, v], rubric: rubric))
            }
        }
        let m = Fx.manuscript(submissions: ids.map { Fx.submission($0) }, reviewers: (0..<4).map { Fx.reviewer("C\($0)") },
                              reviews: reviews, rounds: [Fx.rankRound()], rubric: rubric)
        guard case .rank(let r) = try Selection.run(m).rounds[0] else { Issue.record("no rank"); return }
        let alphas = r.scoring.reliability.alphas
        #expect(alphas.map(\.criterion) == ["a", "b", "total"])
        for a in alphas {
            #expect(abs(a.alpha! - 0.849) < 0.0005)
            #expect(a.pairableUnits == 11)
            #expect(a.pairableValues == 40)
        }
    }
}
