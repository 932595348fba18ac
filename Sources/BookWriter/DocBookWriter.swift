import Foundation
import ManuscriptModel
import Messages
import XMLKit

/// Writes a `Book` as one DocBook 5.0 document (valid against the official RELAX NG schema).
///
/// Shape, in order: `book/info` (title, subtitle, `editor/personname`, publisher, pubdate);
/// the editors' prefaces embedded as written; one `part` per field (`xml:id="phan_<field>"`,
/// optional `partintro` embedded as written) holding one `chapter` per entry
/// (`xml:id` = the submission id, see `Book.xmlID(forSubmission:)`); two appendices; two
/// `index` elements (`type="district"`, `type="unit"`) whose `indexdiv`/`indexentry` content is
/// written here, in Vietnamese order, with `primaryie/@linkends` naming the chapters.
///
/// A chapter: `info` (title, `abstract` = summary), one `indexterm` per index, a
/// `variablelist role="entry-facts"` (kind, unit, district, period, people), the body, then
/// `section role="results"` (an `informaltable`) and `section role="endorsement"`.
/// Tables are CALS: `tgroup` with `colspec colname="cN"`, head rows in `thead`, `colspan` as
/// `namest`/`nameend`. Figures point at `images/<attachment href>`.
public enum DocBookWriter {
    public static let namespace = "http://docbook.org/ns/docbook"
    public static let xlinkNamespace = "http://www.w3.org/1999/xlink"

    /// The image path of an attachment, relative to book.xml (and to the HTML folder).
    public static func imagePath(forAttachment href: String) -> String { "images/" + href }

    /// The whole document, NFC, ending with a newline.
    public static func write(_ book: Book) -> String { writeWithParts(book).xml }

    /// The whole document and where each `part` element is in it (UTF-8 offsets, from `<part` to
    /// the end of `</part>`), so a validator can check the parts apart. `parts` is empty when
    /// normalising the text to NFC moved bytes (then the offsets would be wrong).
    public static func writeWithParts(_ book: Book) -> (xml: String, parts: [Range<Int>]) {
        let written = write(book, cache: nil)
        return (written.xml, written.parts)
    }

    /// The document, its parts and its chapters (UTF-8 offsets, from `<chapter` to the end of
    /// `</chapter>`; both empty when normalising moved bytes), each chapter taken from `cache` when
    /// it holds it and kept there when it is written anew.
    public static func write(_ book: Book, cache: ChapterCache?) -> (xml: String, parts: [Range<Int>], chapters: [Range<Int>]) {
        var w = DocBookOutput(words: book.words)
        w.cache = cache
        w.xml.reserveCapacity(4096 + book.parts.reduce(0) { $0 + $1.entries.count } * 3000)
        w.open("book", [("xmlns", namespace), ("xmlns:xlink", xlinkNamespace), ("version", "5.0"),
                        ("xml:lang", book.language), ("xml:id", "sach")])
        w.nl()
        w.info(book)
        for preface in book.front {
            w.xml.raw(preface.fragment.xml)
            w.nl()
        }
        var parts: [Range<Int>] = []
        for part in book.parts {
            let start = w.out.utf8.count
            w.part(part)
            parts.append(start..<w.elementEnd(from: start))
        }
        for appendix in book.appendices {
            w.open("appendix", [("xml:id", appendix.id)])
            w.element("title", appendix.title)
            w.nl()
            w.blocks(appendix.blocks)
            w.close("appendix")
            w.nl()
        }
        for index in book.indexes {
            w.index(index)
        }
        w.close("book")
        w.nl()
        let normalised = w.out.nfcNormalized(knowing: w.knownNFC)
        let same = normalised.utf8.count == w.out.utf8.count && normalised == w.out
        return (normalised, same ? parts : [], same ? w.chapters : [])
    }
}

