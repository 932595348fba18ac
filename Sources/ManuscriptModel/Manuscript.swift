/// A DocBook 5 fragment written by the editors (a `preface`, or a `partintro`), kept as XML text.
public struct DocBookFragment: Hashable, Sendable, Codable {
    /// Path relative to the manuscript folder.
    public var path: String
    /// The root element, serialised, with the DocBook namespace declared on it.
    public var xml: String
    public init(path: String, xml: String) {
        self.path = path
        self.xml = xml
    }
}

public struct Editor: Hashable, Sendable, Codable {
    public var name: String
    /// `@role`, e.g. "chief" (Chủ biên) or "member"; free text.
    public var role: String?
    public init(name: String, role: String?) {
        self.name = name
        self.role = role
    }
}

/// How entries are ordered inside a part.
public enum EntryOrder: String, Hashable, Sendable, Codable {
    /// By district (districts.xml order), then title (Vietnamese collation), then id.
    case district
    /// By final rank (best first).
    case rank
}

/// book.xml: the book's title page, front matter and part introductions.
public struct BookMetadata: Hashable, Sendable, Codable {
    public var language: String
    public var title: String
    public var subtitle: String?
    public var editors: [Editor]
    public var publisher: String?
    public var year: Int?
    /// The publication date; also the build's date (never the clock).
    public var date: CalendarDate?
    /// `preface` fragments, in order.
    public var front: [DocBookFragment]
    /// `partintro` fragments by field code.
    public var partIntros: [String: DocBookFragment]
    public var entryOrder: EntryOrder

    public init(language: String = "vi", title: String, subtitle: String? = nil, editors: [Editor] = [],
                publisher: String? = nil, year: Int? = nil, date: CalendarDate? = nil,
                front: [DocBookFragment] = [], partIntros: [String: DocBookFragment] = [:],
                entryOrder: EntryOrder = .district) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.editors = editors
        self.publisher = publisher
        self.year = year
        self.date = date
        self.front = front
        self.partIntros = partIntros
        self.entryOrder = entryOrder
    }
}

/// Everything read from a manuscript folder.
public struct Manuscript: Hashable, Sendable, Codable {
    /// The folder as given on the command line.
    public var root: String
    public var book: BookMetadata?
    public var districts: [District]
    public var fields: [Field]
    public var rubric: Rubric
    public var reviewers: [Reviewer]
    public var selection: SelectionPlan
    /// Sorted by id.
    public var submissions: [Submission]
    /// Sorted by file name.
    public var reviewSheets: [ReviewSheet]
    /// Editors' revised texts, by submission id.
    public var edits: [String: Submission]
    /// SHA-256 (lowercase hex) of every input file read, by path relative to the manuscript folder.
    public var inputDigests: [String: String]
    /// Who reviews what, one entry per file of assignments/, in file-name order.
    public var assignments: [RoundAssignments]

    public init(root: String, book: BookMetadata?, districts: [District], fields: [Field], rubric: Rubric,
                reviewers: [Reviewer], selection: SelectionPlan, submissions: [Submission],
                reviewSheets: [ReviewSheet], edits: [String: Submission], inputDigests: [String: String],
                assignments: [RoundAssignments] = []) {
        self.root = root
        self.book = book
        self.districts = districts
        self.fields = fields
        self.rubric = rubric
        self.reviewers = reviewers
        self.selection = selection
        self.submissions = submissions
        self.reviewSheets = reviewSheets
        self.edits = edits
        self.inputDigests = inputDigests
        self.assignments = assignments
    }

    /// Every review of every sheet, in sheet then document order.
    public var reviews: [Review] { reviewSheets.flatMap(\.reviews) }
    /// Every declared conflict of every sheet.
    public var declaredConflicts: [DeclaredConflict] { reviewSheets.flatMap(\.conflicts) }
}

extension String {
    /// Runs of whitespace become one space; leading and trailing whitespace is dropped.
    /// Used to compare unit names (conflicts of interest, the `unit` quota dimension).
    public var whitespaceCollapsed: String {
        isCollapsedLatin ? self : split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether the string is already collapsed and made only of printable ASCII and Latin letters
    /// (U+00C0–U+024F, U+1E00–U+1EFF: all of Vietnamese in NFC). In those ranges every scalar is a
    /// character of its own and only U+0020 is whitespace, so the answer is exact without looking
    /// up Unicode properties (conflicts of interest compare unit names for every reviewer and candidate).
    private var isCollapsedLatin: Bool {
        var afterSpace = true
        for v in unicodeScalars {
            switch v.value {
            case 0x20:
                if afterSpace { return false }
                afterSpace = true
            case 0x21...0x7E, 0xC0...0x24F, 0x1E00...0x1EFF:
                afterSpace = false
            default:
                return false
            }
        }
        return !afterSpace || isEmpty
    }
}
