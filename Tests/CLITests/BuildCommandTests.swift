import Foundation
import Testing
import ManuscriptGenerator

/// `modelbook build` end to end with the built binary: how it uses and writes the round records.
/// Skipped when `.build/debug/modelbook` is not built (`make test` builds it first).
@Suite(.serialized) struct BuildCommandTests {
    static let repo = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = repo.appendingPathComponent(".build/debug/modelbook")
    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    func modelbook(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        return try Files.run(Self.binary, arguments, in: directory, environment: environment)
    }

    @Test("build records the rounds when there are none, then uses them, then records again after an edit",
          .enabled(if: available, "build the modelbook binary first (swift build)"))
    func recordsThenUsesThenRecordsAgain() throws {
        let work = Files.temporaryFolder("build-records")
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = work.appendingPathComponent("ms")
        var options = GeneratorOptions()
        options.submissions = 60
        options.reviewers = 8
        options.seed = 7
        _ = try ManuscriptGenerator.generate(into: folder, options: options)
        let rounds = folder.appendingPathComponent("rounds")

        let first = try modelbook(["build", "--manuscript", "ms", "--out", "out", "--format", "docbook,text"], in: work)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("so the rounds were run again and recorded: ms/rounds/001-"), "\(first.output)")
        let written = try Files.list(rounds)
        #expect(written.count == 3, "one record per round: \(written)")
        let book = try String(contentsOf: work.appendingPathComponent("out/book.txt"), encoding: .utf8)
        #expect(!book.isEmpty)

