/// Inline content: text, `em`, `strong`, `q`, `note` (a footnote), `link`.
public indirect enum Inline: Hashable, Sendable, Codable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case quote([Inline])
    case note([Inline])
    case link(href: String, [Inline])
}

/// Block content of `body` and `section`.
public indirect enum Block: Hashable, Sendable, Codable {
    case section(Section)
    case paragraph([Inline])
    case list(ListBlock)
    case quote(BlockQuote)
    case table(Table)
    case figure(Figure)
}

public struct Section: Hashable, Sendable, Codable {
    public var title: [Inline]
    public var blocks: [Block]
    public init(title: [Inline], blocks: [Block]) {
        self.title = title
        self.blocks = blocks
    }
}

public enum ListType: String, Hashable, Sendable, Codable {
    case bullet, number
}

public struct ListBlock: Hashable, Sendable, Codable {
    public var type: ListType
    /// Each item is a sequence of blocks; an item that held only inline text is one paragraph.
    public var items: [[Block]]
    public init(type: ListType, items: [[Block]]) {
        self.type = type
        self.items = items
    }
}

public struct BlockQuote: Hashable, Sendable, Codable {
    /// `@source`: who said or wrote it (the attribution).
    public var source: String?
    public var blocks: [Block]
    public init(source: String?, blocks: [Block]) {
        self.source = source
        self.blocks = blocks
    }
}

public struct Table: Hashable, Sendable, Codable {
    public var caption: [Inline]?
    public var rows: [TableRow]
    public init(caption: [Inline]?, rows: [TableRow]) {
        self.caption = caption
        self.rows = rows
    }
}

public struct TableRow: Hashable, Sendable, Codable {
    /// `@role="head"`.
    public var isHead: Bool
    public var cells: [TableCell]
    public init(isHead: Bool, cells: [TableCell]) {
        self.isHead = isHead
        self.cells = cells
    }
}

public struct TableCell: Hashable, Sendable, Codable {
    public var colspan: Int
    public var content: [Inline]
    public init(colspan: Int = 1, content: [Inline]) {
        self.colspan = colspan
        self.content = content
    }
}

public struct Figure: Hashable, Sendable, Codable {
    /// `@ref`: an attachment's href, relative to `attachments/`.
    public var ref: String
    public var caption: [Inline]?
    public init(ref: String, caption: [Inline]?) {
        self.ref = ref
        self.caption = caption
    }
}

extension Array where Element == Inline {
    /// The text with markup dropped and footnotes left out (for titles in indexes, sorting, CSV).
    public var plainText: String {
        var text = PlainText()
        text.visit(self)
        return text.out
    }
}

/// A walker that writes inline content as one line of text: markup dropped, quotations in “ ”.
/// What becomes of footnotes and links is each one's own.
public protocol TextVisitor: InlineVisitor {
    var out: String { get set }
}

extension TextVisitor {
    public mutating func visitText(_ text: String) { out += text }
    public mutating func visitEmphasis(_ content: [Inline]) { visit(content) }
    public mutating func visitStrong(_ content: [Inline]) { visit(content) }
    public mutating func visitQuotation(_ content: [Inline]) {
        out += "“"
        visit(content)
        out += "”"
    }
}

/// Inline content as plain text: a link as its label, no footnotes.
struct PlainText: TextVisitor {
    var out = ""
    mutating func visitNote(_ content: [Inline]) {}
    mutating func visitLink(href: String, _ content: [Inline]) { visit(content) }
}
