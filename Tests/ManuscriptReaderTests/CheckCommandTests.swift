import Foundation
import Testing

/// Runs the built `modelbook check` end to end. Skipped when `.build/debug/modelbook` is not built.
@Suite struct CheckCommandTests {
    static let binary: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/modelbook")

    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: available, "build the modelbook binary first (swift build)"))
    func cleanManuscriptExitsZeroWithSummary() throws {
        let m = try TempManuscript()
        defer { m.cleanUp() }
        let parent = m.root.deletingLastPathComponent()
        let summary = "checked 3 submissions, 4 reviews by 2 reviewers, 1 edited text in 14 files: 0 errors, 0 warnings (0 files with errors)\n"
        let r = try run(["check", "--quiet", "--manuscript", m.root.lastPathComponent], in: parent)
        #expect(r.status == 0)
        #expect(r.output == summary)
        // Not on a terminal, the progress is one line per step, on standard error.
        let shown = try run(["check", "--manuscript", m.root.lastPathComponent], in: parent)
        #expect(shown.output == "[1/1] read the manuscript\n" + summary)
    }

    @Test(.enabled(if: available, "build the modelbook binary first (swift build)"))
    func errorsExitOneAndArePrintedWithPositions() throws {
        let m = try TempManuscript()
        defer { m.cleanUp() }
        try m.replace("submissions/NB-2024-0001.xml", "kind=\"model\"", "kind=\"modle\"")
        let r = try run(["check", "--quiet", "--manuscript", m.root.path], in: m.root)
        #expect(r.status == 1)
        #expect(r.output.hasPrefix("submissions/NB-2024-0001.xml:2:31: lỗi: attribute kind=\"modle\" is not allowed: use model or example"), "\(r.output)")
        #expect(r.output.hasSuffix(": 1 error, 0 warnings (1 file with errors)\n"), "\(r.output)")

        let json = try run(["check", "--quiet", "--manuscript", m.root.path, "--format", "json"], in: m.root)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 0)
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(finding["path"] as? String == "submissions/NB-2024-0001.xml")
        #expect(finding["line"] as? Int == 2 && finding["column"] as? Int == 31)
        #expect(finding["severity"] as? String == "error")
        #expect((object["counts"] as? [String: Any])?["submissions"] as? Int == 3)
    }

    @Test(.enabled(if: available, "build the modelbook binary first (swift build)"))
    func missingFolderAndUsageErrors() throws {
        let dir = FileManager.default.temporaryDirectory
        let missing = try run(["check", "--quiet", "--manuscript", "no-such-manuscript"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.output.hasPrefix("no-such-manuscript:1:1: lỗi: the manuscript folder no-such-manuscript does not exist\n"))
        let usage = try run(["check", "--format", "yaml"], in: dir)
        #expect(usage.status == 64)
    }
}
