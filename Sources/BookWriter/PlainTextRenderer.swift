import Foundation
import ManuscriptModel
import Messages

/// Renders a `Book` as plain UTF-8 text (NFC), wrapped to `width` displayed columns.
///
/// Parts are "Phần I…", chapters 1…n (the DocBook chapter numbers), sections 1.1, 1.1.1 (A.1 in
/// appendices), footnotes `[n]` numbered per chapter and printed after it, tables with columns
/// fitted to the width (cells wrap inside their column; a table too wide for any fitting is
/// printed row by row as "heading: value" lines), both indexes at the end with chapter numbers.
/// No line is wider than `width` except one holding a single word that is wider on its own.
public struct PlainTextRenderer: Sendable {
    public var width: Int

    public init(width: Int = 72) {
        self.width = max(8, width)
    }

    /// The book as text; each chapter is taken from `cache` when it holds it, and kept there
    /// when it is rendered anew.
    public func render(_ book: Book, cache: ChapterCache? = nil) -> String {
        var out = TextOutput(width: width, words: book.words)
        out.text.reserveCapacity(1 << 16 + book.entries.count * 4096)
        out.titlePage(book)
        out.contents(book)
        for preface in book.front {
            out.preface(preface)
        }
        // Chapters do not depend on each other (footnotes are numbered per chapter), so they are
        // rendered on every core and joined in order.
        let width = width, words = book.words
        let chapters = renderChapters(book.parts.flatMap(\.entries)) { entry in
            guard let cache else {
                var chapter = TextOutput(width: width, words: words)
                chapter.entry(entry)
                return chapter
            }
            let source = entry.chapterSource(format: "text", width: width, words: words)
            if var chapter = cache.chapter(for: source).flatMap({ TextOutput(kept: $0, width: width, words: words) }) {
                chapter.isCertainlyNFC = true
                return chapter
            }
            var chapter = TextOutput(width: width, words: words)
            chapter.entry(entry)
            // A chapter that is not certainly NFC is normalised with the book and not kept.
            chapter.isCertainlyNFC = chapter.text.isCertainlyNFC
            if chapter.isCertainlyNFC { cache.keep(chapter.kept, for: source) }
            return chapter
        }
        var next = 0
        for part in book.parts {
            out.part(part)
            for _ in part.entries {
                out.append(chapters[next])
                next += 1
            }
        }
        for appendix in book.appendices {
            out.appendix(appendix)
        }
        for index in book.indexes {
            out.index(index)
        }
        return out.finish()
    }
}

/// The rendering state: the lines so far and the current chapter's footnotes.
struct TextOutput: BlockVisitor {
    let width: Int
    /// The book's language, for the words the program adds (`BookText`).
    let words: Language
    var text = ""
    /// Blank lines pending before the next line (collapsed so there is never more than `max`).
    private var pendingBlank = 0
    private var started = false
    /// The blank lines that were pending when the first line was written (and not written,
    /// since nothing came before): what `append` owes this output when it follows another.
    private var leadingBlank = 0
    var notes: [[Inline]] = []
    /// Whether all of `text` is known to pass `isCertainlyNFC` (a chapter taken from the cache,
    /// or looked at to be kept there), and the byte ranges of `text` known to, from the chapters
    /// appended.
    var isCertainlyNFC = false
    private var knownNFC: [Range<Int>] = []

    init(width: Int, words: Language) {
        self.width = width
        self.words = words
    }

    /// One of the book's fixed words, in the book's language.
    func word(_ key: BookText, _ arguments: [String: MessageValue] = [:]) -> String {
        key.with(arguments).text(in: words)
    }

    // MARK: Line output

    mutating func line(_ s: String) {
        if started {
            for _ in 0..<pendingBlank { text += "\n" }
        } else {
            leadingBlank = pendingBlank
        }
        pendingBlank = 0
        started = true
        text += s
        text += "\n"
    }

    mutating func lines(_ ls: [String]) {
        for l in ls { line(l) }
    }

    mutating func blank(_ n: Int = 1) {
        pendingBlank = max(pendingBlank, n)
    }

    /// The output as bytes, for the chapter cache: its text and the state `append` reads.
    var kept: [UInt8] {
        var w = BinaryWriter(capacity: text.utf8.count + 16)
        w.string(text)
        w.int(pendingBlank)
        w.bool(started)
        w.int(leadingBlank)
        return w.bytes
    }

