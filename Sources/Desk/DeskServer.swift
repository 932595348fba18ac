import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Messages
import ServiceLifecycle

/// The desk's web server (Hummingbird 2): the pages, their JSON API and the attachments of assigned
/// candidates. Loopback only unless told otherwise.
public struct DeskServer: Sendable {
    public static let cookieName = "desk_session"
    let desk: ReviewDesk
    /// The language of every page and message the server writes.
    public let language: Language

    /// - Parameter language: by default the language the program was started with (`--lang`, `LANG`).
    public init(desk: ReviewDesk, language: Language = Language.current) {
        self.desk = desk
        self.language = language
    }

    /// Serves until SIGINT or SIGTERM (when `signals`), or until the returned group is shut down;
    /// `onRunning` gets the bound port (useful with port 0).
    public func serviceGroup(host: String = "127.0.0.1", port: Int = 8080, signals: Bool = true,
                             onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> ServiceGroup {
        var logger = Logger(label: "modelbook-desk")
        logger.logLevel = .warning
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        return ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: signals ? [.sigterm, .sigint] : [],
                                                 logger: logger))
    }

    /// Serves until SIGINT or SIGTERM.
    public func run(host: String = "127.0.0.1", port: Int = 8080,
                    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await serviceGroup(host: host, port: port, onRunning: onRunning).run()
    }

    /// The session cookie: never readable by scripts, never sent with a request from another site.
    static func sessionCookie(_ value: String) -> String {
        "\(cookieName)=\(value); HttpOnly; SameSite=Strict; Path=/"
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let desk = self.desk
        router.add(middleware: Speaking(language: language))

        // Pages and assets.
        router.get("/") { request, _ in
            guard let p = try await principal(request) else { return Pages.signedOut() }
            return p.role == .editor ? Pages.redirect("/editor") : Pages.page(.list)
        }
        router.get("/submission/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            let p = try await principal(request)
            switch Access.candidate(id, for: p, in: p.flatMap { desk.rounds[$0.round] }) {
            case .signIn: return Pages.signedOut()
            case .notFound: return Pages.notFound()
            case .allowed: return Pages.page(.submission)
            }
        }
        router.get("/editor") { request, _ in
            switch Access.editor(try await principal(request)) {
            case .signIn: return Pages.signedOut()
            case .notFound: return Pages.notFound()
            case .allowed: return Pages.page(.editor)
            }
        }
        router.get("/assets/desk.css") { _, _ in Pages.asset(Pages.css, type: "text/css; charset=utf-8") }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent, headers: Pages.commonHeaders) }
        router.get("/assets/desk.js") { _, _ in Pages.asset(Pages.js, type: "text/javascript; charset=utf-8") }

        // Signing in: the link shows a button; pressing it uses the invitation once.
        router.get("/signin/{token}") { _, context in
            let token = context.parameters.get("token") ?? ""
            guard Secrets.looksLikeToken(token) else { return Pages.signInFailed(.unknown) }
            switch try await desk.store.invitation(tokenDigest: Secrets.digest(token), now: desk.clock()) {
            case .failure(let problem): return Pages.signInFailed(problem)
            case .success: return Pages.signIn()
            }
        }
        router.post("/signin/{token}") { request, context in
            let token = context.parameters.get("token") ?? ""
            guard Access.sameOrigin(origin: request.headers[.origin], host: request.head.authority) else {
                return JSON.error(APIError(status: 403, .notFromDesk))
            }
            guard Secrets.looksLikeToken(token) else { return Pages.signInFailed(.unknown) }
            let session = Secrets.token()
            switch try await desk.store.signIn(tokenDigest: Secrets.digest(token), sessionDigest: Secrets.digest(session),
                                               csrf: Secrets.token(), now: desk.clock()) {
            case .failure(let problem): return Pages.signInFailed(problem)
            case .success(let p):
                var response = Pages.redirect(p.role == .editor ? "/editor" : "/")
                response.headers[.setCookie] = Self.sessionCookie(session)
                return response
            }
        }

        // The API. Every handler finds the session first: none is 401.
        router.get("/api/me") { request, _ in
            try await reading(request) { p in JSON.ok(try await desk.me(p)) }
        }
        router.get("/api/assignments") { request, _ in
            try await reading(request) { p in JSON.reply(try await desk.candidates(p)) }
        }
        router.get("/api/submissions/{id}") { request, context in
            try await reading(request) { p in JSON.reply(try await desk.candidate(p, context.parameters.get("id") ?? "")) }
        }
        router.put("/api/reviews/{id}") { request, context in
            try await changing(request) { p, body in
                let update = try JSONDecoder().decode(ReviewDesk.ReviewUpdate.self, from: body)
                return JSON.reply(try await desk.save(p, context.parameters.get("id") ?? "", update))
            }
        }
        router.post("/api/conflicts/{id}") { request, context in
            try await changing(request) { p, body in
                let update = body.isEmpty ? ReviewDesk.ConflictUpdate()
                    : try JSONDecoder().decode(ReviewDesk.ConflictUpdate.self, from: body)
                return JSON.reply(try await desk.conflict(p, context.parameters.get("id") ?? "", update))
            }
        }
        router.post("/api/submit") { request, _ in
            try await changing(request) { p, _ in JSON.reply(try await desk.submit(p)) }
        }
        router.post("/api/reopen") { request, _ in
            try await changing(request) { p, _ in JSON.reply(try await desk.reopen(p)) }
        }
        router.post("/api/signout") { request, _ in
            try await changing(request) { _, _ in
                if let id = request.cookies[Self.cookieName]?.value { try await desk.store.signOut(digest: Secrets.digest(id)) }
                var response = JSON.ok(true)
                response.headers[.setCookie] = Self.sessionCookie("") + "; Max-Age=0"
                return response
            }
        }
        router.get("/api/editor/progress") { request, _ in
            try await reading(request) { p in JSON.reply(try await desk.progress(p)) }
        }
        router.get("/api/editor/log") { request, _ in
            try await reading(request) { p in JSON.reply(try await desk.scoreLog(p)) }
        }
        router.post("/api/editor/close") { request, _ in
            try await changing(request) { p, _ in JSON.reply(try await desk.close(p)) }
        }

        // Attachments of a candidate the reviewer may see, by position; never a path from the request.
        router.get("/attachments/{id}/{n}") { request, context in
            let p = try await principal(request)
            if p == nil { return JSON.signIn() }
            guard let n = context.parameters.get("n", as: Int.self),
                  let file = desk.attachment(p, context.parameters.get("id") ?? "", n),
                  let data = FileManager.default.contents(atPath: file.path) else { return JSON.error(.notFound()) }
            var headers = HTTPFields()
            headers[.contentType] = file.type.hasPrefix("image/") ? file.type : "application/octet-stream"
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
            headers[.xContentTypeOptions] = "nosniff"
            headers[.cacheControl] = "private, no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }

        /// The session the request's cookie names, when it is valid.
        @Sendable func principal(_ request: Request) async throws -> Principal? {
            guard let id = request.cookies[Self.cookieName]?.value, Secrets.looksLikeToken(id) else { return nil }
            return try await desk.store.session(digest: Secrets.digest(id), now: desk.clock())
        }

        /// A request that only reads: a session, else 401.
        @Sendable func reading(_ request: Request, _ body: @Sendable (Principal) async throws -> Response) async throws -> Response {
            guard let p = try await principal(request) else { return JSON.signIn() }
            return try await body(p)
        }

        /// A state-changing request: a session, the CSRF token and the origin check, then the body (64 KiB at most).
        @Sendable func changing(_ request: Request, _ body: @Sendable (Principal, Data) async throws -> Response)
            async throws -> Response {
            guard let p = try await principal(request) else { return JSON.signIn() }
            if let refusal = Access.forgery(principal: p, csrfHeader: request.headers[JSON.csrfHeader],
                                            origin: request.headers[.origin], host: request.head.authority) {
                return JSON.error(APIError(status: 403, error: DeskText.requestRefused.with(["why": .message(refusal)])))
            }
            var request = request
            let buffer: ByteBuffer
            do { buffer = try await request.collectBody(upTo: 64 * 1024) } catch {
                return JSON.error(APIError(status: 413, .bodyTooLarge))
            }
            do {
                return try await body(p, Data(buffer.readableBytesView))
            } catch is DecodingError {
                return JSON.error(APIError(status: 400, .bodyNotJSON))
            }
        }
        return router
    }
}

/// Every request is answered in the server's language, whatever task the server runs it on.
struct Speaking<Context: RequestContext>: RouterMiddleware {
    let language: Language

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        try await Language.$current.withValue(language) { try await next(request, context) }
    }
}

/// JSON responses of the API.
enum JSON {
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    static func ok(_ value: some Encodable) -> Response { response(200, value) }

    static func reply<T: Encodable>(_ result: Result<T, APIError>) -> Response {
        switch result {
        case .success(let v): ok(v)
        case .failure(let e): error(e)
        }
    }

    static func error(_ e: APIError) -> Response { response(e.status, e) }

    static func signIn() -> Response {
        error(APIError(status: 401, .apiSignedOut))
    }

    static func response(_ status: Int, _ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers = Pages.commonHeaders
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
