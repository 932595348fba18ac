import Messages
import Foundation
import XMLKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes with plain POSIX calls: Foundation's `Data.write` syncs every file to disk, which makes
/// twenty thousand small files take minutes instead of seconds.
func writeFile(_ bytes: some Collection<UInt8>, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw GeneratorError(GeneratorText.cannotWrite.with(["path": .text(path), "reason": .text(String(cString: strerror(errno)))])) }
    defer { close(fd) }
    let array = Array(bytes)
    var offset = 0
    while offset < array.count {
        let n = array.withUnsafeBytes { write(fd, $0.baseAddress! + offset, array.count - offset) }
        if n < 0 {
            if errno == EINTR { continue }
            throw GeneratorError(GeneratorText.cannotWrite.with(["path": .text(path), "reason": .text(String(cString: strerror(errno)))]))
        }
        offset += n
    }
}

/// The parts every generated file starts with.
enum XML {
    static let declaration = XMLWriter.declaration

    /// The comment every generated file carries (Vietnamese and English).
    static let fictionNotice =
        "<!-- Dữ liệu hư cấu, chỉ dùng để minh họa. Fictional data, for illustration only. -->\n"
}

/// The manuscript files' layout (one element per line, indented two spaces a level; inline
/// content on the line of its element) over XMLKit's `XMLWriter`, which writes and escapes.
struct XMLLines {
    private var xml: XMLWriter
    private(set) var depth = 0

    init(declaration: Bool = true, notice: Bool = true) {
        xml = XMLWriter(declaration: declaration, keepWhitespaceInAttributes: true)
        xml.reserveCapacity(8192)
        if notice { xml.raw(XML.fictionNotice) }
    }

    var out: String { xml.output }

    private static let pads = (0..<24).map { String(repeating: "  ", count: $0) }
    private var pad: String { depth < XMLLines.pads.count ? XMLLines.pads[depth] : String(repeating: "  ", count: depth) }

    mutating func open(_ name: String, _ attrs: [(String, String?)] = []) {
        xml.raw(pad)
        xml.start(name, attrs)
        xml.raw("\n")
        depth += 1
    }

    /// Ends the innermost open element (`name` says which, for the reader).
    mutating func close(_ name: String) {
        depth -= 1
        xml.raw(pad)
        xml.end()
        xml.raw("\n")
    }

    /// `<name attrs>escaped text</name>` on one line.
    mutating func leaf(_ name: String, _ attrs: [(String, String?)] = [], text: String) {
        xml.raw(pad)
        xml.element(name, attrs, text: text)
        xml.raw("\n")
    }

    /// `<name attrs>markup</name>` on one line; `markup` is already serialised.
    mutating func leaf(_ name: String, _ attrs: [(String, String?)] = [], markup: String) {
        xml.raw(pad)
        xml.start(name, attrs)
        xml.raw(markup)
        xml.end()
        xml.raw("\n")
    }

    mutating func empty(_ name: String, _ attrs: [(String, String?)] = []) {
        xml.raw(pad)
        xml.empty(name, attrs)
        xml.raw("\n")
    }

    /// A comment; several lines are indented to the current depth.
    mutating func comment(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count == 1 {
            xml.raw(pad)
            xml.comment(text)
            xml.raw("\n")
        } else {
            xml.raw("\(pad)<!--\n")
            for line in lines { xml.raw(line.isEmpty ? "\n" : "\(pad)  \(XMLEscape.comment(String(line)))\n") }
            xml.raw("\(pad)-->\n")
        }
    }

    mutating func blank() { xml.raw("\n") }
    mutating func raw(_ s: String) { xml.raw(s) }
}

/// Inline content of the submission format.
indirect enum Inline: Sendable {
    case text(String)
    case em([Inline])
    case strong([Inline])
    case q([Inline])
    case note([Inline])
    case link(String, [Inline])

    static func render(_ items: [Inline]) -> String {
        var out = ""
        for item in items {
            switch item {
            case .text(let s): out += XMLEscape.text(s)
            case .em(let c): out += "<em>\(render(c))</em>"
            case .strong(let c): out += "<strong>\(render(c))</strong>"
            case .q(let c): out += "<q>\(render(c))</q>"
            case .note(let c): out += "<note>\(render(c))</note>"
            case .link(let href, let c): out += "<link href=\"\(XMLEscape.attributeKeepingWhitespace(href))\">\(render(c))</link>"
            }
        }
        return out
    }

    /// Mutates every text node (for editors' light revisions).
    static func mapText(_ items: [Inline], _ f: (String) -> String) -> [Inline] {
        items.map { item in
            switch item {
            case .text(let s): .text(f(s))
            case .em(let c): .em(mapText(c, f))
            case .strong(let c): .strong(mapText(c, f))
            case .q(let c): .q(mapText(c, f))
            case .note(let c): .note(mapText(c, f))
            case .link(let h, let c): .link(h, mapText(c, f))
            }
        }
    }
}

