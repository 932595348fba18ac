import BookWriter
import Foundation
import Messages
import ManuscriptModel
import ManuscriptReader
import XMLKit

/// An output format of `modelbook build`.
public enum BuildFormat: String, CaseIterable, Sendable, Comparable {
    case docbook, text, html, pdf

    public static func < (a: BuildFormat, b: BuildFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Parses `docbook,text` or `all`.
    public static func parseList(_ text: String) throws -> Set<BuildFormat> {
        var out: Set<BuildFormat> = []
        for piece in text.split(separator: ",") {
            let name = piece.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "all" {
                out.formUnion(allCases)
            } else if let f = BuildFormat(rawValue: name) {
                out.insert(f)
            } else {
                throw PipelineError(step: CommandText.stepOptions.text, path: nil,
                                    message: CommandText.unknownFormat.text(["name": .text(name)]))
            }
        }
        if out.isEmpty { throw PipelineError(step: CommandText.stepOptions.text, path: nil, message: CommandText.noFormat.text) }
        return out
    }
}

/// Where the manuscript comes from: the reader, in the CLI; values, in tests. The cache is the
/// build's (nil with `--no-cache`), for the reader's options.
public typealias ManuscriptLoader = (String, ReadCache?) throws -> Manuscript
/// The agreed hand-off from the Selection module: the final selection for a manuscript.
public typealias SelectionProvider = (Manuscript) throws -> BookSelection

/// What `modelbook build` does, step by step, with `[n/m] step` progress.
///
/// Outputs (in `outputDirectory`): `book.xml` + `images/` (docbook), `book.txt` (text),
/// `html/` with `book.css` and `images/` (html), `book.pdf` (pdf). Every format is produced in
/// a staging folder inside the output folder and moved into place only when it succeeded, so
/// a failed build leaves that format's previous output intact. A format that fails (a tool is
/// missing, the DocBook is invalid, a log shows an error) does not stop the other formats: the
/// build goes on, and `run` reports which requested formats failed (the CLI then exits 1).
public struct BookBuild {
    public var formats: Set<BuildFormat>
    public var outputDirectory: String
    public var width: Int
    /// The folder holding html.xsl, fo.xsl, book.css, fop.xconf.
    public var stylesDirectory: String
    /// The folders searched for the styles when none was given (named when none of them has
    /// them); empty when the folder was given.
    public var stylesSearched: [String] = []
    public var docbookSchema: String
    /// Where `docbook-xsl-ns` puts its stylesheets (checked so a missing package is named).
    public var docbookXSLDirectory: String
    public var environment: [String: String]
    /// Progress and problems go here (stderr in the CLI).
    public var log: (String) -> Void
    /// Whether earlier outputs in a folder without a manifest are taken as modelbook's (only for
    /// the default folder, which earlier versions wrote without one).
    public var adoptEarlierOutputs = false
    /// The names an output folder of `build` can hold.
    public static let outputNames = ["book.xml", "images", "book.txt", "html", "book.pdf", "book.invalid.xml"]
    /// Where the steps are announced; nil: as `[n/m] step` lines through `log`.
    public var progress: ProgressReporter?
    /// Whether the build keeps what it read in `<out>/.cache` and uses what an earlier build kept
    /// there (off: `--no-cache`).
    public var usesCache = true
    /// What identifies the program in its cache (its version and executable: `ReadCache`).
    public var program = ""

    public init(formats: Set<BuildFormat>, outputDirectory: String = "build", width: Int = 72,
                stylesDirectory: String = "styles",
                docbookSchema: String = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng",
                docbookXSLDirectory: String = "/usr/share/xml/docbook/stylesheet/docbook-xsl-ns",
                environment: [String: String] = ProcessInfo.processInfo.environment,
                log: @escaping (String) -> Void) {
        self.formats = formats
        self.outputDirectory = outputDirectory
        self.width = width
        self.stylesDirectory = stylesDirectory
        self.docbookSchema = docbookSchema
        self.docbookXSLDirectory = docbookXSLDirectory
        self.environment = environment
        self.log = log
    }

