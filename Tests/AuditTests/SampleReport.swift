import Audit
import Foundation
import ManuscriptModel
import Selection

/// A small, self-consistent report built from hand-chosen values (no Selection run), with a
/// hostile title and Vietnamese text, for the renderer tests.
enum SampleReport {
    static let hostileTitle = "Mô hình <script>alert(1)</script> “Dân vận khéo” \"quoted\" & 'single' </title>"

    static func make() -> AuditReport {
        let rubric = Rubric(min: 0, max: 10, criteria: [
            Criterion(key: "effectiveness", weight: 30, label: "Hiệu quả, kết quả đạt được"),
            Criterion(key: "replicability", weight: 20, label: "Khả năng nhân rộng"),
            Criterion(key: "evidence", weight: 15, label: "Minh chứng, số liệu"),
        ])
        let fields = [Field(code: "economy", name: "Lĩnh vực kinh tế"),
                      Field(code: "culture-society", name: "Lĩnh vực văn hóa – xã hội")]
        let districts = [District(code: "gia-vien", name: "Huyện Gia Viễn"),
                         District(code: "kim-son", name: "Huyện Kim Sơn"),
                         District(code: "province", name: "Cấp tỉnh")]
        let reviewers = ["R1", "R2", "R3", "R4"]
        let titles = ["Đường làng nở hoa", "Ánh sáng đường quê", "Bắc cầu yêu thương", "An toàn giao thông",
                      "Ăn sạch sống khỏe", "Ươm mầm xanh", "Dân biết dân bàn", hostileTitle, "Zalo kết nối",
                      "Ông bà mẫu mực", "Ô nhiễm không còn", "Chợ văn minh"]
        var seed: UInt64 = 42
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double((seed >> 33) % 1000) / 1000
        }
        var reviews: [ReviewOutcome] = []
        var candidates: [AuditReport.Candidate] = []
        for (i, title) in titles.enumerated() {
            let id = "NB-2024-" + String(100 + i)
            let ineligible = i == 10
            var totals: [Double] = []
            for (k, reviewer) in reviewers.enumerated() where !ineligible && !(i == 11 && k > 0) {
                let base = 5 + Double(i % 5) * 0.6 + Double(k) * 0.3
                let scores = rubric.criteria.map { CriterionScore(criterion: $0.key, value: min(10, (base + next() * 3).rounded())) }
                let total = zip(scores, rubric.criteria).map { $0.value * $1.weight }.reduce(0, +) / 65
                let dropped: DropReason? = (i == 3 && k == 2) ? .sameDistrict : nil
                if dropped == nil { totals.append(total) }
                reviews.append(.init(reviewer: reviewer, submission: id, round: "shortlist",
                                     date: CalendarDate(year: 2024, month: 6, day: 10 + k), scores: scores, total: total,
                                     dropped: dropped, detail: dropped == nil ? nil : .district("gia-vien"),
                                     normalised: dropped == nil ? total + Double(k) * 0.1 - 0.15 : nil,
                                     location: SourceLocation(path: "reviews/\(reviewer)-shortlist.xml")))
            }
            let raw = totals.isEmpty ? nil : totals.reduce(0, +) / Double(totals.count)
            let agg = raw.map { $0 + 0.05 }
            candidates.append(AuditReport.Candidate(
                id: id, title: title, field: fields[i % 2].code, district: districts[i % 3].code,
                kind: i % 3 == 0 ? .example : .model, unit: "Ủy ban nhân dân xã \(i % 4)", unitLevel: .commune,
                registered: CalendarDate(year: 2024, month: 3, day: 1 + i), reviews: totals.count + (i == 3 ? 1 : 0),
                countedReviews: totals.count, rawMean: raw, aggregate: i == 11 ? nil : agg, rank: nil,
                spread: totals.count > 1 ? totals.max()! - totals.min()! : nil, outcome: .ineligible, rounds: []))
        }
        // Rank the scored ones, keep 8, select 6 with one left out by a quota and one included.
        let ranked = candidates.filter { $0.aggregate != nil }.sorted { ($0.aggregate!, $1.id) > ($1.aggregate!, $0.id) }
        for (n, c) in ranked.enumerated() {
            let i = candidates.firstIndex { $0.id == c.id }!
            candidates[i].rank = n + 1
        }
        for i in candidates.indices {
            var c = candidates[i]
            if c.id == "NB-2024-110" {
                c.outcome = .ineligible
                c.rounds = [.init(round: "eligibility", passed: false, status: "failed has-endorsement",
                                  detail: "failed has-endorsement, min-results")]
            } else if c.id == "NB-2024-111" {
                c.outcome = .insufficientReviews
                c.rounds = [.init(round: "eligibility", passed: true, status: "eligible"),
                            .init(round: "shortlist", passed: false, status: "1 counted review of 3 needed")]
            } else {
                let rank = c.rank!
                c.rounds = [.init(round: "eligibility", passed: true, status: "eligible")]
                if rank <= 8 {
                    c.rounds.append(.init(round: "shortlist", passed: true, status: "kept (rank \(rank))"))
                    if rank == 2 {
                        c.outcome = .leftOut
                        c.keptOutBy = ["unit \"\(c.unit)\": at most 1 (filled 1)"]
                        c.rounds.append(.init(round: "final", passed: false, status: "left out", detail: c.keptOutBy[0]))
                    } else if rank <= 7 {
                        c.outcome = .selected
                        c.rounds.append(.init(round: "final", passed: true, status: "selected"))
                    } else {
                        c.outcome = .leftOut
                        c.rounds.append(.init(round: "final", passed: false, status: "left out"))
                    }
                } else if rank == 9 {
                    c.outcome = .included
                    c.rounds.append(.init(round: "shortlist", passed: false, status: "not kept (rank 9)"))
                    c.rounds.append(.init(round: "final", passed: true, status: "included",
                                          detail: "Mô hình tiêu biểu cấp tỉnh <b>bold</b>"))
                } else {
                    c.outcome = .notShortlisted
                    c.rounds.append(.init(round: "shortlist", passed: false, status: "not kept (rank \(rank))"))
                }
                if c.id == "NB-2024-101" { c.notes = ["R4 had fewer than two counted reviews: raw total kept"] }
            }
            candidates[i] = c
        }
        let inBook = candidates.filter { $0.outcome.isInBook }
        let reviewerRows = reviewers.enumerated().map { k, id in
            let mine = reviews.filter { $0.reviewer == id && $0.counted }.map { $0.total! }
            let all = reviews.filter(\.counted).map { $0.total! }
            let mean = mine.reduce(0, +) / Double(mine.count)
            let sd = (mine.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(mine.count)).squareRoot()
            return AuditReport.ReviewerRow(
                id: id, name: ["Trần Thị Mai", "Đinh Văn Hùng", "Lê Thị Ánh <i>", "Phạm Ngọc Ước"][k],
                district: districts[k % 3].code, unit: "Ban Dân vận Huyện ủy \(k)",
                leniency: [.init(round: "shortlist", count: mine.count, mean: mean, standardDeviation: sd,
                                 offset: mean - all.reduce(0, +) / Double(all.count))],
                conflicts: k == 2 ? [.init(submission: "NB-2024-103", kind: .district, detail: "district gia-vien"),
                                     .init(submission: "NB-2024-107", kind: .declared, detail: "Tôi công tác tại đơn vị này.")] : [])
        }
        return AuditReport(
            title: "Tuyển tập mô hình “Dân vận khéo”", rubric: rubric, fields: fields, districts: districts,
            rounds: [
                .init(id: "eligibility", type: .screen, considered: 12, passed: 11,
                      failedByRule: [.init(rule: "has-endorsement", count: 1), .init(rule: "min-results", count: 1)], ineligible: 1),
                .init(id: "shortlist", type: .rank, aggregate: .zscore, reviewsFrom: "shortlist", considered: 11, passed: 8,
                      insufficientReviews: 1),
                .init(id: "final", type: .optimize, aggregate: .zscore, reviewsFrom: "shortlist", considered: 9,
                      passed: inBook.count, included: 1),
            ],
            quotas: [
                quota(.field, "economy", min: 2, max: 4, filled: inBook.filter { $0.field == "economy" }.count),
                quota(.field, "culture-society", min: 2, max: nil,
                      filled: inBook.filter { $0.field == "culture-society" }.count),
                quota(.kind, "example", min: 1, max: nil, filled: inBook.filter { $0.kind == .example }.count),
            ],
            reliability: [.init(criterion: "effectiveness", label: "Hiệu quả", alpha: 0.83),
                          .init(criterion: "replicability", label: "Khả năng nhân rộng", alpha: 0.7),
                          .init(criterion: "evidence", label: "Minh chứng", alpha: 0.41),
                          .init(criterion: "total", label: "total", alpha: nil)],
            chain: .init(intact: false, summary: "rounds/003-final.xml does not match its digest",
                         records: [.init(path: "rounds/001-eligibility.xml", round: "eligibility", digest: String(repeating: "ab", count: 32), problem: nil),
                                   .init(path: "rounds/002-shortlist.xml", round: "shortlist", digest: String(repeating: "cd", count: 32), problem: nil),
                                   .init(path: "rounds/003-final.xml", round: "final", digest: nil, problem: "digest does not match <b>")]),
            candidates: candidates, reviews: reviews, reviewers: reviewerRows,
            bookOrder: handSortedBookOrder(inBook, fields: fields, districts: districts))
    }

    static func quota(_ dimension: QuotaDimension, _ value: String, min: Int?, max: Int?, filled: Int) -> QuotaFill {
        QuotaFill(quota: ExpandedQuota(dimension: dimension, value: value, min: min, max: max,
                                       location: SourceLocation(path: "selection.xml"), explicit: true),
                  available: filled + 2, filled: filled)
    }

    /// The book's order for the hand-made report: field, district, title (Vietnamese collation), id.
    static func handSortedBookOrder(_ entries: [AuditReport.Candidate], fields: [Field], districts: [District]) -> [String] {
        let fieldIndex = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.code, $0) })
        let districtIndex = Dictionary(uniqueKeysWithValues: districts.enumerated().map { ($1.code, $0) })
        let vi = Locale(identifier: "vi_VN")
        return entries.sorted { a, b in
            if fieldIndex[a.field]! != fieldIndex[b.field]! { return fieldIndex[a.field]! < fieldIndex[b.field]! }
            if districtIndex[a.district]! != districtIndex[b.district]! { return districtIndex[a.district]! < districtIndex[b.district]! }
            let c = a.title.compare(b.title, options: [], range: nil, locale: vi)
            return c == .orderedSame ? a.id < b.id : c == .orderedAscending
        }.map(\.id)
    }
}
