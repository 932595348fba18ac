import ManuscriptModel
import Messages

/// The finished book as values: what both the DocBook writer and the plain-text renderer print,
/// so the two can never disagree. Built by `Book.init(manuscript:selection:fallbackDate:)`.
///
/// Shape: front matter (editors' prefaces), one part per field (fields.xml order, fields without
/// selected entries left out), one chapter per selected entry numbered 1…n across the whole book,
/// two appendices (how the selection was made; the list of selected entries), two indexes
/// (districts, units).
public struct Book: Hashable, Sendable {
    public var language: String
    public var title: String
    public var subtitle: String?
    public var editors: [Editor]
    public var publisher: String?
    /// The publication year as printed (`pubdate`).
    public var pubdate: String?
    /// book.xml `date`: the publication day (also the PDF's creation date).
    public var date: CalendarDate?
    public var front: [Preface]
    public var parts: [Part]
    public var appendices: [Appendix]
    public var indexes: [Index]

    /// The language of the words the program adds to the book (`BookText`): the book's own
    /// (`xml:lang` of book.xml), Vietnamese when it is neither Vietnamese nor English.
    public var words: Language { Language(code: language) ?? .vi }

    /// Every entry in book order (chapter 1 first).
    public var entries: [Entry] { parts.flatMap(\.entries) }
}

extension Book {
    /// An editor's preface: the DocBook text as written (embedded raw in DocBook) and the same
    /// content read back into blocks (for plain text).
    public struct Preface: Hashable, Sendable {
        public var fragment: DocBookFragment
        public var title: String
        public var blocks: [Block]
    }

    /// One field of fields.xml: a part of the book.
    public struct Part: Hashable, Sendable {
        /// `xml:id`; contains `_`, which no submission id can, so the two never collide.
        public var id: String
        /// Roman numeral, I, II, …
        public var label: String
        public var field: Field
        public var intro: DocBookFragment?
        /// The intro read back into blocks, for plain text.
        public var introBlocks: [Block]
        public var entries: [Entry]
    }

    /// One selected submission: a chapter.
    public struct Entry: Hashable, Sendable {
        /// `xml:id`: the submission id made an NCName (see `Book.xmlID(forSubmission:)`).
        public var id: String
        /// Chapter number, 1…n across the book.
        public var number: Int
        public var submission: String
        public var kind: SubmissionKind
        public var title: [Inline]
        public var field: Field
        public var unit: SubmittingUnit
        public var district: District
        public var period: Period
        public var people: [Person]
        public var summary: [Inline]
        /// The body with every block that followed a section moved to the end of that section,
        /// so that sections come last at every level (DocBook's content model demands it).
        public var body: [Block]
        /// Results as a table ("Chỉ tiêu", "Trước", "Sau"), nil when there are none.
        public var results: Table?
        public var endorsement: Endorsement?
        /// Figure caption fallbacks: attachment captions by href.
        public var attachmentCaptions: [String: [Inline]]
        public var selection: BookSelection.Entry
        /// The text came from `edits/` rather than the original submission.
        public var edited: Bool

        /// Label/value lines shown under the title (kind, unit, district, period, people), labelled in
        /// the book's language.
        public func facts(in words: Language) -> [(term: String, value: [Inline])] {
            var out: [(String, [Inline])] = [
                (BookText.kind.template(in: words), [.text(Vietnamese.kind(kind))]),
                (BookText.unit.template(in: words), [.text(unit.name + " (" + Vietnamese.unitLevel(unit.level) + ")")]),
                (BookText.district.template(in: words), [.text(district.name)]),
                (BookText.period.template(in: words), [.text(Vietnamese.period(period))]),
            ]
            if !people.isEmpty {
                let names = people.map { $0.name + " (" + Vietnamese.role($0.role) + ")" }
                out.append(((people.count == 1 ? BookText.person : BookText.people).template(in: words),
                            [.text(names.joined(separator: ", "))]))
            }
            return out
        }
    }

    /// An appendix built by the book writer (content as ordinary blocks).
    public struct Appendix: Hashable, Sendable {
        public var id: String
        /// A, B, …
        public var label: String
        public var title: String
        public var blocks: [Block]
    }

    public enum IndexKind: String, Hashable, Sendable {
        case district, unit
    }

    /// An index whose content is computed here (sorted and grouped in Vietnamese order).
    public struct Index: Hashable, Sendable {
        public var id: String
        public var kind: IndexKind
        public var title: String
        public var groups: [IndexGroup]
    }

    /// The entries under one letter of the Vietnamese alphabet.
    public struct IndexGroup: Hashable, Sendable {
        public var letter: String
        public var terms: [IndexTerm]
    }

    public struct IndexTerm: Hashable, Sendable {
        /// The term as printed in the index.
        public var term: String
        /// Entry ids (`xml:id`) in book order.
        public var entryIDs: [String]
        /// Chapter numbers, in book order.
        public var chapters: [Int]
    }
}
