import Selection
/// A report with its lookups built once, so rendering 10,000 candidate pages stays linear:
/// every page asks for "this candidate's reviews" or "this field's name" by dictionary.
/// Stored properties of the report read through (`context.rubric`).
@dynamicMemberLookup
struct RenderContext {
    let report: AuditReport
    let cutoff: Double?
    let selectionInBookOrder: [AuditReport.Candidate]
    let rankedCount: Int
    private let candidatesByID: [String: AuditReport.Candidate]
    private let reviewsBySubmission: [String: [ReviewOutcome]]
    private let reviewsByReviewer: [String: [ReviewOutcome]]
    private let fieldNames: [String: String]
    private let districtNames: [String: String]

    init(_ report: AuditReport) {
        self.report = report
        cutoff = report.cutoff
        selectionInBookOrder = report.selectionInBookOrder
        rankedCount = report.candidates.count { $0.rank != nil }
        candidatesByID = Dictionary(report.candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = report.reviewsInOrder
        reviewsBySubmission = Dictionary(grouping: ordered, by: \.submission)
        reviewsByReviewer = Dictionary(grouping: report.reviews(byAny: ordered), by: \.reviewer)
        fieldNames = Dictionary(report.fields.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        districtNames = Dictionary(report.districts.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    subscript<T>(dynamicMember path: KeyPath<AuditReport, T>) -> T { report[keyPath: path] }

    func candidate(_ id: String) -> AuditReport.Candidate? { candidatesByID[id] }
    func reviews(of submission: String) -> [ReviewOutcome] { reviewsBySubmission[submission] ?? [] }
    func reviews(by reviewer: String) -> [ReviewOutcome] { reviewsByReviewer[reviewer] ?? [] }
    func fieldName(_ code: String) -> String { fieldNames[code] ?? code }
    func districtName(_ code: String) -> String { districtNames[code] ?? code }
}