struct TableCell: Sendable {
    var colspan: Int?
    var content: [Inline]
}

struct TableRow: Sendable {
    var head: Bool
    var cells: [TableCell]
}

enum ListItem: Sendable {
    case inline([Inline])
    case blocks([Block])
}

/// Block content of the submission format.
indirect enum Block: Sendable {
    case section(title: [Inline], [Block])
    case p([Inline])
    case list(numbered: Bool, [ListItem])
    case quote(source: String?, [Block])
    case table(caption: [Inline]?, [TableRow])
    case figure(ref: String, caption: [Inline]?)

    static func write(_ blocks: [Block], to w: inout XMLLines) {
        for block in blocks {
            switch block {
            case .section(let title, let children):
                w.open("section")
                w.leaf("title", markup: Inline.render(title))
                write(children, to: &w)
                w.close("section")
            case .p(let content):
                w.leaf("p", markup: Inline.render(content))
            case .list(let numbered, let items):
                w.open("list", [("type", numbered ? "number" : "bullet")])
                for item in items {
                    switch item {
                    case .inline(let c): w.leaf("item", markup: Inline.render(c))
                    case .blocks(let b):
                        w.open("item")
                        write(b, to: &w)
                        w.close("item")
                    }
                }
                w.close("list")
            case .quote(let source, let children):
                w.open("quote", [("source", source)])
                write(children, to: &w)
                w.close("quote")
            case .table(let caption, let rows):
                w.open("table")
                if let caption { w.leaf("caption", markup: Inline.render(caption)) }
                for row in rows {
                    w.open("row", [("role", row.head ? "head" : nil)])
                    for cell in row.cells {
                        w.leaf("cell", [("colspan", cell.colspan.map(String.init))], markup: Inline.render(cell.content))
                    }
                    w.close("row")
                }
                w.close("table")
            case .figure(let ref, let caption):
                if let caption {
                    w.open("figure", [("ref", ref)])
                    w.leaf("caption", markup: Inline.render(caption))
                    w.close("figure")
                } else {
                    w.empty("figure", [("ref", ref)])
                }
            }
        }
    }

    static func mapText(_ blocks: [Block], _ f: (String) -> String) -> [Block] {
        blocks.map { block in
            switch block {
            case .section(let t, let c): .section(title: Inline.mapText(t, f), mapText(c, f))
            case .p(let c): .p(Inline.mapText(c, f))
            case .list(let n, let items):
                .list(numbered: n, items.map {
                    switch $0 {
                    case .inline(let c): .inline(Inline.mapText(c, f))
                    case .blocks(let b): .blocks(mapText(b, f))
                    }
                })
            case .quote(let s, let c): .quote(source: s, mapText(c, f))
            case .table(let cap, let rows):
                .table(caption: cap.map { Inline.mapText($0, f) }, rows.map { row in
                    TableRow(head: row.head, cells: row.cells.map { TableCell(colspan: $0.colspan, content: Inline.mapText($0.content, f)) })
                })
            case .figure(let r, let cap): .figure(ref: r, caption: cap.map { Inline.mapText($0, f) })
            }
        }
    }
}

extension Inline {
    /// Words as formats.md counts them: adjacent text pieces form one text node; elements separate nodes.
    static func words(_ items: [Inline]) -> Int {
        var total = 0
        var run = ""
        func flush() {
            if !run.isEmpty { total += WordCount.tokens(run); run = "" }
        }
        for item in items {
            switch item {
            case .text(let s): run += s
            case .em(let c), .strong(let c), .q(let c), .note(let c), .link(_, let c):
                flush()
                total += words(c)
            }
        }
        flush()
        return total
    }
}

extension Block {
    static func words(_ blocks: [Block]) -> Int {
        var total = 0
        for block in blocks {
            switch block {
            case .section(let title, let children): total += Inline.words(title) + words(children)
            case .p(let c): total += Inline.words(c)
            case .list(_, let items):
                for item in items {
                    switch item {
                    case .inline(let c): total += Inline.words(c)
                    case .blocks(let b): total += words(b)
                    }
                }
            case .quote(_, let children): total += words(children)
            case .table(let caption, let rows):
                total += caption.map(Inline.words) ?? 0
                for row in rows { for cell in row.cells { total += Inline.words(cell.content) } }
            case .figure(_, let caption): total += caption.map(Inline.words) ?? 0
            }
        }
        return total
    }
}

enum WordCount {
    /// Whitespace-separated tokens of one text node (the generator only writes ASCII whitespace).
    static func tokens(_ s: String) -> Int {
        var copy = s
        return copy.withUTF8 { buffer in
            var count = 0
            var inWord = false
            for b in buffer {
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    inWord = false
                } else if !inWord {
                    count += 1
                    inWord = true
                }
            }
            return count
        }
    }
}