        let second = try modelbook(["build", "--manuscript", "ms", "--out", "out", "--format", "text"], in: work)
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("using the round records ms/rounds/001-"), "\(second.output)")
        #expect(try Files.list(rounds) == written, "nothing new is recorded when the records match")
        let again = try String(contentsOf: work.appendingPathComponent("out/book.txt"), encoding: .utf8)
        #expect(again == book, "the same records give the same book")

        // A changed input (a reviewer's sheet) no longer matches the records: build records anew.
        let sheets = try Files.list(folder.appendingPathComponent("reviews"))
        let sheet = folder.appendingPathComponent("reviews").appendingPathComponent(sheets[0])
        var text = try String(contentsOf: sheet, encoding: .utf8)
        text += "<!-- re-read by the board -->\n"
        try text.write(to: sheet, atomically: true, encoding: .utf8)
        let third = try modelbook(["build", "--manuscript", "ms", "--out", "out", "--format", "text"], in: work)
        #expect(third.status == 0, "\(third.output)")
        #expect(third.output.contains("did not match the current inputs"), "\(third.output)")
        #expect(try Files.list(rounds).count == 6, "three new records, chained after the old ones")
        let verify = try modelbook(["verify", "--manuscript", "ms"], in: work)
        #expect(verify.status == 0, "\(verify.output)")
    }

    @Test("a manuscript with errors builds nothing and names the error with its position",
          .enabled(if: available, "build the modelbook binary first (swift build)"))
    func manuscriptErrorsStopTheBuild() throws {
        let work = Files.temporaryFolder("build-errors")
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = work.appendingPathComponent("ms")
        var options = GeneratorOptions()
        options.submissions = 30
        options.reviewers = 6
        _ = try ManuscriptGenerator.generate(into: folder, options: options)
        let fields = folder.appendingPathComponent("fields.xml")
        let text = try String(contentsOf: fields, encoding: .utf8)
        try text.replacingOccurrences(of: "<fields", with: "<feilds", options: [], range: text.range(of: "<fields"))
            .replacingOccurrences(of: "</fields>", with: "</feilds>")
            .write(to: fields, atomically: true, encoding: .utf8)
        let r = try modelbook(["build", "--manuscript", "ms", "--out", "out", "--format", "text"], in: work)
        #expect(r.status == 1)
        #expect(r.output.contains("ms/fields.xml:"), "\(r.output)")
        #expect(r.output.contains("nothing was built"), "\(r.output)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("out/book.txt").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("rounds").path))
    }

    @Test("the committed sample's round records are intact and match its inputs",
          .enabled(if: available, "build the modelbook binary first (swift build)"))
    func committedRecordsVerify() throws {
        let r = try modelbook(["verify", "--manuscript", "manuscript"], in: Self.repo)
        #expect(r.status == 0, "run `modelbook select` on manuscript/ and commit manuscript/rounds/: \(r.output)")
    }

    @Test("round records do not depend on the manuscript folder's name or place",
          .enabled(if: available, "build the modelbook binary first (swift build)"))
    func recordsIndependentOfFolder() throws {
        let work = Files.temporaryFolder("build-place")
        defer { try? FileManager.default.removeItem(at: work) }
        var options = GeneratorOptions()
        options.submissions = 60
        options.reviewers = 8
        options.seed = 11
        let a = work.appendingPathComponent("a")
        _ = try ManuscriptGenerator.generate(into: a, options: options)
        let b = work.appendingPathComponent("deeper/b")
        try FileManager.default.createDirectory(at: b.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: a, to: b)
        #expect(try modelbook(["select", "--manuscript", "a"], in: work).status == 0)
        #expect(try modelbook(["select", "--manuscript", b.path], in: a).status == 0)
        let records = try Files.list(a.appendingPathComponent("rounds"))
        #expect(records.count == 3)
        var conflicts = 0
        for name in records {
            let x = try String(contentsOf: a.appendingPathComponent("rounds/" + name), encoding: .utf8)
            let y = try String(contentsOf: b.appendingPathComponent("rounds/" + name), encoding: .utf8)
            #expect(x == y, "\(name) differs between the two places")
            conflicts += x.components(separatedBy: "declared at reviews/").count - 1
        }
        #expect(conflicts > 0, "the corpus should have a declared conflict, so its location is in a record")
    }

    @Test("the sample book's DocBook is valid for jing too, an independent validator",
          .enabled(if: available && FileManager.default.isExecutableFile(atPath: "/usr/bin/jing"),
                   "needs the modelbook binary and jing (apt-get install jing)"))
    func sampleBookValidWithJing() throws {
        let out = Files.temporaryFolder("sample-docbook")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try modelbook(["build", "--manuscript", "manuscript", "--out", out.path, "--format", "docbook,text"], in: Self.repo)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("using the round records manuscript/rounds/"), "\(r.output)")
        let schema = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"
        let jing = try #require(try Files.run("jing", [schema, out.appendingPathComponent("book.xml").path]))
        #expect(jing.status == 0, "\(jing.output)")
        let text = try String(contentsOf: out.appendingPathComponent("book.txt"), encoding: .utf8)
        #expect(text.contains("Phần I."))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 72 || !$0.contains(" ") }, "a line wider than 72 columns")
    }

    @Test("a new skeleton from init checks clean, selects its one entry and builds",
          .enabled(if: available, "build the modelbook binary first (swift build)"))
    func initThenCheckSelectBuild() throws {
        let work = Files.temporaryFolder("init-build")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        #expect(try modelbook(["init", "sach"], in: work).status == 0)
        let check = try modelbook(["check", "--manuscript", "sach"], in: work)
        #expect(check.status == 0 && check.output.contains("0 errors, 0 warnings"), "\(check.output)")
        let build = try modelbook(["build", "--manuscript", "sach", "--out", "out", "--format", "docbook,text"], in: work)
        #expect(build.status == 0, "\(build.output)")
        let text = try String(contentsOf: work.appendingPathComponent("out/book.txt"), encoding: .utf8)
        #expect(text.contains("1. Mô hình"), "the skeleton's one submission is the book's one chapter")
    }

    @Test("build finds the styles beside the program when run from another folder, and names where it looked when none are there",
          .enabled(if: available && FileManager.default.isExecutableFile(atPath: "/usr/bin/xsltproc")
                   && FileManager.default.fileExists(atPath: "/usr/share/xml/docbook/stylesheet/docbook-xsl-ns"),
                   "needs the modelbook binary, xsltproc and docbook-xsl-ns"))
    func stylesFoundBesideTheProgram() throws {
        let work = Files.temporaryFolder("styles-lookup")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        #expect(try modelbook(["init", "sach"], in: work).status == 0)
        let found = try modelbook(["build", "--manuscript", "sach", "--out", "out", "--format", "html"], in: work)
        #expect(found.status == 0, "\(found.output)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("out/html/index.html").path))
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("out/html/book.css").path))

        // A copy of the program far from any styles folder: the html format fails and says where it looked;
        // the text format, which needs no styles, is still written.
        let lone = work.appendingPathComponent("bin/modelbook")
        try FileManager.default.createDirectory(at: lone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.binary, to: lone)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        let missing = try Files.run(lone, ["build", "--manuscript", "sach", "--out", "out2", "--format", "html,text"],
                                    in: work, environment: environment)
        #expect(missing.status == 1, "\(missing.output)")
        #expect(missing.output.contains("no styles folder (html.xsl, fo.xsl, book.css, fop.xconf) was found; looked in styles, "),
                "\(missing.output)")
        #expect(missing.output.contains("Give the folder with --styles DIR"), "\(missing.output)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("out2/book.txt").path))

        // --styles names the folder: that one is used.
        let given = try Files.run(lone, ["build", "--manuscript", "sach", "--out", "out3", "--format", "html",
                                         "--styles", Self.repo.appendingPathComponent("styles").path],
                                  in: work, environment: environment)
        #expect(given.status == 0, "\(given.output)")
    }
}
