import Foundation
import Testing
import ManuscriptGenerator

/// Commands never write over the manuscript, never replace files they did not write, and never
/// follow a link out of the manuscript. With the built binary, as an editor would run it.
@Suite(.serialized) struct ConfinementCommandTests {
    func modelbook(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        try BuildCommandTests().modelbook(arguments, in: directory)
    }

    /// A work folder with a small manuscript `ms/`, its committed-looking round records, and `alias -> ms`.
    static func work(_ tag: String) throws -> URL {
        let work = Files.temporaryFolder(tag)
        var options = GeneratorOptions()
        options.submissions = 40
        options.reviewers = 8
        options.seed = 5
        _ = try ManuscriptGenerator.generate(into: work.appendingPathComponent("ms"), options: options)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("alias").path, withDestinationPath: "ms")
        return work
    }

    /// Every file under a folder with its bytes, links as their targets.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.path
        let e = FileManager.default.enumerator(atPath: base)!
        while let path = e.nextObject() as? String {
            let full = base + "/" + path
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                out[path] = Data(("-> " + target).utf8)
            } else if let data = FileManager.default.contents(atPath: full) {
                out[path] = data
            } else {
                out[path] = Data()
            }
        }
        return out
    }

    @Test("build and audit refuse an output folder that is, lies inside, or contains the manuscript; nothing changes",
          .enabled(if: BuildCommandTests.available, "build the modelbook binary first (swift build)"))
    func outputTouchingTheManuscriptIsRefused() throws {
        let work = try Self.work("confine-out")
        defer { try? FileManager.default.removeItem(at: work) }
        let ms = work.appendingPathComponent("ms")
        let cases: [(cwd: URL, manuscript: String, out: String)] = [
            (work, "ms", "ms"), (work, "ms", "ms/"), (work, "ms", ms.path), (work, "ms", "alias"), (work, "alias", "ms/."),
            (ms, ".", "."), (ms, ".", "../ms"),
            (work, "ms", "ms/build"), (work, "ms", "ms/rounds"), (work, "ms", ms.path + "/out"), (work, "ms", "alias/out"),
            (ms, ".", "rounds"), (ms, ".", "build"),
            (work, "ms", "."), (work, "ms", work.path), (ms, ".", ".."), (work, "alias", "."),
        ]
        let before = try Self.snapshot(work)
        for c in cases {
            for command in ["build", "audit"] {
                var arguments = [command, "--manuscript", c.manuscript, "--out", c.out]
                if command == "build" { arguments += ["--format", "docbook,text"] }
                let r = try modelbook(arguments, in: c.cwd)
                #expect(r.status == 1, "\(command) \(c): \(r.output)")
                #expect(r.output.contains("refusing to write to \(c.out)") && r.output.contains("the manuscript folder \(c.manuscript)"),
                        "\(command) \(c): \(r.output)")
            }
        }
        #expect(try Self.snapshot(work) == before, "a refused command changed a file")
    }

    @Test("a foreign file in the output folder survives a build; one with an output's name blocks only that output",
          .enabled(if: BuildCommandTests.available, "build the modelbook binary first (swift build)"))
    func foreignFilesSurvive() throws {
        let work = try Self.work("confine-foreign")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("ghi chú của biên tập viên".utf8).write(to: out.appendingPathComponent("ghi-chu.txt"))
        try Data("the editors' own book.txt".utf8).write(to: out.appendingPathComponent("book.txt"))

        let first = try modelbook(["build", "--manuscript", "ms", "--out", "out", "--format", "docbook,text"], in: work)
        #expect(first.status == 1, "\(first.output)")
        #expect(first.output.contains("out/ghi-chu.txt: warning: not written by modelbook"), "\(first.output)")
        #expect(first.output.contains("out/book.txt: error: install: this file was not written by modelbook"), "\(first.output)")
        #expect(first.output.contains("failed: text"), "\(first.output)")
        #expect(try String(contentsOf: out.appendingPathComponent("book.txt"), encoding: .utf8) == "the editors' own book.txt")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("book.xml").path), "docbook is still written")

        // Moved away, the next build writes book.txt; the note is still there, and rebuilding replaces only modelbook's files.
        try FileManager.default.removeItem(at: out.appendingPathComponent("book.txt"))
        for _ in 0..<2 {
            let r = try modelbook(["build", "--manuscript", "ms", "--out", "out", "--format", "docbook,text"], in: work)
            #expect(r.status == 0, "\(r.output)")
        }
        #expect(try String(contentsOf: out.appendingPathComponent("ghi-chu.txt"), encoding: .utf8) == "ghi chú của biên tập viên")

        // The audit report beside it: its own folder, its own manifest; the note survives there too.
        try FileManager.default.createDirectory(at: out.appendingPathComponent("audit"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: out.appendingPathComponent("audit/mine.txt"))
        let audit = try modelbook(["audit", "--manuscript", "ms", "--out", "out/audit"], in: work)
        #expect(audit.status == 0, "\(audit.output)")
        #expect(audit.output.contains("out/audit/mine.txt: warning: not written by modelbook"), "\(audit.output)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("audit/mine.txt").path))
        let rebuild = try modelbook(["build", "--manuscript", "ms", "--out", "out", "--format", "text"], in: work)
        #expect(!rebuild.output.contains("out/audit: warning"), "the report folder is modelbook's: \(rebuild.output)")
    }

    @Test("check refuses a submission that links outside the manuscript, at its path, with exit status 1",
          .enabled(if: BuildCommandTests.available, "build the modelbook binary first (swift build)"))
    func checkRefusesALinkOutside() throws {
        let work = try Self.work("confine-check")
        defer { try? FileManager.default.removeItem(at: work) }
        let submissions = work.appendingPathComponent("ms/submissions")
        let name = try Files.list(submissions).first!
        try FileManager.default.moveItem(at: submissions.appendingPathComponent(name), to: work.appendingPathComponent(name))
        try FileManager.default.createSymbolicLink(atPath: submissions.appendingPathComponent(name).path, withDestinationPath: "../../" + name)
        let r = try modelbook(["check", "--manuscript", "ms"], in: work)
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("ms/submissions/\(name):1:1: error: this file is a link that leads outside the manuscript folder"), "\(r.output)")
    }

    @Test("select refuses a rounds/ folder that is a link leading elsewhere",
          .enabled(if: BuildCommandTests.available, "build the modelbook binary first (swift build)"))
    func selectRefusesALinkedRoundsFolder() throws {
        let work = try Self.work("confine-rounds")
        defer { try? FileManager.default.removeItem(at: work) }
        let elsewhere = work.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("ms/rounds").path, withDestinationPath: elsewhere.path)
        let r = try modelbook(["select", "--manuscript", "ms", "--lang", "en"], in: work)
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("refusing to write to ms/rounds"), "\(r.output)")
        #expect(try Files.list(elsewhere).isEmpty)
    }

    @Test("assign --write refuses an assignments/ folder that is a link leading elsewhere",
          .enabled(if: BuildCommandTests.available, "build the modelbook binary first (swift build)"))
    func assignRefusesALinkedAssignmentsFolder() throws {
        let work = try Self.work("confine-assignments")
        defer { try? FileManager.default.removeItem(at: work) }
        let elsewhere = work.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("ms/assignments").path,
                                                   withDestinationPath: elsewhere.path)
        let before = try Self.snapshot(work.appendingPathComponent("ms/reviews"))
        let r = try modelbook(["assign", "--manuscript", "ms", "--round", "shortlist", "--per", "2", "--write", "--lang", "en"], in: work)
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("refusing to write to ms/assignments"), "\(r.output)")
        #expect(try Files.list(elsewhere).isEmpty)
        #expect(try Self.snapshot(work.appendingPathComponent("ms/reviews")) == before, "a refused assign wrote a sheet")
    }

    @Test("the desk refuses a desk/ folder that is a link leading elsewhere, before it opens its database",
          .enabled(if: BuildCommandTests.available, "build the modelbook binary first (swift build)"))
    func deskRefusesALinkedDeskFolder() throws {
        let work = try Self.work("confine-desk")
        defer { try? FileManager.default.removeItem(at: work) }
        let elsewhere = work.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("ms/desk").path,
                                                   withDestinationPath: elsewhere.path)
        for arguments in [["desk", "invite", "--manuscript", "ms", "--round", "shortlist"],
                          ["desk", "invite", "--manuscript", "ms", "--revoke", "R01"],
                          ["desk", "serve", "--manuscript", "ms", "--port", "0"]] {
            let r = try modelbook(arguments, in: work)
            #expect(r.status == 1, "\(arguments): \(r.output)")
            #expect(r.output.contains("refusing to write to ms/desk"), "\(arguments): \(r.output)")
        }
        #expect(try Files.list(elsewhere).isEmpty)
    }

    @Test("a figure whose attachment is a link inside attachments/ is published as a file, not a link",
          .enabled(if: BuildCommandTests.available, "build the modelbook binary first (swift build)"))
    func figuresArePublishedAsFiles() throws {
        let work = try Self.work("confine-images")
        defer { try? FileManager.default.removeItem(at: work) }
        let attachments = work.appendingPathComponent("ms/attachments")
        let files = try Files.list(attachments).filter { $0.hasSuffix(".svg") }
        let fm = FileManager.default
        for name in files {
            let kept = attachments.appendingPathComponent("kept/" + name)
            try fm.createDirectory(at: kept.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.moveItem(at: attachments.appendingPathComponent(name), to: kept)
            try fm.createSymbolicLink(atPath: attachments.appendingPathComponent(name).path, withDestinationPath: kept.path)
        }
        let r = try modelbook(["build", "--manuscript", "ms", "--out", "out", "--format", "docbook"], in: work)
        #expect(r.status == 0, "\(r.output)")
        let images = try Files.list(work.appendingPathComponent("out/images"))
        #expect(!images.isEmpty, "the book should show a figure")
        for name in images {
            let path = work.appendingPathComponent("out/images/" + name).path
            #expect((try? fm.destinationOfSymbolicLink(atPath: path)) == nil, "\(name) was published as a link")
        }
    }
}
