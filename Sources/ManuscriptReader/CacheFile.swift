import Crypto
import Foundation
import ManuscriptModel

/// One file of the build's cache (`<out>/.cache/`): entries of bytes found by 32-byte keys
/// (SHA-256 digests of what the entry was made from), for the read cache and the chapters.
///
/// The file starts with a header that names its kind and its identity (the program that wrote it,
/// and whatever else every entry depends on); a file with another header is ignored whole. Then
/// come the entries, to the end of the file: each is its key, the SHA-256 of its bytes, their
/// length and the bytes. The checksum is checked before an entry is used: an entry that does not
/// check is `damaged`, and the caller makes it again. An entry cut short (a build stopped while
/// appending) ends the file: the entries before it are kept.
///
/// `save` appends the entries stored since the file was opened, so a rebuild that changed one
/// chapter writes one chapter, not the whole cache. When the entries no build used any more would
/// fill more than half the file, or its end was cut short, it writes the used and stored entries to
/// a temporary file renamed into place instead, so a reader sees a whole file, the new one or the
/// previous one. A file that cannot be read or written costs time, never a result.
public final class CacheFile: @unchecked Sendable {
    public let path: String
    private let header: [UInt8]
    /// The file as it was opened, mapped (empty when there was none).
    private var stored = ByteBuffer(copying: [])
    /// Where each entry's checksum and bytes are in `stored`.
    private var entries: [Key: (checksum: Range<Int>, payload: Range<Int>)] = [:]
    private let lock = NSLock()
    private var used: Set<Key> = []
    /// Keys of the entries stored since the file was opened: already written, not held in memory.
    private var fresh: Set<Key> = []
    /// The file read back to its end without a cut-short entry (so entries can be appended to it).
    private var wholeFile = false
    /// Where stored entries go as they come: the file itself (appending to a whole file), or a
    /// temporary file started with the header (a file written anew); -1 until the first store.
    private var journal: Int32 = -1
    private var writeProblem: String?
    private var temporaryPath: String { path + ".tmp-\(getpid())" }
    private var appending: Bool { wholeFile && stored.count > 0 }

    public struct Key: Hashable, Sendable {
        var a, b, c, d: UInt64

        /// The SHA-256 of `bytes`.
        public init(hashing bytes: [UInt8]) {
            self.init(SHA256.hash(data: bytes))
        }

        /// A SHA-256 digest computed by the caller (hashing pieces without joining them).
        public init(_ digest: SHA256.Digest) {
            var words = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            digest.withUnsafeBytes { raw in
                words = (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                         raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            }
            (a, b, c, d) = words
        }

        init?(_ bytes: ArraySlice<UInt8>) {
            guard bytes.count == 32 else { return nil }
            var words = [UInt64](repeating: 0, count: 4)
            for (i, byte) in bytes.enumerated() { words[i / 8] |= UInt64(byte) << (8 * UInt64(i % 8)) }
            (a, b, c, d) = (words[0], words[1], words[2], words[3])
        }

        var bytes: [UInt8] {
            var out: [UInt8] = []
            for w in [a, b, c, d] { withUnsafeBytes(of: w.littleEndian) { out.append(contentsOf: $0) } }
            return out
        }
    }

    public enum Lookup {
        /// The entry's bytes are `bytes[range]`.
        case found(ByteBuffer, Range<Int>)
        case missing
        case damaged
    }

    static let magic = Array("modelbook-cache\n".utf8)
    /// The layout of the file; raised whenever it changes.
    static let formatVersion: UInt64 = 1

    /// Opens (reads) the file at `path`, if it is there and has this kind and identity.
    public init(path: String, kind: String, identity: [String]) {
        self.path = path
        var w = BinaryWriter()
        w.unsigned(Self.formatVersion)
        w.string(kind)
        w.unsigned(UInt64(identity.count))
        for part in identity { w.string(part) }
        header = Self.magic + w.bytes
        load()
    }

    private func load() {
        guard let bytes = ByteBuffer.map(path: path), bytes.bytes.starts(with: header) else { return }
        var r = BinaryReader(bytes, range: header.count..<bytes.count)
        var found: [Key: (checksum: Range<Int>, payload: Range<Int>)] = [:]
        var end = header.count
        while !r.isAtEnd {
            do {
                let keyStart = r.offset
                try r.skip(32)
                guard let key = Key(bytes[keyStart..<keyStart + 32]) else { break }
                let checksum = r.offset..<(r.offset + 32)
                try r.skip(32)
                let length = try r.count()
                let payload = r.offset..<(r.offset + length)
                try r.skip(length)
                found[key] = (checksum, payload)
                end = r.offset
            } catch {
                break
            }
        }
        wholeFile = end == bytes.count
        stored = bytes
        entries = found
    }

    /// The entry of `key`, its checksum checked. Does not mark it used (`use` does).
    public func entry(_ key: Key) -> Lookup {
        guard let (checksum, payload) = entries[key] else { return .missing }
        let all = stored.bytes
        let good = SHA256.hash(data: UnsafeRawBufferPointer(rebasing: all[payload])).elementsEqual(all[checksum])
        return good ? .found(stored, payload) : .damaged
    }

    /// Whether a whole entry is there (its checksum checked); marks it used when it is.
    public func has(_ key: Key) -> Bool {
        guard case .found = entry(key) else { return false }
        use(key)
        return true
    }

