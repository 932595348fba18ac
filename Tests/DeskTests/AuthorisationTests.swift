import Desk
import Foundation
import Testing

/// Every forbidden path, tried against the real server on a loopback port.
@Suite(.serialized) struct AuthorisationTests {
    /// Two reviewers with their links, signed in.
    struct Setup {
        var corpus: Corpus
        var a: String
        var b: String
    }

    static func links(_ desk: ReviewDesk, port: Int, clock: TestClock) throws -> [String: String] {
        let round = desk.rounds[Corpus.round]!
        return Dictionary(uniqueKeysWithValues: try Invitations.issue(
            people: round.assignedReviewers, role: .reviewer, round: Corpus.round, store: desk.store,
            base: "http://127.0.0.1:\(port)", now: clock.now).map { ($0.person, $0.link) })
    }

    @Test("without a session every API route is 401 and every page asks to sign in")
    func noCookieIs401() async throws {
        let corpus = try Corpus.make("nocookie")
        defer { corpus.remove() }
        try await withDesk(corpus) { _, port in
            let probe = HTTPProbe(port: port)
            let some = corpus.assigned.values.first!.first!
            for (method, path) in [("GET", "/api/me"), ("GET", "/api/assignments"), ("GET", "/api/submissions/\(some)"),
                                   ("PUT", "/api/reviews/\(some)"), ("POST", "/api/conflicts/\(some)"), ("POST", "/api/submit"),
                                   ("POST", "/api/reopen"), ("GET", "/api/editor/progress"), ("GET", "/api/editor/log"), ("POST", "/api/editor/close"),
                                   ("GET", "/attachments/\(some)/0"), ("GET", "/"), ("GET", "/submission/\(some)"), ("GET", "/editor")] {
                let r = try await probe.send(method, path, body: method == "GET" ? Data() : Data("{}".utf8))
                #expect(r.status == 401, "\(method) \(path): \(r.status) \(r.text)")
            }
            // A cookie that names no session is the same as none.
            var forged = probe
            forged.cookie = "\(DeskServer.cookieName)=\(Secrets.token())"
            #expect(try await forged.get("/api/me").status == 401)
        }
    }

    @Test("a link signs in once: the cookie is HttpOnly and SameSite=Strict; a used, revoked or expired link fails")
    func tokens() async throws {
        let corpus = try Corpus.make("tokens")
        defer { corpus.remove() }
        let clock = TestClock()
        try await withDesk(corpus, clock: clock) { desk, port in
            let links = try Self.links(desk, port: port, clock: clock)
            let reviewers = links.keys.sorted()
            // Only the digest is stored.
            let token = String(links[reviewers[0]]!.split(separator: "/").last!)
            #expect(token.count == 43 && Secrets.looksLikeToken(token))
            var a = HTTPProbe(port: port)
            let first = try await a.signIn(links[reviewers[0]]!)
            #expect(first.status == 303)
            #expect(first.header("Location") == "/")
            let cookie = first.header("Set-Cookie") ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), "\(cookie)")
            #expect(!cookie.contains(token))
            #expect(try await a.get("/api/me").json["id"] as? String == reviewers[0])

            // Used: a second sign-in with the same link fails, and no cookie is set.
            var again = HTTPProbe(port: port)
            let second = try await again.signIn(links[reviewers[0]]!)
            #expect(second.status == 403 && second.header("Set-Cookie") == nil)
            #expect(second.text.contains("đã được dùng"))

            // Revoked: the link fails, and a session already open ends.
            var b = HTTPProbe(port: port)
            #expect(try await b.signIn(links[reviewers[1]]!).status == 303)
            let fresh = try Invitations.issue(people: [reviewers[1]], role: .reviewer, round: Corpus.round, store: desk.store,
                                              base: "http://127.0.0.1:\(port)", now: clock.now)[0].link
            _ = try desk.store.revoke(person: reviewers[1], now: clock.now)
            #expect(try await b.get("/api/me").status == 401)
            var c = HTTPProbe(port: port)
            let revoked = try await c.signIn(fresh)
            #expect(revoked.status == 403 && revoked.text.contains("thu hồi"))

