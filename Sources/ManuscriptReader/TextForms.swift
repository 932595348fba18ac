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
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if isWhitespaceScalar(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// The scalars `Character.isWhitespace` counts as whitespace.
@inline(__always) func isWhitespaceScalar(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}
