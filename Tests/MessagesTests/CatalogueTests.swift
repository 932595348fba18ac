import Testing
@testable import Messages

@Suite struct CatalogueTests {
    /// Every key of every part has a text in both languages, with the same placeholders.
    @Test func everyKeyHasBothLanguagesWithTheSamePlaceholders() {
        var problems: [String] = []
        for part in Catalogues.all {
            problems += check(part)
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    private func check<C: Catalogue>(_ part: C.Type) -> [String] {
        var problems: [String] = []
        for key in C.allCases {
            for language in Language.allCases {
                let text = key.template(in: language)
                if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    problems.append("\(key.code): no \(language) text")
                }
                if text.filter({ $0 == "{" }).count != text.filter({ $0 == "}" }).count {
                    problems.append("\(key.code): unbalanced braces in \(language)")
                }
            }
            if key.placeholders(in: .vi) != key.placeholders(in: .en) {
                problems.append("\(key.code): placeholders differ: vi \(key.placeholders(in: .vi).sorted()) en \(key.placeholders(in: .en).sorted())")
            }
        }
        return problems
    }

    @Test func codesAreUniqueAcrossParts() {
        var codes: [String] = []
        for part in Catalogues.all { codes += allCodes(part) }
        #expect(Set(codes).count == codes.count)
    }

    private func allCodes<C: Catalogue>(_ part: C.Type) -> [String] { C.allCases.map(\.code) }

    @Test func numbersAndDatesTheVietnameseWay() {
        #expect(NumberStyle.decimal(7.25, places: 2, in: .vi) == "7,25")
        #expect(NumberStyle.decimal(7.25, places: 2, in: .en) == "7.25")
        #expect(NumberStyle.decimal(-0.004, places: 2, in: .vi) == "0,00")
        #expect(NumberStyle.decimal(-1.5, places: 1, in: .en) == "−1.5")
        #expect(NumberStyle.integer(10000, in: .vi) == "10.000")
        #expect(NumberStyle.integer(1234567, in: .en) == "1,234,567")
        #expect(NumberStyle.integer(479, in: .vi) == "479")
        #expect(NumberStyle.date(year: 2024, month: 6, day: 20, in: .vi) == "20/6/2024")
        #expect(NumberStyle.date(year: 2024, month: 6, day: 20, in: .en) == "20 June 2024")
        #expect(NumberStyle.percent(0.125, places: 1, in: .vi) == "12,5 %")
    }

    @Test func placeholdersAndPluralsAreFilled() {
        let message = Message(code: "t.x", vietnamese: "{n} ứng viên ở {place}",
                              english: "{n} {n|candidate|candidates} in {place}",
                              arguments: ["n": .integer(1), "place": "Hoa Lư"])
        #expect(message.text(in: .vi) == "1 ứng viên ở Hoa Lư")
        #expect(message.text(in: .en) == "1 candidate in Hoa Lư")
        let many = Message(code: "t.x", vietnamese: message.vietnamese, english: message.english,
                           arguments: ["n": .integer(12000), "place": "Hoa Lư"])
        #expect(many.text(in: .vi) == "12.000 ứng viên ở Hoa Lư")
        #expect(many.text(in: .en) == "12,000 candidates in Hoa Lư")
        let missing = Message(code: "t.y", vietnamese: "thiếu {what}", english: "missing {what}")
        #expect(missing.text(in: .en) == "missing {what}")
    }

    @Test func theLanguageComesFromTheFlagThenTheEnvironment() {
        #expect(Language.resolve(arguments: ["modelbook", "check"], environment: [:]) == .vi)
        #expect(Language.resolve(arguments: ["modelbook", "check"], environment: ["LANG": "C.UTF-8"]) == .vi)
        #expect(Language.resolve(arguments: ["modelbook", "check"], environment: ["LANG": "en_GB.UTF-8"]) == .en)
        #expect(Language.resolve(arguments: ["modelbook"], environment: ["LANG": "en_US.UTF-8", "LC_ALL": "vi_VN.UTF-8"]) == .vi)
        #expect(Language.resolve(arguments: ["modelbook", "check", "--lang", "en"], environment: ["LANG": "vi_VN"]) == .en)
        #expect(Language.resolve(arguments: ["modelbook", "--lang=vi"], environment: ["LANG": "en_US"]) == .vi)
        #expect(Language.resolve(arguments: ["modelbook", "--", "--lang", "en"], environment: [:]) == .vi)
    }

    @Test func theCurrentLanguageIsSetPerTask() {
        let message = CommonText.error.message
        Language.$current.withValue(.en) { #expect(message.text() == "error") }
        Language.$current.withValue(.vi) { #expect(message.text() == "lỗi") }
    }
}
