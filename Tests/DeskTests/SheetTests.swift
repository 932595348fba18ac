import Desk
import Foundation
import ManuscriptModel
import ManuscriptReader
import Messages
import Selection
import Testing

@Suite struct ScoreRulesTests {
    let rubric = Rubric(min: 0, max: 10, criteria: [
        Criterion(key: "effectiveness", weight: 30, label: "Hiệu quả"),
        Criterion(key: "creativity", weight: 20, label: "Sáng tạo"),
    ])

    @Test("scores inside the scale pass; outside, not a number, too many decimals or an unknown criterion name the criterion")
    func validation() throws {
        #expect(try ScoreRules.validate(["effectiveness": .number(0), "creativity": .number(10)], rubric: rubric).get()
                == ["effectiveness": 0, "creativity": 10])
        let cleared = try ScoreRules.validate(["creativity": .clear], rubric: rubric).get()
        #expect(cleared.count == 1 && cleared["creativity"] == .some(nil))
        #expect(try ScoreRules.validate(["creativity": .number(7.25)], rubric: rubric).get() == ["creativity": 7.25])
        func field(_ scores: [String: ScoreValue]) -> String? {
            if case .failure(let p) = ScoreRules.validate(scores, rubric: rubric) { return p.field }
            return nil
        }
        #expect(field(["effectiveness": .number(10.01)]) == "effectiveness")
        #expect(field(["effectiveness": .number(5), "creativity": .number(-0.5)]) == "creativity")
        #expect(field(["creativity": .number(.nan)]) == "creativity")
        #expect(field(["creativity": .number(7.125)]) == "creativity")
        #expect(field(["creativity": .invalid]) == "creativity")
        #expect(field(["impact": .number(5)]) == "impact")
        if case .failure(let p) = ScoreRules.validate(["effectiveness": .number(11)], rubric: rubric) {
            #expect(p.message.text(in: .vi) == "Điểm “Hiệu quả” phải từ 0 đến 10.")
            #expect(p.message.text(in: .en) == "The score for “Hiệu quả” must be from 0 to 10.")
        }
    }

    @Test("a refused score names the scale the language's way: 7,5 in Vietnamese, 7.5 in English")
    func scaleInEachLanguage() throws {
        let rubric = Rubric(min: 0.25, max: 7.5, criteria: [Criterion(key: "effectiveness", weight: 1, label: "Hiệu quả")])
        guard case .failure(let p) = ScoreRules.validate(["effectiveness": .invalid], rubric: rubric) else {
            Issue.record("a value that is not a number must be refused")
            return
        }
        #expect(p.message.text(in: .vi) == "Điểm “Hiệu quả” phải là một số từ 0,25 đến 7,5.")
        #expect(p.message.text(in: .en) == "The score for “Hiệu quả” must be a number from 0.25 to 7.5.")
        let long = try #require(ScoreRules.validateText(String(repeating: "x", count: ScoreRules.maxText + 1), field: "comment"))
        #expect(long.message.text(in: .vi) == "Nội dung dài quá 10.000 ký tự.")
        #expect(long.message.text(in: .en) == "The text is longer than 10,000 characters.")
    }

    @Test("a score is written as the number form of formats.md: no exponent, at most two decimals")
    func numberText() {
        #expect(ScoreRules.text(8) == "8")
        #expect(ScoreRules.text(8.5) == "8.5")
        #expect(ScoreRules.text(7.25) == "7.25")
        #expect(ScoreRules.text(0.05) == "0.05")
        #expect(ScoreRules.text(0.1 + 0.2) == "0.3")
        #expect(ScoreRules.text(-1.5) == "-1.5")
        #expect(ScoreRules.text(100) == "100")
    }

    @Test("comments with control characters or over the length limit are refused")
    func texts() {
        #expect(ScoreRules.validateText("Tốt.\nRõ ràng\t", field: "comment") == nil)
        #expect(ScoreRules.validateText("a\u{1}b", field: "comment")?.field == "comment")
        #expect(ScoreRules.validateText(String(repeating: "x", count: ScoreRules.maxText + 1), field: "reason") != nil)
    }

    @Test("times in the database are ISO 8601 UTC with milliseconds, as Foundation's formatter writes them")
    func isoTimes() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        for t in [0, 1_780_000_000.123, 951_782_400.5, 1_709_164_799.999, 4_102_444_800.007] {
            #expect(DeskStore.iso(Date(timeIntervalSince1970: t)) == f.string(from: Date(timeIntervalSince1970: t)), "\(t)")
        }
    }

    @Test("the review date is the local day of the clock")
    func localDay() {
        let instant = Date(timeIntervalSince1970: 1_780_000_000) // 2026-05-28 20:26:40 UTC
        #expect(SheetWriter.localDay(instant, timeZone: TimeZone(identifier: "UTC")!).description == "2026-05-28")
        #expect(SheetWriter.localDay(instant, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!).description == "2026-05-29")
    }
}

