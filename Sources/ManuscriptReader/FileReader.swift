import Foundation
import ManuscriptModel
import Messages
import XMLKit

/// Reads one input file: bytes, digest, Unicode check, parse, schema, values.
struct FileReader {
    let layout: Layout
    let options: ReadOptions
    let schemas: SchemaSet
    /// Attachment digests already computed, shared by every worker.
    let attachmentDigests: DigestCache

    func read(_ job: ManuscriptReader.Job) -> FileOutcome {
        switch layout.readConfined(job.relativePath) {
        case .success(let bytes):
            return read(job, bytes: bytes)
        case .failure(let refusal):
            let display = layout.display(job.relativePath)
            var outcome = FileOutcome(relativePath: job.relativePath, displayPath: display, format: job.format, isEdit: job.isEdit)
            let message = if case .outside = refusal {
                refusal.described(.message(CheckText.thisFile.message), folder: .message(CheckText.manuscriptFolder.message))
            } else {
                CheckText.cannotOpen.message
            }
            let leftOut = Self.leftOutNote(job, stem: ManuscriptReader.stem(job.relativePath))
            outcome.findings.append(.error(at: SourceLocation(path: display), message, notes: [leftOut!]))
            outcome.unreadable = true
            return outcome
        }
    }

    /// Reads one file's bytes, already in memory.
    func read(_ job: ManuscriptReader.Job, bytes: [UInt8]) -> FileOutcome {
        let display = layout.display(job.relativePath)
        var outcome = FileOutcome(relativePath: job.relativePath, displayPath: display, format: job.format, isEdit: job.isEdit)
        let stem = ManuscriptReader.stem(job.relativePath)
        let leftOut = Self.leftOutNote(job, stem: stem)
        let digest = sha256Hex(bytes)
        outcome.digests[job.relativePath] = digest
        if let cache = options.cache, job.format == .submission || job.format == .reviews {
            let (cached, key) = cachedOutcome(job, display: display, digest: digest, cache: cache)
            if let cached { return cached }
            let read = readXML(job, bytes: bytes, outcome: outcome, leftOut: leftOut, stem: stem)
            keep(read, key: key, cache: cache)
            return read
        }
        return readXML(job, bytes: bytes, outcome: outcome, leftOut: leftOut, stem: stem)
    }

