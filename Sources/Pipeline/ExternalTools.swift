import Foundation
import Messages

/// Running xsltproc and FOP: finding them, the Debian package that provides each, and their logs.
public struct ExternalTool: Sendable, Hashable {
    public var name: String
    /// The Debian package to install when the program is missing.
    public var package: String

    public static let xsltproc = ExternalTool(name: "xsltproc", package: "xsltproc")
    public static let fop = ExternalTool(name: "fop", package: "fop")
    public static let jing = ExternalTool(name: "jing", package: "jing")

    /// The program's path on `PATH`, or nil.
    public func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = String(dir) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// The outcome of one run: exit status and everything it printed (stdout and stderr together).
struct ToolRun {
    var status: Int32
    var log: String
}

enum ToolRunner {
    /// Runs a program with its output going to `logFile` (a file, so a chatty tool never blocks
    /// on a full pipe), then reads the log back.
    static func run(_ executable: String, _ arguments: [String], in directory: String, logFile: String,
                    environment: [String: String]) throws -> ToolRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        guard FileManager.default.createFile(atPath: logFile, contents: nil) else {
            throw PipelineError(step: CommandText.stepRunTool.text(["tool": .text(executable)]), path: logFile,
                                message: CommandText.cannotCreateLog.text)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = FileManager.default.contents(atPath: logFile) ?? Data()
        return ToolRun(status: process.terminationStatus, log: String(decoding: data, as: UTF8.self))
    }

    /// Lines of an xsltproc + DocBook XSL log that mean the output is wrong even though the
    /// exit status is 0: dangling cross references and index links.
    static func xsltProblems(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter {
            $0.contains("ERROR") || $0.contains("has no generated link text") || $0.hasPrefix("error")
                || $0.contains("failed to load external entity") || $0.contains("compilation error")
        }
    }

    /// Lines of a FOP log that mean the PDF is wrong: missing glyphs (printed as "#"), missing
    /// images, errors. Known harmless warnings (no Vietnamese hyphenation patterns, unsupported
    /// OpenType coverage tables) are not problems.
    static func fopProblems(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { line in
            if line.contains("Glyph") && line.contains("not available") { return true }
            if line.contains("SEVERE") || line.contains("ERROR") || line.hasPrefix("Exception") { return true }
            if line.contains("Image not found") || line.contains("image could not be") { return true }
            return false
        }
    }
}
