import Foundation
import GRDB
import ManuscriptModel

/// Who a session or an invitation belongs to.
public enum Role: String, Sendable, Codable {
    case reviewer, editor
}

/// A signed-in person: a reviewer (by id) or an editor (by name), for one round.
public struct Principal: Sendable, Equatable {
    public var person: String
    public var role: Role
    public var round: String
    /// The session's CSRF token, which every state-changing request must echo in `X-CSRF-Token`.
    public var csrf: String
}

/// A reviewer's working copy of one review: what the page last saved.
public struct Draft: Sendable, Equatable, Codable {
    public var reviewer: String
    public var round: String
    public var submission: String
    /// Criterion key → score. A criterion not yet scored is absent.
    public var scores: [String: Double]
    public var comment: String
    public var conflict: Bool
    public var conflictReason: String
    /// ISO 8601 UTC, when the draft was last saved.
    public var updatedAt: String

    public init(reviewer: String, round: String, submission: String, scores: [String: Double], comment: String,
                conflict: Bool, conflictReason: String, updatedAt: String) {
        self.reviewer = reviewer
        self.round = round
        self.submission = submission
        self.scores = scores
        self.comment = comment
        self.conflict = conflict
        self.conflictReason = conflictReason
        self.updatedAt = updatedAt
    }
}

/// The state of a reviewer's sheet for a round.
public struct SheetState: Sendable, Equatable {
    /// The sheet was written and not reopened since: the drafts are read-only.
    public var locked: Bool
    public var path: String
    public var sha256: String
    public var submittedAt: String
}

/// What saving a draft did.
public enum SaveOutcome: Sendable, Equatable {
    case saved(Draft)
    /// The round is closed, or the sheet is submitted and not reopened.
    case locked(closed: Bool)
}

/// One row of the append-only score log. In JSON a missing score (none before, or cleared) is `null`.
public struct ScoreChange: Sendable, Equatable, Encodable {
    public var at: String
    public var reviewer: String
    public var round: String
    public var submission: String
    public var criterion: String
    public var old: Double?
    public var new: Double?

    enum CodingKeys: String, CodingKey { case at, reviewer, round, submission, criterion, old, new }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at)
        try c.encode(reviewer, forKey: .reviewer)
        try c.encode(round, forKey: .round)
        try c.encode(submission, forKey: .submission)
        try c.encode(criterion, forKey: .criterion)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
    }
}

/// The desk's database, `desk/desk.sqlite` in the manuscript folder: SQLite in WAL mode through a
/// GRDB pool (many readers, one writer at a time; other processes, such as `desk invite`, may
/// write while the server runs). Times of expiry are Unix seconds; times shown to people are
/// ISO 8601 UTC text.
public final class DeskStore: Sendable {
    let pool: DatabasePool

