import ManuscriptModel

/// Assigns reviewers to candidates exactly, with flows.
///
/// The network: source → candidate (capacity: the reviewers it still needs) → reviewer (capacity 1,
/// only without a conflict and not already assigned; with `spread`, through a node per candidate
/// and district of capacity 1) → sink (capacity: the reviewer's allowed new load).
///
/// Reviewers have no hard limit, so an assignment exists exactly when every candidate, on its own,
/// has enough reviewers (or districts) left: otherwise `AssignmentInfeasible` names each one.
/// Balance (loads are totals: kept pairs plus new ones) is proven by two searches:
/// - the lowest U such that a flow with every reviewer's load ≤ U carries every candidate's need
///   (no assignment has a smaller maximum load);
/// - the highest L such that every reviewer can be brought to a load ≥ L (no assignment has a
///   larger minimum); because reviewers have no upper limit, any flow that gives each reviewer
///   its lower bound can be completed, so that check is one maximum flow.
/// A flow is then built with loads in [L, U]: first the lower bounds, then continued up to U (a
/// path to the sink never takes flow back from a reviewer). Its max − min = U − L is therefore the
/// least possible. When U − L ≥ 2 the loads in between are evened out further: a candidate moves
/// (along a chain of exchanges) from a reviewer with load a to one with load b ≤ a − 2 until no
/// such chain exists, which keeps every load within [L, U].
///
/// The seed orders the candidates and each candidate's reviewers, so it picks among the equally
/// balanced assignments; the same request and seed give the same assignment.
public enum Assigner {
    public static func assign(_ request: AssignmentRequest) throws(AssignmentInfeasible) -> Assignment {
        var problem = Problem(request)
        if !problem.shortages.isEmpty { throw AssignmentInfeasible(shortages: problem.shortages) }
        return problem.solve()
    }
}

private let source = 0
private let sink = 1

struct Problem {
    let request: AssignmentRequest
    let pool: [PoolCandidate]
    let reviewers: [Reviewer]
    /// Counted pairs kept from before, per reviewer (the e_r of the loads).
    var keptLoad: [Int]
    /// Reviewers each candidate still needs.
    var need: [Int]
    var shortages: [Shortage] = []
    var keptConflicts: [KeptConflict] = []
    var network: FlowNetwork
    /// reviewer → sink edge of each reviewer.
    var sinkEdge: [Int] = []
    /// The first node of the reviewers.
    let reviewerBase: Int
    /// Candidate → reviewer edges (direct or through a district node), to read the assignment back:
    /// (candidate, reviewer, edge into the reviewer).
    var pairEdges: [(candidate: Int, reviewer: Int, edge: Int)] = []
    var demand = 0

