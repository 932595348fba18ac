/// One `quota` element of the final round.
struct PlannedQuota: Equatable {
    let dimension: String
    let value: String?
    var min: Int?
    var max: Int?
}

/// The rounds written to selection.xml, worked out on the generated data so that they are feasible.
struct SelectionOutcome {
    var keep: Int
    var minReviews: Int
    var count: Int
    var quotas: [PlannedQuota]
    var include: (submission: Int, reason: String)?
    var exclude: (submission: Int, reason: String)?
    /// Indices of eligible submissions with enough counted reviews, best first.
    var ranked: [Int]
    var shortlist: [Int]
    var eligible: [Bool]
    var countedReviews: [Int]

    func xml(submissions: [GeneratedSubmission]) -> String {
        var w = XMLLines()
        w.open("selection")
        w.comment("Vòng 1: sàng lọc theo điều kiện của Kế hoạch (screening by the plan's conditions).")
        w.open("round", [("id", "eligibility"), ("type", "screen")])
        w.empty("require", [("rule", "period-within"), ("start", "2021-01"), ("end", "2025-12")])
        w.empty("require", [("rule", "has-endorsement")])
        w.empty("require", [("rule", "min-results"), ("count", "1")])
        w.empty("require", [("rule", "min-body-words"), ("count", "300")])
        w.close("round")
        w.comment("Vòng 2: Hội đồng chấm điểm, giữ \(keep) hồ sơ (the board's scores; keep the best \(keep)).")
        w.empty("round", [("id", "shortlist"), ("type", "rank"), ("keep", String(keep)),
                          ("min-reviews", String(minReviews)), ("aggregate", "zscore")])
        w.comment("Vòng 3: chọn \(count) mô hình, điển hình đưa vào sách (the book's \(count) entries).")
        w.open("round", [("id", "final"), ("type", "optimize"), ("count", String(count))])
        for q in quotas {
            w.empty("quota", [("dimension", q.dimension), ("value", q.value), ("min", q.min.map(String.init)),
                              ("max", q.max.map(String.init))])
        }
        if let include { w.leaf("include", [("submission", submissions[include.submission].id)], text: include.reason) }
        if let exclude { w.leaf("exclude", [("submission", submissions[exclude.submission].id)], text: exclude.reason) }
        w.close("round")
        w.close("selection")
        return w.out
    }
}

enum SelectionPlanner {
    static let screenStart = YM(year: 2021, month: 1)
    static let screenEnd = YM(year: 2025, month: 12)

    static func isEligible(_ s: GeneratedSubmission) -> Bool {
        s.periodStart >= screenStart && (s.periodEnd.map { $0 <= screenEnd } ?? true)
            && s.endorsement != nil && (s.indicators?.count ?? 0) >= 1 && s.bodyWords >= 300
    }

