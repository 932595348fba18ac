#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The raw bytes of a file with a line index, to turn byte offsets into 1-based line and column.
/// Columns count Unicode scalars (what an editor's cursor counts), not bytes.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line.
    private let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let n = buffer.count
            var i = 0
            // memchr jumps to the next line feed many bytes at a time.
            while i < n, let found = memchr(base + i, 0x0A, n - i) {
                i = base.distance(to: UnsafePointer(found.assumingMemoryBound(to: UInt8.self))) + 1
                starts.append(i)
            }
        }
        self.lineStarts = starts
    }

    /// 1-based line and column of a byte offset.
    public func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, bytes.count))
        // Binary search for the last line start <= offset.
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = lineStarts[lo]
        // Skip a byte-order mark at the start of the file: it is not a character an editor sees.
        if lo == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]), offset >= 3 { i = 3 }
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (lo + 1, column)
    }
}
