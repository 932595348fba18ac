import Foundation
internal import CGLPK

/// One quota constraint on the selection: between `min` and `max` chosen items among `members`.
public struct QuotaConstraint: Hashable, Sendable {
    /// Indices into the problem's items.
    public var members: [Int]
    public var min: Int?
    public var max: Int?
    public init(members: [Int], min: Int?, max: Int?) {
        self.members = members
        self.min = min
        self.max = max
    }
}

/// Choose exactly `count` items maximising the sum of scores under quota rows, with some items forced in.
///
/// Items are given in preference order (index 0 = best rank). Among optimal selections the
/// lexicographically first in that order is returned (see `solve`), so the result never depends on
/// the solver's internal choices.
public struct ExactSelector: Sendable {
    public var scores: [Double]
    public var count: Int
    public var rows: [QuotaConstraint]
    public var forced: Set<Int>

    public init(scores: [Double], count: Int, rows: [QuotaConstraint], forced: Set<Int> = []) {
        self.scores = scores
        self.count = count
        self.rows = rows
        self.forced = forced
    }

    public enum Outcome: Hashable, Sendable {
        /// Chosen indices, ascending; the objective is their score sum; `solves` counts GLPK calls.
        case optimal(chosen: [Int], objective: Double, solves: Int)
        case infeasible
        /// GLPK stopped without an answer (its return code); never expected on these small problems.
        case solverFailed(code: Int32)
    }

    enum Status {
        case solution([Bool])
        case infeasible
        case failed(Int32)
    }

    /// Two selections whose totals differ by less than this are treated as tied.
    public var tieTolerance: Double {
        1e-9 * Swift.max(1, scores.reduce(0) { $0 + abs($1) })
    }

    /// The exact optimum, made deterministic lexicographically.
    ///
    /// Stage 1 solves the 0/1 programme for the best total OPT; a second solve with a cut that
    /// excludes that selection, under Σ score·x ≥ OPT − tolerance, shows whether any other
    /// selection is optimal too. Only then does stage 2 run: it walks the items in
    /// preference order; an item the incumbent leaves out is tried fixed in, under the extra row
    /// Σ score·x ≥ OPT − tolerance: when that is feasible it becomes the incumbent and the item
    /// stays in, else the item is fixed out. Every incumbent meets every row and has a total in
    /// [OPT − tolerance, OPT], so the total is the optimum (up to the tolerance, 1e-9 of Σ|score|,
    /// far below any score difference a reviewer can make), and the selection is the best-ranked
    /// among the optimal ones.
    public func solve() -> Outcome {
        var solves = 1
        let forcedIn = Dictionary(uniqueKeysWithValues: forced.map { ($0, true) })
        let first: [Bool]
        switch glpkSolve(rows: Array(rows.indices), fixed: forcedIn, floor: nil, maximise: true) {
        case .solution(let x): first = x
        case .infeasible: return .infeasible
        case .failed(let code): return .solverFailed(code: code)
        }
        let opt = objective(first)
        let floor = opt - tieTolerance
        // Usually the optimum is unique: one more solve, with a cut that excludes exactly the
        // first solution, proves it (infeasible under the floor), and the walk is not needed.
        solves += 1
        switch glpkSolve(rows: Array(rows.indices), fixed: forcedIn, floor: floor, maximise: true, excluding: first) {
        case .infeasible:
            return .optimal(chosen: first.indices.filter { first[$0] }, objective: opt, solves: solves)
        case .solution: break
        case .failed(let code): return .solverFailed(code: code)
        }
        var incumbent = first
        var fixed: [Int: Bool] = [:]
        for i in forced { fixed[i] = true }
        var fixedIn = forced.count
        for i in scores.indices where fixed[i] == nil {
            if fixedIn == count { break }
            if incumbent[i] {
                fixed[i] = true
                fixedIn += 1
                continue
            }
            var trial = fixed
            trial[i] = true
            solves += 1
            switch glpkSolve(rows: Array(rows.indices), fixed: trial, floor: floor, maximise: true) {
            case .solution(let x):
                incumbent = x
                fixed[i] = true
                fixedIn += 1
            case .infeasible:
                fixed[i] = false
            case .failed(let code):
                return .solverFailed(code: code)
            }
        }
        let chosen = incumbent.indices.filter { incumbent[$0] }
        return .optimal(chosen: chosen, objective: objective(incumbent), solves: solves)
    }

    /// Whether some selection meets the given rows (and count and forced items).
    /// A solver failure counts as feasible, so a deletion filter never blames a row wrongly.
    public func isFeasible(rows active: [Int]) -> Bool {
        if case .infeasible = glpkSolve(rows: active, fixed: Dictionary(uniqueKeysWithValues: forced.map { ($0, true) }),
                                        floor: nil, maximise: false) { return false }
        return true
    }

