import Foundation
import ManuscriptModel
import ManuscriptReader
import Messages
import Selection

/// The editors' view of a round: how far each reviewer and each candidate is, the reviews still
/// missing, and the spread flags as `select` computes them from the sheets on disk.
public struct Progress: Encodable, Sendable {
    public struct ReviewerRow: Encodable, Sendable {
        public var id: String
        public var name: String
        public var assigned: Int
        /// Assigned but hidden from them by a conflict of interest found in the manuscript.
        public var hidden: Int
        public var scored: Int
        public var conflicts: Int
        /// "open", "submitted" or "reopened".
        public var sheet: String
        public var submittedAt: String?
        public var lastSaved: String?
    }
    public struct CandidateRow: Encodable, Sendable {
        public var id: String
        public var title: String
        public var reviewers: Int
        /// Reviews of this round in the sheets on disk (the desk's and any other).
        public var reviews: Int
        public var missing: [String]
    }
    public struct Missing: Encodable, Sendable {
        public var reviewer: String
        public var submission: String
    }
    public struct SpreadFlag: Encodable, Sendable {
        public var id: String
        public var reviews: Int
        public var range: Double
        public var sd: Double?
    }

    public var round: String
    public var closed: Bool
    public var closedAt: String?
    public var reviewers: [ReviewerRow]
    public var candidates: [CandidateRow]
    public var missing: [Missing]
    public var spreadLimit: Double
    public var spreads: [SpreadFlag]
    /// Why the spreads could not be computed (the manuscript on disk has errors, or selection stopped).
    public var spreadProblem: Message?

    /// - Parameters:
    ///   - onDisk: the manuscript as it is now (re-read, so it holds the sheets submitted since the start).
    static func make(round: DeskRound, drafts: [Draft], sheets: [String: SheetState], closed: (at: String, by: String)?,
                     onDisk: ReadResult) -> Progress {
        let rubric = round.rubric
        let byPair = Dictionary(drafts.map { ("\($0.reviewer)|\($0.submission)", $0) }, uniquingKeysWith: { a, _ in a })
        let fileReviews = onDisk.manuscript.reviews.filter { $0.round == round.round }
        let fileConflicts = Set(onDisk.manuscript.declaredConflicts.map { "\($0.reviewer)|\($0.submission)" })
        let reviewed = Set(fileReviews.map { "\($0.reviewer)|\($0.submission)" })
        var missing: [Missing] = []
        var perCandidate: [String: (reviewers: Int, missing: [String])] = [:]
        var reviewerRows: [ReviewerRow] = []
        for r in round.assignedReviewers {
            let mine = round.candidates[r] ?? []
            let ds = mine.compactMap { byPair["\(r)|\($0)"] }
            let sheet = sheets[r]
            for s in mine {
                perCandidate[s, default: (0, [])].reviewers += 1
                let key = "\(r)|\(s)"
                if !reviewed.contains(key) && !fileConflicts.contains(key) {
                    missing.append(Missing(reviewer: r, submission: s))
                    perCandidate[s, default: (0, [])].missing.append(r)
                }
            }
            reviewerRows.append(ReviewerRow(
                id: r, name: round.reviewer(r)?.name ?? r, assigned: mine.count, hidden: round.hidden[r]?.count ?? 0,
                scored: ds.filter { !$0.conflict && ScoreRules.complete($0.scores, rubric: rubric) }.count,
                conflicts: ds.filter(\.conflict).count,
                sheet: sheet == nil ? "open" : sheet!.locked ? "submitted" : "reopened",
                submittedAt: sheet?.submittedAt, lastSaved: ds.map(\.updatedAt).max()))
        }
        let counts = Dictionary(grouping: fileReviews, by: \.submission).mapValues(\.count)
        let candidates = perCandidate.keys.sorted(by: byteOrder).map { id in
            CandidateRow(id: id, title: round.submission(id)?.title.plainText ?? id, reviewers: perCandidate[id]!.reviewers,
                         reviews: counts[id] ?? 0, missing: perCandidate[id]!.missing)
        }
        let limit = RoundScoring.spreadLimit(nil, rubric: rubric)
        var spreads: [SpreadFlag] = []
        var problem: Message?
        let errors = onDisk.findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            problem = DeskText.spreadManuscriptErrors.with(["n": .integer(errors.count)])
        } else {
            do {
                let run = try Selection.run(onDisk.manuscript, through: round.round)
                if let scoring = run.round(round.round)?.scoring {
                    spreads = scoring.spreadFlags(candidates: Set(perCandidate.keys), limit: limit).map {
                        SpreadFlag(id: $0.id, reviews: $0.reviews, range: $0.spreadRange ?? 0, sd: $0.spreadSD)
                    }
                } else {
                    problem = DeskText.spreadNotScored.with(["round": .text(round.round)])
                }
            } catch {
                problem = .verbatim(error.findings.map(\.formatted).joined(separator: "\n"))
            }
        }
        return Progress(round: round.round, closed: closed != nil, closedAt: closed?.at, reviewers: reviewerRows,
                        candidates: candidates, missing: missing, spreadLimit: limit, spreads: spreads, spreadProblem: problem)
    }
}

extension ReviewDesk {
    public func progress(_ p: Principal) async throws -> Result<Progress, APIError> {
        guard Access.editor(p) == .allowed, let round = round(of: p) else { return .failure(.notFound()) }
        let drafts = try await store.drafts(round: p.round)
        let sheets = try await store.sheets(round: p.round)
        let closed = try await store.closed(round: p.round)
        let folder = self.folder
        // The spreads need the scores, not the submissions' text.
        let onDisk = ManuscriptReader.read(folder: folder, options: ReadOptions(validateDocBook: false, keepsText: false))
        return .success(Progress.make(round: round, drafts: drafts, sheets: sheets, closed: closed, onDisk: onDisk))
    }

    /// The round's log of score changes, oldest first (editors only).
    public func scoreLog(_ p: Principal) async throws -> Result<[ScoreChange], APIError> {
        guard Access.editor(p) == .allowed, rounds[p.round] != nil else { return .failure(.notFound()) }
        return .success(try await store.scoreLog(round: p.round))
    }

    public func close(_ p: Principal) async throws -> Result<Bool, APIError> {
        guard Access.editor(p) == .allowed, rounds[p.round] != nil else { return .failure(.notFound()) }
        try await store.close(round: p.round, by: p.person, now: clock())
        return .success(true)
    }
}
