import Foundation
import Messages
import ManuscriptModel
import ManuscriptReader
import Selection
#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing the hash-chained round records of `<manuscript>/rounds/`.
public enum RecordStore {
    public static let folder = "rounds"

    /// What `record` did.
    public enum WriteOutcome: Hashable, Sendable {
        /// A new record, at this path (relative to the manuscript folder).
        case written(String)
        /// The latest record of the round already says exactly this (same inputs, same results).
        case unchanged(String)
    }

    /// The records of a manuscript folder, by number. Names that are not `NNN-<round>.xml` are ignored.
    public static func list(root: String) -> [RecordFile] {
        let dir = join(root, folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        var out: [RecordFile] = []
        for name in names where name.hasSuffix(".xml") && !name.hasPrefix(".") {
            let stem = name.dropLast(4)
            guard let dash = stem.firstIndex(of: "-") else { continue }
            let digits = stem[..<dash]
            guard digits.count >= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { continue }
            let round = String(stem[stem.index(after: dash)...])
            let rel = folder + "/" + name
            out.append(RecordFile(number: n, round: round, path: join(root, rel), relativePath: rel))
        }
        return out.sorted { ($0.number, $0.relativePath) < ($1.number, $1.relativePath) }
    }

    /// The body of a record file's text: from line 3 on.
    public static func body(ofRecord text: String) -> String? {
        var rest = Substring(text)
        for _ in 0..<2 {
            guard let nl = rest.firstIndex(of: "\n") else { return nil }
            rest = rest[rest.index(after: nl)...]
        }
        return String(rest)
    }

    public static func sha256(_ bytes: [UInt8]) -> String {
        sha256Hex(bytes)
    }

    /// Writes the record of one round's result, unless the round's latest record already holds the
    /// same body. The new file is numbered after the highest existing one, links to that one's
    /// SHA-256, is written beside its target and then linked into place (never over an existing file).
    /// `inputs` is `RoundRecord.inputs(m)` when several rounds are recorded.
    public static func record(_ result: RoundResult, manuscript m: Manuscript, tool: String, inputs: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> WriteOutcome {
        let body = RoundRecord.body(result, manuscript: m, tool: tool, inputs: inputs)
        let records = list(root: m.root)
        if let latest = records.last(where: { $0.round == result.id }),
           let data = FileManager.default.contents(atPath: latest.path),
           let text = String(data: data, encoding: .utf8), Self.body(ofRecord: text) == body {
            return .unchanged(latest.relativePath)
        }
        var previous: String?
        if let last = records.last {
            guard let data = FileManager.default.contents(atPath: last.path) else {
                throw RecordError(CommandText.recordCannotReadPrevious.with(["path": .text(last.path)]))
            }
            previous = sha256(Array(data))
        }
        let number = (records.last?.number ?? 0) + 1
        let name = pad3(number) + "-" + result.id + ".xml"
        let text = RoundRecord.file(number: number, result: result, body: body, previous: previous,
                                    written: sourceDate(environment))
        let dir = join(m.root, folder)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let target = join(dir, name)
        let temp = join(dir, ".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8)) else {
            throw RecordError(CommandText.recordCannotWrite.with(["path": .text(temp)]))
        }
        defer { unlink(temp) }
        // link(2) fails when the target exists: a record is never overwritten, even by a concurrent run.
        if link(temp, target) != 0 {
            let code = errno
            if code == EEXIST { throw RecordError(CommandText.recordAppeared.with(["path": .text(target)])) }
            throw RecordError(CommandText.recordCannotCreate.with(["path": .text(target), "reason": .text(String(cString: strerror(code)))]))
        }
        return .written(folder + "/" + name)
    }

    /// `SOURCE_DATE_EPOCH` as `YYYY-MM-DDTHH:MM:SSZ`; nil when unset or not a number.
    public static func sourceDate(_ environment: [String: String]) -> String? {
        guard let raw = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(raw) else { return nil }
        let day = CalendarDate.fromEpoch(Int(seconds))
        var rem = seconds % 86_400
        if rem < 0 { rem += 86_400 }
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(rem / 3600)):\(two(rem % 3600 / 60)):\(two(rem % 60))Z"
    }

    static func pad3(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 3 ? s : String(repeating: "0", count: 3 - s.count) + s
    }

    static func join(_ a: String, _ b: String) -> String {
        a.isEmpty ? b : (a.hasSuffix("/") ? a + b : a + "/" + b)
    }
}

public struct RecordError: Error, Sendable, CustomStringConvertible {
    public var message: Message
    public init(_ message: Message) { self.message = message }
    public var description: String { message.text() }
}