    /// The result: formats written and formats that failed (each with its error, already logged).
    public struct Report {
        public var written: [BuildFormat] = []
        public var failed: [(BuildFormat, PipelineError)] = []
        public var succeeded: Bool { failed.isEmpty }
    }

    /// Reads, selects and builds. Throws when no format can be attempted (the manuscript or the
    /// selection failed); format failures are in the report.
    public func run(manuscript folder: String, load: ManuscriptLoader, select: SelectionProvider) throws -> Report {
        var steps = [CommandText.stepRead.text, CommandText.stepSelect.text, CommandText.stepBuild.text]
        let needDocBook = !formats.isDisjoint(with: [.docbook, .html, .pdf])
        if needDocBook { steps.append(CommandText.stepDocbook.text) }
        if formats.contains(.text) { steps.append(CommandText.stepText.text) }
        if formats.contains(.html) { steps.append(CommandText.stepHtml.text) }
        if formats.contains(.pdf) { steps.append(CommandText.stepPdf.text) }
        steps.append(CommandText.stepInstall.text)
        var n = 0
        func step() {
            n += 1
            if let progress { progress.step(n, of: steps.count, steps[n - 1]) } else { log(ProgressReporter.stepLine(n, of: steps.count, steps[n - 1])) }
        }

        _ = try OutputFolder.confined(out: outputDirectory, manuscript: folder)
        let out = absolute(outputDirectory)
        try createDirectory(out)
        let lock = try BuildLock(folder: out, shown: outputDirectory)
        defer { withExtendedLifetime(lock) {} }
        step()
        let cache = usesCache ? ReadCache(folder: out + "/.cache", program: program) : nil
        let manuscript = try load(folder, cache)
        // The cache is written while the rounds run and the book is written.
        let saved = cache.map { cache in Background { cache.save() } }
        defer {
            if let cache, let saved {
                let counts = cache.counted
                log(CommandText.readCacheUsed.text(["read": .integer(counts.read), "reused": .integer(counts.reused),
                                                    "folder": .text(display(out + "/.cache"))]))
                if counts.damaged > 0 { log(CommandText.cacheDamaged.text(["count": .integer(counts.damaged)])) }
                if let problem = saved.value { log(CommandText.cacheNotSaved.text(["reason": .text(problem)])) }
            }
        }
        step()
        let selection = try select(manuscript)
        step()
        let book = try makeBook(manuscript: manuscript, selection: selection)
        let chapters = usesCache ? ChapterStore(folder: out + "/.cache", program: program, schemaPath: docbookSchema) : nil
        let report = try write(book, manuscript: manuscript, chapters: chapters, step: step)
        if let chapters {
            let counts = chapters.counted
            log(CommandText.chaptersReused.text(["reused": .integer(counts.reused), "written": .integer(counts.written)]))
            if counts.damaged > 0 { log(CommandText.cacheDamaged.text(["count": .integer(counts.damaged)])) }
            if let problem = chapters.save() { log(CommandText.cacheNotSaved.text(["reason": .text(problem)])) }
        }
        // Freeing the book and the manuscript, a million small values at 10,000 entries, took a
        // fifth of a second at the end of every build: another thread does it while the program
        // says what it wrote, and a program that exits first leaves it to the system.
        let leftovers = Leftovers((book, manuscript, selection))
        DispatchQueue.global(qos: .utility).async { leftovers.values = nil }
        return report
    }

    /// The book from values (the date fallback comes from `SOURCE_DATE_EPOCH`, never the clock).
    public func makeBook(manuscript: Manuscript, selection: BookSelection) throws -> Book {
        do {
            return try Book(manuscript: manuscript, selection: selection, fallbackDate: sourceDate)
        } catch {
            throw PipelineError(step: CommandText.stepBuild.text, path: manuscript.root, message: error.description)
        }
    }

    var sourceDate: CalendarDate? {
        environment["SOURCE_DATE_EPOCH"].flatMap(Int.init).map(CalendarDate.fromEpoch)
    }

