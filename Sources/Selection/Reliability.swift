import ManuscriptModel

/// Inter-rater reliability: Krippendorff's alpha over counted reviews.
public enum Reliability {
    public enum Metric: String, Sendable, Codable {
        /// δ² = 0 for equal values, 1 otherwise.
        case nominal
        /// δ² = (a − b)².
        case interval
    }

    /// Alpha for one criterion (or `total`) in one round.
    public struct Alpha: Hashable, Sendable, Codable {
        /// A rubric criterion key, or `total`.
        public var criterion: String
        /// nil when undefined: fewer than two pairable values, or no variation at all.
        public var alpha: Double?
        /// Units (submissions) with at least two values.
        public var pairableUnits: Int
        /// Values in those units.
        public var pairableValues: Int
    }

    public struct RoundReport: Hashable, Sendable, Codable {
        /// One per rubric criterion in rubric order, then `total`.
        public var alphas: [Alpha]
    }

    /// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
    /// `units` holds, per unit, the values the coders gave it (missing values simply absent).
    /// Units with fewer than two values are not pairable and are left out.
    ///
    /// alpha = 1 − D_o / D_e, with n the number of pairable values,
    /// D_o = (1/n) Σ_u Σ_{i≠j in u} δ²(v_i, v_j) / (m_u − 1) and
    /// D_e = 1/(n(n−1)) Σ_{i≠j over all n} δ²(v_i, v_j).
    /// For the interval metric Σ_{i≠j} (a_i − a_j)² = 2 m Σ (a_i − ā)², so each sum is linear.
    public static func krippendorffAlpha(units: [[Double]], metric: Metric) -> Double? {
        let pairable = units.filter { $0.count >= 2 }
        let all = pairable.flatMap { $0 }
        let n = Double(all.count)
        guard all.count >= 2 else { return nil }
        func disagreement(_ values: [Double]) -> Double {
            let m = Double(values.count)
            switch metric {
            case .interval:
                let mean = Statistics.mean(values)
                var ss = 0.0
                for v in values { ss += (v - mean) * (v - mean) }
                return 2 * m * ss
            case .nominal:
                var counts: [Double: Double] = [:]
                for v in values { counts[v, default: 0] += 1 }
                return m * m - counts.values.reduce(0) { $0 + $1 * $1 }
            }
        }
        var observed = 0.0
        for u in pairable { observed += disagreement(u) / Double(u.count - 1) }
        let dO = observed / n
        let dE = disagreement(all) / (n * (n - 1))
        guard dE > 0 else { return nil }
        return 1 - dO / dE
    }

    /// Alpha (interval) per criterion and for the totals, over the counted reviews of the pool:
    /// units = submissions, coders = reviewers.
    public static func report(pool: ReviewPool, rubric: Rubric) -> RoundReport {
        var bySubmission: [String: [ReviewOutcome]] = [:]
        for r in pool.reviews where r.counted { bySubmission[r.submission, default: []].append(r) }
        let groups = bySubmission.keys.sorted(by: byteOrder).map { bySubmission[$0]! }
        var alphas: [Alpha] = []
        func alpha(_ name: String, _ value: (ReviewOutcome) -> Double?) -> Alpha {
            let units = groups.map { $0.compactMap(value) }
            let pairable = units.filter { $0.count >= 2 }
            return Alpha(criterion: name, alpha: krippendorffAlpha(units: units, metric: .interval),
                         pairableUnits: pairable.count, pairableValues: pairable.reduce(0) { $0 + $1.count })
        }
        for c in rubric.criteria {
            alphas.append(alpha(c.key) { r in r.scores.first { $0.criterion == c.key }?.value })
        }
        alphas.append(alpha("total") { $0.total })
        return RoundReport(alphas: alphas)
    }
}