    /// Per submission: the zscore aggregate (nil when no counted review) and the number of counted reviews,
    /// following formats.md (conflicts dropped, later date wins, population standard deviations).
    static func aggregate(submissions: [GeneratedSubmission], reviewers: [GeneratedReviewer],
                          plan: ReviewPlan) -> (scores: [Double?], counts: [Int]) {
        let n = submissions.count
        var declared = Set<Int>()
        for c in plan.conflicts { declared.insert(c.submission * 10_000 + c.reviewer) }
        var latest: [Int: Int] = [:]
        for (i, r) in plan.reviews.enumerated() {
            let key = r.submission * 10_000 + r.reviewer
            if reviewers[r.reviewer].conflicts(with: submissions[r.submission]) || declared.contains(key) { continue }
            if let j = latest[key], plan.reviews[j].date >= r.date { continue }
            latest[key] = i
        }
        var counted: [(reviewer: Int, submission: Int, total: Double)] = []
        for (i, r) in plan.reviews.enumerated() where latest[r.submission * 10_000 + r.reviewer] == i {
            counted.append((r.reviewer, r.submission, Rubric.total(r.scores)))
        }
        func meanSD(_ xs: [Double]) -> (Double, Double) {
            let m = xs.reduce(0, +) / Double(xs.count)
            let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count)
            return (m, v.squareRoot())
        }
        let (bigM, bigS) = counted.isEmpty ? (0, 0) : meanSD(counted.map(\.total))
        var byReviewer = [[Double]](repeating: [], count: reviewers.count)
        for c in counted { byReviewer[c.reviewer].append(c.total) }
        let stats = byReviewer.map { $0.count >= 2 ? meanSD($0) : (0, 0) }
        var sums = [Double](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: n)
        for c in counted {
            let (m, sd) = stats[c.reviewer]
            let mapped = byReviewer[c.reviewer].count < 2 || sd == 0 ? c.total : bigM + bigS * (c.total - m) / sd
            sums[c.submission] += mapped
            counts[c.submission] += 1
        }
        return ((0..<n).map { counts[$0] == 0 ? nil : sums[$0] / Double(counts[$0]) }, counts)
    }

    /// The plan for `submissions.count` = n.
    ///
    /// Scaling rule (documented for `GeneratorOptions`): count = max(1, round(n × 100 / 480)), keep = 2 × count,
    /// min-reviews = min(3, reviewsPerSubmission.lowerBound); quotas are those of the 480 sample scaled by
    /// count/100 (minimums rounded down, maximums up; a quota whose bounds vanish is left out): field economy
    /// 20–35, every field min 15, every district 6–20, kind example min 30, every unit max 2.
    /// The plan is then checked on the generated data with a greedy selection (a success proves
    /// feasibility); while it fails, parts are dropped in this order: the include/exclude pair, district
    /// maximum, district minimum, unit maximum, kind minimum, field minimum, the economy quota; last, count
    /// shrinks to the number of candidates.
    static func plan(submissions: [GeneratedSubmission], reviewers: [GeneratedReviewer], reviews: ReviewPlan,
                     minReviews: Int, seed: UInt64) -> SelectionOutcome {
        var rng = Xoshiro256(seed: seed, tag: 4)
        let n = submissions.count
        let eligible = submissions.map(isEligible)
        let (scores, counts) = aggregate(submissions: submissions, reviewers: reviewers, plan: reviews)
        var ranked = (0..<n).filter { eligible[$0] && counts[$0] >= minReviews && scores[$0] != nil }
        ranked.sort { a, b in
            let sa = scores[a]!, sb = scores[b]!
            if sa != sb { return sa > sb }
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            if submissions[a].registered != submissions[b].registered { return submissions[a].registered < submissions[b].registered }
            return submissions[a].id.utf8.lexicographicallyPrecedes(submissions[b].id.utf8)
        }
        let count0 = max(1, (n * 100 + 240) / 480)
        let keep = 2 * count0
        let shortlist = Array(ranked.prefix(keep))

        func scaledMin(_ v: Int) -> Int? { let x = v * count0 / 100; return x > 0 ? x : nil }
        func scaledMax(_ v: Int) -> Int { (v * count0 + 99) / 100 }
        var quotas: [PlannedQuota] = [
            PlannedQuota(dimension: "field", value: "economy", min: scaledMin(20), max: scaledMax(35)),
            PlannedQuota(dimension: "field", value: nil, min: scaledMin(15), max: nil),
            PlannedQuota(dimension: "district", value: nil, min: scaledMin(6), max: scaledMax(20)),
            PlannedQuota(dimension: "kind", value: "example", min: scaledMin(30), max: nil),
            PlannedQuota(dimension: "unit", value: nil, min: nil, max: 2),
        ]
        quotas.removeAll { $0.min == nil && $0.max == nil }

        // Include: an eligible, ranked entry that just missed the shortlist. Exclude: one well inside it.
        var include: (Int, String)? = nil
        if ranked.count > keep + 5 {
            let s = ranked[rng.int((keep + 5)...min(ranked.count - 1, keep + 40))]
            let d = submissions[s].unit.district
            let reason = d.code == "nho-quan"
                ? "Mô hình tiêu biểu ở vùng đồng bào dân tộc Mường; Ban Biên tập đề nghị đưa vào để bảo đảm tính đại diện."
                : d.code == "kim-son"
                ? "Mô hình tiêu biểu của vùng ven biển; Ban Biên tập đề nghị đưa vào để bảo đảm tính đại diện."
                : "Cách làm có nét riêng, chưa có trong các mô hình đã chọn của \(d.code == "province" ? "cấp tỉnh" : d.inSentence); Ban Biên tập đề nghị đưa vào."
            include = (s, reason)
        }
        var exclude: (Int, String)? = nil
        if shortlist.count >= 20 {
            let s = shortlist[rng.int(5...(shortlist.count / 2))]
            exclude = (s, rng.pick(["Đơn vị đề nghị rút hồ sơ để bổ sung, hoàn thiện minh chứng.",
                                    "Mô hình đã được giới thiệu trong ấn phẩm của tỉnh năm 2023; nhường chỗ cho mô hình mới."]))
        }

        let drops: [(inout [PlannedQuota]) -> Void] = [
            { qs in for i in qs.indices where qs[i].dimension == "district" { qs[i].max = nil } },
            { qs in for i in qs.indices where qs[i].dimension == "district" { qs[i].min = nil } },
            { qs in qs.removeAll { $0.dimension == "unit" } },
            { qs in qs.removeAll { $0.dimension == "kind" } },
            { qs in qs.removeAll { $0.dimension == "field" && $0.value == nil } },
            { qs in qs.removeAll { $0.dimension == "field" } },
        ]
        var count = count0
        var step = 0
        var overrides = true
        while true {
            quotas.removeAll { $0.min == nil && $0.max == nil }
            var pool = shortlist
            var forced: [Int] = []
            if overrides {
                if let exclude { pool.removeAll { $0 == exclude.0 } }
                if let include { forced = [include.0] }
            }
            let candidates = forced + pool.filter { !forced.contains($0) }
            count = min(count, candidates.count)
            if count == 0 || greedy(candidates: candidates, forced: forced.count, count: count, quotas: quotas,
                                    submissions: submissions) {
                break
            }
            if overrides && (include != nil || exclude != nil) {
                overrides = false
            } else if step < drops.count {
                drops[step](&quotas)
                step += 1
            } else {
                count = candidates.count
                break
            }
        }
        if !overrides { include = nil; exclude = nil }
        return SelectionOutcome(keep: keep, minReviews: minReviews, count: max(1, count), quotas: quotas,
                                include: include.map { (submission: $0.0, reason: $0.1) },
                                exclude: exclude.map { (submission: $0.0, reason: $0.1) },
                                ranked: ranked, shortlist: shortlist, eligible: eligible, countedReviews: counts)
    }

    static func key(_ s: GeneratedSubmission, _ dimension: String) -> String {
        switch dimension {
        case "field": "field|" + s.field
        case "district": "district|" + s.unit.district.code
        case "kind": "kind|" + s.kind
        default: "unit|" + collapse(s.unit.name)
        }
    }

    /// A greedy selection honouring every quota: first the minimums (the candidate meeting most unmet
    /// minimums, best ranked first), then the best remaining. True when it reaches `count` with all quotas met,
    /// which proves the plan feasible (false proves nothing, but the caller then relaxes the plan).
    /// `candidates` are in rank order after the first `forced` ones, which are always taken.
    static func greedy(candidates: [Int], forced: Int, count: Int, quotas: [PlannedQuota],
                       submissions: [GeneratedSubmission]) -> Bool {
        let dims = ["field", "district", "kind", "unit"]
        let allValues: [String: [String]] = [
            "field": Topics.fields.map(\.code), "district": Places.all.map(\.code), "kind": ["model", "example"],
        ]
        // Every key gets an integer id, so the inner loops only index arrays.
        var ids: [String: Int] = [:]
        func id(_ k: String) -> Int {
            if let i = ids[k] { return i }
            ids[k] = ids.count
            return ids.count - 1
        }
        let keys = candidates.map { c in dims.map { id(key(submissions[c], $0)) } }
        var quotaKeys: [(PlannedQuota, [Int])] = []
        for q in quotas {
            let names = q.value.map { ["\(q.dimension)|\($0)"] } ?? (allValues[q.dimension] ?? []).map { "\(q.dimension)|\($0)" }
            quotaKeys.append((q, names.map(id)))
        }
        var minOf = [Int](repeating: 0, count: ids.count)
        var maxOf = [Int](repeating: Int.max, count: ids.count)
        var dimensionOf = [Int](repeating: -1, count: ids.count)
        for row in keys { for (d, k) in row.enumerated() { dimensionOf[k] = d } }
        var everyMax = [Int](repeating: Int.max, count: dims.count)
        for (q, ks) in quotaKeys {
            for k in ks {
                if let m = q.min { minOf[k] = Swift.max(minOf[k], m) }
                if let m = q.max { maxOf[k] = Swift.min(maxOf[k], m) }
            }
            if q.value == nil, let m = q.max, let d = dims.firstIndex(of: q.dimension) { everyMax[d] = Swift.min(everyMax[d], m) }
        }
        for k in 0..<ids.count where dimensionOf[k] >= 0 { maxOf[k] = Swift.min(maxOf[k], everyMax[dimensionOf[k]]) }
        var taken = [Bool](repeating: false, count: candidates.count)
        var have = [Int](repeating: 0, count: ids.count)
        var unmet = minOf.filter { $0 > 0 }.count
        var total = 0
        func fits(_ i: Int) -> Bool {
            for k in keys[i] where have[k] + 1 > maxOf[k] { return false }
            return true
        }
        func take(_ i: Int) {
            taken[i] = true
            total += 1
            for k in keys[i] {
                have[k] += 1
                if have[k] == minOf[k] { unmet -= 1 }
            }
        }
        for i in 0..<forced {
            guard fits(i) else { return false }
            take(i)
        }
        while unmet > 0 {
            if total >= count { return false }
            var best = -1, bestHelp = 0
            for i in candidates.indices where !taken[i] && fits(i) {
                var help = 0
                for k in keys[i] where have[k] < minOf[k] { help += 1 }
                if help > bestHelp { best = i; bestHelp = help }
                if help == 4 { break }
            }
            if best < 0 { return false }
            take(best)
        }
        for i in candidates.indices where total < count && !taken[i] && fits(i) { take(i) }
        return total == count
    }
}
