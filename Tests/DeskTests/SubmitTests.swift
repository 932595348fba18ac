import Desk
import Foundation
import ManuscriptReader
import Pipeline
import Testing

/// Submitting, reopening and the files the desk may replace, through the API of a live server.
@Suite(.serialized) struct SubmitTests {
    @Test("submit refuses unfinished candidates, writes the sheet, locks it until reopened, and replaces it when submitted again")
    func submitReopenResubmit() async throws {
        let corpus = try Corpus.make("submit")
        defer { corpus.remove() }
        let clock = TestClock()
        let reviewer = corpus.assigned.keys.sorted()[0]
        let mine = corpus.assigned[reviewer]!
        let rubric = corpus.manuscript.rubric
        let all = Dictionary(uniqueKeysWithValues: rubric.criteria.map { ($0.key, 7.5) })
        let sheet = corpus.folder.appendingPathComponent("reviews/\(reviewer)-\(Corpus.round).xml")
        // The empty sheet assign --write leaves is there first: the desk may replace it.
        try AssignmentRecording.emptySheetXML(reviewer: reviewer, round: Corpus.round, submissions: mine, titles: [:])
            .write(to: sheet, atomically: true, encoding: .utf8)
        try await withDesk(corpus, clock: clock) { desk, port in
            let link = try Invitations.issue(people: [reviewer], role: .reviewer, round: Corpus.round, store: desk.store,
                                             base: "http://127.0.0.1:\(port)", now: clock.now)[0].link
            var a = HTTPProbe(port: port)
            #expect(try await a.signIn(link).status == 303)
            #expect(try await a.put("/api/reviews/\(mine[0])", json: ["scores": all, "comment": "Tốt"]).status == 200)
            #expect(try await a.put("/api/reviews/\(mine[1])", json: ["scores": [rubric.criteria[0].key: 5]]).status == 200)
            let early = try await a.post("/api/submit")
            #expect(early.status == 409)
            #expect(early.json["submissions"] as? [String] == [mine[1], mine[2]])
            #expect(try await a.put("/api/reviews/\(mine[1])", json: ["scores": all]).status == 200)
            #expect(try await a.post("/api/conflicts/\(mine[2])", json: ["reason": "Họ hàng"]).status == 200)
            let done = try await a.post("/api/submit")
            #expect(done.status == 200, "\(done.text)")
            #expect(done.json["reviews"] as? Int == 2 && done.json["conflicts"] as? Int == 1)
            let first = try String(contentsOf: sheet, encoding: .utf8)
            #expect(first.contains("<conflict submission=\"\(mine[2])\">Họ hàng</conflict>"))
            #expect(first.contains("date=\"2026-05-29\""), "the local day of the clock in the desk's time zone")

            // Locked: no save, no second submit; reopen, change, submit again.
            #expect(try await a.put("/api/reviews/\(mine[0])", json: ["scores": [rubric.criteria[0].key: 1]]).status == 409)
            #expect(try await a.post("/api/submit").status == 409)
            #expect(try await a.get("/api/me").json["sheet"] as? String == "submitted")
            #expect(try await a.post("/api/reopen").status == 200)
            #expect(try await a.post("/api/conflicts/\(mine[2])", json: ["declared": false]).status == 200)
            #expect(try await a.put("/api/reviews/\(mine[2])", json: ["scores": all]).status == 200)
            clock.advance(days: 1)
            #expect(try await a.post("/api/submit").status == 200)
            let second = try String(contentsOf: sheet, encoding: .utf8)
            #expect(!second.contains("<conflict") && second.contains("date=\"2026-05-30\""))
            #expect(try desk.store.count("sheet") == 1)
        }
        let read = ManuscriptReader.read(folder: corpus.folder.path)
        #expect(read.findings.filter { $0.severity == .error }.isEmpty, "\(read.findings.map(\.formatted))")
        #expect(read.manuscript.reviews.filter { $0.reviewer == reviewer }.map(\.submission).sorted() == mine.sorted())
    }

    @Test("a conflict the reviewer declared at the desk stays theirs to withdraw after a restart; a sheet the desk did not write is never replaced")
    func ownConflictsAndForeignSheets() async throws {
        let corpus = try Corpus.make("foreign")
        defer { corpus.remove() }
        let clock = TestClock()
        let ids = corpus.assigned.keys.sorted()
        let (reviewer, other) = (ids[0], ids[1])
        let all = Dictionary(uniqueKeysWithValues: corpus.manuscript.rubric.criteria.map { ($0.key, 6.0) })
        // Someone filled in `other`'s sheet by hand.
        let foreign = corpus.folder.appendingPathComponent("reviews/\(other)-\(Corpus.round).xml")
        let handWritten = """
            <?xml version="1.0" encoding="UTF-8"?>
            <reviews reviewer="\(other)" round="\(Corpus.round)"><conflict submission="\(corpus.assigned[other]![0])">giấy</conflict></reviews>

            """
        try handWritten.write(to: foreign, atomically: true, encoding: .utf8)
        try await withDesk(corpus, clock: clock) { desk, port in
            #expect(desk.rounds[Corpus.round]!.hidden[other]?[corpus.assigned[other]![0]] != nil,
                    "a conflict declared in a sheet on disk hides the candidate")
            let links = try Invitations.issue(people: [reviewer, other], role: .reviewer, round: Corpus.round, store: desk.store,
                                              base: "http://127.0.0.1:\(port)", now: clock.now)
            var a = HTTPProbe(port: port), b = HTTPProbe(port: port)
            #expect(try await a.signIn(links[0].link).status == 303)
            #expect(try await b.signIn(links[1].link).status == 303)
            for id in corpus.assigned[reviewer]!.dropFirst() { #expect(try await a.put("/api/reviews/\(id)", json: ["scores": all]).status == 200) }
            #expect(try await a.post("/api/conflicts/\(corpus.assigned[reviewer]![0])", json: ["reason": "x"]).status == 200)
            #expect(try await a.post("/api/submit").status == 200)
            for id in corpus.assigned[other]!.dropFirst() { #expect(try await b.put("/api/reviews/\(id)", json: ["scores": all]).status == 200) }
            let refused = try await b.post("/api/submit")
            #expect(refused.status == 409 && refused.text.contains("không do bàn chấm ghi"), "\(refused.text)")
            #expect(try String(contentsOf: foreign, encoding: .utf8) == handWritten)
        }
        // After a restart the desk's own sheet declares the conflict, yet the reviewer still sees the candidate.
        try await withDesk(corpus, clock: clock) { desk, _ in
            #expect(desk.rounds[Corpus.round]!.candidates[reviewer]!.contains(corpus.assigned[reviewer]![0]))
        }
    }
}