    /// Writes the requested formats of an already built book. `step` is called once per step
    /// (for progress), in the order `run` announces them.
    public func write(_ book: Book, manuscript: Manuscript, step: () -> Void = {}) throws -> Report {
        try write(book, manuscript: manuscript, chapters: nil, step: step)
    }

    /// Writes the formats, taking chapters and their verdicts from `chapters` when it holds them.
    func write(_ book: Book, manuscript: Manuscript, chapters: ChapterStore?, step: () -> Void) throws -> Report {
        var report = Report()
        let fm = FileManager.default
        let out = absolute(outputDirectory)
        try createDirectory(out)
        var manifest = OutputManifest(folder: out, adopting: adoptEarlierOutputs ? Self.outputNames : [])
        manifest.warnAboutForeign(log)
        let staging = out + "/.staging-\(getpid())"
        try? fm.removeItem(atPath: staging)
        try createDirectory(staging)
        defer { try? fm.removeItem(atPath: staging) }

        // With the cache, the drafts are written over the previous build's (`SpareOutputs`).
        let spares = chapters != nil ? SpareOutputs(cacheFolder: out + "/.cache") : nil
        // The plain text needs only the book: it is rendered on another thread while the DocBook
        // is written and validated (its step is announced, and its file written, in order below).
        let renderWidth = width
        let text = formats.contains(.text) ? Background { PlainTextRenderer(width: renderWidth).render(book, cache: chapters) } : nil
        var docbookReady = false
        var keptImages: Set<String> = []
        // The attachments the figures show, relative to attachments/.
        let figures = Set(book.entries.flatMap { figureRefs($0.body) }).sorted()
        if !formats.isDisjoint(with: [.docbook, .html, .pdf]) {
            step()
            do {
                // Figures stay in place only when no format reads them from the staging folder.
                let keeping = chapters != nil && formats.isDisjoint(with: [.html, .pdf])
                    ? ImageKeeping(installed: .load(cacheFolder: out + "/.cache"), owned: manifest.owned, imagesFolder: out + "/images") : nil
                keptImages = try writeDocBook(book, figures: figures, manuscript: manuscript, staging: staging, out: out,
                                              chapters: chapters, keeping: keeping, spares: spares)
                docbookReady = true
            } catch {
                fail(.docbook, error, &report)
            }
        }
        if let text {
            step()
            do {
                try write(text.value, to: staging + "/book.txt", over: spares)
            } catch {
                fail(.text, error, &report)
            }
        }
        if formats.contains(.html) {
            step()
            do {
                guard docbookReady else { throw PipelineError(step: "html", path: nil, message: CommandText.noDocbookToRender.text) }
                try renderHTML(staging: staging)
            } catch {
                fail(.html, error, &report)
            }
        }
        if formats.contains(.pdf) {
            step()
            do {
                guard docbookReady else { throw PipelineError(step: "pdf", path: nil, message: CommandText.noDocbookToRender.text) }
                try renderPDF(book: book, staging: staging)
            } catch {
                fail(.pdf, error, &report)
            }
        }

        step()
        if fm.fileExists(atPath: staging + "/book.invalid.xml") {
            do { try manifest.install(from: staging, items: ["book.invalid.xml"]) } catch { log("\(error)") }
        }
        let failed = Set(report.failed.map(\.0))
        for format in formats.sorted() where !failed.contains(format) {
            let items: [String] = switch format {
            case .docbook: ["book.xml", "images"]
            case .text: ["book.txt"]
            case .html: ["html"]
            case .pdf: ["book.pdf"]
            }
            do {
                if let spares, let name = items.first, ["book.xml", "book.txt"].contains(name), manifest.owned.contains(name) {
                    spares.keep(out + "/" + name, name: name)
                }
                // A book without figures does not keep the images of an earlier one.
                try manifest.install(from: staging, items: items, keeping: format == .docbook ? Set(keptImages.map { "images/" + $0 }) : [])
                report.written.append(format)
                if format == .docbook, chapters != nil { recordImages(figures, manuscript: manuscript, out: out) }
            } catch {
                fail(format, error, &report)
            }
        }
        return report
    }

