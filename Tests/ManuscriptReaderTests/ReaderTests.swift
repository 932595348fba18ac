import Foundation
import Testing
@testable import ManuscriptReader
import ManuscriptModel

@Suite struct ValidManuscriptTests {
    @Test func validFixtureChecksClean() throws {
        let m = try TempManuscript()
        defer { m.cleanUp() }
        let r = m.read()
        #expect(r.findings.isEmpty, "\(r.listing)")
        #expect(r.counts == ReadCounts(submissions: 3, reviews: 4, reviewers: 2, reviewSheets: 2, edits: 1,
                                       files: 14, filesWithErrors: 0))
    }

    @Test func valuesAreMapped() throws {
        let m = try TempManuscript()
        defer { m.cleanUp() }
        let ms = m.read().manuscript
        #expect(ms.districts.map(\.code) == ["gia-vien", "kim-son", "province"])
        #expect(ms.fields.map(\.code) == ["economy", "culture-society"])
        #expect(ms.rubric == Rubric(min: 0, max: 10, criteria: [
            Criterion(key: "effectiveness", weight: 30, label: "Hiệu quả, kết quả đạt được"),
            Criterion(key: "replicability", weight: 20, label: "Khả năng nhân rộng"),
            Criterion(key: "evidence", weight: 15.5, label: "Minh chứng, số liệu"),
        ]))
        #expect(ms.reviewers.first == Reviewer(id: "R01", district: "kim-son", unit: "Ban Dân vận Huyện ủy Kim Sơn", name: "Trần Thị Mai"))
        #expect(ms.submissions.map(\.id) == ["NB-2024-0001", "NB-2024-0002", "NB-2024-0003"])

        let s = ms.submissions[0]
        #expect(s.title == [.text("Mô hình “Dân vận khéo” trong "), .emphasis([.text("giải phóng")]), .text(" mặt bằng")])
        #expect(s.unit == SubmittingUnit(name: "Ủy ban nhân dân xã Gia Hưng", level: .commune, district: "gia-vien"))
        #expect(s.registered == CalendarDate(year: 2024, month: 3, day: 15))
        #expect(s.period == Period(start: YearMonth(year: 2022, month: 1), end: YearMonth(year: 2024, month: 5)))
        #expect(s.people == [Person(role: .lead, name: "Đinh Văn Hùng"), Person(role: .member, name: "Trần Thị Lan")])
        #expect(s.summary == [.text("Xã vận động nhân dân "), .strong([.text("tự nguyện")]), .text(" hiến đất làm đường.")])
        guard case .section(let section)? = s.body.first else { Issue.record("no section"); return }
        #expect(section.title == [.text("Cách làm")])
        #expect(section.blocks[0] == .paragraph([
            .text("Cán bộ đến từng nhà lắng nghe ý kiến của người dân"), .note([.text("Theo báo cáo của xã.")]),
            .text(". Xem "), .link(href: "https://example.vn/bai-viet", [.text("bài viết")]), .text("."),
        ]))
        #expect(section.blocks[1] == .list(ListBlock(type: .bullet, items: [
            [.paragraph([.text("Họp dân công khai.")])],
            [.paragraph([.text("Đối thoại trực tiếp.")]), .paragraph([.text("Giải đáp thắc mắc.")])],
        ])))
        #expect(section.blocks[2] == .quote(BlockQuote(source: "Người dân xã Gia Hưng",
            blocks: [.paragraph([.text("Chúng tôi "), .quote([.text("đồng thuận")]), .text(" hoàn toàn.")])])))
        guard case .table(let table) = section.blocks[3] else { Issue.record("no table"); return }
        #expect(table.caption == [.text("Kết quả")])
        #expect(table.rows.map(\.isHead) == [true, false, false])
        #expect(table.rows[2].cells == [TableCell(colspan: 2, content: [.text("Tổng cộng tăng")])])
        #expect(section.blocks[4] == .figure(Figure(ref: "NB-2024-0001/anh-1.jpg", caption: [.text("Ảnh họp dân")])))
        #expect(s.results?.map(\.valueText) == ["1200", "5.5"])
        #expect(s.results?.first?.baseline == 300)
        #expect(s.endorsement == Endorsement(by: "Ban Chỉ đạo huyện Gia Viễn", level: "district", date: CalendarDate(year: 2024, month: 4, day: 2)))
        #expect(s.attachments.first?.href == "NB-2024-0001/anh-1.jpg")
        #expect(ms.submissions[1].language == nil && ms.submissions[1].results?.count == 1)
        #expect(ms.submissions[2].results == nil && ms.submissions[2].people.isEmpty)

        #expect(ms.edits["NB-2024-0002"]?.summary == [.text("Một tấm gương tiêu biểu của phong trào.")])
        #expect(ms.reviewSheets.map(\.reviewer) == ["R01", "R02"])
        #expect(ms.reviews.count == 4)
        #expect(ms.reviews[0].scores.map(\.value) == [8.5, 7, 9])
        #expect(ms.reviews[0].comment == "Tốt.")
        #expect(ms.declaredConflicts.map(\.submission) == ["NB-2024-0003"])
        #expect(ms.selection.rounds.map(\.id) == ["eligibility", "shortlist", "final"])
        #expect(ms.selection.rounds[0].requirements.map(\.rule) == [
            .periodWithin(start: YearMonth(year: 2021, month: 1), end: YearMonth(year: 2025, month: 12)),
            .hasEndorsement, .minResults(1), .minBodyWords(10),
        ])
        #expect(ms.selection.rounds[1].keep == 3 && ms.selection.rounds[1].aggregate == .mean)
        #expect(ms.selection.rounds[2].count == 2 && ms.selection.rounds[2].quotas.count == 3)
        #expect(ms.selection.rounds[2].quotas[1].value == nil)
        #expect(ms.selection.rounds[2].includes.first?.reason == "Mô hình tiêu biểu của tỉnh.")

        let book = try #require(ms.book)
        #expect(book.title == "Dân vận khéo" && book.year == 2025 && book.date == CalendarDate(year: 2025, month: 1, day: 15))
        #expect(book.editors == [Editor(name: "Nguyễn Thị Hằng", role: "chief"), Editor(name: "Lê Văn Nam", role: nil)])
        #expect(book.front.map(\.path) == ["front/loi-noi-dau.xml"])
        #expect(book.front.first?.xml.hasPrefix("<preface xmlns=\"http://docbook.org/ns/docbook\"") == true)
        #expect(book.partIntros["economy"]?.xml.contains("<para>Các mô hình trong lĩnh vực kinh tế.</para>") == true)
        #expect(book.entryOrder == .district)

        let digestKeys = Set(ms.inputDigests.keys)
        #expect(digestKeys.isSuperset(of: ["book.xml", "districts.xml", "submissions/NB-2024-0001.xml",
                                           "reviews/R01-shortlist.xml", "edits/NB-2024-0002.xml",
                                           "front/loi-noi-dau.xml", "attachments/NB-2024-0001/anh-1.jpg"]))
        #expect(!digestKeys.contains { $0.hasPrefix("rounds/") })
        #expect(ms.inputDigests["attachments/NB-2024-0001/anh-1.jpg"]?.count == 64)
    }

    @Test func pathsArePrintedAsGivenOrRelativeToTheCurrentDirectory() throws {
        let m = try TempManuscript()
        defer { m.cleanUp() }
        try m.replace("fields.xml", "code=\"economy\"", "code=\"economy!\"")
        let parent = m.root.deletingLastPathComponent().path
        let name = m.root.lastPathComponent
        let absolute = ManuscriptReader.read(folder: m.root.path, options: ReadOptions(currentDirectory: parent))
        #expect(absolute.errors.contains { $0.location.path == "\(name)/fields.xml" }, "\(absolute.listing)")
        let elsewhere = ManuscriptReader.read(folder: m.root.path, options: ReadOptions(currentDirectory: "/nonexistent-cwd"))
        #expect(elsewhere.errors.contains { $0.location.path == m.root.path + "/fields.xml" }, "\(elsewhere.listing)")
        #expect(absolute.manuscript.root == m.root.path)
    }
}

