import Testing
@testable import Assignment
import ManuscriptModel

// MARK: An independent brute force

/// Small random instances: districts a, b, c and province, five unit names, some declared
/// conflicts, sometimes an earlier assignment to keep.
struct Instance {
    var request: AssignmentRequest
    var declaredPairs: Set<[String]>

    init(seed: UInt64) {
        var rng = SplitMix64(seed: seed &* 7919 &+ 17)
        let districts = ["a", "b", "c", "province"]
        let units = ["Hội Nông dân", "Đoàn  Thanh niên", "Công an", "Hội Phụ nữ", "Mặt trận"]
        let m = 2 + rng.below(3)
        let n = 1 + rng.below(5)
        let reviewers = (0..<m).map { i in
            Reviewer(id: "R\(i + 1)", district: districts[rng.below(4)], unit: units[rng.below(5)], name: "R\(i + 1)")
        }
        let pool = (0..<n).map { i in
            PoolCandidate(id: "NB-\(i + 1)", unit: SubmittingUnit(name: units[rng.below(5)].replacingOccurrences(of: "  ", with: " "),
                                                                   level: .commune, district: districts[rng.below(4)]))
        }
        var declared: [DeclaredConflict] = []
        var pairs: Set<[String]> = []
        for r in reviewers {
            for c in pool where rng.below(8) == 0 {
                declared.append(DeclaredConflict(reviewer: r.id, submission: c.id, reason: "", location: SourceLocation(path: "x")))
                pairs.insert([r.id, c.id])
            }
        }
        var existing: [ReviewerAssignment] = []
        if rng.below(3) == 0 {
            for r in reviewers {
                let some = pool.filter { _ in rng.below(4) == 0 }.map(\.id)
                if !some.isEmpty { existing.append(ReviewerAssignment(reviewer: r.id, submissions: some)) }
            }
        }
        request = AssignmentRequest(pool: pool, reviewers: reviewers, declared: DeclaredConflicts(declared),
                                    perCandidate: 1 + rng.below(2), spread: rng.below(3) == 0, seed: rng.next(),
                                    existing: existing)
        declaredPairs = pairs
    }

    /// The conflict rule written out again, from docs/formats.md.
    func conflicted(_ r: Reviewer, _ c: PoolCandidate) -> Bool {
        if declaredPairs.contains([r.id, c.id]) { return true }
        if r.district != "province" && r.district == c.unit.district { return true }
        let collapse = { (s: String) in s.split(separator: " ").joined(separator: " ") }
        return collapse(r.unit) == collapse(c.unit.name)
    }

    func existingPairs() -> Set<[String]> {
        Set(request.existing.flatMap { ra in ra.submissions.map { [ra.reviewer, $0] } })
    }

    struct Best {
        var feasible = false
        var gap = Int.max
        var lowestMax = Int.max
        var highestMin = Int.min
        var leastSquares = Int.max
    }

    /// Every assignment: each candidate takes every possible set of new reviewers.
    func bruteForce() -> Best {
        let rs = request.reviewers, k = request.perCandidate
        let kept = existingPairs()
        var baseLoad = Array(repeating: 0, count: rs.count)
        var options: [[[Int]]] = []
        for c in request.pool {
            let counted = rs.indices.filter { kept.contains([rs[$0].id, c.id]) && !conflicted(rs[$0], c) }
            for r in counted { baseLoad[r] += 1 }
            let used = Set(counted.map { rs[$0].district })
            let free = rs.indices.filter { !kept.contains([rs[$0].id, c.id]) && !conflicted(rs[$0], c) }
            let need = max(0, k - counted.count)
            options.append(subsets(free, need).filter { s in
                guard request.spread else { return true }
                let ds = s.map { rs[$0].district }
                return Set(ds).count == ds.count && used.isDisjoint(with: ds)
            })
        }
        var best = Best()
        var load = baseLoad
        func walk(_ i: Int) {
            if i == options.count {
                let hi = load.max()!, lo = load.min()!
                best.feasible = true
                best.gap = min(best.gap, hi - lo)
                best.lowestMax = min(best.lowestMax, hi)
                best.highestMin = max(best.highestMin, lo)
                best.leastSquares = min(best.leastSquares, load.reduce(0) { $0 + $1 * $1 })
                return
            }
            for s in options[i] {
                for r in s { load[r] += 1 }
                walk(i + 1)
                for r in s { load[r] -= 1 }
            }
        }
        walk(0)
        return best
    }
}

func subsets(_ items: [Int], _ size: Int) -> [[Int]] {
    if size == 0 { return [[]] }
    guard items.count >= size else { return [] }
    let first = items[0], rest = Array(items.dropFirst())
    return subsets(rest, size - 1).map { [first] + $0 } + subsets(rest, size)
}

