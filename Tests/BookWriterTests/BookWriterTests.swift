import Foundation
import Testing
import ManuscriptModel
import XMLKit
@testable import BookWriter

let docbookSchemaPath = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// Compares `actual` with a golden file byte for byte; `RECORD_GOLDEN=1` rewrites the file.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = fixtures.appendingPathComponent("golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
        Issue.record("missing golden file \(url.path); run with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    if expected != Data(actual.utf8) {
        let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent("actual-" + name)
        try Data(actual.utf8).write(to: actualURL)
        Issue.record("\(name) differs from its golden file; see: diff \(url.path) \(actualURL.path)", sourceLocation: sourceLocation)
    }
}

func sampleBook() throws -> Book {
    try Book(manuscript: Sample.manuscript, selection: Sample.selection)
}

@Suite struct BookModelTests {
    @Test func partsFollowFieldsAndSkipEmptyFields() throws {
        let book = try sampleBook()
        #expect(book.parts.map(\.field.code) == ["economy", "culture-society"])
        #expect(book.parts.map(\.label) == ["I", "II"])
        #expect(book.parts.map(\.id) == ["phan_economy", "phan_culture-society"])
    }

    @Test func entriesByDistrictThenTitleAndNumberedAcrossTheBook() throws {
        let book = try sampleBook()
        // gia-vien first (districts.xml order), titles in Vietnamese order: Anh < Ăn < Mô; then kim-son.
        #expect(book.entries.map(\.submission) == ["NB-2024-0004", "NB-2024-0005", "NB-2024-0137", "NB-2024-0003", "2024-0002"])
        #expect(book.entries.map(\.number) == [1, 2, 3, 4, 5])
    }

    @Test func entriesByRank() throws {
        var manuscript = Sample.manuscript
        manuscript.book?.entryOrder = .rank
        let book = try Book(manuscript: manuscript, selection: Sample.selection)
        #expect(book.entries.map(\.submission) == ["NB-2024-0137", "NB-2024-0003", "NB-2024-0005", "NB-2024-0004", "2024-0002"])
    }

    @Test func editsReplaceTheTextAndAreMarked() throws {
        let book = try sampleBook()
        let entry = try #require(book.entries.first { $0.submission == "NB-2024-0137" })
        #expect(entry.edited)
        #expect(entry.title.plainText.hasSuffix("ở xã Gia Hưng"))
        #expect(Sample.manuscript.submissions.first { $0.id == "NB-2024-0137" }?.title.plainText.hasSuffix("mặt bằng") == true)
        #expect(book.entries.filter(\.edited).count == 1)
    }

    @Test func xmlIDsAreNCNames() {
        #expect(Book.xmlID(forSubmission: "NB-2024-0137") == "NB-2024-0137")
        #expect(Book.xmlID(forSubmission: "2024-0002") == "_2024-0002")
    }

    @Test func blocksAfterASectionMoveIntoIt() {
        let p = Block.paragraph([.text("x")])
        let s = Block.section(Section(title: [.text("S")], blocks: [.section(Section(title: [.text("T")], blocks: []))]))
        let out = Book.sectionsLast([p, s, p])
        #expect(out == [p, .section(Section(title: [.text("S")], blocks: [.section(Section(title: [.text("T")], blocks: [p]))]))])
    }

    @Test func unknownSubmissionIsAnError() {
        var selection = Sample.selection
        selection.entries.append(.init(submission: "NB-9999", rank: 99, score: 1, rawMean: 1, countedReviews: 3))
        #expect(throws: BookError.unknownSubmission("NB-9999")) {
            try Book(manuscript: Sample.manuscript, selection: selection)
        }
    }

    @Test func unitIndexMergesWhitespaceVariants() throws {
        let book = try sampleBook()
        let units = try #require(book.indexes.first { $0.kind == .unit })
        let u = try #require(units.groups.flatMap(\.terms).first { $0.term == "Ủy ban nhân dân xã Gia Hưng" })
        #expect(u.chapters == [2, 3])
        #expect(units.groups.map(\.letter) == ["Â", "Đ", "H", "U"])
        let districts = try #require(book.indexes.first { $0.kind == .district })
        #expect(districts.groups.map(\.letter) == ["Đ", "G", "K"])
        #expect(districts.groups[1].terms.map(\.term) == ["Gia Viễn (huyện)"])
    }
}

