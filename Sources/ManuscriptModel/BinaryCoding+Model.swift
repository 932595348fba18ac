// The submissions' and reviews' values in `BinaryCoding`'s form. Every stored property is
// written, in declaration order; `BinaryCodingTests` reads back generated submissions and
// compares them whole, so a property added without being written here fails there.

extension SourceLocation: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        if path == w.commonPath {
            w.bool(false)
        } else {
            w.bool(true)
            w.string(path)
        }
        w.int(line)
        w.int(column)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        let path = try r.bool() ? try r.string() : r.commonPath
        self.init(path: path, line: try r.int(), column: try r.int())
    }
}

extension CalendarDate: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.int(year)
        w.int(month)
        w.int(day)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(year: try r.int(), month: try r.int(), day: try r.int())
    }
}

extension YearMonth: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.int(year)
        w.int(month)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(year: try r.int(), month: try r.int())
    }
}

extension Inline: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        switch self {
        case .text(let s):
            w.unsigned(0)
            w.string(s)
        case .emphasis(let c):
            w.unsigned(1)
            w.write(c)
        case .strong(let c):
            w.unsigned(2)
            w.write(c)
        case .quote(let c):
            w.unsigned(3)
            w.write(c)
        case .note(let c):
            w.unsigned(4)
            w.write(c)
        case .link(let href, let c):
            w.unsigned(5)
            w.string(href)
            w.write(c)
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        switch try r.unsigned() {
        case 0: self = .text(try r.string())
        case 1: self = .emphasis(try r.read())
        case 2: self = .strong(try r.read())
        case 3: self = .quote(try r.read())
        case 4: self = .note(try r.read())
        case 5: self = .link(href: try r.string(), try r.read())
        default: throw r.unknownTag()
        }
    }
}

extension Block: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        switch self {
        case .section(let s):
            w.unsigned(0)
            w.write(s.title)
            w.write(s.blocks)
        case .paragraph(let c):
            w.unsigned(1)
            w.write(c)
        case .list(let l):
            w.unsigned(2)
            w.string(l.type.rawValue)
            w.unsigned(UInt64(l.items.count))
            for item in l.items { w.write(item) }
        case .quote(let q):
            w.unsigned(3)
            w.optionalString(q.source)
            w.write(q.blocks)
        case .table(let t):
            w.unsigned(4)
            w.optionalInlines(t.caption)
            w.unsigned(UInt64(t.rows.count))
            for row in t.rows {
                w.bool(row.isHead)
                w.unsigned(UInt64(row.cells.count))
                for cell in row.cells {
                    w.int(cell.colspan)
                    w.write(cell.content)
                }
            }
        case .figure(let f):
            w.unsigned(5)
            w.string(f.ref)
            w.optionalInlines(f.caption)
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        switch try r.unsigned() {
        case 0:
            self = .section(Section(title: try r.read(), blocks: try r.read()))
        case 1:
            self = .paragraph(try r.read())
        case 2:
            let type: ListType = try r.raw()
            var items: [[Block]] = []
            for _ in 0..<(try r.count()) { items.append(try r.read()) }
            self = .list(ListBlock(type: type, items: items))
        case 3:
            self = .quote(BlockQuote(source: try r.optionalString(), blocks: try r.read()))
        case 4:
            let caption: [Inline]? = try r.bool() ? try r.read() : nil
            var rows: [TableRow] = []
            for _ in 0..<(try r.count()) {
                let isHead = try r.bool()
                var cells: [TableCell] = []
                for _ in 0..<(try r.count()) { cells.append(TableCell(colspan: try r.int(), content: try r.read())) }
                rows.append(TableRow(isHead: isHead, cells: cells))
            }
            self = .table(Table(caption: caption, rows: rows))
        case 5:
            let ref = try r.string()
            self = .figure(Figure(ref: ref, caption: try r.bool() ? try r.read() : nil))
        default:
            throw r.unknownTag()
        }
    }
}

extension BinaryWriter {
    /// Inline content that may be absent (a caption).
    mutating func optionalInlines(_ value: [Inline]?) {
        bool(value != nil)
        if let value { write(value) }
    }
}

