import Foundation
import Testing
@testable import XMLKit

/// `Prescan.quickScan` decides whether libxml2 may be given the bytes without looking for invalid
/// UTF-8 again, and whether NFC may be skipped: checked against the standard library's UTF-8
/// validation and Foundation's NFC on random bytes made of the sequences around every boundary.
@Suite struct PrescanTests {
    static let pieces: [[UInt8]] = [
        [0x61], [0x20], [0x00], [0x7F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xC3, 0xA0], [0xCB, 0xBF],
        [0xCC, 0x80], [0xCD, 0x8F], [0xC3], [0xC3, 0xC3], [0xDF, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80],
        [0xE1, 0xB8, 0x80], [0xE1, 0xBB, 0xBF], [0xE1, 0xB7, 0xBF], [0xE1, 0xBC, 0x80], [0xE1, 0xBA], [0xE1, 0xBA, 0x41],
        [0xE1, 0x7F, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0x9C],
        [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], Array("người Đồn ".utf8),
        Array("e\u{301}".utf8), Array("Ω".utf8), Array("abcdefghijkl".utf8),
    ]

    @Test func randomBytesAgreeWithTheStandardLibrary() {
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 12) { bytes += Self.pieces[next() % Self.pieces.count] }
            let scan = Prescan.quickScan(bytes)
            let valid = String(validating: bytes, as: UTF8.self)
            #expect(scan.clean == (valid != nil && !bytes.contains(0)), "\(bytes)")
            if scan.certainlyNFC, let text = valid {
                #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == bytes, "\(bytes)")
            }
        }
    }

    @Test func vietnameseTextIsCertainlyNFC() {
        let text = "Mô hình “Dân vận khéo” ở xã Gia Hưng, huyện Gia Viễn: người dân tự nguyện hiến đất."
        let scan = Prescan.quickScan(Array(text.utf8))
        #expect(scan.clean && scan.certainlyNFC)
        #expect(!Prescan.quickScan(Array("Gia Vie\u{302}\u{303}n".utf8)).certainlyNFC)
    }
}
