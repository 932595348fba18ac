import Foundation
import Testing
@testable import Pipeline

/// Output folders never touch the manuscript, and only files modelbook wrote are replaced.
@Suite(.inEnglish) struct OutputFolderTests {
    /// A fresh folder with `ms/` (a manuscript with `rounds/`) and a link `alias -> ms`.
    static func work() throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("modelbook-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base + "/ms/rounds", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base + "/alias", withDestinationPath: base + "/ms")
        return OutputFolder.resolve(base)
    }

    @Test func resolveFollowsLinksDotsAndTrailingSlashes() throws {
        let w = try Self.work()
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(OutputFolder.resolve(w + "/alias/") == w + "/ms")
        #expect(OutputFolder.resolve(w + "/ms/rounds/../.") == w + "/ms")
        #expect(OutputFolder.resolve(w + "/alias/new/deeper/..") == w + "/ms/new")
    }

    @Test(arguments: [
        ("ms", "it is"), ("ms/", "it is"), ("alias", "it is"), ("ms/rounds/..", "it is"),
        ("ms/build", "it lies inside"), ("alias/new/out", "it lies inside"), ("ms/rounds", "it lies inside"),
        (".", "it contains"), ("..", "it contains"),
    ])
    func outputTouchingTheManuscriptIsRefused(out: String, why: String) throws {
        let w = try Self.work()
        defer { try? FileManager.default.removeItem(atPath: w) }
        do {
            _ = try OutputFolder.confined(out: w + "/" + out, manuscript: w + "/ms")
            Issue.record("\(out) was accepted")
        } catch let e as PipelineError {
            #expect(e.message.contains(why) && e.message.contains("the manuscript folder"), "\(e.message)")
        }
    }

    @Test func foldersBesideOrAllowedInsideAreAccepted() throws {
        let w = try Self.work()
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try OutputFolder.confined(out: w + "/build", manuscript: w + "/ms") == w + "/build")
        #expect(try OutputFolder.confined(out: w + "/ms-build", manuscript: w + "/ms") == w + "/ms-build")
        #expect(try OutputFolder.confined(out: w + "/alias/rounds/", manuscript: w + "/ms", allowedInside: ["rounds"]) == w + "/ms/rounds")
        #expect(try OutputFolder.formatFolder("rounds", manuscript: w + "/alias") == w + "/ms/rounds")
    }

    @Test func formatFolderThatIsALinkIsRefused() throws {
        let w = try Self.work()
        defer { try? FileManager.default.removeItem(atPath: w) }
        try FileManager.default.removeItem(atPath: w + "/ms/rounds")
        try FileManager.default.createDirectory(atPath: w + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: w + "/ms/rounds", withDestinationPath: w + "/elsewhere")
        #expect(throws: PipelineError.self) { try OutputFolder.formatFolder("rounds", manuscript: w + "/ms") }
    }

    // MARK: The manifest

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test func installReplacesOwnFilesRemovesStaleOnesAndLeavesForeignOnes() throws {
        let w = try Self.work()
        defer { try? FileManager.default.removeItem(atPath: w) }
        let out = w + "/out"
        try Self.write(out + "/notes.txt", "the editor's")
        try Self.write(out + "/html/mine.txt", "the editor's too")
        try Self.write(w + "/s1/book.txt", "one")
        try Self.write(w + "/s1/html/a.html", "a")
        try Self.write(w + "/s1/html/b.html", "b")
        var manifest = OutputManifest(folder: out)
        #expect(manifest.foreign() == ["html", "notes.txt"])
        try manifest.install(from: w + "/s1", items: ["book.txt", "html"])
        #expect(Self.read(out + "/html/a.html") == "a")

        // A second output without b.html: b.html goes, the foreign files stay.
        try Self.write(w + "/s2/book.txt", "two")
        try Self.write(w + "/s2/html/a.html", "a2")
        var again = OutputManifest(folder: out)
        #expect(again.owned == ["book.txt", "html/a.html", "html/b.html"])
        #expect(again.foreign() == ["html/mine.txt", "notes.txt"])
        try again.install(from: w + "/s2", items: ["book.txt", "html"])
        #expect(Self.read(out + "/book.txt") == "two")
        #expect(!FileManager.default.fileExists(atPath: out + "/html/b.html"))
        #expect(Self.read(out + "/notes.txt") == "the editor's")
        #expect(Self.read(out + "/html/mine.txt") == "the editor's too")
    }

    @Test func foreignFileWithAnOutputsNameBlocksThatOutput() throws {
        let w = try Self.work()
        defer { try? FileManager.default.removeItem(atPath: w) }
        let out = w + "/out"
        try Self.write(out + "/book.txt", "the editor's own book.txt")
        try Self.write(w + "/s/book.txt", "generated")
        var manifest = OutputManifest(folder: out)
        #expect(throws: PipelineError.self) { try manifest.install(from: w + "/s", items: ["book.txt"]) }
        #expect(Self.read(out + "/book.txt") == "the editor's own book.txt")
        // Adopted as an earlier output (the default folder of an earlier version): replaced.
        var adopted = OutputManifest(folder: out, adopting: ["book.txt"])
        try adopted.install(from: w + "/s", items: ["book.txt"])
        #expect(Self.read(out + "/book.txt") == "generated")
    }

    @Test func linkedFolderInTheOutputIsNotWrittenThrough() throws {
        let w = try Self.work()
        defer { try? FileManager.default.removeItem(atPath: w) }
        let out = w + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out + "/html", withDestinationPath: w + "/ms")
        try Self.write(w + "/s/html/index.html", "x")
        var manifest = OutputManifest(folder: out)
        #expect(throws: PipelineError.self) { try manifest.install(from: w + "/s", items: ["html"]) }
        #expect(!FileManager.default.fileExists(atPath: w + "/ms/index.html"))
    }
}
