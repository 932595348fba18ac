import BookWriter
import Foundation
import Messages
import Pipeline
import Selection
import Messages
import Testing
import XMLKit
@testable import Audit

/// The report of a real run (generated manuscript → reader → selection → records → report) against
/// the round record files, read back independently with XMLKit.
@Suite struct PipelineTests {
    /// The latest record file of each round, parsed.
    static func latestRecords(_ root: String) throws -> [String: XMLElement] {
        let dir = root + "/rounds"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".xml") }.sorted()
        var out: [String: XMLElement] = [:]
        for name in names {
            let doc = try XMLDocument.parse(Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))))
            out[try #require(doc.root.attribute("round"))] = doc.root
        }
        return out
    }

    static func number(_ s: String?) -> Double? { s.flatMap { $0.isEmpty ? nil : Double($0) } }

    /// Two numbers written exactly (shortest round-trip) must be the same Double.
    static func same(_ csv: String?, _ record: String?) -> Bool { number(csv) == number(record) }

    @Test func csvFiguresEqualTheRoundRecords() throws {
        let p = try PipelineRun.make("figures")
        defer { p.remove() }
        #expect(p.report.chain.intact, "\(p.report.chain.summary)")
        let records = try Self.latestRecords(p.root)
        let screen = try #require(records["eligibility"])
        let rank = try #require(records["shortlist"])
        let final = try #require(records["final"])

        let candidates = try p.csv("candidates.csv").rows
        let byID = Dictionary(uniqueKeysWithValues: candidates.map { ($0["id"]!, $0) })
        #expect(candidates.count == p.manuscript.submissions.count)

        // Screen: ineligible exactly as recorded (unless an editor's include took one in).
        let screened = try #require(screen.element(named: "candidates")).elements(named: "candidate")
        #expect(screened.count == candidates.count)
        for c in screened where c.attribute("eligible") == "no" {
            let row = try #require(byID[c.attribute("id")!])
            if row["outcome"] != "included" { #expect(row["outcome"] == "ineligible", "\(c.attribute("id")!)") }
        }

        // Rank: rank, score, raw mean and counted reviews of every ranked candidate; the unranked.
        var rankScored: [String: XMLElement] = [:]
        for c in try #require(rank.element(named: "candidates")).elements(named: "candidate") {
            let id = c.attribute("id")!
            let row = try #require(byID[id])
            if c.attribute("ranked") == "no" {
                #expect(row["rank"] == "")
                if row["outcome"] != "included" { #expect(row["outcome"] == "insufficient-reviews", "\(id)") }
                continue
            }
            rankScored[id] = c
            #expect(row["rank"] == c.attribute("rank"), "rank of \(id)")
            #expect(Self.same(row["aggregate"], c.attribute("score")), "score of \(id)")
            #expect(Self.same(row["raw_mean"], c.attribute("raw-mean")), "raw mean of \(id)")
            #expect(row["counted_reviews"] == c.attribute("reviews"), "reviews of \(id)")
            if c.attribute("kept") == "no", !["included", "excluded"].contains(row["outcome"]!) {
                #expect(row["outcome"] == "not-shortlisted", "\(id)")
            }
        }
        #expect(!rankScored.isEmpty)

        // Final: every candidate's score and whether it is in the book.
        let finalCandidates = try #require(final.element(named: "candidates")).elements(named: "candidate")
        var selected = Set<String>()
        for c in finalCandidates {
            let id = c.attribute("id")!
            let row = try #require(byID[id])
            if let score = c.attribute("score") {
                #expect(Self.same(row["aggregate"], score), "final score of \(id)")
                #expect(Self.same(row["raw_mean"], c.attribute("raw-mean")))
                #expect(row["counted_reviews"] == c.attribute("reviews"))
            }
            let inBook = c.attribute("selected") == "yes"
            if inBook { selected.insert(id) }
            let expected = c.attribute("excluded") == "yes" ? "excluded"
                : c.attribute("included") == "yes" ? "included" : inBook ? "selected" : "left-out"
            #expect(row["outcome"] == expected, "outcome of \(id)")
        }
        #expect(Set(byID.values.filter { ["selected", "included"].contains($0["outcome"]!) }.map { $0["id"]! }) == selected)

        // selection.csv: the recorded selection, numbered 1…n.
        let selection = try #require(final.element(named: "selection"))
        let book = try p.csv("selection.csv").rows
        #expect(book.count == Int(selection.attribute("count")!))
        #expect(Set(book.map { $0["id"]! }) == selected)
        #expect(book.map { $0["book_order"]! } == (1...book.count).map(String.init))
        for row in book {
            #expect(Self.same(row["aggregate"], byID[row["id"]!]!["aggregate"]))
            #expect(row["title"] == byID[row["id"]!]!["title"])
        }

        // reviews.csv: every review of the scoring round, counted or dropped as recorded, same totals.
        struct Key: Hashable { var submission, reviewer, date: String }
        var recorded: [Key: XMLElement] = [:]
        for c in finalCandidates {
            for r in c.elements(named: "review") {
                recorded[Key(submission: c.attribute("id")!, reviewer: r.attribute("reviewer")!, date: r.attribute("date")!)] = r
            }
        }
        for r in final.element(named: "other-reviews")?.elements(named: "review") ?? [] {
            recorded[Key(submission: r.attribute("submission")!, reviewer: r.attribute("reviewer")!, date: r.attribute("date")!)] = r
        }
        let reviewRows = try p.csv("reviews.csv").rows
        let scoringRound = try #require(final.element(named: "scoring")?.attribute("reviews-from"))
        var seen = Set<Key>()
        for row in reviewRows where row["round"] == scoringRound {
            let key = Key(submission: row["submission"]!, reviewer: row["reviewer"]!, date: row["date"]!)
            seen.insert(key)
            // Excluded candidates' reviews are not in the final record; the rank record has them.
            guard let r = recorded[key] else { continue }
            #expect(Self.same(row["review_total"], r.attribute("total")), "\(key)")
            #expect(row["counted"] == (r.attribute("dropped") == nil ? "yes" : "no"), "\(key)")
            #expect(row["reason"] == (r.attribute("dropped") ?? ""), "\(key)")
            if r.attribute("dropped") == nil { #expect(Self.same(row["normalised_total"], r.attribute("value")), "\(key)") }
        }
        #expect(recorded.keys.allSatisfy { seen.contains($0) }, "a recorded review is missing from reviews.csv")
        #expect(reviewRows.count == p.manuscript.reviews.reduce(0) { $0 + $1.scores.count })
        #expect(reviewRows.contains { $0["counted"] == "no" }, "the sample should have dropped reviews")

        // The overview's figures: round counts, quotas and reliability as recorded.
        let rounds = Dictionary(uniqueKeysWithValues: p.report.rounds.map { ($0.id, $0) })
        let sc = try #require(screen.element(named: "candidates"))
        #expect(rounds["eligibility"]?.considered == Int(sc.attribute("considered")!))
        #expect(rounds["eligibility"]?.passed == Int(sc.attribute("eligible")!))
        let rc = try #require(rank.element(named: "candidates"))
        #expect(rounds["shortlist"]?.considered == Int(rc.attribute("considered")!))
        #expect(rounds["shortlist"]?.passed == Int(rc.attribute("kept")!))
        #expect(rounds["shortlist"]?.insufficientReviews == Int(rc.attribute("insufficient")!))
        let fc = try #require(final.element(named: "candidates"))
        #expect(rounds["final"]?.considered == Int(fc.attribute("considered")!))
        #expect(rounds["final"]?.passed == Int(fc.attribute("selected")!))
        let recordedQuotas = selection.elements(named: "quota").map {
            "\($0.attribute("dimension")!) \($0.attribute("value")!) \($0.attribute("min") ?? "-") \($0.attribute("max") ?? "-") \($0.attribute("filled")!)"
        }
        let reportQuotas = p.report.quotas.map {
            "\($0.quota.dimension.rawValue) \($0.quota.value) \($0.quota.min.map(String.init) ?? "-") "
                + "\($0.quota.max.map(String.init) ?? "-") \($0.filled)"
        }
        #expect(reportQuotas == recordedQuotas)
        let alphas = try #require(final.element(named: "scoring")).elements(named: "alpha")
        #expect(p.report.reliability.map(\.criterion) == alphas.map { $0.attribute("criterion")! })
        for (row, a) in zip(p.report.reliability, alphas) {
            #expect(row.alpha.map { "\($0)" } ?? "undefined" == a.attribute("value"))
        }
        // Leniency as recorded for each reviewer of the scoring round.
        for r in try #require(rank.element(named: "scoring")).elements(named: "reviewer") {
            let row = try #require(p.report.reviewers.first { $0.id == r.attribute("id") })
            let l = try #require(row.leniency.first { $0.round == scoringRound })
            #expect(Self.same("\(l.offset)", r.attribute("offset")))
            #expect(l.count == Int(r.attribute("counted")!))
        }
    }

    @Test func withoutRecordsTheReportSaysSo() throws {
        let p = try Language.$current.withValue(.en) { try PipelineRun.make("norecords", submissions: 30, record: false) }
        defer { p.remove() }
        #expect(!p.report.chain.intact)
        #expect(p.report.chain.records.isEmpty)
        #expect(p.report.chain.summary.contains("no round records"))
        let index = try #require(p.files["index.html"])
        #expect(index.contains("Not backed by the round records"))
        #expect(index.contains("no round records"))
        // The same report made in Vietnamese says it in Vietnamese.
        let vi = try Language.$current.withValue(.vi) { try PipelineRun.make("norecords-vi", submissions: 30, record: false) }
        defer { vi.remove() }
        #expect(vi.report.chain.summary.hasPrefix("Chưa có biên bản vòng nào"))
        #expect(try #require(vi.files["index.html"]).contains("Chưa có biên bản các vòng xác nhận."))
    }

    @Test func staleRecordsAreShownAsProblems() throws {
        let p = try PipelineRun.make("stale", submissions: 30)
        defer { p.remove() }
        #expect(p.report.chain.intact)
        // A record changed by hand after it was written breaks the chain: the next record says so.
        let first = p.root + "/rounds/001-eligibility.xml"
        var text = try String(contentsOfFile: first, encoding: .utf8)
        text = text.replacingOccurrences(of: "eligible=\"yes\"", with: "eligible=\"no\"")
        try text.write(toFile: first, atomically: true, encoding: .utf8)
        // verify's findings are in the reader's language; this test reads them in English.
        let chain = Language.$current.withValue(.en) { Steps.chainStatus(p.manuscript, run: p.run, tool: "test") }
        #expect(!chain.intact)
        #expect(chain.records.count == 3)
        #expect(chain.records[0].problem != nil, "the changed record no longer matches its recomputation")
        #expect(chain.records[1].problem?.hasPrefix("line ") == true)
        #expect(chain.records[1].problem?.contains("001-eligibility.xml") == true)
        #expect(chain.summary.contains("modelbook verify"))
    }

    @Test func hostileTitleIsShownAsTextThroughTheRealPipeline() throws {
        let p = try PipelineRun.make("escape", submissions: 30, record: false)
        defer { p.remove() }
        let c = try #require(p.report.candidate(p.hostileID))
        #expect(c.title == PipelineRun.hostileTitle)
        let escaped = HTML.escape(PipelineRun.hostileTitle)
        let page = try #require(p.files["candidates/" + Layout.fileName(p.hostileID) + ".html"])
        #expect(page.contains("<h1>\(escaped)</h1>"))
        for (path, text) in p.files where path.hasSuffix(".html") {
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("\"quoted\""), "\(path): an unescaped quote")
            #expect(text.components(separatedBy: "<script").count == 2, "\(path): one script, the page's own")
        }
        #expect(try #require(p.files["candidates.html"]).contains(escaped))
        // The CSV keeps the title as it is (CSV has no markup to escape).
        let row = try #require(try p.csv("candidates.csv").rows.first { $0["id"] == p.hostileID })
        #expect(row["title"] == PipelineRun.hostileTitle)
    }

    /// The audit lists the book's entries exactly in the book's chapter order, whichever order
    /// book.xml asks for: selection.csv, selection.html and the book built from the same run agree.
    @Test(arguments: ["rank", "district"])
    func auditBookOrderIsTheBooksChapterOrder(order: String) throws {
        let p = try PipelineRun.make("order-\(order)", order: order)
        defer { p.remove() }
        #expect(p.manuscript.book?.entryOrder.rawValue == order)
        let selection = try #require(Selection.bookSelection(from: p.run))
        let book = try Book(manuscript: p.manuscript, selection: selection)
        let chapters = book.entries.map(\.submission)
        #expect(chapters.count == selection.entries.count)

        #expect(try p.csv("selection.csv").rows.map { $0["id"]! } == chapters)
        // selection.html: each row shows its id as `<span class="muted id">ID</span>`.
        let page = try #require(p.files["selection.html"])
        let marker = "<span class=\"muted id\">"
        let shown = page.components(separatedBy: marker).dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(shown == chapters)

        // Independently of both: inside each part, by rank means the final ranks ascend.
        if order == "rank" {
            let rankOf = Dictionary(uniqueKeysWithValues: selection.entries.map { ($0.submission, $0.rank) })
            for part in book.parts {
                let ranks = part.entries.map { rankOf[$0.submission]! }
                #expect(ranks == ranks.sorted(), "part \(part.field.code)")
            }
        }
    }
}
