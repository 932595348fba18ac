import Foundation
import Testing
import ManuscriptModel
import XMLKit
@testable import BookWriter
@testable import Pipeline

/// The repository's styles/ (or MODELBOOK_STYLES), when it has the stylesheets.
let stylesDirectory: String? = {
    let repo = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates: [String?] = [ProcessInfo.processInfo.environment["MODELBOOK_STYLES"], repo.appendingPathComponent("styles").path]
    for candidate in candidates {
        if let c = candidate, FileManager.default.fileExists(atPath: c + "/fo.xsl"), FileManager.default.fileExists(atPath: c + "/html.xsl") {
            return c
        }
    }
    return nil
}()

/// A manuscript whose attachments are the fixtures' attachments/.
func fixtureManuscript() -> Manuscript {
    var m = Sample.manuscript
    m.root = fixtures.path
    return m
}

func temporaryFolder(_ name: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("modelbook-\(name)-\(getpid())-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

final class LogLines: @unchecked Sendable {
    var lines: [String] = []
    func add(_ s: String) { lines.append(s) }
}

func runBuild(_ formats: Set<BuildFormat>, out: String, manuscript: Manuscript = fixtureManuscript(),
              environment: [String: String] = ProcessInfo.processInfo.environment, log: LogLines = LogLines()) throws -> BookBuild.Report {
    let build = BookBuild(formats: formats, outputDirectory: out, width: 72, stylesDirectory: stylesDirectory ?? "/nonexistent-styles",
                          environment: environment, log: log.add)
    return try build.run(manuscript: manuscript.root, load: { _, _ in manuscript }, select: { _ in Sample.selection })
}

/// The files of an output folder, by path, leaving out the build's own working files (its cache
/// and its lock), which are not outputs.
func files(under folder: String) -> [String: Data] {
    var out: [String: Data] = [:]
    let e = FileManager.default.enumerator(atPath: folder)
    while let p = e?.nextObject() as? String {
        if p == ".cache" || p.hasPrefix(".cache/") || p == ".modelbook-lock" { continue }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder + "/" + p, isDirectory: &isDir), !isDir.boolValue {
            out[p] = FileManager.default.contents(atPath: folder + "/" + p)
        }
    }
    return out
}

@Suite(.inEnglish) struct PipelineTests {
    @Test func docbookAndTextAreWrittenWithProgressAndAreReproducible() throws {
        let out = try temporaryFolder("build")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let log = LogLines()
        let report = try runBuild([.docbook, .text], out: out, log: log)
        #expect(report.succeeded)
        #expect(report.written == [.docbook, .text])
        #expect(log.lines.first == "[1/6] read the manuscript")
        #expect(log.lines.contains("[4/6] write and validate DocBook"), "\(log.lines)")
        let first = files(under: out)
        #expect(Set(first.keys) == ["book.xml", "book.txt", "images/NB-2024-0137/anh-1.png", "images/2024-0002/anh.png", ".modelbook-manifest"], "\(log.lines) \((try? FileManager.default.subpathsOfDirectory(atPath: out)) ?? [])")
        _ = try runBuild([.docbook, .text], out: out)
        #expect(files(under: out) == first)
        #expect(first["book.xml"] == Data(DocBookWriter.write(try sampleBook()).utf8))
    }

    /// With jing on PATH (when installed) and without it (libxml2).
    @Test(arguments: [true, false])
    func invalidDocBookKeepsThePreviousOutputAndPointsAtTheError(withJing: Bool) throws {
        var environment = ProcessInfo.processInfo.environment
        if !withJing { environment["PATH"] = "/nonexistent" }
        let out = try temporaryFolder("invalid")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try runBuild([.docbook, .text], out: out)
        let before = FileManager.default.contents(atPath: out + "/book.xml")
        var broken = fixtureManuscript()
        broken.book?.title = "Một tiêu đề khác"
        broken.book?.front = [DocBookFragment(path: "front/x.xml",
                                              xml: "<preface xmlns=\"http://docbook.org/ns/docbook\"><title>X</title><bogus/></preface>")]
        let log = LogLines()
        let report = try runBuild([.docbook, .text], out: out, manuscript: broken, environment: environment, log: log)
        #expect(report.failed.map(\.0) == [.docbook])
        let checker = withJing && jingPath != nil ? "jing" : "libxml2"
        #expect(report.failed.first?.1.message.contains("found by \(checker)") == true, "\(report.failed)")
        #expect(report.written == [.text])
        #expect(FileManager.default.contents(atPath: out + "/book.xml") == before)
        #expect(FileManager.default.fileExists(atPath: out + "/book.invalid.xml"))
        let text = try String(contentsOfFile: out + "/book.txt", encoding: .utf8)
        #expect(text.hasPrefix("Một tiêu đề khác"))
        let details = report.failed.first?.1.details ?? []
        #expect(!details.isEmpty)
        for detail in details {
            #expect(detail.firstMatch(of: #/book\.invalid\.xml:\d+:\d+: error: /#) != nil, "\(detail)")
        }
        #expect(details.contains { $0.contains("bogus") }, "\(details)")
        #expect(!FileManager.default.fileExists(atPath: out + "/.staging-\(getpid())"))
    }

    @Test func aMissingToolNamesItsPackageAndTheOtherFormatsAreStillWritten() throws {
        let out = try temporaryFolder("notools")
        defer { try? FileManager.default.removeItem(atPath: out) }
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = "/nonexistent"
        let report = try runBuild([.text, .html, .pdf], out: out, environment: env)
        #expect(report.written == [.text])
        let messages = report.failed.map { "\($0.0): \($0.1.message)" }
        #expect(messages.contains { $0.hasPrefix("html:") && $0.contains("install the Debian package xsltproc") })
        #expect(messages.contains { $0.hasPrefix("pdf:") && $0.contains("install the Debian package") })
        #expect(FileManager.default.fileExists(atPath: out + "/book.txt"))
        #expect(!FileManager.default.fileExists(atPath: out + "/html"))
    }

    @Test func epochDates() {
        #expect(CalendarDate(year: 2025, month: 3, day: 1).epochSeconds == 1_740_787_200)
        #expect(CalendarDate.fromEpoch(1_740_787_200 + 3600) == CalendarDate(year: 2025, month: 3, day: 1))
        #expect(CalendarDate.fromEpoch(0) == CalendarDate(year: 1970, month: 1, day: 1))
    }

    @Test func formatLists() throws {
        #expect(try BuildFormat.parseList("all") == Set(BuildFormat.allCases))
        #expect(try BuildFormat.parseList("docbook, text") == [.docbook, .text])
        #expect(throws: PipelineError.self) { try BuildFormat.parseList("docx") }
    }

    @Test("styles are looked for in the current folder, beside the manuscript, then beside the program")
    func stylesCandidates() {
        let c = StylesLocation.candidates(manuscript: "books/nb/manuscript", currentDirectory: "/home/ed",
                                          executable: "/opt/mb/.build/release/modelbook")
        #expect(c == [
            "/home/ed/styles", "/home/ed/books/nb/styles",
            "/opt/mb/.build/release/styles", "/opt/mb/.build/release/share/modelbook/styles",
            "/opt/mb/.build/styles", "/opt/mb/.build/share/modelbook/styles",
            "/opt/mb/styles", "/opt/mb/share/modelbook/styles",
            "/opt/styles", "/opt/share/modelbook/styles",
        ])
        // An installed program: <prefix>/bin/modelbook finds <prefix>/share/modelbook/styles.
        let installed = StylesLocation.candidates(manuscript: "/data/ms", currentDirectory: "/data", executable: "/usr/local/bin/modelbook")
        #expect(installed.contains("/usr/local/share/modelbook/styles"))
        #expect(installed.first == "/data/styles", "the current folder and the manuscript's parent are the same folder, listed once")
        #expect(installed.filter { $0 == "/data/styles" }.count == 1)
        // The first folder that has both stylesheets wins.
        let present: Set = ["/opt/mb/styles/html.xsl", "/opt/mb/styles/fo.xsl", "/home/ed/styles/html.xsl"]
        #expect(StylesLocation.find(in: c, fileExists: present.contains) == "/opt/mb/styles")
        #expect(StylesLocation.find(in: c, fileExists: { _ in false }) == nil)
    }
}

