#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Checks made on the raw bytes before libxml2 sees them, and the element start positions that
/// libxml2 does not keep (it has no column for nodes).
enum Prescan {
    /// One pass over the bytes that answers the two questions asked of every file: whether they
    /// are free of NUL bytes and valid UTF-8 (`clean`; when not, `firstProblem` looks again to say
    /// where and what), and whether the text is certainly in NFC (see `isCertainlyNFCScalar`).
    static func quickScan(_ array: [UInt8]) -> (clean: Bool, certainlyNFC: Bool) {
        array.withUnsafeBufferPointer { quickScan($0) }
    }

    private static func quickScan(_ bytes: UnsafeBufferPointer<UInt8>) -> (clean: Bool, certainlyNFC: Bool) {
        guard let base = bytes.baseAddress else { return (true, true) }
        var nfc = true
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight ASCII bytes at a time; with every high bit clear, subtracting one from each
            // byte borrows (sets a high bit) exactly when some byte is zero.
            while i + 8 <= n {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if v & 0x8080_8080_8080_8080 != 0 { break }
                if (v &- 0x0101_0101_0101_0101) & 0x8080_8080_8080_8080 != 0 { return (false, false) }
                i += 8
            }
            guard i < n else { break }
            let b = base[i]
            if b < 0x80 {
                if b == 0 { return (false, false) }
                i += 1
                continue
            }
            // The two shapes of nearly every Vietnamese letter, valid and certainly NFC: two bytes
            // below U+0300 (à, ê, đ, ơ, ư), and three bytes in U+1E00–U+1EFF (ạ, ế, ữ).
            if b >= 0xC2, b <= 0xCB, i + 1 < n, base[i + 1] & 0xC0 == 0x80 {
                i += 2
                continue
            }
            if b == 0xE1, i + 2 < n, base[i + 1] >= 0xB8, base[i + 1] <= 0xBB, base[i + 2] & 0xC0 == 0x80 {
                i += 3
                continue
            }
            guard let (length, lower, upper) = utf8Sequence(lead: b) else { return (false, false) }
            if i + length > n { return (false, false) }
            let b1 = bytes[i + 1]
            if b1 < lower || b1 > upper { return (false, false) }
            if length == 2 {
                if nfc, !isCertainlyNFCScalar(UInt32(b & 0x1F) << 6 | UInt32(b1 & 0x3F)) { nfc = false }
            } else if length == 3 {
                let b2 = bytes[i + 2]
                if b2 & 0xC0 != 0x80 { return (false, false) }
                if nfc, !isCertainlyNFCScalar(UInt32(b & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)) {
                    nfc = false
                }
            } else {
                if bytes[i + 2] & 0xC0 != 0x80 || bytes[i + 3] & 0xC0 != 0x80 { return (false, false) }
                nfc = false
            }
            i += length
        }
        return (true, nfc)
    }

    /// For a byte that is not ASCII: the length of the UTF-8 sequence it starts and the range its
    /// second byte must be in (which rules out overlong forms, surrogates and scalars past
    /// U+10FFFF; later bytes are 0x80...0xBF), or nil when no valid sequence starts with it.
    @inline(__always)
    private static func utf8Sequence(lead b: UInt8) -> (length: Int, lower: UInt8, upper: UInt8)? {
        switch b {
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        default: nil
        }
    }

    /// Whether a scalar of two or three UTF-8 bytes is its own NFC form and never combines with
    /// what precedes it: the same ranges as `isCertainlyNFC` in ManuscriptModel (which XMLKit
    /// does not depend on).
    @inline(__always)
    private static func isCertainlyNFCScalar(_ scalar: UInt32) -> Bool {
        scalar < 0x300 || (0x391...0x3C9).contains(scalar) || (0x1E00...0x1EFF).contains(scalar)
            || (0x2010...0x2027).contains(scalar) || (0x2030...0x205E).contains(scalar)
            || (0x2500...0x257F).contains(scalar) || scalar == 0xFEFF
    }

    /// The first problem that makes the bytes unsafe or unreadable as UTF-8 XML, if any.
    /// `knownClean`: `quickScan` found no NUL byte and no invalid UTF-8, so those are not looked for.
    static func firstProblem(in source: SourceText, limits: ParseLimits, knownClean: Bool = false) -> XMLProblem? {
        let bytes = source.bytes
        if bytes.count > limits.maxBytes {
            return XMLProblem(line: 1, column: 1,
                "the file is \(megabytes(bytes.count)) MB, more than the limit of \(megabytes(limits.maxBytes)) MB; split it or check that it is the right file",
                reason: .tooLarge(megabytes: Double(bytes.count) / 1_048_576, limit: Double(limits.maxBytes) / 1_048_576))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return XMLProblem(line: 1, column: 1, "the file is saved as UTF-16; save it as UTF-8", reason: .utf16)
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return XMLProblem(line: 1, column: 1, "the file is empty; it must hold one XML document", reason: .empty)
        }
        if !knownClean, let nul = firstNUL(bytes) {
            let p = source.position(ofOffset: nul)
            return XMLProblem(line: p.line, column: p.column,
                "the file contains a NUL byte, which XML does not allow; it may be a binary file or damaged", reason: .nulByte)
        }
        if !knownClean, let bad = firstInvalidUTF8(bytes) {
            let p = source.position(ofOffset: bad)
            let shown = bytes[bad..<min(bytes.count, bad + 4)].map { "0x" + hex($0) }.joined(separator: " ")
            return XMLProblem(line: p.line, column: p.column,
                "the text is not valid UTF-8 (bytes \(shown)); save the file as UTF-8", reason: .invalidUTF8(bytes: shown))
        }
        if let doctype = doctypeOffset(bytes, from: start) {
            let p = source.position(ofOffset: doctype)
            return XMLProblem(line: p.line, column: p.column,
                "a DOCTYPE declaration is not allowed: manuscript files may not declare a DTD or entities; remove it", reason: .doctype)
        }
        return nil
    }

    /// Offset of the first byte of an invalid UTF-8 sequence (overlongs and surrogates included).
    static func firstInvalidUTF8(_ array: [UInt8]) -> Int? {
        array.withUnsafeBufferPointer { firstInvalidUTF8($0) }
    }

    private static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            i = skipASCII(bytes, from: i)
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard let (length, lower, upper) = utf8Sequence(lead: b) else { return i }
            if i + length > n { return i }
            if bytes[i + 1] < lower || bytes[i + 1] > upper { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The first offset at or after `start` that is not in a run of ASCII bytes read eight at a
    /// time (the caller looks at the remaining bytes one by one).
    @inline(__always)
    static func skipASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var i = start
        let n = bytes.count
        while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
        }
        return i
    }

    /// Offset of the first zero byte, eight bytes at a time.
    static func firstNUL(_ array: [UInt8]) -> Int? {
        array.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            let n = bytes.count
            var i = 0
            while i + 8 <= n {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // Non-zero exactly when some byte of v is zero.
                if (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            while i < n {
                if bytes[i] == 0 { return i }
                i += 1
            }
            return nil
        }
    }

    /// Where a `<!DOCTYPE` starts in the prolog, if there is one.
    static func doctypeOffset(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1; continue }
            guard b == UInt8(ascii: "<"), i + 1 < n else { return nil }
            if bytes[i + 1] == UInt8(ascii: "?") {
                guard let end = find([UInt8(ascii: "?"), UInt8(ascii: ">")], in: bytes, from: i + 2) else { return nil }
                i = end + 2
            } else if matches("<!--", bytes, at: i) {
                guard let end = find(Array("-->".utf8), in: bytes, from: i + 4) else { return nil }
                i = end + 3
            } else if matches("<!DOCTYPE", bytes, at: i) {
                return i
            } else {
                return nil
            }
        }
        return nil
    }

    /// Byte offsets of every element's `<`, in document order. Assumes a well-formed document
    /// without a DTD (so no entity can add elements): every `<` followed by a name outside
    /// comments, CDATA sections and processing instructions opens an element.
    static func elementStarts(_ array: [UInt8]) -> [Int] {
        array.withUnsafeBufferPointer { elementStarts($0) }
    }

    private static func elementStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 64 + 16)
        guard let base = bytes.baseAddress else { return starts }
        var i = 0
        let n = bytes.count
        while i < n {
            // memchr jumps to the next `<` many bytes at a time.
            guard let found = memchr(base + i, Int32(UInt8(ascii: "<")), n - i) else { break }
            i = base.distance(to: UnsafePointer(found.assumingMemoryBound(to: UInt8.self)))
            guard i + 1 < n else { break }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "/") {
                i += 2
            } else if next == UInt8(ascii: "?") {
                i = (find([UInt8(ascii: "?"), UInt8(ascii: ">")], in: bytes, from: i + 2) ?? n - 2) + 2
            } else if matches("<!--", bytes, at: i) {
                i = (find(Array("-->".utf8), in: bytes, from: i + 4) ?? n - 3) + 3
            } else if matches("<![CDATA[", bytes, at: i) {
                i = (find(Array("]]>".utf8), in: bytes, from: i + 9) ?? n - 3) + 3
            } else if next == UInt8(ascii: "!") {
                i += 2
            } else {
                starts.append(i)
                i += 1
            }
        }
        return starts
    }

    /// Offset of an attribute's name inside the start tag that begins at `tagStart`.
    static func attributeOffset(named name: String, inTagAt tagStart: Int, _ bytes: [UInt8]) -> Int? {
        var name = name
        return name.withUTF8 { target in bytes.withUnsafeBufferPointer { attributeOffset(target, tagStart, $0) } }
    }

    private static func attributeOffset(_ target: UnsafeBufferPointer<UInt8>, _ tagStart: Int,
                                        _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = tagStart + 1
        let n = bytes.count
        // Skip the element name.
        while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
        while i < n {
            while i < n, isSpace(bytes[i]) { i += 1 }
            guard i < n, bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") else { return nil }
            let nameStart = i
            while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "=") { i += 1 }
            if i - nameStart == target.count, bytes[nameStart..<i].elementsEqual(target) { return nameStart }
            while i < n, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'") { i += 1 }
            guard i < n else { return nil }
            let quote = bytes[i]
            i += 1
            while i < n, bytes[i] != quote { i += 1 }
            i += 1
        }
        return nil
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private static func matches(_ literal: String, _ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var k = i
        for b in literal.utf8 {
            guard k < bytes.count, bytes[k] == b else { return false }
            k += 1
        }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard needle.count > 0, bytes.count >= needle.count else { return nil }
        var i = start
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == needle[0] {
                var k = 1
                while k < needle.count, bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    private static func matches(_ literal: String, _ bytes: [UInt8], at i: Int) -> Bool {
        bytes.withUnsafeBufferPointer { matches(literal, $0, at: i) }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { find(needle, in: $0, from: start) }
    }

    private static func megabytes(_ n: Int) -> String {
        let tenths = (n * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0x0F)]])
    }
}
