import Foundation

/// Bytes that stay where they are for as long as the buffer lives: a file mapped into memory
/// (read-only, private), or a copy of an array. Cache files are mapped rather than read: reading
/// 220 MB of cache into the heap at 10,000 entries cost a fresh page for every 4 KB and a second
/// copy, where the mapping shares the pages the kernel already caches.
///
/// A mapped file must not be cut short while it is mapped (the program would stop with SIGBUS
/// on touching the missing pages). The build's cache files are only ever appended to or replaced
/// by a rename, under the build's lock, which leaves a mapping whole.
public final class ByteBuffer: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    /// A copy of `array`.
    public init(copying array: [UInt8]) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(array.count, 1), alignment: 16)
        array.withUnsafeBytes { memory.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(rebasing: memory[0..<array.count])
        mapped = false
    }

    private init(mapping: UnsafeRawBufferPointer) {
        bytes = mapping
        mapped = true
    }

    /// The file at `path`, mapped; nil when it is not there or cannot be mapped. An empty file
    /// gives an empty buffer.
    public static func map(path: String) -> ByteBuffer? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(st.st_size)
        guard size > 0 else { return ByteBuffer(copying: []) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        return ByteBuffer(mapping: UnsafeRawBufferPointer(start: base, count: size))
    }

    public var count: Int { bytes.count }

    public subscript(range: Range<Int>) -> ArraySlice<UInt8> {
        ArraySlice(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
        }
    }
}
