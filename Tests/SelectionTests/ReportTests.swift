import Foundation
import ManuscriptModel
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
        let text = SelectionReport.text(run, manuscript: m)
        #expect(text.contains("Round final (optimize): 4 selected from a pool of 10"))
        #expect(text.contains("Kinh tế (economy): 2"))
        #expect(text.contains("Quotas:"))
        #expect(text.contains("Reliability (Krippendorff's alpha"))
        #expect(text.contains("Reviewer leniency"))
    }

    @Test func explainSaysWhichQuotaKeptACandidateOut() throws {
        let (run, m) = try Self.run()
        // S02 (score 9, rank 2) is out: "Đội A" may hold one entry and S06 (culture) has it.
        let text = try #require(Explain.text("S02", run: run, manuscript: m))
        #expect(text.contains("Not selected"))
        #expect(text.contains("the quotas kept it out"))
        #expect(text.contains("With it forced in, the best selection totals 25.000 instead of 27.000."))
        #expect(text.contains("unit \"Đội A\" (at most 1, selection.xml:9:5) is at its limit: to raise the max of unit \"Đội A\" from 1 to 2 would let it in (total 28.000)"))
        let selected = try #require(Explain.text("S01", run: run, manuscript: m))
        #expect(selected.contains("SELECTED"))
        #expect(selected.contains("R1  2024-06-20  overall 10 → total 10.000  counted"))
        #expect(Explain.text("nope", run: run, manuscript: m) == nil)
    }

    @Test func explainDoesNotMeasureAgainstAnIncludedEntry() throws {
        // Count 3, S10 (score 1) included by the editors: S01 (10) and S02 (9) are chosen on their
        // score. S03 (8) is below both; the include took its place, not a quota.
        let inc = Override(submission: "S10", reason: "Điển hình đặc biệt", location: SourceLocation(path: "selection.xml", line: 10))
        let m = OptimizeRoundTests.manuscript(rounds: OptimizeRoundTests.plan(count: 3, quotas: [], includes: [inc]))
        let run = try Selection.run(m)
        let text = try #require(Explain.text("S03", run: run, manuscript: m))
        #expect(text.contains("Its score is not above the lowest entry selected on its score (S02, 9.000)"), "\(text)")
        #expect(!text.contains("the quotas kept it out"))
    }
}
