import Foundation

/// Whether UTF-8 text is certainly in NFC without asking Foundation: every scalar is below U+0300
/// (no combining marks there), a basic Greek letter (U+0391–U+03C9, as in "α"), a precomposed
/// Vietnamese letter (U+1E00–U+1EFF), common punctuation (U+2010–U+2027, U+2030–U+205E) or a box
/// drawing character (U+2500–U+257F); each of these is its own NFC form and none combines with what
/// precedes it. Nearly all Vietnamese text passes; the rest takes the exact (and much slower) path.
public func isCertainlyNFC(_ array: [UInt8]) -> Bool {
    array.withUnsafeBufferPointer { isCertainlyNFC($0) }
}

public func isCertainlyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
        // Eight ASCII bytes at a time.
        if let base = bytes.baseAddress {
            while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
        }
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
        if scalar < 0x300 || (0x391...0x3C9).contains(scalar) || (0x1E00...0x1EFF).contains(scalar)
            || (0x2010...0x2027).contains(scalar) || (0x2030...0x205E).contains(scalar)
            || (0x2500...0x257F).contains(scalar) || scalar == 0xFEFF {
            continue
        }
        return false
    }
    return true
}

extension String {
    /// The text in Unicode Normalization Form C; the text itself when it is certainly NFC already.
    public var nfcNormalized: String {
        isCertainlyNFC ? self : precomposedStringWithCanonicalMapping
    }

    /// Whether the text passes the quick check `isCertainlyNFC` (then it is its own NFC).
    public var isCertainlyNFC: Bool {
        utf8.withContiguousStorageIfAvailable { ManuscriptModel.isCertainlyNFC($0) } ?? ManuscriptModel.isCertainlyNFC(Array(utf8))
    }
}

extension String {
    /// The text in NFC, where the byte ranges `known` (UTF-8 offsets, sorted, not overlapping) are
    /// already known to pass `isCertainlyNFC`: only the rest is looked at. Their characters combine
    /// with nothing before them, so the pieces can be looked at apart. When the rest passes too,
    /// the text is returned as it is; otherwise the whole text is normalised.
    public func nfcNormalized(knowing known: [Range<Int>]) -> String {
        guard !known.isEmpty else { return nfcNormalized }
        var copy = self
        let certain = copy.withUTF8 { bytes -> Bool in
            var from = 0
            for range in known + [bytes.count..<bytes.count] {
                guard range.lowerBound >= from, range.upperBound <= bytes.count else { return false }
                if !ManuscriptModel.isCertainlyNFC(UnsafeBufferPointer(rebasing: bytes[from..<range.lowerBound])) { return false }
                from = range.upperBound
            }
            return true
        }
        return certain ? self : nfcNormalized
    }
}
