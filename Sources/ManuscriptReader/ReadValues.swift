import ManuscriptModel

/// A value with the place it was written (an element, or an attribute inside its start tag).
struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    var value: Value
    var at: SourceLocation
}

// What each file yielded: the model values plus the places the checks point at.

struct DistrictsRead: Sendable {
    var districts: [District] = []
    /// `@code` of each district.
    var codeAt: [SourceLocation] = []
}

struct FieldsRead: Sendable {
    var fields: [Field] = []
    var codeAt: [SourceLocation] = []
}

struct RubricRead: Sendable {
    var rubric = Rubric(min: 0, max: 10, criteria: [])
    var minAt: SourceLocation
    var maxAt: SourceLocation
    var keyAt: [SourceLocation] = []
    var weightAt: [SourceLocation] = []
    /// False when min or max could not be read as numbers (the range checks are then skipped).
    var scaleRead = true
}

struct ReviewersRead: Sendable {
    var reviewers: [Reviewer] = []
    var idAt: [SourceLocation] = []
    var districtAt: [SourceLocation] = []
}

struct RoundRead: Sendable {
    var idAt: SourceLocation
    var typeRead: Bool
    var quotaValueAt: [SourceLocation?] = []
    var quotaMinAt: [SourceLocation] = []
    var includeAt: [SourceLocation] = []
    var excludeAt: [SourceLocation] = []
    /// `start`/`end` of every `require` as written (for the calendar checks).
    var months: [Located<String>] = []
    /// Every month range of a `require` (start, end) for the order check.
    var ranges: [(start: Located<String>, end: Located<String>)] = []
}

struct SelectionRead: Sendable {
    var plan = SelectionPlan(rounds: [])
    var rounds: [RoundRead] = []
}

struct AttachmentRead: Sendable {
    var href: Located<String>
    var sha256: Located<String>
    /// Relative to the manuscript folder, when the href stays inside attachments/.
    var relativePath: String?
    /// SHA-256 of the file's bytes; nil when the file does not exist or the href is unsafe.
    var actualDigest: String?
    var exists: Bool
}

struct SubmissionRead: Sendable {
    var submission: Submission
    var isEdit: Bool
    /// The file name without `.xml`.
    var fileStem: String
    var idAt: SourceLocation
    var fieldAt: SourceLocation
    var districtAt: SourceLocation
    /// Every `YYYY-MM-DD` as written: registered, endorsement/@date.
    var dates: [Located<String>] = []
    var periodStart: Located<String>?
    var periodEnd: Located<String>?
    var attachments: [AttachmentRead] = []
    var figures: [Located<String>] = []
    var links: [Located<String>] = []
}

struct ScoreRead: Sendable {
    var criterion: Located<String>
    var value: Located<Double>?
}

struct ReviewRead: Sendable {
    var at: SourceLocation
    var submissionAt: SourceLocation
    var date: Located<String>
    var scores: [ScoreRead]
}

struct SheetRead: Sendable {
    var sheet: ReviewSheet
    var reviewerAt: SourceLocation
    var roundAt: SourceLocation
    var reviews: [ReviewRead] = []
    var conflictAt: [SourceLocation] = []
}

struct AssignmentsRead: Sendable {
    var assignments: RoundAssignments
    /// The file name without `.xml`.
    var fileStem: String
    var roundAt: SourceLocation
    /// `@id` of each `reviewer`, in file order.
    var reviewerAt: [SourceLocation] = []
    /// `@id` of each `submission`, per reviewer, in file order.
    var submissionAt: [[SourceLocation]] = []
    /// Each `submission` element, per reviewer (where a conflicted assignment is pointed at).
    var submissionElementAt: [[SourceLocation]] = []
}

struct BookRead: Sendable {
    var metadata: BookMetadata
    var introFieldAt: [Located<String>] = []
    var dates: [Located<String>] = []
}

/// The values of one input file.
enum FileContent: Sendable {
    case book(BookRead)
    case districts(DistrictsRead)
    case fields(FieldsRead)
    case rubric(RubricRead)
    case reviewers(ReviewersRead)
    case selection(SelectionRead)
    case submission(SubmissionRead)
    case reviews(SheetRead)
    case assignments(AssignmentsRead)
}

/// What reading one file gave: its values when it could be parsed, its findings, its digests.
struct FileOutcome: Sendable {
    var relativePath: String
    var displayPath: String
    var format: InputFormat
    var isEdit = false
    var content: FileContent?
    var findings: [Finding] = []
    /// Digests of this file and of the files it pulled in (fragments, attachments), by relative path.
    var digests: [String: String] = [:]
    /// The file could not be parsed at all (nothing in it was read).
    var unreadable = false
    /// XML files read for this one (itself and any DocBook fragments).
    var xmlFiles = 1
}