@Suite(.serialized, .inEnglish) struct RenderedBookTests {
    static let canRender = Tools.find("fop") != nil && Tools.find("xsltproc") != nil && stylesDirectory != nil

    @Test(.enabled(if: canRender, "needs fop and xsltproc (apt-get install fop xsltproc) and the styles/ folder"))
    func pdfHasPagesEmbeddedFontsAndVietnameseText() throws {
        let out = try temporaryFolder("pdf")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let log = LogLines()
        let report = try runBuild([.pdf], out: out, log: log)
        #expect(report.succeeded, "\(report.failed.map(\.1.description))")
        let pdf = out + "/book.pdf"
        try #require(FileManager.default.fileExists(atPath: pdf))
        let info = try Tools.run(Tools.find("pdfinfo")!, [pdf]).output
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages > 0)
        let fonts = try Tools.run(Tools.find("pdffonts")!, [pdf]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            // name type encoding emb sub uni object ID: "emb" is the 4th field from the end of the
            // fixed columns; a "no" anywhere there means a font is not embedded.
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(fields.count >= 5 && fields[fields.count - 5] == "yes", "not embedded: \(line)")
        }
        let text = try Tools.run(Tools.find("pdftotext")!, [pdf, "-"]).output
        #expect(text.precomposedStringWithCanonicalMapping.contains("giải phóng mặt bằng"))
        #expect(text.precomposedStringWithCanonicalMapping.contains("Ủy ban nhân dân xã Gia Hưng"))
    }

    @Test(.enabled(if: canRender, "needs xsltproc and the styles/ folder"))
    func htmlIsReproducible() throws {
        let out = try temporaryFolder("html")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = try runBuild([.html], out: out)
        #expect(report.succeeded, "\(report.failed.map(\.1.description))")
        let first = files(under: out + "/html")
        #expect(first["index.html"] != nil)
        #expect(first["book.css"] != nil)
        #expect(first["images/NB-2024-0137/anh-1.png"] != nil)
        #expect(first["NB-2024-0137.html"].map { String(decoding: $0, as: UTF8.self).contains("giải phóng mặt bằng") } == true)
        _ = try runBuild([.html], out: out)
        #expect(files(under: out + "/html") == first)
    }
}

