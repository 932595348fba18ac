import Foundation
import ManuscriptModel
import Messages

/// Why a book cannot be built from a manuscript and a selection.
public enum BookError: Error, Equatable, CustomStringConvertible {
    case missingBookMetadata
    case unknownSubmission(String)
    case unknownField(submission: String, field: String)
    case unknownDistrict(submission: String, district: String)
    case badFragment(path: String, message: String)

    /// The reason for a person, rendered in whichever language is asked for.
    public var message: Message {
        switch self {
        case .missingBookMetadata: BookText.missingBookMetadata.message
        case .unknownSubmission(let id): BookText.unknownSubmission.with(["id": .text(id)])
        case .unknownField(let id, let f): BookText.unknownField.with(["id": .text(id), "field": .text(f)])
        case .unknownDistrict(let id, let d): BookText.unknownDistrict.with(["id": .text(id), "district": .text(d)])
        case .badFragment(let path, let message):
            BookText.badFragment.with(["path": .text(path), "problem": .message(.verbatim(message))])
        }
    }

    public var description: String { message.text() }
}

extension Book {
    /// The `xml:id` of a submission's chapter: the id itself when it is already an NCName (ids
    /// match `[A-Za-z0-9][A-Za-z0-9._-]*`, so only a leading digit is a problem), else `_` + id.
    /// No submission id contains `_`, so a prefixed id never equals another submission's id, and
    /// the book's own ids (which all contain `_`) never equal a submission's.
    public static func xmlID(forSubmission id: String) -> String {
        guard let first = id.unicodeScalars.first else { return "_" }
        return first.properties.isAlphabetic && first.isASCII ? id : "_" + id
    }

