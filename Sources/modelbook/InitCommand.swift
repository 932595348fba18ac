import ArgumentParser
import Messages
import Foundation
import ManuscriptGenerator

/// `modelbook init DIR`: a commented, minimal manuscript for a board starting a new book.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a minimal, commented manuscript skeleton into a new or empty folder."
    )

    @OptionGroup var language: LanguageOption

    @Argument(help: "The folder to create (must be missing or empty).")
    var directory: String

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try ManuscriptSkeleton.write(into: folder)
        } catch let error as GeneratorError {
            var stderr = StandardError()
            print("error: \(error.description)", to: &stderr)
            throw ExitCode(1)
        }
        print("\(directory): \(ManuscriptSkeleton.paths.count) files written (\(ManuscriptSkeleton.paths.joined(separator: ", ")))")
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
