import ManuscriptModel
@testable import Selection

/// Manuscripts built in code, small enough to compute every number by hand.
enum Fx {
    static let here = SourceLocation(path: "selection.xml", line: 1, column: 1)

    static func ym(_ s: String) -> YearMonth { YearMonth(iso: s)! }
    static func day(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    static func submission(_ id: String, kind: SubmissionKind = .model, field: String = "economy",
                           district: String = "gia-vien", unit: String? = nil, registered: String = "2024-01-01",
                           start: String = "2022-01", end: String? = "2024-05", words: Int = 400,
                           results: Int? = 1, endorsed: Bool = true, body: [Block]? = nil) -> Submission {
        let text = Array(repeating: "chữ", count: words).joined(separator: " ")
        return Submission(
            id: id, kind: kind, language: "vi", title: [.text("Mô hình \(id)")], field: field,
            unit: SubmittingUnit(name: unit ?? "Đơn vị \(id)", level: .commune, district: district),
            registered: day(registered), period: Period(start: ym(start), end: end.map(ym)),
            people: [Person(role: .lead, name: "Người \(id)")], summary: [.text("Tóm tắt")],
            body: body ?? [.paragraph([.text(text)])],
            results: results.map { n in (0..<n).map { Indicator(key: "k\($0)", unit: nil, value: 1, valueText: "1",
                                                                 baseline: nil, baselineText: nil, label: [.text("x")]) } },
            endorsement: endorsed ? Endorsement(by: "Ban Chỉ đạo", level: "district", date: day("2024-04-02")) : nil,
            attachments: [], location: SourceLocation(path: "submissions/\(id).xml"))
    }

    /// One criterion of weight 1 on 0–10: a review's total is its score.
    static let oneCriterion = Rubric(min: 0, max: 10, criteria: [Criterion(key: "overall", weight: 1, label: "Overall")])

    static func reviewer(_ id: String, district: String = "province", unit: String? = nil) -> Reviewer {
        Reviewer(id: id, district: district, unit: unit ?? "Ban của \(id)", name: "Người \(id)")
    }

    static func review(_ reviewer: String, _ submission: String, _ scores: [Double], round: String = "shortlist",
                       date: String = "2024-06-20", rubric: Rubric = oneCriterion, line: Int = 1) -> Review {
        Review(reviewer: reviewer, round: round, submission: submission, date: day(date),
               scores: zip(rubric.criteria, scores).map { CriterionScore(criterion: $0.key, value: $1) },
               comment: nil, location: SourceLocation(path: "reviews/\(reviewer)-\(round).xml", line: line))
    }

    /// Sheets grouped by (reviewer, round), in that order.
    static func sheets(_ reviews: [Review], conflicts: [DeclaredConflict] = []) -> [ReviewSheet] {
        var keys: [String] = []
        var groups: [String: [Review]] = [:]
        for r in reviews {
            let k = r.reviewer + "|" + r.round
            if groups[k] == nil { keys.append(k) }
            groups[k, default: []].append(r)
        }
        var out = keys.map { k -> ReviewSheet in
            let g = groups[k]!
            return ReviewSheet(reviewer: g[0].reviewer, round: g[0].round, reviews: g, conflicts: [],
                               location: SourceLocation(path: "reviews/\(g[0].reviewer)-\(g[0].round).xml"))
        }
        for c in conflicts {
            out.append(ReviewSheet(reviewer: c.reviewer, round: "other", reviews: [], conflicts: [c], location: c.location))
        }
        return out
    }

    static let districts = [District(code: "gia-vien", name: "Gia Viễn"), District(code: "kim-son", name: "Kim Sơn"),
                            District(code: "province", name: "Cấp tỉnh")]
    static let fields = [Field(code: "economy", name: "Kinh tế"), Field(code: "culture", name: "Văn hóa")]

    static func manuscript(submissions: [Submission], reviewers: [Reviewer] = [], reviews: [Review] = [],
                           conflicts: [DeclaredConflict] = [], rounds: [Round], rubric: Rubric = oneCriterion,
                           districts: [District] = districts, fields: [Field] = fields) -> Manuscript {
        Manuscript(root: "manuscript", book: nil, districts: districts, fields: fields, rubric: rubric,
                   reviewers: reviewers, selection: SelectionPlan(rounds: rounds),
                   submissions: submissions.sorted { byteOrder($0.id, $1.id) },
                   reviewSheets: sheets(reviews, conflicts: conflicts), edits: [:],
                   inputDigests: ["selection.xml": String(repeating: "0", count: 64)])
    }

    static func rankRound(_ id: String = "shortlist", keep: Int? = nil, minReviews: Int? = 1,
                          aggregate: Aggregate = .mean) -> Round {
        Round(id: id, type: .rank, keep: keep, minReviews: minReviews, aggregate: aggregate, location: here)
    }
}
