import Foundation
import ManuscriptModel
import ManuscriptReader
import Messages

/// A refusal the API reports: its HTTP status, a message for the person (written in the language of the
/// request when encoded), and what it is about.
public struct APIError: Error, Sendable, Equatable, Encodable {
    public var status: Int
    public var error: Message
    /// The criterion (or `comment`, `reason`) at fault, for 422.
    public var criterion: String?
    /// The candidates concerned (not yet finished, for a refused submit).
    public var submissions: [String]?

    public init(status: Int, error: Message, criterion: String? = nil, submissions: [String]? = nil) {
        self.status = status
        self.error = error
        self.criterion = criterion
        self.submissions = submissions
    }

    public init(status: Int, _ error: DeskText, criterion: String? = nil, submissions: [String]? = nil) {
        self.init(status: status, error: error.message, criterion: criterion, submissions: submissions)
    }

    public static func notFound() -> APIError { APIError(status: 404, .apiNotFound) }
    static let closed = APIError(status: 409, .roundClosed)
    static let submitted = APIError(status: 409, .sheetSubmitted)
}

/// The review desk of one manuscript: the manuscript as read at start, each round that has assignments,
/// and the database. What the pages and the API do, independent of HTTP.
public final class ReviewDesk: Sendable {
    public let folder: String
    public let store: DeskStore
    public let manuscript: Manuscript
    /// Every round of selection.xml that has assignments, by id.
    public let rounds: [String: DeskRound]
    let clock: @Sendable () -> Date
    let timeZone: TimeZone

    public init(manuscript folder: String, clock: @escaping @Sendable () -> Date = { Date() },
                timeZone: TimeZone = .current) throws {
        let read = ManuscriptReader.read(folder: folder)
        let errors = read.findings.filter { $0.severity == .error }.sortedForReport()
        if !errors.isEmpty {
            throw DeskError(errors.prefix(20).map(\.formatted).joined(separator: "\n") + "\n"
                            + DeskText.manuscriptErrors.text(["n": .integer(errors.count)]))
        }
        let store = try DeskStore(path: DeskStore.path(manuscript: folder))
        let m = read.manuscript
        // Sheets the desk wrote and that are still as it wrote them.
        let deskSheets = Set(try store.allSheets().filter { m.inputDigests[$0.path] == $0.sha256 }.map(\.path))
        var rounds: [String: DeskRound] = [:]
        for r in m.selection.rounds where assignments(of: m, round: r.id) != nil {
            rounds[r.id] = try DeskRound(manuscript: m, round: r.id, deskSheets: deskSheets)
        }
        self.folder = folder
        self.store = store
        self.manuscript = m
        self.rounds = rounds
        self.clock = clock
        self.timeZone = timeZone
    }

    func round(of p: Principal) -> DeskRound? { rounds[p.round] }

    // MARK: Who am I

    public struct Me: Encodable, Sendable {
        public struct CriterionView: Encodable, Sendable { var key: String; var label: String; var weight: Double }
        public var id: String
        public var name: String
        public var role: String
        public var round: String
        public var csrf: String
        public var closed: Bool
        public var min: Double
        public var max: Double
        public var criteria: [CriterionView]
        /// Reviewers: "open" (drafts), "submitted" (locked) or "reopened".
        public var sheet: String?
    }

    public func me(_ p: Principal) async throws -> Me {
        let name = p.role == .reviewer ? (manuscript.reviewers.first { $0.id == p.person }?.name ?? p.person) : p.person
        var sheet: String?
        if p.role == .reviewer {
            let s = try await store.sheet(reviewer: p.person, round: p.round)
            sheet = s == nil ? "open" : s!.locked ? "submitted" : "reopened"
        }
        return Me(id: p.person, name: name, role: p.role.rawValue, round: p.round, csrf: p.csrf,
                  closed: try await store.closed(round: p.round) != nil,
                  min: manuscript.rubric.min, max: manuscript.rubric.max,
                  criteria: manuscript.rubric.criteria.map { .init(key: $0.key, label: $0.label, weight: $0.weight) },
                  sheet: sheet)
    }

