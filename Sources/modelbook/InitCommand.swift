import ArgumentParser
import Diagnostics
import Messages
import Foundation
import ManuscriptGenerator

/// `modelbook init DIR`: a commented, minimal manuscript for a board starting a new book.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: CommandText.initAbstract.text
    )

    @OptionGroup var language: LanguageOption

    @Argument(help: ArgumentHelp(CommandText.initDirectoryHelp.text))
    var directory: String

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try ManuscriptSkeleton.write(into: folder)
        } catch let error as GeneratorError {
            var stderr = StandardError()
            print(CommandText.initFailed.text(["error": .text(Severity.error.word()), "reason": .text(error.description)]), to: &stderr)
            throw ExitCode(1)
        }
        print(CommandText.initWrote.text(["folder": .text(directory), "count": .integer(ManuscriptSkeleton.paths.count),
                                          "files": .text(ManuscriptSkeleton.paths.joined(separator: ", "))]))
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