    /// Keeps the entry in the file at the next `save`.
    public func use(_ key: Key) {
        lock.withLock { _ = used.insert(key) }
    }

    /// Stores a new entry: written at once (see `save`), so the cache never holds new entries in memory.
    public func store(_ key: Key, _ payload: [UInt8]) {
        var bytes = Self.entryBytes(key, checksum: Array(SHA256.hash(data: payload)), payload: payload[...])
        lock.withLock {
            guard writeProblem == nil else { return }
            if journal < 0 { openJournal() }
            guard journal >= 0, bytes.withUnsafeBytes({ PlainFile.writeAll(journal, $0) }) else {
                fail()
                return
            }
            fresh.insert(key)
        }
        bytes = []
    }

    private static func entryBytes(_ key: Key, checksum: [UInt8], payload: ArraySlice<UInt8>) -> [UInt8] {
        var length = BinaryWriter(capacity: 10)
        length.unsigned(UInt64(payload.count))
        var out: [UInt8] = []
        out.reserveCapacity(64 + length.bytes.count + payload.count)
        out += key.bytes
        out += checksum
        out += length.bytes
        out += payload
        return out
    }

    /// Opens where new entries go (under the lock).
    private func openJournal() {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if appending {
            journal = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        } else {
            journal = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if journal >= 0, !header.withUnsafeBytes({ PlainFile.writeAll(journal, $0) }) { fail() }
        }
        if journal < 0 && writeProblem == nil { fail() }
    }

    /// Remembers why the cache could not be written, and writes nothing more (under the lock).
    private func fail() {
        if writeProblem == nil { writeProblem = "\(path): \(String(cString: strerror(errno)))" }
        if journal >= 0 { close(journal) }
        journal = -1
        if !appending { unlink(temporaryPath) }
    }

    deinit {
        if journal >= 0 {
            close(journal)
            if !appending { unlink(temporaryPath) }
        }
    }

    /// Finishes the file: the entries stored were appended to it as they came; it is written anew
    /// (the entries used and stored, through a temporary file renamed into place) when it was not
    /// whole, or when the entries no build used any more fill more than half of it. Returns the
    /// reason when the file could not be written.
    @discardableResult
    public func save() -> String? {
        lock.withLock {
            if let writeProblem { return writeProblem }
            let kept = used.filter { entries[$0] != nil && !fresh.contains($0) }
            let keptBytes = kept.reduce(0) { $0 + entries[$1]!.payload.count }
            let allBytes = entries.values.reduce(0) { $0 + $1.payload.count }
            if appending {
                if journal >= 0 { close(journal) }
                journal = -1
                guard allBytes - keptBytes > allBytes / 2 else { return nil }
                // Mostly stale: the kept entries, then the ones just appended, into a new file.
                guard let now = FileManager.default.contents(atPath: path), now.count >= stored.count else { return nil }
                let appended = [UInt8](now[stored.count...])
                wholeFile = false
                openJournal()
                guard journal >= 0, writeKept(kept), appended.withUnsafeBytes({ PlainFile.writeAll(journal, $0) }) else {
                    fail()
                    return writeProblem
                }
            } else {
                if journal < 0 {
                    // Nothing new: a file that holds only what was used stays as it is.
                    if fresh.isEmpty && (kept.count == entries.count || kept.isEmpty) { return nil }
                    openJournal()
                }
                guard journal >= 0, writeKept(kept) else {
                    fail()
                    return writeProblem
                }
            }
            close(journal)
            journal = -1
            guard rename(temporaryPath, path) == 0 else {
                fail()
                unlink(temporaryPath)
                return writeProblem
            }
            return nil
        }
    }

    /// Writes the kept entries of the file as it was opened to the journal (under the lock).
    private func writeKept(_ kept: Set<Key>) -> Bool {
        for key in kept {
            let (checksum, payload) = entries[key]!
            let bytes = Self.entryBytes(key, checksum: Array(stored[checksum]), payload: stored[payload])
            guard bytes.withUnsafeBytes({ PlainFile.writeAll(journal, $0) }) else { return false }
        }
        return true
    }
}

/// Writing a whole file with plain POSIX calls, never through a link and without `fsync`: for
/// files that are only drafts or caches (the build's staging folder, `<out>/.cache/`), which a
/// power cut costs only a rebuild.
///
/// `FileManager.createFile` writes through a temporary file and flushes it to disk (`fsync`),
/// which at 10,000 figures cost more time than copying them. A staging folder does not need
/// that: it is new for every build, its files are moved into place only when the whole format
/// succeeded, and a draft lost in a power cut is rebuilt by the next run. Round records, the
/// output manifest and review sheets, which are the board's records, keep their durable writes.
public enum PlainFile {
    /// Writes `bytes` to `path` (created or emptied first), or at its end when `appending`.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String, appending: Bool = false) -> Bool {
        let mode = appending ? O_WRONLY | O_APPEND : O_WRONLY | O_CREAT | O_TRUNC
        let fd = open(path, mode | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let written = writeAll(fd, bytes)
        return close(fd) == 0 && written
    }

    /// Writes all of `bytes` to the open file `fd` from where it stands, again after a signal
    /// interrupts; false on any other error.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    public static func write(_ bytes: [UInt8], to path: String, appending: Bool = false) -> Bool {
        bytes.withUnsafeBytes { write($0, to: path, appending: appending) }
    }

    public static func write(_ text: String, to path: String) -> Bool {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: path) }
    }
}
