import ArgumentParser
import Diagnostics
import Foundation
import ManuscriptReader
import Messages

/// `modelbook check`: reads every file of the manuscript and reports every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: CommandText.checkAbstract.text,
        discussion: CommandText.checkDiscussion.text
    )

    @OptionGroup var options: ManuscriptOptions
    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .long, help: ArgumentHelp(CommandText.formatHelp.text))
    var format: OutputFormat = .text

    func run() throws {
        let progress = progressOptions.reporter([CommandText.stepRead.text])
        progress.next()
        // Every check runs as the text is read; nothing keeps it after.
        let result = ManuscriptReader.read(folder: options.manuscript, options: progress.readOptions(keepsText: false))
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

    /// `checked 480 submissions, 1,934 reviews by 18 reviewers in 520 files: 0 errors, 2 warnings (0 files with errors)`;
    /// in Vietnamese `đã kiểm tra 480 hồ sơ, 1.934 lần chấm của 18 người chấm trong 520 tệp: 0 lỗi, …`.
    static func summary(_ c: ReadCounts, errors: Int, warnings: Int) -> String {
        let edits: MessageValue = c.edits > 0 ? .message(CheckText.summaryEdits.with(["edits": .integer(c.edits)])) : .text("")
        return CheckText.summary.text([
            "submissions": .integer(c.submissions), "reviews": .integer(c.reviews), "reviewers": .integer(c.reviewers),
            "edits": edits, "files": .integer(c.files), "errors": .integer(errors), "warnings": .integer(warnings),
            "failing": .integer(c.filesWithErrors),
        ])
    }
}
