import Foundation
import Pipeline
import ManuscriptModel
import ManuscriptReader
import Testing
@testable import Selection

/// The whole way on real files: the reader's valid fixture manuscript, read, selected, recorded,
/// an input changed on disk, verified, selected again.
@Suite struct ManuscriptFolderTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ManuscriptReaderTests/Fixtures/valid").path

    static func copy() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("modelbook-folder-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: fixture, toPath: root)
        try? FileManager.default.removeItem(atPath: root + "/rounds")
        return root
    }

    static func read(_ root: String) throws -> Manuscript {
        let result = ManuscriptReader.read(folder: root)
        #expect(result.findings.errorCount == 0, "\(result.findings.map(\.formatted))")
        return result.manuscript
    }

    static func verify(_ m: Manuscript) -> VerifyReport {
        RecordVerifier.verify(root: m.root, currentDigests: m.inputDigests) { RecordVerifier.recompute(m, round: $0, tool: "t") }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: fixture)))
    func changedInputOnDiskIsCaughtAndThenRecorded() throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var m = try Self.read(root)
        let run = try Selection.run(m)
        #expect(try run.rounds.map { try RecordStore.record($0, manuscript: m, tool: "t") }.allSatisfy {
            if case .written = $0 { true } else { false }
        })
        #expect(Self.verify(m).ok)

        // An editor changes one score after the selection was recorded.
        let sheet = root + "/reviews/R02-shortlist.xml"
        let text = try String(contentsOfFile: sheet, encoding: .utf8)
        try text.replacingOccurrences(of: ">5.25<", with: ">9<").write(toFile: sheet, atomically: true, encoding: .utf8)
        m = try Self.read(root)
        let stale = Self.verify(m)
        #expect(!stale.ok)
        #expect(stale.findings.contains { $0.notes.contains { $0.message.text(in: .en) == "reviews/R02-shortlist.xml has changed" } })

        let again = try Selection.run(m).rounds.map { try RecordStore.record($0, manuscript: m, tool: "t") }
        #expect(again.count == 3)
        #expect(RecordStore.list(root: root).map(\.number) == [1, 2, 3, 4, 5, 6])
        let report = Self.verify(m)
        #expect(report.ok, "\(report.findings.map(\.formatted))")
        // The older records stay, noted as older, not as problems.
        #expect(report.findings.filter { $0.severity == .note }.count == 3)

        // BookSelection for the book writer, from the final round.
        let book = try #require(Selection.bookSelection(from: try Selection.run(m), record: "rounds/006-final.xml"))
        #expect(book.entries.count == 2)
        #expect(book.entries.contains { $0.includedBecause != nil })
    }
}
