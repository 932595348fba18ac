import Foundation
import Testing
import ManuscriptGenerator

/// `modelbook assign` end to end on a generated manuscript, read back independently of its code.
@Suite(.serialized) struct AssignCommandTests {
    static let binary = BuildCommandTests.binary
    static var available: Bool { BuildCommandTests.available }

    func modelbook(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        try Files.run(Self.binary, arguments, in: directory)
    }

    /// A generated manuscript of 60 submissions and 8 reviewers in `work/ms`.
    func manuscript(_ name: String) throws -> URL {
        let work = Files.temporaryFolder(name)
        var options = GeneratorOptions()
        options.submissions = 60
        options.reviewers = 8
        options.seed = 7
        _ = try ManuscriptGenerator.generate(into: work.appendingPathComponent("ms"), options: options)
        return work
    }

    /// reviewer → submissions, from an assignments file.
    func pairs(_ file: URL) throws -> [String: [String]] {
        let root = try Files.parse(file)
        #expect(root.name == "assignments")
        return Dictionary(root.all("reviewer").map { ($0["id"]!, $0.all("submission").map { $0["id"]! }) },
                          uniquingKeysWith: { a, _ in a })
    }

    @Test("assign --write records the round and empty sheets that check accepts; JSON has the documented shape",
          .enabled(if: available, "build the modelbook binary first (swift build)"))
    func writeThenCheckAndJSON() throws {
        let work = try manuscript("assign-write")
        defer { try? FileManager.default.removeItem(at: work) }
        let ms = work.appendingPathComponent("ms")
        let r = try modelbook(["assign", "--lang", "en", "--manuscript", "ms", "--round", "final", "--per", "2", "--seed", "3", "--write"], in: work)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("ms/assignments/final.xml: written"), "\(r.output)")