    /// A minimal set of rows that cannot all hold (with count and forced items), by deletion
    /// filtering: drop each row in turn and keep it dropped while the rest stay infeasible.
    /// Assumes all rows together are infeasible.
    public func minimalConflict() -> [Int] {
        var active = Array(rows.indices)
        var k = 0
        while k < active.count {
            var without = active
            without.remove(at: k)
            if !isFeasible(rows: without) {
                active = without
            } else {
                k += 1
            }
        }
        return active
    }

    func objective(_ x: [Bool]) -> Double {
        var s = 0.0
        for i in x.indices where x[i] { s += scores[i] }
        return s
    }

    /// One GLPK solve of the 0/1 programme. `excluding`, when given, adds the cut
    /// Σ_{i chosen in it} x_i ≤ count − 1, which excludes exactly that selection.
    func glpkSolve(rows active: [Int], fixed: [Int: Bool], floor: Double?, maximise: Bool,
                   excluding: [Bool]? = nil) -> Status {
        let n = scores.count
        if n == 0 { return count == 0 && active.allSatisfy({ (rows[$0].min ?? 0) <= 0 }) ? .solution([]) : .infeasible }
        GLPK.lock.lock()
        defer { GLPK.lock.unlock() }
        // GLPK's terminal state is per thread: silence it on this one (msg_lev is set below too).
        glp_term_out(GLP_OFF)
        guard let lp = glp_create_prob() else { return .failed(-1) }
        defer { glp_delete_prob(lp) }
        glp_set_obj_dir(lp, GLP_MAX)
        glp_add_cols(lp, Int32(n))
        for j in 0..<n {
            let col = Int32(j + 1)
            glp_set_col_kind(lp, col, GLP_BV)
            if let f = fixed[j] {
                glp_set_col_bnds(lp, col, GLP_FX, f ? 1 : 0, f ? 1 : 0)
            }
            glp_set_obj_coef(lp, col, maximise ? scores[j] : 0)
        }
        var matrixRows: [(members: [Int], coef: [Double], type: Int32, lo: Double, hi: Double)] = []
        matrixRows.append((Array(0..<n), Array(repeating: 1, count: n), GLP_FX, Double(count), Double(count)))
        for r in active {
            let row = rows[r]
            let lo = row.min.map(Double.init), hi = row.max.map(Double.init)
            let type: Int32
            switch (lo, hi) {
            case (nil, nil): continue
            case (let l?, nil): type = GLP_LO; _ = l
            case (nil, _?): type = GLP_UP
            case (let l?, let h?): type = l == h ? GLP_FX : (l < h ? GLP_DB : -1)
            }
            if type == -1 { return .infeasible }  // min > max: no selection can meet it
            if row.members.isEmpty {
                if (row.min ?? 0) > 0 { return .infeasible }
                continue
            }
            matrixRows.append((row.members, Array(repeating: 1, count: row.members.count), type, lo ?? 0, hi ?? 0))
        }
        if let floor {
            matrixRows.append((Array(0..<n), scores, GLP_LO, floor, 0))
        }
        if let excluding {
            let members = excluding.indices.filter { excluding[$0] }
            matrixRows.append((members, Array(repeating: 1, count: members.count), GLP_UP, 0, Double(count - 1)))
        }
        glp_add_rows(lp, Int32(matrixRows.count))
        for (k, row) in matrixRows.enumerated() {
            let i = Int32(k + 1)
            glp_set_row_bnds(lp, i, row.type, row.lo, row.hi)
            var ind: [Int32] = [0] + row.members.map { Int32($0 + 1) }
            var val: [Double] = [0] + row.coef
            glp_set_mat_row(lp, i, Int32(row.members.count), &ind, &val)
        }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.presolve = GLP_ON
        parm.msg_lev = GLP_MSG_OFF
        parm.mip_gap = 0
        // Prune only subproblems that cannot beat the incumbent by more than 1e-10 (relative):
        // tighter than GLPK's default 1e-7, so near-equal totals are still told apart.
        parm.tol_obj = 1e-10
        let ret = glp_intopt(lp, &parm)
        if ret == GLP_ENOPFS || ret == GLP_ENOFEAS { return .infeasible }
        guard ret == 0 else { return .failed(ret) }
        let status = glp_mip_status(lp)
        if status == GLP_NOFEAS { return .infeasible }
        guard status == GLP_OPT else { return .failed(status) }
        var x = [Bool](repeating: false, count: n)
        for j in 0..<n { x[j] = glp_mip_col_val(lp, Int32(j + 1)) > 0.5 }
        return .solution(x)
    }
}

enum GLPK {
    /// GLPK keeps per-thread state; one solve at a time keeps it simple and safe.
    static let lock = NSLock()
}
