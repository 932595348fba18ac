struct GeneratedReviewer {
    let id: String
    let district: DistrictInfo
    let unit: String
    let name: String
    /// Leniency: added to every score.
    let bias: Double
    /// How strongly the reviewer separates good from weak entries.
    let spread: Double

    /// The conflict rule of formats.md (declared conflicts aside).
    func conflicts(with s: GeneratedSubmission) -> Bool {
        (district.code != Places.province.code && district.code == s.unit.district.code)
            || unit == s.unit.name  // generated names are already whitespace-collapsed
    }
}

func collapse(_ s: String) -> String {
    s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

struct GeneratedReview {
    let reviewer: Int
    let submission: Int
    let date: Day
    let scores: [Double]
    let comment: String?
}

struct DeclaredConflict {
    let reviewer: Int
    let submission: Int
    let reason: String
}

/// The rubric of formats.md: keys, weights, labels.
enum Rubric {
    static let criteria: [(key: String, weight: Double, label: String)] = [
        ("effectiveness", 30, "Hiệu quả, kết quả đạt được"),
        ("replicability", 20, "Khả năng nhân rộng"),
        ("participation", 20, "Sự tham gia của nhân dân"),
        ("innovation", 15, "Tính sáng tạo, đổi mới"),
        ("evidence", 15, "Minh chứng, số liệu"),
    ]

    static func total(_ scores: [Double]) -> Double {
        var sum = 0.0, weights = 0.0
        for (i, c) in criteria.enumerated() {
            sum += c.weight * scores[i]
            weights += c.weight
        }
        return sum / weights
    }

    static func format(_ score: Double) -> String {
        let halves = Int((score * 2).rounded())
        return halves % 2 == 0 ? String(halves / 2) : "\(halves / 2).5"
    }
}

enum ReviewerFactory {
    static func make(count: Int, seed: UInt64) -> [GeneratedReviewer] {
        var rng = Xoshiro256(seed: seed, tag: 2)
        // Province level first, then the districts in the book's order, round and round.
        let order = [Places.province] + Places.districts
        var perDistrict = [Int](repeating: 0, count: order.count)
        var used = Set<String>()
        var result: [GeneratedReviewer] = []
        let width = count > 99 ? 3 : 2
        for i in 0..<count {
            let slot = i % order.count
            let d = order[slot]
            let k = perDistrict[slot]
            perDistrict[slot] += 1
            let units: [String]
            if d.code == Places.province.code {
                units = ["Ban Dân vận Tỉnh ủy Ninh Bình", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Bình",
                         "Văn phòng Tỉnh ủy Ninh Bình", "Sở Nội vụ tỉnh Ninh Bình", "Trường Chính trị tỉnh Ninh Bình",
                         "Báo Ninh Bình", "Ban Tuyên giáo Tỉnh ủy Ninh Bình"]
            } else {
                units = ["Ban Dân vận \(d.partyCommittee) \(d.bare)", "Ủy ban Mặt trận Tổ quốc Việt Nam \(d.inSentence)",
                         "Văn phòng \(d.partyCommittee) \(d.bare)", "Phòng Nội vụ \(d.inSentence)",
                         "Trung tâm Chính trị \(d.inSentence)"]
            }
            let unit = units[k % units.count]
            var name = Names.random(&rng).name
            while used.contains(name) { name = Names.random(&rng).name }
            used.insert(name)
            var id = String(i + 1)
            while id.count < width { id = "0" + id }
            result.append(GeneratedReviewer(
                id: "R\(id)", district: d, unit: unit, name: name,
                bias: rng.double(-1.4, 1.4), spread: rng.double(0.65, 1.35)))
        }
        return result
    }
}

/// Who reviews what, with the realistic irregularities the checker and the selection must handle.
struct ReviewPlan {
    var reviews: [GeneratedReview] = []
    var conflicts: [DeclaredConflict] = []
    /// Submissions meant to end up with fewer than `min-reviews` counted reviews.
    var insufficient: Set<Int> = []

    static let conflictReasons = [
        "Tôi có người thân tham gia mô hình này.",
        "Tôi từng công tác tại đơn vị đề xuất trong giai đoạn thực hiện mô hình.",
        "Tôi là thành viên tổ tư vấn xây dựng mô hình này.",
        "Người được đề xuất là người thân trong gia đình tôi.",
    ]

    static func make(submissions: [GeneratedSubmission], reviewers: [GeneratedReviewer],
                     perSubmission: ClosedRange<Int>, minReviews: Int, seed: UInt64) -> ReviewPlan {
        var rng = Xoshiro256(seed: seed, tag: 3)
        var plan = ReviewPlan()
        let n = submissions.count
        let start = Day(year: 2025, month: 6, day: 2)
        var load = [Int](repeating: 0, count: reviewers.count)

        // About 1% of submissions get one review fewer than the minimum.
        let fewCount = minReviews >= 2 ? (n + 50) / 100 : 0
        for i in rng.sample(Array(0..<n), fewCount) { plan.insufficient.insert(i) }

        var assigned: [[Int]] = []
        for (si, s) in submissions.enumerated() {
            let candidates = rng.shuffled(reviewers.indices.filter { !reviewers[$0].conflicts(with: s) })
            let want = plan.insufficient.contains(si) ? minReviews - 1 : rng.int(perSubmission)
            let position = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
            let chosen = candidates.sorted { (load[$0], position[$0]!) < (load[$1], position[$1]!) }.prefix(want)
            var list: [Int] = []
            for r in chosen {
                load[r] += 1
                list.append(r)
            }
            assigned.append(list)
        }

        func scores(_ r: GeneratedReviewer, _ s: GeneratedSubmission, _ rng: inout Xoshiro256) -> [Double] {
            let evidenceBonus = 0.25 * Double((s.indicators?.count ?? 0) - 2) + (s.attachments.isEmpty ? -0.4 : 0.3)
            return Rubric.criteria.indices.map { c in
                var v = 6.1 + r.bias + r.spread * 1.35 * s.quality + rng.normal() * 0.65
                if c == 4 { v += evidenceBonus }
                if c == 3 { v += 0.3 * rng.normal() }
                return min(10, max(0, (v * 2).rounded() / 2))
            }
        }

        func comment(_ rng: inout Xoshiro256) -> String? {
            rng.chance(0.3) ? rng.pick(Phrases.comments) : nil
        }

        for (si, list) in assigned.enumerated() {
            for r in list {
                let date = start.adding(days: rng.int(0...58))
                plan.reviews.append(GeneratedReview(reviewer: r, submission: si, date: date,
                                                    scores: scores(reviewers[r], submissions[si], &rng), comment: comment(&rng)))
            }
        }

        // Superseded reviews: a reviewer sends a sheet, then corrects one review later.
        let supersededCount = max(1, n / 120)
        let correctable = rng.sample(Array(plan.reviews.indices), min(supersededCount, plan.reviews.count))
        for idx in correctable.sorted() {
            let later = plan.reviews[idx]
            let earlierDate = start.adding(days: rng.int(0...15))
            let laterDate = earlierDate.adding(days: rng.int(3...30))
            plan.reviews[idx] = GeneratedReview(reviewer: later.reviewer, submission: later.submission, date: laterDate,
                                                scores: later.scores, comment: "Chấm lại sau khi đơn vị bổ sung minh chứng.")
            plan.reviews.append(GeneratedReview(reviewer: later.reviewer, submission: later.submission, date: earlierDate,
                                                scores: scores(reviewers[later.reviewer], submissions[later.submission], &rng),
                                                comment: nil))
        }

        // Declared conflicts: some reviewers declare one and (a few of them) still send a score, which is not counted.
        let declaredCount = n >= 20 ? max(1, n / 100) : 0
        var declaredPairs = Set<Int>()
        for _ in 0..<declaredCount {
            for _ in 0..<50 {
                let si = rng.int(0...(n - 1))
                let r = rng.int(0...(reviewers.count - 1))
                let key = si * 10_000 + r
                guard !assigned[si].contains(r), !declaredPairs.contains(key),
                      !reviewers[r].conflicts(with: submissions[si]) else { continue }
                declaredPairs.insert(key)
                plan.conflicts.append(DeclaredConflict(reviewer: r, submission: si, reason: rng.pick(conflictReasons)))
                if rng.chance(0.5) {
                    plan.reviews.append(GeneratedReview(reviewer: r, submission: si, date: start.adding(days: rng.int(0...58)),
                                                        scores: scores(reviewers[r], submissions[si], &rng), comment: nil))
                }
                break
            }
        }

        // A few reviews by a reviewer of the submission's own district: conflicts nobody declared.
        let undeclared = n >= 20 ? max(1, n / 160) : 0
        var undeclaredPairs = Set<Int>()
        for _ in 0..<undeclared {
            for _ in 0..<50 {
                let si = rng.int(0...(n - 1))
                let s = submissions[si]
                let same = reviewers.indices.filter {
                    reviewers[$0].district.code == s.unit.district.code && s.unit.district.code != Places.province.code
                }
                guard !same.isEmpty else { continue }
                let r = rng.pick(same)
                guard !undeclaredPairs.contains(si * 10_000 + r) else { continue }
                undeclaredPairs.insert(si * 10_000 + r)
                plan.reviews.append(GeneratedReview(reviewer: r, submission: si, date: start.adding(days: rng.int(0...58)),
                                                    scores: scores(reviewers[r], s, &rng), comment: nil))
                break
            }
        }
        return plan
    }

    /// One `reviews` file per reviewer, reviews by submission id then date, declared conflicts last.
    func sheet(for r: Int, reviewers: [GeneratedReviewer], submissions: [GeneratedSubmission], round: String) -> String {
        var w = XMLLines()
        w.open("reviews", [("reviewer", reviewers[r].id), ("round", round)])
        let mine = reviews.filter { $0.reviewer == r }.sorted {
            (submissions[$0.submission].id, $0.date) < (submissions[$1.submission].id, $1.date)
        }
        for review in mine {
            w.open("review", [("submission", submissions[review.submission].id), ("date", review.date.iso)])
            for (i, c) in Rubric.criteria.enumerated() {
                w.leaf("score", [("criterion", c.key)], text: Rubric.format(review.scores[i]))
            }
            if let comment = review.comment { w.leaf("comment", text: comment) }
            w.close("review")
        }
        for c in conflicts.filter({ $0.reviewer == r }).sorted(by: { submissions[$0.submission].id < submissions[$1.submission].id }) {
            w.leaf("conflict", [("submission", submissions[c.submission].id)], text: c.reason)
        }
        w.close("reviews")
        return w.out
    }
}
