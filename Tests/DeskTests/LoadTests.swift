import Desk
import Foundation
import Testing

/// A bounded load on loopback: 50 reviewers save drafts at the same time, each on their own connection
/// per request. No request may fail and no write may be lost; the latency is reported, not asserted.
@Suite(.serialized) struct LoadTests {
    @Test("50 concurrent reviewers × 20 draft saves: every save answered 200, every change logged, every final value kept")
    func concurrentDraftSaves() async throws {
        let reviewers = 50, saves = 20, per = 3
        let corpus = try Corpus.make("load", submissions: 120, reviewers: reviewers, per: per)
        defer { corpus.remove() }
        let clock = TestClock()
        try await withDesk(corpus, clock: clock) { desk, port in
            let rubric = corpus.manuscript.rubric
            #expect(rubric.max - rubric.min >= Double(saves) * 0.25)
            let links = try AuthorisationTests.links(desk, port: port, clock: clock)
            #expect(links.count == reviewers)
            var probes: [(String, HTTPProbe)] = []
            for (id, link) in links.sorted(by: { $0.key < $1.key }) {
                var probe = HTTPProbe(port: port)
                #expect(try await probe.signIn(link).status == 303)
                probes.append((id, probe))
            }
            // The k-th save of a reviewer sets one criterion of one candidate to a value no earlier save used.
            @Sendable func plan(_ k: Int, _ candidates: [String]) -> (String, String, Double) {
                (candidates[k % candidates.count], rubric.criteria[(k / candidates.count) % rubric.criteria.count].key,
                 rubric.min + Double(k + 1) * 0.25)
            }
            let results = Results()
            let started = Date()
            let group = DispatchGroup()
            for (id, probe) in probes {
                let candidates = desk.rounds[Corpus.round]!.candidates[id]!
                group.enter()
                let thread = Thread {
                    defer { group.leave() }
                    for k in 0..<saves {
                        let (submission, criterion, value) = plan(k, candidates)
                        let t0 = DispatchTime.now().uptimeNanoseconds
                        let status = (try? probe.sendBlocking("PUT", "/api/reviews/\(submission)",
                                                                 body: JSONSerialization.data(withJSONObject: ["scores": [criterion: value]])).status) ?? -1
                        results.add(status: status, nanoseconds: DispatchTime.now().uptimeNanoseconds - t0)
                    }
                }
                thread.start()
            }
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in group.notify(queue: .global()) { c.resume() } }
            let elapsed = Date().timeIntervalSince(started)
            let (statuses, latencies) = results.snapshot()
            #expect(statuses.count == reviewers * saves)
            #expect(statuses.allSatisfy { $0 == 200 }, "statuses: \(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
            #expect(try desk.store.count("score_log") == reviewers * saves, "one log row per change")
            #expect(try desk.store.count("draft") == reviewers * per)
            let drafts = try await desk.store.drafts(round: Corpus.round)
            for (id, _) in probes {
                let candidates = desk.rounds[Corpus.round]!.candidates[id]!
                var expected: [String: [String: Double]] = [:]
                for k in 0..<saves { let (s, c, v) = plan(k, candidates); expected[s, default: [:]][c] = v }
                for d in drafts where d.reviewer == id { #expect(d.scores == expected[d.submission], "\(id) \(d.submission)") }
            }
            let sorted = latencies.sorted()
            let p = { (q: Double) in Double(sorted[min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.up)) - 1)]) / 1e6 }
            print("desk load: \(reviewers) reviewers × \(saves) saves in \(String(format: "%.2f", elapsed)) s, "
                  + "\(String(format: "%.0f", Double(sorted.count) / elapsed)) requests/s, "
                  + "p50 \(String(format: "%.1f", p(0.5))) ms, p99 \(String(format: "%.1f", p(0.99))) ms")
        }
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int] = []
    private var latencies: [UInt64] = []
    func add(status: Int, nanoseconds: UInt64) { lock.withLock { statuses.append(status); latencies.append(nanoseconds) } }
    func snapshot() -> ([Int], [UInt64]) { lock.withLock { (statuses, latencies) } }
}