    init(_ request: AssignmentRequest) {
        self.request = request
        reviewerBase = 2 + request.pool.count
        network = FlowNetwork(nodes: reviewerBase + request.reviewers.count)
        pool = request.pool.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        reviewers = request.reviewers
        let k = request.perCandidate
        let candidateIndex = Dictionary(pool.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let reviewerIndex = Dictionary(reviewers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Earlier pairs: those of known reviewers and pool candidates without a conflict count.
        var assigned = Array(repeating: Set<Int>(), count: pool.count)
        var counted = Array(repeating: [Int](), count: pool.count)
        keptLoad = Array(repeating: 0, count: reviewers.count)
        for ra in request.existing {
            guard let r = reviewerIndex[ra.reviewer] else { continue }
            for id in Set(ra.submissions) {
                guard let c = candidateIndex[id] else { continue }
                assigned[c].insert(r)
                if let conflict = request.conflict(reviewers[r], pool[c]) {
                    keptConflicts.append(KeptConflict(reviewer: ra.reviewer, candidate: id, conflict: conflict))
                } else {
                    counted[c].append(r)
                    keptLoad[r] += 1
                }
            }
        }
        keptConflicts.sort { ($0.candidate, $0.reviewer) < ($1.candidate, $1.reviewer) }
        need = counted.map { max(0, k - $0.count) }

        // Who each candidate may still get, and the shortages.
        var rng = SplitMix64(seed: request.seed)
        var eligible = Array(repeating: [Int](), count: pool.count)
        for (c, candidate) in pool.enumerated() {
            var s = Shortage(candidate: candidate.id, perCandidate: k, alreadyAssigned: counted[c].count, available: 0,
                             availableDistricts: nil, declared: 0, sameDistrict: 0, sameUnit: 0)
            let usedDistricts = Set(counted[c].map { reviewers[$0].district })
            for (r, reviewer) in reviewers.enumerated() where !assigned[c].contains(r) {
                switch request.conflict(reviewer, candidate) {
                case .declared: s.declared += 1
                case .sameDistrict: s.sameDistrict += 1
                case .sameUnit: s.sameUnit += 1
                case nil:
                    if request.spread && usedDistricts.contains(reviewer.district) { continue }
                    eligible[c].append(r)
                }
            }
            s.available = eligible[c].count
            var enough = s.available >= need[c]
            if request.spread {
                let districts = Set(eligible[c].map { reviewers[$0].district }).count
                s.availableDistricts = districts
                enough = enough && districts >= need[c]
            }
            if !enough { shortages.append(s) }
            rng.shuffle(&eligible[c])
        }

        // The network. Nodes: source, sink, candidates, reviewers, then district nodes as needed.
        network.reserveEdges(pool.count + eligible.reduce(0) { $0 + $1.count } + reviewers.count)
        var order = Array(pool.indices)
        rng.shuffle(&order)
        for c in order where need[c] > 0 {
            demand += need[c]
            network.addEdge(source, 2 + c, capacity: need[c])
            if request.spread {
                var byDistrict: [String: [Int]] = [:]
                var districtOrder: [String] = []
                for r in eligible[c] {
                    if byDistrict[reviewers[r].district] == nil { districtOrder.append(reviewers[r].district) }
                    byDistrict[reviewers[r].district, default: []].append(r)
                }
                for d in districtOrder {
                    let members = byDistrict[d]!
                    if members.count == 1 {
                        addPair(c, members[0], from: 2 + c)
                    } else {
                        let node = network.addNode()
                        network.addEdge(2 + c, node, capacity: 1)
                        for r in members { addPair(c, r, from: node) }
                    }
                }
            } else {
                for r in eligible[c] { addPair(c, r, from: 2 + c) }
            }
        }
        sinkEdge = reviewers.indices.map { network.addEdge(reviewerBase + $0, sink, capacity: 0) }
    }

    private mutating func addPair(_ c: Int, _ r: Int, from node: Int) {
        let e = network.addEdge(node, reviewerBase + r, capacity: 1)
        pairEdges.append((c, r, e))
    }

    /// Lets each reviewer take new candidates up to a total load of `load`, and adds flow; returns the flow added.
    private mutating func route(upTo load: Int) -> Int {
        for r in reviewers.indices { network.setCapacity(sinkEdge[r], max(0, load - keptLoad[r])) }
        return network.maxFlow(from: source, to: sink)
    }

    /// Whether every candidate's need can be carried with every reviewer's total load ≤ u.
    mutating func fitsUnder(_ u: Int) -> Bool {
        network.reset()
        return route(upTo: u) == demand
    }

    /// Whether every reviewer can be brought to a total load ≥ l.
    mutating func reaches(_ l: Int) -> Bool {
        network.reset()
        let wanted = reviewers.indices.reduce(0) { $0 + max(0, l - keptLoad[$1]) }
        return route(upTo: l) == wanted
    }

    mutating func solve() -> Assignment {
        let m = max(1, reviewers.count)
        let total = keptLoad.reduce(0, +) + demand
        // U: at least the mean (rounded up) and every kept load; at most what an unbounded flow gives.
        var lo = max((total + m - 1) / m, keptLoad.max() ?? 0)
        if !fitsUnder(lo) {
            var hi = lo + 1
            while !fitsUnder(hi) { hi = lo + 2 * (hi - lo) }
            lo += 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if fitsUnder(mid) { hi = mid } else { lo = mid + 1 }
            }
        }
        let upper = lo
        // L: at most the mean (rounded down); 0 always holds.
        var low = 0, high = total / m
        if reaches(high) {
            low = high
        } else {
            high -= 1
            while low < high {
                let mid = (low + high + 1) / 2
                if reaches(mid) { low = mid } else { high = mid - 1 }
            }
        }
        let lower = low
        // A flow within [lower, upper]: lower bounds first, then continued up to the upper one.
        // Both bounds were shown possible one at a time; together they are too (a polymatroid's
        // bases meet every box that each of its two sides allows). Should that ever fail, the
        // upper bound is raised rather than giving no assignment; the tests compare with brute force.
        network.reset()
        _ = route(upTo: lower)
        var reached = upper
        _ = route(upTo: reached)
        while network.currentFlow(out: source) < demand {
            reached += 1
            _ = route(upTo: reached)
        }
        if upper - lower >= 2 { evenOut() }
        return assignment(lowestMax: upper, highestMin: lower)
    }

    private func load(_ r: Int) -> Int { keptLoad[r] + Int(network.flow[sinkEdge[r]]) }

    /// Moves candidates from more to less loaded reviewers along chains of exchanges while a move
    /// takes a load a and a load b ≤ a − 2 closer together.
    private mutating func evenOut() {
        for r in reviewers.indices { network.setCapacity(sinkEdge[r], Int(Int32.max / 2)) }
        var improved = true
        while improved {
            improved = false
            let byLoad = reviewers.indices.sorted { (load($0), $0) > (load($1), $1) }
            for a in byLoad {
                if let path = cheaperChain(from: a) {
                    network.push(along: path)
                    improved = true
                    break
                }
            }
        }
    }

    /// A residual path from reviewer `a` to a reviewer whose load is at most load(a) − 2, ending
    /// with that reviewer's edge to the sink and starting with `a`'s reverse sink edge (as edges).
    private func cheaperChain(from a: Int) -> [Int]? {
        let la = load(a)
        guard la - (reviewers.indices.map(load).min() ?? la) >= 2 else { return nil }
        var parent = [Int](repeating: -1, count: network.nodeCount)
        var seen = [Bool](repeating: false, count: network.nodeCount)
        let start = reviewerBase + a
        seen[start] = true
        seen[source] = true
        seen[sink] = true
        var queue = [start]
        var best: Int?
        var i = 0
        while i < queue.count {
            let u = queue[i]; i += 1
            if u != start, u >= reviewerBase, u < reviewerBase + reviewers.count {
                let b = u - reviewerBase
                if load(b) <= la - 2, best.map({ load(b) < load($0) }) ?? true { best = b }
            }
            for e in network.edges(from: u) where network.residual(e) > 0 {
                let v = Int(network.to[e])
                if !seen[v] {
                    seen[v] = true
                    parent[v] = e
                    queue.append(v)
                }
            }
        }
        guard let b = best else { return nil }
        var path = [sinkEdge[b]]
        var v = reviewerBase + b
        while v != start {
            let e = parent[v]
            path.append(e)
            v = Int(network.to[e ^ 1])
        }
        path.append(sinkEdge[a] ^ 1)
        return path
    }

    private func assignment(lowestMax: Int, highestMin: Int) -> Assignment {
        var lists = request.existing.reduce(into: [String: Set<String>]()) { $0[$1.reviewer, default: []].formUnion($1.submissions) }
        var added = 0
        for p in pairEdges where network.flow[p.edge] > 0 {
            lists[reviewers[p.reviewer].id, default: []].insert(pool[p.candidate].id)
            added += 1
        }
        var out: [ReviewerAssignment] = reviewers.map {
            ReviewerAssignment(reviewer: $0.id, submissions: (lists.removeValue(forKey: $0.id) ?? []).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        // Earlier pairs of reviewers no longer in reviewers.xml are kept too, after the others.
        for ra in request.existing where lists[ra.reviewer] != nil {
            out.append(ReviewerAssignment(reviewer: ra.reviewer, submissions: lists.removeValue(forKey: ra.reviewer)!.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }))
        }
        return Assignment(reviewers: out, loads: reviewers.indices.map(load), added: added,
                          lowestPossibleMax: lowestMax, highestPossibleMin: highestMin, keptConflicts: keptConflicts)
    }
}
