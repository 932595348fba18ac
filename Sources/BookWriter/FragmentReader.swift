import ManuscriptModel
import XMLKit

/// Reads an editor's DocBook fragment (a `preface` or `partintro`) back into the manuscript's
/// block vocabulary, so the plain-text book can print it. The DocBook book embeds the fragment
/// as written; this reading only has to be faithful enough for plain text: unknown elements
/// give their text.
enum FragmentReader {
    struct Result {
        var title: String?
        var blocks: [Block]
    }

    static func read(_ fragment: DocBookFragment) throws(BookError) -> Result {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(Array(fragment.xml.utf8))
        } catch {
            throw .badFragment(path: fragment.path, message: error.problems.first?.description ?? "not XML")
        }
        let root = document.root
        var title: String?
        if let t = root.element(named: "title") ?? root.element(named: "info")?.element(named: "title") {
            title = inlines(t).plainText.whitespaceCollapsed
        }
        return Result(title: title, blocks: blocks(of: root))
    }

    private static let sectionNames: Set<String> = ["section", "sect1", "sect2", "sect3", "sect4", "sect5", "simplesect"]
    private static let paraNames: Set<String> = ["para", "simpara"]
    private static let skipped: Set<String> = ["title", "info", "titleabbrev", "subtitle", "indexterm", "remark"]

    /// The block children of an element; loose text and inline elements become paragraphs.
    static func blocks(of element: XMLElement) -> [Block] {
        var out: [Block] = []
        var loose: [Inline] = []
        func flush() {
            let text = loose.plainText
            if !text.allSatisfy(\.isWhitespace) { out.append(.paragraph(trim(loose))) }
            loose = []
        }
        for child in element.children {
            switch child {
            case .text(let s):
                loose.append(.text(s))
            case .element(let e):
                let name = e.name
                if skipped.contains(name) { continue }
                if let block = block(e) {
                    flush()
                    out.append(contentsOf: block)
                } else {
                    loose.append(contentsOf: inline(e))
                }
            }
        }
        flush()
        return out
    }

    /// A block element as blocks, or nil when the element is inline.
    private static func block(_ e: XMLElement) -> [Block]? {
        let name = e.name
        if paraNames.contains(name) { return [.paragraph(trim(inlines(e)))] }
        if sectionNames.contains(name) {
            let title = e.element(named: "title") ?? e.element(named: "info")?.element(named: "title")
            return [.section(Section(title: title.map { trim(inlines($0)) } ?? [], blocks: blocks(of: e)))]
        }
        switch name {
        case "formalpara":
            var content: [Inline] = []
            if let t = e.element(named: "title") { content = [.strong(trim(inlines(t))), .text(". ")] }
            if let p = e.element(named: "para") { content += trim(inlines(p)) }
            return [.paragraph(content)]
        case "itemizedlist", "orderedlist":
            let items = e.elements(named: "listitem").map { blocks(of: $0) }
            return [.list(ListBlock(type: name == "orderedlist" ? .number : .bullet, items: items))]
        case "variablelist":
            return e.elements(named: "varlistentry").flatMap { v -> [Block] in
                let term = v.elements(named: "term").map { trim(inlines($0)) }
                var out: [Block] = term.map { .paragraph([.strong($0)]) }
                if let item = v.element(named: "listitem") { out += blocks(of: item) }
                return out
            }
        case "blockquote", "epigraph":
            let source = e.element(named: "attribution").map { inlines($0).plainText.whitespaceCollapsed }
            let inner = blocks(of: e).filter { if case .paragraph(let p) = $0 { return p.plainText != source } else { return true } }
            return [.quote(BlockQuote(source: source, blocks: inner))]
        case "attribution":
            return []
        case "note", "tip", "important", "warning", "caution", "sidebar", "abstract", "partintro", "preface":
            return blocks(of: e)
        case "programlisting", "literallayout", "screen":
            return [.paragraph([.text(e.textContent)])]
        default:
            return nil
        }
    }

    private static func inlines(_ e: XMLElement) -> [Inline] {
        var out: [Inline] = []
        for child in e.children {
            switch child {
            case .text(let s): out.append(.text(s))
            case .element(let c): out.append(contentsOf: inline(c))
            }
        }
        return out
    }

    private static func inline(_ e: XMLElement) -> [Inline] {
        switch e.name {
        case "emphasis":
            let role = e.attribute("role")
            return role == "strong" || role == "bold" ? [.strong(inlines(e))] : [.emphasis(inlines(e))]
        case "quote": return [.quote(inlines(e))]
        case "footnote": return [.note(blocks(of: e).flatMap { b -> [Inline] in
            if case .paragraph(let p) = b { return p } else { return [] }
        })]
        case "link", "ulink":
            if let href = e.attributes.first(where: { $0.name == "xlink:href" || $0.name == "url" })?.value {
                let content = inlines(e)
                return [.link(href: href, content.isEmpty ? [.text(href)] : content)]
            }
            return inlines(e)
        case "indexterm", "remark": return []
        case "xref": return [.text(e.attribute("linkend") ?? "")]
        default: return inlines(e)
        }
    }

    /// Whitespace runs collapsed and the ends trimmed, as a renderer shows XML text.
    private static func trim(_ content: [Inline]) -> [Inline] {
        var out = content.map(collapse)
        while case .text(let s)? = out.first, s.allSatisfy(\.isWhitespace) { out.removeFirst() }
        if case .text(let s)? = out.first { out[0] = .text(String(s.drop(while: \.isWhitespace))) }
        while case .text(let s)? = out.last, s.allSatisfy(\.isWhitespace) { out.removeLast() }
        if case .text(let s)? = out.last {
            out[out.count - 1] = .text(String(s.reversed().drop(while: \.isWhitespace).reversed()))
        }
        return out
    }

    private static func collapse(_ inline: Inline) -> Inline {
        switch inline {
        case .text(let s):
            var out = ""
            var space = false
            for ch in s {
                if ch.isWhitespace { space = true; continue }
                if space { out.append(" "); space = false }
                out.append(ch)
            }
            if space { out.append(" ") }
            return .text(out)
        case .emphasis(let c): return .emphasis(c.map(collapse))
        case .strong(let c): return .strong(c.map(collapse))
        case .quote(let c): return .quote(c.map(collapse))
        case .note(let c): return .note(trim(c))
        case .link(let h, let c): return .link(href: h, c.map(collapse))
        }
    }
}
