@_exported import Diagnostics

public enum SubmissionKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A collective model (mô hình).
    case model
    /// An individual typical example (điển hình).
    case example
}

public enum UnitLevel: String, Hashable, Sendable, Codable, CaseIterable {
    case province, district, commune, agency, enterprise, armedForces = "armed-forces", school, other
}

public enum PersonRole: String, Hashable, Sendable, Codable, CaseIterable {
    case lead, member, subject
}

/// The submitting unit: its name, level and district.
public struct SubmittingUnit: Hashable, Sendable, Codable {
    public var name: String
    public var level: UnitLevel
    /// A code of districts.xml.
    public var district: String
    public init(name: String, level: UnitLevel, district: String) {
        self.name = name
        self.level = level
        self.district = district
    }
}

public struct Period: Hashable, Sendable, Codable {
    public var start: YearMonth
    /// nil: ongoing.
    public var end: YearMonth?
    public init(start: YearMonth, end: YearMonth?) {
        self.start = start
        self.end = end
    }
}

public struct Person: Hashable, Sendable, Codable {
    public var role: PersonRole
    public var name: String
    public init(role: PersonRole, name: String) {
        self.role = role
        self.name = name
    }
}

/// One measured result: `value` against an optional `baseline`, in `unit`.
public struct Indicator: Hashable, Sendable, Codable {
    public var key: String
    public var unit: String?
    public var value: Double
    /// The number exactly as written, for printing without float noise.
    public var valueText: String
    public var baseline: Double?
    public var baselineText: String?
    public var label: [Inline]
    public init(key: String, unit: String?, value: Double, valueText: String,
                baseline: Double?, baselineText: String?, label: [Inline]) {
        self.key = key
        self.unit = unit
        self.value = value
        self.valueText = valueText
        self.baseline = baseline
        self.baselineText = baselineText
        self.label = label
    }
}

public struct Endorsement: Hashable, Sendable, Codable {
    public var by: String
    public var level: String
    public var date: CalendarDate
    public init(by: String, level: String, date: CalendarDate) {
        self.by = by
        self.level = level
        self.date = date
    }
}

public struct Attachment: Hashable, Sendable, Codable {
    /// Relative to `manuscript/attachments/`.
    public var href: String
    public var sha256: String
    public var type: String
    public var caption: [Inline]
    public var location: SourceLocation
    public init(href: String, sha256: String, type: String, caption: [Inline], location: SourceLocation) {
        self.href = href
        self.sha256 = sha256
        self.type = type
        self.caption = caption
        self.location = location
    }
}

/// One candidate: a model or a typical example, as submitted (or as edited, for `edits/`).
public struct Submission: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var kind: SubmissionKind
    /// `xml:lang`, when given.
    public var language: String?
    public var title: [Inline]
    /// A code of fields.xml.
    public var field: String
    public var unit: SubmittingUnit
    public var registered: CalendarDate
    public var period: Period
    public var people: [Person]
    public var summary: [Inline]
    public var body: [Block]
    /// nil when the `results` element is absent.
    public var results: [Indicator]?
    public var endorsement: Endorsement?
    public var attachments: [Attachment]
    /// Where the submission's root element is (its file, as printed in findings).
    public var location: SourceLocation
    /// Set when the reader was asked not to keep the text (`ReadOptions.keepsText` off, for
    /// commands that only check or select): `summary` and `body` are then empty, and this is the
    /// body's word count, the only thing of the text that the selection uses. nil when the text is kept.
    public var bodyWordsOfDroppedText: Int?

    /// The body's words as formats.md counts them (`WordCount.body`), also when the text was dropped.
    public var bodyWords: Int { bodyWordsOfDroppedText ?? WordCount.body(body) }

    /// Leaves out the summary and the body, keeping the body's word count.
    public mutating func dropText() {
        guard bodyWordsOfDroppedText == nil else { return }
        bodyWordsOfDroppedText = WordCount.body(body)
        summary = []
        body = []
    }

    public init(id: String, kind: SubmissionKind, language: String?, title: [Inline], field: String,
                unit: SubmittingUnit, registered: CalendarDate, period: Period, people: [Person],
                summary: [Inline], body: [Block], results: [Indicator]?, endorsement: Endorsement?,
                attachments: [Attachment], location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.language = language
        self.title = title
        self.field = field
        self.unit = unit
        self.registered = registered
        self.period = period
        self.people = people
        self.summary = summary
        self.body = body
        self.results = results
        self.endorsement = endorsement
        self.attachments = attachments
        self.location = location
    }
}