@Suite struct FileLevelTests {
    @Test func missingRequiredFilesAreErrors() throws {
        let r = try readChanged { m in
            for f in ["districts.xml", "fields.xml", "rubric.xml", "reviewers.xml", "selection.xml"] { try m.remove(f) }
            for f in ["NB-2024-0001", "NB-2024-0002", "NB-2024-0003"] { try m.remove("submissions/\(f).xml") }
        }
        for f in ["districts.xml", "fields.xml", "rubric.xml", "reviewers.xml", "selection.xml"] {
            expectError(r, f, 1, 1, "\(f) is missing: every manuscript needs it")
        }
        expectError(r, "submissions", 1, 1, "no submissions found")
        // Without the configuration there is nothing to check references against: no cascade.
        #expect(r.errors.count == 6, "\(r.listing)")
        #expect(r.counts.reviewSheets == 2 && r.counts.reviews == 4)
    }

    @Test func strayFilesAreWarnedAboutButAReadmeIsNot() throws {
        let r = try readChanged { m in
            try m.write("edits/notes.txt", "ghi chú")
            try m.write("submissions/NB-2024-0009.XML", "<submission/>")
            try m.write("edits/README.txt", "what edits/ is for")
            try m.write("reviews/Readme.md", "what reviews/ is for")
        }
        #expect(r.errors.isEmpty, "\(r.listing)")
        #expect(r.warnings.map(\.location.path).sorted() == ["edits/notes.txt", "submissions/NB-2024-0009.XML"], "\(r.listing)")
        #expect(r.warnings.allSatisfy { $0.message.text(in: .en).hasPrefix("not read: only .xml files are read from") })
    }

