import Assignment
import ManuscriptModel
import Messages
import Testing
@testable import Selection

/// A small seeded generator, so every random instance can be replayed.
typealias SeededGenerator = SplitMix64

/// Every subset of exactly `count` items, checked against every row: the best total, and the
/// lexicographically first best subset in item order (what `ExactSelector` promises to return).
/// For ascending index lists of one size, lexicographic precedence means "holds the earliest
/// item where the two differ".
func bruteForce(_ p: ExactSelector) -> (objective: Double, chosen: [Int])? {
    let n = p.scores.count
    var feasible: [(Double, [Int])] = []
    for mask in 0..<(1 << n) where mask.nonzeroBitCount == p.count {
        let chosen = (0..<n).filter { mask & (1 << $0) != 0 }
        let set = Set(chosen)
        guard p.forced.isSubset(of: set) else { continue }
        let ok = p.rows.allSatisfy { row in
            let k = row.members.count { set.contains($0) }
            return k >= (row.min ?? 0) && k <= (row.max ?? Int.max)
        }
        if ok { feasible.append((chosen.reduce(0.0) { $0 + p.scores[$1] }, chosen)) }
    }
    guard let best = feasible.map(\.0).max() else { return nil }
    let first = feasible.filter { $0.0 >= best - p.tieTolerance }.map(\.1).min { $0.lexicographicallyPrecedes($1) }!
    return (best, first)
}

@Suite struct ExactSelectorTests {
    @Test func matchesBruteForceOnRandomInstances() {
        var rng = SeededGenerator(seed: 20240615)
        var feasible = 0, infeasible = 0
        for instance in 0..<400 {
            let n = Int.random(in: 1...11, using: &rng)
            let count = Int.random(in: 0...n, using: &rng)
            // Half-point scores make exact ties common, so the tie rule is exercised.
            let scores = (0..<n).map { _ in Double(Int.random(in: 0...20, using: &rng)) / 2 }
            let field = (0..<n).map { _ in Int.random(in: 0..<3, using: &rng) }
            let kind = (0..<n).map { _ in Int.random(in: 0..<2, using: &rng) }
            var rows: [QuotaConstraint] = []
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                let byField = Bool.random(using: &rng)
                let v = Int.random(in: 0..<(byField ? 3 : 2), using: &rng)
                let members = (0..<n).filter { (byField ? field[$0] : kind[$0]) == v }
                let mn: Int? = Bool.random(using: &rng) ? Int.random(in: 0...3, using: &rng) : nil
                let mx: Int? = Bool.random(using: &rng) ? Int.random(in: 0...4, using: &rng) : nil
                rows.append(QuotaConstraint(members: members, min: mn, max: mx))
            }
            let forced = Set((0..<n).filter { _ in Int.random(in: 0..<8, using: &rng) == 0 })
            let p = ExactSelector(scores: scores, count: count, rows: rows, forced: forced)
            let expected = bruteForce(p)
            switch p.solve() {
            case .infeasible:
                #expect(expected == nil, "instance \(instance): solver says infeasible, brute force found one")
                infeasible += 1
                if expected == nil {
                    // The minimal conflict is itself infeasible, and dropping any one row of it makes it feasible.
                    let core = p.minimalConflict()
                    #expect(!p.isFeasible(rows: core), "instance \(instance)")
                    for k in core.indices {
                        var less = core
                        less.remove(at: k)
                        #expect(p.isFeasible(rows: less), "instance \(instance): conflict not minimal")
                    }
                }
            case .optimal(let chosen, let objective, _):
                feasible += 1
                guard let expected else {
                    Issue.record("instance \(instance): solver found a selection, brute force none")
                    continue
                }
                #expect(abs(objective - expected.objective) < 1e-9, "instance \(instance)")
                #expect(chosen == expected.chosen, "instance \(instance): not the best-ranked optimal set")
                let set = Set(chosen)
                #expect(chosen.count == count)
                #expect(forced.isSubset(of: set))
                for row in rows {
                    let k = row.members.count { set.contains($0) }
                    #expect(k >= (row.min ?? 0) && k <= (row.max ?? Int.max), "instance \(instance): quota broken")
                }
            case .solverFailed(let code):
                Issue.record("instance \(instance): GLPK failed with \(code)")
            }
        }
        // Both outcomes must actually have been exercised.
        #expect(feasible > 100 && infeasible > 30, "feasible \(feasible), infeasible \(infeasible)")
    }

    @Test func tiesGoToTheBetterRanked() {
        // Items 0..3 all score 5; pick 2 with at most one of {0, 1}: best-ranked optimum is {0, 2}.
        let p = ExactSelector(scores: [5, 5, 5, 5], count: 2, rows: [QuotaConstraint(members: [0, 1], min: nil, max: 1)])
        #expect(p.solve() == .optimal(chosen: [0, 2], objective: 10, solves: p.solve().solves))
    }
}

