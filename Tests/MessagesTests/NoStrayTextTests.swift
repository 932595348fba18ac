import Foundation
import Testing

/// No sentence for a person is written outside the catalogue: the sources are scanned for string
/// literals that read like words (two lower-case words in a row, after markup and interpolations are
/// taken out). The catalogue itself, the generator's fictional manuscript text and a short list of
/// literals that are not for people (below, each with its reason) are allowed.
@Suite struct NoStrayTextTests {
    /// Folders whose text is not interface.
    static let allowedFolders: [String: String] = [
        "Sources/Messages/": "the catalogue itself",
        "Sources/ManuscriptGenerator/": "the fictional sample manuscript's own Vietnamese content, not interface",
        "Sources/BookWriter/Vietnamese.swift": "the book's own vocabulary, in the book's language (book.xml's xml:lang)",
        "Sources/XMLKit/": "libxml2's words matched to word them again, and English fallbacks under a `reason` the reader words through CheckText",
        "Sources/ManuscriptReader/SchemaMessages.swift": "libxml2's RELAX NG messages, matched to word them again through CheckText",
        "Sources/modelbook/Modelbook.swift": "ArgumentParser's error texts, matched to word them again through CommandText",
        "Sources/Pipeline/ExternalTools.swift": "xsltproc's and FOP's words, matched to report their problems",
    ]

    /// Literals (after markup and interpolations are taken out) that are not for people.
    static let allowedLiterals: [String: String] = [
        "the schema   is missing from the installation; reinstall modelbook": "fallback under `.schemaMissing`, worded by CheckText",
        "# Files written by modelbook in this folder; it replaces or removes only these.": "the output manifest's first line, a file format",
        "Phiếu chấm do bàn chấm điểm (modelbook desk) ghi. Written by the review desk.": "a comment inside the score sheet file, both languages",
        "BEGIN SELECT RAISE(ABORT, 'score_log is append-only'); END;": "SQL",
        "sortable wide": "CSS classes",
        "desk invite": "a command's name",
        "desk serve": "a command's name",
    ]

    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everySentenceForAPersonIsInTheCatalogue() throws {
        var stray: [String] = []
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        for file in files {
            let relative = String(file.path.dropFirst(Self.root.path.count + 1))
            if Self.allowedFolders.keys.contains(where: { relative.hasPrefix($0) }) { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, literal) in Self.literals(in: text) where Self.readsLikeWords(literal) {
                if Self.allowedLiterals[Self.cleaned(literal)] != nil { continue }
                stray.append("\(relative):\(number): \(literal)")
            }
        }
        #expect(stray.isEmpty, "text for people outside the catalogue (Sources/Messages):\n\(stray.joined(separator: "\n"))")
    }

    @Test func theScanFindsWhatItLooksFor() {
        #expect(Self.readsLikeWords("the manuscript folder \\(path) does not exist"))
        #expect(Self.readsLikeWords("không tìm thấy thư mục"))
        #expect(!Self.readsLikeWords("<div class=\\\"table\\\">"))
        #expect(!Self.readsLikeWords("submission-id"))
        #expect(!Self.readsLikeWords("\\(a) \\(b)"))
        let source = "let a = \"one two\" // \"three four\"\n/// \"five six\"\nlet b = \"\"\"\n  seven eight\n  \"\"\"\n"
        #expect(Self.literals(in: source).map(\.1) == ["one two", "  seven eight"])
    }

    /// String literals with their line numbers: single-line literals outside comments, and each line
    /// of a multi-line literal.
    static func literals(in source: String) -> [(Int, String)] {
        var found: [(Int, String)] = []
        var inBlock = false
        for (index, line) in source.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if inBlock {
                if trimmed.hasPrefix("\"\"\"") {
                    inBlock = false
                } else if !trimmed.hasPrefix("//") {
                    found.append((index + 1, line))
                }
                continue
            }
            if trimmed.hasPrefix("//") { continue }
            if trimmed.hasSuffix("\"\"\"") && trimmed.components(separatedBy: "\"\"\"").count == 2 {
                inBlock = true
                continue
            }
            let characters = Array(line)
            var literal: String?
            var position = 0
            while position < characters.count {
                let character = characters[position]
                if var current = literal {
                    if character == "\\", position + 1 < characters.count {
                        current.append(character)
                        current.append(characters[position + 1])
                        position += 2
                        literal = current
                        continue
                    }
                    if character == "\"" { found.append((index + 1, current)); literal = nil } else { current.append(character); literal = current }
                } else if character == "\"" {
                    literal = ""
                } else if character == "/", position + 1 < characters.count, characters[position + 1] == "/" {
                    break  // a comment after the code
                }
                position += 1
            }
        }
        return found
    }

    /// The literal without interpolations, markup, escapes, entities and the program's own name.
    static func cleaned(_ literal: String) -> String {
        var text = literal
        text = text.replacing(/\\\((?:[^()]|\([^()]*\))*\)/, with: " ")
        text = text.replacing(/modelbook(?: [a-z]+){0,2}:/, with: " ")
        text = text.replacing(/<[^>]*>/, with: " ")
        text = text.replacing(/\\[nt"\\]/, with: " ")
        text = text.replacing(/&[a-z]+;/, with: " ")
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func readsLikeWords(_ literal: String) -> Bool {
        // HTML attributes (`rel=\"noopener noreferrer\"`) and CSS or script lines are code, not words.
        if literal.contains("=\\\"") || literal.contains("=\"") { return false }
        let text = cleaned(literal)
        if text.contains("{") || text.contains("}") || text.contains(" = ") || text.contains("=>") || text.hasSuffix(";") {
            return false
        }
        return text.contains(/[a-zà-ỹđ]{2,}\s+[a-zà-ỹđ]{2,}/)
    }
}
