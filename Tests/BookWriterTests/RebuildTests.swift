import Foundation
import Testing
import ManuscriptGenerator
import ManuscriptModel
import ManuscriptReader
import XMLKit
@testable import BookWriter
@testable import Pipeline

/// Rebuilds with the cache in `<out>/.cache` write exactly what a build without it writes, and
/// never trust what they cannot check.
@Suite(.inEnglish) struct RebuildTests {
    /// A generated manuscript whose book holds every candidate.
    struct Corpus {
        let root: String
        var manuscript: String { root + "/m" }

        init(submissions: Int = 24) throws {
            root = try temporaryFolder("rebuild")
            _ = try ManuscriptGenerator.generate(into: URL(fileURLWithPath: root + "/m"),
                                                 options: GeneratorOptions(submissions: submissions, reviewers: 6, seed: 11))
            try """
            <?xml version="1.0" encoding="UTF-8"?>
            <selection>
              <round id="eligibility" type="screen"/>
              <round id="shortlist" type="rank" keep="\(submissions)" min-reviews="1" aggregate="mean"/>
              <round id="final" type="optimize" count="\(submissions)"/>
            </selection>
            """.write(toFile: manuscript + "/selection.xml", atomically: true, encoding: .utf8)
        }

        /// Builds docbook and text into `out` with the reader and the rounds, as `modelbook build` does.
        @discardableResult
        func build(into out: String, cache: Bool = true, log: LogLines = LogLines()) throws -> BookBuild.Report {
            var build = BookBuild(formats: [.docbook, .text], outputDirectory: out, width: 72, log: log.add)
            build.usesCache = cache
            build.program = "modelbook test"
            let report = try build.run(manuscript: manuscript, load: { folder, cache in
                try Steps.read(folder, options: ReadOptions(currentDirectory: root, keepsText: true, cache: cache)).manuscript
            }, select: { m in
                try Steps.finalSelection(m, tool: "modelbook test", log: log.add)
            })
            #expect(report.succeeded, "\(log.lines)")
            return report
        }

        /// Builds into `cached` twice (the second build's log is returned), then into `fresh`
        /// without the cache, and expects the two folders to hold the same files.
        func buildTwiceAndAfresh() throws -> (cached: String, fresh: String, log: LogLines) {
            let cached = root + "/cached"
            try build(into: cached)
            let log = LogLines()
            try build(into: cached, log: log)
            let fresh = root + "/fresh"
            try build(into: fresh, cache: false)
            #expect(files(under: cached) == files(under: fresh))
            return (cached, fresh, log)
        }

