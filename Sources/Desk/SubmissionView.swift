import BookWriter
import Foundation
import ManuscriptModel
import XMLKit

/// A submission as the book shows it (title, kind, unit and district, people, summary, body, results,
/// endorsement, attachments), for the reviewer's page. Text from the manuscript is escaped here, once;
/// the fragments marked `html` are safe to insert as markup. Figures and attachments point at
/// `/attachments/<submission>/<n>`, the n-th attachment of the submission (from 0).
public struct SubmissionView: Encodable, Sendable, Equatable {
    public struct PersonView: Encodable, Sendable, Equatable { public var role: String; public var name: String }
    public struct ResultView: Encodable, Sendable, Equatable {
        public var labelHTML: String
        public var value: String
        public var baseline: String?
        public var unit: String?
    }
    public struct AttachmentView: Encodable, Sendable, Equatable {
        public var url: String
        public var type: String
        public var captionHTML: String
        public var isImage: Bool
    }

    public var id: String
    public var title: String
    public var kind: String
    public var field: String
    public var unit: String
    public var unitLevel: String
    public var district: String
    public var registered: String
    public var period: String
    public var people: [PersonView]
    public var summaryHTML: String
    public var bodyHTML: String
    public var results: [ResultView]
    public var endorsement: String?
    public var attachments: [AttachmentView]

    public init(_ s: Submission, manuscript m: Manuscript) {
        var notes = Notes()
        let attachmentIndex = Dictionary(s.attachments.enumerated().map { ($1.href, $0) }, uniquingKeysWith: { a, _ in a })
        func url(_ i: Int) -> String { "/attachments/\(s.id)/\(i)" }
        id = s.id
        title = s.title.plainText
        kind = Vietnamese.kind(s.kind)
        field = m.fields.first { $0.code == s.field }?.name ?? s.field
        unit = s.unit.name
        unitLevel = Vietnamese.unitLevel(s.unit.level)
        district = m.districts.first { $0.code == s.unit.district }?.name ?? s.unit.district
        registered = s.registered.description
        period = s.period.start.description + " – " + (s.period.end?.description ?? "nay")
        people = s.people.map { PersonView(role: Vietnamese.role($0.role), name: $0.name) }
        summaryHTML = Self.inline(s.summary, notes: &notes)
        var body = Self.blocks(s.body, depth: 3, notes: &notes) { ref in attachmentIndex[ref].map(url) }
        if !notes.items.isEmpty {
            body += "<ol class=\"notes\">" + notes.items.enumerated().map { i, html in
                "<li id=\"note-\(i + 1)\">\(html)</li>"
            }.joined() + "</ol>"
        }
        bodyHTML = body
        var ignored = Notes()
        results = (s.results ?? []).map {
            ResultView(labelHTML: Self.inline($0.label, notes: &ignored), value: $0.valueText, baseline: $0.baselineText,
                       unit: $0.unit)
        }
        endorsement = s.endorsement.map { "\($0.by) (\(Vietnamese.endorsementLevel($0.level))), \($0.date)" }
        attachments = s.attachments.enumerated().map { i, a in
            AttachmentView(url: url(i), type: a.type, captionHTML: Self.inline(a.caption, notes: &ignored),
                           isImage: a.type.hasPrefix("image/"))
        }
    }

    struct Notes { var items: [String] = [] }

    static func e(_ s: String) -> String { XMLEscape.html(s) }

    static func inline(_ content: [Inline], notes: inout Notes) -> String {
        var out = ""
        for i in content {
            switch i {
            case .text(let t): out += e(t)
            case .emphasis(let c): out += "<em>" + inline(c, notes: &notes) + "</em>"
            case .strong(let c): out += "<strong>" + inline(c, notes: &notes) + "</strong>"
            case .quote(let c): out += "“" + inline(c, notes: &notes) + "”"
            case .note(let c):
                notes.items.append("")
                let n = notes.items.count
                notes.items[n - 1] = inline(c, notes: &notes)
                out += "<sup><a href=\"#note-\(n)\">\(n)</a></sup>"
            case .link(let href, let c):
                let safe = ["http:", "https:", "mailto:"].contains { href.lowercased().hasPrefix($0) }
                out += safe
                    ? "<a href=\"\(e(href))\" rel=\"noopener noreferrer\" target=\"_blank\">" + inline(c, notes: &notes) + "</a>"
                    : inline(c, notes: &notes)
            }
        }
        return out
    }

    static func blocks(_ blocks: [Block], depth: Int, notes: inout Notes, figure: (String) -> String?) -> String {
        var out = ""
        for b in blocks {
            switch b {
            case .section(let s):
                let h = min(depth, 6)
                out += "<section><h\(h)>" + inline(s.title, notes: &notes) + "</h\(h)>"
                    + Self.blocks(s.blocks, depth: depth + 1, notes: &notes, figure: figure) + "</section>"
            case .paragraph(let c): out += "<p>" + inline(c, notes: &notes) + "</p>"
            case .list(let l):
                let tag = l.type == .number ? "ol" : "ul"
                out += "<\(tag)>" + l.items.map { item in
                    "<li>" + Self.blocks(item, depth: depth, notes: &notes, figure: figure) + "</li>"
                }.joined() + "</\(tag)>"
            case .quote(let q):
                out += "<blockquote>" + Self.blocks(q.blocks, depth: depth, notes: &notes, figure: figure)
                    + (q.source.map { "<footer>— " + e($0) + "</footer>" } ?? "") + "</blockquote>"
            case .table(let t):
                out += "<div class=\"table\"><table>"
                if let c = t.caption { out += "<caption>" + inline(c, notes: &notes) + "</caption>" }
                for row in t.rows {
                    let cell = row.isHead ? "th" : "td"
                    out += "<tr>" + row.cells.map { c in
                        "<\(cell)\(c.colspan > 1 ? " colspan=\"\(c.colspan)\"" : "")>" + inline(c.content, notes: &notes) + "</\(cell)>"
                    }.joined() + "</tr>"
                }
                out += "</table></div>"
            case .figure(let f):
                let caption = f.caption.map { inline($0, notes: &notes) } ?? ""
                if let src = figure(f.ref) {
                    out += "<figure><img src=\"\(e(src))\" alt=\"\(e(f.caption?.plainText ?? ""))\">"
                        + (caption.isEmpty ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>"
                }
            }
        }
        return out
    }
}
