import Foundation
import ManuscriptModel
import Messages
import XMLKit

/// Records a round's assignment in the manuscript: `assignments/<round>.xml`, and an empty score
/// sheet `reviews/<reviewer>-<round>.xml` for each reviewer who has submissions in the round.
///
/// A reviewer's sheet is written only when there is none, or when it is still exactly the empty
/// sheet written for the earlier assignment of the round (nothing added by hand): then it is
/// written again with the longer list. Any other sheet is the reviewer's work and is left as it
/// is; the report says so, and the assignments file still lists what they must review.
/// Every file is first written beside its target and then renamed over it, so a file is either
/// the old one or the new one; nothing is renamed unless every file could be written.
public enum AssignmentRecording {
    public static let folder = "assignments"

    /// What happened to one file.
    public enum Outcome: Equatable, Sendable {
        case written(String)
        case unchanged(String)
        /// A score sheet that is not the empty one written earlier.
        case leftAsItIs(String, reviewer: String)
    }

    public static func assignmentsXML(_ a: RoundAssignments) -> String {
        var w = XMLWriter()
        w.start("assignments", [("round", a.round), ("per", String(a.perSubmission)), ("seed", a.seed.map { String($0) })])
        for r in a.reviewers {
            w.newline()
            if r.submissions.isEmpty {
                w.empty("reviewer", [("id", r.reviewer)])
                continue
            }
            w.start("reviewer", [("id", r.reviewer)])
            for s in r.submissions {
                w.newline()
                w.empty("submission", [("id", s)])
            }
            w.newline(indent: false)
            w.raw("  ")
            w.end()
        }
        w.newline(indent: false)
        w.end()
        w.raw("\n")
        return w.output
    }

    /// An empty score sheet listing the submissions to score, as comments (with their titles).
    public static func emptySheetXML(reviewer: String, round: String, submissions: [String], titles: [String: String]) -> String {
        var w = XMLWriter()
        // In both languages whatever --lang says: the sheet must be the same file on every run, or an
        // untouched sheet would no longer be recognised as the one written earlier.
        let comment = AssignText.sheetComment.with(["reviewer": .text(reviewer), "round": .text(round)])
        w.comment(comment.text(in: .vi) + " " + comment.text(in: .en))
        w.raw("\n")
        w.start("reviews", [("reviewer", reviewer), ("round", round)])
        for s in submissions {
            w.newline()
            w.comment(titles[s].map { "\(s): \($0)" } ?? s)
        }
        w.newline(indent: false)
        w.end()
        w.raw("\n")
        return w.output
    }

    public static func sheetPath(reviewer: String, round: String) -> String { "reviews/\(reviewer)-\(round).xml" }

    /// Writes the assignment and the sheets; `earlier` is the round's assignment as read before.
    public static func write(_ a: RoundAssignments, earlier: RoundAssignments?, manuscript m: Manuscript) throws(PipelineError) -> [Outcome] {
        // Both folders are the format's own, inside the manuscript: never through a link to elsewhere.
        for name in [folder, "reviews"] {
            do {
                _ = try OutputFolder.formatFolder(name, manuscript: m.root)
            } catch let refusal as PipelineError {
                throw refusal
            } catch {
                throw PipelineError(step: "assign", path: name, message: "\(error)")
            }
        }
        let titles = Dictionary(m.submissions.map { ($0.id, $0.title.plainText) }, uniquingKeysWith: { x, _ in x })
        var planned: [(relative: String, text: String)] = []
        var outcomes: [Outcome] = []
        func plan(_ relative: String, _ text: String) {
            if current(m, relative) == Array(text.utf8) {
                outcomes.append(.unchanged(relative))
            } else {
                planned.append((relative, text))
                outcomes.append(.written(relative))
            }
        }
        plan("\(folder)/\(a.round).xml", assignmentsXML(a))
        for r in a.reviewers where !r.submissions.isEmpty {
            let relative = sheetPath(reviewer: r.reviewer, round: a.round)
            let fresh = emptySheetXML(reviewer: r.reviewer, round: a.round, submissions: r.submissions, titles: titles)
            if let existing = current(m, relative) {
                let before = emptySheetXML(reviewer: r.reviewer, round: a.round,
                                           submissions: earlier?.submissions(of: r.reviewer) ?? [], titles: titles)
                guard existing == Array(before.utf8) || existing == Array(fresh.utf8) else {
                    outcomes.append(.leftAsItIs(relative, reviewer: r.reviewer))
                    continue
                }
            }
            plan(relative, fresh)
        }
        try install(planned, root: m.root)
        return outcomes
    }

    private static func path(_ root: String, _ relative: String) -> String {
        root.isEmpty ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    private static func current(_ m: Manuscript, _ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path(m.root, relative)).map(Array.init)
    }

    /// Every file to a temporary name beside its target, then every rename.
    private static func install(_ files: [(relative: String, text: String)], root: String) throws(PipelineError) {
        var temps: [(temp: String, target: String)] = []
        defer { for t in temps { unlink(t.temp) } }
        for f in files {
            let target = path(root, f.relative)
            let dir = (target as NSString).deletingLastPathComponent
            let temp = (dir.isEmpty ? "" : dir + "/") + ".\((target as NSString).lastPathComponent).\(getpid()).tmp"
            do {
                try FileManager.default.createDirectory(atPath: dir.isEmpty ? "." : dir, withIntermediateDirectories: true)
            } catch {
                throw PipelineError(step: "assign", path: dir, message: AssignText.cannotCreateFolder.text(["why": .text(error.localizedDescription)]))
            }
            guard FileManager.default.createFile(atPath: temp, contents: Data(f.text.utf8)) else {
                throw PipelineError(step: "assign", path: target, message: AssignText.cannotWriteFile.text)
            }
            temps.append((temp, target))
        }
        for t in temps where rename(t.temp, t.target) != 0 {
            throw PipelineError(step: "assign", path: t.target,
                                message: AssignText.cannotMoveIntoPlace.text(["why": .text(String(cString: strerror(errno)))]))
        }
        temps = []
    }
}