        func submissionFiles() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: manuscript + "/submissions").filter { $0.hasSuffix(".xml") }.sorted()
        }

        func changeText(of name: String, _ words: String) throws {
            let path = manuscript + "/submissions/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let at = try #require(text.range(of: "<p>"))
            try (text[..<at.upperBound] + words + text[at.upperBound...]).write(toFile: path, atomically: true, encoding: .utf8)
        }

        func cleanUp() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func aRebuildWritesWhatAFullBuildWritesAndRedoesOnlyWhatChanged() throws {
        let corpus = try Corpus()
        defer { corpus.cleanUp() }
        let (cached, fresh, log) = try corpus.buildTwiceAndAfresh()
        #expect(log.lines.contains { $0.hasPrefix("reused 48 chapters of an earlier build and wrote 0 anew") }, "\(log.lines)")
        #expect(log.lines.contains { $0.hasPrefix("read 0 files from their XML and reused") }, "\(log.lines)")
        #expect(log.lines.contains { $0.hasPrefix("24 unchanged chapters were valid in an earlier build") }, "\(log.lines)")
        #expect(!FileManager.default.fileExists(atPath: fresh + "/.cache"))

        // One submission's text changes: one file is read, two chapters are written (DocBook and
        // text), one is validated in full, and the outputs are a full build's.
        try corpus.changeText(of: try corpus.submissionFiles()[5], "Nay bổ sung: ")
        let after = LogLines()
        try corpus.build(into: cached, log: after)
        let full = corpus.root + "/full"
        try corpus.build(into: full, cache: false)
        #expect(files(under: cached) == files(under: full))
        #expect(files(under: cached)["book.txt"] != files(under: fresh)["book.txt"])
        #expect(after.lines.contains { $0.hasPrefix("read 1 file from their XML") }, "\(after.lines)")
        #expect(after.lines.contains { $0.hasPrefix("reused 46 chapters of an earlier build and wrote 2 anew") }, "\(after.lines)")
        #expect(after.lines.contains { $0.hasPrefix("23 unchanged chapters were valid in an earlier build") && $0.contains("1 new chapter)") }, "\(after.lines)")
    }

    /// A chapter whose text the quick NFC check cannot vouch for (here a Han character) is
    /// normalised with the book and never kept, so every chapter taken from the cache needs no
    /// second look: the outputs are still a full build's.
    @Test func aChapterNotCertainlyNFCIsWrittenAnewEachTime() throws {
        let corpus = try Corpus()
        defer { corpus.cleanUp() }
        // A submission the book prints as submitted (not through an edit).
        let edited = Set(try FileManager.default.contentsOfDirectory(atPath: corpus.manuscript + "/edits"))
        try corpus.changeText(of: try #require(try corpus.submissionFiles().first { !edited.contains($0) }), "Chữ Hán 民 và e\u{301}: ")
        let (cached, _, again) = try corpus.buildTwiceAndAfresh()
        #expect(again.lines.contains { $0.hasPrefix("reused 46 chapters of an earlier build and wrote 2 anew") }, "\(again.lines)")
        // Compared as bytes: Swift's strings take "e\u{301}" and "é" as equal.
        let text = try #require(FileManager.default.contents(atPath: cached + "/book.txt"))
        #expect(text.range(of: Data("Chữ Hán 民 và \u{E9}: ".utf8)) != nil)
        #expect(text.range(of: Data("e\u{301}".utf8)) == nil)
    }

    /// The drafts are written over the previous build's, kept as spares in the cache; a hard link
    /// someone made to an output keeps its bytes, and its file is never written over.
    @Test func draftsAreWrittenOverSparesButNeverOverALinkSomeoneMade() throws {
        let corpus = try Corpus()
        defer { corpus.cleanUp() }
        let out = corpus.root + "/cached"
        try corpus.build(into: out)
        let first = try Data(contentsOf: URL(fileURLWithPath: out + "/book.txt"))
        #expect(link(out + "/book.txt", corpus.root + "/mine.txt") == 0)
        try corpus.changeText(of: try corpus.submissionFiles()[2], "Lần hai: ")
        try corpus.build(into: out)
        let second = try Data(contentsOf: URL(fileURLWithPath: out + "/book.txt"))
        #expect(second != first)
        // The first book.txt had another link, so it was not kept as a spare.
        #expect(!FileManager.default.fileExists(atPath: out + "/.cache/spare-book.txt"))
        #expect(FileManager.default.fileExists(atPath: out + "/.cache/spare-book.xml"))
        try corpus.changeText(of: try corpus.submissionFiles()[2], "Lần ba: ")
        try corpus.build(into: out)
        try corpus.changeText(of: try corpus.submissionFiles()[2], "Lần bốn: ")
        try corpus.build(into: out)
        #expect(try Data(contentsOf: URL(fileURLWithPath: corpus.root + "/mine.txt")) == first)
        // The spare is the previous build's output; the outputs are a full build's.
        #expect(FileManager.default.fileExists(atPath: out + "/.cache/spare-book.txt"))
        let fresh = corpus.root + "/fresh"
        try corpus.build(into: fresh, cache: false)
        #expect(files(under: out) == files(under: fresh))
        #expect(!FileManager.default.fileExists(atPath: fresh + "/.cache"))
        var st = stat()
        #expect(lstat(out + "/book.xml", &st) == 0 && st.st_nlink == 1)
    }

    @Test func aDamagedCacheIsNotTrustedAndIsMadeAgain() throws {
        let corpus = try Corpus(submissions: 12)
        defer { corpus.cleanUp() }
        let out = corpus.root + "/out"
        try corpus.build(into: out)
        let expected = files(under: out)
        // Bytes changed all through the chapters (their checksums fail), and the read cache cut short.
        let chapters = out + "/.cache/chapters.cache"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: chapters)))
        for i in stride(from: bytes.count / 4, to: bytes.count, by: 997) { bytes[i] ^= 0x20 }
        try Data(bytes).write(to: URL(fileURLWithPath: chapters))
        let read = out + "/.cache/read.cache"
        let whole = try Data(contentsOf: URL(fileURLWithPath: read))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: read))

        let log = LogLines()
        try corpus.build(into: out, log: log)
        #expect(files(under: out) == expected)
        #expect(log.lines.contains { $0.contains("of the cache were damaged and not used") }, "\(log.lines)")
        // The next build finds a whole cache again.
        let next = LogLines()
        try corpus.build(into: out, log: next)
        #expect(next.lines.contains { $0.hasPrefix("reused 24 chapters") }, "\(next.lines)")
        #expect(next.lines.contains { $0.hasPrefix("read 0 files from their XML") }, "\(next.lines)")
        #expect(!next.lines.contains { $0.contains("damaged") })

        // Deleting the cache is always safe.
        try FileManager.default.removeItem(atPath: out + "/.cache")
        try corpus.build(into: out)
        #expect(files(under: out) == expected)
    }

    @Test func figuresStayInPlaceUnlessTheirCopyChanged() throws {
        let corpus = try Corpus(submissions: 20)
        defer { corpus.cleanUp() }
        let out = corpus.root + "/out"
        try corpus.build(into: out)
        let expected = files(under: out)
        let figures = expected.keys.filter { $0.hasPrefix("images/") }.sorted()
        try #require(figures.count >= 2)
        func inode(_ path: String) -> UInt64 {
            var st = stat()
            return lstat(out + "/" + path, &st) == 0 ? UInt64(st.st_ino) : 0
        }
        let before = figures.map(inode)
        // Someone writes over one figure in the output folder: it is copied again; the others stay.
        try Data("not the figure".utf8).write(to: URL(fileURLWithPath: out + "/" + figures[0]))
        try corpus.build(into: out)
        #expect(files(under: out) == expected)
        let after = figures.map(inode)
        #expect(Array(after.dropFirst()) == Array(before.dropFirst()))
        // Without the list, every figure is copied anew, with the same bytes.
        try FileManager.default.removeItem(atPath: out + "/.cache/images.list")
        try corpus.build(into: out)
        #expect(files(under: out) == expected)
        #expect(figures.dropFirst().map(inode) != Array(after.dropFirst()))
    }

    @Test func aSecondBuildIntoTheSameFolderIsRefusedWhileTheFirstRuns() throws {
        let corpus = try Corpus(submissions: 4)
        defer { corpus.cleanUp() }
        let out = corpus.root + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        do {
            let held = try BuildLock(folder: out, shown: "out")
            let error = #expect(throws: PipelineError.self) { try corpus.build(into: out) }
            #expect(error?.message.contains("another build (process \(getpid())) is writing into") == true, "\(String(describing: error))")
            withExtendedLifetime(held) {}
        }
        // Once it is released, the build runs.
        try corpus.build(into: out)
    }

    /// The reduced document (chapters known to be valid left out) is valid exactly when the book
    /// is, and points at an error where the whole book.xml has it.
    @Test(arguments: [true, false])
    func leavingOutKnownChaptersFindsTheSameErrorsAtTheSamePlaces(withJing: Bool) throws {
        let corpus = try Corpus(submissions: 10)
        defer { corpus.cleanUp() }
        let out = corpus.root + "/out"
        try corpus.build(into: out, cache: false)
        let xml = try String(contentsOfFile: out + "/book.xml", encoding: .utf8)
        let schema = BookBuild(formats: [.docbook], log: { _ in }).docbookSchema
        let validator: BookValidator = withJing ? BookValidator.choose(path: ProcessInfo.processInfo.environment["PATH"]) : .libxml2
        func problems(_ bytes: [UInt8]) throws -> [XMLProblem] {
            let file = out + "/check.xml"
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            return try validator.validate(file: file, bytes: bytes, parts: [], schemaPath: schema, environment: ProcessInfo.processInfo.environment).problems
        }
        func chapterRanges(_ text: String) -> [Range<Int>] {
            let bytes = Array(text.utf8)
            var out: [Range<Int>] = []
            var i = 0
            let open = Array("<chapter ".utf8), close = Array("</chapter>".utf8)
            while i < bytes.count {
                if bytes[i...].starts(with: open) {
                    var j = i
                    while !bytes[j...].starts(with: close) { j += 1 }
                    out.append(i..<(j + close.count))
                    i = j
                }
                i += 1
            }
            return out
        }
        let chapters = chapterRanges(xml)
        try #require(chapters.count == 10)
        let known = Array(chapters.dropFirst(3))
        #expect(try problems(DocBookValidation.reduced(Array(xml.utf8), replacing: known)).isEmpty)

        // An element DocBook does not have, in a chapter left in.
        let broken = xml.replacingOccurrences(of: "<para>", with: "<paragraf>", options: [], range: xml.range(of: "<para>")!)
            .replacingOccurrences(of: "</para>", with: "</paragraf>", options: [], range: xml.range(of: "</para>")!)
        let whole = try problems(Array(broken.utf8))
        let reduced = try problems(DocBookValidation.reduced(Array(broken.utf8), replacing: chapterRanges(broken).suffix(7)))
        try #require(!whole.isEmpty)
        #expect(reduced.map(\.line).contains(whole[0].line))

        // A chapter left in takes the id of one left out: the duplicate is found.
        let ids = chapters.map { DocBookValidation.xmlIDs(Array(xml.utf8)[$0]).first! }
        let duplicate = xml.replacingOccurrences(of: "xml:id=\"\(ids[0])\"", with: "xml:id=\"\(ids[9])\"")
        #expect(try !problems(DocBookValidation.reduced(Array(duplicate.utf8), replacing: chapterRanges(duplicate).suffix(7))).isEmpty)
    }
}

