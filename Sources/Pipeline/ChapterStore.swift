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
        let schema = FileManager.default.contents(atPath: schemaPath).map(sha256Hex)
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
            // Written anew by the caller, kept or not.
            lock.withLock { counts.damaged += 1; counts.written += 1 }
            return nil
        case .missing:
            lock.withLock { counts.written += 1 }
            return nil
        }
    }

    func keep(_ chapter: [UInt8], for source: [UInt8]) {
        file.store(CacheFile.Key(hashing: source), chapter)
    }

    /// The keys of the verdicts of `chapters` (byte ranges of the book `bytes`): each chapter's
    /// bytes with the book's start tag, whose namespace declarations the chapter's names depend on.
    func verdictKeys(_ chapters: [Range<Int>], in bytes: [UInt8]) -> [CacheFile.Key] {
        let book = bytes[DocBookValidation.bookStartTag(bytes)]
        return chapters.map { range in
            var hash = SHA256()
            hash.update(data: Array("verdict".utf8))
            for piece in [book, bytes[range]] {
                withUnsafeBytes(of: UInt64(piece.count).littleEndian) { hash.update(bufferPointer: $0) }
                piece.withUnsafeBytes { hash.update(bufferPointer: $0) }
            }
            return CacheFile.Key(hash.finalize())
        }
    }

    /// Whether the chapter of this verdict key was part of a valid book (the verdict is kept).
    func wasValid(_ key: CacheFile.Key) -> Bool { file.has(key) }

    /// Records that the chapter of this verdict key is part of a valid book.
    func markValid(_ key: CacheFile.Key) { file.store(key, []) }

    func save() -> String? { file.save() }
}