    @Test func bookIsOptional() throws {
        let r = try readChanged { m in try m.remove("book.xml") }
        #expect(r.findings.isEmpty && r.manuscript.book == nil)
    }

    @Test func missingFolderIsOneError() {
        let r = ManuscriptReader.read(folder: "/nonexistent/manuscript")
        #expect(r.findings.count == 1)
        #expect(r.errors.first?.message.text(in: .en) == "the manuscript folder /nonexistent/manuscript does not exist")
    }

    @Test func duplicateSubmissionIdNamesBothFiles() throws {
        let r = try readChanged { m in
            try m.write("submissions/NB-2024-0004.xml", try m.text("submissions/NB-2024-0002.xml"))
        }
        expectOnlyError(r, "submissions/NB-2024-0004.xml", 2, 13, "duplicate submission id NB-2024-0002: it is also used in submissions/NB-2024-0002.xml")
        let note = try #require(r.errors.first?.notes.first)
        #expect(note.location == Diagnostics.SourceLocation(path: "submissions/NB-2024-0002.xml", line: 2, column: 13))
        // …and the file name no longer matches the id.
        #expect(r.warnings.map { $0.message.text(in: .en) } == ["the file is named NB-2024-0004.xml but holds submission NB-2024-0002; name it NB-2024-0002.xml so it is easy to find"])
        #expect(r.warnings.first?.location == Diagnostics.SourceLocation(path: "submissions/NB-2024-0004.xml", line: 2, column: 13))
    }

