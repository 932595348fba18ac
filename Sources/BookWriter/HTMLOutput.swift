import ManuscriptModel
import XMLKit

/// Submission and book content as an HTML fragment, for pages that show an entry's text (the
/// review desk, the audit): the third walker over the same blocks and inlines, beside DocBook and
/// plain text. Every text and attribute goes through `XMLEscape.html`; links keep only `http`,
/// `https` and `mailto` addresses (any other is shown as text); footnotes are numbered `[n]` and
/// listed after the content; a figure shows `images/<ref>`, as the HTML book does.
public struct HTMLOutput: BlockVisitor, InlineVisitor {
    public private(set) var html = ""
    private var notes: [[Inline]] = []

    public init() {}

    /// The blocks (sections headed from `<h{level}>`), then their footnotes.
    public static func fragment(_ blocks: [Block], headingLevel level: Int = 2) -> String {
        var w = HTMLOutput()
        for block in blocks { w.visit(block, level) }
        w.footnotes()
        return w.html
    }

    /// Inline content (a title, a summary), its footnotes after it.
    public static func inline(_ content: [Inline]) -> String {
        var w = HTMLOutput()
        w.visit(content)
        w.footnotes()
        return w.html
    }

    private mutating func text(_ s: String) { html += XMLEscape.html(s) }

    private mutating func footnotes() {
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
        html += "<table>"
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
        html += "</tbody></table>"
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
        html += "<figure><img src=\"" + XMLEscape.html(DocBookWriter.imagePath(forAttachment: f.ref))
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
        if safe { html += "<a href=\"" + XMLEscape.html(href) + "\">" }
        if c.isEmpty { text(href) } else { visit(c) }
        if safe { html += "</a>" }
    }
}
