import Foundation
import ManuscriptModel
import Selection
import XMLKit

/// What `verify` found: problems as findings (`path:line:col: error: …`) and one summary line per record.
public struct VerifyReport: Sendable {
    public var findings: [Finding]
    public var summary: [String]
    public var ok: Bool { findings.errorCount == 0 }
}

/// A round's record body computed again from the present inputs, or why it cannot be.
public enum RecomputeOutcome: Sendable {
    case body(String)
    case failed([Finding])
}

public enum RecordVerifier {
    /// Walks the chain of records in `<root>/rounds/`.
    ///
    /// - Each record's `previous-sha256` must be the SHA-256 of the previous file's bytes (none on the first),
    ///   numbers must run 1, 2, 3, … and agree with the file name and the root element.
    /// - Its inputs are compared with `currentDigests`: for the latest record of a round, any input changed,
    ///   removed or added since is an error (the record no longer describes the manuscript); for older
    ///   records it is a note.
    /// - A record whose inputs all still have the recorded digests is recomputed and must be identical,
    ///   line for line; the first differing line is reported where it is.
    public static func verify(root: String, currentDigests: [String: String]?,
                              recompute: ((String) -> RecomputeOutcome)?) -> VerifyReport {
        let records = RecordStore.list(root: root)
        var findings: [Finding] = []
        var summary: [String] = []
        if records.isEmpty {
            summary.append("no round records in \(RecordStore.join(root, RecordStore.folder)): nothing to verify")
            return VerifyReport(findings: [], summary: summary)
        }
        let latestOfRound = Dictionary(records.map { ($0.round, $0.number) }, uniquingKeysWith: { max($0, $1) })
        var previousBytes: [UInt8]?
        var recomputed: [String: RecomputeOutcome] = [:]
        for (i, record) in records.enumerated() {
            let start = SourceLocation(path: record.path)
            defer { previousBytes = FileManager.default.contents(atPath: record.path).map(Array.init) }
            var problems = 0
            func error(_ at: SourceLocation, _ message: String, notes: [Finding.Note] = []) {
                findings.append(.error(at: at, message, notes: notes))
                problems += 1
            }
            if i == 0, record.number != 1 {
                error(start, "the first record is numbered \(record.number), not 1: earlier records are missing")
            } else if i > 0, record.number != records[i - 1].number + 1 {
                error(start, "record \(record.number) follows record \(records[i - 1].number): a record is missing or numbered twice")
            }
            guard let data = FileManager.default.contents(atPath: record.path) else {
                error(start, "cannot read the record")
                continue
            }
            let bytes = Array(data)
            let doc: XMLDocument
            do {
                doc = try XMLDocument.parse(bytes)
            } catch {
                for p in error.problems {
                    findings.append(.error(at: SourceLocation(path: record.path, line: p.line, column: p.column),
                                           "the record is not well-formed XML: \(p.message)"))
                }
                summary.append("\(record.path): damaged")
                continue
            }
            let rootEl = doc.root
            func at(_ e: XMLElement, _ attribute: String? = nil) -> SourceLocation {
                let p = attribute.map { e.position(ofAttribute: $0) } ?? e.position
                return SourceLocation(path: record.path, line: p.line, column: p.column)
            }
            if rootEl.name != RoundRecord.rootName {
                error(at(rootEl), "the root element is <\(rootEl.name)>, not <\(RoundRecord.rootName)>")
                summary.append("\(record.path): not a round record")
                continue
            }
            if rootEl.attribute("number") != String(record.number) {
                error(at(rootEl, "number"), "the record says number \(rootEl.attribute("number") ?? "(none)") but its file name says \(record.number)")
            }
            if rootEl.attribute("round") != record.round {
                error(at(rootEl, "round"), "the record says round \(rootEl.attribute("round") ?? "(none)") but its file name says \(record.round)")
            }
            // The chain.
            let link = rootEl.attribute("previous-sha256")
            if i == 0 {
                if link != nil {
                    error(at(rootEl, "previous-sha256"), "the first record links to a previous record: records before it are missing")
                }
            } else if let previousBytes {
                let expected = RecordStore.sha256(previousBytes)
                if link != expected {
                    error(at(rootEl, "previous-sha256"),
                          "\(records[i - 1].relativePath) was changed after this record was written "
                              + "(its SHA-256 is \(expected), this record links to \(link ?? "nothing"))")
                }
            }
            // Inputs.
            var recorded: [String: String] = [:]
            var inputElement: [String: XMLElement] = [:]
            for e in rootEl.element(named: "inputs")?.elements(named: "input") ?? [] {
                if let p = e.attribute("path"), let d = e.attribute("sha256") {
                    recorded[p] = d
                    inputElement[p] = e
                }
            }
            var inputsChanged = false
            if let current = currentDigests {
                var notes: [Finding.Note] = []
                for p in recorded.keys.sorted(by: byteOrder) where current[p] != recorded[p] {
                    let where_ = inputElement[p].map { at($0, "sha256") }
                    notes.append(.init(location: where_, message: current[p] == nil ? "\(p) is gone" : "\(p) has changed"))
                }
                for p in current.keys.sorted(by: byteOrder) where recorded[p] == nil {
                    notes.append(.init(message: "\(p) is new"))
                }
                inputsChanged = !notes.isEmpty
                if inputsChanged {
                    if latestOfRound[record.round] == record.number {
                        error(at(rootEl), "the inputs changed after this record of round \(record.round) was written; "
                                  + "run `modelbook select` to record results for the present inputs", notes: notes)
                    } else {
                        findings.append(Finding(.note, at: at(rootEl),
                                                "an older record of round \(record.round); \(notes.count) input(s) differ from today's"))
                    }
                }
            }
            // Results.
            var resultState = "not recomputed"
            if let recompute, currentDigests != nil, !inputsChanged {
                if recomputed[record.round] == nil { recomputed[record.round] = recompute(record.round) }
                switch recomputed[record.round]! {
                case .failed(let why):
                    error(at(rootEl), "round \(record.round) cannot be computed again from the same inputs",
                          notes: why.map { .init(location: $0.location, message: $0.message) })
                    resultState = "cannot be recomputed"
                case .body(let fresh):
                    let text = String(decoding: bytes, as: UTF8.self)
                    if let stored = RecordStore.body(ofRecord: text), stored == fresh {
                        resultState = "results recomputed and identical"
                    } else {
                        let (line, col, was, now) = firstDifference(text, fresh)
                        error(SourceLocation(path: record.path, line: line, column: col),
                              "this record does not match the results computed again from the same inputs",
                              notes: [.init(message: "recorded:   \(was)"), .init(message: "recomputed: \(now)")])
                        resultState = "results differ"
                    }
                }
            } else if inputsChanged {
                resultState = "inputs changed since"
            }
            summary.append("\(record.path): " + (problems == 0 ? "ok" : "\(problems) problem(s)")
                           + (i == 0 ? ", first of the chain" : ", chained") + ", \(resultState)")
        }
        return VerifyReport(findings: findings, summary: summary)
    }