@Suite struct AssignerTests {
    @Test(arguments: 0..<600)
    func agreesWithBruteForce(_ seed: Int) throws {
        let instance = Instance(seed: UInt64(seed))
        let request = instance.request
        let best = instance.bruteForce()
        let result: Assignment
        do {
            result = try Assigner.assign(request)
        } catch {
            #expect(!best.feasible, "the solver found no assignment, brute force did")
            #expect(!error.shortages.isEmpty)
            return
        }
        #expect(best.feasible, "the solver found an assignment where brute force found none")
        // Optimal balance, each bound proven, and the loads as even as they can be.
        #expect(result.maxLoad - result.minLoad == best.gap)
        #expect(result.lowestPossibleMax == best.lowestMax && result.maxLoad == best.lowestMax)
        #expect(result.highestPossibleMin == best.highestMin && result.minLoad == best.highestMin)
        #expect(result.loads.reduce(0) { $0 + $1 * $1 } == best.leastSquares)
        // Every candidate has exactly K counted reviewers, none with a conflict; spread holds; nothing lost.
        let kept = instance.existingPairs()
        let pairs = Set(result.reviewers.flatMap { ra in ra.submissions.map { [ra.reviewer, $0] } })
        #expect(kept.isSubset(of: pairs))
        for c in request.pool {
            let reviewers = request.reviewers.filter { pairs.contains([$0.id, c.id]) }
            let counted = reviewers.filter { !instance.conflicted($0, c) }
            let needed = max(request.perCandidate, counted.filter { kept.contains([$0.id, c.id]) }.count)
            #expect(counted.count == needed, "\(c.id) has \(counted.count) reviewers")
            for r in reviewers where !kept.contains([r.id, c.id]) {
                #expect(!instance.conflicted(r, c), "\(r.id) was given \(c.id) despite a conflict")
                if request.spread {
                    #expect(counted.filter { $0.district == r.district }.count == 1, "two reviewers of \(c.id) from \(r.district)")
                }
            }
        }
        #expect(result.loads == request.reviewers.map { r in request.pool.filter { pairs.contains([r.id, $0.id]) && !instance.conflicted(r, $0) }.count })
    }

    static func reviewer(_ id: String, _ district: String, unit: String? = nil) -> Reviewer {
        Reviewer(id: id, district: district, unit: unit ?? "Ban Dân vận \(id)", name: id)
    }

    static func candidate(_ id: String, _ district: String, unit: String = "Hội Nông dân xã") -> PoolCandidate {
        PoolCandidate(id: id, unit: SubmittingUnit(name: unit, level: .commune, district: district))
    }