    // MARK: The reviewer's candidates

    public struct CandidateRow: Encodable, Sendable {
        public var id: String
        public var title: String
        public var unit: String
        public var district: String
        /// "new", "draft" (some scores), "scored" (every criterion), "conflict".
        public var status: String
        public var updatedAt: String?
    }

    public func candidates(_ p: Principal) async throws -> Result<[CandidateRow], APIError> {
        guard let round = round(of: p), Access.reviewer(p, in: round) == .allowed else { return .failure(.notFound()) }
        let drafts = Dictionary(try await store.drafts(round: p.round, reviewer: p.person).map { ($0.submission, $0) },
                                uniquingKeysWith: { a, _ in a })
        return .success((round.candidates[p.person] ?? []).compactMap { id in
            guard let s = round.submission(id) else { return nil }
            let d = drafts[id]
            let status = d == nil ? "new" : d!.conflict ? "conflict"
                : ScoreRules.complete(d!.scores, rubric: round.rubric) ? "scored" : d!.scores.isEmpty && d!.comment.isEmpty ? "new" : "draft"
            return CandidateRow(id: id, title: s.title.plainText, unit: s.unit.name,
                                district: manuscript.districts.first { $0.code == s.unit.district }?.name ?? s.unit.district,
                                status: status, updatedAt: d?.updatedAt)
        })
    }

    // MARK: One candidate

    public struct ReviewView: Encodable, Sendable {
        public var scores: [String: Double]
        public var comment: String
        public var conflict: Bool
        public var conflictReason: String
        public var updatedAt: String?
        init(_ d: Draft?) {
            scores = d?.scores ?? [:]
            comment = d?.comment ?? ""
            conflict = d?.conflict ?? false
            conflictReason = d?.conflictReason ?? ""
            updatedAt = d?.updatedAt
        }
    }

    public struct CandidatePage: Encodable, Sendable {
        public var submission: SubmissionView
        public var review: ReviewView
    }

    public func candidate(_ p: Principal?, _ id: String) async throws -> Result<CandidatePage, APIError> {
        guard let p, let round = round(of: p), Access.candidate(id, for: p, in: round) == .allowed,
              let s = round.submission(id) else { return .failure(.notFound()) }
        let draft = try await store.draft(reviewer: p.person, round: p.round, submission: id)
        return .success(CandidatePage(submission: SubmissionView(s, manuscript: manuscript), review: ReviewView(draft)))
    }

    /// The file of an assigned candidate's n-th attachment, with its media type.
    public func attachment(_ p: Principal?, _ id: String, _ index: Int) -> (path: String, type: String)? {
        guard let p, let round = round(of: p), Access.candidate(id, for: p, in: round) == .allowed,
              let s = round.submission(id), s.attachments.indices.contains(index) else { return nil }
        let a = s.attachments[index]
        return ((folder as NSString).appendingPathComponent("attachments/" + a.href), a.type)
    }

    // MARK: Saving

    public struct ReviewUpdate: Decodable, Sendable {
        public var scores: [String: ScoreValue]?
        public var comment: String?
    }

    public func save(_ p: Principal, _ id: String, _ update: ReviewUpdate) async throws -> Result<ReviewView, APIError> {
        guard let round = round(of: p), Access.candidate(id, for: p, in: round) == .allowed else { return .failure(.notFound()) }
        let scores: [String: Double?]
        switch ScoreRules.validate(update.scores ?? [:], rubric: round.rubric) {
        case .failure(let problem):
            return .failure(APIError(status: 422, error: problem.message, criterion: problem.field))
        case .success(let s): scores = s
        }
        if let comment = update.comment, let problem = ScoreRules.validateText(comment, field: "comment") {
            return .failure(APIError(status: 422, error: problem.message, criterion: problem.field))
        }
        switch try await store.save(reviewer: p.person, round: p.round, submission: id, scores: scores,
                                    comment: update.comment, now: clock()) {
        case .saved(let d): return .success(ReviewView(d))
        case .locked(let closed): return .failure(closed ? .closed : .submitted)
        }
    }

