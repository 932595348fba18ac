import Foundation
import Messages

/// Hand-written inline SVG charts. Every chart is a pure function of its values: same values,
/// same bytes. Sizes are in SVG user units; the page's CSS scales the `viewBox` to the column.
enum Chart {
    static let inBook = "#2a6f97"
    static let other = "#aab6bf"
    static let accent = "#c0392b"
    static let ink = "#222"
    static let grid = "#e3e7ea"

    // MARK: Axes

    /// Round tick values covering [lo, hi]: steps of 1, 2 or 5 times a power of ten.
    static func ticks(_ lo: Double, _ hi: Double, target: Int = 6) -> [Double] {
        guard hi > lo else { return [lo] }
        let step = niceStep((hi - lo) / Double(max(target - 1, 1)))
        var out: [Double] = []
        var k = (lo / step).rounded(.up)
        while k * step <= hi + step * 1e-9 {
            out.append(k * step)
            k += 1
        }
        return out
    }

    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let p = pow(10, (log10(rough)).rounded(.down))
        let f = rough / p
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p
    }

    /// A tick label with as few decimals as the step needs, the reader's way (`7,5`).
    static func tickLabel(_ x: Double, step: Double) -> String {
        let digits = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
        return Format.number(x, digits)
    }

    /// A padded [lo, hi] around the values, snapped to round numbers.
    static func range(_ values: [Double], pad: Double = 0.05) -> (Double, Double) {
        guard let lo = values.min(), let hi = values.max() else { return (0, 1) }
        if lo == hi { return (lo - 1, hi + 1) }
        let step = niceStep((hi - lo) / 5)
        let a = ((lo - (hi - lo) * pad) / step).rounded(.down) * step
        let b = ((hi + (hi - lo) * pad) / step).rounded(.up) * step
        return (a, b)
    }

    struct Frame {
        var width: Double, height: Double
        var left: Double, right: Double, top: Double, bottom: Double
        var plotWidth: Double { width - left - right }
        var plotHeight: Double { height - top - bottom }
    }

    static func open(_ f: Frame, label: String) -> HTML {
        """
        <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Format.coord(f.width)) \(Format.coord(f.height))" \
        width="\(Format.coord(f.width))" height="\(Format.coord(f.height))" role="img" aria-label="\(label)">\
        <title>\(label)</title>
        """
    }

    static func text(_ s: String, x: Double, y: Double, anchor: String = "middle", size: Int = 12,
                     weight: String? = nil, fill: String = ink, rotate: Bool = false) -> HTML {
        let w: HTML = weight.map { " font-weight=\"\($0)\"" } ?? .empty
        let r: HTML = rotate ? " transform=\"rotate(-90 \(Format.coord(x)) \(Format.coord(y)))\"" : .empty
        return "<text x=\"\(Format.coord(x))\" y=\"\(Format.coord(y))\" text-anchor=\"\(anchor)\" font-size=\"\(String(size))\" fill=\"\(fill)\"\(w)\(r)>\(s)</text>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = ink,
                     width: Double = 1, dash: String? = nil) -> HTML {
        let d: HTML = dash.map { " stroke-dasharray=\"\($0)\"" } ?? .empty
        return "<line x1=\"\(Format.coord(x1))\" y1=\"\(Format.coord(y1))\" x2=\"\(Format.coord(x2))\" y2=\"\(Format.coord(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Format.coord(width))\"\(d)/>"
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, title: String? = nil) -> HTML {
        let t: HTML = title.map { "<title>\($0)</title>" } ?? .empty
        return "<rect x=\"\(Format.coord(x))\" y=\"\(Format.coord(y))\" width=\"\(Format.coord(max(w, 0)))\" height=\"\(Format.coord(max(h, 0)))\" fill=\"\(fill)\">\(t)</rect>"
    }

    /// Horizontal axis with ticks and grid lines across the plot.
    static func xAxis(_ f: Frame, lo: Double, hi: Double, label: String, grid: Bool = true) -> HTML {
        let ticks = ticks(lo, hi)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        var out: HTML = line(f.left, f.height - f.bottom, f.width - f.right, f.height - f.bottom)
        for t in ticks {
            let x = f.left + (t - lo) / (hi - lo) * f.plotWidth
            if grid { out += line(x, f.top, x, f.height - f.bottom, stroke: Chart.grid) }
            out += line(x, f.height - f.bottom, x, f.height - f.bottom + 4)
            out += text(tickLabel(t, step: step), x: x, y: f.height - f.bottom + 17)
        }
        out += text(label, x: f.left + f.plotWidth / 2, y: f.height - 6, size: 13)
        return out
    }

    /// Vertical axis with ticks and grid lines across the plot.
    static func yAxis(_ f: Frame, lo: Double, hi: Double, label: String, integer: Bool = false) -> HTML {
        var ticks = ticks(lo, hi, target: 5)
        if integer { ticks = ticks.filter { $0 == $0.rounded() } }
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        var out: HTML = line(f.left, f.top, f.left, f.height - f.bottom)
        for t in ticks {
            let y = f.height - f.bottom - (t - lo) / (hi - lo) * f.plotHeight
            out += line(f.left, y, f.width - f.right, y, stroke: Chart.grid)
            out += line(f.left - 4, y, f.left, y)
            out += text(tickLabel(t, step: step), x: f.left - 7, y: y + 4, anchor: "end")
        }
        out += text(label, x: 15, y: f.top + f.plotHeight / 2, size: 13, rotate: true)
        return out
    }

    /// A one-line legend, left to right from (x, y): a swatch and a label per item.
    static func legend(_ items: [(color: String, label: String)], x: Double, y: Double) -> HTML {
        var out = HTML.empty
        var xx = x
        for item in items {
            out += rect(xx, y - 9, 11, 11, fill: item.color)
            out += text(item.label, x: xx + 16, y: y, anchor: "start")
            xx += 16 + Double(item.label.count) * 6.8 + 18
        }
        return out
    }

    // MARK: Histogram

    /// Histogram of aggregate scores, stacked: entries in the book at the bottom, the others on
    /// top; a dashed line at the cut-off.
    static func histogram(scores: [(score: Double, inBook: Bool)], cutoff: Double?, xLabel: String) -> HTML {
        let f = Frame(width: 760, height: 320, left: 52, right: 16, top: 44, bottom: 44)
        guard !scores.isEmpty else { return emptyChart(f, AuditText.noAggregates.text) }
        let values = scores.map(\.score)
        let lo0 = values.min()!, hi0 = values.max()!
        let width = niceStep(max(hi0 - lo0, 0.1) / 24)
        let lo = (lo0 / width).rounded(.down) * width
        let binCount = max(Int(((hi0 - lo) / width).rounded(.down)) + 1, 1)
        let hi = lo + Double(binCount) * width
        var book = Array(repeating: 0, count: binCount), rest = book
        for s in scores {
            let i = min(max(Int(((s.score - lo) / width + 1e-9).rounded(.down)), 0), binCount - 1)
            if s.inBook { book[i] += 1 } else { rest[i] += 1 }
        }
        let top = Double(max(zip(book, rest).map { $0 + $1 }.max() ?? 1, 1))
        // Headroom above the tallest bar, to a whole tick.
        let yStep = max(1, niceStep(top / 4))
        var yMax = (top * 1.1 / yStep).rounded(.up) * yStep
        if yMax <= top { yMax += yStep }
        var out = open(f, label: AuditText.histogramTitle.text(["axis": .text(xLabel)]))
        out += yAxis(f, lo: 0, hi: yMax, label: AuditText.histogramCount.text, integer: true)
        out += xAxis(f, lo: lo, hi: hi, label: xLabel, grid: false)
        let bw = f.plotWidth / Double(binCount)
        func y(_ n: Double) -> Double { f.height - f.bottom - n / yMax * f.plotHeight }
        for i in 0..<binCount {
            let x = f.left + Double(i) * bw
            let a = lo + Double(i) * width, b = a + width
            let range = "\(Format.number(a, 2))–\(Format.number(b, 2))"
            if book[i] > 0 {
                out += rect(x + 0.5, y(Double(book[i])), bw - 1, y(0) - y(Double(book[i])), fill: inBook,
                            title: AuditText.binInBook.text(["range": .text(range), "n": .integer(book[i])]))
            }
            if rest[i] > 0 {
                let base = Double(book[i])
                out += rect(x + 0.5, y(base + Double(rest[i])), bw - 1, y(base) - y(base + Double(rest[i])),
                            fill: other, title: AuditText.binNotInBook.text(["range": .text(range), "n": .integer(rest[i])]))
            }
        }
        if let cutoff {
            let x = f.left + (cutoff - lo) / (hi - lo) * f.plotWidth
            out += line(x, f.top - 12, x, f.height - f.bottom, stroke: accent, width: 2, dash: "6 4")
            out += text(AuditText.cutOff.text(["score": .decimal(cutoff, places: 2)]), x: x, y: f.top - 16, weight: "bold", fill: accent)
        }
        out += legend([(inBook, AuditText.inTheBook.text), (other, AuditText.notInTheBook.text)], x: f.left, y: 14)
        return out + "</svg>"
    }

    // MARK: Strip plot

    struct StripRow {
        var label: String
        var tooltip: String
        var href: String
        var values: [Double]
        var mean: Double
        var offset: Double
    }

    /// One row per reviewer: a dot per counted total, a bar at the reviewer's mean, and a dashed
    /// line at the round's mean. Rows sorted most lenient first (the caller's order is kept).
    static func strip(rows: [StripRow], overallMean: Double, scale: (Double, Double)?, xLabel: String) -> HTML {
        let rowHeight = 20.0
        let f = Frame(width: 760, height: 76 + rowHeight * Double(max(rows.count, 1)), left: 64, right: 70, top: 28, bottom: 46)
        guard !rows.isEmpty else { return emptyChart(f, AuditText.noCountedReviews.text) }
        let (lo, hi) = scale ?? range(rows.flatMap(\.values) + [overallMean])
        func x(_ v: Double) -> Double { f.left + (v - lo) / (hi - lo) * f.plotWidth }
        var out = open(f, label: AuditText.stripTitle.text(["axis": .text(xLabel)]))
        out += xAxis(f, lo: lo, hi: hi, label: xLabel)
        for (i, row) in rows.enumerated() {
            let cy = f.top + rowHeight * (Double(i) + 0.5)
            if i % 2 == 1 { out += rect(f.left, cy - rowHeight / 2, f.plotWidth, rowHeight, fill: "#f5f7f8") }
            out += "<a href=\"\(row.href)\"><title>\(row.tooltip)</title>"
            out += text(row.label, x: f.left - 8, y: cy + 4, anchor: "end")
            for (j, v) in row.values.enumerated() {
                // Deterministic jitter so equal totals stay visible.
                let jitter = Double(j % 5 - 2) * 2.2
                out += "<circle cx=\"\(Format.coord(x(v)))\" cy=\"\(Format.coord(cy + jitter))\" r=\"3\" fill=\"\(inBook)\" fill-opacity=\"0.45\"/>"
            }
            out += line(x(row.mean), cy - 8, x(row.mean), cy + 8, stroke: ink, width: 2.5)
            out += text(Format.signed(row.offset), x: f.width - f.right + 8, y: cy + 4, anchor: "start", size: 11)
            out += "</a>"
        }
        let mx = x(overallMean)
        out += line(mx, f.top - 8, mx, f.height - f.bottom, stroke: accent, width: 1.5, dash: "5 3")
        out += text(AuditText.roundMean.text(["mean": .decimal(overallMean, places: 2)]), x: mx, y: f.top - 12, size: 11, weight: "bold", fill: accent)
        out += text(AuditText.offset.text, x: f.width - f.right + 8, y: f.top - 12, anchor: "start", size: 11, weight: "bold")
        return out + "</svg>"
    }

    // MARK: Scatter

    struct Point {
        var x: Double
        var y: Double
        var highlight: Bool
        var tooltip: String
        var href: String
    }

    /// Raw mean (x) against aggregate (y) on one scale, with the line y = x.
    static func scatter(points: [Point], xLabel: String, yLabel: String) -> HTML {
        let f = Frame(width: 760, height: 480, left: 56, right: 20, top: 34, bottom: 46)
        guard !points.isEmpty else { return emptyChart(f, AuditText.noAggregates.text) }
        let (lo, hi) = range(points.flatMap { [$0.x, $0.y] })
        func px(_ v: Double) -> Double { f.left + (v - lo) / (hi - lo) * f.plotWidth }
        func py(_ v: Double) -> Double { f.height - f.bottom - (v - lo) / (hi - lo) * f.plotHeight }
        var out = open(f, label: AuditText.scatterTitle.text(["x": .text(xLabel), "y": .text(yLabel)]))
        out += yAxis(f, lo: lo, hi: hi, label: yLabel)
        out += xAxis(f, lo: lo, hi: hi, label: xLabel, grid: true)
        out += line(px(lo), py(lo), px(hi), py(hi), stroke: "#888", width: 1, dash: "4 4")
        out += text(AuditText.sameScore.text, x: px(hi) - 4, y: py(hi) + 14, anchor: "end", size: 11, fill: "#666")
        // Others first so the book's entries sit on top.
        for p in points.filter({ !$0.highlight }) + points.filter(\.highlight) {
            out += "<a href=\"\(p.href)\"><circle cx=\"\(Format.coord(px(p.x)))\" cy=\"\(Format.coord(py(p.y)))\" r=\"3.5\" fill=\"\(p.highlight ? inBook : other)\" fill-opacity=\"0.75\"><title>\(p.tooltip)</title></circle></a>"
        }
        out += legend([(inBook, AuditText.inTheBook.text), (other, AuditText.notInTheBook.text)], x: f.left, y: 14)
        return out + "</svg>"
    }

    // MARK: Bars

    struct Bar {
        var label: String
        var value: Double
        var highlight: Bool
        var tooltip: String
        var href: String
    }

    /// Horizontal bars, largest first (the caller's order is kept), each linking to its page.
    static func bars(_ bars: [Bar], xLabel: String) -> HTML {
        let rowHeight = 19.0
        let f = Frame(width: 760, height: 80 + rowHeight * Double(max(bars.count, 1)), left: 120, right: 50, top: 30, bottom: 46)
        guard !bars.isEmpty else { return emptyChart(f, AuditText.noSpread.text) }
        let hi = max(ticks(0, (bars.map(\.value).max() ?? 1) * 1.05).last ?? 1, bars.map(\.value).max() ?? 1, 0.1)
        var out = open(f, label: AuditText.barsTitle.text(["axis": .text(xLabel)]))
        out += xAxis(f, lo: 0, hi: hi, label: xLabel)
        for (i, b) in bars.enumerated() {
            let y = f.top + rowHeight * Double(i)
            let w = b.value / hi * f.plotWidth
            out += "<a href=\"\(b.href)\"><title>\(b.tooltip)</title>"
            out += text(b.label, x: f.left - 8, y: y + rowHeight / 2 + 4, anchor: "end", size: 11)
            out += rect(f.left, y + 3, w, rowHeight - 6, fill: b.highlight ? inBook : other)
            out += text(Format.number(b.value, 2), x: f.left + w + 5, y: y + rowHeight / 2 + 4, anchor: "start", size: 11)
            out += "</a>"
        }
        out += legend([(inBook, AuditText.inTheBook.text), (other, AuditText.notInTheBook.text)], x: f.left, y: 14)
        return out + "</svg>"
    }

    // MARK: Funnel

    /// The way from submitted to selected: one bar per stage, widths to scale.
    static func funnel(_ stages: [(label: String, count: Int)]) -> HTML {
        let rowHeight = 30.0
        // Room on the left for the longest label (13-unit text, about 7.2 units a letter).
        let left = max(170, Double(stages.map(\.label.count).max() ?? 0) * 7.2 + 16)
        let f = Frame(width: 760, height: 12 + rowHeight * Double(max(stages.count, 1)), left: left, right: 60, top: 6, bottom: 6)
        let top = Double(max(stages.map(\.count).max() ?? 1, 1))
        var out = open(f, label: AuditText.funnelTitle.text)
        for (i, s) in stages.enumerated() {
            let y = f.top + rowHeight * Double(i)
            let w = Double(s.count) / top * f.plotWidth
            out += text(s.label, x: f.left - 10, y: y + rowHeight / 2 + 5, anchor: "end", size: 13)
            out += rect(f.left, y + 4, w, rowHeight - 8, fill: i == stages.count - 1 ? inBook : "#7fa7bf")
            out += text(Format.count(s.count), x: f.left + w + 6, y: y + rowHeight / 2 + 5, anchor: "start", size: 13, weight: "bold")
        }
        return out + "</svg>"
    }

    // MARK: One candidate's reviews

    struct ReviewDot {
        var label: String
        var value: Double
        var counted: Bool
    }

    /// One candidate's review totals on the rubric's scale: filled dots counted, hollow ones not,
    /// a bar at the aggregate and a dashed line at the cut-off.
    static func reviewDots(_ dots: [ReviewDot], aggregate: Double?, cutoff: Double?, scale: (Double, Double)) -> HTML {
        let f = Frame(width: 760, height: 110, left: 20, right: 20, top: 34, bottom: 40)
        let (lo, hi) = scale
        func x(_ v: Double) -> Double { f.left + (min(max(v, lo), hi) - lo) / (hi - lo) * f.plotWidth }
        let cy = f.top + f.plotHeight / 2
        var out = open(f, label: AuditText.dotsTitle.text)
        out += xAxis(f, lo: lo, hi: hi, label: AuditText.reviewTotal.text)
        if let cutoff {
            out += line(x(cutoff), f.top - 6, x(cutoff), f.height - f.bottom, stroke: accent, width: 1.5, dash: "5 3")
            out += text(AuditText.cutOff.text(["score": .decimal(cutoff, places: 2)]), x: x(cutoff), y: f.top - 10, size: 11, weight: "bold", fill: accent)
        }
        for (i, d) in dots.enumerated() {
            let y = cy + Double(i % 3 - 1) * 6
            let fill: HTML = d.counted ? "fill=\"\(inBook)\"" : "fill=\"#fff\" stroke=\"\(accent)\" stroke-width=\"1.5\""
            out += "<circle cx=\"\(Format.coord(x(d.value)))\" cy=\"\(Format.coord(y))\" r=\"5\" \(fill)><title>\(d.counted ? "\(d.label): \(Format.number(d.value, 3))" : AuditText.notCountedMark.text(["label": .text(d.label), "score": .decimal(d.value, places: 3)]))</title></circle>"
        }
        if let aggregate {
            out += line(x(aggregate), cy - 14, x(aggregate), cy + 14, stroke: ink, width: 3)
            let near = cutoff.map { abs(x($0) - x(aggregate)) < 90 } ?? false
            out += text(AuditText.aggregateScore.text(["score": .decimal(aggregate, places: 2)]), x: x(aggregate), y: near ? cy + 28 : f.top - 10, size: 11, weight: "bold")
        }
        return out + "</svg>"
    }

    // MARK: Small inline gauges

    /// A quota as a bar: the allowed band [min, max] shaded, the fill as a bar, red when outside.
    static func quotaGauge(min lo: Int?, max hi: Int?, filled: Int, scaleMax: Int, holds: Bool) -> HTML {
        let w = 240.0, h = 18.0
        let s = Double(Swift.max(scaleMax, 1))
        func x(_ n: Int) -> Double { Double(n) / s * w }
        let none = MessageValue.message(AuditText.none.message)
        let label = AuditText.quotaGauge.text(["filled": .integer(filled), "min": lo.map { .integer($0) } ?? none,
                                               "max": hi.map { .integer($0) } ?? none])
        var out: HTML = "<svg class=\"gauge\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Format.coord(w)) \(Format.coord(h))\" width=\"\(Format.coord(w))\" height=\"\(Format.coord(h))\" role=\"img\" aria-label=\"\(label)\">"
        out += rect(0, 0, w, h, fill: "#f1f3f4")
        out += rect(x(lo ?? 0), 0, x(hi ?? scaleMax) - x(lo ?? 0), h, fill: "#d5e8d4")
        out += rect(0, 4, x(filled), h - 8, fill: holds ? inBook : accent)
        if let lo { out += line(x(lo), 0, x(lo), h, stroke: ink, width: 1.5) }
        if let hi { out += line(x(hi), 0, x(hi), h, stroke: ink, width: 1.5) }
        return out + "</svg>"
    }

    /// Alpha on [0, 1] with the 0.667 and 0.8 thresholds marked.
    static func alphaGauge(_ alpha: Double?) -> HTML {
        let w = 200.0, h = 16.0
        let reading = AlphaReading(alpha)
        let color = switch reading {
        case .reliable: "#2e7d32"
        case .tentative: "#e69500"
        case .unreliable: accent
        case .undefined: other
        }
        var out: HTML = "<svg class=\"gauge\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Format.coord(w)) \(Format.coord(h))\" width=\"\(Format.coord(w))\" height=\"\(Format.coord(h))\" role=\"img\" aria-label=\"\(reading.words)\">"
        out += rect(0, 0, w, h, fill: "#f1f3f4")
        if let alpha, alpha.isFinite {
            out += rect(0, 3, Swift.min(Swift.max(alpha, 0), 1) * w, h - 6, fill: color)
        }
        out += line(0.667 * w, 0, 0.667 * w, h, stroke: ink, width: 1, dash: "2 2")
        out += line(0.8 * w, 0, 0.8 * w, h, stroke: ink, width: 1)
        return out + "</svg>"
    }

    static func emptyChart(_ f: Frame, _ message: String) -> HTML {
        open(f, label: message) + text(message, x: f.width / 2, y: f.height / 2) + "</svg>"
    }
}