            // Expired: 14 days later the link fails.
            clock.advance(days: 14.01)
            var d = HTTPProbe(port: port)
            let expired = try await d.signIn(links[reviewers[2]]!)
            #expect(expired.status == 403 && expired.text.contains("hết hạn"))
            // A garbage token is refused the same way.
            #expect(try await HTTPProbe(port: port).send("POST", "/signin/not-a-token").status == 403)
        }
    }

    @Test("a reviewer sees only assigned, non-conflicted candidates; anything else is 404 on every route")
    func unassignedAndConflictedAre404() async throws {
        // R02's district is not province level in the generator's reviewers; find one that is not.
        var corpus = try Corpus.make("scope")
        let reviewer = corpus.manuscript.reviewers.first { corpus.conflicted(for: $0.id) != nil }!.id
        let conflicted = corpus.conflicted(for: reviewer)!
        corpus.remove()
        corpus = try Corpus.make("scope", extra: [reviewer: [conflicted]])
        defer { corpus.remove() }
        let clock = TestClock()
        try await withDesk(corpus, clock: clock) { desk, port in
            #expect(desk.rounds[Corpus.round]!.hidden[reviewer]?[conflicted] != nil, "the same-district pair is hidden")
            let links = try Self.links(desk, port: port, clock: clock)
            var a = HTTPProbe(port: port)
            #expect(try await a.signIn(links[reviewer]!).status == 303)
            let listed = try await a.get("/api/assignments").jsonArray.compactMap { $0["id"] as? String }
            let visible = corpus.assigned[reviewer]!.filter { $0 != conflicted }
            #expect(listed == visible)
            #expect(!listed.contains(conflicted))
            let other = corpus.assigned.first { $0.key != reviewer && !$0.value.contains { corpus.assigned[reviewer]!.contains($0) } }!.value[0]
            for id in [conflicted, corpus.unassigned!, other, "NO-SUCH-ID", "..%2F..%2Fetc"] {
                #expect(try await a.get("/api/submissions/\(id)").status == 404, "\(id)")
                #expect(try await a.put("/api/reviews/\(id)", json: ["scores": [:]]).status == 404, "\(id)")
                #expect(try await a.post("/api/conflicts/\(id)", json: ["reason": "x"]).status == 404, "\(id)")
                #expect(try await a.get("/attachments/\(id)/0").status == 404, "\(id)")
                #expect(try await a.get("/submission/\(id)").status == 404, "\(id)")
            }
            #expect(try await a.get("/api/submissions/\(visible[0])").status == 200)
            // Editors' routes are not a reviewer's.
            #expect(try await a.get("/api/editor/progress").status == 404)
            #expect(try await a.post("/api/editor/close").status == 404)
            #expect(try await a.get("/editor").status == 404)
        }
    }

    @Test("reviewer A cannot read or write B's review, even of a candidate both are assigned")
    func othersReviewsAreInvisible() async throws {
        let corpus0 = try Corpus.make("others")
        let ids = corpus0.assigned.keys.sorted()
        let a0 = corpus0.manuscript.reviewers.first { $0.id == ids[0] }!
        // One of B's candidates that A has no conflict with.
        let shared = try #require(corpus0.assigned[ids[1]]!.first { id in
            let s = corpus0.manuscript.submissions.first { $0.id == id }!
            return s.unit.district != a0.district && s.unit.name != a0.unit
        })
        corpus0.remove()
        // Give A one of B's candidates too (when A is not conflicted with it).
        let corpus = try Corpus.make("others", extra: [ids[0]: [shared]])
        defer { corpus.remove() }
        let clock = TestClock()
        try await withDesk(corpus, clock: clock) { desk, port in
            let links = try Self.links(desk, port: port, clock: clock)
            var a = HTTPProbe(port: port), b = HTTPProbe(port: port)
            #expect(try await a.signIn(links[ids[0]]!).status == 303)
            #expect(try await b.signIn(links[ids[1]]!).status == 303)
            let key = corpus.manuscript.rubric.criteria[0].key
            let saved = try await b.put("/api/reviews/\(shared)", json: ["scores": [key: 7], "comment": "B's comment"])
            #expect(saved.status == 200, "\(saved.text)")
            let seenByA = try await a.get("/api/submissions/\(shared)")
            do {
                #expect(desk.rounds[Corpus.round]!.candidates[ids[0]]!.contains(shared))
                #expect(seenByA.status == 200)
                let review = seenByA.json["review"] as? [String: Any] ?? [:]
                #expect((review["scores"] as? [String: Any])?.isEmpty == true, "A sees their own empty draft, not B's")
                #expect(review["comment"] as? String == "")
                // A writing the same candidate writes A's draft; B's stays.
                #expect(try await a.put("/api/reviews/\(shared)", json: ["scores": [key: 2]]).status == 200)
                let bAgain = try await b.get("/api/submissions/\(shared)").json["review"] as? [String: Any] ?? [:]
                #expect((bAgain["scores"] as? [String: Any])?[key] as? Double == 7)
            }
            // B's other candidates are 404 for A.
            for id in corpus.assigned[ids[1]]! where !corpus.assigned[ids[0]]!.contains(id) {
                #expect(try await a.get("/api/submissions/\(id)").status == 404)
                #expect(try await a.put("/api/reviews/\(id)", json: ["scores": [key: 1]]).status == 404)
            }
            #expect(try desk.store.count("score_log") == 2)
        }
    }

    @Test("state changes need the CSRF token and the desk's own origin; a score outside the scale is 422 naming the criterion")
    func csrfAndValidation() async throws {
        let corpus = try Corpus.make("csrf")
        defer { corpus.remove() }
        let clock = TestClock()
        try await withDesk(corpus, clock: clock) { desk, port in
            let links = try Self.links(desk, port: port, clock: clock)
            let reviewer = links.keys.sorted()[0]
            var a = HTTPProbe(port: port)
            #expect(try await a.signIn(links[reviewer]!).status == 303)
            let id = corpus.assigned[reviewer]![0]
            let rubric = corpus.manuscript.rubric
            let key = rubric.criteria[1].key

            var noToken = a
            noToken.csrf = nil
            #expect(try await noToken.put("/api/reviews/\(id)", json: ["scores": [key: 5]]).status == 403)
            var wrongToken = a
            wrongToken.csrf = Secrets.token()
            #expect(try await wrongToken.post("/api/submit").status == 403)
            var elsewhere = a
            elsewhere.origin = "http://evil.example"
            #expect(try await elsewhere.put("/api/reviews/\(id)", json: ["scores": [key: 5]]).status == 403)
            #expect(try desk.store.count("draft") == 0, "nothing refused was written")

            let tooHigh = try await a.put("/api/reviews/\(id)", json: ["scores": [key: rubric.max + 1]])
            #expect(tooHigh.status == 422)
            #expect(tooHigh.json["criterion"] as? String == key)
            #expect((tooHigh.json["error"] as? String)?.contains(rubric.criteria[1].label) == true)
            let notNumber = try await a.put("/api/reviews/\(id)", json: ["scores": [key: "tám"]])
            #expect(notNumber.status == 422 && notNumber.json["criterion"] as? String == key)
            let unknown = try await a.put("/api/reviews/\(id)", json: ["scores": ["no-such-criterion": 5]])
            #expect(unknown.status == 422 && unknown.json["criterion"] as? String == "no-such-criterion")
            #expect(try await a.send("PUT", "/api/reviews/\(id)", body: Data("not json".utf8)).status == 400)
            #expect(try desk.store.count("score_log") == 0)
            let ok = try await a.put("/api/reviews/\(id)", json: ["scores": [key: rubric.min]])
            #expect(ok.status == 200)
            #expect(try desk.store.count("score_log") == 1)
        }
    }

    @Test("an editor's link opens the editors' view; reviewer routes are 404 for an editor; closing the round locks the sheets")
    func editorAndClose() async throws {
        let corpus = try Corpus.make("editor")
        defer { corpus.remove() }
        let clock = TestClock()
        try await withDesk(corpus, clock: clock) { desk, port in
            let links = try Self.links(desk, port: port, clock: clock)
            let editorLink = try Invitations.issue(people: ["Ban Biên tập"], role: .editor, round: Corpus.round,
                                                   store: desk.store, base: "http://127.0.0.1:\(port)", now: clock.now)[0].link
            var editor = HTTPProbe(port: port)
            let signed = try await editor.signIn(editorLink)
            #expect(signed.status == 303 && signed.header("Location") == "/editor")
            let id = corpus.assigned.values.first!.first!
            #expect(try await editor.get("/api/assignments").status == 404)
            #expect(try await editor.get("/api/submissions/\(id)").status == 404)
            #expect(try await editor.put("/api/reviews/\(id)", json: ["scores": [:]]).status == 404)
            let progress = try await editor.get("/api/editor/progress")
            #expect(progress.status == 200, "\(progress.text)")
            let rows = progress.json["reviewers"] as? [[String: Any]] ?? []
            #expect(rows.count == corpus.assigned.count)
            #expect((progress.json["missing"] as? [Any])?.count == corpus.assigned.values.map(\.count).reduce(0, +))

            let reviewer = links.keys.sorted()[0]
            var a = HTTPProbe(port: port)
            #expect(try await a.signIn(links[reviewer]!).status == 303)
            let key = corpus.manuscript.rubric.criteria[0].key
            #expect(try await a.put("/api/reviews/\(corpus.assigned[reviewer]![0])", json: ["scores": [key: 5]]).status == 200)
            #expect(try await a.put("/api/reviews/\(corpus.assigned[reviewer]![0])", json: ["scores": [key: 7.5]]).status == 200)
            // The score log: editors read it, a reviewer gets 404 like every editors' route.
            #expect(try await a.get("/api/editor/log").status == 404)
            let log = try await editor.get("/api/editor/log")
            #expect(log.status == 200, "\(log.text)")
            let changes = try #require(try JSONSerialization.jsonObject(with: Data(log.text.utf8)) as? [[String: Any]])
            #expect(changes.count == 2)
            #expect(changes.allSatisfy { $0["reviewer"] as? String == reviewer && $0["criterion"] as? String == key
                && $0["submission"] as? String == corpus.assigned[reviewer]![0] && $0["round"] as? String == Corpus.round })
            #expect(changes.first?["old"] is NSNull && changes.first?["new"] as? Double == 5)
            #expect(changes.last?["old"] as? Double == 5 && changes.last?["new"] as? Double == 7.5)
            #expect(try await editor.post("/api/editor/close").status == 200)
            let locked = try await a.put("/api/reviews/\(corpus.assigned[reviewer]![0])", json: ["scores": [key: 6]])
            #expect(locked.status == 409)
            #expect(try await a.post("/api/submit").status == 409)
            #expect(try await a.post("/api/reopen").status == 409)
            #expect(try await editor.get("/api/editor/progress").json["closed"] as? Bool == true)
        }
    }
}