    private func fail(_ format: BuildFormat, _ error: any Error, _ report: inout Report) {
        let e = error as? PipelineError ?? PipelineError(step: format.rawValue, path: nil, message: "\(error)")
        log(e.description)
        report.failed.append((format, e))
    }

    // MARK: DocBook

    /// Writes book.xml, then copies the figures while the validator checks it (jing runs out of
    /// process, so the copying costs no time of its own).
    ///
    /// With a chapter cache, the chapters that were, byte for byte, chapters of a valid book in an
    /// earlier build are not validated again: the validator checks book.xml with each of them
    /// replaced by an empty chapter holding its id, on the lines it had (`DocBookValidation.reduced`),
    /// which checks everything else in full: the book's frame, prefaces, part introductions,
    /// appendices, indexes, every id and reference, and every new chapter. A chapter's validity does
    /// not depend on what surrounds it (the schema gives `chapter` one pattern, and chapters hold no
    /// references), so the book is valid exactly when that reduced document is. When it is not, the
    /// whole book.xml is validated and its errors are reported.
    private func writeDocBook(_ book: Book, figures: [String], manuscript: Manuscript, staging: String, out: String,
                              chapters: ChapterStore?, keeping: ImageKeeping?, spares: SpareOutputs?) throws -> Set<String> {
        let written = DocBookWriter.write(book, cache: chapters)
        let xml = written.xml
        let path = staging + "/book.xml"
        try write(xml, to: path, over: spares)
        guard FileManager.default.fileExists(atPath: docbookSchema) else {
            throw PipelineError(step: CommandText.stepValidate.text, path: docbookSchema,
                                message: CommandText.schemaMissing.text)
        }
        let validator = BookValidator.choose(path: environment["PATH"])
        let schema = docbookSchema, environment = environment, language = Language.current, parts = written.parts
        let bytes = Array(xml.utf8)
        let verdicts = chapters?.verdictKeys(written.chapters, in: bytes) ?? []
        let wasValid = verdicts.map { chapters!.wasValid($0) }
        let known = zip(written.chapters, wasValid).filter(\.1).map(\.0)
        let checking = Background {
            Language.$current.withValue(language) {
                Result { () throws -> (BookValidator.Outcome, reduced: Bool) in
                    if !known.isEmpty {
                        let reducedPath = staging + "/.book-unchanged-chapters-left-out.xml"
                        let reduced = DocBookValidation.reduced(bytes, replacing: known)
                        if PlainFile.write(reduced, to: reducedPath) {
                            let outcome = try validator.validate(file: reducedPath, bytes: reduced, parts: [], schemaPath: schema, environment: environment)
                            unlink(reducedPath)
                            if outcome.problems.isEmpty { return (outcome, true) }
                        }
                    }
                    return (try validator.validate(file: path, bytes: bytes, parts: parts, schemaPath: schema, environment: environment), false)
                }
            }
        }
        let copied = Result { try copyImages(figures, manuscript: manuscript, to: staging + "/images", keeping: keeping) }
        let (outcome, reduced) = try checking.value.get()
        if reduced {
            log(CommandText.validatedWithoutKnownChapters.text(["known": .integer(known.count), "fresh": .integer(written.chapters.count - known.count)]))
        }
        // An invalid book is the error to report first, as when the steps ran one after the other.
        try report(outcome, stagingPath: path, out: out)
        if let chapters {
            for (key, valid) in zip(verdicts, wasValid) where !valid { chapters.markValid(key) }
        }
        return try copied.get()
    }

    /// Says who validated the book against the DocBook 5.0 RELAX NG schema (jing when it is
    /// installed, else libxml2 in process: `BookValidator`). On failure the document is
    /// kept as `book.invalid.xml` beside the outputs, and every error points into it.
    private func report(_ outcome: BookValidator.Outcome, stagingPath: String, out: String) throws {
        outcome.report.forEach(log)
        let problems = outcome.problems
        guard !problems.isEmpty else { return }
        let kept = out + "/book.invalid.xml"
        // Moved into place with the outputs, as modelbook's own file.
        _ = rename(stagingPath, (stagingPath as NSString).deletingLastPathComponent + "/book.invalid.xml")
        let shown = display(kept)
        let error = CommonText.error.text
        throw PipelineError(step: CommandText.stepValidate.text, path: shown,
                            message: CommandText.docbookInvalid.text(["count": .integer(problems.count), "checker": .text(outcome.checkedBy.name)]),
                            details: problems.prefix(200).map { "\(shown):\($0.line):\($0.column): \(error): \($0.message)" })
    }

