import Desk
import Foundation
import ServiceLifecycle
import ManuscriptGenerator
import ManuscriptModel
import ManuscriptReader
import Messages
#if canImport(Glibc)
import Glibc
#endif

/// A small generated manuscript in a temporary folder, with assignments for the `shortlist` round.
struct Corpus: Sendable {
    let folder: URL
    let manuscript: Manuscript
    /// Reviewer → assigned submissions, as written to assignments/shortlist.xml.
    var assigned: [String: [String]]

    static let round = ManuscriptGenerator.round

    /// Generates the manuscript and assigns `per` submissions to each reviewer, taken from submissions in
    /// order; `extra` adds more (reviewer → submissions), to place a conflict on purpose.
    static func make(_ tag: String, submissions: Int = 40, reviewers: Int = 8, per: Int = 3,
                     extra: [String: [String]] = [:], removeSheetsOf only: Set<String>? = nil) throws -> Corpus {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("modelbook-desk-tests-\(tag)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: folder)
        var options = GeneratorOptions()
        options.submissions = submissions
        options.reviewers = reviewers
        options.seed = 11
        _ = try ManuscriptGenerator.generate(into: folder, options: options)
        var m = ManuscriptReader.read(folder: folder.path).manuscript
        do {
            // The desk writes reviews/<reviewer>-shortlist.xml: the generated sheets of that name go
            // (every reviewer's, or only those named).
            for r in m.reviewers where only?.contains(r.id) ?? true {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("reviews/\(r.id)-\(round).xml"))
            }
            m = ManuscriptReader.read(folder: folder.path).manuscript
        }
        var assigned: [String: [String]] = [:]
        var next = 0
        for r in m.reviewers {
            // Skip submissions the reviewer is conflicted with (same district or unit), so that the plain
            // assignments are all visible; conflicts are placed by `extra` only.
            var mine: [String] = []
            var tries = 0
            while mine.count < per && tries < m.submissions.count {
                let s = m.submissions[next % m.submissions.count]
                next += 1
                tries += 1
                if s.unit.district != r.district && s.unit.name != r.unit { mine.append(s.id) }
            }
            assigned[r.id] = mine + (extra[r.id] ?? [])
        }
        var corpus = Corpus(folder: folder, manuscript: m, assigned: assigned)
        try corpus.write(assigned)
        return corpus
    }

    /// Writes assignments/shortlist.xml in the assignments format.
    mutating func write(_ assigned: [String: [String]]) throws {
        self.assigned = assigned
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assignments round=\"\(Self.round)\" per=\"\(Dictionary(grouping: assigned.values.flatMap { $0 }, by: { $0 }).values.map(\.count).max() ?? 0)\" seed=\"1\">\n"
        for r in manuscript.reviewers where !(assigned[r.id] ?? []).isEmpty {
            xml += "  <reviewer id=\"\(r.id)\">" + assigned[r.id]!.map { "<submission id=\"\($0)\"/>" }.joined() + "</reviewer>\n"
        }
        xml += "</assignments>\n"
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("assignments"), withIntermediateDirectories: true)
        try xml.write(to: folder.appendingPathComponent("assignments/\(Self.round).xml"), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// A submission the reviewer is conflicted with (same district, not province level), for `extra`.
    func conflicted(for reviewer: String) -> String? {
        guard let r = manuscript.reviewers.first(where: { $0.id == reviewer }), r.district != District.provinceCode else { return nil }
        return manuscript.submissions.first { $0.unit.district == r.district }?.id
    }

    /// A submission assigned to nobody.
    var unassigned: String? {
        let all = Set(assigned.values.flatMap { $0 })
        return manuscript.submissions.first { !all.contains($0.id) }?.id
    }
}

/// A clock the tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Date(timeIntervalSince1970: 1_780_000_000)
    var now: Date { lock.withLock { value } }
    func advance(days: Double) { lock.withLock { value = value.addingTimeInterval(days * 86_400) } }
}

