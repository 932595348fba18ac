import Testing
import ManuscriptModel
import XMLKit
@testable import BookWriter

/// The HTML walker, read back with libxml2: every block and inline becomes the element it should,
/// text is escaped, links other than http, https and mailto are not links, notes are numbered.
@Suite struct HTMLOutputTests {
    static func parse(_ fragment: String) throws -> XMLElement {
        try XMLDocument.parse(Array(("<div>" + fragment + "</div>").utf8)).root
    }

    static func all(_ e: XMLElement, _ name: String) -> [XMLElement] {
        e.elements.flatMap { ($0.name == name ? [$0] : []) + all($0, name) }
    }

    @Test func everyBlockOfASubmissionBecomesItsElement() throws {
        let body = Sample.full.body
        let root = try Self.parse(HTMLOutput.fragment(body))
        // Counted in the values themselves.
        func count(_ blocks: [Block], _ pick: (Block) -> Bool) -> Int {
            blocks.reduce(0) { n, b in
                let inner: [Block] = switch b {
                case .section(let s): s.blocks
                case .list(let l): l.items.flatMap { $0 }
                case .quote(let q): q.blocks
                default: []
                }
                return n + (pick(b) ? 1 : 0) + count(inner, pick)
            }
        }
        #expect(Self.all(root, "section").count == count(body) { if case .section = $0 { true } else { false } })
        #expect(Self.all(root, "p").count == count(body) { if case .paragraph = $0 { true } else { false } })
        #expect(Self.all(root, "ol").count + Self.all(root, "ul").count
                == count(body) { if case .list = $0 { true } else { false } } + 1) // + the notes' list
        #expect(Self.all(root, "blockquote").first?.element(named: "footer")?.textContent == "— Ông Đinh Văn Hùng, Chủ tịch UBND xã")
        let table = try #require(Self.all(root, "table").first)
        #expect(Self.all(table, "th").count == 3)
        #expect(Self.all(table, "td").first { $0.attribute("colspan") == "2" }?.textContent == "Cộng hai năm")
        #expect(Self.all(root, "img").first?.attribute("src") == "images/NB-2024-0137/anh-1.png")
        #expect(Self.all(root, "a").compactMap { $0.attribute("href") }
                == ["#note-1", "#note-2", "https://example.org/gia-hung", "mailto:ubnd@example.org"])
        let notes = try #require(Self.all(root, "ol").first { $0.attribute("class") == "notes" })
        #expect(notes.elements.map { $0.attribute("id") } == ["note-1", "note-2"])
        #expect(Self.all(root, "h2").map(\.textContent) == ["Cách làm"])
        #expect(Self.all(root, "h3").map(\.textContent) == ["Tuyên truyền"])
    }

    @Test func textIsEscapedAndOnlySafeLinksAreLinks() throws {
        let fragment = HTMLOutput.inline([
            .text("<script>alert(1)</script> & \"x\" 'y'"),
            .link(href: "javascript:alert(1)", [.text("bấm")]),
            .link(href: "https://example.org/?a=1&b=\"2\"", []),
        ])
        #expect(!fragment.contains("<script>"))
        #expect(!fragment.contains("javascript:alert(1)\""))
        let root = try Self.parse(fragment)
        #expect(root.textContent.hasPrefix("<script>alert(1)</script> & \"x\" 'y'bấm"))
        #expect(Self.all(root, "a").map { $0.attribute("href") } == ["https://example.org/?a=1&b=\"2\""])
    }
}
