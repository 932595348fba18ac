/// Renders a report to files: relative path → content. Pure: identical reports give identical bytes.
public enum AuditRenderer {
    /// Every page and export of the report.
    public static func render(_ report: AuditReport) -> [String: String] {
        var files = pages(RenderContext(report))
        files.merge(exports(report)) { a, _ in a }
        return files
    }

    /// The HTML pages (charts are inline SVG inside them).
    public static func pages(_ report: AuditReport) -> [String: String] {
        pages(RenderContext(report))
    }

    static func pages(_ report: RenderContext) -> [String: String] {
        var files: [String: String] = [
            "index.html": OverviewPage.render(report),
            "candidates.html": CandidatePages.table(report),
            "selection.html": CandidatePages.selection(report),
            "reviewers.html": ReviewerPages.index(report),
        ]
        for c in report.candidates {
            files["candidates/" + Layout.fileName(c.id) + ".html"] = CandidatePages.page(report, c)
        }
        for reviewer in report.reviewers {
            files["reviewers/" + Layout.fileName(reviewer.id) + ".html"] = ReviewerPages.page(report, reviewer)
        }
        return files
    }

    /// `reviews.csv`, `candidates.csv`, `selection.csv`.
    public static func exports(_ report: AuditReport) -> [String: String] {
        [
            "reviews.csv": CSVExport.reviews(report),
            "candidates.csv": CSVExport.candidates(report),
            "selection.csv": CSVExport.selection(report),
        ]
    }
}
