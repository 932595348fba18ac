import BookWriter
import Foundation
import ManuscriptModel

/// A submission as the book shows it (title, kind, unit and district, people, summary, body, results,
/// endorsement, attachments), for the reviewer's page: in the book's words and number style, whatever
/// language the desk speaks, since the submission's own text is in the book's language. Text from the manuscript is escaped here, once;
/// the fragments marked `html` are safe to insert as markup. Figures and attachments point at
/// `/attachments/<submission>/<n>`, the n-th attachment of the submission (from 0).
public struct SubmissionView: Encodable, Sendable, Equatable {
    public struct PersonView: Encodable, Sendable, Equatable { public var role: String; public var name: String }
    public struct ResultView: Encodable, Sendable, Equatable {
        public var labelHTML: String
        public var value: String
        public var baseline: String?
        public var unit: String?
    }
    public struct AttachmentView: Encodable, Sendable, Equatable {
        public var url: String
        public var type: String
        public var captionHTML: String
        public var isImage: Bool
    }

    public var id: String
    public var title: String
    public var kind: String
    public var field: String
    public var unit: String
    public var unitLevel: String
    public var district: String
    public var registered: String
    public var period: String
    public var people: [PersonView]
    public var summaryHTML: String
    public var bodyHTML: String
    public var results: [ResultView]
    public var endorsement: String?
    public var attachments: [AttachmentView]

    public init(_ s: Submission, manuscript m: Manuscript) {
        let attachmentIndex = Dictionary(s.attachments.enumerated().map { ($1.href, $0) }, uniquingKeysWith: { a, _ in a })
        func url(_ i: Int) -> String { "/attachments/\(s.id)/\(i)" }
        id = s.id
        title = s.title.plainText
        kind = Vietnamese.kind(s.kind)
        field = m.fields.first { $0.code == s.field }?.name ?? s.field
        unit = s.unit.name
        unitLevel = Vietnamese.unitLevel(s.unit.level)
        district = m.districts.first { $0.code == s.unit.district }?.name ?? s.unit.district
        registered = s.registered.description
        period = Vietnamese.period(s.period)
        people = s.people.map { PersonView(role: Vietnamese.role($0.role), name: $0.name) }
        // The summary's and the body's footnotes are numbered together and listed after the body.
        var text = HTMLOutput { ref in attachmentIndex[ref].map(url) }
        text.write(s.summary)
        summaryHTML = text.take()
        text.write(s.body, headingLevel: 3)
        text.writeFootnotes()
        bodyHTML = text.take()
        results = (s.results ?? []).map {
            ResultView(labelHTML: HTMLOutput.inline($0.label), value: Vietnamese.number($0.valueText),
                       baseline: $0.baselineText.map(Vietnamese.number), unit: $0.unit)
        }
        endorsement = s.endorsement.map { "\($0.by) (\(Vietnamese.endorsementLevel($0.level))), \(Vietnamese.date($0.date))" }
        attachments = s.attachments.enumerated().map { i, a in
            AttachmentView(url: url(i), type: a.type, captionHTML: HTMLOutput.inline(a.caption), isImage: a.type.hasPrefix("image/"))
        }
    }
}
