import Foundation
import Testing
@testable import ManuscriptReader
import ManuscriptGenerator
import ManuscriptModel

/// The read cache gives exactly what reading the XML gives: the same manuscript, findings and
/// counts, whether entries are reused, missing, stale or damaged.
@Suite struct ReadCacheTests {
    /// A generated manuscript (with edits, figures and attachments) in a fresh folder, and a cache folder.
    struct Corpus {
        let root: URL
        var manuscript: String { root.appendingPathComponent("m").path }
        var cacheFolder: String { root.appendingPathComponent("cache").path }

        init(submissions: Int = 60) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("modelbook-readcache-\(UUID().uuidString)")
            _ = try ManuscriptGenerator.generate(into: URL(fileURLWithPath: root.path + "/m"),
                                                 options: GeneratorOptions(submissions: submissions, reviewers: 6, seed: 7))
        }

        func read(_ cache: ReadCache?, keepsText: Bool = true) -> ReadResult {
            ManuscriptReader.read(folder: manuscript, options: ReadOptions(currentDirectory: root.path, keepsText: keepsText, cache: cache))
        }

        func cache() -> ReadCache { ReadCache(folder: cacheFolder, program: "test 1") }

        func path(_ relative: String) -> String { manuscript + "/" + relative }

        func files(_ folder: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: path(folder)).filter { $0.hasSuffix(".xml") }.sorted()
        }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let text = try String(contentsOfFile: path(relative), encoding: .utf8)
            let changed = change(text)
            #expect(changed != text)
            try changed.write(toFile: path(relative), atomically: false, encoding: .utf8)
        }

        func cleanUp() { try? FileManager.default.removeItem(at: root) }
    }

    static func same(_ a: ReadResult, _ b: ReadResult, _ comment: Comment? = nil) {
        #expect(a.manuscript == b.manuscript, comment)
        #expect(a.findings == b.findings, comment)
        #expect(a.counts == b.counts, comment)
    }

    @Test func aSecondReadReusesEveryFileAndGivesTheSameManuscript() throws {
        let corpus = try Corpus()
        defer { corpus.cleanUp() }
        let plain = corpus.read(nil)
        #expect(plain.findings.filter { $0.severity == .error }.isEmpty)
        let first = corpus.cache()
        Self.same(corpus.read(first), plain)
        #expect(first.counted.reused == 0)
        #expect(first.save() == nil)
        let cacheable = try corpus.files("submissions").count + corpus.files("reviews").count + corpus.files("edits").count
        #expect(first.counted.read == cacheable)

        let second = corpus.cache()
        Self.same(corpus.read(second), plain)
        #expect(second.counted == ReadCache.Counts(reused: cacheable, read: 0, damaged: 0))

        // Without the text, the entries are others (the key says so), and the result is still the reader's.
        let noText = corpus.cache()
        Self.same(corpus.read(noText, keepsText: false), corpus.read(nil, keepsText: false))
        #expect(noText.counted.reused == 0)
    }

    @Test func aChangedFileOrAttachmentIsReadAgain() throws {
        let corpus = try Corpus()
        defer { corpus.cleanUp() }
        let cache = corpus.cache()
        _ = corpus.read(cache)
        cache.save()

        // One submission's text, one score sheet, one attachment's bytes (its digest no longer matches).
        let submission = try corpus.files("submissions")[3]
        try corpus.edit("submissions/" + submission) { $0.replacingOccurrences(of: "<p>", with: "<p>Nay bổ sung: ") }
        let sheet = try corpus.files("reviews")[0]
        try corpus.edit("reviews/" + sheet) { $0.replacingOccurrences(of: "</reviews>", with: "") + "" }
        let attachmentsRoot = corpus.path("attachments")
        let owner = try #require(FileManager.default.contentsOfDirectory(atPath: attachmentsRoot).sorted().first)
        let attachment = try #require(FileManager.default.contentsOfDirectory(atPath: attachmentsRoot + "/" + owner).first)
        try corpus.edit("attachments/\(owner)/\(attachment)") { $0.replacingOccurrences(of: "</svg>", with: "<!-- sửa --></svg>") }

        let plain = corpus.read(nil)
        // The sheet is now malformed, the attachment's digest is wrong: both are reported as without a cache.
        #expect(plain.findings.contains { $0.severity == .error && $0.location.path.hasSuffix(sheet) })
        #expect(plain.findings.contains { $0.location.path.contains(owner) })
        let again = corpus.cache()
        Self.same(corpus.read(again), plain)
        // The owner of the attachment (and its edit, if any) and the two changed files are read from XML.
        #expect(again.counted.read >= 3)
        #expect(again.counted.read <= 4)
        #expect(again.counted.damaged == 0)

        // A file with a finding of its own (the malformed sheet) is not kept: a third read reads it
        // again and says the same. The submission whose attachment changed is kept: the wrong
        // digest is a finding of the checks across files, which run on the cached values every time.
        again.save()
        let third = corpus.cache()
        Self.same(corpus.read(third), plain)
        #expect(third.counted.read == 1)
    }

    @Test func aDamagedTruncatedOrForeignCacheIsNeverTrusted() throws {
        let corpus = try Corpus(submissions: 30)
        defer { corpus.cleanUp() }
        let plain = corpus.read(nil)
        let cache = corpus.cache()
        _ = corpus.read(cache)
        cache.save()
        let file = corpus.cacheFolder + "/read.cache"
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))

        // One byte changed in the last entry's payload: that entry's checksum fails.
        var flipped = good
        flipped[flipped.count - 10] ^= 0x01
        try Data(flipped).write(to: URL(fileURLWithPath: file))
        let damaged = corpus.cache()
        Self.same(corpus.read(damaged), plain)
        #expect(damaged.counted.damaged == 1)
        #expect(damaged.counted.read == 1)

        // Cut short (a build stopped while appending): the whole entries before the cut are used,
        // the files after it are read, and the next save writes the file whole again.
        try Data(good.prefix(good.count / 2)).write(to: URL(fileURLWithPath: file))
        let truncated = corpus.cache()
        Self.same(corpus.read(truncated), plain)
        #expect(truncated.counted.reused > 0)
        #expect(truncated.counted.read > 0)
        #expect(truncated.save() == nil)
        let whole = corpus.cache()
        Self.same(corpus.read(whole), plain)
        #expect(whole.counted.read == 0)

        // Written by another program (or version): ignored whole.
        try Data(good).write(to: URL(fileURLWithPath: file))
        let other = ReadCache(folder: corpus.cacheFolder, program: "test 2")
        Self.same(corpus.read(other), plain)
        #expect(other.counted.reused == 0)

        // Garbage of the right length in place of the entries.
        var garbage = good
        let start = good.count / 3
        for i in start..<good.count { garbage[i] = UInt8(truncatingIfNeeded: i &* 31) }
        try Data(garbage).write(to: URL(fileURLWithPath: file))
        let scrambled = corpus.cache()
        Self.same(corpus.read(scrambled), plain)
    }
}

