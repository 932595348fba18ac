import BookWriter
import Crypto
import Foundation
import ManuscriptReader

/// The chapters of earlier builds and their verdicts, in `<out>/.cache/chapters.cache`
/// (docs/design.md, "Rebuilds").
///
/// A chapter (its DocBook, or its plain text at one width) is found by its source: what the
/// writers write it from (`Book.Entry.chapterSource`). A verdict says that a chapter, byte for
/// byte, was part of a book that the DocBook 5.0 schema found valid; it is found by the chapter's
/// bytes. The file's identity is the program and the schema's bytes, so another program or
/// another schema starts from an empty cache.
final class ChapterStore: ChapterCache, @unchecked Sendable {
    private let file: CacheFile
    private let lock = NSLock()
    private var counts = Counts()

    struct Counts: Hashable, Sendable {
        var reused = 0
        var written = 0
        var damaged = 0
    }

    init(folder: String, program: String, schemaPath: String) {
        let schema = FileManager.default.contents(atPath: schemaPath).map { SHA256.hash(data: $0).map { String(format: "%02x", $0) }.joined() }
        file = CacheFile(path: folder + "/chapters.cache", kind: "chapters", identity: [program, schema ?? "-"])
    }

    var counted: Counts { lock.withLock { counts } }

    func chapter(for source: [UInt8]) -> [UInt8]? {
        let key = CacheFile.Key(hashing: source)
        switch file.entry(key) {
        case .found(let bytes, let range):
            file.use(key)
            lock.withLock { counts.reused += 1 }
            return Array(bytes[range])
        case .damaged:
            lock.withLock { counts.damaged += 1 }
            return nil
        case .missing:
            return nil
        }
    }

    func keep(_ chapter: [UInt8], for source: [UInt8]) {
        file.store(CacheFile.Key(hashing: source), chapter)
        lock.withLock { counts.written += 1 }
    }

    /// The key of a verdict: the chapter's bytes, and the book's start tag, whose namespace
    /// declarations the chapter's names depend on.
    private static func verdictKey(_ chapter: ArraySlice<UInt8>, book: ArraySlice<UInt8>) -> CacheFile.Key {
        var hash = SHA256()
        hash.update(data: Array("verdict".utf8))
        for piece in [book, chapter] {
            withUnsafeBytes(of: UInt64(piece.count).littleEndian) { hash.update(bufferPointer: $0) }
            piece.withUnsafeBytes { hash.update(bufferPointer: $0) }
        }
        return CacheFile.Key(hash.finalize())
    }

    /// Whether these exact bytes were a chapter of a valid book with this start tag.
    func wasValid(_ chapter: ArraySlice<UInt8>, book: ArraySlice<UInt8>) -> Bool {
        file.has(Self.verdictKey(chapter, book: book))
    }

    /// Records that these exact bytes are a chapter of a valid book with this start tag.
    func markValid(_ chapter: ArraySlice<UInt8>, book: ArraySlice<UInt8>) {
        let key = Self.verdictKey(chapter, book: book)
        if !file.has(key) { file.store(key, []) }
    }

    func save() -> String? { file.save() }
}