extension ExactSelector.Outcome {
    var solves: Int { if case .optimal(_, _, let s) = self { s } else { 0 } }
}

@Suite struct OptimizeRoundTests {
    static func plan(count: Int, quotas: [Quota], includes: [Override] = [], excludes: [Override] = []) -> [Round] {
        [Fx.rankRound(keep: 100),
         Round(id: "final", type: .optimize, count: count, quotas: quotas, includes: includes, excludes: excludes,
               location: SourceLocation(path: "selection.xml", line: 7, column: 3))]
    }

    static func quota(_ d: QuotaDimension, _ v: String?, min: Int? = nil, max: Int? = nil, line: Int) -> Quota {
        Quota(dimension: d, value: v, min: min, max: max, location: SourceLocation(path: "selection.xml", line: line, column: 5))
    }

    /// Ten candidates scored 10, 9, …, 1; ids S01…S10; S01–S05 in gia-vien, economy; the rest kim-son, culture.
    static func manuscript(rounds: [Round], kinds: [SubmissionKind]? = nil) -> Manuscript {
        var subs: [Submission] = []
        var reviews: [Review] = []
        for i in 1...10 {
            let id = "S" + (i < 10 ? "0\(i)" : "\(i)")
            subs.append(Fx.submission(id, kind: kinds?[i - 1] ?? .model, field: i <= 5 ? "economy" : "culture",
                                      district: i <= 5 ? "gia-vien" : "kim-son", unit: i % 2 == 0 ? "Đội A" : "Đội \(i)"))
            reviews.append(Fx.review("R1", id, [Double(11 - i)]))
        }
        return Fx.manuscript(submissions: subs, reviewers: [Fx.reviewer("R1")], reviews: reviews, rounds: rounds)
    }

    @Test func quotasWithoutValueApplyToEveryValue() throws {
        // At least 2 of every field; at most 1 per unit ("Đội A" holds S02, S04, S06, S08, S10).
        let m = Self.manuscript(rounds: Self.plan(count: 4, quotas: [
            Self.quota(.field, nil, min: 2, line: 8), Self.quota(.unit, nil, max: 1, line: 9),
        ]))
        let run = try Selection.run(m)
        guard case .optimize(let r) = run.rounds[1] else { Issue.record("no optimize"); return }
        // Scores S01 10 … S10 1. Two per field, one Đội A entry at most. Taking S02 (9, Đội A) leaves
        // culture S07 (4) + S09 (2): 10 + 9 + 4 + 2 = 25. Leaving Đội A to culture's best, S06 (5), gives
        // S01 + S03 + S06 + S07 = 10 + 8 + 5 + 4 = 27, the optimum.
        #expect(r.selected == ["S01", "S03", "S06", "S07"])
        #expect(r.objective == 10 + 8 + 5 + 4)
        let fill = Language.$current.withValue(.en) {
            Dictionary(r.quotas.map { ($0.quota.labelMessage.text(), $0.filled) }, uniquingKeysWith: { a, _ in a })
        }
        #expect(fill["field economy"] == 2 && fill["field culture"] == 2)
        #expect(fill["unit \"Đội A\""] == 1)
        let book = try #require(Selection.bookSelection(from: run, record: "rounds/002-final.xml"))
        #expect(book.entries.map(\.submission) == r.selected)
        #expect(book.entries.map(\.rank) == [1, 3, 6, 7])
        #expect(book.objective == 27)
        #expect(book.rounds.map(\.passed) == [10, 4])
    }

    @Test func includesAndExcludes() throws {
        let inc = Override(submission: "S10", reason: "Điển hình đặc biệt", location: SourceLocation(path: "selection.xml", line: 10))
        let exc = Override(submission: "S01", reason: "Trùng lặp", location: SourceLocation(path: "selection.xml", line: 11))
        let m = Self.manuscript(rounds: Self.plan(count: 3, quotas: [], includes: [inc], excludes: [exc]))
        guard case .optimize(let r) = try Selection.run(m).rounds[1] else { Issue.record("no optimize"); return }
        #expect(r.selected == ["S02", "S03", "S10"])
        #expect(r.includes[0].reason == "Điển hình đặc biệt")
    }