        // The pool of the final round is what the shortlist kept, as select reports it.
        let select = try modelbook(["select", "--lang", "en", "--manuscript", "ms", "--round", "shortlist", "--no-record", "--quiet", "--format", "json"], in: work)
        let rounds = try #require((try JSONSerialization.jsonObject(with: Data(select.output.utf8)) as? [String: Any])?["rounds"] as? [[String: Any]])
        let kept = Set(try #require(rounds.last?["kept"] as? [String]))
        let file = ms.appendingPathComponent("assignments/final.xml")
        let assigned = try pairs(file)
        var reviewersOf: [String: Int] = [:]
        for list in assigned.values {
            #expect(Set(list).count == list.count)
            for id in list { reviewersOf[id, default: 0] += 1 }
        }
        #expect(Set(reviewersOf.keys) == kept)
        #expect(reviewersOf.values.allSatisfy { $0 == 2 })

        // One empty sheet per reviewer with submissions, listing them; check accepts everything.
        for (reviewer, list) in assigned where !list.isEmpty {
            let sheet = ms.appendingPathComponent("reviews/\(reviewer)-final.xml")
            let root = try Files.parse(sheet)
            #expect(root.name == "reviews" && root["reviewer"] == reviewer && root["round"] == "final" && root.children.isEmpty)
            let text = try String(contentsOf: sheet, encoding: .utf8)
            for id in list { #expect(text.contains("<!-- \(id): "), "\(id) is not listed in \(sheet.lastPathComponent)") }
        }
        let check = try modelbook(["check", "--lang", "en", "--manuscript", "ms"], in: work)
        #expect(check.status == 0 && check.output.contains(": 0 errors, 0 warnings"), "\(check.output)")
        // jing, an independent validator, agrees with the schema (when installed).
        let schema = BuildCommandTests.repo.appendingPathComponent("Sources/ManuscriptReader/Resources/schemas/assignments.rng")
        if let valid = try Files.run("jing", [schema.path, file.path]) {
            #expect(valid.status == 0, "\(valid.output)")
        }

        // JSON: exactly round, per, assignments and load; the same assignment (it is kept), loads its extremes.
        let json = try modelbook(["assign", "--lang", "en", "--manuscript", "ms", "--round", "final", "--per", "2", "--seed", "3", "--format", "json"], in: work)
        #expect(json.status == 0, "\(json.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["round", "per", "assignments", "load"])
        #expect(object["round"] as? String == "final" && object["per"] as? Int == 2)
        let lists = try #require(object["assignments"] as? [String: [String]])
        #expect(lists == assigned)
        let load = try #require(object["load"] as? [String: Int])
        let sizes = lists.values.map(\.count)
        #expect(load == ["min": sizes.min()!, "max": sizes.max()!])
        #expect(sizes.max()! - sizes.min()! <= 1)
    }

    @Test("running again keeps every pair, rewrites only untouched empty sheets; a later conflict is a warning",
          .enabled(if: available, "build the modelbook binary first (swift build)"))
    func rerunKeepsAndAdds() throws {
        let work = try manuscript("assign-rerun")
        defer { try? FileManager.default.removeItem(at: work) }
        let ms = work.appendingPathComponent("ms")
        let first = try modelbook(["assign", "--lang", "en", "--manuscript", "ms", "--round", "final", "--per", "2", "--write"], in: work)
        #expect(first.status == 0, "\(first.output)")
        let file = ms.appendingPathComponent("assignments/final.xml")
        let before = try pairs(file)
        let same = try modelbook(["assign", "--lang", "en", "--manuscript", "ms", "--round", "final", "--per", "2", "--write"], in: work)
        #expect(same.output.contains("ms/assignments/final.xml: unchanged, nothing written"), "\(same.output)")

        // A reviewer starts their sheet by hand; then every candidate needs a third reviewer.
        let (reviewer, list) = try #require(before.first { !$0.value.isEmpty })
        let sheet = ms.appendingPathComponent("reviews/\(reviewer)-final.xml")
        let started = try String(contentsOf: sheet, encoding: .utf8)
            .replacingOccurrences(of: "</reviews>", with: "<conflict submission=\"\(list[0])\">Người nhà công tác tại đơn vị.</conflict>\n</reviews>")
        try started.write(to: sheet, atomically: true, encoding: .utf8)
        let more = try modelbook(["assign", "--lang", "en", "--manuscript", "ms", "--round", "final", "--per", "3", "--write"], in: work)
        #expect(more.status == 0, "\(more.output)")
        #expect(more.output.contains("ms/reviews/\(reviewer)-final.xml: left as it is"), "\(more.output)")
        #expect(try String(contentsOf: sheet, encoding: .utf8) == started)
        let after = try pairs(file)
        for (r, old) in before { #expect(Set(old).isSubset(of: Set(after[r] ?? [])), "\(r) lost a submission") }
        // The candidate with the declared conflict got a replacement: 3 counted reviewers besides the conflicted one.
        #expect(after.values.filter { $0.contains(list[0]) }.count == 4)
        #expect(more.output.contains("note: \(reviewer) keeps \(list[0]) from before but declared a conflict of interest"), "\(more.output)")

        let check = try modelbook(["check", "--lang", "en", "--manuscript", "ms"], in: work)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("ms/assignments/final.xml:"), "\(check.output)")
        #expect(check.output.contains("warning: \(reviewer) is assigned \(list[0]) but declared a conflict of interest"), "\(check.output)")
        #expect(check.output.contains(": 0 errors, 1 warning"), "\(check.output)")
    }

    @Test("no assignment possible: the candidates are named, nothing is written",
          .enabled(if: available, "build the modelbook binary first (swift build)"))
    func infeasibleNamesCandidates() throws {
        let work = try manuscript("assign-infeasible")
        defer { try? FileManager.default.removeItem(at: work) }
        let r = try modelbook(["assign", "--lang", "en", "--manuscript", "ms", "--round", "shortlist", "--per", "8", "--write"], in: work)
        #expect(r.status == 1)
        #expect(r.output.contains("reviewers without a conflict (K = 8)"), "\(r.output)")
        #expect(r.output.contains("nothing was written"), "\(r.output)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("ms/assignments").path))
        // The same in Vietnamese, the default language.
        let vi = try modelbook(["assign", "--manuscript", "ms", "--round", "shortlist", "--per", "8", "--write", "--lang", "vi"], in: work)
        #expect(vi.status == 1)
        #expect(vi.output.contains("không có xung đột lợi ích (K = 8)"), "\(vi.output)")
        #expect(vi.output.contains("modelbook assign: không có cách phân công nào cho mỗi hồ sơ của vòng shortlist đủ 8 người chấm"),
                "\(vi.output)")
        #expect(vi.output.contains("; chưa ghi gì. Hãy giảm --per, hoặc bổ sung người chấm vào reviewers.xml."), "\(vi.output)")
        let usage = try modelbook(["assign", "--lang", "en", "--manuscript", "ms", "--round", "shortlist", "--per", "0"], in: work)
        #expect(usage.status == 64, "\(usage.output)")
        let screen = try modelbook(["assign", "--lang", "en", "--manuscript", "ms", "--round", "eligibility", "--per", "2"], in: work)
        #expect(screen.status == 1 && screen.output.contains("eligibility is not a rank or optimize round"), "\(screen.output)")
    }
}
