import ArgumentParser
import Messages
import Foundation
import ManuscriptGenerator

/// `modelbook generate`: writes a fictional sample manuscript (deterministic for given options).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: CommandText.generateAbstract.text,
        discussion: CommandText.generateDiscussion.text
    )

    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: ArgumentHelp(CommandText.generateSubmissionsHelp.text))
    var submissions: Int = 480

    @Option(name: .long, help: ArgumentHelp(CommandText.generateReviewersHelp.text))
    var reviewers: Int = 18

    @Option(name: .long, help: ArgumentHelp(CommandText.generateSeedHelp.text))
    var seed: UInt64 = 2025

    @Option(name: .long, help: ArgumentHelp(CommandText.generateOutHelp.text))
    var out: String

    @Flag(name: .long, help: ArgumentHelp(CommandText.generateForceHelp.text))
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
                throw ValidationError(CommandText.generateNotFolder.text(["folder": .text(out)]))
            }
            let entries = try fm.contentsOfDirectory(atPath: folder.path)
            if !entries.isEmpty {
                guard force else {
                    throw ValidationError(CommandText.generateNotEmpty.text(["folder": .text(out)]))
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