    /// Parses, validates and maps one file.
    private func readXML(_ job: ManuscriptReader.Job, bytes: [UInt8], outcome started: FileOutcome,
                         leftOut: Finding.Note?, stem: String) -> FileOutcome {
        var outcome = started
        let display = outcome.displayPath
        let top = SourceLocation(path: display)

        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes, limits: ParseLimits(maxBytes: options.maxFileBytes))
        } catch {
            for (i, p) in error.problems.enumerated() {
                outcome.findings.append(.error(at: SourceLocation(path: display, line: p.line, column: p.column), p.plainMessage,
                                               notes: i == 0 ? [leftOut!] : []))
            }
            outcome.unreadable = true
            return outcome
        }

        // NFC: one look at the whole text; strings are normalised one by one only when needed.
        let nonNFC = document.isCertainlyNFC ? nil : firstNonNFC(bytes)
        if let p = nonNFC {
            outcome.findings.append(.warning(at: SourceLocation(path: display, line: p.line, column: p.column), CheckText.notNfc.message))
        }

        let root = document.root
        guard root.name == job.format.rootElement, root.namespace == nil else {
            let p = root.position
            let at = SourceLocation(path: display, line: p.line, column: p.column)
            if root.name == job.format.rootElement {
                outcome.findings.append(.error(at: at, CheckText.noNamespace.with(["name": .text(root.name)]), notes: [leftOut!]))
            } else {
                let wrong = CheckText.wrongRoot.with(["found": .text(root.name), "what": .message(what(job)),
                                                      "expected": .text(job.format.rootElement)])
                outcome.findings.append(.error(at: at, wrong, notes: [leftOut!]))
            }
            outcome.unreadable = true
            return outcome
        }

        do {
            let problems = try schemas.schema(job.format).validate(document)
            if !problems.isEmpty {
                let translator = SchemaMessages(document: document, model: SchemaModels.all[job.format], path: display, what: what(job))
                outcome.findings += translator.translate(problems)
            }
        } catch {
            outcome.findings += error.problems.map { .error(at: top, $0.plainMessage) }
        }

        let mapper = Mapper(path: display, normalise: nonNFC != nil, keepsText: options.keepsText)
        switch job.format {
        case .book: outcome.content = .book(book(root, mapper, &outcome))
        case .districts: outcome.content = .districts(mapper.districts(root))
        case .fields: outcome.content = .fields(mapper.fields(root))
        case .rubric: outcome.content = .rubric(mapper.rubric(root))
        case .reviewers: outcome.content = .reviewers(mapper.reviewers(root))
        case .selection: outcome.content = .selection(mapper.selection(root))
        case .reviews: outcome.content = .reviews(mapper.reviews(root))
        case .assignments: outcome.content = .assignments(mapper.assignments(root, fileStem: stem))
        case .submission:
            var digests: [String: String] = [:]
            let read = mapper.submission(root, fileStem: stem, isEdit: job.isEdit) { href in
                guard Checks.unsafeHref(href) == nil else { return .absent }
                let rel = "attachments/" + href
                // An attachment named by several files (a submission and its edit) is read once.
                let file = attachmentDigests[rel] ?? AttachmentContent.inspect(rel, layout: layout)
                attachmentDigests[rel] = file
                digests[rel] = file.digest
                return file
            }
            outcome.digests.merge(digests) { a, _ in a }
            outcome.content = .submission(read)
        }
        outcome.findings += mapper.findings
        return outcome
    }

    /// The note under a file's first error when nothing in it could be read.
    private static func leftOutNote(_ job: ManuscriptReader.Job, stem: String) -> Finding.Note? {
        job.format == .submission
            ? .init(message: (job.isEdit ? CheckText.leftOutEdit : .leftOutSubmission).with(["id": .text(stem)]))
            : .init(message: CheckText.leftOut.message)
    }

    private func what(_ job: ManuscriptReader.Job) -> Message {
        switch job.format {
        case .submission: job.isEdit ? CheckText.whatEdit.message : CheckText.whatSubmission.message
        case .reviews: CheckText.whatSheet.message
        case .assignments: CheckText.whatAssignments.message
        default: CheckText.whatConfig.with(["name": .text(job.format.rawValue + ".xml")])
        }
    }

    // MARK: book.xml and its DocBook fragments

    private func book(_ root: XMLElement, _ m: Mapper, _ outcome: inout FileOutcome) -> BookRead {
        var read = BookRead(metadata: BookMetadata(title: m.text(root.element(named: "title"))))
        var meta = read.metadata
        meta.language = root.xmlLang.map(m.nfc) ?? "vi"
        meta.subtitle = root.element(named: "subtitle").map { m.text($0) }
        meta.editors = root.element(named: "editors")?.elements(named: "editor").map {
            Editor(name: m.text($0), role: m.attr($0, "role")?.collapsed)
        } ?? []
        meta.publisher = root.element(named: "publisher").map { m.text($0) }
        meta.year = root.element(named: "year").flatMap { Int(m.text($0)) }
        if let d = root.element(named: "date") {
            read.dates.append(Located(value: m.text(d), at: m.loc(d)))
            meta.date = CalendarDate(iso: m.text(d))
        }
        for p in root.element(named: "front")?.elements(named: "preface") ?? [] {
            if let f = fragment(p, m, root: "preface", &outcome) { meta.front.append(f) }
        }
        for intro in root.element(named: "parts")?.elements(named: "intro") ?? [] {
            let field = m.token(intro, "field") ?? ""
            read.introFieldAt.append(Located(value: field, at: m.loc(intro, "field")))
            if let f = fragment(intro, m, root: "partintro", &outcome) { meta.partIntros[field] = f }
        }
        if let order = root.element(named: "order"), let by = m.token(order, "by").flatMap(EntryOrder.init(rawValue:)) {
            meta.entryOrder = by
        }
        read.metadata = meta
        return read
    }

    static let docbookNamespace = "http://docbook.org/ns/docbook"

    /// Reads a DocBook fragment named by `@href` (relative to the manuscript folder).
    private func fragment(_ e: XMLElement, _ m: Mapper, root expected: String, _ outcome: inout FileOutcome) -> DocBookFragment? {
        let href = m.attr(e, "href")?.trimmingCharacters(in: .whitespaces) ?? ""
        let at = m.loc(e, "href")
        if let problem = Checks.unsafeHref(href) {
            m.error(at, CheckText.fragmentHref.with(["href": .text(href), "problem": .message(problem)]))
            return nil
        }
        let bytes: [UInt8]
        switch layout.readConfined(href) {
        case .success(let read): bytes = read
        case .failure(let refusal):
            m.error(at, refusal.described(.text(layout.display(href)), folder: .message(CheckText.manuscriptFolder.message)))
            return nil
        }
        outcome.digests[href] = sha256Hex(bytes)
        outcome.xmlFiles += 1
        let display = layout.display(href)
        let doc: XMLDocument
        do {
            doc = try XMLDocument.parse(bytes, limits: ParseLimits(maxBytes: options.maxFileBytes))
        } catch {
            m.error(at, CheckText.fragmentNotXml.with(["path": .text(display), "root": .text(expected)]))
            for p in error.problems {
                outcome.findings.append(.error(at: SourceLocation(path: display, line: p.line, column: p.column), p.plainMessage))
            }
            return nil
        }
        let r = doc.root
        guard r.name == expected, r.namespace == Self.docbookNamespace else {
            let found = (r.namespace == Self.docbookNamespace ? CheckText.elementName : .fragmentNoNamespace).with(["name": .text(r.name)])
            m.error(at, CheckText.fragmentRoot.with(["path": .text(display), "expected": .text(expected),
                                                     "namespace": .text(Self.docbookNamespace), "found": .message(found)]))
            return nil
        }
        let nonNFC = doc.isCertainlyNFC ? nil : firstNonNFC(bytes)
        if let p = nonNFC {
            outcome.findings.append(.warning(at: SourceLocation(path: display, line: p.line, column: p.column), CheckText.notNfc.message))
        }
        if options.validateDocBook {
            outcome.findings += DocBookValidator.shared.validate(bytes, root: expected, display: display)
        }
        var xml = r.serialized()
        if nonNFC != nil { xml = xml.precomposedStringWithCanonicalMapping }
        return DocBookFragment(path: href, xml: xml)
    }
}