/// The desk served in-process on a free loopback port, for the duration of `body`, speaking `language`
/// (Vietnamese unless told, whatever the machine's locale).
func withDesk<T>(_ corpus: Corpus, clock: TestClock = TestClock(), language: Language = .vi,
                 _ body: (ReviewDesk, Int) async throws -> T) async throws -> T {
    let desk = try ReviewDesk(manuscript: corpus.folder.path, clock: { clock.now }, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let group = DeskServer(desk: desk, language: language).serviceGroup(host: "127.0.0.1", port: 0, signals: false) { continuation.yield($0) }
    let server = Task { try await group.run() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw HTTPProbe.Failure("the desk did not start") }
    do {
        let result = try await body(desk, port)
        await group.triggerGracefulShutdown()
        try await server.value
        return result
    } catch {
        await group.triggerGracefulShutdown()
        _ = await server.result
        throw error
    }
}

/// A minimal HTTP/1.1 client over a plain socket: no cookie jar, no redirects followed, every header as
/// given, so the tests see exactly what the server answers.
struct HTTPProbe: Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String; init(_ d: String) { description = d } }
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: Data
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var jsonArray: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
    }

    let port: Int
    var cookie: String?
    var csrf: String?
    var origin: String?

    init(port: Int) {
        self.port = port
        origin = "http://127.0.0.1:\(port)"
    }

    // The async forms run the blocking socket calls on a dispatch queue, never on Swift's cooperative
    // threads: the in-process server needs those to answer.
    func get(_ path: String) async throws -> Reply { try await send("GET", path) }
    func put(_ path: String, json: Any) async throws -> Reply {
        try await send("PUT", path, body: try JSONSerialization.data(withJSONObject: json))
    }
    func post(_ path: String, json: Any? = nil) async throws -> Reply {
        try await send("POST", path, body: try json.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data())
    }

    func send(_ method: String, _ path: String, body: Data = Data(), extra: [(String, String)] = []) async throws -> Reply {
        let probe = self
        return try await withCheckedThrowingContinuation { c in
            DispatchQueue.global().async { c.resume(with: Result { try probe.sendBlocking(method, path, body: body, extra: extra) }) }
        }
    }

    /// The request on the calling thread (for threads of the test's own).
    func sendBlocking(_ method: String, _ path: String, body: Data = Data(), extra: [(String, String)] = []) throws -> Reply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let cookie { head += "Cookie: \(cookie)\r\n" }
        if method != "GET" {
            if let csrf { head += "X-CSRF-Token: \(csrf)\r\n" }
            if let origin { head += "Origin: \(origin)\r\n" }
            head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n"
        }
        for (k, v) in extra { head += "\(k): \(v)\r\n" }
        head += "\r\n"
        let raw = try exchange(Data(head.utf8) + body)
        return try Self.parse(raw)
    }

    /// Signs in with a link (GET shows the button, POST uses the invitation); on success the probe
    /// carries the session cookie and the CSRF token.
    mutating func signIn(_ link: String) async throws -> Reply {
        let path = String(link[link.range(of: "/signin/")!.lowerBound...])
        _ = try await get(path)
        let reply = try await send("POST", path)
        if reply.status == 303, let setCookie = reply.header("Set-Cookie") {
            cookie = String(setCookie.split(separator: ";")[0])
            csrf = try await get("/api/me").json["csrf"] as? String
        }
        return reply
    }

    private func exchange(_ request: Data) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket: \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure("connect to port \(port): errno \(errno)") }
        try request.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let n = Glibc.send(fd, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw Failure("send: errno \(errno)") }
                sent += n
            }
        }
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n < 0 { throw Failure("recv: errno \(errno)") }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    static func parse(_ raw: Data) throws -> Reply {
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else { throw Failure("no HTTP header in \(raw.count) bytes") }
        let lines = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(raw[split.upperBound...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked") }) {
            var decoded = Data()
            var rest = body[...]
            while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
                let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
                if size == 0 { break }
                let start = lineEnd.upperBound
                decoded.append(rest[start..<(start + size)])
                rest = rest[(start + size + 2)...]
            }
            body = decoded
        }
        return Reply(status: status, headers: headers, body: body)
    }
}
