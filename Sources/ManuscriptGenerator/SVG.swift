/// Small, text-free SVG images for figures: a bar chart, or a little village scene.
enum SVG {
    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Fictional data, for illustration only. -->\n"
    private static let palette = ["#2e7d32", "#1565c0", "#c62828", "#ef6c00", "#6a1b9a", "#00838f"]

    static func barChart(_ rng: inout Xoshiro256) -> String {
        let width = 480, height = 300, base = 260, left = 40
        let bars = rng.int(3...6)
        let color = rng.pick(palette)
        var s = header
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        s += "  <rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        for k in 1...4 {
            let y = base - k * 50
            s += "  <line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 20)\" y2=\"\(y)\" stroke=\"#dddddd\" stroke-width=\"1\"/>\n"
        }
        s += "  <line x1=\"\(left)\" y1=\"\(base)\" x2=\"\(width - 20)\" y2=\"\(base)\" stroke=\"#333333\" stroke-width=\"2\"/>\n"
        s += "  <line x1=\"\(left)\" y1=\"20\" x2=\"\(left)\" y2=\"\(base)\" stroke=\"#333333\" stroke-width=\"2\"/>\n"
        let slot = (width - left - 40) / bars
        var h = rng.int(40...110)
        for i in 0..<bars {
            h = min(220, h + rng.int(-10...45))
            let x = left + 20 + i * slot
            s += "  <rect x=\"\(x)\" y=\"\(base - h)\" width=\"\(slot - 20)\" height=\"\(h)\" fill=\"\(color)\" opacity=\"\(i == bars - 1 ? "1" : "0.75")\"/>\n"
        }
        s += "</svg>\n"
        return s
    }

    static func illustration(_ rng: inout Xoshiro256) -> String {
        let width = 480, height = 300
        var s = header
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        s += "  <rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"200\" fill=\"#cfe8fc\"/>\n"
        s += "  <rect x=\"0\" y=\"200\" width=\"\(width)\" height=\"100\" fill=\"#a5d6a7\"/>\n"
        s += "  <circle cx=\"\(rng.int(60...420))\" cy=\"\(rng.int(40...70))\" r=\"24\" fill=\"#ffd54f\"/>\n"
        // Limestone hills of Ninh Binh.
        var x = -40
        while x < width {
            let w = rng.int(90...150), h = rng.int(70...140)
            s += "  <path d=\"M\(x) 200 Q\(x + w / 2) \(200 - 2 * h) \(x + w) 200 Z\" fill=\"#689f38\" opacity=\"0.8\"/>\n"
            x += w - rng.int(10...40)
        }
        // Houses along a road.
        s += "  <rect x=\"0\" y=\"250\" width=\"\(width)\" height=\"22\" fill=\"#9e9e9e\"/>\n"
        for i in 0..<rng.int(2...4) {
            let hx = 30 + i * 110 + rng.int(0...30)
            let roof = rng.pick(palette)
            s += "  <rect x=\"\(hx)\" y=\"205\" width=\"70\" height=\"45\" fill=\"#fff8e1\" stroke=\"#5d4037\" stroke-width=\"2\"/>\n"
            s += "  <polygon points=\"\(hx - 8),205 \(hx + 35),178 \(hx + 78),205\" fill=\"\(roof)\"/>\n"
            s += "  <rect x=\"\(hx + 28)\" y=\"225\" width=\"14\" height=\"25\" fill=\"#795548\"/>\n"
        }
        s += "</svg>\n"
        return s
    }
}