/// Validation in pieces must agree with validating the whole document.
@Suite struct SplitValidationTests {
    static func pieces() throws -> (xml: String, parts: [Range<Int>], schema: RelaxNGSchema) {
        try #require(FileManager.default.fileExists(atPath: docbookSchemaPath), "install docbook5-xml")
        let (xml, parts) = DocBookWriter.writeWithParts(try sampleBook())
        return (xml, parts, try RelaxNGSchema(path: docbookSchemaPath))
    }

    @Test func theSampleBookIsSplitIntoItsPartsAndIsValid() throws {
        let (xml, parts, schema) = try Self.pieces()
        let bytes = Array(xml.utf8)
        #expect(parts.count >= 2)
        #expect(parts.allSatisfy { DocBookValidation.isPart(bytes, $0) })
        #expect(DocBookValidation.problems(bytes, parts: parts, schema: schema, splitAbove: 0).isEmpty)
        // Each piece keeps book.xml's line count, so errors keep their lines.
        let lines = bytes.filter { $0 == 0x0A }.count
        #expect(DocBookValidation.skeleton(bytes, without: parts).filter { $0 == 0x0A }.count == lines)
        let last = try #require(parts.last)
        let before = bytes[..<last.lowerBound].filter { $0 == 0x0A }.count
        let inPart = bytes[last].filter { $0 == 0x0A }.count
        #expect(DocBookValidation.standalone(bytes, part: last).filter { $0 == 0x0A }.count == before + inPart + 1)
    }

