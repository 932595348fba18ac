import ArgumentParser
import Assignment
import Foundation
import ManuscriptModel
import Pipeline
import Selection

/// `modelbook assign`: who reviews which candidates in a round.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign K reviewers to every candidate of a round: no conflict of interest, loads as even as possible.",
        discussion: """
            The candidates are those that enter the round, as `select` computes them. Every candidate gets \
            exactly K distinct reviewers of reviewers.xml without a conflict of interest; the reviewers' \
            loads are as even as any such assignment allows (the smallest max − min, proven by flow searches). \
            With --write, records it in <manuscript>/assignments/<round>.xml and writes an empty score sheet \
            reviews/<reviewer>-<round>.xml for each reviewer who has none (a sheet already filled in is left \
            as it is). Running again after new candidates arrive keeps every earlier assignment and only adds. \
            Exit status: 0 done, 1 manuscript errors or no assignment possible (the candidates are named), 64 usage.
            """
    )

    @OptionGroup var options: ManuscriptOptions

    @Option(name: .long, help: ArgumentHelp("The rank or optimize round of selection.xml.", valueName: "ID"))
    var round: String

    @Option(name: .long, help: ArgumentHelp("Reviewers per candidate (1 or more).", valueName: "K"))
    var per: Int

    @Option(name: .long, help: ArgumentHelp("Picks among equally balanced assignments; the same seed gives the same assignment (default 0).", valueName: "N"))
    var seed: UInt64?

    @Flag(name: .long, help: "No two reviewers of one candidate from the same district.")
    var spread = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Record the assignment and write the empty score sheets.")
    var write = false

    func validate() throws {
        guard per >= 1 else { throw ValidationError("--per must be 1 or more (reviewers per candidate)") }
    }

    func run() throws {
        let nothing = write ? "nothing was written" : "nothing was assigned"
        let m = try SelectionInput.read(options, command: "assign", nothingDone: nothing)
        guard let planned = m.selection.rounds.first(where: { $0.id == round }), planned.type != .screen else {
            let scoring = m.selection.rounds.filter { $0.type != .screen }.map(\.id)
            Output.error("modelbook assign: \(round) is not a rank or optimize round of selection.xml; "
                         + "reviewers are assigned to: \(scoring.isEmpty ? "(none)" : scoring.joined(separator: ", "))\n")
            throw ExitCode(1)
        }
        let ids: [String]
        do {
            ids = try Selection.pool(entering: planned.id, manuscript: m)
        } catch {
            throw SelectionInput.fail(error, command: "assign")
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
                ? "modelbook assign: reviewers.xml has \(m.reviewers.count) reviewer\(m.reviewers.count == 1 ? "" : "s"), fewer than --per \(per)\n"
                : ""
            out += error.shortages.map { "modelbook assign: \($0.sentence)\n" }.joined()
            out += "modelbook assign: no assignment gives every candidate of round \(round) \(per) reviewer\(per == 1 ? "" : "s") "
                + "without a conflict of interest (\(error.shortages.count) candidate\(error.shortages.count == 1 ? "" : "s") above); "
                + "\(nothing). Lower --per\(spread ? ", drop --spread" : ""), or add reviewers to reviewers.xml.\n"
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
        var out = "round \(a.round): \(pool) candidate\(pool == 1 ? "" : "s"), \(a.perSubmission) reviewer\(a.perSubmission == 1 ? "" : "s") each, "
            + "\(reviewers) reviewers; \(result.added) assignment\(result.added == 1 ? "" : "s") added"
        let kept = a.reviewers.reduce(0) { $0 + $1.submissions.count } - result.added
        out += kept > 0 ? ", \(kept) kept from before\n" : "\n"
        out += "load per reviewer: min \(result.minLoad), max \(result.maxLoad)"
        out += result.maxLoad - result.minLoad <= 1
            ? " (as even as it can be)\n"
            : " (the best possible: no assignment keeps every load at most \(result.lowestPossibleMax - 1), "
                + "and none gives every reviewer at least \(result.highestPossibleMin + 1))\n"
        for c in result.keptConflicts {
            out += "note: \(c.reviewer) keeps \(c.candidate) from before but \(c.conflict.words): that review will not count, "
                + "so \(c.candidate) was given another reviewer\n"
        }
        let width = a.reviewers.map(\.reviewer.count).max() ?? 0
        for (r, load) in zip(a.reviewers, result.loads) {
            out += "  " + r.reviewer.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(load)\n"
        }
        if written.isEmpty {
            out += "nothing written (add --write to record it in assignments/\(a.round).xml and write the score sheets)\n"
        } else {
            out += written.map { $0 + "\n" }.joined()
        }
        return out
    }

    static func line(_ o: AssignmentRecording.Outcome, round: String, _ m: Manuscript) -> String {
        switch o {
        case .written(let p): "\(shown(p, m)): written"
        case .unchanged(let p): "\(shown(p, m)): unchanged, nothing written"
        case .leftAsItIs(let p, let reviewer):
            "\(shown(p, m)): left as it is (it is not the empty sheet written earlier: it holds \(reviewer)'s work); "
                + "\(reviewer)'s submissions are listed in \(shown("\(AssignmentRecording.folder)/\(round).xml", m))"
        }
    }
}