@Suite struct SheetWriterTests {
    @Test("a written sheet reads back through the manuscript reader with no finding and the same scores, and select counts it")
    func roundTrip() throws {
        let corpus = try Corpus.make("sheet", removeSheetsOf: ["R01"])
        defer { corpus.remove() }
        let m = corpus.manuscript
        let rubric = m.rubric
        let mine = corpus.assigned["R01"]!
        #expect(mine.count == 3)
        // Two scored (one with a comment that needs escaping), one a declared conflict.
        let a = Dictionary(uniqueKeysWithValues: rubric.criteria.enumerated().map { ($1.key, rubric.min + Double($0) * 0.25 + 1) })
        let b = Dictionary(uniqueKeysWithValues: rubric.criteria.map { ($0.key, rubric.max) })
        let drafts = [
            Draft(reviewer: "R01", round: Corpus.round, submission: mine[0], scores: a, comment: "Rất tốt <“kể cả”> & rõ",
                  conflict: false, conflictReason: "", updatedAt: ""),
            Draft(reviewer: "R01", round: Corpus.round, submission: mine[1], scores: b, comment: "  ", conflict: false,
                  conflictReason: "", updatedAt: ""),
            Draft(reviewer: "R01", round: Corpus.round, submission: mine[2], scores: [:], comment: "", conflict: true,
                  conflictReason: "Vợ tôi làm ở đơn vị này", updatedAt: ""),
        ]
        #expect(SheetWriter.unfinished(candidates: mine, drafts: drafts, rubric: rubric).isEmpty)
        #expect(SheetWriter.unfinished(candidates: mine + ["X"], drafts: drafts, rubric: rubric) == ["X"])
        let date = CalendarDate(year: 2026, month: 5, day: 29)
        let xml = SheetWriter.xml(reviewer: "R01", round: Corpus.round, candidates: mine, drafts: drafts, rubric: rubric, date: date)
        let path = corpus.folder.appendingPathComponent("reviews/R01-\(Corpus.round).xml").path
        let digest = try SheetWriter.write(xml, to: path)
        #expect(digest == Secrets.sha256Hex(FileManager.default.contents(atPath: path)!))
        #expect(try FileManager.default.contentsOfDirectory(atPath: corpus.folder.appendingPathComponent("reviews").path)
                    .allSatisfy { !$0.hasPrefix(".") }, "no temporary file is left behind")

        let read = ManuscriptReader.read(folder: corpus.folder.path)
        #expect(read.findings.filter { $0.severity == .error }.isEmpty, "\(read.findings.map(\.formatted))")
        let sheet = try #require(read.manuscript.reviewSheets.first { $0.reviewer == "R01" && $0.round == Corpus.round })
        #expect(sheet.reviews.map(\.submission) == [mine[0], mine[1]])
        #expect(sheet.reviews[0].date == date)
        #expect(Dictionary(uniqueKeysWithValues: sheet.reviews[0].scores.map { ($0.criterion, $0.value) }) == a)
        #expect(sheet.reviews[0].comment == "Rất tốt <“kể cả”> & rõ")
        #expect(sheet.reviews[1].comment == nil)
        #expect(sheet.conflicts.map(\.submission) == [mine[2]])
        #expect(sheet.conflicts[0].reason == "Vợ tôi làm ở đơn vị này")

        let run = try Selection.run(read.manuscript, through: Corpus.round)
        let pool = try #require(run.round(Corpus.round)?.scoring?.pool)
        let counted = pool.counted.filter { $0.reviewer == "R01" }.map(\.submission).sorted()
        #expect(counted == [mine[0], mine[1]].sorted())
    }
}
