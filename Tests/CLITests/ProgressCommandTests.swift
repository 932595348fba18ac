import Foundation
import Testing

/// What the long commands print about their progress when standard error is not a terminal.
@Suite(.serialized) struct ProgressCommandTests {
    func modelbook(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        try Files.run(BuildCommandTests.binary, arguments, in: directory)
    }

    func stepLines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("[") }
    }

    @Test("one line per step for build, select and audit; none with --quiet",
          .enabled(if: BuildCommandTests.available, "build the modelbook binary first (swift build)"))
    func stepLinesAndQuiet() throws {
        let work = Files.temporaryFolder("progress")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        #expect(try modelbook(["init", "sach"], in: work).status == 0)

        let build = try modelbook(["build", "--manuscript", "sach", "--out", "out", "--format", "docbook,text"], in: work)
        #expect(build.status == 0, "\(build.output)")
        #expect(stepLines(build.output) == [
            "[1/6] read the manuscript", "[2/6] select the entries", "[3/6] build the book",
            "[4/6] write and validate DocBook", "[5/6] write plain text", "[6/6] move outputs into place",
        ], "\(build.output)")
        #expect(build.output.contains("book.xml is valid DocBook 5.0 (checked by "), "\(build.output)")

        let select = try modelbook(["select", "--manuscript", "sach", "--lang", "en"], in: work)
        #expect(stepLines(select.output).prefix(2) == ["[1/2] read the manuscript", "[2/2] run the rounds"], "\(select.output)")
        let audit = try modelbook(["audit", "--manuscript", "sach", "--out", "out/audit"], in: work)
        #expect(stepLines(audit.output) == ["[1/3] read the manuscript", "[2/3] run the rounds", "[3/3] write the report"],
                "\(audit.output)")

        for command in [["build", "--format", "text", "--out", "out"], ["select"], ["audit", "--out", "out/audit"], ["check"]] {
            let quiet = try modelbook(command + ["--manuscript", "sach", "--quiet"], in: work)
            #expect(quiet.status == 0, "\(quiet.output)")
            #expect(!quiet.output.contains("] read the manuscript"), "\(command): \(quiet.output)")
        }
    }
}
