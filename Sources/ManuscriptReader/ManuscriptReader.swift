import Crypto
import Dispatch
import Foundation
import ManuscriptModel
import Messages
import XMLKit

/// How to read a manuscript folder.
public struct ReadOptions: Sendable {
    /// Largest XML file accepted, in bytes.
    public var maxFileBytes: Int
    /// Worker threads; nil uses every active core.
    public var workers: Int?
    /// Validate `preface`/`partintro` fragments against DocBook 5.0 when its schema is installed.
    public var validateDocBook: Bool
    /// The current directory, for printing paths relative to it (nil: the process's).
    public var currentDirectory: String?
    /// Told `(files read, files to read)` after each file, from the worker threads.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Whether the submissions' summary and body stay in the manuscript. Commands that only check
    /// or select turn it off: every check still runs on the text as it is read, and the
    /// selection needs only the body's word count, counted without mapping the body
    /// (`Mapper+Words`). That halves what a large manuscript holds in memory.
    public var keepsText: Bool
    /// What earlier reads gave, per file (`build` keeps one beside its outputs); nil: every file is
    /// parsed and validated.
    public var cache: ReadCache?

    public init(maxFileBytes: Int = 16 * 1_048_576, workers: Int? = nil, validateDocBook: Bool = true,
                currentDirectory: String? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil, keepsText: Bool = true,
                cache: ReadCache? = nil) {
        self.cache = cache
        self.maxFileBytes = maxFileBytes
        self.workers = workers
        self.validateDocBook = validateDocBook
        self.currentDirectory = currentDirectory
        self.progress = progress
        self.keepsText = keepsText
    }
}

/// How much was read.
public struct ReadCounts: Hashable, Sendable, Codable {
    /// Submission files, including those that could not be parsed.
    public var submissions: Int
    /// `review` elements in every score sheet.
    public var reviews: Int
    /// Reviewers in reviewers.xml.
    public var reviewers: Int
    /// Files in reviews/.
    public var reviewSheets: Int
    /// Files in edits/.
    public var edits: Int
    /// XML files read (configuration, submissions, reviews, edits, DocBook fragments).
    public var files: Int
    /// Files with at least one error.
    public var filesWithErrors: Int

    public init(submissions: Int = 0, reviews: Int = 0, reviewers: Int = 0, reviewSheets: Int = 0, edits: Int = 0,
                files: Int = 0, filesWithErrors: Int = 0) {
        self.submissions = submissions
        self.reviews = reviews
        self.reviewers = reviewers
        self.reviewSheets = reviewSheets
        self.edits = edits
        self.files = files
        self.filesWithErrors = filesWithErrors
    }
}

/// A manuscript as read, with every finding. The manuscript is complete only when there are no errors.
public struct ReadResult: Sendable {
    public var manuscript: Manuscript
    public var findings: [Finding]
    public var counts: ReadCounts
    public init(manuscript: Manuscript, findings: [Finding], counts: ReadCounts) {
        self.manuscript = manuscript
        self.findings = findings
        self.counts = counts
    }
}

/// Reads a manuscript folder: every file parsed and validated (in parallel), mapped to values,
/// then checked across files. Never stops at the first bad file.
public enum ManuscriptReader {
    public static func read(folder: String, options: ReadOptions = .init()) -> ReadResult {
        let cwd = options.currentDirectory ?? FileManager.default.currentDirectoryPath
        let layout = Layout(folder: folder, cwd: cwd)
        var findings: [Finding] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.absolute, isDirectory: &isDirectory), isDirectory.boolValue else {
            let message = (FileManager.default.fileExists(atPath: layout.absolute) ? CheckText.folderIsFile : .folderMissing)
                .with(["folder": .text(folder)])
            return ReadResult(manuscript: emptyManuscript(folder),
                              findings: [.error(at: SourceLocation(path: layout.displayRoot), message)], counts: ReadCounts())
        }