    @Test func anErrorInsideAPartIsReportedAtItsLineInTheBook() throws {
        let (xml, parts, schema) = try Self.pieces()
        // A `para` may not hold a `chapter`: put one inside the second part's first paragraph.
        let part = try #require(parts.last)
        let text = Array(xml.utf8)
        let partText = String(decoding: text[part], as: UTF8.self)
        let paraRange = try #require(partText.range(of: "<para>"))
        let broken = String(decoding: text[..<part.lowerBound], as: UTF8.self)
            + partText.replacingCharacters(in: paraRange, with: "<para><chapter/>")
            + String(decoding: text[part.upperBound...], as: UTF8.self)
        let bytes = Array(broken.utf8)
        let whole = DocBookValidation.validate(bytes, schema: schema)
        #expect(!whole.isEmpty)
        let split = DocBookValidation.problems(bytes, parts: parts, schema: schema, splitAbove: 0)
        #expect(split == whole)
    }

    @Test func aDanglingIndexLinkAndAnIdUsedInTwoPartsAreFound() throws {
        let (xml, parts, schema) = try Self.pieces()
        let bytes = Array(xml.utf8)
        let ids = DocBookValidation.xmlIDs(bytes[parts[0]])
        #expect(ids.count >= 2)
        // Index entries (after the parts) linking to a chapter that is not there.
        let end = try #require(parts.last).upperBound
        let tail = String(decoding: bytes[end...], as: UTF8.self).replacingOccurrences(of: ids[1], with: "NB-0000-0000")
        let dangling = Array(bytes[..<end]) + Array(tail.utf8)
        try #require(dangling != bytes)
        #expect(!DocBookValidation.validate(dangling, schema: schema).isEmpty)
        #expect(!DocBookValidation.problems(dangling, parts: parts, schema: schema, splitAbove: 0).isEmpty)
        // The first part's first chapter id given to a chapter of the last part as well.
        let lastIDs = DocBookValidation.xmlIDs(bytes[parts[parts.count - 1]])
        let target = "xml:id=\"\(lastIDs[1])\""
        var text = xml
        let r = try #require(text.range(of: target, range: text.utf8.index(text.utf8.startIndex, offsetBy: parts[parts.count - 1].lowerBound)..<text.endIndex))
        text.replaceSubrange(r, with: "xml:id=\"\(ids[1])\"")
        let duplicate = Array(text.utf8)
        let shifted = parts.map { $0.lowerBound..<($0.upperBound + (duplicate.count - bytes.count) * ($0 == parts.last ? 1 : 0)) }
        #expect(!DocBookValidation.validate(duplicate, schema: schema).isEmpty)
        #expect(!DocBookValidation.problems(duplicate, parts: shifted, schema: schema, splitAbove: 0).isEmpty)
    }

    @Test func idsAreReadOnlyInsideTags() {
        let xml = Array("<part xml:id=\"p\"><!-- xml:id=\"c\" --><para>text xml:id=\"t\"</para><chapter\n xml:id='x' role=\"a>b\"/></part>".utf8)
        #expect(DocBookValidation.xmlIDs(xml[...]) == ["p", "x"])
        // CDATA and processing instructions are not tags; a slice is read from its own start.
        let more = Array("<a xml:id=\"skip\"/><b\txml:id = \"b\"><![CDATA[<c xml:id=\"no\">]]><?pi xml:id=\"no\"?><d xml:id=\"d\"/></b><e".utf8)
        #expect(DocBookValidation.xmlIDs(more[...]) == ["skip", "b", "d"])
        #expect(DocBookValidation.xmlIDs(more[17...]) == ["b", "d"])
        #expect(DocBookValidation.xmlIDs(more[0..<0]) == [])
    }
}
