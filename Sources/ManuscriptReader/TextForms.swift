import Foundation

/// Whether the text is certainly in NFC without asking Foundation: every scalar is below U+0300
/// (no combining marks there) or one of the precomposed Vietnamese letters (U+1E00–U+1EFF) or
/// common punctuation (U+2010–U+2027, U+2030–U+205E). Nearly every manuscript file passes; the
/// rest take the exact check.
func isCertainlyNFC(_ bytes: [UInt8]) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        if b < 0x80 { i += 1; continue }
        let scalar: UInt32
        if b & 0xE0 == 0xC0, i + 1 < n {
            scalar = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            i += 2
        } else if b & 0xF0 == 0xE0, i + 2 < n {
            scalar = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            i += 3
        } else {
            return false
        }
        if scalar < 0x300 || (0x1E00...0x1EFF).contains(scalar) || (0x2010...0x2027).contains(scalar)
            || (0x2030...0x205E).contains(scalar) || scalar == 0xFEFF {
            continue
        }
        return false
    }
    return true
}

/// Where the first text not in Unicode NFC is (line, column in Unicode scalars), or nil.
func firstNonNFC(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
    if isCertainlyNFC(bytes) { return nil }
    let s = String(decoding: bytes, as: UTF8.self)
    if s.precomposedStringWithCanonicalMapping.utf8.elementsEqual(s.utf8) { return nil }
    var line = 1, column = 1
    for ch in s {
        let one = String(ch)
        if !one.precomposedStringWithCanonicalMapping.utf8.elementsEqual(one.utf8) { return (line, column) }
        if ch == "\n" || ch == "\r\n" {
            line += 1
            column = 1
        } else if ch != "\u{FEFF}" || line > 1 || column > 1 {
            column += ch.unicodeScalars.count
        }
    }
    return (1, 1)
}

extension String {
    /// The same result as `whitespaceCollapsed` (runs of whitespace become one space, ends
    /// trimmed), without the cost of splitting into Characters.
    var collapsed: String {
        // On the UTF-8 bytes, into one buffer: appending scalar by scalar to a String is slow.
        var s = self
        return s.withUTF8 { src in
            String(unsafeUninitializedCapacity: src.count) { dst in
                var n = 0
                var pendingSpace = false
                var i = 0
                let count = src.count
                while i < count {
                    let b = src[i]
                    var length = 1
                    let isSpace: Bool
                    if b < 0x80 {
                        isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                    } else {
                        // The text is valid UTF-8 (it is a String), so the lead byte gives the length.
                        var value: UInt32
                        if b >= 0xF0 { length = 4; value = UInt32(b & 0x07) }
                        else if b >= 0xE0 { length = 3; value = UInt32(b & 0x0F) }
                        else { length = 2; value = UInt32(b & 0x1F) }
                        for k in 1..<length { value = value << 6 | UInt32(src[i + k] & 0x3F) }
                        isSpace = isWhitespaceValue(value)
                    }
                    if isSpace {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace { dst[n] = 0x20; n += 1; pendingSpace = false }
                        for k in 0..<length { dst[n + k] = src[i + k] }
                        n += length
                    }
                    i += length
                }
                return n
            }
        }
    }
}

/// The scalars `Character.isWhitespace` counts as whitespace.
@inline(__always) func isWhitespaceScalar(_ s: Unicode.Scalar) -> Bool { isWhitespaceValue(s.value) }

@inline(__always) func isWhitespaceValue(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}