extension SubmittingUnit: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(name)
        w.string(level.rawValue)
        w.string(district)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(name: try r.string(), level: try r.raw(), district: try r.string())
    }
}

extension Period: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.write(start)
        w.write(end)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(start: try r.read(), end: try r.read())
    }
}

extension Person: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(role.rawValue)
        w.string(name)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(role: try r.raw(), name: try r.string())
    }
}

extension Endorsement: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(by)
        w.string(level)
        w.write(date)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(by: try r.string(), level: try r.string(), date: try r.read())
    }
}

extension Submission: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(id)
        w.string(kind.rawValue)
        w.optionalString(language)
        w.write(title)
        w.string(field)
        w.write(unit)
        w.write(registered)
        w.write(period)
        w.write(people)
        w.write(summary)
        w.write(body)
        w.bool(results != nil)
        if let results {
            w.unsigned(UInt64(results.count))
            for i in results {
                w.string(i.key)
                w.optionalString(i.unit)
                w.double(i.value)
                w.string(i.valueText)
                w.optionalDouble(i.baseline)
                w.optionalString(i.baselineText)
                w.write(i.label)
            }
        }
        w.write(endorsement)
        w.unsigned(UInt64(attachments.count))
        for a in attachments {
            w.string(a.href)
            w.string(a.sha256)
            w.string(a.type)
            w.write(a.caption)
            w.write(a.location)
        }
        w.write(location)
        w.bool(bodyWordsOfDroppedText != nil)
        if let words = bodyWordsOfDroppedText { w.int(words) }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        let id = try r.string()
        let kind: SubmissionKind = try r.raw()
        let language = try r.optionalString()
        let title: [Inline] = try r.read()
        let field = try r.string()
        let unit: SubmittingUnit = try r.read()
        let registered: CalendarDate = try r.read()
        let period: Period = try r.read()
        let people: [Person] = try r.read()
        let summary: [Inline] = try r.read()
        let body: [Block] = try r.read()
        var results: [Indicator]?
        if try r.bool() {
            var list: [Indicator] = []
            for _ in 0..<(try r.count()) {
                list.append(Indicator(key: try r.string(), unit: try r.optionalString(), value: try r.double(),
                                      valueText: try r.string(), baseline: try r.optionalDouble(),
                                      baselineText: try r.optionalString(), label: try r.read()))
            }
            results = list
        }
        let endorsement: Endorsement? = try r.read()
        var attachments: [Attachment] = []
        for _ in 0..<(try r.count()) {
            attachments.append(Attachment(href: try r.string(), sha256: try r.string(), type: try r.string(),
                                          caption: try r.read(), location: try r.read()))
        }
        self.init(id: id, kind: kind, language: language, title: title, field: field, unit: unit,
                  registered: registered, period: period, people: people, summary: summary, body: body,
                  results: results, endorsement: endorsement, attachments: attachments, location: try r.read())
        bodyWordsOfDroppedText = try r.bool() ? try r.int() : nil
    }
}

extension Review: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(reviewer)
        w.string(round)
        w.string(submission)
        w.write(date)
        w.unsigned(UInt64(scores.count))
        for s in scores {
            w.string(s.criterion)
            w.double(s.value)
        }
        w.optionalString(comment)
        w.write(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        let reviewer = try r.string(), round = try r.string(), submission = try r.string()
        let date: CalendarDate = try r.read()
        var scores: [CriterionScore] = []
        for _ in 0..<(try r.count()) { scores.append(CriterionScore(criterion: try r.string(), value: try r.double())) }
        self.init(reviewer: reviewer, round: round, submission: submission, date: date, scores: scores,
                  comment: try r.optionalString(), location: try r.read())
    }
}

extension DeclaredConflict: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(reviewer)
        w.string(submission)
        w.string(reason)
        w.write(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(reviewer: try r.string(), submission: try r.string(), reason: try r.string(), location: try r.read())
    }
}

extension ReviewSheet: BinaryCodable {
    public func write(to w: inout BinaryWriter) {
        w.string(reviewer)
        w.string(round)
        w.write(reviews)
        w.write(conflicts)
        w.write(location)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(reviewer: try r.string(), round: try r.string(), reviews: try r.read(), conflicts: try r.read(),
                  location: try r.read())
    }
}