    /// An output kept by `kept`; nil when the bytes are not one.
    init?(kept: [UInt8], width: Int, words: Language) {
        self.init(width: width, words: words)
        var r = BinaryReader(kept)
        guard let text = try? r.string(), let pending = try? r.int(), let started = try? r.bool(),
              let leading = try? r.int(), r.isAtEnd else { return nil }
        self.text = text
        pendingBlank = pending
        self.started = started
        leadingBlank = leading
    }

    /// Another output's lines after these, as if they had been written here: blank lines
    /// collapse across the seam exactly as they do within one output.
    mutating func append(_ other: TextOutput) {
        guard other.started else {
            pendingBlank = max(pendingBlank, other.pendingBlank)
            return
        }
        if started {
            for _ in 0..<max(pendingBlank, other.leadingBlank) { text += "\n" }
        } else {
            leadingBlank = max(pendingBlank, other.leadingBlank)
        }
        started = true
        let start = text.utf8.count
        text += other.text
        if other.isCertainlyNFC { knownNFC.append(start..<text.utf8.count) }
        pendingBlank = other.pendingBlank
    }

    func finish() -> String {
        text.nfcNormalized(knowing: knownNFC)
    }

    /// Indentation is capped at half the width, so deep nesting still leaves room for words.
    func spaces(_ indent: Int) -> String {
        String(repeating: " ", count: min(indent, width / 2))
    }

    func wrap(_ s: String, indent: Int = 0, hanging: Int = 0) -> [String] {
        TextLayout.wrap(s, width: width, first: spaces(indent), rest: spaces(indent + hanging))
    }

    /// A heading: wrapped, then underlined as wide as its widest line.
    mutating func heading(_ s: String, rule: Character) {
        let ls = TextLayout.wrap(s, width: width)
        lines(ls)
        let w = min(width, ls.map { TextLayout.width(of: $0) }.max() ?? 0)
        line(String(repeating: rule, count: max(1, w)))
        blank()
    }

    // MARK: Inline text

    /// Inline content as text; footnotes become `[n]` markers and are kept for `flushNotes`.
    mutating func flatten(_ content: [Inline]) -> String {
        var text = InlineText(notes: notes)
        text.visit(content)
        notes = text.notes
        return text.out
    }

    /// The footnotes of the chapter just written, then a fresh count.
    mutating func flushNotes() {
        guard !notes.isEmpty else { return }
        blank()
        line(String(repeating: "-", count: min(width, 20)))
        var i = 0
        // Notes inside notes are appended while flattening, so the list can grow as we go.
        while i < notes.count {
            let marker = "[\(i + 1)] "
            let body = flatten(notes[i])
            lines(TextLayout.wrap(body, width: width, first: marker,
                                  rest: String(repeating: " ", count: TextLayout.width(of: marker))))
            i += 1
        }
        notes = []
        blank()
    }

    // MARK: Front

    mutating func titlePage(_ book: Book) {
        heading(book.title, rule: "=")
        if let subtitle = book.subtitle {
            lines(wrap(subtitle))
            blank()
        }
        let chiefs = book.editors.filter { $0.role == "chief" }.map(\.name)
        let others = book.editors.filter { $0.role != "chief" }.map(\.name)
        if !chiefs.isEmpty { lines(wrap(word(.chiefEditors, ["names": .text(list(chiefs))]), hanging: 4)) }
        if !others.isEmpty { lines(wrap(word(.editors, ["names": .text(list(others))]), hanging: 4)) }
        let imprint = [book.publisher, book.pubdate].compactMap { $0 }
        if !imprint.isEmpty {
            lines(wrap(imprint.joined(separator: ", "), hanging: 4))
        }
        blank(2)
    }

