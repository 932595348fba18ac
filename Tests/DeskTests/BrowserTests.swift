import Foundation
import Testing

/// The whole desk in a real browser: the built `modelbook desk serve` on a loopback port, Chromium driven
/// by Selenium signs in with an invitation link, scores two candidates and submits; then `check` and
/// `select` read the sheet the desk wrote and count those reviews.
@Suite(.serialized) struct DeskBrowserTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = repo.appendingPathComponent(".build/debug/modelbook")
    static let script = repo.appendingPathComponent("Tests/browser/desk_flow.py")

    /// What the browser test needs from the system, or what is missing and the Debian packages that give it.
    static func missing() -> String? {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") { missing.append("chromium") }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") { missing.append("chromium-driver") }
        if (try? run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", "import selenium"]).status) != 0 { missing.append("python3-selenium") }
        return missing.isEmpty ? nil : "the browser test needs \(missing.joined(separator: ", ")): apt-get install \(missing.joined(separator: " "))"
    }

    /// Runs a program; `output` is its standard output, `errors` its standard error (read to a file, so
    /// neither pipe can fill up and block it).
    static func run(_ program: URL, _ arguments: [String], in directory: URL? = nil) throws
        -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("desk-test-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        process.standardOutput = pipe
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self),
                (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }

    func modelbook(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String, errors: String) {
        try Self.run(Self.binary, arguments, in: directory)
    }

    /// `select --format json` of the shortlist round: candidate → counted reviews (ranked ones), and the dropped reviews.
    func shortlist(_ work: URL) throws -> (reviews: [String: Int], dropped: [[String: Any]]) {
        let r = try modelbook(["select", "--manuscript", "ms", "--round", Corpus.round, "--no-record", "--format", "json"], in: work)
        #expect(r.status == 0, "\(r.output)\(r.errors)")
        let json = try #require(try? JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any], "\(r.output)")
        let round = (json["rounds"] as? [[String: Any]] ?? []).first { $0["id"] as? String == Corpus.round } ?? [:]
        let ranked = round["ranked"] as? [[String: Any]] ?? []
        return (Dictionary(uniqueKeysWithValues: ranked.map { ($0["id"] as! String, $0["reviews"] as! Int) }),
                round["dropped_reviews"] as? [[String: Any]] ?? [])
    }

    @Test("a reviewer signs in with the link in Chromium, scores two candidates, submits; check and select count the reviews")
    func reviewerInBrowser() throws {
        if let missing = Self.missing() { Issue.record(Comment(rawValue: missing)); return }
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            Issue.record("build the modelbook binary first (swift build): \(Self.binary.path) is missing")
            return
        }
        let reviewer = "R01"
        var corpus = try Corpus.make("browser", per: 2, removeSheetsOf: [reviewer])
        defer { corpus.remove() }
        let work = corpus.folder.deletingLastPathComponent().appendingPathComponent("desk-browser-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("ms"), withDestinationURL: corpus.folder)

        // Two ranked candidates R01 may review: the counts before the desk are known.
        let before = try shortlist(work)
        let r01 = corpus.manuscript.reviewers.first { $0.id == reviewer }!
        let chosen = corpus.manuscript.submissions.filter {
            before.reviews[$0.id] != nil && $0.unit.district != r01.district && $0.unit.name != r01.unit
        }.prefix(2).map(\.id)
        #expect(chosen.count == 2)
        var assigned = corpus.assigned
        assigned[reviewer] = chosen
        try corpus.write(assigned)

        // The server, as a user starts it, on a free port.
        let server = Process()
        server.executableURL = Self.binary
        server.arguments = ["desk", "serve", "--manuscript", "ms", "--port", "0", "--lang", "vi"]
        server.currentDirectoryURL = work
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        var banner = ""
        while !banner.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            banner += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(banner.firstMatch(of: /đang phục vụ tại http:\/\/127\.0\.0\.1:(\d+)\//).map { Int($0.1)! }, "\(banner)")

        let invite = try modelbook(["desk", "invite", "--manuscript", "ms", "--round", Corpus.round, "--port", String(port),
                                    "--format", "json"], in: work)
        #expect(invite.status == 0, "\(invite.output)\(invite.errors)")
        let links = try JSONSerialization.jsonObject(with: Data(invite.output.utf8)) as? [String: String] ?? [:]
        #expect(Set(links.keys) == Set(assigned.filter { !$0.value.isEmpty }.keys))
        let link = try #require(links[reviewer])
        #expect(link.hasPrefix("http://127.0.0.1:\(port)/signin/"))

        let rubric = corpus.manuscript.rubric
        var scores: [String: [String: Double]] = [:]
        for (i, id) in chosen.enumerated() {
            scores[id] = Dictionary(uniqueKeysWithValues: rubric.criteria.enumerated().map { j, c in
                (c.key, min(rubric.max, rubric.min + Double((i * 3 + j) % 8) + 1.5))
            })
        }
        let scoresJSON = String(decoding: try JSONSerialization.data(withJSONObject: scores), as: UTF8.self)
        let browser = try Self.run(URL(fileURLWithPath: "/usr/bin/python3"), [Self.script.path, link, scoresJSON])
        #expect(browser.status == 0, "\(browser.output)\(browser.errors)")
        let seen = (browser.output.split(separator: "\n").last.flatMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }) ?? [:]
        #expect(seen["lang"] as? String == "vi")
        #expect(seen["listed"] as? [String] == chosen)
        #expect((seen["cookie"] as? [[String: Any]])?.first?["httpOnly"] as? Bool == true)
        #expect((seen["cookie"] as? [[String: Any]])?.first?["sameSite"] as? String == "Strict")
        let refused = seen["refused"] as? [String: String] ?? [:]
        #expect(!refused.isEmpty && refused.allSatisfy { key, message in
            message == "Điểm “\(rubric.criteria.first { $0.key == key }!.label)” phải từ 0 đến 10."
        }, "a score of 1000 is refused naming its criterion: \(refused)")
        #expect((seen["submitted"] as? String)?.contains("Đã nộp phiếu chấm (2 hồ sơ") == true, "\(seen)")
        for id in chosen {
            let reloaded = (seen["reloaded"] as? [String: [String: String]])?[id] ?? [:]
            #expect(reloaded.mapValues { Double($0) } == scores[id]!.mapValues { Optional($0) }, "\(id): \(reloaded)")
        }
        server.terminate()
        server.waitUntilExit()

        // The file pipeline reads the sheet the desk wrote.
        let sheet = corpus.folder.appendingPathComponent("reviews/\(reviewer)-\(Corpus.round).xml")
        #expect(FileManager.default.fileExists(atPath: sheet.path))
        let check = try modelbook(["check", "--manuscript", "ms"], in: work)
        #expect(check.status == 0, "\(check.output)\(check.errors)")
        let after = try shortlist(work)
        for id in chosen {
            #expect(after.reviews[id] == before.reviews[id]! + 1, "\(id): \(before.reviews[id]!) → \(after.reviews[id] ?? -1)")
        }
        #expect(!after.dropped.contains { $0["reviewer"] as? String == reviewer }, "\(after.dropped)")
    }
}
