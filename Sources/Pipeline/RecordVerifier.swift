import Foundation
import ManuscriptModel
import Messages
import Selection
import XMLKit

/// What `verify` found: problems as findings (`path:line:col: error: …`) and one summary line per record.
public struct VerifyReport: Sendable {
    public var findings: [Finding]
    /// One line per record, rendered in whichever language is asked for.
    public var summaryMessages: [Message]
    /// `summaryMessages` in the current language.
    public var summary: [String] { summaryMessages.map { $0.text() } }
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
        var summary: [Message] = []
        if records.isEmpty {
            summary.append(SelectText.noRecords.with(["folder": .text(RecordStore.join(root, RecordStore.folder))]))
            return VerifyReport(findings: [], summaryMessages: summary)
        }
        let latestOfRound = Dictionary(records.map { ($0.round, $0.number) }, uniquingKeysWith: { max($0, $1) })
        var previousBytes: [UInt8]?
        var recomputed: [String: RecomputeOutcome] = [:]
        for (i, record) in records.enumerated() {
            let start = SourceLocation(path: record.path)
            defer { previousBytes = FileManager.default.contents(atPath: record.path).map(Array.init) }
            var problems = 0
            func error(_ at: SourceLocation, _ message: Message, notes: [Finding.Note] = []) {
                findings.append(.error(at: at, message, notes: notes))
                problems += 1
            }
            if i == 0, record.number != 1 {
                error(start, SelectText.firstNumbered.with(["n": .integer(record.number)]))
            } else if i > 0, record.number != records[i - 1].number + 1 {
                error(start, SelectText.recordFollows.with(["n": .integer(record.number), "previous": .integer(records[i - 1].number)]))
            }
            guard let data = FileManager.default.contents(atPath: record.path) else {
                error(start, SelectText.cannotReadRecord.message)
                continue
            }
            let bytes = Array(data)
            let doc: XMLDocument
            do {
                doc = try XMLDocument.parse(bytes)
            } catch {
                for p in error.problems {
                    findings.append(.error(at: SourceLocation(path: record.path, line: p.line, column: p.column),
                                           SelectText.notWellFormed.with(["problem": .text(p.message)])))
                }
                summary.append(SelectText.summaryDamaged.with(["path": .text(record.path)]))
                continue
            }
            let rootEl = doc.root
            func at(_ e: XMLElement, _ attribute: String? = nil) -> SourceLocation {
                let p = attribute.map { e.position(ofAttribute: $0) } ?? e.position
                return SourceLocation(path: record.path, line: p.line, column: p.column)
            }
            if rootEl.name != RoundRecord.rootName {
                error(at(rootEl), SelectText.wrongRoot.with(["name": .text(rootEl.name), "expected": .text(RoundRecord.rootName)]))
                summary.append(SelectText.summaryNotARecord.with(["path": .text(record.path)]))
                continue
            }
            if rootEl.attribute("number") != String(record.number) {
                error(at(rootEl, "number"), SelectText.numberMismatch.with([
                    "said": rootEl.attribute("number").map(MessageValue.text) ?? .message(SelectText.noneInBrackets.message),
                    "file": .integer(record.number)]))
            }
            if rootEl.attribute("round") != record.round {
                error(at(rootEl, "round"), SelectText.roundMismatch.with([
                    "said": rootEl.attribute("round").map(MessageValue.text) ?? .message(SelectText.noneInBrackets.message),
                    "file": .text(record.round)]))
            }
            // The chain.
            let link = rootEl.attribute("previous-sha256")
            if i == 0 {
                if link != nil {
                    error(at(rootEl, "previous-sha256"), SelectText.firstLinks.message)
                }
            } else if let previousBytes {
                let expected = RecordStore.sha256(previousBytes)
                if link != expected {
                    error(at(rootEl, "previous-sha256"), SelectText.chainBroken.with([
                        "previous": .text(records[i - 1].relativePath), "expected": .text(expected),
                        "link": link.map(MessageValue.text) ?? .message(SelectText.nothing.message)]))
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
                    notes.append(.init(location: where_, message: (current[p] == nil ? SelectText.inputGone : .inputChanged)
                        .with(["path": .text(p)])))
                }
                for p in current.keys.sorted(by: byteOrder) where recorded[p] == nil {
                    notes.append(.init(message: SelectText.inputNew.with(["path": .text(p)])))
                }
                inputsChanged = !notes.isEmpty
                if inputsChanged {
                    if latestOfRound[record.round] == record.number {
                        error(at(rootEl), SelectText.inputsChanged.with(["round": .text(record.round)]), notes: notes)
                    } else {
                        findings.append(Finding(.note, at: at(rootEl), SelectText.olderRecord.with([
                            "round": .text(record.round), "n": .integer(notes.count)])))
                    }
                }
            }
            // Results.
            var resultState = SelectText.stateNotRecomputed
            if let recompute, currentDigests != nil, !inputsChanged {
                if recomputed[record.round] == nil { recomputed[record.round] = recompute(record.round) }
                switch recomputed[record.round]! {
                case .failed(let why):
                    error(at(rootEl), SelectText.cannotRecompute.with(["round": .text(record.round)]),
                          notes: why.map { .init(location: $0.location, message: $0.message) })
                    resultState = .stateCannotRecompute
                case .body(let fresh):
                    let text = String(decoding: bytes, as: UTF8.self)
                    if let stored = RecordStore.body(ofRecord: text), stored == fresh {
                        resultState = .stateIdentical
                    } else {
                        let (line, col, was, now) = firstDifference(text, fresh)
                        error(SourceLocation(path: record.path, line: line, column: col), SelectText.recordDiffers.message,
                              notes: [.init(message: SelectText.recordedLine.with(["line": was])),
                                      .init(message: SelectText.recomputedLine.with(["line": now]))])
                        resultState = .stateDiffers
                    }
                }
            } else if inputsChanged {
                resultState = .stateInputsChanged
            }
            summary.append(SelectText.summaryLine.with([
                "path": .text(record.path),
                "problems": .message(problems == 0 ? SelectText.summaryOK.message : SelectText.summaryProblems.with(["n": .integer(problems)])),
                "chain": .message((i == 0 ? SelectText.summaryFirst : .summaryChained).message),
                "state": .message(resultState.message)]))
        }
        return VerifyReport(findings: findings, summaryMessages: summary)
    }

    /// The first line (1-based, counted in the whole file) where a stored record and a fresh body differ.
    static func firstDifference(_ stored: String, _ freshBody: String) -> (Int, Int, MessageValue, MessageValue) {
        let s = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let f = freshBody.split(separator: "\n", omittingEmptySubsequences: false)
        var k = 0
        while k < f.count, k + 2 < s.count, s[k + 2] == f[k] { k += 1 }
        let was = k + 2 < s.count ? String(s[k + 2]) : nil
        let now = k < f.count ? String(f[k]) : nil
        let column = (was.flatMap { w in w.firstIndex { $0 != " " }.map { w.distance(from: w.startIndex, to: $0) } } ?? 0) + 1
        func trim(_ x: String?) -> MessageValue {
            guard let x else { return .message(SelectText.endOfFile.message) }
            let t = x.drop { $0 == " " }
            return .text(t.count > 200 ? String(t.prefix(200)) + "…" : String(t))
        }
        return (k + 3, column, trim(was), trim(now))
    }
}

extension RecordVerifier {
    /// Runs the plan through `round` on the present manuscript and renders that round's record body.
    public static func recompute(_ m: Manuscript, round: String, tool: String) -> RecomputeOutcome {
        do {
            let run = try Selection.run(m, through: round)
            guard let result = run.round(round) else {
                return .failed([.error(at: SourceLocation(path: "selection.xml"), SelectText.noRoundToRecompute.with(["round": .text(round)]))])
            }
            return .body(RoundRecord.body(result, manuscript: m, tool: tool))
        } catch {
            return .failed(error.findings)
        }
    }
}
