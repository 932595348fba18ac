import Foundation
import Pipeline
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ManuscriptModel
import Messages
@testable import Audit

@Suite struct RenderTests {
    let report = SampleReport.make()

    @Test func outputIsByteIdenticalForIdenticalInput() {
        #expect(AuditRenderer.render(report) == AuditRenderer.render(SampleReport.make()))
    }

    @Test func everyCandidateAndReviewerHasAPage() {
        let files = AuditRenderer.render(report)
        for name in ["index.html", "candidates.html", "selection.html", "reviewers.html",
                     "reviews.csv", "candidates.csv", "selection.csv"] {
            #expect(files[name] != nil, "missing \(name)")
        }
        for c in report.candidates { #expect(files["candidates/\(c.id).html"] != nil) }
        for r in report.reviewers { #expect(files["reviewers/\(r.id).html"] != nil) }
    }

    @Test func candidatesCSVCarriesTheReportsFigures() throws {
        let (header, rows) = try CSVParser.records(AuditRenderer.render(report)["candidates.csv"]!)
        #expect(header.prefix(3) == ["id", "title", "field"])
        #expect(rows.count == report.candidates.count)
        for (row, c) in zip(rows, report.candidates) {
            #expect(row["id"] == c.id)
            #expect(row["title"] == c.title)
            #expect(row["counted_reviews"].flatMap(Int.init) == c.countedReviews)
            #expect(row["aggregate"].flatMap(Double.init) == c.aggregate)
            #expect(row["raw_mean"].flatMap(Double.init) == c.rawMean)
            #expect(row["rank"].flatMap(Int.init) == c.rank)
            #expect(row["outcome"] == c.outcome.rawValue)
        }
    }

    @Test func reviewsCSVHasOneRowPerReviewAndCriterion() throws {
        let (_, rows) = try CSVParser.records(AuditRenderer.render(report)["reviews.csv"]!)
        #expect(rows.count == report.reviews.count * report.rubric.criteria.count)
        var i = 0
        for review in report.reviewsInOrder {
            for score in review.scores {
                let row = rows[i]
                i += 1
                #expect(row["submission"] == review.submission && row["reviewer"] == review.reviewer)
                #expect(row["criterion"] == score.criterion && row["score"].flatMap(Double.init) == score.value)
                #expect(row["review_total"].flatMap(Double.init) == review.total)
                #expect(row["counted"] == (review.counted ? "yes" : "no"))
                #expect(row["reason"] == (review.dropped?.rawValue ?? ""))
            }
        }
        #expect(rows.contains { $0["counted"] == "no" && $0["reason"] == "same-district" })
    }

    @Test func selectionCSVIsInBookOrder() throws {
        let (_, rows) = try CSVParser.records(AuditRenderer.render(report)["selection.csv"]!)
        let inBook = report.candidates.filter { $0.outcome.isInBook }
        #expect(rows.count == inBook.count)
        #expect(rows.map { $0["book_order"]! } == (1...inBook.count).map(String.init))
        #expect(rows.map { $0["id"]! } == report.bookOrder)
        // Field order, then district order, then Vietnamese title order.
        let fieldIndex = Dictionary(uniqueKeysWithValues: report.fields.enumerated().map { ($1.code, $0) })
        let districtIndex = Dictionary(uniqueKeysWithValues: report.districts.enumerated().map { ($1.code, $0) })
        let vi = Locale(identifier: "vi_VN")
        for (a, b) in zip(rows, rows.dropFirst()) {
            let fa = fieldIndex[a["field"]!]!, fb = fieldIndex[b["field"]!]!
            #expect(fa <= fb)
            guard fa == fb else { continue }
            let da = districtIndex[a["district"]!]!, db = districtIndex[b["district"]!]!
            #expect(da <= db)
            guard da == db else { continue }
            #expect(a["title"]!.compare(b["title"]!, options: [], range: nil, locale: vi) != .orderedDescending)
        }
    }

    @Test func csvFilesStartWithABOMAndQuoteByRFC4180() {
        for (name, text) in AuditRenderer.exports(report) {
            #expect(text.unicodeScalars.first == "\u{FEFF}", "\(name) lacks a BOM")
        }
        #expect(CSVExport.field("a,b") == "\"a,b\"")
        #expect(CSVExport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVExport.field("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVExport.field("plain Việt") == "plain Việt")
    }

    @Test func manuscriptTextIsEscapedEverywhere() {
        let files = AuditRenderer.render(report)
        for (path, text) in files where path.hasSuffix(".html") {
            #expect(!text.contains("<script>alert(1)"), "\(path) has the title's script unescaped")
            #expect(!text.contains("<b>"), "\(path) has markup from a reason unescaped")
            #expect(!text.contains("<i>"), "\(path) has a reviewer's name unescaped")
            #expect(!text.contains("</title> "), "\(path) closes its title early")
            // Exactly one script element: the report's own.
            #expect(text.components(separatedBy: "<script").count == 2, "\(path) has an extra script")
        }
        let page = files["candidates/NB-2024-107.html"]!
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&quot;quoted&quot; &amp; &#39;single&#39;"))
    }

    @Test(arguments: Language.allCases)
    func pagesDeclareUTF8AndTheirLanguage(language: Language) {
        for (path, text) in Language.$current.withValue(language, operation: { AuditRenderer.pages(report) }) {
            #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">"), "\(path)")
            #expect(text.contains("\"Noto Sans\""))
            #expect(text.contains("@media print"))
            for needle in ["src=", "<link", "@import", "url(", "https:"] {
                #expect(!text.contains(needle), "\(path) refers to an outside file (\(needle))")
            }
        }
    }

    @Test func alphaReadings() {
        #expect(AlphaReading(0.8) == .reliable)
        #expect(AlphaReading(0.7999) == .tentative)
        #expect(AlphaReading(0.667) == .tentative)
        #expect(AlphaReading(0.5) == .unreliable)
        #expect(AlphaReading(nil) == .undefined)
    }

    @Test func chartsAreWellFormedSVG() throws {
        let index = Language.$current.withValue(.en) { AuditRenderer.render(report)["index.html"]! }
        let svgs = index.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(svgs.count >= 5)
        for svg in svgs {
            let doc = try XMLDocument(xmlString: svg, options: [])
            #expect(doc.rootElement()?.name == "svg")
            #expect(!svg.contains("NaN") && !svg.contains("inf"))
        }
        #expect(index.contains("cut-off \(Format.fixed(report.cutoff!, 2))"))
        let vi = Language.$current.withValue(.vi) { AuditRenderer.render(report)["index.html"]! }
        #expect(vi.contains("ngưỡng chọn \(Format.fixed(report.cutoff!, 2).replacingOccurrences(of: ".", with: ","))"))
    }

    @Test func writerReplacesTheFolderWhole() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("audit-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("audit")
        try AuditWriter.write(["a.html": "one", "sub/b.csv": "two"], to: out)
        try AuditWriter.write(["a.html": "three"], to: out)
        #expect(try String(contentsOf: out.appendingPathComponent("a.html"), encoding: .utf8) == "three")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("sub/b.csv").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["audit"])
        #expect(throws: AuditWriter.WriteError.self) { try AuditWriter.write(["../escape": "x"], to: out) }
        #expect(try String(contentsOf: out.appendingPathComponent("a.html"), encoding: .utf8) == "three")
    }
}