/// What a chapter is written from leaves out exactly what it does not print.
@Suite struct ChapterSourceTests {
    @Test func theScoreAndTheDocBookNumberAreNotPartOfTheSourceAndAreNotPrinted() throws {
        let book = try sampleBook()
        let entry = try #require(book.entries.first)
        var moved = entry
        moved.selection = BookSelection.Entry(submission: entry.submission, rank: 99, score: 1.25, rawMean: 1, countedReviews: 1)
        moved.number = 77
        #expect(moved.chapterSource(format: "docbook", words: .vi) == entry.chapterSource(format: "docbook", words: .vi))
        #expect(moved.chapterSource(format: "text", width: 72, words: .vi) != entry.chapterSource(format: "text", width: 72, words: .vi))
        var a = DocBookOutput(words: .vi), b = DocBookOutput(words: .vi)
        a.chapter(entry)
        b.chapter(moved)
        #expect(a.out == b.out)
        var scoreOnly = entry
        scoreOnly.selection = moved.selection
        var t1 = TextOutput(width: 72, words: .vi), t2 = TextOutput(width: 72, words: .vi)
        t1.entry(entry)
        t2.entry(scoreOnly)
        #expect(t1.text == t2.text)
        #expect(scoreOnly.chapterSource(format: "text", width: 72, words: .vi) == entry.chapterSource(format: "text", width: 72, words: .vi))
    }

    /// The source writes the properties it knows; one added to the entry must be added there too.
    @Test func theSourceCoversEveryPropertyOfTheEntry() throws {
        let entry = try #require(try sampleBook().entries.first)
        #expect(Mirror(reflecting: entry).children.compactMap(\.label) == [
            "id", "number", "submission", "kind", "title", "field", "unit", "district", "period", "people", "summary",
            "body", "results", "endorsement", "attachmentCaptions", "selection", "edited"])
    }
}
