import ManuscriptModel
import XMLKit

/// Submission and book content as an HTML fragment, for pages that show an entry's text (the
/// review desk, the audit): the third walker over the same blocks and inlines, beside DocBook and
/// plain text. Every text and attribute goes through `XMLEscape.html`; links keep only `http`,
/// `https` and `mailto` addresses (any other is shown as text) and open apart from the page;
/// footnotes are numbered `[n]` and listed where `writeFootnotes()` is called; a figure shows the
/// address `figureSource` gives for its attachment (by default `images/<ref>`, as the HTML book
/// does), and is left out when there is none.
public struct HTMLOutput: BlockVisitor, InlineVisitor {
    public private(set) var html = ""
    private var notes: [[Inline]] = []
    private let figureSource: (String) -> String?

    public init(figureSource: @escaping (String) -> String? = { DocBookWriter.imagePath(forAttachment: $0) }) {
        self.figureSource = figureSource
    }

    /// The blocks (sections headed from `<h{level}>`), then their footnotes.
    public static func fragment(_ blocks: [Block], headingLevel level: Int = 2) -> String {
        var w = HTMLOutput()
        w.write(blocks, headingLevel: level)
        w.writeFootnotes()
        return w.html
    }

    /// Inline content (a title, a summary), its footnotes after it.
    public static func inline(_ content: [Inline]) -> String {
        var w = HTMLOutput()
        w.write(content)
        w.writeFootnotes()
        return w.html
    }

    /// Appends blocks; their footnotes wait for `writeFootnotes()`.
    public mutating func write(_ blocks: [Block], headingLevel level: Int) {
        for block in blocks { visit(block, level) }
    }

    /// Appends inline content; its footnotes wait for `writeFootnotes()`.
    public mutating func write(_ content: [Inline]) { visit(content) }

    /// The HTML written so far, handed over and cleared; the footnote count goes on, so a page can
    /// place several parts (a summary, then a body) and list every footnote once at the end.
    public mutating func take() -> String {
        defer { html = "" }
        return html
    }

    private mutating func text(_ s: String) { html += XMLEscape.html(s) }

    /// The footnotes written so far, as one numbered list (nothing when there are none).
    public mutating func writeFootnotes() {
        guard !notes.isEmpty else { return }
        html += "<ol class=\"notes\">"
        var i = 0
        // Notes inside notes are appended while writing, so the list can grow as we go.
        while i < notes.count {
            html += "<li id=\"note-\(i + 1)\">"
            visit(notes[i])
            html += "</li>"
            i += 1
        }
        html += "</ol>"
    }

    // MARK: Blocks (the context is the heading level of a section's title)

    public mutating func visitSection(_ s: Section, _ level: Int) {
        let h = "h\(min(level, 6))"
        html += "<section><\(h)>"
        visit(s.title)
        html += "</\(h)>"
        for b in s.blocks { visit(b, level + 1) }
        html += "</section>"
    }

    public mutating func visitParagraph(_ p: [Inline], _: Int) {
        html += "<p>"
        visit(p)
        html += "</p>"
    }

    public mutating func visitList(_ l: ListBlock, _ level: Int) {
        let tag = l.type == .number ? "ol" : "ul"
        html += "<\(tag)>"
        for item in l.items {
            html += "<li>"
            for b in item { visit(b, level) }
            html += "</li>"
        }
        html += "</\(tag)>"
    }

    public mutating func visitBlockQuote(_ q: BlockQuote, _ level: Int) {
        html += "<blockquote>"
        for b in q.blocks { visit(b, level) }
        if let source = q.source {
            html += "<footer>— "
            text(source)
            html += "</footer>"
        }
        html += "</blockquote>"
    }

    public mutating func visitTable(_ t: Table, _: Int) {
        // The wrapper lets a wide table scroll on a phone instead of widening the page.
        html += "<div class=\"table\"><table>"
        if let caption = t.caption {
            html += "<caption>"
            visit(caption)
            html += "</caption>"
        }
        let head = t.rows.filter(\.isHead)
        let body = t.rows.filter { !$0.isHead }
        if !head.isEmpty {
            html += "<thead>"
            for row in head { tableRow(row, cell: "th") }
            html += "</thead>"
        }
        html += "<tbody>"
        for row in body { tableRow(row, cell: "td") }
        html += "</tbody></table></div>"
    }

    private mutating func tableRow(_ row: TableRow, cell: String) {
        html += "<tr>"
        for c in row.cells {
            html += c.colspan > 1 ? "<\(cell) colspan=\"\(c.colspan)\">" : "<\(cell)>"
            visit(c.content)
            html += "</\(cell)>"
        }
        html += "</tr>"
    }

    public mutating func visitFigure(_ f: Figure, _: Int) {
        guard let source = figureSource(f.ref) else { return }
        html += "<figure><img src=\"" + XMLEscape.html(source)
            + "\" alt=\"" + XMLEscape.html(f.caption?.plainText ?? "") + "\"/>"
        if let caption = f.caption {
            html += "<figcaption>"
            visit(caption)
            html += "</figcaption>"
        }
        html += "</figure>"
    }

    // MARK: Inlines

    public mutating func visitText(_ s: String) { text(s) }

    public mutating func visitEmphasis(_ c: [Inline]) {
        html += "<em>"
        visit(c)
        html += "</em>"
    }

    public mutating func visitStrong(_ c: [Inline]) {
        html += "<strong>"
        visit(c)
        html += "</strong>"
    }

    public mutating func visitQuotation(_ c: [Inline]) {
        html += "“"
        visit(c)
        html += "”"
    }

    public mutating func visitNote(_ c: [Inline]) {
        notes.append(c)
        html += "<sup class=\"note\"><a href=\"#note-\(notes.count)\">[\(notes.count)]</a></sup>"
    }

    public mutating func visitLink(href: String, _ c: [Inline]) {
        let lower = href.lowercased()
        let safe = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
        if safe { html += "<a href=\"" + XMLEscape.html(href) + "\" rel=\"noopener noreferrer\" target=\"_blank\">" }
        if c.isEmpty { text(href) } else { visit(c) }
        if safe { html += "</a>" }
    }
}