    /// Builds the book from a manuscript and its final selection.
    ///
    /// - Entries: `manuscript.edits[id]`, when present, supplies title, people, summary, body and
    ///   results (the original is untouched; the entry is marked edited); kind, field, unit,
    ///   period and endorsement always come from the original, since the selection was made on them.
    /// - Order: `BookOrder` (parts in fields.xml order; inside a part, `BookMetadata.entryOrder`).
    /// - `fallbackDate` (from `SOURCE_DATE_EPOCH`) gives the year when book.xml has neither `date`
    ///   nor `year`. Nothing here reads the clock.
    public init(manuscript: Manuscript, selection: BookSelection, fallbackDate: CalendarDate? = nil) throws(BookError) {
        guard let meta = manuscript.book else { throw .missingBookMetadata }
        let words = Language(code: meta.language) ?? .vi
        let submissions = Dictionary(manuscript.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let districts = Dictionary(manuscript.districts.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let fieldCodes = Set(manuscript.fields.map(\.code))

        // 1. Entries with their text.
        var entryOf: [String: Entry] = [:]
        for chosen in selection.entries {
            guard let original = submissions[chosen.submission] else { throw .unknownSubmission(chosen.submission) }
            guard fieldCodes.contains(original.field) else {
                throw .unknownField(submission: original.id, field: original.field)
            }
            guard let district = districts[original.unit.district] else {
                throw .unknownDistrict(submission: original.id, district: original.unit.district)
            }
            let edit = manuscript.edits[original.id]
            let text = edit ?? original
            var captions: [String: [Inline]] = [:]
            for a in original.attachments + (edit?.attachments ?? []) { captions[a.href] = a.caption.nfc }
            let entry = Entry(
                id: Book.xmlID(forSubmission: original.id),
                number: 0,
                submission: original.id,
                kind: original.kind,
                title: text.title.nfc,
                field: manuscript.fields.first { $0.code == original.field }!.nfc,
                unit: SubmittingUnit(name: original.unit.name.nfc.whitespaceCollapsed, level: original.unit.level,
                                     district: original.unit.district),
                district: District(code: district.code, name: district.name.nfc.whitespaceCollapsed),
                period: original.period,
                people: text.people.map { Person(role: $0.role, name: $0.name.nfc.whitespaceCollapsed) },
                summary: text.summary.nfc,
                body: Book.sectionsLast(text.body.allSatisfy(\.isCertainlyNFC) ? text.body : text.body.map(\.nfc)),
                results: Book.resultsTable(text.results ?? [], words: words),
                endorsement: original.endorsement.map { Endorsement(by: $0.by.nfc, level: $0.level.nfc, date: $0.date) },
                attachmentCaptions: captions,
                selection: chosen,
                edited: edit != nil
            )
            if entryOf[original.id] == nil { entryOf[original.id] = entry }
        }

        // 2. Parts in book order (`BookOrder`), chapters numbered across the book.
        let fieldsByCode = Dictionary(manuscript.fields.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var parts: [Part] = []
        var number = 0
        for part in BookOrder.parts(manuscript: manuscript, selection: selection) {
            let field = fieldsByCode[part.field]!
            var entries = part.submissions.map { entryOf[$0]! }
            for i in entries.indices {
                number += 1
                entries[i].number = number
            }
            let intro = meta.partIntros[field.code].map { DocBookFragment(path: $0.path, xml: $0.xml.nfc) }
            var introBlocks: [Block] = []
            if let intro { introBlocks = try FragmentReader.read(intro).blocks }
            parts.append(Part(
                id: "phan_" + field.code,
                label: Vietnamese.roman(parts.count + 1),
                field: field.nfc,
                intro: intro,
                introBlocks: introBlocks,
                entries: entries
            ))
        }

        // 3. Front matter.
        var front: [Preface] = []
        for fragment in meta.front {
            let nfc = DocBookFragment(path: fragment.path, xml: fragment.xml.nfc)
            let read = try FragmentReader.read(nfc)
            front.append(Preface(fragment: nfc, title: read.title ?? BookText.preface.template(in: words), blocks: read.blocks))
        }

        let year = meta.year ?? meta.date?.year ?? fallbackDate?.year
        self.init(
            language: meta.language,
            title: meta.title.nfc.whitespaceCollapsed,
            subtitle: meta.subtitle?.nfc.whitespaceCollapsed,
            editors: meta.editors.map { Editor(name: $0.name.nfc.whitespaceCollapsed, role: $0.role) },
            publisher: meta.publisher?.nfc.whitespaceCollapsed,
            pubdate: year.map(String.init),
            date: meta.date,
            front: front,
            parts: parts,
            appendices: [],
            indexes: []
        )
        self.appendices = [
            Book.selectionAppendix(manuscript: manuscript, selection: selection, label: "A", words: words),
            Book.entryListAppendix(entries: self.entries, label: "B", words: words),
        ]
        self.indexes = Book.indexes(entries: self.entries, words: words)
    }

    // MARK: Body normalisation

    /// Moves every non-section block that follows a section to the end of that section (and of
    /// its last subsection, recursively), so that at every level blocks come first, then
    /// sections. In print the two read the same: a section has no visible end.
    static func sectionsLast(_ blocks: [Block]) -> [Block] {
        var out: [Block] = []
        for block in blocks {
            if case .section(var s) = block {
                s.blocks = sectionsLast(s.blocks)
                out.append(.section(s))
            } else if case .section(var last)? = out.last {
                last.blocks = appendAtEnd(last.blocks, block)
                out[out.count - 1] = .section(last)
            } else {
                out.append(block)
            }
        }
        return out
    }

    private static func appendAtEnd(_ blocks: [Block], _ block: Block) -> [Block] {
        var blocks = blocks
        if case .section(var last)? = blocks.last {
            last.blocks = appendAtEnd(last.blocks, block)
            blocks[blocks.count - 1] = .section(last)
        } else {
            blocks.append(block)
        }
        return blocks
    }

    // MARK: Results

    /// "Chỉ tiêu | Trước | Sau" when any indicator has a baseline, else "Chỉ tiêu | Kết quả".
    static func resultsTable(_ indicators: [Indicator], words: Language = .vi) -> Table? {
        guard !indicators.isEmpty else { return nil }
        let withBaseline = indicators.contains { $0.baselineText != nil }
        func amount(_ text: String, _ unit: String?) -> [Inline] {
            let n = Vietnamese.number(text)
            return [.text(unit.map { n + " " + $0.nfc } ?? n)]
        }
        let head: [BookText] = withBaseline ? [.indicator, .before, .after] : [.indicator, .results]
        var rows = [TableRow(isHead: true, cells: head.map { TableCell(content: [.text($0.template(in: words))]) })]
        for indicator in indicators {
            var cells = [TableCell(content: indicator.label.nfc)]
            if withBaseline {
                cells.append(TableCell(content: indicator.baselineText.map { amount($0, indicator.unit) } ?? [.text("—")]))
            }
            cells.append(TableCell(content: amount(indicator.valueText, indicator.unit)))
            rows.append(TableRow(isHead: false, cells: cells))
        }
        return Table(caption: nil, rows: rows)
    }

    // MARK: Appendices

    static func selectionAppendix(manuscript: Manuscript, selection: BookSelection, label: String,
                                  words: Language = .vi) -> Appendix {
        let rubric = manuscript.rubric
        func w(_ key: BookText, _ arguments: [String: MessageValue] = [:]) -> String { key.with(arguments).text(in: words) }
        let totalWeight = rubric.criteria.reduce(0) { $0 + $1.weight }
        func t(_ s: String) -> [Inline] { [.text(s)] }
        func cell(_ s: String, span: Int = 1) -> TableCell { TableCell(colspan: span, content: t(s)) }
        func head(_ cells: [BookText]) -> TableRow { TableRow(isHead: true, cells: cells.map { cell(w($0)) }) }
        func row(_ cells: [String]) -> TableRow { TableRow(isHead: false, cells: cells.map { cell($0) }) }
        func weight(_ w: Double) -> String {
            w == w.rounded() ? Vietnamese.number(String(Int64(w))) : Vietnamese.decimal(w, places: 2)
        }

        // Criteria.
        var criteriaRows = [head([.criterion, .weight, .share])]
        for c in rubric.criteria {
            let share = totalWeight > 0 ? c.weight / totalWeight * 100 : 0
            criteriaRows.append(row([c.label.nfc, weight(c.weight), Vietnamese.decimal(share, places: 1) + "%"]))
        }
        let criteria = Section(title: t(w(.criteriaTitle)), blocks: [
            .paragraph(t(w(.criteriaText, ["min": .text(Vietnamese.decimal(rubric.min, places: 0)),
                                           "max": .text(Vietnamese.decimal(rubric.max, places: 0))]))),
            .table(Table(caption: t(w(.criteriaCaption)), rows: criteriaRows)),
        ])

        // Rounds.
        let planned = Dictionary(manuscript.selection.rounds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var roundRows = [head([.round, .roundMethod, .roundConsidered, .roundPassed])]
        var roundItems: [[Block]] = []
        for summary in selection.rounds {
            roundRows.append(row([summary.id, Vietnamese.roundType(summary.type),
                                  Vietnamese.number(String(summary.considered)), Vietnamese.number(String(summary.passed))]))
            var parameters: [String] = []
            if let round = planned[summary.id] {
                parameters += round.requirements.map { Vietnamese.rule($0.rule) }
                if let keep = round.keep { parameters.append(w(.roundKeep, ["n": .text(Vietnamese.number(String(keep)))])) }
                if let m = round.minReviews { parameters.append(w(.roundMinReviews, ["n": .text(String(m))])) }
                if let count = round.count { parameters.append(w(.roundCount, ["n": .text(Vietnamese.number(String(count)))])) }
                if !round.quotas.isEmpty { parameters.append(w(.roundQuotas)) }
            }
            if let a = summary.aggregate { parameters.append(w(.roundAggregate, ["aggregate": .text(Vietnamese.aggregate(a))])) }
            let text = w(.roundLine, ["id": .text(summary.id), "type": .text(Vietnamese.roundType(summary.type).lowercased())])
                + (parameters.isEmpty ? "." : ": " + parameters.joined(separator: "; ") + ".")
            roundItems.append([.paragraph(t(text))])
        }
        let rounds = Section(title: t(w(.roundsTitle)), blocks: [
            .table(Table(caption: t(w(.roundsCaption)), rows: roundRows)),
            .list(ListBlock(type: .number, items: roundItems)),
        ])

        // Quotas.
        let fieldNames = Dictionary(manuscript.fields.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let districtNames = Dictionary(manuscript.districts.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        func valueName(_ q: ExpandedQuota) -> String {
            switch q.dimension {
            case .field: fieldNames[q.value] ?? q.value
            case .district: districtNames[q.value] ?? q.value
            case .kind: SubmissionKind(rawValue: q.value).map(Vietnamese.kind) ?? q.value
            case .unit: q.value
            }
        }
        var quotaRows = [head([.quotaBy, .quotaValue, .quotaMin, .quotaMax, .quotaFilled])]
        for fill in selection.quotas {
            let q = fill.quota
            quotaRows.append(row([Vietnamese.dimension(q.dimension), valueName(q).nfc,
                                  q.min.map { String($0) } ?? "—", q.max.map { String($0) } ?? "—", String(fill.filled)]))
        }
        var quotaBlocks: [Block] = [
            .paragraph(t(w(.quotasText, ["objective": .text(Vietnamese.decimal(selection.objective, places: 2))]))),
        ]
        if selection.quotas.isEmpty {
            quotaBlocks.append(.paragraph(t(w(.quotasNone))))
        } else {
            quotaBlocks.append(.table(Table(caption: t(w(.quotasCaption)), rows: quotaRows)))
        }
        let included = selection.entries.filter { $0.includedBecause != nil }
        if !included.isEmpty {
            quotaBlocks.append(.paragraph(t(w(.quotasIncluded))))
            quotaBlocks.append(.list(ListBlock(type: .bullet, items: included.map {
                [.paragraph(t($0.submission + ": " + ($0.includedBecause ?? "").nfc))]
            })))
        }
        let quotas = Section(title: t(w(.quotasTitle)), blocks: quotaBlocks)

        // Reliability.
        let criterionLabels = Dictionary(rubric.criteria.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        var alphaRows = [head([.criterion, .alpha, .alphaMeaning])]
        for r in selection.reliability {
            let name = r.criterion == "total" ? w(.totalScore) : (criterionLabels[r.criterion] ?? r.criterion)
            alphaRows.append(row([name.nfc, r.alpha.map { Vietnamese.decimal($0, places: 3) } ?? "—",
                                  Vietnamese.alphaReading(r.alpha)]))
        }
        let reliability = Section(title: t(w(.reliabilityTitle)), blocks: [
            .paragraph(t(w(.reliabilityText))),
            .table(Table(caption: t(w(.reliabilityCaption)), rows: alphaRows)),
        ])

        var blocks: [Block] = [.paragraph(t(w(.selectionIntro)))]
        if let record = selection.record {
            blocks.append(.paragraph(t(w(.selectionRecord, ["record": .text(record)]))))
        }
        blocks += [.section(criteria), .section(rounds), .section(quotas), .section(reliability)]
        return Appendix(id: "phu_luc_tuyen_chon", label: label, title: w(.selectionTitle), blocks: blocks)
    }

    static func entryListAppendix(entries: [Entry], label: String, words: Language = .vi) -> Appendix {
        let head: [BookText] = [.listNumber, .listID, .listName, .listField, .district, .listScore, .listReviews, .listEdited]
        var rows = [TableRow(isHead: true, cells: head.map { TableCell(content: [.text($0.template(in: words))]) })]
        for e in entries {
            let cells: [[Inline]] = [
                [.text(String(e.number))], [.text(e.submission)], e.title.withoutNotes, [.text(e.field.name)],
                [.text(e.district.name)], [.text(Vietnamese.decimal(e.selection.score, places: 2))],
                [.text(String(e.selection.countedReviews))], [.text(e.edited ? BookText.editedMark.template(in: words) : "")],
            ]
            rows.append(TableRow(isHead: false, cells: cells.map { TableCell(content: $0) }))
        }
        return Appendix(id: "phu_luc_danh_sach", label: label, title: BookText.listTitle.template(in: words), blocks: [
            .paragraph([.text(BookText.listNote.template(in: words))]),
            .table(Table(caption: [.text(BookText.listCaption.template(in: words))], rows: rows)),
        ])
    }

    // MARK: Indexes

    static func indexes(entries: [Entry], words: Language = .vi) -> [Index] {
        func build(_ kind: IndexKind, id: String, title: String, term: (Entry) -> String) -> Index {
            var order: [String] = []
            var hits: [String: [Entry]] = [:]
            for e in entries {
                let t = term(e)
                if hits[t] == nil { order.append(t) }
                hits[t, default: []].append(e)
            }
            let groups = Vietnamese.grouped(order) { $0 }.map { g in
                IndexGroup(letter: g.letter, terms: g.items.map { t in
                    IndexTerm(term: t, entryIDs: hits[t]!.map(\.id), chapters: hits[t]!.map(\.number))
                })
            }
            return Index(id: id, kind: kind, title: title, groups: groups)
        }
        return [
            build(.district, id: "chi_muc_dia_ban", title: BookText.districtIndex.template(in: words)) { Vietnamese.districtIndexTerm($0.district.name) },
            build(.unit, id: "chi_muc_don_vi", title: BookText.unitIndex.template(in: words)) { $0.unit.name },
        ]
    }
}

// MARK: NFC

extension String {
    /// Unicode Normalization Form C.
    var nfc: String { nfcNormalized }
}

extension Field {
    var nfc: Field { Field(code: code, name: name.nfc.whitespaceCollapsed) }
}

extension Array where Element == Inline {
    var nfc: [Inline] { map(\.nfc) }

    /// The same inlines with footnotes left out (for the list of entries and index titles).
    var withoutNotes: [Inline] {
        compactMap { inline in
            switch inline {
            case .note: nil
            case .text: inline
            case .emphasis(let c): .emphasis(c.withoutNotes)
            case .strong(let c): .strong(c.withoutNotes)
            case .quote(let c): .quote(c.withoutNotes)
            case .link(let href, let c): .link(href: href, c.withoutNotes)
            }
        }
    }
}

extension Inline {
    var nfc: Inline {
        switch self {
        case .text(let s): .text(s.nfc)
        case .emphasis(let c): .emphasis(c.nfc)
        case .strong(let c): .strong(c.nfc)
        case .quote(let c): .quote(c.nfc)
        case .note(let c): .note(c.nfc)
        case .link(let href, let c): .link(href: href, c.nfc)
        }
    }
}

extension Inline {
    /// Whether every string in it passes `isCertainlyNFC`.
    var isCertainlyNFC: Bool {
        switch self {
        case .text(let s): s.isCertainlyNFC
        case .emphasis(let c), .strong(let c), .quote(let c), .note(let c), .link(_, let c): c.allSatisfy(\.isCertainlyNFC)
        }
    }
}

extension Block {
    /// Whether every string in it passes `isCertainlyNFC`: then `nfc` would give back an equal
    /// block, and the body is taken as it is instead of being built again (most bodies are).
    var isCertainlyNFC: Bool {
        func all(_ inlines: [Inline]?) -> Bool { inlines?.allSatisfy(\.isCertainlyNFC) ?? true }
        switch self {
        case .section(let s): return all(s.title) && s.blocks.allSatisfy(\.isCertainlyNFC)
        case .paragraph(let p): return all(p)
        case .list(let l): return l.items.allSatisfy { $0.allSatisfy(\.isCertainlyNFC) }
        case .quote(let q): return (q.source?.isCertainlyNFC ?? true) && q.blocks.allSatisfy(\.isCertainlyNFC)
        case .table(let t): return all(t.caption) && t.rows.allSatisfy { $0.cells.allSatisfy { all($0.content) } }
        case .figure(let f): return all(f.caption)
        }
    }

    var nfc: Block {
        switch self {
        case .section(let s): .section(Section(title: s.title.nfc, blocks: s.blocks.map(\.nfc)))
        case .paragraph(let p): .paragraph(p.nfc)
        case .list(let l): .list(ListBlock(type: l.type, items: l.items.map { $0.map(\.nfc) }))
        case .quote(let q): .quote(BlockQuote(source: q.source?.nfc, blocks: q.blocks.map(\.nfc)))
        case .table(let t): .table(Table(caption: t.caption?.nfc, rows: t.rows.map { r in
            TableRow(isHead: r.isHead, cells: r.cells.map { TableCell(colspan: $0.colspan, content: $0.content.nfc) })
        }))
        case .figure(let f): .figure(Figure(ref: f.ref, caption: f.caption?.nfc))
        }
    }
}
