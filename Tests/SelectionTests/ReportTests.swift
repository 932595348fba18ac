import Foundation
import ManuscriptModel
import Messages
import Testing
@testable import Selection

@Suite struct ReportTests {
    static func run() throws -> (SelectionRun, Manuscript) {
        let m = OptimizeRoundTests.manuscript(rounds: [
            Round(id: "eligibility", type: .screen, requirements: [Requirement(rule: .minResults(1), location: Fx.here)],
                  location: Fx.here),
        ] + OptimizeRoundTests.plan(count: 4, quotas: [
            OptimizeRoundTests.quota(.field, nil, min: 2, line: 8), OptimizeRoundTests.quota(.unit, nil, max: 1, line: 9),
        ]))
        return (try Selection.run(m), m)
    }

    @Test func jsonHasTheSpecifiedShape() throws {
        let (run, _) = try Self.run()
        let json = SelectionReport.json(run)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rounds = try #require(object["rounds"] as? [[String: Any]])
        #expect(rounds.count == 3)
        #expect(rounds[0]["id"] as? String == "eligibility" && rounds[0]["type"] as? String == "screen")
        #expect((rounds[0]["eligible"] as? [String])?.count == 10)
        #expect((rounds[0]["ineligible"] as? [String: [String]])?.isEmpty == true)
        #expect(rounds[1]["type"] as? String == "rank" && rounds[1]["aggregate"] as? String == "mean")
        let ranked = try #require(rounds[1]["ranked"] as? [[String: Any]])
        #expect(ranked.first?["id"] as? String == "S01" && ranked.first?["score"] as? Double == 10
                && ranked.first?["reviews"] as? Int == 1)
        #expect((rounds[1]["kept"] as? [String]) == (1...10).map { $0 < 10 ? "S0\($0)" : "S10" })
        #expect((rounds[1]["insufficient"] as? [String]) == [])
        #expect((rounds[2]["selected"] as? [String]) == ["S01", "S03", "S06", "S07"])
        #expect(rounds[2]["objective"] as? Double == 27)
        #expect(rounds[2]["status"] as? String == "optimal")
        // Byte-stable: same run, same text.
        #expect(SelectionReport.json(try Self.run().0) == json)
    }

    @Test func textReportHasTheTables() throws {
        let (run, m) = try Self.run()
        let text = Language.$current.withValue(.en) { SelectionReport.text(run, manuscript: m) }
        #expect(text.contains("Round final (optimize): 4 selected from a pool of 10"))
        #expect(text.contains("Kinh tế (economy): 2"))
        #expect(text.contains("Quotas:"))
        #expect(text.contains("Reliability (Krippendorff's alpha"))
        #expect(text.contains("Reviewer leniency"))
    }

    @Test func textReportInVietnameseHasDecimalCommasAndExplainsItsTerms() throws {
        let (run, m) = try Self.run()
        let text = Language.$current.withValue(.vi) { SelectionReport.text(run, manuscript: m) }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Tuyển chọn từ 10 hồ sơ, qua từng vòng")
        #expect(lines.contains("  final        chọn tối ưu        10         4  4 được chọn, tổng điểm 27,000 (tối ưu)"), "\(text)")
        #expect(lines.contains("Vòng final (chọn tối ưu): chọn 4 trong số 10 hồ sơ, tổng hợp điểm bằng trung bình cộng (mean), "
                               + "tổng điểm 27,000, tối ưu"), "\(text)")
        #expect(lines.contains("  Phiếu chấm: 10 phiếu được tính, 0 phiếu không được tính; "
                               + "tổng điểm các phiếu được tính: trung bình 5,500, độ lệch chuẩn 2,872"), "\(text)")
        #expect(lines.contains("  Kinh tế (economy): 2 hồ sơ"))
        // Each term is explained in plain words once, however many rounds use it.
        for term in [SelectText.plainOptimal, .plainQuota, .plainAlpha, .plainStandardDeviation] {
            #expect(text.components(separatedBy: term.message.text(in: .vi)).count == 2, "\(term)")
        }
        #expect(!text.contains("optimal") && !text.contains("Quotas"))
        // No number in prose keeps an English decimal point.
        #expect(text.firstMatch(of: /\d\.\d{3}(?!\d)/) == nil, "\(text)")
    }

    @Test func explainSaysWhichQuotaKeptACandidateOut() throws {
        let (run, m) = try Self.run()
        // S02 (score 9, rank 2) is out: "Đội A" may hold one entry and S06 (culture) has it.
        let text = try #require(Language.$current.withValue(.en) { Explain.text("S02", run: run, manuscript: m) })
        #expect(text.contains("Not selected"))
        #expect(text.contains("the quotas kept it out"))
        #expect(text.contains("With it forced in, the best selection totals 25.000 instead of 27.000."))
        #expect(text.contains("unit \"Đội A\" (at most 1, selection.xml:9:5) is at its limit: to raise the max of unit \"Đội A\" from 1 to 2 would let it in (total 28.000)"))
        let selected = try #require(Language.$current.withValue(.en) { Explain.text("S01", run: run, manuscript: m) })
        #expect(selected.contains("SELECTED"))
        #expect(selected.contains("R1  20 June 2024  overall 10 → total 10.000  counted"))
        #expect(Explain.text("nope", run: run, manuscript: m) == nil)
    }

    @Test func ruleNamesAreExplainedInVietnameseAndKeptInEnglish() {
        let names = ["has-endorsement", "min-results", "some-new-rule"]
        #expect(Language.$current.withValue(.en) { Eligibility.ruleWords(names) } == "has-endorsement, min-results, some-new-rule")
        #expect(Language.$current.withValue(.vi) { Eligibility.ruleWords(names) }
            == "có xác nhận của cấp có thẩm quyền (has-endorsement), đủ số chỉ số kết quả (min-results), some-new-rule")
    }

    @Test func explainInVietnamese() throws {
        let (run, m) = try Self.run()
        let text = try #require(Language.$current.withValue(.vi) { Explain.text("S02", run: run, manuscript: m) })
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("  Không được chọn"), "\(text)")
        #expect(lines.contains("  Điểm của hồ sơ cao hơn hồ sơ thấp điểm nhất được chọn theo điểm (S07, 4,000): "
                               + "các chỉ tiêu đã giữ hồ sơ ở ngoài."), "\(text)")
        #expect(lines.contains("  Nếu buộc phải chọn hồ sơ này, phương án tốt nhất có tổng điểm 25,000 thay vì 27,000."), "\(text)")
        #expect(lines.contains("  - đơn vị “Đội A” (tối đa 1, selection.xml:9:5) đã ở mức giới hạn: nếu nâng mức tối đa của "
                               + "đơn vị “Đội A” từ 1 lên 2 thì hồ sơ sẽ được chọn (tổng điểm 28,000)"), "\(text)")
        #expect(lines.contains("  (\(SelectText.plainQuota.message.text(in: .vi)))"), "\(text)")
        let selected = try #require(Language.$current.withValue(.vi) { Explain.text("S01", run: run, manuscript: m) })
        #expect(selected.contains("    R1  20/6/2024  overall 10 → tổng 10,000  được tính  [reviews/R1-shortlist.xml:1:1]"), "\(selected)")
        #expect(selected.contains("  ĐƯỢC CHỌN"))
        #expect(selected.contains("Vòng eligibility (sơ loại): đạt điều kiện"))
        #expect(selected.contains("  min-results 1: có ít nhất 1 chỉ số kết quả (1 chỉ số): đạt"))
    }

    @Test func explainDoesNotMeasureAgainstAnIncludedEntry() throws {
        // Count 3, S10 (score 1) included by the editors: S01 (10) and S02 (9) are chosen on their
        // score. S03 (8) is below both; the include took its place, not a quota.
        let inc = Override(submission: "S10", reason: "Điển hình đặc biệt", location: SourceLocation(path: "selection.xml", line: 10))
        let m = OptimizeRoundTests.manuscript(rounds: OptimizeRoundTests.plan(count: 3, quotas: [], includes: [inc]))
        let run = try Selection.run(m)
        let text = try #require(Language.$current.withValue(.en) { Explain.text("S03", run: run, manuscript: m) })
        #expect(text.contains("Its score is not above the lowest entry selected on its score (S02, 9.000)"), "\(text)")
        #expect(!text.contains("the quotas kept it out"))
    }
}
