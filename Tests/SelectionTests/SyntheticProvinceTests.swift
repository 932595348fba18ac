import Foundation
import ManuscriptModel
import ManuscriptReader
import Testing
import XMLKit
@testable import Selection

/// The whole selection on a synthetic province (random submissions and reviews, the sample plan's
/// quotas): the run must succeed, choose exactly `count` entries, meet every quota as counted here
/// from the submissions themselves, and give the same selection when the corpus is written as files
/// and read back. Timing lives in scripts/bench.sh (`make bench`), on 10,000 submissions.
@Suite struct SyntheticProvinceTests {
    static let submissions = 1_000

    @Test func selectionMeetsEveryQuotaAndSurvivesTheFiles() throws {
        let submissions = Self.submissions
        var rng = SeededGenerator(seed: 7)
        let districts = (1...9).map { District(code: "d\($0)", name: "Huyện \($0)") } + [District(code: "province", name: "Cấp tỉnh")]
        let fields = ["economy", "culture-society", "defense-security", "political-system"].map { Field(code: $0, name: $0) }
        let rubric = Rubric(min: 0, max: 10, criteria: [
            Criterion(key: "effectiveness", weight: 30, label: ""), Criterion(key: "replicability", weight: 20, label: ""),
            Criterion(key: "participation", weight: 20, label: ""), Criterion(key: "innovation", weight: 15, label: ""),
            Criterion(key: "evidence", weight: 15, label: ""),
        ])
        var subs: [Submission] = []
        for i in 0..<submissions {
            let id = "NB-\(10000 + i)"
            let d = districts[Int.random(in: 0..<districts.count, using: &rng)].code
            subs.append(Fx.submission(id, kind: Int.random(in: 0..<3, using: &rng) == 0 ? .example : .model,
                                      field: fields[Int.random(in: 0..<4, using: &rng)].code, district: d,
                                      unit: "Đơn vị \(Int.random(in: 0..<4000, using: &rng))",
                                      words: Int.random(in: 250...600, using: &rng), endorsed: Int.random(in: 0..<10, using: &rng) > 0))
        }
        let reviewers = (0..<60).map { Fx.reviewer("R\($0)", district: districts[$0 % districts.count].code) }
        var reviews: [Review] = []
        for s in subs {
            let quality = Double.random(in: 3...9, using: &rng)
            for _ in 0..<4 {
                let r = reviewers[Int.random(in: 0..<reviewers.count, using: &rng)]
                let scores = (0..<5).map { _ in min(10, max(0, (quality + Double.random(in: -1.5...1.5, using: &rng)) * 2).rounded() / 2) }
                reviews.append(Fx.review(r.id, s.id, scores, rubric: rubric))
            }
        }
        // Duplicate reviewer draws for one submission would be same-date duplicates: keep the first.
        var seen = Set<String>()
        reviews = reviews.filter { seen.insert($0.reviewer + "|" + $0.submission).inserted }
        let here = Fx.here
        let q = { (d: QuotaDimension, v: String?, mn: Int?, mx: Int?) in Quota(dimension: d, value: v, min: mn, max: mx, location: here) }
        let rounds = [
            Round(id: "eligibility", type: .screen, requirements: [
                Requirement(rule: .periodWithin(start: Fx.ym("2021-01"), end: Fx.ym("2025-12")), location: here),
                Requirement(rule: .hasEndorsement, location: here), Requirement(rule: .minResults(1), location: here),
                Requirement(rule: .minBodyWords(300), location: here),
            ], location: here),
            Round(id: "shortlist", type: .rank, keep: 200, minReviews: 3, aggregate: .zscore, location: here),
            Round(id: "final", type: .optimize, count: 100, quotas: [
                q(.field, "economy", 20, 35), q(.field, nil, 15, nil), q(.district, nil, 6, 20), q(.kind, "example", 30, nil),
                q(.unit, nil, nil, 2),
            ], location: here),
        ]
        let m = Fx.manuscript(submissions: subs, reviewers: reviewers, reviews: reviews, rounds: rounds, rubric: rubric,
                              districts: districts, fields: fields)
        let run = try Selection.run(m)
        guard case .optimize(let final)? = run.rounds.last else {
            Issue.record("the last round is not the optimize round: \(run.rounds.map(\.id))")
            return
        }
        #expect(final.selected.count == 100)
        #expect(Set(final.selected).count == 100)
        #expect(Set(final.selected).isSubset(of: Set(run.rounds[1].passed)))

        // The quotas, counted from the chosen submissions.
        let byID = Dictionary(uniqueKeysWithValues: subs.map { ($0.id, $0) })
        let chosen = final.selected.map { byID[$0]! }
        let perField = Dictionary(grouping: chosen, by: \.field).mapValues(\.count)
        #expect((20...35).contains(perField["economy"] ?? 0))
        for f in fields { #expect((perField[f.code] ?? 0) >= 15, "field \(f.code)") }
        let perDistrict = Dictionary(grouping: chosen, by: \.unit.district).mapValues(\.count)
        for d in districts { #expect((6...20).contains(perDistrict[d.code] ?? 0), "district \(d.code)") }
        #expect(chosen.count { $0.kind == .example } >= 30)
        let perUnit = Dictionary(grouping: chosen, by: \.unit.name).mapValues(\.count)
        #expect(perUnit.values.allSatisfy { $0 <= 2 })

        // The same corpus as files, read by the reader: the same selection.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("modelbook-province-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ProvinceCorpus.write(m, to: dir)
        let read = ManuscriptReader.read(folder: dir)
        let errors = read.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(5).map(\.formatted))")
        let fromFiles = try Selection.run(read.manuscript)
        guard case .optimize(let f2)? = fromFiles.rounds.last else {
            Issue.record("the corpus read back has no optimize round")
            return
        }
        #expect(f2.selected.sorted() == final.selected.sorted())
    }
}

/// Writes a manuscript's values as the files formats.md describes (enough for the benchmark's corpus).
enum ProvinceCorpus {
    static func x(_ s: String) -> String { XMLEscape.text(s) }