    @Test func ineligibleIncludeNamesTheRule() throws {
        var m = Self.manuscript(rounds: [])
        m.submissions[9].endorsement = nil
        let screen = Round(id: "eligibility", type: .screen,
                           requirements: [Requirement(rule: .hasEndorsement, location: Fx.here)], location: Fx.here)
        let inc = Override(submission: "S10", reason: "x", location: SourceLocation(path: "selection.xml", line: 10, column: 5))
        m.selection = SelectionPlan(rounds: [screen] + Self.plan(count: 3, quotas: [], includes: [inc]))
        let error = #expect(throws: SelectionError.self) { try Selection.run(m) }
        #expect(error?.findings.first?.formatted(in: .en)
            == "selection.xml:10:5: error: include names S10, which is not eligible: it fails has-endorsement")
        #expect(error?.findings.first?.formatted(in: .vi)
            == "selection.xml:10:5: lỗi: quyết định đưa vào ghi S10, nhưng hồ sơ này không đạt điều kiện: không đạt has-endorsement")
    }

    @Test func countingFindsTooFewCandidatesForAMinimum() throws {
        let m = Self.manuscript(rounds: Self.plan(count: 9, quotas: [Self.quota(.district, "kim-son", min: 8, line: 8)]))
        let error = #expect(throws: SelectionError.self) { try Selection.run(m) }
        #expect(error?.findings.map { $0.formatted(in: .en) }
            == ["selection.xml:8:5: error: district kim-son needs at least 8 but only 5 candidates on the shortlist belong to it"])
        #expect(error?.findings.map { $0.formatted(in: .vi) }
            == ["selection.xml:8:5: lỗi: huyện kim-son cần ít nhất 8 hồ sơ nhưng danh sách rút gọn chỉ có 5 hồ sơ thuộc chỉ tiêu này"])
    }

    @Test func districtQuotaWithoutValueCoversEveryDistrictOfTheFile() throws {
        // districts.xml lists province too, which has no candidate: a minimum for every district cannot hold.
        let m = Self.manuscript(rounds: Self.plan(count: 4, quotas: [Self.quota(.district, nil, min: 1, line: 8)]))
        let error = #expect(throws: SelectionError.self) { try Selection.run(m) }
        #expect(error?.findings.map { $0.message.text(in: .en) }
            == ["district province needs at least 1 but only 0 candidates on the shortlist belong to it"])
    }

    @Test func sumOfMinimumsAboveCount() throws {
        let m = Self.manuscript(rounds: Self.plan(count: 5, quotas: [
            Self.quota(.field, "economy", min: 3, line: 8), Self.quota(.field, "culture", min: 3, line: 9),
        ]))
        let error = #expect(throws: SelectionError.self) { try Selection.run(m) }
        #expect(error?.findings.first?.message.text(in: .en)
            == "the field quotas need at least 6 entries in all, more than the 5 round final selects")
        #expect(error?.findings.first?.message.text(in: .vi)
            == "các chỉ tiêu theo lĩnh vực cộng lại cần ít nhất 6 hồ sơ, nhiều hơn 5 hồ sơ mà vòng final chọn")
        #expect(error?.findings.first?.notes.map { $0.message.text(in: .vi) } == ["một chỉ tiêu theo lĩnh vực", "một chỉ tiêu theo lĩnh vực"])
        #expect(error?.findings.first?.notes.compactMap(\.location?.line) == [8, 9])
    }

    @Test func clashOnlyTheSolverSeesNamesTheQuotasInvolved() throws {
        // 4 entries, at least 3 economy and at least 3 examples; only S05 is both economy and example.
        let kinds: [SubmissionKind] = [.model, .model, .model, .model, .example, .example, .example, .model, .model, .model]
        let m = Self.manuscript(rounds: Self.plan(count: 4, quotas: [
            Self.quota(.district, "gia-vien", max: 4, line: 8),
            Self.quota(.field, "economy", min: 3, line: 9),
            Self.quota(.kind, "example", min: 3, line: 10),
        ]), kinds: kinds)
        let error = #expect(throws: SelectionError.self) { try Selection.run(m) }
        let f = try #require(error?.findings.first)
        #expect(f.formatted(in: .en).hasPrefix("selection.xml:7:3: error: the quotas of round final cannot all hold when selecting exactly 4"))
        #expect(f.notes.map { $0.message.text(in: .en) } == ["field economy: at least 3", "kind example: at least 3"])
        #expect(f.notes.map { $0.message.text(in: .vi) } == ["lĩnh vực economy: tối thiểu 3", "loại hình example: tối thiểu 3"])
        #expect(f.notes.compactMap(\.location?.line) == [9, 10])
    }
}
