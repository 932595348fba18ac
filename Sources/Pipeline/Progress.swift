import Foundation
import Messages

/// Progress of a command's long steps, on standard error.
///
/// On a terminal each step is a bar redrawn in place (`\r`), at most ten times a second, with
/// the count, the total and an estimate of the time left; otherwise (a log file, a pipe) one line
/// per step, `[2/5] select the entries`; with `--quiet`, nothing. Steps are announced from one
/// thread; counts may come from any thread.
public final class ProgressReporter: @unchecked Sendable {
    public enum Mode: Sendable { case bar, lines, quiet }

    public let mode: Mode
    private let write: (String) -> Void
    private let now: () -> Double
    /// The steps announced by `next()`, in order.
    private let plan: [String]
    private var planned = 0
    private let lock = NSLock()
    private var label = ""
    private var started = 0.0
    private var lastDrawn = -Double.infinity
    private var barShown = false
    /// The current step's count reached its total.
    private var counted = false

    /// - Parameters:
    ///   - write: where the text goes, exactly as given (no newline added).
    ///   - now: seconds on a monotonic clock.
    public init(mode: Mode, steps plan: [String] = [], write: @escaping (String) -> Void,
                now: @escaping () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) {
        self.mode = mode
        self.plan = plan
        self.write = write
        self.now = now
    }

    /// The reporter for standard error: a bar when it is a terminal, lines otherwise, nothing
    /// when `quiet`.
    public static func standardError(quiet: Bool, steps: [String] = []) -> ProgressReporter {
        let mode: Mode = quiet ? .quiet : isatty(2) != 0 ? .bar : .lines
        return ProgressReporter(mode: mode, steps: steps) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Starts the next step of the plan given at `init`.
    public func next() {
        let n = lock.withLock { planned += 1; return planned }
        step(n, of: plan.count, plan[n - 1])
    }

    /// Starts step `n` of `total`.
    public func step(_ n: Int, of total: Int, _ name: String) {
        lock.withLock {
            endBar()
            label = Self.stepLine(n, of: total, name)
            started = now()
            lastDrawn = -Double.infinity
            counted = false
            switch mode {
            case .quiet: break
            case .lines: write(label + "\n")
            case .bar:
                write("\r" + label)
                barShown = true
            }
        }
    }

    /// `done` of `total` items of the current step are finished (a bar only: lines stay one
    /// per step). Redraws at most ten times a second, and always at the last item, which ends
    /// the bar's line (a count arriving late from another thread is then ignored).
    public func count(_ done: Int, of total: Int) {
        guard mode == .bar else { return }
        lock.withLock {
            let t = now()
            guard !counted, t - lastDrawn >= 0.1 || done >= total else { return }
            lastDrawn = t
            write("\r" + Self.barLine(label, count: done, total: total, elapsed: t - started) + "\u{1B}[K")
            barShown = true
            if done >= total {
                counted = true
                endBar()
            }
        }
    }

    /// Ends the last bar's line, so what follows starts on a line of its own.
    public func finish() {
        lock.withLock { endBar() }
    }

    /// A message (a note, a warning) between the progress: on a terminal it goes below the bar.
    public func message(_ text: String) {
        lock.withLock {
            endBar()
            write(text + "\n")
        }
    }

    private func endBar() {
        if barShown { write("\n") }
        barShown = false
    }

    /// `[2/5] select the entries`
    public static func stepLine(_ n: Int, of total: Int, _ name: String) -> String {
        "[\(n)/\(total)] \(name)"
    }

    /// `[1/3] read the manuscript [##########----------] 258/516 50% 0:03 left`: the bar is
    /// `width` characters, the estimate is the elapsed time scaled to the items left (shown from
    /// the first finished item on).
    public static func barLine(_ label: String, count: Int, total: Int, elapsed: Double, width: Int = 20) -> String {
        let total = max(total, 1)
        let done = min(max(count, 0), total)
        let filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        var line = "\(label) [\(bar)] \(done)/\(total) \(done * 100 / total)%"
        if done > 0, done < total {
            let left = elapsed * Double(total - done) / Double(done)
            line += " " + CommandText.timeLeft.text(["time": .text(clock(left))])
        } else if done == total {
            line += " " + clock(elapsed)
        }
        return line
    }

    /// Seconds as `m:ss` (rounded up, so "0:00 left" never shows while work remains), `h:mm:ss` from an hour.
    public static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }
}