    public struct ConflictUpdate: Decodable, Sendable {
        /// false withdraws a declaration; default true.
        public var declared: Bool?
        public var reason: String?
    }

    public func conflict(_ p: Principal, _ id: String, _ update: ConflictUpdate) async throws -> Result<ReviewView, APIError> {
        guard let round = round(of: p), Access.candidate(id, for: p, in: round) == .allowed else { return .failure(.notFound()) }
        let reason = update.reason ?? ""
        if let problem = ScoreRules.validateText(reason, field: "reason") {
            return .failure(APIError(status: 422, error: problem.message, criterion: problem.field))
        }
        switch try await store.setConflict(reviewer: p.person, round: p.round, submission: id,
                                           declared: update.declared ?? true, reason: reason, now: clock()) {
        case .saved(let d): return .success(ReviewView(d))
        case .locked(let closed): return .failure(closed ? .closed : .submitted)
        }
    }

    // MARK: Submitting

    public struct Submitted: Encodable, Sendable {
        public var sheet: String
        public var reviews: Int
        public var conflicts: Int
        public var submittedAt: String
    }

    /// Writes the reviewer's sheet, `reviews/<reviewer>-<round>.xml`, when every candidate is scored or
    /// declared a conflict. A file of that name the desk did not write is never overwritten, unless it is
    /// the empty sheet `assign --write` left (no review, no conflict).
    public func submit(_ p: Principal) async throws -> Result<Submitted, APIError> {
        guard let round = round(of: p), Access.reviewer(p, in: round) == .allowed else { return .failure(.notFound()) }
        let relative = DeskRound.sheetPath(reviewer: p.person, round: p.round)
        let path = (folder as NSString).appendingPathComponent(relative)
        let candidates = round.candidates[p.person] ?? []
        let day = SheetWriter.localDay(clock(), timeZone: timeZone)
        let previous = try await store.sheet(reviewer: p.person, round: p.round)
        let outcome = try await store.submit(reviewer: p.person, round: p.round, now: clock()) { drafts in
            let unfinished = SheetWriter.unfinished(candidates: candidates, drafts: drafts, rubric: round.rubric)
            if !unfinished.isEmpty {
                return .failure(APIError(status: 409, error: DeskText.unfinished.with(["n": .integer(unfinished.count)]),
                                         submissions: unfinished))
            }
            if let existing = FileManager.default.contents(atPath: path), Secrets.sha256Hex(existing) != previous?.sha256,
               !DeskRound.isEmptySheet(existing) {
                return .failure(APIError(status: 409, error: DeskText.sheetExists.with(["path": .text(relative)])))
            }
            let xml = SheetWriter.xml(reviewer: p.person, round: p.round, candidates: candidates, drafts: drafts,
                                      rubric: round.rubric, date: day)
            return .success((relative, try SheetWriter.write(xml, to: path)))
        }
        switch outcome {
        case .refused(let e): return .failure(e)
        case .locked(let closed): return .failure(closed ? .closed : .submitted)
        case .written(let sheet):
            let drafts = try await store.drafts(round: p.round, reviewer: p.person).filter { candidates.contains($0.submission) }
            let conflicts = drafts.filter(\.conflict).count
            return .success(Submitted(sheet: sheet.path, reviews: candidates.count - conflicts, conflicts: conflicts,
                                      submittedAt: sheet.submittedAt))
        }
    }

    public func reopen(_ p: Principal) async throws -> Result<Bool, APIError> {
        guard let round = round(of: p), Access.reviewer(p, in: round) == .allowed else { return .failure(.notFound()) }
        if try await store.closed(round: p.round) != nil { return .failure(.closed) }
        guard try await store.reopen(reviewer: p.person, round: p.round) else {
            return .failure(APIError(status: 409, .nothingToReopen))
        }
        return .success(true)
    }
}
