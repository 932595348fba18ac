import Foundation
import Pipeline
import ManuscriptModel
import Testing
@testable import Selection

@Suite struct RecordTests {
    /// A fresh manuscript folder with a screen, a rank and an optimize round.
    static func manuscript() throws -> Manuscript {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("modelbook-records-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let screen = Round(id: "eligibility", type: .screen,
                           requirements: [Requirement(rule: .hasEndorsement, location: Fx.here)], location: Fx.here)
        let final = Round(id: "final", type: .optimize, count: 2,
                          quotas: [Quota(dimension: .field, value: nil, min: 1, max: nil, location: Fx.here)],
                          includes: [], excludes: [], location: Fx.here)
        var subs: [Submission] = []
        var reviews: [Review] = []
        for i in 1...6 {
            subs.append(Fx.submission("S\(i)", field: i % 2 == 0 ? "economy" : "culture", endorsed: i != 6))
            for r in ["R1", "R2"] { reviews.append(Fx.review(r, "S\(i)", [Double(i) + (r == "R1" ? 0.5 : 0)])) }
        }
        var m = Fx.manuscript(submissions: subs, reviewers: [Fx.reviewer("R1"), Fx.reviewer("R2")], reviews: reviews,
                              rounds: [screen, Fx.rankRound(keep: 4, aggregate: .zscore), final])
        m.root = root
        m.inputDigests = ["selection.xml": String(repeating: "a", count: 64), "reviews/R1.xml": String(repeating: "b", count: 64)]
        return m
    }

    static func recordAll(_ m: Manuscript) throws -> [RecordStore.WriteOutcome] {
        try Selection.run(m).rounds.map { try RecordStore.record($0, manuscript: m, tool: "test", environment: [:]) }
    }

    static func verify(_ m: Manuscript) -> VerifyReport {
        RecordVerifier.verify(root: m.root, currentDigests: m.inputDigests) {
            RecordVerifier.recompute(m, round: $0, tool: "test")
        }
    }