    /// Copies the attachments `figures` show to `images/<href>`, except those still in place
    /// in `<out>/images/` from an earlier build (`keeping`, see `InstalledImages`). Returns the
    /// figures kept where they are.
    private func copyImages(_ figures: [String], manuscript: Manuscript, to folder: String, keeping: ImageKeeping?) throws -> Set<String> {
        let root = absolute(manuscript.root) + "/attachments/"
        var kept: Set<String> = []
        for ref in figures {
            if let keeping, let digest = manuscript.inputDigests["attachments/" + ref], keeping.owned.contains("images/" + ref),
               keeping.installed.holds(ref, digest: digest, in: keeping.imagesFolder) {
                kept.insert(ref)
                continue
            }
            let source = root + ref
            let target = folder + "/" + ref
            try createDirectory((target as NSString).deletingLastPathComponent)
            try PublishedCopy.attachment(source, to: target, manuscript: manuscript.root, log: log)
        }
        return kept
    }

    /// What a build needs to keep figures in place: the previous build's list, and the files the
    /// folder's manifest says modelbook wrote.
    struct ImageKeeping: Sendable {
        var installed: InstalledImages
        var owned: Set<String>
        var imagesFolder: String
    }

    /// The list of figures now in `<out>/images/`, for the next build.
    private func recordImages(_ figures: [String], manuscript: Manuscript, out: String) {
        var list = InstalledImages()
        for ref in figures {
            guard let digest = manuscript.inputDigests["attachments/" + ref],
                  let stamp = InstalledImages.stamp(out + "/images/" + ref, digest: digest) else { continue }
            list.stamps[ref] = stamp
        }
        list.save(cacheFolder: out + "/.cache")
    }

