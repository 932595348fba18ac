import ArgumentParser
import Assignment
import Foundation
import ManuscriptModel
import Messages
import Pipeline
import Selection

/// `modelbook assign`: who reviews which candidates in a round.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: AssignText.abstract.text,
        discussion: AssignText.discussion.text
    )

    @OptionGroup var options: ManuscriptOptions

    @Option(name: .long, help: ArgumentHelp(AssignText.helpRound.text, valueName: "ID"))
    var round: String

    @Option(name: .long, help: ArgumentHelp(AssignText.helpPer.text, valueName: "K"))
    var per: Int

    @Option(name: .long, help: ArgumentHelp(AssignText.helpSeed.text, valueName: "N"))
    var seed: UInt64?

    @Flag(name: .long, help: ArgumentHelp(AssignText.helpSpread.text))
    var spread = false

    @Option(name: .long, help: ArgumentHelp(AssignText.helpFormat.text))
    var format: OutputFormat = .text

    @Flag(name: .long, help: ArgumentHelp(AssignText.helpWrite.text))
    var write = false

    func validate() throws {
        guard per >= 1 else { throw ValidationError(AssignText.perAtLeastOne.text) }
    }

    func run() throws {
        let nothing = (write ? AssignText.nothingWritten : .nothingAssigned).text
        let m = try options.read(command: "assign", nothingDone: nothing)
        guard let planned = m.selection.rounds.first(where: { $0.id == round }), planned.type != .screen else {
            let scoring = m.selection.rounds.filter { $0.type != .screen }.map(\.id)
            Output.error(AssignText.notAScoringRound.text([
                "round": .text(round),
                "rounds": scoring.isEmpty ? .message(AssignText.noScoringRounds.message) : .text(scoring.joined(separator: ", ")),
            ]) + "\n")
            throw ExitCode(1)
        }
        let ids: [String]
        do {
            ids = try Selection.pool(entering: planned.id, manuscript: m)
        } catch {
            throw StepFailure.stopped(PipelineError(step: "assign", path: nil, message: AssignText.poolCannotBeComputed.text,
                                                    details: error.findings.map(\.formatted)),
                                      command: "assign", nothingDone: AssignText.nothingRecorded.text)
        }
        let submissions = Dictionary(m.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let earlier = m.assignments.first { $0.round == round }
        let request = AssignmentRequest(
            pool: ids.compactMap { id in submissions[id].map { PoolCandidate(id: id, unit: $0.unit) } },
            reviewers: m.reviewers, declared: DeclaredConflicts(m.declaredConflicts), perCandidate: per,
            spread: spread, seed: seed ?? 0, existing: earlier?.reviewers ?? [])
        let result: Assignment
        do {
            result = try Assigner.assign(request)
        } catch {
            var out = m.reviewers.count < per
                ? AssignText.fewerReviewersThanPer.text(["n": .integer(m.reviewers.count), "per": .integer(per)]) + "\n"
                : ""
            out += error.shortages.map { "modelbook assign: \($0.sentence)\n" }.joined()
            out += AssignText.noAssignment.text([
                "round": .text(round), "per": .integer(per), "n": .integer(error.shortages.count), "nothing": .text(nothing),
                "spread": spread ? .message(AssignText.dropSpread.message) : "",
            ]) + "\n"
            Output.error(out)
            throw ExitCode(1)
        }
        let assignments = RoundAssignments(round: round, perSubmission: per, seed: seed, reviewers: result.reviewers)
        var outcomes: [AssignmentRecording.Outcome] = []
        if write {
            do {
                outcomes = try AssignmentRecording.write(assignments, earlier: earlier, manuscript: m)
            } catch {
                Output.error(error.description + "\n")
                throw ExitCode(1)
            }
        }
        switch format {
        case .json:
            Output.print(AssignReport.json(assignments, result))
            // What was written goes beside the JSON, not into it.
            Output.error(outcomes.map { AssignReport.line($0, round: round, m) + "\n" }.joined())
        case .text: Output.print(AssignReport.text(assignments, result, pool: ids.count, reviewers: m.reviewers.count,
                                                   written: outcomes.map { AssignReport.line($0, round: round, m) }))
        }
    }
}