        // The files to read, in a fixed order: configuration, then each folder sorted by name.
        var jobs: [Job] = []
        let required: [(String, InputFormat, CheckText)] = [
            ("districts.xml", .districts, .purposeDistricts),
            ("fields.xml", .fields, .purposeFields),
            ("rubric.xml", .rubric, .purposeRubric),
            ("reviewers.xml", .reviewers, .purposeReviewers),
            ("selection.xml", .selection, .purposeSelection),
        ]
        if layout.isFile("book.xml") { jobs.append(Job(relativePath: "book.xml", format: .book)) }
        for (name, format, what) in required {
            if layout.isFile(name) {
                jobs.append(Job(relativePath: name, format: format))
            } else {
                findings.append(.error(at: SourceLocation(path: layout.display(name)),
                                       CheckText.requiredFileMissing.with(["name": .text(name), "what": .message(what.message)])))
            }
        }
        var listed: [String: [String]] = [:]
        for (dir, format, isEdit) in [("submissions", InputFormat.submission, false), ("reviews", .reviews, false), ("edits", .submission, true), ("assignments", .assignments, false)] {
            let (xml, others, special) = layout.list(dir)
            listed[dir] = xml
            jobs += xml.map { Job(relativePath: dir + "/" + $0, format: format, isEdit: isEdit) }
            for name in special {
                findings.append(.error(at: SourceLocation(path: layout.display(dir + "/" + name)),
                                       CheckText.notRegularEntry.message))
            }
            // A README (any extension) is a note for people, not a file someone meant as input.
            for other in others where !other.lowercased().hasPrefix("readme") {
                findings.append(.warning(at: SourceLocation(path: layout.display(dir + "/" + other)),
                                         CheckText.notXmlFile.with(["folder": .text(dir)])))
            }
        }
        if listed["submissions"]!.isEmpty {
            findings.append(.error(at: SourceLocation(path: layout.display("submissions")),
                                   CheckText.noSubmissions.with(["folder": .text(layout.display("submissions"))])))
        }

        // Parse, validate and map every file, on every core.
        var outcomes = readAll(jobs, layout: layout, options: options)

