import Foundation
import Messages
import Testing
@testable import Audit

/// The pages speak the reader's language (Vietnamese unless English is asked for), with numbers and
/// dates written its way; the CSVs are for programs and stay the same in both.
@Suite struct LanguageTests {
    let report = SampleReport.make()

    func pages(_ language: Language) -> [String: String] {
        Language.$current.withValue(language) { AuditRenderer.pages(report) }
    }

    /// The text a reader sees: tags, scripts and styles dropped, entities left as they are.
    static func visibleText(_ html: String) -> String {
        var text = html
        for element in ["script", "style", "title"] {
            while let open = text.range(of: "<\(element)"), let close = text.range(of: "</\(element)>", range: open.upperBound..<text.endIndex) {
                text.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        return text.replacing(#/<[^>]*>/#, with: " ")
    }

    @Test func everyPageIsVietnameseByDefaultWithoutEnglishLabels() {
        let english = ["Candidates", "Candidate", "Reviewer", "Reviewers", "Round", "Score", "Scores", "Selected",
                       "Field", "District", "Summary", "Overview", "Rounds", "Quotas", "Exports", "Leniency",
                       "aggregate", "cut-off", "in the book"]
        for (path, html) in pages(.vi) {
            let text = Self.visibleText(html)
            let left = english.filter { word in text.contains(word) }
            #expect(left.isEmpty, "\(path) shows English: \(left)")
        }
    }

    @Test func theOverviewSaysItInVietnameseAndInEnglish() {
        let vi = pages(.vi)["index.html"]!, en = pages(.en)["index.html"]!
        for label in ["<h1>Kiểm tra quá trình xét chọn</h1>", ">Tổng quan</a>", ">Hồ sơ</a>", ">Người chấm</a>",
                      "Chỉ tiêu của vòng cuối", "độ nhất quán giữa các thành viên hội đồng", "Biên bản các vòng"] {
            #expect(vi.contains(label), "\(label)")
        }
        for label in ["<h1>Audit of the selection</h1>", ">Overview</a>", ">Candidates</a>", ">Reviewers</a>",
                      "Quotas of the final round", "Krippendorff’s alpha", "Round records"] {
            #expect(en.contains(label), "\(label)")
        }
        // Alphas of the sample: 0.83, 0.7, 0.41 with three decimals, the reader's way.
        #expect(vi.contains(">0,830<") && vi.contains(">0,700<") && vi.contains(">0,410<"))
        #expect(en.contains(">0.830<") && en.contains(">0.700<") && en.contains(">0.410<"))
    }

    @Test func candidatePagesWriteDatesAndScoresTheLanguagesWay() throws {
        // NB-2024-100 was registered on 1 March 2024 (SampleReport: day 1 + index).
        let vi = try #require(pages(.vi)["candidates/NB-2024-100.html"])
        let en = try #require(pages(.en)["candidates/NB-2024-100.html"])
        #expect(vi.contains("<dt>ngày đăng ký</dt><dd>1/3/2024</dd>"))
        #expect(en.contains("<dt>registered</dt><dd>1 March 2024</dd>"))
        let c = try #require(report.candidate("NB-2024-100"))
        let aggregate = try #require(c.aggregate)
        #expect(vi.contains(NumberStyle.decimal(aggregate, places: 3, in: .vi)) && vi.contains(","))
        #expect(en.contains(NumberStyle.decimal(aggregate, places: 3, in: .en)))
        // A criterion's column is headed by the rubric's words; its key and weight on hover.
        #expect(vi.contains("<th class=\"n crit\" title=\"effectiveness (trọng số 30)\">Hiệu quả, kết quả đạt được</th>"))
        #expect(en.contains("<th class=\"n crit\" title=\"effectiveness (weight 30)\">Hiệu quả, kết quả đạt được</th>"))
        // Review dates are shown the reader's way and sorted by their ISO form.
        #expect(vi.contains("data-v=\"2024-06-10\">10/6/2024</td>"))
        #expect(en.contains("data-v=\"2024-06-10\">10 June 2024</td>"))
    }

    @Test func statisticalTermsComeWithAnExplanationInVietnamese() {
        let p = pages(.vi)
        #expect(p["index.html"]!.contains("Độ nhất quán giữa các thành viên hội đồng (hệ số alpha của Krippendorff)"))
        #expect(p["index.html"]!.contains("quy hoạch nguyên"))
        #expect(p["index.html"]!.contains("Chuẩn hoá là điều chỉnh điểm theo thói quen chấm của từng người"))
        #expect(p["index.html"]!.contains("Mã băm (SHA-256) là “dấu vân tay”"))
        #expect(p["reviewers/R1.html"]!.contains("Độ phân tán (độ lệch chuẩn)"))
        #expect(p["reviewers/R1.html"]!.contains("title=\"độ lệch chuẩn:"))
        #expect(p["candidates.html"]!.contains("title=\"điểm dùng để xếp hạng"))
    }

    @Test func csvsKeepEnglishHeadersDotDecimalsAndISODates() throws {
        let vi = Language.$current.withValue(.vi) { AuditRenderer.exports(report) }
        let en = Language.$current.withValue(.en) { AuditRenderer.exports(report) }
        #expect(vi["candidates.csv"] == en["candidates.csv"])
        #expect(vi["selection.csv"] == en["selection.csv"])
        let (header, rows) = try CSVParser.records(try #require(vi["reviews.csv"]))
        #expect(header == ["submission", "reviewer", "round", "date", "criterion", "weight", "score", "review_total",
                           "normalised_total", "counted", "reason", "reason_detail"])
        #expect(rows.allSatisfy { $0["date"]!.wholeMatch(of: #/\d{4}-\d{2}-\d{2}/#) != nil })
        #expect(rows.allSatisfy { !$0["review_total"]!.contains(",") })
        // The reason in words is for people: in the report's language, naming the district.
        let dropped = try #require(rows.first { $0["counted"] == "no" })
        #expect(dropped["reason"] == "same-district")
        #expect(dropped["reason_detail"] == "người chấm công tác cùng địa bàn với hồ sơ (Huyện Gia Viễn)")
    }

    @Test func commandsInTheRecordsSummaryAreCodeNotBackquotes() {
        #expect(HTML.withCode("chạy `modelbook select` để ghi <b>").description == "chạy <code>modelbook select</code> để ghi &lt;b&gt;")
        #expect(HTML.withCode("no command").description == "no command")
    }

    @Test func theFilterCountFollowsTheLanguage() {
        #expect(pages(.vi)["candidates.html"]!.contains("data-template=\"{shown}/{total} hồ sơ\""))
        #expect(pages(.en)["candidates.html"]!.contains("data-template=\"{shown} of {total}\""))
    }
}