    @Test func sameReviewOnDifferentDatesIsNotAnError() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R01-shortlist.xml", "submission=\"NB-2024-0002\" date=\"2024-06-21\"", "submission=\"NB-2024-0001\" date=\"2024-06-22\"")
        }
        #expect(r.findings.isEmpty, "\(r.listing)")
    }

    @Test func nonXMLFilesInSubmissionsAreReported() throws {
        let r = try readChanged { m in try m.write("submissions/notes.txt", "x") }
        #expect(r.warnings.map(\.location.path) == ["submissions/notes.txt"])
        #expect(r.errors.isEmpty)
    }

    @Test func roundRecordsAndOtherFoldersAreIgnored() throws {
        let r = try readChanged { m in
            try m.write("rounds/002-broken.xml", "<not xml")
            try m.write("build/out.xml", "<not xml")
        }
        #expect(r.findings.isEmpty, "\(r.listing)")
    }

    @Test func editOfUnknownSubmission() throws {
        let r = try readChanged { m in
            try m.write("edits/NB-2024-0077.xml", try m.text("edits/NB-2024-0002.xml").replacingOccurrences(of: "NB-2024-0002", with: "NB-2024-0077"))
        }
        expectOnlyError(r, "edits/NB-2024-0077.xml", 2, 13, "edited text of NB-2024-0077, but there is no submission NB-2024-0077")
        #expect(r.counts.edits == 2)
    }

    @Test func docBookFragmentIsValidatedWhenTheSchemaIsInstalled() throws {
        guard FileManager.default.fileExists(atPath: DocBookValidator.schemaPath) else { return }
        let r = try readChanged { m in
            try m.replace("front/loi-noi-dau.xml", "<para>Cuốn", "<paragraph>Cuốn")
            try m.replace("front/loi-noi-dau.xml", "”.</para>", "”.</paragraph>")
        }
        expectOnlyError(r, "front/loi-noi-dau.xml", 4, 3, "element <paragraph> is not allowed here")
    }
}

@Suite struct HostileInputTests {
    @Test func aPipeOrABrokenLinkNamedLikeASubmissionIsAnErrorNotAHang() throws {
        let r = try readChanged { m in
            #expect(mkfifo(m.url("submissions/NB-2024-0098.xml").path, 0o644) == 0)
            try FileManager.default.createSymbolicLink(atPath: m.url("submissions/NB-2024-0099.xml").path,
                                                       withDestinationPath: "/nonexistent/NB-2024-0099.xml")
        }
        expectError(r, "submissions/NB-2024-0098.xml", 1, 1, "not read: this is not a regular file")
        expectError(r, "submissions/NB-2024-0099.xml", 1, 1, "not read: this is not a regular file")
        #expect(r.errors.count == 2, "\(r.listing)")
        #expect(r.counts.submissions == 3, "the other submissions are still read")
    }

