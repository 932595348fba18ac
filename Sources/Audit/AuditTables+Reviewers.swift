import ManuscriptModel
import Messages

/// The reviewers' tables: all reviewers, one reviewer's leniency and conflicts of interest.
extension AuditTables {
    /// All reviewers with their reviews and offsets, sortable.
    static func reviewers(_ r: RenderContext) -> AuditTable<AuditReport.ReviewerRow> {
        typealias Cell = AuditTable<AuditReport.ReviewerRow>.Cell
        func counted(_ reviewer: AuditReport.ReviewerRow) -> Int { r.reviews(by: reviewer.id).filter(\.counted).count }
        return AuditTable(columns: [
            .init(heading: .text(.id)) {
                Cell("<a href=\"\(Layout.href("reviewers", $0.id, from: ""))\">\($0.id)</a>", class: "id")
            },
            .init(heading: .text(.name)) { Cell("\($0.name)") },
            .init(heading: .text(.district)) { Cell("\(r.districtName($0.district))") },
            .init(heading: .text(.unit)) { Cell("\($0.unit)") },
            .init(heading: .number(.reviews)) { .count(r.reviews(by: $0.id).count) },
            .init(heading: .number(.counted)) { .count(counted($0)) },
            .init(heading: .number(.notCounted)) { .count(r.reviews(by: $0.id).count - counted($0)) },
            .init(heading: .number(.offset)) { reviewer in
                let offsets: HTML = reviewer.leniency.isEmpty ? "—" :
                    reviewer.leniency.map { "<span class=\"id\">\($0.round)</span>: \(Format.signed($0.offset))" as HTML }
                    .joined(separator: "<br>")
                return Cell(offsets, class: "n", sortKey: reviewer.leniency.last.map { Format.exact($0.offset) } ?? "")
            },
            .init(heading: .number(.conflicts)) { .count($0.conflicts.count) },
        ], rows: r.reviewers, page: .init(class: "sortable", scrolls: true))
    }

    /// One reviewer's leniency, round by round.
    static func leniency(_ reviewer: AuditReport.ReviewerRow) -> AuditTable<AuditReport.Leniency> {
        typealias Cell = AuditTable<AuditReport.Leniency>.Cell
        return AuditTable(columns: [
            .init(heading: .text(.round)) { Cell("\($0.round)", class: "id") },
            .init(heading: .number(.reviewCount)) { Cell("\($0.count)", class: "n") },
            .init(heading: .number(.meanTotal)) { Cell("\(Format.number($0.mean, 3))", class: "n") },
            .init(heading: .number(.standardDeviation, title: .standardDeviationExplained)) {
                Cell("\(Format.number($0.standardDeviation, 3))", class: "n")
            },
            .init(heading: .number(.offsetFromRoundMean)) { Cell("\(Format.signed($0.offset, 3))", class: "n") },
            .init(heading: .text(.normalisation)) { Cell("\($0.keptRaw ?? "")") },
        ], rows: reviewer.leniency, page: .init(lineBreaks: .none))
    }

    /// One reviewer's declared conflicts of interest.
    static func conflicts(_ r: RenderContext, _ reviewer: AuditReport.ReviewerRow) -> AuditTable<AuditReport.Conflict> {
        typealias Cell = AuditTable<AuditReport.Conflict>.Cell
        return AuditTable(columns: [
            .init(heading: .text(.submission)) {
                Cell("<a href=\"\(Layout.href("candidates", $0.submission, from: "reviewers"))\">\($0.submission)</a>", class: "id")
            },
            .init(heading: .text(.title)) { Cell("\(r.candidate($0.submission)?.title ?? "")") },
            .init(heading: .text(.conflictKind)) { Cell("\(Words.conflict($0.kind))") },
            .init(heading: .text(.detail)) { Cell("\($0.detail)") },
        ], rows: reviewer.conflicts, page: .init(lineBreaks: .none))
    }
}
