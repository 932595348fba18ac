import Foundation
import ManuscriptModel

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
        if s.withUTF8({ isCollapsedASCIIWise($0) }) { return s }
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

/// True when the bytes are already collapsed: no whitespace but single spaces between other
/// characters. The non-ASCII spaces of `isWhitespaceValue` are matched by their UTF-8 bytes.
private func isCollapsedASCIIWise(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return true }
    if first == 0x20 || last == 0x20 { return false }
    var previousSpace = false
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        i += 1
        if b == 0x20 {
            if previousSpace { return false }
            previousSpace = true
            continue
        }
        previousSpace = false
        if b < 0x80 {
            if b >= 0x09 && b <= 0x0D { return false }
            continue
        }
        // Valid UTF-8, so the continuation bytes of these lead bytes are there.
        switch b {
        case 0xC2:  // U+0085, U+00A0
            if bytes[i] == 0x85 || bytes[i] == 0xA0 { return false }
        case 0xE1:  // U+1680
            if bytes[i] == 0x9A && bytes[i + 1] == 0x80 { return false }
        case 0xE2:  // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
            let c1 = bytes[i], c2 = bytes[i + 1]
            if c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) { return false }
            if c1 == 0x81 && c2 == 0x9F { return false }
        case 0xE3:  // U+3000
            if bytes[i] == 0x80 && bytes[i + 1] == 0x80 { return false }
        default:
            break
        }
    }
    return true
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation when the ends are
    /// plain ASCII letters or marks (nearly always).
    var trimmedWhitespaceAndNewlines: String {
        if let f = utf8.first, let l = utf8.last, f < 0x80, l < 0x80,
           !(f == 0x20 || (f >= 0x09 && f <= 0x0D)), !(l == 0x20 || (l >= 0x09 && l <= 0x0D)) {
            return self
        }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `trimmingCharacters(in: .whitespaces)`, likewise.
    var trimmedWhitespace: String {
        if let f = utf8.first, let l = utf8.last, f < 0x80, l < 0x80, f != 0x20, f != 0x09, l != 0x20, l != 0x09 {
            return self
        }
        return trimmingCharacters(in: .whitespaces)
    }
}