    static let hostile: [(String, [UInt8], String, Int, Int)] = [
        ("XXE", Array("<?xml version=\"1.0\"?>\n<!DOCTYPE submission [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<submission id=\"NB-2024-0099\">&x;</submission>".utf8),
         "a DOCTYPE declaration is not allowed", 2, 1),
        ("billion laughs", Array(("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">" + (1...9).map { "<!ENTITY lol\($0) \"" + String(repeating: "&lol\($0 == 1 ? "" : String($0 - 1));", count: 10) + "\">" }.joined() + "]>\n<submission>&lol9;</submission>").utf8),
         "a DOCTYPE declaration is not allowed", 2, 1),
        ("10,000 nested sections", Array(("<submission id=\"NB-2024-0099\" kind=\"model\"><body>" + String(repeating: "<section>", count: 10_000) + String(repeating: "</section>", count: 10_000) + "</body></submission>").utf8),
         "elements are nested more than 256 levels deep", 1, 1),
        ("invalid UTF-8", Array("<submission id=\"NB-2024-0099\">\n  <title>Đ".utf8) + [0xC3, 0x28] + Array("</title></submission>".utf8),
         "the text is not valid UTF-8 (bytes 0xC3 0x28", 2, 11),
        ("NUL byte", Array("<submission id=\"NB-2024-0099\">\n<title>a".utf8) + [0] + Array("</title></submission>".utf8),
         "the file contains a NUL byte", 2, 9),
        ("empty file", [], "the file is empty", 1, 1),
        ("UTF-16", [0xFF, 0xFE] + Array("<submission/>".utf8).flatMap { [$0, 0] }, "the file is saved as UTF-16; save it as UTF-8", 1, 1),
    ]

    @Test(arguments: 0..<hostile.count)
    func hostileSubmissionIsReportedAndTheRestIsRead(_ index: Int) throws {
        let (name, bytes, message, line, column) = Self.hostile[index]
        let r = try readChanged { m in try m.write("submissions/NB-2024-0099.xml", bytes) }
        let error = try #require(r.errors.first, "\(name): no error")
        #expect(r.errors.count >= 1)
        #expect(error.location.path == "submissions/NB-2024-0099.xml", "\(name)")
        #expect(error.message.text(in: .en).contains(message), "\(name): \(r.listing)")
        if name != "10,000 nested sections" {
            #expect(error.location.line == line && error.location.column == column, "\(name): \(r.listing)")
        }
        #expect(error.notes.first?.message.text(in: .en) == "nothing in this file was read: submission NB-2024-0099 is counted but left out until the file is fixed")
        #expect(r.errors.allSatisfy { $0.location.path == "submissions/NB-2024-0099.xml" }, "\(name): \(r.listing)")
        // Everything else was still read.
        #expect(r.counts.submissions == 4, "\(name)")
        #expect(r.counts.reviews == 4 && r.counts.reviewSheets == 2 && r.counts.reviewers == 2, "\(name)")
        #expect(r.counts.filesWithErrors == 1)
        #expect(r.manuscript.submissions.map(\.id) == ["NB-2024-0001", "NB-2024-0002", "NB-2024-0003"])
    }

    @Test func reviewOfAnUnreadableSubmissionIsNotReportedTwice() throws {
        let r = try readChanged { m in
            try m.write("submissions/NB-2024-0099.xml", "")
            try m.replace("reviews/R01-shortlist.xml", "submission=\"NB-2024-0002\"", "submission=\"NB-2024-0099\"")
        }
        #expect(r.errors.count == 1, "\(r.listing)")
    }
}

@Suite struct UnicodeTests {
    @Test func nfdTextIsNormalisedWithOneWarning() throws {
        let nfdTitle = "Bà Nguyễn Thị Thu".decomposedStringWithCanonicalMapping
        let nfdName = "Nguyễn Thị Thu".decomposedStringWithCanonicalMapping
        #expect(!nfdTitle.unicodeScalars.elementsEqual("Bà Nguyễn Thị Thu".unicodeScalars))
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0002.xml", "<title>Bà Nguyễn Thị Thu", "<title>" + nfdTitle)
            try m.replace("submissions/NB-2024-0002.xml", "<person role=\"subject\">Nguyễn Thị Thu", "<person role=\"subject\">" + nfdName)
        }
        #expect(r.errors.isEmpty, "\(r.listing)")
        #expect(r.warnings.count == 1, "\(r.listing)")
        let w = try #require(r.warnings.first)
        #expect(w.location == Diagnostics.SourceLocation(path: "submissions/NB-2024-0002.xml", line: 3, column: 11))
        #expect(w.message.text(in: .en).contains("not in Unicode NFC"))
        let s = try #require(r.manuscript.submissions.first { $0.id == "NB-2024-0002" })
        guard case .text(let title)? = s.title.first else { Issue.record("no title"); return }
        #expect(title.unicodeScalars.elementsEqual("Bà Nguyễn Thị Thu, người gương mẫu ở khu phố".unicodeScalars))
        #expect(s.people.first?.name.unicodeScalars.elementsEqual("Nguyễn Thị Thu".unicodeScalars) == true)
    }
}

