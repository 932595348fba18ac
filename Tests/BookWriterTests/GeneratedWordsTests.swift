import Foundation
import Testing
@testable import BookWriter
@testable import Pipeline

/// The words docbook-xsl and the styles add to the book (table of contents, chapter and appendix
/// labels, captions, navigation, index) are Vietnamese in the rendered HTML and PDF, like the book:
/// none of docbook-xsl's English defaults is left.
@Suite(.serialized) struct GeneratedWordsTests {
    static let canRender = Tools.find("fop") != nil && Tools.find("xsltproc") != nil && Tools.find("pdftotext") != nil
        && stylesDirectory != nil

    /// English words docbook-xsl generates when a language lacks them (whole words, as written there).
    static let english = ["Table of Contents", "Contents", "Chapter", "Appendix", "Index", "Figure", "Table",
                          "Next", "Prev", "Home", "Up", "Part", "Abstract", "Preface", "Navigation", "Editor",
                          "Publisher", "Publication", "See also"]

    static func englishWords(in text: String) -> [String] {
        english.filter { word in
            text.ranges(of: word).contains { range in
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
            }
        }
    }

    @Test(.enabled(if: canRender, "needs xsltproc, fop and pdftotext (apt-get install xsltproc fop poppler-utils) and the styles/ folder"))
    func vietnameseInHTMLAndPDF() throws {
        let out = try temporaryFolder("words")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = try runBuild([.html, .pdf], out: out)
        #expect(report.succeeded, "\(report.failed.map(\.1.description))")

        // HTML: every page, markup included (attribute values such as a table's summary are read aloud).
        let pages = files(under: out + "/html").filter { $0.key.hasSuffix(".html") }
        try #require(!pages.isEmpty)
        // docbook-xsl joins a label and its number with a no-break space ("Chương 1").
        let html = pages.keys.sorted().map { String(decoding: pages[$0]!, as: UTF8.self) }.joined(separator: "\n")
            .replacingOccurrences(of: "\u{A0}", with: " ")
        let home = String(decoding: try #require(pages["index.html"]), as: UTF8.self)
        #expect(home.contains("<html lang=\"vi\">"))
        #expect(home.contains("Mục lục"))
        let inHTML = ["Chương 1. ", "Phụ lục A. ", "Bảng 3.1. ", "Hình 3.1. ", "Tóm tắt", "Trước đó", "Kế tiếp", "Lên", "Đầu",
                      "Chỉ mục"]
        #expect(inHTML.filter { !html.contains($0) }.isEmpty, "missing in the HTML: \(inHTML.filter { !html.contains($0) })")
        #expect(Self.englishWords(in: html).isEmpty, "English in the HTML: \(Self.englishWords(in: html))")

        // PDF: its text as pdftotext reads it.
        let text = try Tools.run(Tools.find("pdftotext")!, [out + "/book.pdf", "-"]).output.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\u{A0}", with: " ")
        let inPDF = ["Mục lục", "Chương 1", "Phụ lục A", "Bảng 3.1. ", "Hình 3.1. ", "Chỉ mục"]
        #expect(inPDF.filter { !text.contains($0) }.isEmpty, "missing in the PDF: \(inPDF.filter { !text.contains($0) })")
        #expect(Self.englishWords(in: text).isEmpty, "English in the PDF: \(Self.englishWords(in: text))")
    }

    @Test("the check finds docbook-xsl's English words as whole words only")
    func englishWordsAreWholeWords() {
        #expect(Self.englishWords(in: "<table summary=\"Navigation header\">") == ["Navigation"])
        #expect(Self.englishWords(in: "Chapter 1. Up") == ["Chapter", "Up"])
        #expect(Self.englishWords(in: "Uptown Tables Chỉ mục Indexes").isEmpty)
    }

    @Test("the text output's own words follow the book's language, not the interface's")
    func textWordsFollowTheBook() throws {
        let book = try sampleBook()
        #expect(book.language == "vi")
        let vietnamese = PlainTextRenderer(width: 72).render(book)
        for word in ["Mục lục", "Phần I. ", "Phụ lục A. ", "Tóm tắt: ", "Kết quả", "Loại: ", "Chỉ mục địa bàn",
                     "Cách thức tuyển chọn", "Tiêu chí chấm điểm"] {
            #expect(vietnamese.contains(word), "\(word)")
        }
        var manuscript = Sample.manuscript
        manuscript.book?.language = "en"
        let english = try Book(manuscript: manuscript, selection: Sample.selection)
        let text = PlainTextRenderer(width: 72).render(english)
        for word in ["Contents", "Part I. ", "Appendix A. ", "Summary: ", "Results", "Kind: ", "Index of districts",
                     "How the entries were selected", "Scoring criteria"] {
            #expect(text.contains(word), "\(word)")
        }
        #expect(!text.contains("Mục lục") && !text.contains("Phần I. "))
        #expect(DocBookWriter.write(english).contains("<title>Results</title>"))
        #expect(DocBookWriter.write(book).contains("<title>Kết quả</title>"))
    }
}
