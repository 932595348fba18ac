import Foundation
import ManuscriptModel
import Testing
@testable import ManuscriptGenerator
@testable import ManuscriptReader

/// Commands that drop the text count the body's words without mapping it (`Mapper+Words`). The
/// count, the figures and the links must be those of the full mapping, which `WordCount` counts on
/// the model: checked on bodies counted by hand and on random bodies, valid or not.
@Suite struct BodyWordsTests {
    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission id="NB-2024-0001" kind="model" xml:lang="vi">
          <title>Mô hình</title><field>economy</field>
          <unit level="commune" district="gia-vien">Xã Gia Hưng</unit>
          <registered>2024-03-15</registered><period start="2022-01"/>
        """

    /// The submission read in full and read dropping the text.
    static func readBoth(summary: String = "<summary>Tóm tắt.</summary>", body: String) throws -> (full: SubmissionRead, lean: SubmissionRead) {
        func read(_ keepsText: Bool) throws -> SubmissionRead {
            let layout = Layout(folder: "/nonexistent-manuscript", cwd: "/nonexistent-manuscript")
            var options = ReadOptions(workers: 1)
            options.keepsText = keepsText
            let reader = FileReader(layout: layout, options: options, schemas: SchemaSet(), attachmentDigests: DigestCache())
            let job = ManuscriptReader.Job(relativePath: "submissions/NB-2024-0001.xml", format: .submission, isEdit: false)
            let xml = head + summary + "<body>" + body + "</body></submission>\n"
            guard case .submission(let r)? = reader.read(job, bytes: Array(xml.utf8)).content else {
                Issue.record("not read: \(body)")
                throw CancellationError()
            }
            return r
        }
        return (try read(true), try read(false))
    }

    static func expectSame(_ full: SubmissionRead, _ lean: SubmissionRead, _ body: String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(full.submission.bodyWordsOfDroppedText == nil, sourceLocation: sourceLocation)
        #expect(lean.submission.body.isEmpty && lean.submission.summary.isEmpty, sourceLocation: sourceLocation)
        #expect(lean.submission.bodyWords == WordCount.body(full.submission.body), "\(body)", sourceLocation: sourceLocation)
        #expect(lean.figures.map(\.value) == full.figures.map(\.value), "\(body)", sourceLocation: sourceLocation)
        #expect(lean.figures.map(\.at) == full.figures.map(\.at), sourceLocation: sourceLocation)
        #expect(lean.links.map(\.value) == full.links.map(\.value), "\(body)", sourceLocation: sourceLocation)
        #expect(lean.links.map(\.at) == full.links.map(\.at), sourceLocation: sourceLocation)
    }

    /// Bodies and their words, counted by hand from formats.md's rule.
    static let counted: [(String, Int)] = [
        ("<p>một hai  ba</p>", 3),
        ("<p>a<!-- chú thích -->b c</p>", 2),  // a comment does not split a text node
        ("<p>a<em>b</em>c</p>", 3),  // emphasis is a node of its own
        ("<p>a<span>b</span>c</p>", 1),  // unknown markup: its text flows on
        ("<p>một <![CDATA[hai]]>ba</p>", 2),
        ("<p>x<note>y z</note>w</p>", 4),
        ("<p>a&#160;b\tc\nd\re</p>", 4),  // a no-break space joins; tab, LF and CR separate
        ("<p>Xem <link href=\"https://example.vn/a\">bài <strong>viết</strong></link>.</p>", 4),
        ("<list><item>a b<p>c</p></item></list>", 1),  // an item with blocks: its loose text is not mapped
        ("<list type=\"ordered\"><item>a <em>b</em></item><item/></list>", 2),
        ("chữ rời<p>một</p>", 1),  // text directly in the body is not a block
        ("<table><caption>x y</caption><row role=\"head\"><cell>1</cell><cell>2 3</cell></row><row><cell><link href=\"#b\">l</link></cell></row></table>", 6),
        ("<section><title>T t</title><p>u</p><section><title>v</title><figure ref=\"NB/h.svg\"><caption>c d</caption></figure></section></section>", 6),
        ("<quote source=\"Người dân\"><p>Chúng tôi <q>đồng thuận</q>.</p></quote>", 5),
        ("<p>a&amp;b</p>", 1),
        ("<p></p><p>   </p>", 0),
    ]

    @Test(arguments: counted.indices)
    func countedByHand(_ i: Int) throws {
        let (body, words) = Self.counted[i]
        let (full, lean) = try Self.readBoth(body: body)
        #expect(lean.submission.bodyWords == words, "\(body)")
        Self.expectSame(full, lean, body)
    }

    @Test func linksOfTheSummaryAreStillCollected() throws {
        let (full, lean) = try Self.readBoth(summary: "<summary>Xem <link href=\"https://example.vn/s\">đây</link>.</summary>",
                                             body: "<p>Một <link href=\"ftp://x\">hai</link></p>")
        #expect(lean.links.map(\.value) == ["https://example.vn/s", "ftp://x"])
        Self.expectSame(full, lean, "summary")
    }

    /// Random bodies from the elements of formats.md and a few it does not know, with comments,
    /// CDATA, entities and every kind of white space: the lean count equals the full one.
    @Test func randomBodiesCountAsTheirMapping() throws {
        var rng = Xoshiro256(seed: 20261203)
        for _ in 0..<300 {
            var generator = RandomBody(rng: &rng)
            let body = generator.blocks(depth: 0)
            let (full, lean) = try Self.readBoth(body: body)
            Self.expectSame(full, lean, body)
        }
    }
}

/// Random bodies, from the generator's seeded Xoshiro256, so a failing body can be found again.
struct RandomBody {
    var rng: Xoshiro256
    init(rng: inout Xoshiro256) { self.rng = Xoshiro256(seed: rng.next()) }

    mutating func pick(_ options: [String]) -> String { options[rng.below(options.count)] }

    mutating func text() -> String {
        var out = ""
        for _ in 0..<rng.below(4) {
            out += pick(["", " ", "  ", "\t", "\n", "\r\n", " \n "]) + pick(["một", "hai", "Đồn", "a", "b", "x&amp;y", "1,5", "&#160;", "a&#160;b"])
        }
        return out + pick(["", " ", "\n"])
    }

    mutating func inline(depth: Int) -> String {
        var out = ""
        for _ in 0..<rng.below(5) {
            switch rng.below(depth > 2 ? 3 : 10) {
            case 0, 1: out += text()
            case 2: out += pick(["<!-- c -->", "<?pi x?>", "<![CDATA[" + pick(["z", " z ", "z w"]) + "]]>"])
            case 3: out += "<em>" + inline(depth: depth + 1) + "</em>"
            case 4: out += "<strong>" + inline(depth: depth + 1) + "</strong>"
            case 5: out += "<q>" + inline(depth: depth + 1) + "</q>"
            case 6: out += "<note>" + inline(depth: depth + 1) + "</note>"
            case 7: out += "<link href=\"" + pick(["https://a.vn", " #x ", ""]) + "\">" + inline(depth: depth + 1) + "</link>"
            case 8: out += "<span>" + inline(depth: depth + 1) + "</span>"
            default: out += "<p>" + inline(depth: depth + 1) + "</p>"  // a block where inline content goes
            }
        }
        return out
    }

    mutating func blocks(depth: Int) -> String {
        var out = ""
        for _ in 0..<rng.below(depth == 0 ? 5 : 3) + (depth == 0 ? 1 : 0) {
            out += pick(["", " ", "\n  ", "loose "])
            switch rng.below(depth > 2 ? 2 : 9) {
            case 0: out += "<p>" + inline(depth: 0) + "</p>"
            case 1: out += "<figure ref=\"NB-2024-0001/h-\(rng.below(9)).svg\">" + (rng.below(2) == 0 ? "<caption>" + inline(depth: 0) + "</caption>" : "") + "</figure>"
            case 2: out += "<section><title>" + inline(depth: 0) + "</title>" + blocks(depth: depth + 1) + "</section>"
            case 3:
                out += "<list type=\"bullet\">"
                for _ in 0..<rng.below(3) {
                    out += "<item>" + (rng.below(2) == 0 ? inline(depth: 0) : blocks(depth: depth + 1) + text()) + "</item>"
                }
                out += "</list>"
            case 4: out += "<quote>" + blocks(depth: depth + 1) + "</quote>"
            case 5:
                out += "<table>"
                for _ in 0..<rng.below(3) {
                    out += "<row>" + (0..<rng.below(3)).map { _ in "<cell>" + inline(depth: 0) + "</cell>" }.joined() + "</row>"
                }
                if rng.below(2) == 0 { out += "<caption>" + inline(depth: 0) + "</caption>" }
                out += "</table>"
            case 6: out += "<div>" + blocks(depth: depth + 1) + "</div>"  // unknown: not a block
            case 7: out += "<!-- x -->"
            default: out += "<p>" + inline(depth: 0) + "</p>"
            }
        }
        return out
    }
}

extension Xoshiro256 {
    mutating func below(_ n: Int) -> Int { int(0...(n - 1)) }
}
