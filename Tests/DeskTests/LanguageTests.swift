import Desk
import Foundation
import Messages
import Testing

/// The desk speaks the language it was started with: its pages (`<html lang>`, titles, buttons, the
/// words the page script uses), its error pages and the `error` of its JSON answers.
@Suite(.serialized) struct DeskLanguageTests {
    /// What a signed-out visitor, a used link, a signed-in reviewer and a refused score get, in `language`.
    struct Seen {
        var signedOut: HTTPProbe.Reply
        var usedLink: HTTPProbe.Reply
        var apiSignedOut: HTTPProbe.Reply
        var list: HTTPProbe.Reply
        var words: [String: String]
        var refused: HTTPProbe.Reply
        var label: String
    }

    func visit(_ language: Language, tag: String) async throws -> Seen {
        let corpus = try Corpus.make("lang-\(tag)")
        defer { corpus.remove() }
        let clock = TestClock()
        return try await withDesk(corpus, clock: clock, language: language) { desk, port in
            let links = try AuthorisationTests.links(desk, port: port, clock: clock)
            let reviewer = links.keys.sorted()[0]
            var a = HTTPProbe(port: port)
            #expect(try await a.signIn(links[reviewer]!).status == 303)
            var again = HTTPProbe(port: port)
            let used = try await again.signIn(links[reviewer]!)
            let list = try await a.get("/")
            // The script's words: the JSON data block of the page.
            let block = try #require(list.text.firstMatch(of: /<script type="application\/json" id="desk-words">([^<]*)<\/script>/))
            let words = try #require(try JSONSerialization.jsonObject(with: Data(block.1.utf8)) as? [String: String])
            let criterion = corpus.manuscript.rubric.criteria[0]
            let refused = try await a.put("/api/reviews/\(corpus.assigned[reviewer]![0])",
                                          json: ["scores": [criterion.key: corpus.manuscript.rubric.max + 1]])
            return Seen(signedOut: try await HTTPProbe(port: port).get("/"), usedLink: used,
                        apiSignedOut: try await HTTPProbe(port: port).get("/api/me"), list: list, words: words,
                        refused: refused, label: criterion.label)
        }
    }

    @Test("by default the pages, the script's words and the API's errors are Vietnamese")
    func vietnamese() async throws {
        let seen = try await visit(.vi, tag: "vi")
        #expect(seen.signedOut.status == 401)
        #expect(seen.signedOut.text.contains("<html lang=\"vi\">"))
        #expect(seen.signedOut.text.contains("<h1>Chưa đăng nhập</h1>"))
        #expect(seen.signedOut.text.contains("Bàn chấm điểm"))
        #expect(seen.usedLink.status == 403 && seen.usedLink.text.contains("<h1>Không đăng nhập được</h1>"))
        #expect(seen.apiSignedOut.json["error"] as? String
                == "Chưa đăng nhập. Hãy mở liên kết đăng nhập mà Ban Biên tập đã gửi.")
        #expect(seen.list.text.contains("<html lang=\"vi\">"))
        #expect(seen.list.text.contains("<title>Hồ sơ được phân công — Bàn chấm điểm</title>"))
        #expect(seen.words["page.submit"] == "Nộp phiếu chấm")
        #expect(seen.words["page.save"] == "Lưu nháp")
        #expect(seen.words["locale"] == "vi-VN")
        #expect(seen.refused.status == 422)
        #expect(seen.refused.json["error"] as? String == "Điểm “\(seen.label)” phải từ 0 đến 10.")
    }

    @Test("a desk started with English writes English pages, words and errors")
    func english() async throws {
        let seen = try await visit(.en, tag: "en")
        #expect(seen.signedOut.status == 401)
        #expect(seen.signedOut.text.contains("<html lang=\"en\">"))
        #expect(seen.signedOut.text.contains("<h1>Not signed in</h1>"))
        #expect(seen.signedOut.text.contains("Review desk"))
        #expect(!seen.signedOut.text.contains("Bàn chấm điểm"))
        #expect(seen.usedLink.status == 403 && seen.usedLink.text.contains("<h1>Cannot sign in</h1>"))
        #expect(seen.usedLink.text.contains("This link has already been used to sign in."))
        #expect(seen.apiSignedOut.json["error"] as? String
                == "Not signed in. Open the sign-in link the editorial board sent you.")
        #expect(seen.list.text.contains("<html lang=\"en\">"))
        #expect(seen.list.text.contains("<title>Assigned submissions — Review desk</title>"))
        #expect(seen.words["page.submit"] == "Submit the score sheet")
        #expect(seen.words["page.save"] == "Save draft")
        #expect(seen.words["locale"] == "en-GB")
        #expect(seen.refused.status == 422)
        #expect(seen.refused.json["error"] as? String == "The score for “\(seen.label)” must be from 0 to 10.")
    }

}
