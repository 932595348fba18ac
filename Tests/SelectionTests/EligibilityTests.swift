import ManuscriptModel
import Testing
@testable import Selection

@Suite struct EligibilityTests {
    let window = (Fx.ym("2021-01"), Fx.ym("2025-12"))

    func within(_ start: String, _ end: String?) -> Bool {
        Eligibility.passes(Fx.submission("X", start: start, end: end), .periodWithin(start: window.0, end: window.1))
    }

    func overlaps(_ start: String, _ end: String?) -> Bool {
        Eligibility.passes(Fx.submission("X", start: start, end: end), .periodOverlaps(start: window.0, end: window.1))
    }

    @Test func periodWithinBoundaries() {
        #expect(within("2021-01", "2025-12"))
        #expect(within("2021-01", nil))          // ongoing: the end condition applies only to a present end
        #expect(!within("2020-12", "2022-01"))
        #expect(!within("2022-01", "2026-01"))
        #expect(!within("2020-12", nil))
    }

    @Test func periodOverlapsBoundaries() {
        #expect(overlaps("2019-01", "2021-01"))  // one month in common
        #expect(!overlaps("2019-01", "2020-12"))
        #expect(overlaps("2025-12", nil))
        #expect(!overlaps("2026-01", nil))
        #expect(overlaps("2010-01", nil))        // ongoing since long before
        #expect(overlaps("2025-12", "2027-01"))
        #expect(!overlaps("2026-01", "2027-01"))
    }

    @Test func otherRules() {
        #expect(!Eligibility.passes(Fx.submission("X", endorsed: false), .hasEndorsement))
        #expect(Eligibility.passes(Fx.submission("X", results: 2), .minResults(2)))
        #expect(!Eligibility.passes(Fx.submission("X", results: 1), .minResults(2)))
        #expect(!Eligibility.passes(Fx.submission("X", results: nil), .minResults(1)))
        #expect(Eligibility.passes(Fx.submission("X", results: nil), .minResults(0)))
    }

    /// Every text node counts: section title 3, paragraph 2+1+2 plus its footnote 2, table caption 2
    /// and cells 2+1, list item 3, figure caption 1, quote 2, a no-break space joining 2 words: 1.
    static let body: [Block] = [
        .section(Section(title: [.text("Cách làm hay")], blocks: [
            .paragraph([.text("Một hai "), .emphasis([.text("ba")]), .text("bốn\tnăm\n"),
                        .note([.text(" chú  thích ")])]),
            .table(Table(caption: [.text("Bảng 1")], rows: [
                TableRow(isHead: true, cells: [TableCell(content: [.text("a b")]), TableCell(content: [.strong([.text("c")])])]),
            ])),
        ])),
        .list(ListBlock(type: .bullet, items: [[.paragraph([.text("x y"), .link(href: "https://example.org", [.text("z")])])]])),
        .figure(Figure(ref: "X/a.jpg", caption: [.text("Ảnh")])),
        .quote(BlockQuote(source: "Người nói dài tên", blocks: [.paragraph([.quote([.text("q r")])])])),
        .paragraph([.text("Điều\u{00A0}5")]),
    ]

    @Test func wordsCountedPerTextNode() {
        #expect(WordCount.body(Self.body) == 22)
        // Tags separate text nodes: "a<em>b</em>" is two words although it reads "ab".
        #expect(WordCount.body([.paragraph([.text("a"), .emphasis([.text("b")])])]) == 2)
        #expect(WordCount.tokens("  \n\t ") == 0)
        #expect(WordCount.tokens(" một  hai\r\nba ") == 3)
    }

    @Test func minBodyWordsBoundary() {
        let s = Fx.submission("X", body: Self.body)
        #expect(Eligibility.passes(s, .minBodyWords(22)))
        #expect(!Eligibility.passes(s, .minBodyWords(23)))
    }

    @Test func screenNamesEveryFailedRule() throws {
        let rules: [EligibilityRule] = [.periodWithin(start: Fx.ym("2021-01"), end: Fx.ym("2025-12")), .hasEndorsement,
                                        .minResults(1), .minBodyWords(300)]
        let screen = Round(id: "eligibility", type: .screen, requirements: rules.map { Requirement(rule: $0, location: Fx.here) },
                           location: Fx.here)
        let subs = [Fx.submission("OK"), Fx.submission("BAD", start: "2019-01", words: 299, results: nil, endorsed: false),
                    Fx.submission("ENDLESS", end: nil, words: 300)]
        let run = try Selection.run(Fx.manuscript(submissions: subs, rounds: [screen]))
        guard case .screen(let r) = run.rounds[0] else { Issue.record("no screen"); return }
        #expect(r.eligible == ["ENDLESS", "OK"])
        #expect(r.ineligible == ["BAD": ["period-within", "has-endorsement", "min-results", "min-body-words"]])
        #expect(r.bodyWords["BAD"] == 299)
    }
}