        // Assemble. Each outcome is moved out of its slot (not copied), and the arrays that
        // get one element per file are sized once.
        var input = CheckInput()
        var manuscript = emptyManuscript(folder)
        var counts = ReadCounts()
        input.submissions.reserveCapacity(outcomes.count)
        manuscript.submissions.reserveCapacity(outcomes.count)
        manuscript.inputDigests.reserveCapacity(outcomes.count)
        for i in outcomes.indices {
            guard let o = outcomes[i].take() else { continue }
            findings += o.findings
            // Who reviews what is not an input of the selection: writing it must not make the
            // round records stale.
            if o.format != .assignments { manuscript.inputDigests.merge(o.digests) { a, _ in a } }
            counts.files += o.xmlFiles
            switch o.format {
            case .submission where o.isEdit: counts.edits += 1
            case .submission: counts.submissions += 1
            case .reviews: counts.reviewSheets += 1
            default: break
            }
            if o.unreadable, o.format == .submission, !o.isEdit {
                input.unreadableSubmissionIds.insert(stem(o.relativePath))
            }
            switch o.content {
            case .book(let b): input.book = b; manuscript.book = b.metadata
            case .districts(let d): input.districts = d; manuscript.districts = d.districts
            case .fields(let f): input.fields = f; manuscript.fields = f.fields
            case .rubric(let r): input.rubric = r; manuscript.rubric = r.rubric
            case .reviewers(let r): input.reviewers = r; manuscript.reviewers = r.reviewers; counts.reviewers = r.reviewers.count
            case .selection(let s): input.selection = s; manuscript.selection = s.plan
            case .submission(let s):
                input.submissions.append(s)
                if s.isEdit {
                    if manuscript.edits[s.submission.id] == nil { manuscript.edits[s.submission.id] = s.submission }
                } else {
                    manuscript.submissions.append(s.submission)
                }
            case .reviews(let r):
                input.sheets.append(r)
                manuscript.reviewSheets.append(r.sheet)
                counts.reviews += r.sheet.reviews.count
            case .assignments(let a):
                input.assignments.append(a)
                manuscript.assignments.append(a.assignments)
            case nil: break
            }
        }
        manuscript.submissions.sort { ($0.id, $0.location.path) < ($1.id, $1.location.path) }
        findings += Checks.all(input)
        // The per-file records (hundreds of thousands of small objects for a large manuscript)
        // are released on another thread, while this one finishes and the caller goes on.
        let records = Discarded((outcomes, input))
        outcomes = []
        input = CheckInput()
        DispatchQueue.global(qos: .utility).async { records.drop() }
        findings = findings.sortedForReport()
        counts.filesWithErrors = Set(findings.filter { $0.severity == .error }.map(\.location.path))
            .subtracting([layout.displayRoot, layout.display("submissions")]).count
        return ReadResult(manuscript: manuscript, findings: findings, counts: counts)
    }

    static func emptyManuscript(_ folder: String) -> Manuscript {
        Manuscript(root: folder, book: nil, districts: [], fields: [], rubric: Rubric(min: 0, max: 10, criteria: []),
                   reviewers: [], selection: SelectionPlan(rounds: []), submissions: [], reviewSheets: [], edits: [:],
                   inputDigests: [:])
    }

    struct Job: Sendable {
        var relativePath: String
        var format: InputFormat
        var isEdit = false
    }

    /// Reads the jobs on `workers` threads; each thread has its own compiled schemas.
    /// One outcome per job, in the jobs' order (nil only if a job produced none).
    static func readAll(_ jobs: [Job], layout: Layout, options: ReadOptions) -> [FileOutcome?] {
        guard !jobs.isEmpty else { return [] }
        let workers = max(1, min(options.workers ?? ProcessInfo.processInfo.activeProcessorCount, jobs.count))
        // libxml2 registers its RELAX NG datatype libraries on first use, without a lock:
        // compile and use one schema on this thread before the workers start.
        _ = SchemaModels.all
        if let schema = try? SchemaSet().schema(.districts),
           let doc = try? XMLDocument.parse(Array("<districts><district code=\"a\">A</district></districts>".utf8)) {
            _ = schema.validate(doc)
        }
        let results = ResultSlots(count: jobs.count)
        let next = Counter()
        let finished = Counter()
        let attachmentDigests = DigestCache()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let schemas = SchemaSet()
            while true {
                let i = next.take()
                guard i < jobs.count else { break }
                // Each file's libxml2 tree is freed as soon as its values are mapped.
                let outcome = autoreleasepoolIfNeeded { FileReader(layout: layout, options: options, schemas: schemas, attachmentDigests: attachmentDigests).read(jobs[i]) }
                results.set(i, outcome)
                if let progress = options.progress { progress(finished.take() + 1, jobs.count) }
            }
        }
        return results.take()
    }

    static func stem(_ relativePath: String) -> String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".xml") ? String(name.dropLast(4)) : name
    }
}

@inline(__always) func autoreleasepoolIfNeeded<T>(_ body: () -> T) -> T {
    #if canImport(ObjectiveC)
    return autoreleasepool(invoking: body)
    #else
    return body()
    #endif
}

/// Values to release on another thread: whichever thread lets go of the box last, the values
/// themselves are released by `drop`.
final class Discarded<T>: @unchecked Sendable {
    private var value: T?
    init(_ value: T) { self.value = value }
    func drop() { value = nil }
}

/// A thread-safe index dispenser.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// One slot per job, each written by exactly one worker.
final class ResultSlots: @unchecked Sendable {
    private var slots: [FileOutcome?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: FileOutcome) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    /// The slots themselves, moved out (the workers are done): no outcome is copied.
    func take() -> [FileOutcome?] {
        lock.lock()
        defer { lock.unlock() }
        var taken: [FileOutcome?] = []
        swap(&taken, &slots)
        return taken
    }
}

/// Where the manuscript is, and how its paths are printed.
struct Layout: Sendable {
    /// The folder as given.
    let folder: String
    /// Its absolute path, for reading.
    let absolute: String
    /// The folder as printed: relative to the current directory when an absolute path lies below it.
    let displayRoot: String
    /// Its real path (links resolved): every file read must lie inside it.
    let realRoot: String

