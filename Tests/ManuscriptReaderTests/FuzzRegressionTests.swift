import Foundation
import Testing
import Diagnostics
import ManuscriptReader

/// The inputs `make fuzz` starts from and every input it ever found a crash, hang or memory
/// blow-up with, read again through the same path as the fuzzer's.
@Suite struct FuzzRegressionTests {
    static var regressions: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/fuzz-regressions")
    }

    /// The fixture manuscript's files, each with the kind it is read as.
    static func fixtureFiles() throws -> [(path: String, tag: UInt8)] {
        let root = TempManuscript.validFixture.path
        let configuration: [(String, Character)] = [("book.xml", "b"), ("districts.xml", "d"), ("fields.xml", "f"),
                                                    ("rubric.xml", "u"), ("reviewers.xml", "v"), ("selection.xml", "l")]
        var out = configuration.map { (root + "/" + $0.0, $0.1.asciiValue!) }
        for (folder, tag) in [("submissions", "s"), ("edits", "e"), ("reviews", "r")] as [(String, Character)] {
            for name in try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder).sorted() where name.hasSuffix(".xml") {
                out.append((root + "/" + folder + "/" + name, tag.asciiValue!))
            }
        }
        return out
    }

    @Test("each valid fixture file, read alone from memory, has no error, as when the folder is checked")
    func validFilesReadAloneHaveNoErrors() throws {
        let reader = SingleFileReader(folder: TempManuscript.validFixture.path)
        let files = try Self.fixtureFiles()
        #expect(files.count >= 10)
        for (path, tag) in files {
            let kind = try #require(SingleFileReader.tags.first { $0.tag == tag })
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let name = (path as NSString).lastPathComponent
            let errors = reader.findings(bytes, format: kind.format, isEdit: kind.isEdit, name: name).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(path): \(errors.map(\.formatted))")
        }
    }

    @Test("a tagged input is read as the kind its first byte names, with positioned errors")
    func taggedInputs() throws {
        let reader = SingleFileReader()
        let submission = try Data(contentsOf: TempManuscript.validFixture.appendingPathComponent("submissions/NB-2024-0001.xml"))
        // Read as a submission (tag s) the file's only error is its id against the file name.
        let asSubmission = reader.findings(tagged: [UInt8(ascii: "s")] + Array(submission))
        #expect(asSubmission.filter { $0.severity == .error }.allSatisfy { $0.location.path == "submissions/input.xml" })
        // Read as districts.xml (tag d) it starts with the wrong element, at line 2, column 1.
        let asDistricts = reader.findings(tagged: [UInt8(ascii: "d")] + Array(submission))
        let first = try #require(asDistricts.first)
        #expect(first.location.path == "districts.xml")
        #expect(first.message.text(in: .en).contains("starts with <submission>"), "\(first.formatted)")
        #expect(reader.findings(tagged: []).isEmpty)
        // Not well-formed: positioned where the parser stopped.
        let broken = reader.findings(tagged: Array("r<reviews>\n  <review".utf8))
        #expect(broken.contains { $0.location.line == 2 }, "\(broken.map(\.formatted))")
    }

    @Test("every seed and every kept regression input is read without crashing, and alike each time")
    func replayRegressionsAndSeeds() throws {
        let reader = SingleFileReader()
        var inputs = try Self.fixtureFiles().map { [$0.tag] + Array(try Data(contentsOf: URL(fileURLWithPath: $0.path))) }
        let kept = try FileManager.default.contentsOfDirectory(atPath: Self.regressions.path).filter { $0 != "README.md" }.sorted()
        for name in kept {
            inputs.append(Array(try Data(contentsOf: Self.regressions.appendingPathComponent(name))))
        }
        // Any finding is an answer; a crash ends the test run. Read twice, in opposite orders, an
        // input gives the same findings: nothing of one input leaks into the next.
        let forward = inputs.map { reader.findings(tagged: $0).map(\.formatted) }
        let backward = inputs.reversed().map { SingleFileReader().findings(tagged: $0).map(\.formatted) }
        #expect(forward == Array(backward.reversed()))
    }
}