@Suite struct VietnameseTests {
    @Test func collationFollowsTheVietnameseAlphabet() {
        let expected = ["An", "Ăn", "Ân", "B", "Dương", "Đông", "Em", "Ê", "Ô", "Ông", "Ơn", "Uông", "Ủy", "Ưu", "Yên"]
        let shuffled = [expected[7], expected[14], expected[3], expected[0], expected[12], expected[5], expected[9],
                        expected[1], expected[13], expected[4], expected[11], expected[2], expected[10], expected[6], expected[8]]
        #expect(shuffled.sorted(by: Vietnamese.precedes) == expected)
    }

    @Test func indexLettersKeepLetterMarksAndDropTones() {
        #expect(Vietnamese.indexLetter("Ấp Bắc") == "Â")
        #expect(Vietnamese.indexLetter("Ủy ban") == "U")
        #expect(Vietnamese.indexLetter("Ứng Hòa") == "Ư")
        #expect(Vietnamese.indexLetter("đồng") == "Đ")
        #expect(Vietnamese.indexLetter("Dương") == "D")
        #expect(Vietnamese.indexLetter("ăn") == "Ă")
        #expect(Vietnamese.indexLetter("Ở") == "Ơ")
        #expect(Vietnamese.indexLetter("Ấp".decomposedStringWithCanonicalMapping) == "Â")
        #expect(Vietnamese.indexLetter("“Zalo”") == "Z")
        #expect(Vietnamese.indexLetter("3 thôn") == "#")
    }

    @Test func groupsComeInAlphabetOrder() {
        let terms = ["Ủy ban", "Đông", "Dương", "Ưu", "Ấp", "An", "Uông", "Ăn"]
        let groups = Vietnamese.grouped(terms) { $0 }
        #expect(groups.map(\.letter) == ["A", "Ă", "Â", "D", "Đ", "U", "Ư"])
        #expect(groups.first { $0.letter == "U" }?.items == ["Uông", "Ủy ban"])
    }

    @Test func numbersAndDates() {
        #expect(Vietnamese.number("1200") == "1.200")
        #expect(Vietnamese.number("15.7") == "15,7")
        #expect(Vietnamese.number("-1234567.25") == "-1.234.567,25")
        #expect(Vietnamese.number("45") == "45")
        #expect(Vietnamese.decimal(8.7345, places: 2) == "8,73")
        #expect(Vietnamese.decimal(0.5, places: 0) == "1")
        #expect(Vietnamese.date(CalendarDate(year: 2024, month: 4, day: 2)) == "02/04/2024")
        #expect(Vietnamese.roman(14) == "XIV")
        #expect(Vietnamese.districtIndexTerm("Thành phố Ninh Bình") == "Ninh Bình (thành phố)")
        #expect(Vietnamese.districtIndexTerm("Cấp tỉnh") == "Cấp tỉnh")
    }
}

@Suite struct DocBookTests {
    @Test func goldenDocBook() throws {
        try expectGolden(DocBookWriter.write(try sampleBook()), "book.xml")
    }

