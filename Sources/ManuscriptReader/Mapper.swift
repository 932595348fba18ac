import Foundation
import ManuscriptModel
import Messages
import XMLKit

/// Maps one parsed document to values, tolerating what the schema already reported: a missing or
/// malformed value becomes a neutral default, so one mistake gives one finding, not a crash.
final class Mapper {
    let path: String
    /// Whether strings need NFC normalisation (false when the whole file already is NFC).
    let normalise: Bool
    /// Whether a submission's summary and body are mapped (false: only the body's word count is
    /// kept, `Mapper+Words`).
    let keepsText: Bool
    var findings: [Finding] = []
    /// `figure/@ref` and `link/@href` met while mapping blocks and inlines.
    var figures: [Located<String>] = []
    var links: [Located<String>] = []

    init(path: String, normalise: Bool, keepsText: Bool = true) {
        self.path = path
        self.normalise = normalise
        self.keepsText = keepsText
    }

    func nfc(_ s: String) -> String { normalise ? s.precomposedStringWithCanonicalMapping : s }

    func loc(_ e: XMLElement) -> SourceLocation {
        let p = e.position
        return SourceLocation(path: path, line: p.line, column: p.column)
    }

    func loc(_ e: XMLElement, _ attribute: String) -> SourceLocation {
        let p = e.position(ofAttribute: attribute)
        return SourceLocation(path: path, line: p.line, column: p.column)
    }

    func attr(_ e: XMLElement, _ name: String) -> String? { e.attribute(name).map(nfc) }

    /// An attribute value, with surrounding whitespace dropped (codes, dates, numbers).
    func token(_ e: XMLElement, _ name: String) -> String? { attr(e, name)?.collapsed }

    /// An element's text, whitespace-collapsed (names, codes).
    func text(_ e: XMLElement?) -> String { e.map { nfc($0.textContent).collapsed } ?? "" }

    func error(_ at: SourceLocation, _ message: Message) { findings.append(.error(at: at, message)) }

    // MARK: Inline and block content

    /// Mixed inline content, with runs of whitespace collapsed and the ends trimmed.
    func inline(_ e: XMLElement?) -> [Inline] {
        guard let e else { return [] }
        return collapse(rawInline(e))
    }

    private func rawInline(_ e: XMLElement) -> [Inline] {
        var out: [Inline] = []
        rawInline(e, into: &out)
        return out
    }

    /// Walks the children in place (no array of children, no String of each element's name).
    private func rawInline(_ e: XMLElement, into out: inout [Inline]) {
        e.forEachChild { child in
            switch child {
            case .text(let s): out.append(.text(nfc(s)))
            case .element(let c):
                if c.isNamed("em") {
                    out.append(.emphasis(rawInline(c)))
                } else if c.isNamed("strong") {
                    out.append(.strong(rawInline(c)))
                } else if c.isNamed("q") {
                    out.append(.quote(rawInline(c)))
                } else if c.isNamed("note") {
                    out.append(.note(collapse(rawInline(c))))
                } else if c.isNamed("link") {
                    let href = token(c, "href") ?? ""
                    links.append(Located(value: href, at: loc(c, "href")))
                    out.append(.link(href: href, rawInline(c)))
                } else {
                    rawInline(c, into: &out)  // unknown markup (already reported): keep its text
                }
            }
        }
    }

    func blocks(_ e: XMLElement?) -> [Block] {
        guard let e else { return [] }
        return childBlocks(e)
    }

    /// The blocks of every child element that is one, in order.
    private func childBlocks(_ e: XMLElement, skippingTitle: Bool = false) -> [Block] {
        var out: [Block] = []
        e.forEachElement { c in
            if skippingTitle, c.isNamed("title") { return }
            if let b = block(c) { out.append(b) }
        }
        return out
    }

    func isBlock(_ e: XMLElement) -> Bool {
        e.isNamed("section") || e.isNamed("p") || e.isNamed("list") || e.isNamed("quote") || e.isNamed("table")
            || e.isNamed("figure")
    }

