import Foundation
import Testing
@testable import BookWriter

/// Vietnamese alphabetical order (`CollationKey`), against lists made by hand from the rules and
/// against Java's own Vietnamese `Collator` on every word of the sample manuscript.
@Suite struct CollationTests {
    func sorted(_ words: [String]) -> [String] {
        words.shuffled().sorted(by: Vietnamese.precedes)
    }

    @Test func lettersThenTonesThenCase() {
        // The 29 letters, F J W Z in their Latin places.
        #expect(sorted(["y", "x", "w", "v", "ư", "u", "t", "s", "r", "q", "p", "ơ", "ô", "o", "n", "m", "l", "k", "j", "i", "h",
                        "g", "f", "ê", "e", "đ", "d", "c", "b", "â", "ă", "a", "z"])
            == ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ",
                "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"])
        // Tones: none, huyền, hỏi, ngã, sắc, nặng; only when the letters are the same.
        #expect(sorted(["ạ", "á", "ã", "ả", "à", "a"]) == ["a", "à", "ả", "ã", "á", "ạ"])
        #expect(sorted(["ạc", "ab", "áb"]) == ["ab", "áb", "ạc"])
        // The first tone that differs, from the start: "hoà" (tone on a) before "hòa" (tone on o).
        #expect(sorted(["hòa", "hoà"]) == ["hoà", "hòa"])
        // Lower case first, and only when letters and tones are the same.
        #expect(sorted(["B", "a", "A", "b", "Á"]) == ["a", "A", "Á", "b", "B"])
    }

    @Test func wordsAreComparedWordByWord() {
        // A space comes before every letter, so a word ends before a longer one goes on; "Đông"
        // and "Đồng" have the same letters, and no tone comes before huyền.
        #expect(sorted(["Đồng", "Đồn Biên phòng", "Đoàn Thanh niên", "Đông"])
            == ["Đoàn Thanh niên", "Đồn Biên phòng", "Đông", "Đồng"])
        #expect(sorted(["ab", "a b", "a"]) == ["a", "a b", "ab"])
        // Punctuation and symbols before digits, digits before letters; numbers are not read as numbers.
        #expect(sorted(["Xóm 2", "Xóm 10", "“Dân vận khéo”", "3 mô hình", "Ấp"]) == ["“Dân vận khéo”", "3 mô hình", "Ấp", "Xóm 10", "Xóm 2"])
    }

    @Test func decomposedTextSortsAsComposed() {
        let words = ["Ủy ban", "Uông Bí", "Ưng Hòa", "ậm ừ", "ầm ĩ", "Đặng", "Dương"]
        let composed = sorted(words)
        let decomposed = sorted(words.map(\.decomposedStringWithCanonicalMapping)).map(\.precomposedStringWithCanonicalMapping)
        #expect(decomposed == composed)
        #expect(composed == ["ầm ĩ", "ậm ừ", "Dương", "Đặng", "Uông Bí", "Ủy ban", "Ưng Hòa"])
    }

    @Test func theOrderIsTotal() {
        // Strings equal in letters, tones and case are told apart by their bytes: never "same".
        #expect(Vietnamese.compare("a\u{00A0}b", "a b") != .orderedSame)
        #expect(Vietnamese.compare("ab", "ab") == .orderedSame)
        let words = ["x", "X", "x ", "x\t", "x!", "x?", "x1", "x\u{3000}", "Χ", "х"]
        for a in words {
            for b in words where a != b {
                #expect((Vietnamese.compare(a, b) == .orderedAscending) != (Vietnamese.compare(b, a) == .orderedAscending))
            }
        }
    }

    /// Every word of the sample manuscript (and a few on the edges), in the order Java's
    /// Vietnamese `Collator` gives them (`Fixtures/collation/VietnameseSort.java`).
    @Test func everyWordOfTheSampleSortsAsJavasVietnameseCollatorSortsIt() throws {
        let file = fixtures.appendingPathComponent("collation/words-in-java-vi-order.txt")
        let java = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(java.count > 1000)
        let ours = sorted(java)
        let differences = zip(ours, java).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(differences.isEmpty, "first differences: \(differences.prefix(5).map { "\($0.offset): \($0.element.0) ≠ \($0.element.1)" })")
    }
}