    @Test func infeasibleNamesTheCandidatesAndWhy() throws {
        let reviewers = [Self.reviewer("R1", "kim-son"), Self.reviewer("R2", "kim-son"), Self.reviewer("R3", "gia-vien"),
                         Self.reviewer("R4", "province", unit: "Hội Nông dân xã")]
        let declared = DeclaredConflicts([DeclaredConflict(reviewer: "R3", submission: "NB-2024-0137", reason: "",
                                                           location: SourceLocation(path: "reviews/R3-shortlist.xml"))])
        let pool = [Self.candidate("NB-2024-0137", "kim-son"), Self.candidate("NB-2023-0042", "yen-mo", unit: "Công an"),
                    Self.candidate("NB-2023-0050", "gia-vien", unit: "Công an")]
        let request = AssignmentRequest(pool: pool, reviewers: reviewers, declared: declared, perCandidate: 3)
        let error = try #require(throws: AssignmentInfeasible.self) { try Assigner.assign(request) }
        #expect(error.shortages.map { $0.message.text(in: .en) } == [
            "NB-2024-0137: no reviewer without a conflict (K = 3): 2 work in its district, 1 works in its unit, 1 declared a conflict",
        ])
        var spread = request
        spread.spread = true
        let spreadError = try #require(throws: AssignmentInfeasible.self) { try Assigner.assign(spread) }
        #expect(spreadError.shortages.map { $0.message.text(in: .en) } == [
            "NB-2023-0050: its 3 reviewers without a conflict come from only 2 districts, and --spread allows one reviewer per district (K = 3)",
            "NB-2024-0137: no reviewer without a conflict (K = 3): 2 work in its district, 1 works in its unit, 1 declared a conflict",
        ])
        #expect(spreadError.shortages.map { $0.message.text(in: .vi) } == [
            "NB-2023-0050: 3 người chấm không có xung đột lợi ích với hồ sơ này chỉ thuộc 2 huyện, "
                + "mà --spread chỉ cho mỗi huyện một người chấm (K = 3)",
            "NB-2024-0137: không còn người chấm nào không có xung đột lợi ích (K = 3): 2 người công tác cùng huyện với hồ sơ, "
                + "1 người công tác tại đơn vị gửi hồ sơ, 1 người đã khai có xung đột lợi ích",
        ])
        // Without NB-2024-0137 and the spread, there is one.
        var fine = request
        fine.pool.removeAll { $0.id == "NB-2024-0137" }
        let result = try Assigner.assign(fine)
        // NB-2023-0050 can only have R1, R2 and R4; R3 must then take NB-2023-0042 for a minimum of 1.
        #expect(result.reviewers.filter { $0.submissions.contains("NB-2023-0050") }.map(\.reviewer) == ["R1", "R2", "R4"])
        #expect(result.reviewers[2].submissions == ["NB-2023-0042"])
        #expect(result.loads.sorted() == [1, 1, 2, 2] && result.lowestPossibleMax == 2 && result.highestPossibleMin == 1)
    }

    /// A mid-sized board: 9 districts, 14 reviewers, candidates spread over the districts.
    static func board(candidates: Range<Int>, seed: UInt64) -> (pool: [PoolCandidate], reviewers: [Reviewer]) {
        var rng = SplitMix64(seed: seed)
        let districts = ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "province"]
        let reviewers = (1...14).map { reviewer(String(format: "R%02d", $0), districts[rng.below(districts.count)]) }
        let pool = candidates.map { candidate(String(format: "NB-2024-%04d", $0), districts[rng.below(districts.count)]) }
        return (pool, reviewers)
    }

    @Test func rerunningKeepsEveryEarlierPairAndOnlyAdds() throws {
        let (pool, reviewers) = Self.board(candidates: 0..<60, seed: 3)
        let first = try Assigner.assign(AssignmentRequest(pool: Array(pool.prefix(40)), reviewers: reviewers,
                                                          declared: DeclaredConflicts([]), perCandidate: 3, seed: 1))
        #expect(first.added == 120)
        let second = try Assigner.assign(AssignmentRequest(pool: pool, reviewers: reviewers, declared: DeclaredConflicts([]),
                                                           perCandidate: 3, seed: 1, existing: first.reviewers))
        #expect(second.added == 60)
        for (before, after) in zip(first.reviewers, second.reviewers) {
            #expect(before.reviewer == after.reviewer)
            // The earlier candidates (NB-2024-0000 to 0039) keep exactly their reviewers.
            #expect(after.submissions.filter { $0 < "NB-2024-0040" } == before.submissions)
        }
        for c in pool {
            #expect(second.reviewers.filter { $0.submissions.contains(c.id) }.count == 3)
        }
        #expect(second.maxLoad - second.minLoad == second.lowestPossibleMax - second.highestPossibleMin)
        #expect(second.maxLoad - second.minLoad <= 1)
    }

    @Test func theSeedDecidesAndOnlyTheSeed() throws {
        let (pool, reviewers) = Self.board(candidates: 0..<50, seed: 9)
        func run(_ seed: UInt64) throws -> Assignment {
            try Assigner.assign(AssignmentRequest(pool: pool, reviewers: reviewers, declared: DeclaredConflicts([]),
                                                  perCandidate: 2, spread: true, seed: seed))
        }
        #expect(try run(5) == run(5))
        #expect(try run(5).reviewers == run(5).reviewers)
        let distinct = Set(try (1...4).map { try run($0).reviewers.map(\.submissions) })
        #expect(distinct.count > 1)
        // The pool's order in the request does not matter.
        let shuffled = try Assigner.assign(AssignmentRequest(pool: pool.reversed(), reviewers: reviewers,
                                                             declared: DeclaredConflicts([]), perCandidate: 2, spread: true, seed: 5))
        #expect(shuffled == (try run(5)))
    }
}

@Suite struct WhitespaceTests {
    /// The fast path agrees with the definition (runs of `Character.isWhitespace` become one space,
    /// ends trimmed) on random strings of Vietnamese letters, spaces, tabs, no-break spaces, a
    /// combining mark and CR LF.
    @Test func collapsedAgreesWithTheDefinition() {
        let pieces = ["a", "Đ", "ủ", "ơ", "Z", " ", " ", "\t", "\u{A0}", "\u{301}", "\r\n", "-", "\u{3000}", "x"]
        var rng = SplitMix64(seed: 11)
        for _ in 0..<5000 {
            let s = (0..<rng.below(8)).map { _ in pieces[rng.below(pieces.count)] }.joined()
            #expect(s.whitespaceCollapsed == s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "), "«\(s)»")
        }
        #expect("Ban Dân vận Huyện ủy Kim Sơn".whitespaceCollapsed == "Ban Dân vận Huyện ủy Kim Sơn")
        #expect(" Ban  Dân\tvận ".whitespaceCollapsed == "Ban Dân vận")
    }
}