/// The binary form of the model reads back to the same values, and covers every stored property.
@Suite struct BinaryCodingTests {
    @Test func generatedSubmissionsAndSheetsReadBackWhole() throws {
        let corpus = try ReadCacheTests.Corpus(submissions: 80)
        defer { corpus.cleanUp() }
        let m = corpus.read(nil).manuscript
        #expect(m.submissions.count == 80)
        for s in m.submissions + Array(m.edits.values) {
            let bytes = s.binary(commonPath: s.location.path)
            var r = BinaryReader(bytes, commonPath: s.location.path)
            #expect(try Submission(from: &r) == s)
            #expect(r.isAtEnd)
            var dropped = s
            dropped.dropText()
            var r2 = BinaryReader(dropped.binary())
            #expect(try Submission(from: &r2) == dropped)
        }
        for sheet in m.reviewSheets {
            var r = BinaryReader(sheet.binary())
            #expect(try ReviewSheet(from: &r) == sheet)
        }
    }

    @Test func everyByteStringCutShortIsRefused() throws {
        let corpus = try ReadCacheTests.Corpus(submissions: 3)
        defer { corpus.cleanUp() }
        let s = try #require(corpus.read(nil).manuscript.submissions.first)
        let bytes = s.binary()
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            var r = BinaryReader(Array(bytes.prefix(cut)))
            #expect(throws: BinaryReader.Malformed.self) { try Submission(from: &r) }
        }
    }

    /// The coding writes the properties it knows; a property added to the model must be added
    /// there too (and to this list).
    @Test func theCodedPropertiesAreTheModelsProperties() throws {
        let corpus = try ReadCacheTests.Corpus(submissions: 4)
        defer { corpus.cleanUp() }
        let m = corpus.read(nil).manuscript
        let s = try #require(m.submissions.first)
        #expect(Mirror(reflecting: s).children.compactMap(\.label) == [
            "id", "kind", "language", "title", "field", "unit", "registered", "period", "people", "summary", "body",
            "results", "endorsement", "attachments", "location", "bodyWordsOfDroppedText"])
        let review = try #require(m.reviews.first)
        #expect(Mirror(reflecting: review).children.compactMap(\.label) == [
            "reviewer", "round", "submission", "date", "scores", "comment", "location"])
        #expect(Mirror(reflecting: try #require(m.reviewSheets.first)).children.compactMap(\.label) == [
            "reviewer", "round", "reviews", "conflicts", "location"])
    }
}

