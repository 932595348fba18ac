/// A small, fast, seedable generator (xoshiro256**, seeded through SplitMix64).
///
/// Everything the generator makes comes from this type, so identical options give
/// byte-identical files on every platform: no system randomness, no clock, no hashing order.
struct Xoshiro256: RandomNumberGenerator {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Seeds the four words of state from `seed` with SplitMix64, as the xoshiro authors recommend.
    init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// An independent stream for one purpose (`tag`) and one item (`index`), so that changing how
    /// much randomness one submission draws does not shift every later submission.
    init(seed: UInt64, tag: UInt64, index: UInt64 = 0) {
        var mixer = Xoshiro256(seed: seed ^ (tag &* 0xD1B5_4A32_D192_ED03))
        let a = mixer.next()
        self.init(seed: a ^ (index &* 0x9E37_79B9_7F4A_7C15) ^ (index << 17))
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in `range` (unbiased, by rejection).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return Int(truncatingIfNeeded: next()) }
        let limit = UInt64.max - UInt64.max % width
        var v = next()
        while v >= limit { v = next() }
        return range.lowerBound + Int(v % width)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    mutating func double(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * unit()
    }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Approximately standard normal (Irwin–Hall: the sum of twelve uniforms, less six).
    /// Only additions: no libm call whose last bit could differ between platforms.
    mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return sum - 6
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// Index drawn with the given non-negative weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var a = items
        if a.count < 2 { return a }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = int(0...i)
            a.swapAt(i, j)
        }
        return a
    }

    /// `k` distinct elements, in random order.
    mutating func sample<T>(_ items: [T], _ k: Int) -> [T] {
        Array(shuffled(items).prefix(k))
    }
}

/// Draws from a bank without repeating until every entry has been used once.
struct Deck {
    private let items: [String]
    private var order: [Int] = []
    private var position = 0
    init(_ items: [String]) { self.items = items }
    mutating func draw(_ rng: inout Xoshiro256) -> String {
        if position >= order.count {
            order = rng.shuffled(Array(items.indices))
            position = 0
        }
        defer { position += 1 }
        return items[order[position]]
    }
}
