import Foundation
import Testing
@testable import ManuscriptReader
import ManuscriptModel

/// A copy of the valid fixture manuscript in a temporary folder, changed file by file.
struct TempManuscript {
    let root: URL

    static var validFixture: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/valid")
    }

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("modelbook-reader-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.validFixture, to: root)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    func write(_ path: String, _ text: String) throws {
        try write(path, Array(text.utf8))
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url(path))
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    /// Replaces one exact piece of text (which must occur) in a file.
    func replace(_ path: String, _ old: String, _ new: String) throws {
        let t = try text(path)
        #expect(t.contains(old), "fixture \(path) does not contain \(old)")
        try write(path, t.replacingOccurrences(of: old, with: new))
    }

    /// Reads the copy with paths printed relative to it, so findings say `submissions/x.xml`.
    func read() -> ReadResult {
        ManuscriptReader.read(folder: root.path, options: ReadOptions(currentDirectory: root.path))
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}

/// Runs a change on a fresh copy of the valid manuscript and reads it.
func readChanged(_ change: (TempManuscript) throws -> Void) throws -> ReadResult {
    let m = try TempManuscript()
    defer { m.cleanUp() }
    try change(m)
    return m.read()
}

extension ReadResult {
    var errors: [Finding] { findings.filter { $0.severity == .error } }
    var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    var listing: String { findings.map(\.formatted).joined(separator: "\n") }
}

/// Expects exactly one error in the result, at a path, line and column, whose message contains `text`.
func expectOnlyError(_ result: ReadResult, _ path: String, _ line: Int, _ column: Int, _ text: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(result.errors.count == 1, "expected one error, got:\n\(result.listing)", sourceLocation: sourceLocation)
    expectError(result, path, line, column, text, sourceLocation: sourceLocation)
}

func expectError(_ result: ReadResult, _ path: String, _ line: Int, _ column: Int, _ text: String,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let hit = result.errors.contains {
        $0.location.path == path && $0.location.line == line && $0.location.column == column && $0.message.text(in: .en).contains(text)
    }
    #expect(hit, "no error at \(path):\(line):\(column) containing «\(text)»; got:\n\(result.listing)", sourceLocation: sourceLocation)
}
