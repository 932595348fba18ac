/// Small statistics over doubles, unrounded; standard deviations are population SDs.
public enum Statistics {
    public static func mean(_ xs: [Double]) -> Double {
        precondition(!xs.isEmpty)
        var s = 0.0
        for x in xs { s += x }
        return s / Double(xs.count)
    }

    /// Population standard deviation (divides by n), two-pass.
    public static func populationSD(_ xs: [Double]) -> Double {
        let m = mean(xs)
        var s = 0.0
        for x in xs { s += (x - m) * (x - m) }
        return (s / Double(xs.count)).squareRoot()
    }

    /// The middle value; for an even count, the mean of the two middle values.
    public static func median(_ xs: [Double]) -> Double {
        precondition(!xs.isEmpty)
        let s = xs.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }

    /// The mean after dropping one highest and one lowest value, when there are 5 or more;
    /// otherwise the plain mean.
    public static func trimmedMean(_ xs: [Double]) -> Double {
        guard xs.count >= 5 else { return mean(xs) }
        let s = xs.sorted()
        return mean(Array(s[1..<(s.count - 1)]))
    }
}