/// The cache file appends what is new, and is written anew when mostly stale.
@Suite struct CacheFileTests {
    /// A mapped file reads as its bytes, and stays readable after the file is replaced by a rename
    /// (as a cache file is compacted); what cannot be mapped is nil, an empty file is empty.
    @Test func aMappedFileReadsAsItsBytesAndOutlivesItsReplacement() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modelbook-map-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = (0..<100_000).map { UInt8($0 % 253) }
        #expect(PlainFile.write(bytes, to: folder + "/a"))
        let mapped = try #require(ByteBuffer.map(path: folder + "/a"))
        #expect(Array(mapped.bytes) == bytes)
        #expect(Array(mapped[5..<9]) == [5, 6, 7, 8])
        #expect(PlainFile.write([1, 2, 3], to: folder + "/b"))
        #expect(rename(folder + "/b", folder + "/a") == 0)
        #expect(Array(mapped.bytes) == bytes)
        var r = BinaryReader(mapped, range: 10..<12)
        #expect(try r.byte() == 10)
        #expect(ByteBuffer.map(path: folder + "/missing") == nil)
        #expect(ByteBuffer.map(path: folder) == nil)
        #expect(symlink(folder + "/a", folder + "/link") == 0)
        #expect(ByteBuffer.map(path: folder + "/link") == nil)
        #expect(PlainFile.write([UInt8](), to: folder + "/empty"))
        #expect(ByteBuffer.map(path: folder + "/empty")?.count == 0)
    }

    @Test func entriesAreAppendedAndTheFileIsCompactedWhenMostlyStale() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modelbook-cachefile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/test.cache"
        func key(_ i: Int) -> CacheFile.Key { CacheFile.Key(hashing: Array("key \(i)".utf8)) }
        func payload(_ i: Int) -> [UInt8] { Array(repeating: UInt8(i % 251), count: 1000 + i) }
        func size() -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

        let first = CacheFile(path: path, kind: "test", identity: ["a"])
        for i in 0..<10 { first.store(key(i), payload(i)) }
        #expect(first.save() == nil)
        let full = size()

        // Eight of ten used, one new: appended, nothing rewritten.
        let second = CacheFile(path: path, kind: "test", identity: ["a"])
        for i in 0..<8 {
            guard case .found(let bytes, let range) = second.entry(key(i)) else { Issue.record("entry \(i) missing"); continue }
            #expect(Array(bytes[range]) == payload(i))
            second.use(key(i))
        }
        second.store(key(10), payload(10))
        #expect(second.save() == nil)
        #expect(size() > full)

        // Two of eleven used, one new: the file keeps only those three.
        let third = CacheFile(path: path, kind: "test", identity: ["a"])
        third.use(key(1))
        third.use(key(10))
        third.store(key(11), payload(11))
        #expect(third.save() == nil)
        #expect(size() < full / 2)
        let fourth = CacheFile(path: path, kind: "test", identity: ["a"])
        for i in [1, 10, 11] {
            guard case .found(let bytes, let range) = fourth.entry(key(i)) else { Issue.record("entry \(i) missing"); continue }
            #expect(Array(bytes[range]) == payload(i))
        }
        if case .found = fourth.entry(key(0)) { Issue.record("a stale entry was kept") }

        // Another identity: nothing is found.
        let other = CacheFile(path: path, kind: "test", identity: ["b"])
        if case .found = other.entry(key(1)) { Issue.record("an entry of another identity was used") }
    }
}