@Suite struct SchemaTranslationTests {
    @Test func cascadeIsDroppedForOneMistake() throws {
        // libxml2 reports this as five lines up the tree; the editor gets one.
        let r = try readChanged { m in try m.replace("submissions/NB-2024-0001.xml", "<cell>2023</cell>", "<cel>2023</cel>") }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 28, 14, "unknown element <cel> here; expected <cell>")
    }

    @Test func everySchemaCompilesAndHasAModel() throws {
        for format in InputFormat.allCases {
            _ = try SchemaSet().schema(format)
            let model = try #require(SchemaModels.all[format])
            #expect(model.root == format.rootElement)
        }
        let sub = try #require(SchemaModels.all[.submission])
        #expect(sub.elements["submission"]?.attribute("kind")?.type == .enumeration(["model", "example"]))
        #expect(sub.elements["registered"]?.textType == .date)
        #expect(sub.elements["submission"]?.slots.map(\.names).prefix(3) == [["title"], ["field"], ["unit"]])
    }

    @Test(arguments: [
        ("NB-2024-0137", true), ("a", true), ("R07", true), ("gia-vien", true), ("x.y_z", true),
        ("-bad", false), ("NB 2024", false), ("Đồng", false), ("", false), (String(repeating: "a", count: 65), false),
    ])
    func identifiers(_ value: String, _ ok: Bool) {
        #expect(isIdentifier(value) == ok)
    }

    @Test func decimals() {
        #expect(parseDecimal("8.5") == 8.5)
        #expect(parseDecimal(" -3 ") == -3)
        #expect(parseDecimal("1,5") == nil)
        #expect(parseDecimal("1e3") == nil)
        #expect(parseDecimal(".") == nil)
    }

    @Test func closestNames() {
        #expect(closest("tittle", among: ["title", "field"]) == "title")
        #expect(closest("xyz", among: ["title"]) == nil)
    }
}

@Suite struct TextFormTests {
    @Test(arguments: ["", "  a  b ", "a\r\nb", "\u{A0}x\u{2003}y\u{3000}", "Ủy  ban\n\t xã", "x\u{200B}y"])
    func fastCollapseMatchesTheModel(_ s: String) {
        #expect(s.collapsed == s.whitespaceCollapsed)
    }

    @Test func nfcQuickCheck() {
        #expect(isCertainlyNFC(Array("Ủy ban “Dân vận khéo” – 2024".utf8)))
        #expect(!isCertainlyNFC(Array("Ủy".decomposedStringWithCanonicalMapping.utf8)))
        #expect(firstNonNFC(Array("ab\nc\u{2126}".utf8))! == (2, 2))  // OHM SIGN is not NFC
    }

    /// Ranges known to be certainly NFC are not looked at; the rest decides, and anything doubtful
    /// normalises the whole text.
    @Test func nfcKnowingRanges() {
        let known = "Ủy ban xã"
        let text = "<a>" + known + "</a><b>" + known + "</b>"
        let first = 3..<(3 + known.utf8.count)
        let second = (text.utf8.count - 4 - known.utf8.count)..<(text.utf8.count - 4)
        #expect(text.nfcNormalized(knowing: [first, second]) == text)
        // A decomposed letter outside the known ranges is composed, and so is the whole text.
        let decomposed = "<a>" + known + "</a>" + "e\u{301}" + "<b>" + known + "</b>"
        let shifted = (decomposed.utf8.count - 4 - known.utf8.count)..<(decomposed.utf8.count - 4)
        #expect(decomposed.nfcNormalized(knowing: [first, shifted]) == decomposed.precomposedStringWithCanonicalMapping)
        #expect(decomposed.nfcNormalized(knowing: [first, shifted]).utf8.count == decomposed.utf8.count - 1)
        // Ranges out of order or out of bounds are not trusted.
        #expect(decomposed.nfcNormalized(knowing: [shifted, first]) == decomposed.precomposedStringWithCanonicalMapping)
        #expect(text.nfcNormalized(knowing: [0..<(text.utf8.count + 5)]) == text)
        // Inside a range the text is taken as it is said to be: the callers keep only what passed.
        let inside = "<a>" + "e\u{301}" + "</a>"
        #expect(inside.nfcNormalized(knowing: [3..<6]) == inside)
    }
}
