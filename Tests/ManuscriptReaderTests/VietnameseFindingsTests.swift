import Messages
import Testing
@testable import ManuscriptReader
import ManuscriptModel

/// The reader's findings in Vietnamese: the same finding, rendered where it is printed.
@Suite struct VietnameseFindingsTests {
    @Test func numbersAndListsAreWrittenTheLanguagesWay() {
        #expect(number(8.5).text(in: .vi) == "8,5")
        #expect(number(8.5).text(in: .en) == "8.5")
        // As the editor wrote them: no grouping, an ASCII minus.
        #expect(number(1200).text(in: .vi) == "1200")
        #expect(number(-1).text(in: .en) == "-1")
        #expect(number(.nan).text(in: .vi) == "không phải là số")
        #expect(orList(["a", "b", "c"]).text(in: .vi) == "a, b hoặc c")
        #expect(orList(["a", "b"]).text(in: .en) == "a or b")
        #expect(orList(["a"]).text(in: .vi) == "a")
    }

    @Test func aScoreOutsideTheScaleIsWordedInBothLanguages() throws {
        let result = try readChanged { m in
            try m.replace("reviews/R01-shortlist.xml", "<score criterion=\"effectiveness\">8.5</score>",
                          "<score criterion=\"effectiveness\">10.5</score>")
        }
        let finding = try #require(result.errors.first)
        #expect(finding.message.code == "check.score-outside-scale")
        #expect(finding.formatted(in: .vi) == "reviews/R01-shortlist.xml:4:5: lỗi: điểm 10,5 của effectiveness nằm ngoài thang điểm 0–10")
        #expect(finding.formatted(in: .en) == "reviews/R01-shortlist.xml:4:5: error: score 10.5 for effectiveness is outside the rubric's scale 0–10")
    }

    @Test func aGuessKeepsTheCodeOfTheSentenceItCompletes() throws {
        let result = try readChanged { m in
            try m.replace("submissions/NB-2024-0002.xml", "<field>culture-society</field>", "<field>culture-societi</field>")
        }
        let finding = try #require(result.errors.first)
        #expect(finding.message.code == "check.unknown")
        #expect(finding.message.text(in: .vi) == "không có lĩnh vực \"culture-societi\" trong fields.xml; có phải là \"culture-society\" không?")
    }

    @Test func aFileThatIsNotXMLIsExplainedAndItsNoteFollows() throws {
        let result = try readChanged { m in
            try m.write("submissions/NB-2024-0003.xml", "<submission id=\"NB-2024-0003\"><title>x</titel></submission>")
        }
        let finding = try #require(result.errors.first { $0.location.path == "submissions/NB-2024-0003.xml" })
        // libxml2 points just past the closing tag: `</titel>` takes columns 39–46.
        #expect(finding.formatted(in: .vi) == """
            submissions/NB-2024-0003.xml:1:47: lỗi: thẻ đóng </titel> không khớp với phần tử <title> đang mở từ dòng 1
                ghi chú: chưa đọc được gì trong tệp này: hồ sơ NB-2024-0003 vẫn được đếm nhưng bị để riêng ra cho đến khi tệp được sửa
            """)
    }
}
