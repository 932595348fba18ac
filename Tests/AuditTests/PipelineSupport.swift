import Audit
import Foundation
import Pipeline
import ManuscriptGenerator
import ManuscriptModel
import ManuscriptReader
import Selection

/// The real way to a report: a generated manuscript (one title made hostile), read by the reader,
/// selected and recorded as `modelbook select` does, the chain checked as `modelbook audit` does,
/// the report built, rendered and written.
struct PipelineRun {
    static let hostileTitle = "Mô hình <script>alert(1)</script> “Dân vận khéo” \"quoted\" & 'single' </title>"

    let folder: URL
    let manuscript: Manuscript
    let run: SelectionRun
    let report: AuditReport
    let files: [String: String]
    /// The written report.
    let site: URL
    /// The submission whose title is `hostileTitle`.
    let hostileID: String

    var root: String { folder.path }

    /// `record: false` leaves `rounds/` empty (the report must still render and say so).
    /// `order` replaces book.xml's `<order by="district"/>` (the generator's) with that order.
    static func make(_ tag: String, submissions: Int = 96, record: Bool = true, order: String? = nil) throws -> PipelineRun {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("modelbook-audit-\(tag)-\(UUID().uuidString)")
        try ManuscriptGenerator.generate(into: folder, options: GeneratorOptions(submissions: submissions, seed: 7))
        if let order {
            let book = folder.appendingPathComponent("book.xml")
            let text = try String(contentsOf: book, encoding: .utf8)
            guard text.contains("<order by=\"district\"/>") else { throw Failure("book.xml has no <order by=\"district\"/>") }
            try text.replacingOccurrences(of: "<order by=\"district\"/>", with: "<order by=\"\(order)\"/>")
                .write(to: book, atomically: true, encoding: .utf8)
        }
        // Make one submission's title hostile: markup characters and quotes, escaped in the XML.
        let subs = folder.appendingPathComponent("submissions")
        let first = try FileManager.default.contentsOfDirectory(atPath: subs.path).filter { $0.hasSuffix(".xml") }.sorted()[0]
        let file = subs.appendingPathComponent(first)
        var text = try String(contentsOf: file, encoding: .utf8)
        let open = try require2(text.range(of: "<title>"))
        let close = try require2(text.range(of: "</title>", range: open.upperBound..<text.endIndex))
        let escaped = hostileTitle.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        text.replaceSubrange(open.upperBound..<close.lowerBound, with: escaped)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let hostileID = String(first.dropLast(4))

        let result = ManuscriptReader.read(folder: folder.path)
        let errors = result.findings.filter { $0.severity == .error }
        guard errors.isEmpty else { throw Failure(errors.map(\.formatted).joined(separator: "\n")) }
        let m = result.manuscript
        let run = try Selection.run(m)
        if record {
            for r in run.rounds { _ = try RecordStore.record(r, manuscript: m, tool: "test") }
        }
        let chain = Steps.chainStatus(m, run: run, tool: "test")
        let report = AuditReport.make(manuscript: m, run: run, chain: chain)
        let files = AuditRenderer.render(report)
        let site = folder.appendingPathComponent("build/audit")
        try AuditWriter.write(files, to: site)
        return PipelineRun(folder: folder, manuscript: m, run: run, report: report, files: files, site: site,
                           hostileID: hostileID)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func csv(_ name: String) throws -> (header: [String], rows: [[String: String]]) {
        try CSVParser.records(String(contentsOf: site.appendingPathComponent(name), encoding: .utf8))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    static func require2<T>(_ x: T?) throws -> T {
        guard let x else { throw Failure("expected text missing") }
        return x
    }
}