@Suite struct ReviewCountingTests {
    @Test func conflictsAndSupersession() throws {
        let s = Fx.submission("S", district: "kim-son", unit: "Ủy ban nhân dân  xã\nKim Chính")
        let reviewers = [
            Fx.reviewer("SAME-D", district: "kim-son"),
            Fx.reviewer("PROV", district: "province", unit: "Ban Dân vận Tỉnh ủy"),
            Fx.reviewer("SAME-U", district: "gia-vien", unit: " Ủy ban nhân dân xã Kim Chính "),
            Fx.reviewer("DECL", district: "gia-vien"),
            Fx.reviewer("TWICE", district: "gia-vien"),
        ]
        let reviews = [
            Fx.review("SAME-D", "S", [5]), Fx.review("PROV", "S", [6]), Fx.review("SAME-U", "S", [7]),
            Fx.review("DECL", "S", [8]),
            Fx.review("TWICE", "S", [9], date: "2024-06-25"), Fx.review("TWICE", "S", [3], date: "2024-06-21"),
            Fx.review("GHOST", "S", [1]),
        ]
        // Declared in another round's sheet: applies in every round.
        let conflict = DeclaredConflict(reviewer: "DECL", submission: "S", reason: "Tôi công tác tại đơn vị này.",
                                        location: SourceLocation(path: "reviews/DECL-other.xml", line: 9, column: 3))
        let m = Fx.manuscript(submissions: [s], reviewers: reviewers, reviews: reviews, conflicts: [conflict],
                              rounds: [Fx.rankRound()])
        let pool = try ReviewCounting.pool(source: "shortlist", manuscript: m)
        let why = Dictionary(pool.reviews.map { ($0.reviewer + "@" + $0.date.description, $0.dropped) }, uniquingKeysWith: { a, _ in a })
        #expect(why["SAME-D@2024-06-20"] == .some(.sameDistrict))
        #expect(why["PROV@2024-06-20"] == .some(nil))
        #expect(why["SAME-U@2024-06-20"] == .some(.sameUnit))
        #expect(why["DECL@2024-06-20"] == .some(.declaredConflict))
        #expect(why["TWICE@2024-06-25"] == .some(nil))
        #expect(why["TWICE@2024-06-21"] == .some(.superseded))
        #expect(why["GHOST@2024-06-20"] == .some(.unknownReviewer))
        #expect(pool.counted.map(\.total) == [6, 9])
        #expect(pool.reviews.first { $0.dropped == .declaredConflict }!.dropDetail!.recorded.hasPrefix("declared at reviews/DECL-other.xml:9:3"))
        // The records keep the English words and the ISO date, whatever the language.
        #expect(pool.reviews.first { $0.dropped == .superseded }?.dropDetail?.recorded == "superseded by the review of 2024-06-25")
        #expect(pool.reviews.first { $0.dropped == .superseded }?.whyNotCountedMessage?.text(in: .vi)
            == "đã được thay bằng phiếu chấm sau của cùng người chấm trong vòng này (phiếu chấm thay thế ngày 25/6/2024)")
    }

    @Test func sameDateTwiceIsAnError() {
        let m = Fx.manuscript(submissions: [Fx.submission("S")], reviewers: [Fx.reviewer("R")],
                              reviews: [Fx.review("R", "S", [5], line: 3), Fx.review("R", "S", [6], line: 9)],
                              rounds: [Fx.rankRound()])
        #expect(throws: SelectionError.self) { try ReviewCounting.pool(source: "shortlist", manuscript: m) }
        do {
            _ = try Selection.run(m)
        } catch {
            #expect(error.findings[0].message.text(in: .en).contains("twice on 20 June 2024"))
            #expect(error.findings[0].message.text(in: .vi).contains("hai lần cùng ngày 20/6/2024"))
        }
    }

    /// Byte order on the UTF-8 buffers equals the lexicographic order of the UTF-8 views.
    @Test func byteOrderIsTheOrderOfTheBytes() {
        let words = ["", "a", "ab", "b", "NB-2024-0001", "NB-2024-00010", "NB-2024-0002", "Đ", "D", "đ", "Z", "é", "e\u{301}", "漢", "~"]
        for a in words {
            for b in words {
                #expect(byteOrder(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
            }
        }
    }
}

/// `WordCount.Tokens` counts eight bytes at a time; checked against a byte-by-byte count on random
/// text of every length, cut into random pieces.
@Suite struct TokenCountTests {
    static func reference(_ bytes: [UInt8]) -> Int {
        var count = 0
        var inWord = false
        for b in bytes {
            if [0x20, 0x09, 0x0A, 0x0D].contains(b) { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    @Test func piecesOfRandomTextCountAsOneText() {
        var state: UInt64 = 0x2026_1203
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet: [UInt8] = [0x20, 0x09, 0x0A, 0x0D, 0x61, 0x00, 0x1F, 0x21, 0x7F, 0x80, 0xA0, 0xC3, 0xE1, 0xFF, 0x2D]
        for length in 0..<200 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in alphabet[next() % alphabet.count] }
                var run = WordCount.Tokens()
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + 1 + next() % 40)
                    bytes[start..<end].withUnsafeBufferPointer { run.add($0) }
                    start = end
                }
                #expect(run.count == Self.reference(bytes), "\(bytes)")
            }
        }
    }
}
