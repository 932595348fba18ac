import Crypto
import Foundation
import ManuscriptModel

/// What reading each submission and score sheet gave in an earlier build, so that a rebuild
/// parses and validates again only the files that changed (docs/design.md, "Rebuilds").
///
/// One `CacheFile`, `<folder>/read.cache`, holds every entry. An entry is found by a key: the
/// SHA-256 of the file's bytes, with its path as printed, its format, and whether the text is
/// kept. The cache belongs to one program: its identity names the program's version, its
/// executable and the schemas it validates with. An entry that is damaged, or does not decode to
/// the end, is counted and the file is read from its XML. Only files read without a single
/// finding are kept, so a warning is never lost to the cache, and an entry keeps the digests of
/// the attachments it inspected: they are hashed again on every use.
public final class ReadCache: @unchecked Sendable {
    /// `<folder>/read.cache`.
    public var path: String { file.path }
    let file: CacheFile
    private let lock = NSLock()
    private var counts = Counts()

    /// How the files of one read were served.
    public struct Counts: Hashable, Sendable {
        /// Read from the cache.
        public var reused = 0
        /// Read from their XML (not in the cache, or not cacheable).
        public var read = 0
        /// In the cache, but damaged: read from their XML.
        public var damaged = 0
    }

    typealias Key = CacheFile.Key

    /// Opens the cache in `folder` (created when written). `program` names the program that
    /// writes it (its version and executable); the schemas it validates with are added here.
    public init(folder: String, program: String) {
        var identity = [program]
        for format in [InputFormat.submission, .reviews] { identity.append(sha256Hex(Array((format.schemaText ?? "").utf8))) }
        file = CacheFile(path: folder + "/read.cache", kind: "read", identity: identity)
    }

    /// The key of a file's entry.
    static func key(format: InputFormat, isEdit: Bool, relativePath: String, displayPath: String,
                    keepsText: Bool, digest: String) -> Key {
        var w = BinaryWriter()
        w.string(format.rawValue)
        w.bool(isEdit)
        w.string(relativePath)
        w.string(displayPath)
        w.bool(keepsText)
        w.string(digest)
        return Key(hashing: w.bytes)
    }

    /// A reader over the entry's bytes, or nil: not there, or damaged (counted).
    func entry(_ key: Key, commonPath: String) -> BinaryReader? {
        switch file.entry(key) {
        case .found(let bytes, let range): return BinaryReader(bytes, range: range, commonPath: commonPath)
        case .missing: return nil
        case .damaged:
            damaged()
            return nil
        }
    }

    func reused(_ key: Key) {
        file.use(key)
        lock.withLock { counts.reused += 1 }
    }

    func damaged() { lock.withLock { counts.damaged += 1 } }

    func readFromXML() { lock.withLock { counts.read += 1 } }

    func store(_ key: Key, _ payload: [UInt8]) { file.store(key, payload) }

    public var counted: Counts { lock.withLock { counts } }

    /// Writes the entries this read used or made (`CacheFile.save`).
    @discardableResult
    public func save() -> String? { file.save() }

    /// The running executable's device, inode, size and modification time: a program built or
    /// installed again gets a cache of its own, whatever its version says.
    public static func executableIdentity() -> String {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 || stat(CommandLine.arguments[0], &st) == 0 else { return "unknown" }
        return "\(st.st_dev):\(st.st_ino):\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }
}
