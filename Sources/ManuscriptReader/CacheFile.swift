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
    private var stored: [UInt8] = []
    /// Where each entry's checksum and bytes are in `stored`.
    private var entries: [Key: (checksum: Range<Int>, payload: Range<Int>)] = [:]
    private let lock = NSLock()
    private var used: Set<Key> = []
    private var fresh: [Key: [UInt8]] = [:]
    /// The file read back to its end without a cut-short entry (so entries can be appended to it).
    private var wholeFile = false

    public struct Key: Hashable, Sendable {
        var a, b, c, d: UInt64

        /// The SHA-256 of `bytes`.
        public init(hashing bytes: [UInt8]) {
            self.init(SHA256.hash(data: bytes))
        }

        init(_ digest: SHA256.Digest) {
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
        case found([UInt8], Range<Int>)
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
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let bytes = [UInt8](data)
        guard bytes.starts(with: header) else { return }
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
        let good = stored.withUnsafeBufferPointer { all in
            SHA256.hash(data: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[payload]))).elementsEqual(all[checksum])
        }
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

    /// Stores a new entry (written at the next `save`).
    public func store(_ key: Key, _ payload: [UInt8]) {
        lock.withLock { fresh[key] = payload }
    }

    /// Appends the entries stored since the file was opened, or rewrites the file with the entries
    /// used and stored when it is mostly stale (see the type's notes). Returns the reason when the
    /// file could not be written.
    @discardableResult
    public func save() -> String? {
        let (used, fresh) = lock.withLock { (self.used, self.fresh) }
        let kept = used.filter { entries[$0] != nil && fresh[$0] == nil }
        let keptBytes = kept.reduce(0) { $0 + entries[$1]!.payload.count }
        let allBytes = entries.values.reduce(0) { $0 + $1.payload.count }
        let appending = wholeFile && !stored.isEmpty && allBytes - keptBytes <= allBytes / 2
        if fresh.isEmpty && (appending || entries.isEmpty) { return nil }
        if !appending && fresh.isEmpty && kept.count == entries.count && wholeFile { return nil }
        var out: [UInt8] = appending ? [] : header
        out.reserveCapacity((appending ? 0 : keptBytes + kept.count * 80) + fresh.values.reduce(0) { $0 + $1.count + 80 })
        func append(_ key: Key, checksum: [UInt8], payload: ArraySlice<UInt8>) {
            out += key.bytes
            out += checksum
            var length = BinaryWriter(capacity: 10)
            length.unsigned(UInt64(payload.count))
            out += length.bytes
            out += payload
        }
        if !appending {
            for key in kept {
                let (checksum, payload) = entries[key]!
                append(key, checksum: Array(stored[checksum]), payload: stored[payload])
            }
        }
        for (key, payload) in fresh {
            append(key, checksum: Array(SHA256.hash(data: payload)), payload: payload[...])
        }
        let folder = (path as NSString).deletingLastPathComponent
        let temp = path + ".tmp-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if appending {
                guard writeWhole(out, to: path, appending: true) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            } else {
                guard writeWhole(out, to: temp) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                guard rename(temp, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
        } catch {
            unlink(temp)
            return "\(path): \(error.localizedDescription)"
        }
        return nil
    }
}

/// Writes `bytes` to a new file at `path`, or at the end of the file (no `fsync`: the cache is only a cache).
func writeWhole(_ bytes: [UInt8], to path: String, appending: Bool = false) -> Bool {
    let fd = open(path, appending ? O_WRONLY | O_APPEND : O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return bytes.withUnsafeBytes { raw in
        var done = 0
        while done < raw.count {
            let n = write(fd, raw.baseAddress! + done, raw.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
    }
}