    private func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " " + word(.and) + " " + names.last!
    }

    mutating func contents(_ book: Book) {
        heading(word(.contents), rule: "=")
        for preface in book.front {
            lines(wrap(preface.title, hanging: 4))
        }
        for part in book.parts {
            lines(wrap(partHeading(part), hanging: 4))
            for entry in part.entries {
                var scratch = TextOutput(width: width, words: words)
                let marker = "\(entry.number). "
                let title = scratch.flatten(entry.title.withoutNotes)
                lines(TextLayout.wrap(title, width: width, first: spaces(3) + marker,
                                      rest: spaces(3 + TextLayout.width(of: marker))))
            }
        }
        for appendix in book.appendices {
            lines(wrap(appendixHeading(appendix), hanging: 4))
        }
        for index in book.indexes {
            lines(wrap(index.title, hanging: 4))
        }
        blank(2)
    }

    func partHeading(_ part: Book.Part) -> String {
        word(.partHeading, ["label": .text(part.label), "title": .text(part.field.name)])
    }

    func appendixHeading(_ appendix: Book.Appendix) -> String {
        word(.appendixHeading, ["label": .text(appendix.label), "title": .text(appendix.title)])
    }

    mutating func preface(_ preface: Book.Preface) {
        heading(preface.title, rule: "=")
        blocks(preface.blocks, indent: 0, number: nil)
        flushNotes()
        blank(2)
    }

    mutating func part(_ part: Book.Part) {
        heading(partHeading(part), rule: "=")
        blocks(part.introBlocks, indent: 0, number: nil)
        flushNotes()
        blank(2)
    }

    mutating func entry(_ entry: Book.Entry) {
        let title = flatten(entry.title)
        heading("\(entry.number). " + title, rule: "-")
        for fact in entry.facts(in: words) {
            lines(wrap(fact.term + ": " + flatten(fact.value), hanging: 4))
        }
        blank()
        if !entry.summary.isEmpty {
            lines(wrap(word(.summary, ["summary": .text(flatten(entry.summary))]), indent: 4))
            blank()
        }
        var sections = blocks(entry.body, indent: 0, number: "\(entry.number)")
        if let results = entry.results {
            sections += 1
            heading(number: "\(entry.number).\(sections)", word(.results))
            table(results, indent: 0)
            blank()
        }
        if let endorsement = entry.endorsementText(in: words) {
            sections += 1
            heading(number: "\(entry.number).\(sections)", word(.endorsement))
            lines(wrap(endorsement))
            blank()
        }
        flushNotes()
        blank(2)
    }

    mutating func appendix(_ appendix: Book.Appendix) {
        heading(appendixHeading(appendix), rule: "=")
        blocks(appendix.blocks, indent: 0, number: appendix.label)
        flushNotes()
        blank(2)
    }

    mutating func index(_ index: Book.Index) {
        heading(index.title, rule: "=")
        for group in index.groups {
            line(group.letter)
            blank()
            for term in group.terms {
                let refs = term.chapters.map(String.init).joined(separator: ", ")
                lines(wrap(term.term + ": " + refs, hanging: 4))
            }
            blank()
        }
        blank(2)
    }

    private mutating func heading(number: String?, _ title: String) {
        let text = number.map { $0 + " " + title } ?? title
        lines(TextLayout.wrap(text, width: width))
        blank()
    }

    // MARK: Blocks

    /// Writes blocks separated by blank lines; sections are numbered `number.k` when `number`
    /// is given. Returns how many sections were numbered at this level.
    @discardableResult
    mutating func blocks(_ blocks: [Block], indent: Int, number: String?) -> Int {
        var sectionCount = 0
        for block in blocks {
            if case .section(let s) = block {
                sectionCount += 1
                let n = number.map { $0 + ".\(sectionCount)" }
                heading(number: n, flatten(s.title))
                self.blocks(s.blocks, indent: indent, number: n)
            } else {
                self.block(block, indent: indent)
            }
            blank()
        }
        return sectionCount
    }

    mutating func block(_ block: Block, indent: Int) { visit(block, indent) }

    mutating func visitSection(_ s: Section, _ indent: Int) {
        // Inside lists and quotes: an unnumbered heading.
        lines(wrap(flatten(s.title), indent: indent))
        blank()
        blocks(s.blocks, indent: indent, number: nil)
    }

    mutating func visitParagraph(_ p: [Inline], _ indent: Int) {
        lines(wrap(flatten(p), indent: indent))
    }

    mutating func visitList(_ l: ListBlock, _ indent: Int) { list(l, indent: indent) }

    mutating func visitBlockQuote(_ q: BlockQuote, _ indent: Int) {
        let inner = indent + 4
        blocks(q.blocks, indent: inner, number: nil)
        if let source = q.source {
            lines(wrap("— " + source, indent: inner, hanging: 2))
        }
    }

    mutating func visitTable(_ t: Table, _ indent: Int) { table(t, indent: indent) }

    mutating func visitFigure(_ f: Figure, _ indent: Int) {
        var s = f.caption.map { word(.figureCaption, ["caption": .text(flatten($0))]) } ?? word(.figure)
        s += " [" + DocBookWriter.imagePath(forAttachment: f.ref) + "]"
        lines(wrap(s, indent: indent, hanging: 2))
    }

    mutating func list(_ l: ListBlock, indent: Int) {
        // Items of one short paragraph each sit on consecutive lines; richer items get air.
        let compact = l.items.allSatisfy { $0.count <= 1 }
        let digits = String(l.items.count).count
        for (i, item) in l.items.enumerated() {
            let marker = l.type == .number
                ? String(repeating: " ", count: digits - String(i + 1).count) + "\(i + 1). "
                : "• "
            let markerWidth = TextLayout.width(of: marker)
            // Render the item into a scratch output at the hanging indent, then put the marker
            // into the first line's indentation.
            var scratch = TextOutput(width: width, words: words)
            scratch.notes = notes
            scratch.blocks(item, indent: indent + markerWidth, number: nil)
            notes = scratch.notes
            var itemLines = scratch.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if itemLines.last == "" { itemLines.removeLast() }
            let pad = spaces(indent)
            let contentIndent = spaces(indent + markerWidth)
            if itemLines.isEmpty {
                line(TextLayout.trimTrailing(pad + marker))
            } else {
                let first = itemLines[0]
                let body = first.hasPrefix(contentIndent) ? String(first.dropFirst(contentIndent.count)) : first
                itemLines[0] = pad + marker + body
                lines(itemLines)
            }
            if !compact { blank() }
        }
    }

    // MARK: Tables

    mutating func table(_ t: Table, indent: Int) {
        let pad = spaces(indent)
        let room = width - pad.count
        if let caption = t.caption {
            lines(wrap(word(.tableCaption, ["caption": .text(flatten(caption))]), indent: indent, hanging: 2))
        }
        let columns = max(1, t.rows.map { $0.cells.reduce(0) { $0 + max(1, $1.colspan) } }.max() ?? 1)
        let texts: [[String]] = t.rows.map { row in row.cells.map { flatten($0.content) } }
        let gap = 2

        // Natural (one-line) width and longest word per column, from cells spanning one column.
        var natural = Array(repeating: 1, count: columns)
        var longest = Array(repeating: 1, count: columns)
        for (r, row) in t.rows.enumerated() {
            var c = 0
            for (k, cell) in row.cells.enumerated() {
                let span = max(1, cell.colspan)
                if span == 1 {
                    natural[c] = max(natural[c], TextLayout.width(of: texts[r][k]))
                    longest[c] = max(longest[c], TextLayout.words(texts[r][k]).map { TextLayout.width(of: $0) }.max() ?? 1)
                }
                c += span
            }
        }
        let budget = room - gap * (columns - 1)
        guard budget / columns >= 3 else {
            recordTable(t, texts: texts, indent: indent)
            return
        }
        var widths: [Int]
        if natural.reduce(0, +) <= budget {
            widths = natural
        } else {
            // An even share (at most the longest word) first; then room so that whole words fit,
            // the cheapest columns first; then the rest to the columns furthest from their natural width.
            widths = (0..<columns).map { min(natural[$0], max(3, min(longest[$0], budget / columns))) }
            var spare = budget - widths.reduce(0, +)
            let wordShort = (0..<columns).filter { widths[$0] < min(longest[$0], natural[$0]) }
                .sorted { (longest[$0] - widths[$0], $0) < (longest[$1] - widths[$1], $1) }
            for c in wordShort {
                let need = min(longest[c], natural[c]) - widths[c]
                guard need <= spare else { break }
                widths[c] += need
                spare -= need
            }
            while spare > 0 {
                var best = -1
                var bestShort = 0.0
                for c in 0..<columns where widths[c] < natural[c] {
                    let short = Double(natural[c] - widths[c]) / Double(natural[c])
                    if short > bestShort { best = c; bestShort = short }
                }
                if best < 0 { break }
                widths[best] += 1
                spare -= 1
            }
        }
        let total = widths.reduce(0, +) + gap * (columns - 1)
        let rule = pad + String(repeating: "-", count: total)

        var rendered: [[String]] = []
        for (r, row) in t.rows.enumerated() {
            var cellLines: [[String]] = []
            var cellWidths: [Int] = []
            var c = 0
            for (k, cell) in row.cells.enumerated() {
                let span = max(1, cell.colspan)
                let end = min(columns, c + span)
                let w = widths[c..<end].reduce(0, +) + gap * (end - c - 1)
                cellLines.append(TextLayout.wrap(texts[r][k], width: w, hardBreak: true))
                cellWidths.append(w)
                c = end
            }
            let height = max(1, cellLines.map(\.count).max() ?? 1)
            var out: [String] = []
            for i in 0..<height {
                var s = pad
                for (k, cl) in cellLines.enumerated() {
                    if k > 0 { s += String(repeating: " ", count: gap) }
                    s += TextLayout.pad(i < cl.count ? cl[i] : "", to: cellWidths[k])
                }
                out.append(TextLayout.trimTrailing(s))
            }
            rendered.append(out)
        }
        let airy = zip(t.rows, rendered).contains { !$0.0.isHead && $0.1.count > 1 }
        line(rule)
        var previousHead = false
        var firstBody = true
        for (row, out) in zip(t.rows, rendered) {
            if previousHead, !row.isHead { line(rule) }
            if !row.isHead {
                if airy, !firstBody { line("") }
                firstBody = false
            }
            lines(out)
            previousHead = row.isHead
        }
        line(rule)
    }

    /// A table too wide to fit: each body row as "heading: value" lines.
    private mutating func recordTable(_ t: Table, texts: [[String]], indent: Int) {
        let head = t.rows.first(where: \.isHead)
        let headTexts = head.map { h in t.rows.firstIndex(of: h).map { texts[$0] } ?? [] } ?? []
        var first = true
        for (r, row) in t.rows.enumerated() where !row.isHead {
            if !first { blank() }
            first = false
            for (k, _) in row.cells.enumerated() {
                let label = k < headTexts.count && head?.cells.count == row.cells.count ? headTexts[k] : word(.column, ["n": .integer(k + 1)])
                lines(wrap(label + ": " + texts[r][k], indent: indent, hanging: 2))
            }
        }
    }
}