    init(folder: String, cwd: String) {
        self.folder = folder
        var f = folder
        while f.count > 1, f.hasSuffix("/") { f.removeLast() }
        let abs = f.hasPrefix("/") ? f : (cwd.hasSuffix("/") ? cwd : cwd + "/") + f
        self.absolute = abs
        self.realRoot = ConfinedFile.realPath(abs) ?? abs
        if f.hasPrefix("/") {
            let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
            if f == cwd { displayRoot = "." } else if f.hasPrefix(base) { displayRoot = String(f.dropFirst(base.count)) } else { displayRoot = f }
        } else {
            displayRoot = f
        }
    }

    func display(_ relativePath: String) -> String {
        displayRoot == "." ? relativePath : displayRoot + "/" + relativePath
    }

    func url(_ relativePath: String) -> URL { URL(fileURLWithPath: absolute + "/" + relativePath) }

    /// A regular file (after following links): not a folder, and not a pipe, socket or device,
    /// which reading could block on or never finish.
    func isFile(_ relativePath: String) -> Bool {
        kind(relativePath) == .regular
    }

    enum EntryKind { case regular, directory, special, missing }

    func kind(_ relativePath: String) -> EntryKind {
        var st = stat()
        guard stat(absolute + "/" + relativePath, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .special
        }
    }

    /// The `.xml` files of a folder (sorted by name), its other visible files, and the visible
    /// entries that are neither files nor folders (pipes, sockets, devices, broken links).
    func list(_ dir: String) -> (xml: [String], others: [String], special: [String]) {
        var visible: [String] = []
        var special: [String] = []
        func classify(_ name: String) {
            switch kind(dir + "/" + name) {
            case .regular: visible.append(name)
            case .directory: break
            case .special, .missing: special.append(name)
            }
        }
        if let entries = visibleEntries(dir) {
            // The directory's own record of each entry's type spares a stat per file; anything
            // but a plain file or a folder (a link, a pipe, an unknown type) is looked at with stat.
            for entry in entries {
                switch entry.type {
                case UInt8(DT_REG): visible.append(entry.name)
                case UInt8(DT_DIR): break
                default: classify(entry.name)
                }
            }
        } else {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute + "/" + dir) else { return ([], [], []) }
            for name in names where !name.hasPrefix(".") { classify(name) }
        }
        visible.sort(by: utf8Precedes)
        special.sort(by: utf8Precedes)
        return (visible.filter { $0.hasSuffix(".xml") }, visible.filter { !$0.hasSuffix(".xml") }, special)
    }

    /// The names not starting with "." in a folder, with their types as the folder records them;
    /// nil when it cannot be read that way or a name is not UTF-8 (then Foundation lists it).
    private func visibleEntries(_ dir: String) -> [(name: String, type: UInt8)]? {
        guard let stream = opendir(absolute + "/" + dir) else { return nil }
        defer { closedir(stream) }
        var out: [(name: String, type: UInt8)] = []
        while let entry = readdir(stream) {
            let name: String? = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                guard raw.first != UInt8(ascii: ".") else { return "" }
                return raw.withMemoryRebound(to: CChar.self) { String(validatingCString: $0.baseAddress!) }
            }
            guard let name else { return nil }
            if !name.isEmpty { out.append((name, entry.pointee.d_type)) }
        }
        return out
    }
}

/// Byte-wise order of the UTF-8 of two strings (the order files are listed and read in).
func utf8Precedes(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        }
    }
}

/// The SHA-256 of `data` in lower-case hex, as the inputs' digests and the caches write it.
public func sha256Hex<D: DataProtocol>(_ data: D) -> String {
    hex(SHA256.hash(data: data))
}

func hex(_ digest: SHA256.Digest) -> String {
    // One 64-byte buffer instead of a String per byte: this runs for every file and attachment.
    return String(unsafeUninitializedCapacity: 64) { out in
        let digits: StaticString = "0123456789abcdef"
        var i = 0
        digest.withUnsafeBytes { bytes in
            for byte in bytes {
                out[i] = digits.utf8Start[Int(byte >> 4)]
                out[i + 1] = digits.utf8Start[Int(byte & 0x0F)]
                i += 2
            }
        }
        return i
    }
}
