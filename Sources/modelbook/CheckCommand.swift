import ArgumentParser
import Diagnostics
import Foundation
import ManuscriptReader

/// `modelbook check`: reads every file of the manuscript and reports every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every file of the manuscript and list each problem with its file, line and column.",
        discussion: """
            Findings go to standard output, one per line (`file:line:column: error: message`), sorted by \
            file and position, followed by a summary line. Exit status: 0 when there are no errors \
            (warnings allowed), 1 when there are errors, 64 when the command line is wrong.
            """
    )

    @OptionGroup var options: ManuscriptOptions
    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let progress = progressOptions.reporter(["read the manuscript"])
        progress.next()
        let result = ManuscriptReader.read(folder: options.manuscript, options: progress.readOptions)
        progress.finish()
        FreedByExit.keep(result)
        let findings = result.findings.sortedForReport()
        let errors = findings.errorCount
        let warnings = findings.warningCount
        switch format {
        case .text:
            var out = ""
            for f in findings { out += f.formatted + "\n" }
            out += CheckReport.summary(result.counts, errors: errors, warnings: warnings) + "\n"
            FileHandle.standardOutput.write(Data(out.utf8))
        case .json:
            let report = CheckReport(findings: findings.map(CheckReport.JSONFinding.init), counts: result.counts,
                                     errors: errors, warnings: warnings)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(report)
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

/// The machine-readable form of `check`'s output.
struct CheckReport: Encodable {
    struct JSONFinding: Encodable {
        var severity: String
        var path: String
        var line: Int
        var column: Int
        /// The message's stable key (`check.missing-file`), empty for a validator's own words.
        var code: String
        var message: String
        var notes: [String]

        init(_ f: Finding) {
            severity = f.severity.rawValue
            path = f.location.path
            line = f.location.line
            column = f.location.column
            code = f.message.code
            message = f.message.text()
            notes = f.notes.map { n in
                n.location.map { "\($0.path):\($0.line):\($0.column): \(n.message.text())" } ?? n.message.text()
            }
        }
    }

    var findings: [JSONFinding]
    var counts: ReadCounts
    var errors: Int
    var warnings: Int

    /// `checked 480 submissions, 1,934 reviews by 18 reviewers in 520 files: 0 errors, 2 warnings (0 files with errors)`
    static func summary(_ c: ReadCounts, errors: Int, warnings: Int) -> String {
        var s = "checked \(n(c.submissions, "submission")), \(n(c.reviews, "review")) by \(n(c.reviewers, "reviewer"))"
        if c.edits > 0 { s += ", \(n(c.edits, "edited text"))" }
        s += " in \(n(c.files, "file")): \(n(errors, "error")), \(n(warnings, "warning")) (\(n(c.filesWithErrors, "file")) with errors)"
        return s
    }

    static func n(_ count: Int, _ noun: String) -> String {
        grouped(count) + " " + (count == 1 ? noun : noun + "s")
    }

    /// 1934 → "1,934".
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
