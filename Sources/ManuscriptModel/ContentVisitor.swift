/// One walk over the content of submissions and the book, several writers (as swift-markdown's
/// `MarkupVisitor`): the switch over the cases of `Block` and `Inline` is written here once, and
/// each writer (DocBook, plain text, HTML) says only what it does with each case. `Context` is what a writer carries
/// down the tree (the plain text's indentation; nothing for DocBook and HTML).
public protocol BlockVisitor {
    associatedtype Context
    mutating func visitSection(_ section: Section, _ context: Context)
    mutating func visitParagraph(_ content: [Inline], _ context: Context)
    mutating func visitList(_ list: ListBlock, _ context: Context)
    mutating func visitBlockQuote(_ quote: BlockQuote, _ context: Context)
    mutating func visitTable(_ table: Table, _ context: Context)
    mutating func visitFigure(_ figure: Figure, _ context: Context)
}

extension BlockVisitor {
    public mutating func visit(_ block: Block, _ context: Context) {
        switch block {
        case .section(let s): visitSection(s, context)
        case .paragraph(let p): visitParagraph(p, context)
        case .list(let l): visitList(l, context)
        case .quote(let q): visitBlockQuote(q, context)
        case .table(let t): visitTable(t, context)
        case .figure(let f): visitFigure(f, context)
        }
    }
}

extension BlockVisitor where Context == Void {
    public mutating func visit(_ block: Block) { visit(block, ()) }
}

/// The inline half of the walk: text and its markup, footnotes and links.
public protocol InlineVisitor {
    mutating func visitText(_ text: String)
    mutating func visitEmphasis(_ content: [Inline])
    mutating func visitStrong(_ content: [Inline])
    mutating func visitQuotation(_ content: [Inline])
    mutating func visitNote(_ content: [Inline])
    mutating func visitLink(href: String, _ content: [Inline])
}

extension InlineVisitor {
    public mutating func visit(_ content: [Inline]) {
        for inline in content {
            switch inline {
            case .text(let s): visitText(s)
            case .emphasis(let c): visitEmphasis(c)
            case .strong(let c): visitStrong(c)
            case .quote(let c): visitQuotation(c)
            case .note(let c): visitNote(c)
            case .link(let href, let c): visitLink(href: href, c)
            }
        }
    }
}