/// Renders each chapter on its own, on every core, keeping the book's order.
private func renderChapters(_ entries: [Book.Entry], _ render: @Sendable (Book.Entry) -> TextOutput) -> [TextOutput] {
    // Batches of chapters, a few per core, so that threads do not meet at the lock per chapter.
    let batch = max(1, entries.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
    let batches = (entries.count + batch - 1) / batch
    let done = RenderedBatches(count: batches)
    DispatchQueue.concurrentPerform(iterations: batches) { b in
        done.set(b, entries[b * batch..<min(entries.count, (b + 1) * batch)].map(render))
    }
    return done.joined()
}

/// One slot per batch of chapters, each written once by the thread that rendered it.
private final class RenderedBatches: @unchecked Sendable {
    private var slots: [[TextOutput]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [TextOutput]) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    func joined() -> [TextOutput] {
        lock.lock()
        defer { lock.unlock() }
        return slots.flatMap { $0 }
    }
}

/// Inline content as one line of text: emphasis dropped, quotations in “ ”, a footnote as its
/// `[n]` marker (the note kept in `notes`), a link as its label and `<address>`.
struct InlineText: TextVisitor {
    var out = ""
    var notes: [[Inline]]

    mutating func visitNote(_ c: [Inline]) {
        notes.append(c)
        out += "[\(notes.count)]"
    }

    mutating func visitLink(href: String, _ c: [Inline]) {
        var inner = InlineText(notes: notes)
        inner.visit(c)
        notes = inner.notes
        let label = inner.out
        let bare = href.hasPrefix("mailto:") ? String(href.dropFirst(7)) : href
        if label.isEmpty || label == href || label == bare {
            out += bare
        } else {
            out += label + " <" + bare + ">"
        }
    }
}