    private func block(_ e: XMLElement) -> Block? {
        if e.isNamed("p") {
            return .paragraph(inline(e))
        }
        if e.isNamed("section") {
            return .section(Section(title: inline(e.element(named: "title")),
                                    blocks: childBlocks(e, skippingTitle: true)))
        }
        if e.isNamed("list") {
            let type = ListType(rawValue: token(e, "type") ?? "") ?? .bullet
            let items: [[Block]] = e.elements(named: "item").map { item in
                var hasBlock = false
                item.forEachElement { if !hasBlock, isBlock($0) { hasBlock = true } }
                if hasBlock { return childBlocks(item) }
                let content = inline(item)
                return content.isEmpty ? [] : [.paragraph(content)]
            }
            return .list(ListBlock(type: type, items: items))
        }
        if e.isNamed("quote") {
            return .quote(BlockQuote(source: attr(e, "source")?.collapsed, blocks: childBlocks(e)))
        }
        if e.isNamed("table") {
            let rows = e.elements(named: "row").map { row in
                TableRow(isHead: token(row, "role") == "head",
                         cells: row.elements(named: "cell").map { cell in
                             TableCell(colspan: Int(token(cell, "colspan") ?? "") ?? 1, content: inline(cell))
                         })
            }
            return .table(Table(caption: e.element(named: "caption").map { inline($0) }, rows: rows))
        }
        if e.isNamed("figure") {
            let ref = token(e, "ref") ?? ""
            figures.append(Located(value: ref, at: loc(e, "ref")))
            return .figure(Figure(ref: ref, caption: e.element(named: "caption").map { inline($0) }))
        }
        return nil
    }
}

// MARK: Whitespace in inline content

/// Collapses whitespace runs to one space across element boundaries and trims both ends.
/// A footnote's text is a separate flow: it is collapsed and trimmed on its own.
func collapse(_ inlines: [Inline]) -> [Inline] {
    var lastWasSpace = true
    var out = collapseWalk(inlines, &lastWasSpace)
    trimTrailing(&out)
    return out
}

private func collapseWalk(_ inlines: [Inline], _ lastWasSpace: inout Bool) -> [Inline] {
    var out: [Inline] = []
    for x in inlines {
        switch x {
        case .text(let s):
            let r = collapseRun(s, &lastWasSpace)
            guard !r.isEmpty else { continue }
            if case .text(let previous)? = out.last { out[out.count - 1] = .text(previous + r) } else { out.append(.text(r)) }
        case .emphasis(let c): out.append(.emphasis(collapseWalk(c, &lastWasSpace)))
        case .strong(let c): out.append(.strong(collapseWalk(c, &lastWasSpace)))
        case .quote(let c): out.append(.quote(collapseWalk(c, &lastWasSpace)))
        case .link(let href, let c): out.append(.link(href: href, collapseWalk(c, &lastWasSpace)))
        case .note(let c): out.append(.note(c))  // already collapsed on its own
        }
    }
    return out
}

/// One text piece with runs of space, tab, CR and LF collapsed to one space (a space already
/// written before it counts). Works on the UTF-8 bytes: the four are ASCII, so no other byte of a
/// multi-byte letter can match, and the text is copied once.
private func collapseRun(_ s: String, _ lastWasSpace: inout Bool) -> String {
    var s = s
    var last = lastWasSpace
    // Most pieces need no change: no whitespace run, no leading space after a space. Keep those.
    let unchanged = s.withUTF8 { src in
        var previous = lastWasSpace
        for b in src {
            let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
            if space && (previous || b != 0x20) { return false }
            previous = space
        }
        last = previous
        return true
    }
    if unchanged {
        lastWasSpace = last
        return s
    }
    let r = s.withUTF8 { src in
        String(unsafeUninitializedCapacity: src.count) { dst in
            var n = 0
            for b in src {
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    if !last { dst[n] = 0x20; n += 1; last = true }
                } else {
                    dst[n] = b
                    n += 1
                    last = false
                }
            }
            return n
        }
    }
    lastWasSpace = last
    return r
}

private func trimTrailing(_ inlines: inout [Inline]) {
    guard let last = inlines.last else { return }
    switch last {
    case .text(let s):
        let t = s.hasSuffix(" ") ? String(s.dropLast()) : s
        if t.isEmpty { inlines.removeLast(); trimTrailing(&inlines) } else { inlines[inlines.count - 1] = .text(t) }
    case .emphasis(var c): trimTrailing(&c); inlines[inlines.count - 1] = .emphasis(c)
    case .strong(var c): trimTrailing(&c); inlines[inlines.count - 1] = .strong(c)
    case .quote(var c): trimTrailing(&c); inlines[inlines.count - 1] = .quote(c)
    case .link(let h, var c): trimTrailing(&c); inlines[inlines.count - 1] = .link(href: h, c)
    case .note: break
    }
}
