import Foundation
import ManuscriptModel
import ManuscriptReader
import Testing
@testable import Selection

/// `check`, `select`, `verify` and `explain` read without keeping the submissions' text
/// (`ReadOptions.keepsText`). Their results must be those of a full reading.
@Suite struct TextDroppedTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folders = [repository.appendingPathComponent("manuscript").path,
                          repository.appendingPathComponent("Tests/ManuscriptReaderTests/Fixtures/valid").path]

    static func read(_ folder: String, keepsText: Bool) -> ReadResult {
        var options = ReadOptions()
        options.keepsText = keepsText
        return ManuscriptReader.read(folder: folder, options: options)
    }

    @Test(arguments: folders)
    func selectionAndExplanationsAreThoseOfAFullReading(folder: String) throws {
        let full = Self.read(folder, keepsText: true)
        let lean = Self.read(folder, keepsText: false)
        #expect(full.findings.map(\.formatted) == lean.findings.map(\.formatted))
        #expect(full.counts == lean.counts)
        #expect(full.manuscript.inputDigests == lean.manuscript.inputDigests)
        let byID = Dictionary(uniqueKeysWithValues: full.manuscript.submissions.map { ($0.id, $0) })
        #expect(!lean.manuscript.submissions.isEmpty)
        for s in lean.manuscript.submissions {
            let kept = try #require(byID[s.id])
            #expect(s.body.isEmpty && s.summary.isEmpty)
            #expect(kept.bodyWordsOfDroppedText == nil)
            #expect(s.bodyWords == kept.bodyWords && kept.bodyWords == WordCount.body(kept.body))
            #expect(s.title == kept.title && s.field == kept.field && s.results == kept.results)
        }

        let a = try Selection.run(full.manuscript)
        let b = try Selection.run(lean.manuscript)
        #expect(a.rounds.count == b.rounds.count)
        for (x, y) in zip(a.rounds, b.rounds) {
            #expect(RoundRecord.body(x, manuscript: full.manuscript, tool: "t") == RoundRecord.body(y, manuscript: lean.manuscript, tool: "t"))
        }
        // The min-body-words rule is in both plans, so the word counts were really used.
        #expect(full.manuscript.selection.rounds.contains { $0.requirements.contains { if case .minBodyWords = $0.rule { true } else { false } } })
        for s in full.manuscript.submissions {
            #expect(Explain.text(s.id, run: a, manuscript: full.manuscript) == Explain.text(s.id, run: b, manuscript: lean.manuscript))
        }
    }

    @Test func droppingTwiceKeepsTheFirstCount() {
        var s = Fx.submission("NB-1", body: [.paragraph([.text("một hai  ba")])])
        #expect(s.bodyWords == 3)
        s.dropText()
        s.dropText()
        #expect(s.bodyWords == 3 && s.body.isEmpty && s.summary.isEmpty)
    }
}
