/// A compact binary form of the model's values, for the build's caches (docs/design.md,
/// "Rebuilds"): Foundation's JSON and property-list coders take longer to decode a large
/// manuscript than reading its XML again (docs/benchmarks.md), so the caches use this one.
///
/// Integers are LEB128 variable-length (signed ones zig-zag first), doubles their 8 IEEE bytes,
/// strings their UTF-8 length then bytes. Nothing in the bytes names a type or a field: a value is
/// read back by the same code, in the same order, as it was written, and a reader never trusts
/// the bytes: a length that runs past the end, an unknown case tag or a malformed number throws
/// `BinaryReader.Malformed`, and the caller treats the entry as missing.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// The path most locations of the value share (the file's, as printed): written as one byte.
    public var commonPath: String

    public init(commonPath: String = "", capacity: Int = 4096) {
        self.commonPath = commonPath
        bytes.reserveCapacity(capacity)
    }

    public mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func int(_ value: Int) {
        let v = Int64(value)
        unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func raw(_ value: [UInt8]) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    public mutating func write<T: BinaryCodable>(_ value: T) { value.write(to: &self) }

    public mutating func write<T: BinaryCodable>(_ value: T?) {
        if let value {
            bool(true)
            value.write(to: &self)
        } else {
            bool(false)
        }
    }

    public mutating func write<T: BinaryCodable>(_ values: [T]) {
        unsigned(UInt64(values.count))
        for v in values { v.write(to: &self) }
    }

    public mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    public mutating func optionalDouble(_ value: Double?) {
        bool(value != nil)
        if let value { double(value) }
    }
}

public struct BinaryReader {
    public struct Malformed: Error, Sendable {
        public var offset: Int
    }

    /// Keeps `bytes` alive.
    private let buffer: ByteBuffer
    private let bytes: UnsafeRawBufferPointer
    public private(set) var offset: Int
    private let end: Int
    /// The path written as one byte (the writer's `commonPath`).
    public var commonPath: String

    /// Reads `bytes[range]` (the whole array by default), from a copy.
    public init(_ bytes: [UInt8], range: Range<Int>? = nil, commonPath: String = "") {
        self.init(ByteBuffer(copying: bytes), range: range, commonPath: commonPath)
    }

    /// Reads `buffer[range]` (the whole buffer by default), where it is.
    public init(_ buffer: ByteBuffer, range: Range<Int>? = nil, commonPath: String = "") {
        self.buffer = buffer
        bytes = buffer.bytes
        let r = range ?? 0..<buffer.count
        precondition(r.lowerBound >= 0 && r.upperBound <= buffer.count)
        offset = r.lowerBound
        end = r.upperBound
        self.commonPath = commonPath
    }

    public var isAtEnd: Bool { offset == end }

    private func malformed() -> Malformed { Malformed(offset: offset) }

    public mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < end else { throw malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func unsigned() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw malformed() }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func int() throws(Malformed) -> Int {
        let u = try unsigned()
        let v = Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
        guard let i = Int(exactly: v) else { throw malformed() }
        return i
    }

    /// A count of items still to read: never more than the bytes left (each item takes one at least).
    public mutating func count() throws(Malformed) -> Int {
        let n = try unsigned()
        guard n <= UInt64(end - offset) else { throw malformed() }
        return Int(n)
    }

    public mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw malformed()
        }
    }

    public mutating func double() throws(Malformed) -> Double {
        guard end - offset >= 8 else { throw malformed() }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    public mutating func string() throws(Malformed) -> String {
        let n = try count()
        let piece = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n])
        guard let s = String(validating: piece.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else { throw malformed() }
        offset += n
        return s
    }

    public mutating func raw() throws(Malformed) -> [UInt8] {
        let n = try count()
        defer { offset += n }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]))
    }

    public mutating func skip(_ n: Int) throws(Malformed) {
        guard n >= 0, n <= end - offset else { throw malformed() }
        offset += n
    }

    public mutating func read<T: BinaryCodable>(_: T.Type = T.self) throws(Malformed) -> T {
        try T(from: &self)
    }

    public mutating func read<T: BinaryCodable>(_: T?.Type = T?.self) throws(Malformed) -> T? {
        try bool() ? try T(from: &self) : nil
    }

    public mutating func read<T: BinaryCodable>(_: [T].Type = [T].self) throws(Malformed) -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try T(from: &self)) }
        return out
    }

    public mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }

    public mutating func optionalDouble() throws(Malformed) -> Double? {
        try bool() ? try double() : nil
    }

    /// A value of a `String`-backed enum.
    public mutating func raw<T: RawRepresentable>(_: T.Type = T.self) throws(Malformed) -> T where T.RawValue == String {
        guard let v = T(rawValue: try string()) else { throw malformed() }
        return v
    }

    /// A case tag past the last one.
    public func unknownTag() -> Malformed { malformed() }
}

/// A value written and read back by `BinaryWriter` and `BinaryReader`.
public protocol BinaryCodable {
    func write(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(BinaryReader.Malformed)
}

extension BinaryCodable {
    /// The value's bytes (for cache keys and entries).
    public func binary(commonPath: String = "") -> [UInt8] {
        var w = BinaryWriter(commonPath: commonPath)
        write(to: &w)
        return w.bytes
    }
}
