import ArgumentParser
import Messages
import Foundation
import ManuscriptGenerator

/// `modelbook generate`: writes a fictional sample manuscript (deterministic for given options).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a fictional, realistic sample manuscript folder (deterministic).",
        discussion: """
        The same options always give byte-identical files. The selection plan is scaled to --submissions \
        and checked to be feasible on the generated data.
        """
    )

    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: "Number of candidate submissions (1...40000).")
    var submissions: Int = 480

    @Option(name: .long, help: "Number of reviewers (3...999).")
    var reviewers: Int = 18

    @Option(name: .long, help: "Seed of the pseudo-random generator.")
    var seed: UInt64 = 2025

    @Option(name: .long, help: "The folder to write (required).")
    var out: String

    @Flag(name: .long, help: "Write into a non-empty folder, replacing what an earlier generation wrote there.")
    var force = false

    /// What `generate` writes at the top of the folder; --force removes these first, nothing else.
    static let generatedEntries = [
        "book.xml", "districts.xml", "fields.xml", "rubric.xml", "reviewers.xml", "selection.xml",
        "submissions", "reviews", "edits", "attachments", "front", "parts",
    ]

    func run() throws {
        let fm = FileManager.default
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ValidationError("\(out) exists and is not a folder")
            }
            let entries = try fm.contentsOfDirectory(atPath: folder.path)
            if !entries.isEmpty {
                guard force else {
                    throw ValidationError("\(out) is not empty; use --force to replace a generated manuscript there")
                }
                for entry in Self.generatedEntries where entries.contains(entry) {
                    try fm.removeItem(at: folder.appendingPathComponent(entry))
                }
            }
        }
        let options = GeneratorOptions(submissions: submissions, reviewers: reviewers, seed: seed)
        do {
            let summary = try ManuscriptGenerator.generate(into: folder, options: options)
            print("\(out): \(summary)")
        } catch let error as GeneratorError {
            throw ValidationError(error.description)
        }
    }
}