    private func figureRefs(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .figure(let f): [f.ref]
            case .section(let s): figureRefs(s.blocks)
            case .list(let l): l.items.flatMap(figureRefs)
            case .quote(let q): figureRefs(q.blocks)
            case .paragraph, .table: []
            }
        }
    }

    // MARK: HTML and PDF

    private func stylesheet(_ name: String) throws -> String {
        let path = absolute(stylesDirectory) + "/" + name
        guard FileManager.default.fileExists(atPath: path) else {
            if !stylesSearched.isEmpty {
                throw PipelineError(step: CommandText.stepStyles.text, path: nil,
                                    message: CommandText.stylesNotFound.text(["folders": .text(stylesSearched.map(display).joined(separator: ", "))]))
            }
            throw PipelineError(step: CommandText.stepStyles.text, path: display(path), message: CommandText.styleFileMissing.text)
        }
        return path
    }

    private func requireDocBookXSL() throws {
        guard FileManager.default.fileExists(atPath: docbookXSLDirectory) else {
            throw PipelineError(step: CommandText.stepStyles.text, path: docbookXSLDirectory,
                                message: CommandText.docbookXslMissing.text)
        }
    }

    private func requireTool(_ tool: ExternalTool, for format: String) throws -> String {
        guard let path = tool.locate(path: environment["PATH"]) else {
            throw PipelineError(step: format, path: nil,
                                message: CommandText.toolMissing.text(["tool": .text(tool.name), "package": .text(tool.package)]))
        }
        return path
    }

    private func renderHTML(staging: String) throws {
        let xsltproc = try requireTool(.xsltproc, for: "html")
        try requireDocBookXSL()
        let xsl = try stylesheet("html.xsl")
        let css = try stylesheet("book.css")
        let html = staging + "/html"
        try createDirectory(html)
        let run = try ToolRunner.run(xsltproc, ["--nonet", "--stringparam", "base.dir", "html/", xsl, "book.xml"],
                                     in: staging, logFile: staging + "/xsltproc-html.log", environment: environment)
        let problems = ToolRunner.xsltProblems(run.log)
        guard run.status == 0, problems.isEmpty else {
            throw PipelineError(step: "html", path: nil, message: CommandText.toolExit.text(["tool": "xsltproc", "status": .text(String(run.status))]),
                                details: problems.isEmpty ? lastLines(run.log) : problems)
        }
        try PublishedCopy.file(css, to: html + "/book.css")
        if FileManager.default.fileExists(atPath: staging + "/images") {
            try FileManager.default.copyItem(atPath: staging + "/images", toPath: html + "/images")
        }
    }

    private func renderPDF(book: Book, staging: String) throws {
        let xsltproc = try requireTool(.xsltproc, for: "pdf")
        let fop = try requireTool(.fop, for: "pdf")
        try requireDocBookXSL()
        let xsl = try stylesheet("fo.xsl")
        let config = try stylesheet("fop.xconf")
        let fo = try ToolRunner.run(xsltproc, ["--nonet", "-o", "book.fo", xsl, "book.xml"],
                                    in: staging, logFile: staging + "/xsltproc-fo.log", environment: environment)
        let foProblems = ToolRunner.xsltProblems(fo.log)
        guard fo.status == 0, foProblems.isEmpty else {
            throw PipelineError(step: "pdf", path: nil, message: CommandText.toolExit.text(["tool": "xsltproc (FO)", "status": .text(String(fo.status))]),
                                details: foProblems.isEmpty ? lastLines(fo.log) : foProblems)
        }
        var env = environment
        // PDFs carry a creation date: take it from the book, never the clock.
        if let epoch = bookEpoch(book) { env["SOURCE_DATE_EPOCH"] = String(epoch) }
        let run = try ToolRunner.run(fop, ["-q", "-c", config, "-fo", "book.fo", "-pdf", "book.pdf"],
                                     in: staging, logFile: staging + "/fop.log", environment: env)
        let problems = ToolRunner.fopProblems(run.log)
        guard run.status == 0, problems.isEmpty, FileManager.default.fileExists(atPath: staging + "/book.pdf") else {
            try? FileManager.default.removeItem(atPath: staging + "/book.pdf")
            throw PipelineError(step: "pdf", path: nil, message: CommandText.toolExit.text(["tool": "FOP", "status": .text(String(run.status))]),
                                details: problems.isEmpty ? lastLines(run.log) : Array(problems.prefix(50)))
        }
    }

    /// Midnight UTC of the book's date (book.xml `date`, else 1 January of its year), else
    /// whatever `SOURCE_DATE_EPOCH` already says.
    func bookEpoch(_ book: Book) -> Int? {
        if let date = book.date { return date.epochSeconds }
        if let year = book.pubdate.flatMap(Int.init) { return CalendarDate(year: year, month: 1, day: 1).epochSeconds }
        return environment["SOURCE_DATE_EPOCH"].flatMap(Int.init)
    }

    private func lastLines(_ log: String) -> [String] {
        Array(log.split(separator: "\n").suffix(15).map(String.init))
    }

    // MARK: Files

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    private func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }

    private func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PipelineError(step: CommandText.stepWrite.text, path: display(path),
                                message: CommandText.cannotCreateFolder.text(["reason": .text(error.localizedDescription)]))
        }
    }

    /// Writes a file of the staging folder, over the spare of its name when `spares` has one.
    private func write(_ text: String, to path: String, over spares: SpareOutputs? = nil) throws {
        let name = (path as NSString).lastPathComponent
        guard spares.map({ $0.write(text, name: name, to: path) }) ?? PlainFile.write(text, to: path) else {
            throw PipelineError(step: CommandText.stepWrite.text, path: display(path), message: CommandText.cannotWritePlain.text)
        }
    }
}

/// Values handed to another thread to be freed there (`values = nil`).
final class Leftovers: @unchecked Sendable {
    var values: Any?
    init(_ values: Any) { self.values = values }
}

/// A value computed on another thread; `value` waits for it.
final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, once computed (the semaphore orders the write before this read).
    var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