    public init(path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    /// The database file of a manuscript folder.
    public static func path(manuscript: String) -> String {
        (manuscript as NSString).appendingPathComponent("desk/desk.sqlite")
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("1") { db in
            try db.execute(sql: """
                CREATE TABLE invitation (
                  token_sha256 TEXT PRIMARY KEY,
                  person TEXT NOT NULL,
                  role TEXT NOT NULL CHECK (role IN ('reviewer', 'editor')),
                  round TEXT NOT NULL,
                  created_at INTEGER NOT NULL,
                  expires_at INTEGER NOT NULL,
                  used_at INTEGER,
                  revoked_at INTEGER);
                CREATE TABLE session (
                  id_sha256 TEXT PRIMARY KEY,
                  person TEXT NOT NULL,
                  role TEXT NOT NULL,
                  round TEXT NOT NULL,
                  csrf TEXT NOT NULL,
                  created_at INTEGER NOT NULL,
                  expires_at INTEGER NOT NULL);
                CREATE TABLE draft (
                  reviewer TEXT NOT NULL,
                  round TEXT NOT NULL,
                  submission TEXT NOT NULL,
                  scores TEXT NOT NULL DEFAULT '{}',
                  comment TEXT NOT NULL DEFAULT '',
                  conflict INTEGER NOT NULL DEFAULT 0,
                  conflict_reason TEXT NOT NULL DEFAULT '',
                  updated_at TEXT NOT NULL,
                  PRIMARY KEY (reviewer, round, submission));
                CREATE TABLE score_log (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  at TEXT NOT NULL,
                  reviewer TEXT NOT NULL,
                  round TEXT NOT NULL,
                  submission TEXT NOT NULL,
                  criterion TEXT NOT NULL,
                  old REAL,
                  new REAL);
                CREATE TRIGGER score_log_no_update BEFORE UPDATE ON score_log
                  BEGIN SELECT RAISE(ABORT, 'score_log is append-only'); END;
                CREATE TRIGGER score_log_no_delete BEFORE DELETE ON score_log
                  BEGIN SELECT RAISE(ABORT, 'score_log is append-only'); END;
                CREATE TABLE round_state (
                  round TEXT PRIMARY KEY,
                  closed_at TEXT NOT NULL,
                  closed_by TEXT NOT NULL);
                CREATE TABLE sheet (
                  reviewer TEXT NOT NULL,
                  round TEXT NOT NULL,
                  path TEXT NOT NULL,
                  sha256 TEXT NOT NULL,
                  submitted_at TEXT NOT NULL,
                  locked INTEGER NOT NULL,
                  PRIMARY KEY (reviewer, round));
                """)
        }
        return m
    }

    // MARK: Invitations and sessions

    /// Stores a new invitation (its token's digest only). The person's earlier unused invitations for
    /// the same round and role stop working: one live link per person.
    public func invite(person: String, role: Role, round: String, tokenDigest: String, now: Date, expires: Date) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE invitation SET revoked_at = ? WHERE person = ? AND role = ? AND round = ?
                  AND used_at IS NULL AND revoked_at IS NULL
                """, arguments: [Self.seconds(now), person, role.rawValue, round])
            try db.execute(sql: """
                INSERT INTO invitation (token_sha256, person, role, round, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [tokenDigest, person, role.rawValue, round, Self.seconds(now), Self.seconds(expires)])
        }
    }

    /// Ends a person's access: every invitation not yet used is revoked and every session ends.
    /// Returns how many invitations and sessions that was.
    @discardableResult
    public func revoke(person: String, now: Date) throws -> (invitations: Int, sessions: Int) {
        try pool.write { db in
            try db.execute(sql: "UPDATE invitation SET revoked_at = ? WHERE person = ? AND revoked_at IS NULL",
                           arguments: [Self.seconds(now), person])
            let invitations = db.changesCount
            try db.execute(sql: "DELETE FROM session WHERE person = ?", arguments: [person])
            return (invitations, db.changesCount)
        }
    }

    /// Why an invitation cannot be used.
    public enum InvitationProblem: Error, Sendable, Equatable {
        case unknown, used, revoked, expired
    }

    /// The state of an invitation without using it (for the sign-in page).
    public func invitation(tokenDigest: String, now: Date) async throws -> Result<(person: String, role: Role), InvitationProblem> {
        try await pool.read { db in try Self.usable(db, tokenDigest, now) }
    }

    /// Uses an invitation once: when it is usable, marks it used and opens a session whose id has
    /// `sessionDigest` and that ends when the invitation would have expired.
    public func signIn(tokenDigest: String, sessionDigest: String, csrf: String, now: Date)
        async throws -> Result<Principal, InvitationProblem> {
        try await pool.write { db in
            switch try Self.usable(db, tokenDigest, now) {
            case .failure(let problem): return .failure(problem)
            case .success:
                let row = try Row.fetchOne(db, sql: "SELECT person, role, round, expires_at FROM invitation WHERE token_sha256 = ?",
                                           arguments: [tokenDigest])!
                try db.execute(sql: "UPDATE invitation SET used_at = ? WHERE token_sha256 = ?",
                               arguments: [Self.seconds(now), tokenDigest])
                let principal = Principal(person: row["person"], role: Role(rawValue: row["role"]) ?? .reviewer,
                                          round: row["round"], csrf: csrf)
                try db.execute(sql: """
                    INSERT INTO session (id_sha256, person, role, round, csrf, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [sessionDigest, principal.person, principal.role.rawValue, principal.round, csrf,
                                     Self.seconds(now), row["expires_at"] as Int64])
                return .success(principal)
            }
        }
    }

    static func usable(_ db: Database, _ digest: String, _ now: Date) throws -> Result<(person: String, role: Role), InvitationProblem> {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM invitation WHERE token_sha256 = ?", arguments: [digest])
        else { return .failure(.unknown) }
        if row["revoked_at"] as Int64? != nil { return .failure(.revoked) }
        if row["used_at"] as Int64? != nil { return .failure(.used) }
        if (row["expires_at"] as Int64) <= seconds(now) { return .failure(.expired) }
        return .success((row["person"], Role(rawValue: row["role"]) ?? .reviewer))
    }

    /// The session whose id has this digest, when it has not expired.
    public func session(digest: String, now: Date) async throws -> Principal? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id_sha256 = ? AND expires_at > ?",
                                             arguments: [digest, Self.seconds(now)]),
                  let role = Role(rawValue: row["role"]) else { return nil }
            return Principal(person: row["person"], role: role, round: row["round"], csrf: row["csrf"])
        }
    }

    public func signOut(digest: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM session WHERE id_sha256 = ?", arguments: [digest]) }
    }

    // MARK: Drafts

    public func drafts(round: String, reviewer: String? = nil) async throws -> [Draft] {
        try await pool.read { db in try Self.drafts(db, round: round, reviewer: reviewer) }
    }

    public func draft(reviewer: String, round: String, submission: String) async throws -> Draft? {
        try await pool.read { db in try Self.draft(db, reviewer, round, submission) }
    }

    /// Saves a draft's scores and comment in one transaction, and appends one score-log row per
    /// criterion whose value changed. `scores` maps a criterion to its new value, or to nil to clear it;
    /// criteria not named keep their value. Refused (nothing written) when the round is closed or the
    /// sheet is submitted and not reopened.
    public func save(reviewer: String, round: String, submission: String, scores: [String: Double?], comment: String?,
                     now: Date) async throws -> SaveOutcome {
        try await pool.write { db in
            if let locked = try Self.lock(db, reviewer, round) { return .locked(closed: locked) }
            let at = Self.iso(now)
            var draft = try Self.draft(db, reviewer, round, submission) ?? Self.empty(reviewer, round, submission, at)
            for (criterion, value) in scores.sorted(by: { $0.key < $1.key }) {
                let old = draft.scores[criterion]
                guard old != value else { continue }
                draft.scores[criterion] = value
                try db.execute(sql: """
                    INSERT INTO score_log (at, reviewer, round, submission, criterion, old, new) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [at, reviewer, round, submission, criterion, old, value])
            }
            if let comment { draft.comment = comment }
            draft.updatedAt = at
            try Self.put(db, draft)
            return .saved(draft)
        }
    }

    /// Declares (or withdraws) a conflict of interest for one candidate instead of scoring it.
    public func setConflict(reviewer: String, round: String, submission: String, declared: Bool, reason: String,
                            now: Date) async throws -> SaveOutcome {
        try await pool.write { db in
            if let locked = try Self.lock(db, reviewer, round) { return .locked(closed: locked) }
            let at = Self.iso(now)
            var draft = try Self.draft(db, reviewer, round, submission) ?? Self.empty(reviewer, round, submission, at)
            draft.conflict = declared
            draft.conflictReason = declared ? reason : ""
            draft.updatedAt = at
            try Self.put(db, draft)
            return .saved(draft)
        }
    }

    /// nil when the reviewer may write; true when the round is closed; false when the sheet is submitted.
    static func lock(_ db: Database, _ reviewer: String, _ round: String) throws -> Bool? {
        if try closed(db, round) != nil { return true }
        if try Bool.fetchOne(db, sql: "SELECT locked FROM sheet WHERE reviewer = ? AND round = ?",
                             arguments: [reviewer, round]) == true { return false }
        return nil
    }

    static func empty(_ reviewer: String, _ round: String, _ submission: String, _ at: String) -> Draft {
        Draft(reviewer: reviewer, round: round, submission: submission, scores: [:], comment: "", conflict: false,
              conflictReason: "", updatedAt: at)
    }

    static func draft(_ db: Database, _ reviewer: String, _ round: String, _ submission: String) throws -> Draft? {
        try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE reviewer = ? AND round = ? AND submission = ?",
                         arguments: [reviewer, round, submission]).map(draft)
    }

    static func drafts(_ db: Database, round: String, reviewer: String?) throws -> [Draft] {
        if let reviewer {
            return try Row.fetchAll(db, sql: "SELECT * FROM draft WHERE round = ? AND reviewer = ? ORDER BY submission",
                                    arguments: [round, reviewer]).map(draft)
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM draft WHERE round = ? ORDER BY reviewer, submission",
                                arguments: [round]).map(draft)
    }

    static func draft(_ row: Row) -> Draft {
        let json: String = row["scores"]
        let scores = (try? JSONDecoder().decode([String: Double].self, from: Data(json.utf8))) ?? [:]
        return Draft(reviewer: row["reviewer"], round: row["round"], submission: row["submission"], scores: scores,
                     comment: row["comment"], conflict: row["conflict"], conflictReason: row["conflict_reason"],
                     updatedAt: row["updated_at"])
    }

    static func put(_ db: Database, _ d: Draft) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(d.scores), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO draft (reviewer, round, submission, scores, comment, conflict, conflict_reason, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (reviewer, round, submission) DO UPDATE SET scores = excluded.scores, comment = excluded.comment,
              conflict = excluded.conflict, conflict_reason = excluded.conflict_reason, updated_at = excluded.updated_at
            """, arguments: [d.reviewer, d.round, d.submission, json, d.comment, d.conflict, d.conflictReason, d.updatedAt])
    }

    /// The score log of a round (all of it, oldest first).
    public func scoreLog(round: String) async throws -> [ScoreChange] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM score_log WHERE round = ? ORDER BY id", arguments: [round]).map {
                ScoreChange(at: $0["at"], reviewer: $0["reviewer"], round: $0["round"], submission: $0["submission"],
                            criterion: $0["criterion"], old: $0["old"], new: $0["new"])
            }
        }
    }

    // MARK: Sheets and rounds

    public func sheet(reviewer: String, round: String) async throws -> SheetState? {
        try await pool.read { db in try Self.sheet(db, reviewer, round) }
    }

    public func sheets(round: String) async throws -> [String: SheetState] {
        try await pool.read { db in
            var out: [String: SheetState] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM sheet WHERE round = ?", arguments: [round]) {
                out[row["reviewer"]] = Self.sheet(row)
            }
            return out
        }
    }

    static func sheet(_ db: Database, _ reviewer: String, _ round: String) throws -> SheetState? {
        try Row.fetchOne(db, sql: "SELECT * FROM sheet WHERE reviewer = ? AND round = ?", arguments: [reviewer, round])
            .map(sheet)
    }

    static func sheet(_ row: Row) -> SheetState {
        SheetState(locked: row["locked"], path: row["path"], sha256: row["sha256"], submittedAt: row["submitted_at"])
    }

    /// What submitting a sheet did.
    public enum SubmitOutcome<Refusal: Sendable>: Sendable {
        case written(SheetState)
        case refused(Refusal)
        case locked(closed: Bool)
    }

    /// Submits a reviewer's sheet: in one write transaction (so no draft changes meanwhile), `write`
    /// gets the reviewer's drafts and either writes the sheet file, returning its path and SHA-256,
    /// or refuses. The sheet is then recorded as submitted (and locked).
    public func submit<Refusal: Sendable>(reviewer: String, round: String, now: Date,
                                          write: @Sendable ([Draft]) throws -> Result<(path: String, sha256: String), Refusal>)
        async throws -> SubmitOutcome<Refusal> {
        try await pool.write { db in
            if let closed = try Self.lock(db, reviewer, round) { return .locked(closed: closed) }
            switch try write(try Self.drafts(db, round: round, reviewer: reviewer)) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let file):
                try db.execute(sql: """
                    INSERT INTO sheet (reviewer, round, path, sha256, submitted_at, locked) VALUES (?, ?, ?, ?, ?, 1)
                    ON CONFLICT (reviewer, round) DO UPDATE SET path = excluded.path, sha256 = excluded.sha256,
                      submitted_at = excluded.submitted_at, locked = 1
                    """, arguments: [reviewer, round, file.path, file.sha256, Self.iso(now)])
                return .written(try Self.sheet(db, reviewer, round)!)
            }
        }
    }

    /// Reopens a submitted sheet so the reviewer can change it; refused once the round is closed.
    /// Returns false when the round is closed or there is no submitted sheet.
    public func reopen(reviewer: String, round: String) async throws -> Bool {
        try await pool.write { db in
            guard try Self.closed(db, round) == nil else { return false }
            try db.execute(sql: "UPDATE sheet SET locked = 0 WHERE reviewer = ? AND round = ? AND locked = 1",
                           arguments: [reviewer, round])
            return db.changesCount == 1
        }
    }

    /// When and by whom the round was closed; nil while it is open.
    public func closed(round: String) async throws -> (at: String, by: String)? {
        try await pool.read { db in try Self.closed(db, round) }
    }

    static func closed(_ db: Database, _ round: String) throws -> (at: String, by: String)? {
        try Row.fetchOne(db, sql: "SELECT closed_at, closed_by FROM round_state WHERE round = ?", arguments: [round])
            .map { ($0["closed_at"], $0["closed_by"]) }
    }

    /// Closes the round: no reviewer can save, submit or reopen any more. Closing twice keeps the first.
    public func close(round: String, by editor: String, now: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO round_state (round, closed_at, closed_by) VALUES (?, ?, ?)",
                           arguments: [round, Self.iso(now), editor])
        }
    }

    /// Number of rows in a table (for the tests and the load test's check).
    public func count(_ table: String) throws -> Int {
        precondition(["invitation", "session", "draft", "score_log", "round_state", "sheet"].contains(table))
        return try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    /// The journal mode SQLite reports ("wal").
    public func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// `2026-05-28T20:26:40.123Z`: ISO 8601 in UTC with milliseconds (no formatter object per call).
    public static func iso(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = Int(ms >= 0 ? ms / 1000 : (ms - 999) / 1000)
        let day = CalendarDate.fromEpoch(seconds)
        let s = seconds - day.epochSeconds
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let millis = Int(ms - Int64(seconds) * 1000)
        return "\(day)T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60)).\(millis < 10 ? "00" : millis < 100 ? "0" : "")\(millis)Z"
    }
}

extension DeskStore {
    /// Every sheet the desk has written, in any round.
    public func allSheets() throws -> [(reviewer: String, round: String, path: String, sha256: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT reviewer, round, path, sha256 FROM sheet").map {
                ($0["reviewer"], $0["round"], $0["path"], $0["sha256"])
            }
        }
    }
}