/// The book's elements in DocBook, written with XMLKit's `XMLWriter` (the one writer and escaper).
struct DocBookOutput: BlockVisitor, InlineVisitor {
    /// The book's language, for the words the program adds (`BookText`).
    let words: Language
    var xml = XMLWriter()
    var out: String { xml.output }
    var cache: ChapterCache?
    /// Where each chapter is in `out` (UTF-8 offsets).
    var chapters: [Range<Int>] = []
    /// The chapters that pass `isCertainlyNFC`: those taken from the cache (only such are kept
    /// there) and those written anew that were looked at to be kept.
    var knownNFC: [Range<Int>] = []

    mutating func open(_ name: String, _ attributes: [(String, String?)] = []) { xml.start(name, attributes) }

    /// Ends the innermost open element (`name` says which, for the reader).
    mutating func close(_ name: String) { xml.end() }

    mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) { xml.empty(name, attributes) }

    mutating func text(_ s: String) { xml.text(s) }

    mutating func element(_ name: String, _ text: String, _ attributes: [(String, String?)] = []) {
        xml.element(name, attributes, text: text)
    }

    mutating func nl() { xml.newline(indent: false) }

    // MARK: Book parts

    mutating func info(_ book: Book) {
        open("info")
        nl()
        element("title", book.title)
        nl()
        if let subtitle = book.subtitle {
            element("subtitle", subtitle)
            nl()
        }
        for editor in book.editors {
            open("editor")
            personName(editor.name)
            if editor.role == "chief" { element("contrib", BookText.chiefEditor.template(in: words)) }
            close("editor")
            nl()
        }
        if let publisher = book.publisher {
            open("publisher")
            element("publishername", publisher)
            close("publisher")
            nl()
        }
        if let pubdate = book.pubdate {
            element("pubdate", pubdate)
            nl()
        }
        close("info")
        nl()
    }

    /// A Vietnamese name in the markup the styles print family-name first, with no comma:
    /// `<surname>Nguyễn</surname><firstname>Thị Hằng</firstname>`; a one-word name as written.
    mutating func personName(_ name: String) {
        let words = name.split(separator: " ")
        open("personname")
        if words.count >= 2 {
            element("surname", String(words[0]))
            element("firstname", words.dropFirst().joined(separator: " "))
        } else {
            text(name)
        }
        close("personname")
    }

    mutating func part(_ part: Book.Part) {
        open("part", [("xml:id", part.id)])
        nl()
        element("title", part.field.name)
        nl()
        if let intro = part.intro {
            xml.raw(intro.xml)
            nl()
        }
        for entry in part.entries {
            let start = out.utf8.count
            let source = cache.map { _ in entry.chapterSource(format: "docbook", words: words) }
            var known = false
            if let cache, let source, let kept = cache.chapter(for: source) {
                xml.raw(String(decoding: kept, as: UTF8.self))
                known = true
            } else {
                chapter(entry)
                if let cache, let source {
                    let utf8 = out.utf8
                    let written = Array(utf8[utf8.index(utf8.startIndex, offsetBy: start)...])
                    // A chapter that is not certainly NFC is normalised with the book and not kept.
                    if isCertainlyNFC(written) {
                        cache.keep(written, for: source)
                        known = true
                    }
                }
            }
            chapters.append(start..<elementEnd(from: start))
            if known { knownNFC.append(start..<out.utf8.count) }
        }
        close("part")
        nl()
    }

    /// Where the element written last, which starts at `start`, ends: at its end tag (the newline
    /// after it is not part of it).
    func elementEnd(from start: Int) -> Int {
        let utf8 = out.utf8
        var end = utf8.count
        var i = utf8.index(before: utf8.endIndex)
        while end > start, utf8[i] != UInt8(ascii: ">") {
            end -= 1
            i = utf8.index(before: i)
        }
        return end
    }

    mutating func chapter(_ entry: Book.Entry) {
        open("chapter", [("xml:id", entry.id), ("role", entry.kind.rawValue)])
        nl()
        open("info")
        open("title")
        inlines(entry.title)
        close("title")
        if !entry.summary.isEmpty {
            open("abstract")
            open("para")
            inlines(entry.summary)
            close("para")
            close("abstract")
        }
        close("info")
        nl()
        open("indexterm", [("type", "district")])
        element("primary", Vietnamese.districtIndexTerm(entry.district.name))
        close("indexterm")
        open("indexterm", [("type", "unit")])
        element("primary", entry.unit.name)
        close("indexterm")
        nl()
        open("variablelist", [("role", "entry-facts")])
        for fact in entry.facts(in: words) {
            open("varlistentry")
            open("term")
            text(fact.term)
            close("term")
            open("listitem")
            open("para")
            inlines(fact.value)
            close("para")
            close("listitem")
            close("varlistentry")
        }
        close("variablelist")
        nl()
        blocks(entry.body)
        if let results = entry.results {
            open("section", [("role", "results")])
            element("title", BookText.results.template(in: words))
            nl()
            table(results)
            close("section")
            nl()
        }
        if let endorsement = entry.endorsementText(in: words) {
            open("section", [("role", "endorsement")])
            element("title", BookText.endorsement.template(in: words))
            element("para", endorsement)
            close("section")
            nl()
        }
        close("chapter")
        nl()
    }

    mutating func index(_ index: Book.Index) {
        open("index", [("type", index.kind.rawValue), ("xml:id", index.id)])
        nl()
        element("title", index.title)
        nl()
        for group in index.groups {
            open("indexdiv")
            element("title", group.letter)
            nl()
            for term in group.terms {
                open("indexentry")
                element("primaryie", term.term, [("linkends", term.entryIDs.joined(separator: " "))])
                close("indexentry")
                nl()
            }
            close("indexdiv")
            nl()
        }
        close("index")
        nl()
    }

    // MARK: Blocks

    mutating func blocks(_ blocks: [Block]) {
        for block in blocks {
            self.block(block)
        }
    }

    mutating func block(_ block: Block) {
        visit(block)
        nl()
    }

    mutating func visitSection(_ s: Section, _: Void) {
        open("section")
        open("title")
        inlines(s.title)
        close("title")
        nl()
        // A section needs content after its title.
        if s.blocks.isEmpty { empty("para") }
        blocks(s.blocks)
        close("section")
    }

    mutating func visitParagraph(_ p: [Inline], _: Void) {
        open("para")
        inlines(p)
        close("para")
    }

    mutating func visitList(_ l: ListBlock, _: Void) {
        let name = l.type == .number ? "orderedlist" : "itemizedlist"
        open(name)
        for item in l.items {
            open("listitem")
            if item.isEmpty { empty("para") }
            for b in item {
                listItemBlock(b)
            }
            close("listitem")
        }
        close(name)
    }

    mutating func visitBlockQuote(_ q: BlockQuote, _: Void) {
        open("blockquote")
        if let source = q.source {
            element("attribution", source)
        }
        if q.blocks.isEmpty { empty("para") }
        for b in q.blocks {
            listItemBlock(b)
        }
        close("blockquote")
    }

    mutating func visitTable(_ t: Table, _: Void) { table(t) }

    mutating func visitFigure(_ f: Figure, _: Void) { figure(f) }

    /// List items and quotes cannot hold sections: a section there becomes its title in bold
    /// followed by its blocks.
    mutating func listItemBlock(_ block: Block) {
        if case .section(let s) = block {
            open("para")
            open("emphasis", [("role", "strong")])
            inlines(s.title)
            close("emphasis")
            close("para")
            for b in s.blocks {
                listItemBlock(b)
            }
        } else {
            self.block(block)
        }
    }

    mutating func table(_ t: Table) {
        let columns = max(1, t.rows.map { $0.cells.reduce(0) { $0 + max(1, $1.colspan) } }.max() ?? 1)
        let formal = t.caption != nil
        open(formal ? "table" : "informaltable")
        if let caption = t.caption {
            open("title")
            inlines(caption)
            close("title")
        }
        open("tgroup", [("cols", String(columns))])
        for c in 1...columns {
            empty("colspec", [("colname", "c\(c)")])
        }
        // CALS wants head rows first and at least one body row.
        let leadingHeads = t.rows.prefix { $0.isHead }
        var bodyRows = Array(t.rows.dropFirst(leadingHeads.count))
        var headRows = Array(leadingHeads)
        if bodyRows.isEmpty {
            bodyRows = headRows
            headRows = []
        }
        if !headRows.isEmpty {
            open("thead")
            for row in headRows { tableRow(row, inHead: true) }
            close("thead")
        }
        open("tbody")
        for row in bodyRows { tableRow(row, inHead: false) }
        close("tbody")
        close("tgroup")
        close(formal ? "table" : "informaltable")
    }

    mutating func tableRow(_ row: TableRow, inHead: Bool) {
        // A head row that comes after body rows keeps its role for the styles.
        open("row", row.isHead && !inHead ? [("role", "head")] : [])
        var column = 1
        for cell in row.cells {
            let span = max(1, cell.colspan)
            if span > 1 {
                open("entry", [("namest", "c\(column)"), ("nameend", "c\(column + span - 1)")])
            } else {
                open("entry")
            }
            inlines(cell.content)
            close("entry")
            column += span
        }
        close("row")
        nl()
    }

    mutating func figure(_ f: Figure) {
        let caption = f.caption
        open(caption != nil ? "figure" : "informalfigure")
        if let caption {
            open("title")
            inlines(caption)
            close("title")
        }
        open("mediaobject")
        open("imageobject")
        var attributes = [("fileref", DocBookWriter.imagePath(forAttachment: f.ref))]
        if let format = imageFormat(f.ref) { attributes.append(("format", format)) }
        empty("imagedata", attributes)
        close("imageobject")
        if let caption, !caption.plainText.isEmpty {
            open("textobject")
            element("phrase", caption.plainText)
            close("textobject")
        }
        close("mediaobject")
        close(caption != nil ? "figure" : "informalfigure")
    }

    private func imageFormat(_ href: String) -> String? {
        let ext = href.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "jpg", "jpeg": return "JPG"
        case "png": return "PNG"
        case "svg": return "SVG"
        case "gif": return "GIF"
        default: return nil
        }
    }

    // MARK: Inlines

    mutating func inlines(_ content: [Inline]) { visit(content) }

    mutating func visitText(_ s: String) { text(s) }

    mutating func visitEmphasis(_ c: [Inline]) {
        open("emphasis")
        inlines(c)
        close("emphasis")
    }

    mutating func visitStrong(_ c: [Inline]) {
        open("emphasis", [("role", "strong")])
        inlines(c)
        close("emphasis")
    }

    mutating func visitQuotation(_ c: [Inline]) {
        open("quote")
        inlines(c)
        close("quote")
    }

    mutating func visitNote(_ c: [Inline]) {
        open("footnote")
        open("para")
        inlines(c)
        close("para")
        close("footnote")
    }

    mutating func visitLink(href: String, _ c: [Inline]) {
        open("link", [("xlink:href", href)])
        if c.isEmpty { text(href) } else { inlines(c) }
        close("link")
    }
}

extension Book.Entry {
    /// `Ban Chỉ đạo huyện Gia Viễn (cấp huyện) xác nhận ngày 02/04/2024.`, in the book's language.
    public func endorsementText(in words: Language) -> String? {
        guard let e = endorsement else { return nil }
        return BookText.endorsedOn.with([
            "by": .text(e.by), "level": .text(Vietnamese.endorsementLevel(e.level)), "date": .text(Vietnamese.date(e.date)),
        ]).text(in: words)
    }
}