/// What `assign` prints.
enum AssignReport {
    /// `{"round": ID, "per": K, "assignments": {"R01": ["NB-…", …], …}, "load": {"min": a, "max": b}}`,
    /// reviewers in the assignment's order.
    static func json(_ a: RoundAssignments, _ result: Assignment) -> String {
        func string(_ s: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
        var out = "{\n  \"round\": \(string(a.round)),\n  \"per\": \(a.perSubmission),\n  \"assignments\": {"
        out += a.reviewers.enumerated().map { i, r in
            (i == 0 ? "\n" : ",\n") + "    \(string(r.reviewer)): [" + r.submissions.map(string).joined(separator: ", ") + "]"
        }.joined()
        out += a.reviewers.isEmpty ? "},\n" : "\n  },\n"
        out += "  \"load\": {\"min\": \(result.minLoad), \"max\": \(result.maxLoad)}\n}\n"
        return out
    }

    static func text(_ a: RoundAssignments, _ result: Assignment, pool: Int, reviewers: Int, written: [String]) -> String {
        var out = AssignText.summary.text(["round": .text(a.round), "pool": .integer(pool), "per": .integer(a.perSubmission),
                                           "reviewers": .integer(reviewers), "added": .integer(result.added)])
        let kept = a.reviewers.reduce(0) { $0 + $1.submissions.count } - result.added
        out += (kept > 0 ? AssignText.keptFromBefore.text(["kept": .integer(kept)]) : "") + "\n"
        out += AssignText.loads.text(["min": .integer(result.minLoad), "max": .integer(result.maxLoad)])
        out += (result.maxLoad - result.minLoad <= 1
            ? AssignText.asEvenAsPossible.text
            : AssignText.bestPossible.text(["below": .integer(result.lowestPossibleMax - 1),
                                            "above": .integer(result.highestPossibleMin + 1)])) + "\n"
        for c in result.keptConflicts {
            out += AssignText.keptConflict.text(["reviewer": .text(c.reviewer), "candidate": .text(c.candidate),
                                                 "conflict": .message(conflictWords(c.conflict))]) + "\n"
        }
        let width = a.reviewers.map(\.reviewer.count).max() ?? 0
        for (r, load) in zip(a.reviewers, result.loads) {
            out += "  " + r.reviewer.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(load)\n"
        }
        if written.isEmpty {
            out += AssignText.nothingWrittenHint.text(["round": .text(a.round)]) + "\n"
        } else {
            out += written.map { $0 + "\n" }.joined()
        }
        return out
    }

    static func line(_ o: AssignmentRecording.Outcome, round: String, _ m: Manuscript) -> String {
        switch o {
        case .written(let p): AssignText.fileWritten.text(["path": .text(m.path(of: p))])
        case .unchanged(let p): AssignText.fileUnchanged.text(["path": .text(m.path(of: p))])
        case .leftAsItIs(let p, let reviewer):
            AssignText.sheetLeftAsItIs.text(["path": .text(m.path(of: p)), "reviewer": .text(reviewer),
                                             "assignments": .text(m.path(of: "\(AssignmentRecording.folder)/\(round).xml"))])
        }
    }

    /// What makes a kept pair a conflict of interest, in words.
    static func conflictWords(_ c: ConflictOfInterest) -> Message {
        switch c {
        case .declared: AssignText.conflictDeclared.message
        case .sameDistrict(let d): AssignText.conflictDistrict.with(["district": .text(d)])
        case .sameUnit(let u): AssignText.conflictUnit.with(["unit": .text(u)])
        }
    }
}
