import Foundation
import Testing
@testable import Pipeline

/// A clock the test moves by hand.
final class FakeClock: @unchecked Sendable {
    var seconds = 0.0
}

@Suite(.inEnglish) struct ProgressTests {
    func reporter(_ mode: ProgressReporter.Mode, steps: [String] = [], clock: FakeClock = FakeClock()) -> (ProgressReporter, LogLines) {
        let out = LogLines()
        return (ProgressReporter(mode: mode, steps: steps, write: out.add, now: { clock.seconds }), out)
    }

    @Test("the bar: count, total, percentage and the time left from the pace so far, computed by hand")
    func barLines() {
        let label = "[1/3] read the manuscript"
        // 258 of 516 in 3 s: half done, 10 of 20 marks, as long again to go.
        #expect(ProgressReporter.barLine(label, count: 258, total: 516, elapsed: 3)
                == "[1/3] read the manuscript [##########----------] 258/516 50% 0:03 left")
        // 1 of 3 in 10 s: 20/3 = 6 marks, 33 %, two more items at 10 s each.
        #expect(ProgressReporter.barLine(label, count: 1, total: 3, elapsed: 10)
                == "[1/3] read the manuscript [######--------------] 1/3 33% 0:20 left")
        // Nothing done yet: no estimate.
        #expect(ProgressReporter.barLine(label, count: 0, total: 516, elapsed: 1)
                == "[1/3] read the manuscript [--------------------] 0/516 0%")
        // All done: the time it took, rounded up.
        #expect(ProgressReporter.barLine(label, count: 516, total: 516, elapsed: 61.2, width: 4)
                == "[1/3] read the manuscript [####] 516/516 100% 1:02")
        // 10 of 4000 after 40 s: 3990 × 4 s = 15960 s = 4 h 26 min 0 s.
        #expect(ProgressReporter.barLine("x", count: 10, total: 4000, elapsed: 40, width: 4)
                == "x [----] 10/4000 0% 4:26:00 left")
        #expect(ProgressReporter.clock(0) == "0:00")
        #expect(ProgressReporter.clock(59.01) == "1:00")
        #expect(ProgressReporter.clock(3725) == "1:02:05")
    }

    @Test("not on a terminal: one line per step, nothing for the counts, messages in between")
    func linesMode() {
        let (progress, out) = reporter(.lines, steps: ["read the manuscript", "run the rounds"])
        progress.next()
        progress.count(1, of: 2)
        progress.count(2, of: 2)
        progress.message("note: something to know")
        progress.next()
        progress.finish()
        #expect(out.lines == ["[1/2] read the manuscript\n", "note: something to know\n", "[2/2] run the rounds\n"])
    }

    @Test("--quiet: no progress at all, but messages still")
    func quietMode() {
        let (progress, out) = reporter(.quiet, steps: ["read the manuscript"])
        progress.next()
        progress.count(5, of: 10)
        progress.message("book.xml is valid DocBook 5.0 (checked by jing)")
        progress.finish()
        #expect(out.lines == ["book.xml is valid DocBook 5.0 (checked by jing)\n"])
    }

    @Test("on a terminal: the bar is redrawn in place at most ten times a second, and always at the end")
    func barMode() {
        let clock = FakeClock()
        let (progress, out) = reporter(.bar, clock: clock)
        progress.step(1, of: 2, "read")
        clock.seconds = 0.05
        progress.count(1, of: 4)           // drawn: the first count
        clock.seconds = 0.1
        progress.count(2, of: 4)           // 0.05 s later: not drawn
        clock.seconds = 0.2
        progress.count(3, of: 4)           // 0.15 s later: drawn
        clock.seconds = 0.21
        progress.count(4, of: 4)           // the last: drawn, and the line ended
        progress.count(3, of: 4)           // late, from another thread: ignored
        progress.message("a warning")      // below the bar
        progress.step(2, of: 2, "select")
        progress.finish()
        let erase = "\u{1B}[K"
        #expect(out.lines == [
            "\r[1/2] read",
            "\r[1/2] read [#####---------------] 1/4 25% 0:01 left" + erase,
            "\r[1/2] read [###############-----] 3/4 75% 0:01 left" + erase,
            "\r[1/2] read [####################] 4/4 100% 0:01" + erase,
            "\n", "a warning\n",
            "\r[2/2] select", "\n",
        ])
    }
}
