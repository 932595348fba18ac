@testable import BookWriter
import Testing

/// The byte-level wrapping of simple text (`wrapSimple`) against the cluster-level one
/// (`wrapClusters`), which it replaces for speed: the same lines for every text, width and prefix.
@Suite struct TextLayoutTests {
    /// A seeded generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces of Vietnamese prose: words with precomposed letters, runs of spaces, a no-break
    /// space, punctuation, long words, an en dash.
    static let pieces = ["Dân", "vận", "khéo", "Ủy", "ban", "Đông", "Hưng", "nghiệp", "vụ", "—", "“trích”", "7,25",
                         " ", " ", "   ", "\u{00A0}", "a", "Nghiêngngảtrướcgiónhữngngười", "(tr.", "12)", "x", "ĐĐĐĐĐĐĐĐĐĐĐĐĐĐ"]

    @Test func simpleWrappingEqualsClusterWrapping() {
        var rng = SplitMix(state: 20241203)
        for _ in 0..<1500 {
            let count = Int.random(in: 0...40, using: &rng)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            let width = Int.random(in: 1...40, using: &rng)
            let first = String(repeating: " ", count: Int.random(in: 0...6, using: &rng)) + (Bool.random(using: &rng) ? "1. " : "")
            let rest = String(repeating: " ", count: Int.random(in: 0...6, using: &rng))
            let fast = TextLayout.wrapSimple(text, width: width, first: first, rest: rest)
            #expect(fast != nil, "simple text: \(text)")
            let general = TextLayout.wrapClusters(text, width: width, first: first, rest: rest, hardBreak: false)
            #expect(fast == general, "width \(width), first \(first.debugDescription), text \(text.debugDescription)")
        }
    }

    @Test func textThatIsNotSimpleTakesTheClusterPath() {
        let nfd = "Việt Nam".decomposedStringWithCanonicalMapping
        #expect(TextLayout.wrapSimple(nfd, width: 4, first: "", rest: "") == nil)
        #expect(TextLayout.wrapSimple("漢字 かな", width: 4, first: "", rest: "") == nil)
        #expect(TextLayout.wrapSimple("a\tb", width: 4, first: "", rest: "") == nil)
        #expect(TextLayout.wrap(nfd, width: 4) == ["Việt".decomposedStringWithCanonicalMapping, "Nam"])
    }
}