/// Validates DocBook fragments against the DocBook 5.0 schema when it is installed. The schema is
/// large, so it is compiled once and used by one thread at a time.
final class DocBookValidator: @unchecked Sendable {
    static let shared = DocBookValidator()
    static let schemaPath = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"
    private let lock = NSLock()
    private var schema: RelaxNGSchema?
    private var tried = false

    func validate(_ bytes: [UInt8], root: String, display: String) -> [Finding] {
        lock.lock()
        defer { lock.unlock() }
        if !tried {
            tried = true
            if FileManager.default.fileExists(atPath: Self.schemaPath) { schema = try? RelaxNGSchema(path: Self.schemaPath) }
        }
        guard let schema else { return [] }
        // Wrap the fragment so it stands where DocBook allows it. The XML declaration is dropped
        // and the wrapper's start is put on the first line, so lines after the first keep their numbers.
        var text = bytes
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        if text.starts(with: Array("<?xml".utf8)), let end = text.firstIndex(of: UInt8(ascii: ">")) {
            text.removeSubrange(0...end)
        }
        let ns = "xmlns=\"\(FileReader.docbookNamespace)\""
        let (prefix, suffix) = root == "preface"
            ? ("<book \(ns) version=\"5.0\"><title>t</title>", "</book>")
            : ("<book \(ns) version=\"5.0\"><title>t</title><part><title>t</title>",
               "<chapter><title>t</title><para>t</para></chapter></part></book>")
        let wrapped = Array(prefix.utf8) + text + Array(suffix.utf8)
        guard let doc = try? XMLDocument.parse(wrapped) else { return [] }
        let problems = schema.validate(doc)
        guard !problems.isEmpty else { return [] }
        let translator = SchemaMessages(document: doc, model: nil, path: display, what: CheckText.whatDocbook.with(["root": .text(root)]))
        return translator.translate(problems).map { f in
            var f = f
            if f.location.line == 1 { f.location.column = max(1, f.location.column - prefix.unicodeScalars.count) }
            return f
        }
    }
}

/// Attachments as inspected, by relative path, safe to share between threads.
final class DigestCache: @unchecked Sendable {
    private var digests: [String: AttachmentInspection] = [:]
    private let lock = NSLock()

    subscript(path: String) -> AttachmentInspection? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return digests[path]
        }
        set {
            lock.lock()
            digests[path] = newValue
            lock.unlock()
        }
    }
}