    @Test func validatesWithLibxml2() throws {
        try #require(FileManager.default.fileExists(atPath: docbookSchemaPath), "install docbook5-xml")
        let xml = DocBookWriter.write(try sampleBook())
        let schema = try RelaxNGSchema(path: docbookSchemaPath)
        let problems = schema.validate(try XMLDocument.parse(Array(xml.utf8)))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(.enabled(if: Tools.find("jing") != nil, "jing is not installed (apt-get install jing); skipping the jing check"))
    func validatesWithJing() throws {
        let xml = DocBookWriter.write(try sampleBook())
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bookwriter-jing-\(getpid()).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Tools.run(Tools.find("jing")!, [docbookSchemaPath, file.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func everythingIsThere() throws {
        let xml = DocBookWriter.write(try sampleBook())
        for needle in [
            "<chapter xml:id=\"_2024-0002\" role=\"example\">", "<indexterm type=\"district\"><primary>Gia Viễn (huyện)</primary>",
            "<index type=\"unit\" xml:id=\"chi_muc_don_vi\">", "<primaryie linkends=\"NB-2024-0005 NB-2024-0137\">Ủy ban nhân dân xã Gia Hưng</primaryie>",
            "<entry namest=\"c1\" nameend=\"c2\"><emphasis role=\"strong\">Cộng hai năm</emphasis></entry>",
            "<imagedata fileref=\"images/NB-2024-0137/anh-1.png\" format=\"PNG\"/>", "<attribution>Ông Đinh Văn Hùng, Chủ tịch UBND xã</attribution>",
            "<link xlink:href=\"mailto:ubnd@example.org\">", "<quote>Dân vận khéo</quote>", "<footnote><para>",
            "<editor><personname><surname>Nguyễn</surname><firstname>Thị Hằng</firstname></personname><contrib>Chủ biên</contrib></editor>",
            "<pubdate>2025</pubdate>", "<thead><row><entry>Chỉ tiêu</entry><entry>Trước</entry><entry>Sau</entry></row>",
            "<entry>1.200 hộ</entry>", "<preface xmlns=\"http://docbook.org/ns/docbook\" xml:id=\"loi_gioi_thieu\">",
        ] {
            #expect(xml.contains(needle), "missing: \(needle)")
        }
    }

    @Test func outputIsDeterministic() throws {
        #expect(DocBookWriter.write(try sampleBook()) == DocBookWriter.write(try sampleBook()))
    }
}

@Suite struct PlainTextTests {
    @Test func goldenText() throws {
        try expectGolden(PlainTextRenderer().render(try sampleBook()), "book.txt")
    }

    @Test func goldenTextNarrow() throws {
        try expectGolden(PlainTextRenderer(width: 40).render(try sampleBook()), "book-40.txt")
    }

    /// Every line fits, or is one word that cannot fit on its own, at every width from 20 to 100.
    @Test func noLineOverTheWidth() throws {
        let book = try sampleBook()
        for width in 20...100 {
            let text = PlainTextRenderer(width: width).render(book)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let w = TextLayout.width(of: line)
                if w > width {
                    let words = TextLayout.words(String(line))
                    #expect(words.count == 1, "width \(width): \(w) columns: \(line)")
                }
            }
        }
    }

    @Test func nfdInputComesOutNFC() throws {
        var manuscript = Sample.manuscript
        let nfdTitle = "Ủy ban xã Đông Hưng vận động người dân".decomposedStringWithCanonicalMapping
        manuscript.submissions[2].title = [.text(nfdTitle)]
        manuscript.submissions[2].body = [.paragraph([.text(String(repeating: "Nghiệp vụ được tăng cường ", count: 8)
            .decomposedStringWithCanonicalMapping)])]
        let book = try Book(manuscript: manuscript, selection: Sample.selection)
        // The model holds NFC already: a body the quick check vouches for is taken as it is, this
        // one is composed.
        let certain = { (blocks: [Block]) in blocks.allSatisfy { $0.isCertainlyNFC } }
        #expect(!certain(manuscript.submissions[2].body))
        #expect(certain(manuscript.submissions[1].body))
        let entry = try #require(book.entries.first { $0.submission == manuscript.submissions[2].id })
        #expect(certain(entry.body))
        let kept = try #require(book.entries.first { $0.submission == manuscript.submissions[1].id })
        let sectionsLast = Book.sectionsLast(manuscript.submissions[1].body)
        #expect(kept.body == sectionsLast)
        for width in [20, 33, 72] {
            let text = PlainTextRenderer(width: width).render(book)
            #expect(text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
            if width == 72 { #expect(text.contains("Ủy ban xã Đông Hưng")) }
        }
        let xml = DocBookWriter.write(book)
        #expect(xml.unicodeScalars.elementsEqual(xml.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func combiningMarksNeverSplit() {
        let nfd = "Nghiêng ngả trước gió, những người ở lại vẫn kiên trì".decomposedStringWithCanonicalMapping
        for width in 1...12 {
            for hard in [false, true] {
                let lines = TextLayout.wrap(nfd, width: width, hardBreak: hard)
                for line in lines {
                    // A line never starts with a combining mark (which would mean its letter stayed behind).
                    let first = line.unicodeScalars.first
                    #expect(first.map { $0.properties.generalCategory != .nonspacingMark } ?? true)
                    if hard { #expect(TextLayout.width(of: line) <= max(width, 1)) }
                }
                #expect(lines.joined().filter { $0 != " " } == nfd.filter { $0 != " " })
            }
        }
    }

    @Test func wideCharactersCountTwo() {
        #expect(TextLayout.width(of: "漢字") == 4)
        #expect(TextLayout.width(of: "Việt".decomposedStringWithCanonicalMapping) == 4)
    }

    @Test func indexesListChapterNumbers() throws {
        let text = PlainTextRenderer().render(try sampleBook())
        #expect(text.contains("Ủy ban nhân dân xã Gia Hưng: 2, 3"))
        #expect(text.contains("Gia Viễn (huyện): 1, 2, 3"))
        #expect(text.contains("Phần I. Lĩnh vực kinh tế"))
    }
}

/// Running external programs from tests.
enum Tools {
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("bookwriter-tool-\(getpid())-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, output)
    }
}