    /// The first line (1-based, counted in the whole file) where a stored record and a fresh body differ.
    static func firstDifference(_ stored: String, _ freshBody: String) -> (Int, Int, String, String) {
        let s = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let f = freshBody.split(separator: "\n", omittingEmptySubsequences: false)
        var k = 0
        while k < f.count, k + 2 < s.count, s[k + 2] == f[k] { k += 1 }
        let was = k + 2 < s.count ? String(s[k + 2]) : "(end of file)"
        let now = k < f.count ? String(f[k]) : "(end of file)"
        let column = (was.firstIndex { $0 != " " }.map { was.distance(from: was.startIndex, to: $0) } ?? 0) + 1
        func trim(_ x: String) -> String { let t = x.drop { $0 == " " }; return t.count > 200 ? String(t.prefix(200)) + "…" : String(t) }
        return (k + 3, column, trim(was), trim(now))
    }
}

extension RecordVerifier {
    /// Runs the plan through `round` on the present manuscript and renders that round's record body.
    public static func recompute(_ m: Manuscript, round: String, tool: String) -> RecomputeOutcome {
        do {
            let run = try Selection.run(m, through: round)
            guard let result = run.round(round) else {
                return .failed([.error(at: SourceLocation(path: "selection.xml"), "no round \(round) in selection.xml")])
            }
            return .body(RoundRecord.body(result, manuscript: m, tool: tool))
        } catch {
            return .failed(error.findings)
        }
    }
}