    @Test func chainIsWrittenAndRerunWritesNothing() throws {
        let m = try Self.manuscript()
        defer { try? FileManager.default.removeItem(atPath: m.root) }
        #expect(try Self.recordAll(m) == [.written("rounds/001-eligibility.xml"), .written("rounds/002-shortlist.xml"),
                                          .written("rounds/003-final.xml")])
        #expect(try Self.recordAll(m) == [.unchanged("rounds/001-eligibility.xml"), .unchanged("rounds/002-shortlist.xml"),
                                          .unchanged("rounds/003-final.xml")])
        let first = try String(contentsOfFile: m.root + "/rounds/001-eligibility.xml", encoding: .utf8)
        let second = try String(contentsOfFile: m.root + "/rounds/002-shortlist.xml", encoding: .utf8)
        #expect(!first.contains("previous-sha256"))
        #expect(second.contains("previous-sha256=\"\(RecordStore.sha256(Array(first.utf8)))\""))
        #expect(first.contains("<candidate id=\"S6\" eligible=\"no\">"))
        let report = Self.verify(m)
        #expect(report.ok, "\(report.findings.map(\.formatted))")
        #expect(report.summaryMessages.allSatisfy { $0.text(in: .en).contains("ok") && $0.text(in: .en).contains("recomputed and identical") })
        #expect(report.summaryMessages.first?.text(in: .vi) == m.root + "/rounds/001-eligibility.xml: ổn, đầu chuỗi, kết quả tính lại trùng khớp")

        // A changed input makes the records stale until select runs again; then a fourth record chains on.
        var changed = m
        changed.inputDigests["reviews/R1.xml"] = String(repeating: "c", count: 64)
        let stale = Self.verify(changed)
        #expect(!stale.ok)
        #expect(stale.findings.filter { $0.severity == .error }.count == 3)
        #expect(stale.findings[0].notes.map { $0.message.text(in: .en) } == ["reviews/R1.xml has changed"])
        #expect(stale.findings[0].notes.map { $0.message.text(in: .vi) } == ["reviews/R1.xml đã thay đổi"])
        let again = try Self.recordAll(changed)
        #expect(again.last == .written("rounds/006-final.xml"))
        let third = try Data(contentsOf: URL(fileURLWithPath: m.root + "/rounds/003-final.xml"))
        let fourth = try String(contentsOfFile: m.root + "/rounds/004-eligibility.xml", encoding: .utf8)
        #expect(fourth.contains(RecordStore.sha256(Array(third))))
        #expect(Self.verify(changed).ok)
    }

    @Test func tamperedRecordIsFoundWhereItWasChanged() throws {
        let m = try Self.manuscript()
        defer { try? FileManager.default.removeItem(atPath: m.root) }
        _ = try Self.recordAll(m)
        let path = m.root + "/rounds/002-shortlist.xml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let k = try #require(lines.firstIndex { $0.contains("<candidate id=\"S5\"") })
        lines[k] = lines[k].replacingOccurrences(of: "kept=\"yes\"", with: "kept=\"no\"")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let report = Self.verify(m)
        #expect(!report.ok)
        let messages = report.findings.filter { $0.severity == .error }.map { $0.formatted(in: .en) }
        // The record itself, at the changed line, and the next record's link.
        #expect(messages.contains { $0.hasPrefix("\(path):\(k + 1):5: error: this record does not match") })
        #expect(messages.contains { $0.contains("003-final.xml:2:") && $0.contains("002-shortlist.xml was changed after this record was written") })
    }

    @Test func missingRecordBreaksTheChain() throws {
        let m = try Self.manuscript()
        defer { try? FileManager.default.removeItem(atPath: m.root) }
        _ = try Self.recordAll(m)
        try FileManager.default.removeItem(atPath: m.root + "/rounds/002-shortlist.xml")
        let report = Self.verify(m)
        #expect(report.findings.contains { $0.message.text(in: .en).contains("record 3 follows record 1") })
        #expect(report.findings.contains { $0.message.text(in: .en).contains("001-eligibility.xml was changed after") })
        #expect(report.findings.contains { $0.message.text(in: .vi) == "biên bản 3 đứng sau biên bản 1: thiếu một biên bản hoặc có số bị đánh trùng" })
    }

    @Test func sourceDateEpochIsTheOnlyDate() throws {
        #expect(RecordStore.sourceDate(["SOURCE_DATE_EPOCH": "1718841600"]) == "2024-06-20T00:00:00Z")
        #expect(RecordStore.sourceDate(["SOURCE_DATE_EPOCH": "951782400"]) == "2000-02-29T00:00:00Z")
        #expect(RecordStore.sourceDate([:]) == nil)
        let m = try Self.manuscript()
        defer { try? FileManager.default.removeItem(atPath: m.root) }
        let run = try Selection.run(m)
        let a = RoundRecord.body(run.rounds[2], manuscript: m, tool: "test")
        let b = RoundRecord.body(try Selection.run(m).rounds[2], manuscript: m, tool: "test")
        #expect(a == b)
    }

    /// The inputs written once for all the rounds of a run are the ones each record writes alone.
    @Test func theInputsWrittenOnceAreEachRecordsOwn() throws {
        let m = try Self.manuscript()
        defer { try? FileManager.default.removeItem(atPath: m.root) }
        let inputs = RoundRecord.inputs(m)
        #expect(inputs.hasPrefix("<inputs>\n    <input path="))
        #expect(inputs.hasSuffix("\n  </inputs>"))
        for result in try Selection.run(m).rounds {
            let body = RoundRecord.body(result, manuscript: m, tool: "test")
            #expect(RoundRecord.body(result, manuscript: m, tool: "test", inputs: inputs) == body)
            #expect(body.contains(inputs))
        }
    }
}
