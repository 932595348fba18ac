import Foundation
import Testing

/// `--help` speaks the user's language: the commands' own texts come from the catalogue, and
/// ArgumentParser's fixed words (headings, "(default: …)", the help and version options) are
/// worded again through it.
@Suite struct HelpCommandTests {
    static let commands: [[String]] = [[], ["init"], ["check"], ["generate"], ["select"], ["assign"], ["verify"], ["explain"],
                                       ["build"], ["audit"], ["desk"], ["desk", "serve"], ["desk", "invite"]]
    static let english = ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "default:", "values:",
                          "Show help information.", "Show the version.", "for detailed help"]

    func help(_ command: [String], locale: String) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = locale
        return try Files.run(BuildCommandTests.binary, command + ["--help"], in: FileManager.default.temporaryDirectory,
                             environment: environment)
    }

    @Test("every help screen is Vietnamese by default, ArgumentParser's own words included",
          .enabled(if: BuildCommandTests.available, "build the modelbook binary first (swift build)"))
    func vietnameseHelp() throws {
        for command in Self.commands {
            let r = try help(command, locale: "C.UTF-8")
            #expect(r.status == 0, "\(command): \(r.output)")
            #expect(r.output.contains("TỔNG QUAN:") && r.output.contains("CÁCH DÙNG:") && r.output.contains("TUỲ CHỌN:"), "\(command): \(r.output)")
            #expect(r.output.contains("In phần hướng dẫn này."), "\(command)")
            for word in Self.english {
                #expect(!r.output.contains(word), "\(command): “\(word)” left in English:\n\(r.output)")
            }
        }
        #expect(try help(["build"], locale: "C.UTF-8").output.contains("(mặc định: build)"))
        #expect(try help([], locale: "C.UTF-8").output.contains("LỆNH CON:"))
    }

    @Test("with an English locale the help screens are ArgumentParser's own",
          .enabled(if: BuildCommandTests.available, "build the modelbook binary first (swift build)"))
    func englishHelp() throws {
        let r = try help(["build"], locale: "en_US.UTF-8")
        #expect(r.status == 0)
        for word in ["OVERVIEW:", "USAGE:", "OPTIONS:", "(default: build)", "Show help information."] {
            #expect(r.output.contains(word), "\(word)")
        }
    }
}