    static func write(_ m: Manuscript, to dir: String) throws {
        let fm = FileManager.default
        for sub in ["submissions", "reviews"] { try fm.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true) }
        func put(_ path: String, _ text: String) throws {
            try ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text).write(toFile: dir + "/" + path, atomically: false, encoding: .utf8)
        }
        try put("districts.xml", "<districts>\n" + m.districts.map { "  <district code=\"\($0.code)\">\(x($0.name))</district>\n" }.joined() + "</districts>\n")
        try put("fields.xml", "<fields>\n" + m.fields.map { "  <field code=\"\($0.code)\">\(x($0.name))</field>\n" }.joined() + "</fields>\n")
        try put("rubric.xml", "<rubric min=\"0\" max=\"10\">\n" + m.rubric.criteria.map {
            "  <criterion key=\"\($0.key)\" weight=\"\(Int($0.weight))\">\($0.key)</criterion>\n" }.joined() + "</rubric>\n")
        try put("reviewers.xml", "<reviewers>\n" + m.reviewers.map {
            "  <reviewer id=\"\($0.id)\" district=\"\($0.district)\" unit=\"\(x($0.unit))\">\(x($0.name))</reviewer>\n" }.joined() + "</reviewers>\n")
        var sel = "<selection>\n"
        for r in m.selection.rounds {
            switch r.type {
            case .screen:
                sel += "  <round id=\"\(r.id)\" type=\"screen\">\n"
                for q in r.requirements {
                    switch q.rule {
                    case .periodWithin(let a, let b): sel += "    <require rule=\"period-within\" start=\"\(a)\" end=\"\(b)\"/>\n"
                    case .periodOverlaps(let a, let b): sel += "    <require rule=\"period-overlaps\" start=\"\(a)\" end=\"\(b)\"/>\n"
                    case .hasEndorsement: sel += "    <require rule=\"has-endorsement\"/>\n"
                    case .minResults(let n): sel += "    <require rule=\"min-results\" count=\"\(n)\"/>\n"
                    case .minBodyWords(let n): sel += "    <require rule=\"min-body-words\" count=\"\(n)\"/>\n"
                    }
                }
                sel += "  </round>\n"
            case .rank:
                sel += "  <round id=\"\(r.id)\" type=\"rank\" keep=\"\(r.keep!)\" min-reviews=\"\(r.minReviews!)\" aggregate=\"\(r.aggregate!.rawValue)\"/>\n"
            case .optimize:
                sel += "  <round id=\"\(r.id)\" type=\"optimize\" count=\"\(r.count!)\">\n"
                for q in r.quotas {
                    sel += "    <quota dimension=\"\(q.dimension.rawValue)\"" + (q.value.map { " value=\"\($0)\"" } ?? "")
                        + (q.min.map { " min=\"\($0)\"" } ?? "") + (q.max.map { " max=\"\($0)\"" } ?? "") + "/>\n"
                }
                sel += "  </round>\n"
            }
        }
        try put("selection.xml", sel + "</selection>\n")
        for s in m.submissions {
            var t = "<submission id=\"\(s.id)\" kind=\"\(s.kind.rawValue)\" xml:lang=\"vi\">\n"
            t += "  <title>\(x(s.title.plainText))</title>\n  <field>\(s.field)</field>\n"
            t += "  <unit level=\"\(s.unit.level.rawValue)\" district=\"\(s.unit.district)\">\(x(s.unit.name))</unit>\n"
            t += "  <registered>\(s.registered)</registered>\n"
            t += "  <period start=\"\(s.period.start)\"" + (s.period.end.map { " end=\"\($0)\"" } ?? "") + "/>\n"
            t += "  <people>\n" + s.people.map { "    <person role=\"\($0.role.rawValue)\">\(x($0.name))</person>\n" }.joined() + "  </people>\n"
            t += "  <summary>\(x(s.summary.plainText))</summary>\n  <body>\n"
            for b in s.body { if case .paragraph(let p) = b { t += "    <p>\(x(p.plainText))</p>\n" } }
            t += "  </body>\n"
            if let r = s.results {
                t += "  <results>\n" + r.map { "    <indicator key=\"\($0.key)\" value=\"\($0.valueText)\">\(x($0.label.plainText))</indicator>\n" }.joined() + "  </results>\n"
            }
            if let e = s.endorsement { t += "  <endorsement by=\"\(x(e.by))\" level=\"\(e.level)\" date=\"\(e.date)\"/>\n" }
            try put("submissions/\(s.id).xml", t + "</submission>\n")
        }
        for sheet in m.reviewSheets {
            var t = "<reviews reviewer=\"\(sheet.reviewer)\" round=\"\(sheet.round)\">\n"
            for r in sheet.reviews {
                t += "  <review submission=\"\(r.submission)\" date=\"\(r.date)\">\n"
                t += r.scores.map { "    <score criterion=\"\($0.criterion)\">\($0.value)</score>\n" }.joined() + "  </review>\n"
            }
            try put("reviews/\(sheet.reviewer)-\(sheet.round).xml", t + "</reviews>\n")
        }
    }
}
