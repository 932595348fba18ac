import Foundation
import Testing
import Messages
@testable import ManuscriptGenerator

/// Element names of formats.md (and book.xml), each with the attributes it may carry.
let vocabulary: [String: Set<String>] = [
    "submission": ["id", "kind", "xml:lang"], "title": [], "field": ["code"], "unit": ["level", "district"],
    "registered": [], "period": ["start", "end"], "people": [], "person": ["role"], "summary": [], "body": [],
    "results": [], "indicator": ["key", "unit", "value", "baseline"], "endorsement": ["by", "level", "date"],
    "attachments": [], "attachment": ["href", "sha256", "type"],
    "section": [], "p": [], "list": ["type"], "item": [], "quote": ["source"], "table": [], "caption": [],
    "row": ["role"], "cell": ["colspan"], "figure": ["ref"],
    "em": [], "strong": [], "q": [], "note": [], "link": ["href"],
    "districts": [], "district": ["code"], "fields": [], "rubric": ["min", "max"], "criterion": ["key", "weight"],
    "reviewers": [], "reviewer": ["id", "district", "unit"],
    "reviews": ["reviewer", "round"], "review": ["submission", "date"], "score": ["criterion"], "comment": [],
    "conflict": ["submission"],
    "selection": [], "round": ["id", "type", "keep", "min-reviews", "aggregate", "count"],
    "require": ["rule", "start", "end", "count"], "quota": ["dimension", "value", "min", "max"],
    "include": ["submission"], "exclude": ["submission"],
    "book": ["xml:lang"], "subtitle": [], "editors": [], "editor": ["role"], "publisher": [], "year": [], "date": [],
    "front": [], "preface": ["href"], "parts": [], "intro": ["field", "href"], "order": ["by"],
]

struct Loaded {
    let submissions: [String: Node]
    let reviewers: [String: Node]
    let sheets: [Node]
    let selection: Node

    init(_ folder: URL) throws {
        var subs: [String: Node] = [:]
        for path in try Files.list(folder.appendingPathComponent("submissions")) {
            let node = try Files.parse(folder.appendingPathComponent("submissions/\(path)"))
            subs[node["id"] ?? ""] = node
            #expect(path == "\(node["id"] ?? "?").xml")
        }
        submissions = subs
        var revs: [String: Node] = [:]
        for r in try Files.parse(folder.appendingPathComponent("reviewers.xml")).all("reviewer") { revs[r["id"] ?? ""] = r }
        reviewers = revs
        sheets = try Files.list(folder.appendingPathComponent("reviews")).map {
            try Files.parse(folder.appendingPathComponent("reviews/\($0)"))
        }
        selection = try Files.parse(folder.appendingPathComponent("selection.xml"))
    }

    static func collapse(_ s: String?) -> String { (s ?? "").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }

    /// Counted reviews per submission, by formats.md: conflicts dropped, the later date wins.
    func countedReviews() -> (counts: [String: Int], dropped: Int, superseded: Int, sameDate: Int) {
        var declared = Set<String>()
        for sheet in sheets { for c in sheet.all("conflict") { declared.insert("\(sheet["reviewer"]!)|\(c["submission"]!)") } }
        var latest: [String: String] = [:]
        var dropped = 0, superseded = 0, sameDate = 0
        for sheet in sheets {
            let rid = sheet["reviewer"]!
            let reviewer = reviewers[rid]!
            for review in sheet.all("review") {
                let sid = review["submission"]!
                let unit = submissions[sid]!.child("unit")!
                let district = reviewer["district"]!
                if (district != "province" && district == unit["district"])
                    || Loaded.collapse(reviewer["unit"]) == Loaded.collapse(unit.texts.joined())
                    || declared.contains("\(rid)|\(sid)") {
                    dropped += 1
                    continue
                }
                let key = "\(rid)|\(sid)"
                if let d = latest[key] {
                    superseded += 1
                    if d == review["date"]! { sameDate += 1 }
                    latest[key] = max(d, review["date"]!)
                } else {
                    latest[key] = review["date"]!
                }
            }
        }
        var counts: [String: Int] = [:]
        for key in latest.keys { counts[String(key.split(separator: "|")[1]), default: 0] += 1 }
        return (counts, dropped, superseded, sameDate)
    }

    /// The eligibility rules of the sample's screen, evaluated independently of the generator.
    static func failedRules(_ s: Node) -> [String] {
        var failed: [String] = []
        let period = s.child("period")!
        if period["start"]! < "2021-01" || (period["end"].map { $0 > "2025-12" } ?? false) { failed.append("period-within") }
        if s.child("endorsement") == nil { failed.append("has-endorsement") }
        if (s.child("results")?.all("indicator").count ?? 0) < 1 { failed.append("min-results") }
        if s.child("body")!.wordCount < 300 { failed.append("min-body-words") }
        return failed
    }
}

@Suite("Sample generator")
struct GeneratorTests {
    @Test("identical options give byte-identical folders; another seed gives another folder")
    func determinism() throws {
        let a = Files.temporaryFolder("det-a"), b = Files.temporaryFolder("det-b"), c = Files.temporaryFolder("det-c")
        defer { for f in [a, b, c] { try? FileManager.default.removeItem(at: f) } }
        let options = GeneratorOptions(submissions: 150, reviewers: 12, seed: 7)
        try ManuscriptGenerator.generate(into: a, options: options)
        try ManuscriptGenerator.generate(into: b, options: options)
        var other = options
        other.seed = 8
        try ManuscriptGenerator.generate(into: c, options: other)
        let files = try Files.list(a)
        #expect(files == (try Files.list(b)))
        #expect(files.count > 150)
        for path in files {
            let x = try Data(contentsOf: a.appendingPathComponent(path))
            let y = try Data(contentsOf: b.appendingPathComponent(path))
            #expect(x == y, "\(path) differs between two identical generations")
        }
        let differing = try files.filter {
            try Data(contentsOf: a.appendingPathComponent($0)) != (try? Data(contentsOf: c.appendingPathComponent($0)))
        }
        #expect(differing.count > 100, "changing the seed should change most files")
    }

    @Test("the committed manuscript/ is exactly a fresh default generation")
    func committedSample() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = repo.appendingPathComponent("manuscript")
        let fresh = DefaultSample.folder
        let expected = try Files.list(fresh)
        // rounds/ holds the selection's records, written by `select` and `build`, not by the generator.
        let actual = try Files.list(committed).filter { !$0.hasPrefix("rounds/") }
        #expect(actual == expected, "manuscript/ lists other files than a fresh generation; regenerate with `modelbook generate --out manuscript --force`")
        for path in expected where actual.contains(path) {
            let x = try Data(contentsOf: committed.appendingPathComponent(path))
            let y = try Data(contentsOf: fresh.appendingPathComponent(path))
            #expect(x == y, "manuscript/\(path) differs from a fresh default generation")
        }
    }

    @Test("counts: 480 submissions, 3–5 counted reviews each except about 1% with 2, realistic irregularities")
    func counts() throws {
        let m = try Loaded(DefaultSample.folder)
        #expect(m.submissions.count == 480)
        #expect(m.reviewers.count == 18)
        #expect(m.sheets.count == 18)
        #expect(m.sheets.allSatisfy { $0["round"] == "shortlist" })
        let (counts, dropped, superseded, sameDate) = m.countedReviews()
        let two = m.submissions.keys.filter { counts[$0] == 2 }
        #expect((1...10).contains(two.count), "about 1% should have exactly two counted reviews, got \(two.count)")
        for id in m.submissions.keys where counts[id] != 2 {
            #expect((3...5).contains(counts[id] ?? 0), "\(id) has \(counts[id] ?? 0) counted reviews")
        }
        #expect(dropped >= 2, "some reviews should be of a conflicted submission")
        #expect(superseded >= 2, "some reviews should be superseded")
        #expect(sameDate == 0, "a superseded review must have another date")
        #expect(m.sheets.flatMap { $0.all("conflict") }.count >= 2)

        // Scores on the rubric's scale in steps of 0.5, every criterion once.
        let keys = ["effectiveness", "replicability", "participation", "innovation", "evidence"]
        var means: [Double] = []
        for sheet in m.sheets {
            var totals: [Double] = []
            for review in sheet.all("review") {
                let scores = review.all("score")
                #expect(scores.map { $0["criterion"]! } == keys)
                let values = scores.map { Double($0.texts.joined())! }
                #expect(values.allSatisfy { (0...10).contains($0) && ($0 * 2).rounded() == $0 * 2 })
                totals.append((30 * values[0] + 20 * values[1] + 20 * values[2] + 15 * values[3] + 15 * values[4]) / 100)
            }
            means.append(totals.reduce(0, +) / Double(totals.count))
        }
        #expect(means.max()! - means.min()! > 1.0, "reviewers should differ in leniency, so that z-scores matter")

        // Spread: kinds, districts, fields, levels; and about 10–15% ineligible.
        let subs = Array(m.submissions.values)
        let examples = subs.filter { $0["kind"] == "example" }.count
        #expect((0.30...0.40).contains(Double(examples) / 480))
        var perDistrict: [String: Int] = [:], perField: [String: Int] = [:], levels = Set<String>()
        for s in subs {
            perDistrict[s.child("unit")!["district"]!, default: 0] += 1
            perField[s.child("field")!.texts.joined(), default: 0] += 1
            levels.insert(s.child("unit")!["level"]!)
        }
        #expect(perDistrict.count == 9 && perDistrict.values.allSatisfy { $0 >= 20 })
        #expect(perDistrict["province"]! < perDistrict["kim-son"]!)
        #expect(perField.count == 4 && perField.values.allSatisfy { $0 >= 90 })
        #expect(levels == ["province", "district", "commune", "agency", "enterprise", "armed-forces", "school", "other"])
        let ineligible = subs.filter { !Loaded.failedRules($0).isEmpty }
        #expect((48...72).contains(ineligible.count), "10–15% should fail screening, got \(ineligible.count)")
        for rule in ["period-within", "has-endorsement", "min-results", "min-body-words"] {
            #expect(ineligible.contains { Loaded.failedRules($0).contains(rule) }, "no submission fails \(rule)")
        }
        let words = subs.map { $0.child("body")!.wordCount }
        #expect(words.min()! >= 120 && words.max()! <= 1700)
        #expect(Set(subs.map { $0.child("title")!.texts.joined() }).count > 400, "titles should be varied")
        #expect(subs.contains { $0.child("period")!["end"] == nil }, "some periods should be ongoing")
    }

    @Test("the plan of the sample: rounds, quotas, an eligible include and an existing exclude")
    func plan() throws {
        let m = try Loaded(DefaultSample.folder)
        let rounds = m.selection.all("round")
        #expect(rounds.map { $0["id"]! } == ["eligibility", "shortlist", "final"])
        #expect(rounds[1]["keep"] == "200" && rounds[1]["min-reviews"] == "3" && rounds[1]["aggregate"] == "zscore")
        let final = rounds[2]
        #expect(final["count"] == "100")
        let quotas = final.all("quota").map { [$0["dimension"], $0["value"], $0["min"], $0["max"]].map { $0 ?? "-" }.joined(separator: " ") }
        #expect(quotas == ["field economy 20 35", "field - 15 -", "district - 6 20", "kind example 30 -", "unit - - 2"])
        let include = try #require(final.child("include"))
        let exclude = try #require(final.child("exclude"))
        let included = try #require(m.submissions[include["submission"]!])
        #expect(Loaded.failedRules(included).isEmpty, "the include must name an eligible submission")
        #expect((m.countedReviews().counts[include["submission"]!] ?? 0) >= 3)
        #expect(m.submissions[exclude["submission"]!] != nil)
        #expect(!include.texts.joined().isEmpty && !exclude.texts.joined().isEmpty)
        // Edits: 2–3 revisions of existing submissions, same id, different text.
        let edits = try Files.list(DefaultSample.folder.appendingPathComponent("edits"))
        #expect((2...3).contains(edits.count))
        #expect(edits.contains("\(include["submission"]!).xml"))
        for path in edits {
            let edited = try Data(contentsOf: DefaultSample.folder.appendingPathComponent("edits/\(path)"))
            let original = try Data(contentsOf: DefaultSample.folder.appendingPathComponent("submissions/\(path)"))
            #expect(edited != original, "edits/\(path) should be revised")
        }
    }

    @Test("every attachment exists and its bytes have the declared SHA-256; figures name attachments")
    func attachments() throws {
        let folder = DefaultSample.folder
        let m = try Loaded(folder)
        var declared: [(path: String, digest: String)] = []
        for s in m.submissions.values {
            let list = s.child("attachments")?.all("attachment") ?? []
            let hrefs = Set(list.map { $0["href"]! })
            for a in list {
                #expect(a["href"]!.hasPrefix("\(s["id"]!)/"))
                #expect(["image/svg+xml", "text/csv"].contains(a["type"]!))
                declared.append(("attachments/\(a["href"]!)", a["sha256"]!))
            }
            for figure in s.descendants where figure.name == "figure" {
                #expect(hrefs.contains(figure["ref"]!), "figure \(figure["ref"]!) names no attachment of \(s["id"]!)")
            }
        }
        #expect(declared.count > 200)
        #expect(declared.count == (try Files.list(folder.appendingPathComponent("attachments"))).count)
        // Digests by an independent tool, in chunks.
        let tool: (String, [String])? = (try? Files.run("sha256sum", ["--version"])) != nil ? ("sha256sum", [])
            : (try? Files.run("shasum", ["--version"])) != nil ? ("shasum", ["-a", "256"]) : nil
        guard let tool else {
            print("skipped: neither sha256sum nor shasum is installed")
            return
        }
        var computed: [String: String] = [:]
        for start in stride(from: 0, to: declared.count, by: 200) {
            let chunk = declared[start..<min(declared.count, start + 200)].map { folder.appendingPathComponent($0.path).path }
            let (status, output) = try Files.run(tool.0, tool.1 + chunk)!
            #expect(status == 0)
            for line in output.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1)
                computed[String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: " *"))] = String(parts[0])
            }
        }
        for d in declared {
            #expect(computed[folder.appendingPathComponent(d.path).path] == d.digest, "\(d.path)")
        }
    }

    @Test("every file is well-formed UTF-8 XML in NFC, with the vocabulary of formats.md")
    func wellFormedNFCVocabulary() throws {
        let folder = DefaultSample.folder
        let files = try Files.list(folder)
        var xmlFiles: [String] = []
        for path in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            let text = try #require(String(data: data, encoding: .utf8), "\(path) is not UTF-8")
            #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(path) is not NFC")
            if path.hasSuffix(".xml") || path.hasSuffix(".svg") {
                xmlFiles.append(path)
                #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), "\(path)")
                #expect(text.contains("Dữ liệu hư cấu, chỉ dùng để minh họa") || path.hasSuffix(".svg"), "\(path) lacks the fiction notice")
                let root = try Files.parse(folder.appendingPathComponent(path))
                let isDocBook = path.hasPrefix("front/") || path.hasPrefix("parts/")
                if isDocBook {
                    #expect(root["xmlns"] == "http://docbook.org/ns/docbook")
                    #expect(root.name == (path.hasPrefix("front/") ? "preface" : "partintro"))
                } else if !path.hasSuffix(".svg") {
                    for node in [root] + root.descendants {
                        let allowed = try #require(vocabulary[node.name], "\(path): element <\(node.name)> is not in formats.md")
                        for attribute in node.attributes.keys {
                            #expect(allowed.contains(attribute), "\(path): <\(node.name) \(attribute)> is not in formats.md")
                        }
                    }
                }
            }
        }
        if let (status, output) = try Files.run("xmllint", ["--version"]), status == 0 || !output.isEmpty {
            for start in stride(from: 0, to: xmlFiles.count, by: 300) {
                let chunk = xmlFiles[start..<min(xmlFiles.count, start + 300)].map { folder.appendingPathComponent($0).path }
                let (code, out) = try Files.run("xmllint", ["--noout"] + chunk)!
                #expect(code == 0, "xmllint: \(out.prefix(500))")
            }
        } else {
            print("skipped the xmllint pass: xmllint is not installed (XMLParser still checked every file)")
        }
    }

    @Test("small samples scale the plan down", arguments: [1, 7, 50])
    func smallSamples(n: Int) throws {
        let folder = Files.temporaryFolder("small-\(n)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try ManuscriptGenerator.generate(into: folder, options: GeneratorOptions(submissions: n))
        let m = try Loaded(folder)
        #expect(m.submissions.count == n)
        let rounds = m.selection.all("round")
        let count = Int(rounds[2]["count"]!)!
        #expect(count == max(1, (n * 100 + 240) / 480))
        #expect(summary.finalCount == count)
        #expect(Int(rounds[1]["keep"]!)! == 2 * count)
        let eligibleRanked = m.submissions.values.filter {
            Loaded.failedRules($0).isEmpty && (m.countedReviews().counts[$0["id"]!] ?? 0) >= 3
        }
        #expect(eligibleRanked.count >= count, "the plan must be able to fill its count")
    }

    @Test("options out of range are refused")
    func refusesBadOptions() {
        let folder = Files.temporaryFolder("bad")
        #expect(throws: GeneratorError.self) { try ManuscriptGenerator.generate(into: folder, options: GeneratorOptions(submissions: 0)) }
        #expect(throws: GeneratorError.self) { try ManuscriptGenerator.generate(into: folder, options: GeneratorOptions(reviewers: 1)) }
        #expect(throws: GeneratorError.self) { try ManuscriptGenerator.generate(into: folder, options: GeneratorOptions(submissions: 100_001)) }
        do {
            try ManuscriptGenerator.generate(into: folder, options: GeneratorOptions(submissions: 0))
            Issue.record("0 submissions were accepted")
        } catch let error as GeneratorError {
            #expect(error.message.text(in: .vi) == "số hồ sơ phải từ 1 đến 100.000 (đã cho 0)")
            #expect(error.message.text(in: .en) == "submissions must be between 1 and 100000 (got 0)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("serial numbers have four digits, five beyond 40,000 submissions (the growth benchmark's 50,000)")
    func serialDigits() {
        #expect(SubmissionPlan.identifier(year: 2024, serial: 137, digits: 4) == "NB-2024-0137")
        #expect(SubmissionPlan.identifier(year: 2021, serial: 9999, digits: 4) == "NB-2021-9999")
        #expect(SubmissionPlan.identifier(year: 2024, serial: 137, digits: 5) == "NB-2024-00137")
        #expect(SubmissionPlan.identifier(year: 2025, serial: 12500, digits: 5) == "NB-2025-12500")
    }
}

@Suite("modelbook init skeleton")
struct SkeletonTests {
    @Test("writes every configuration file, one submission, one review sheet, edits/ and attachments/")
    func writesEverything() throws {
        let folder = Files.temporaryFolder("skeleton")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ManuscriptSkeleton.write(into: folder)
        let files = try Files.list(folder)
        for required in ["book.xml", "districts.xml", "fields.xml", "rubric.xml", "reviewers.xml", "selection.xml",
                         "reviews/R01-shortlist.xml", "edits/README.txt", "attachments/README.txt"] {
            #expect(files.contains(required), "missing \(required)")
        }
        #expect(files == ManuscriptSkeleton.paths.sorted())
        #expect(files.filter { $0.hasPrefix("submissions/") } == ["submissions/NB-2025-0001.xml"])
        for path in files where path.hasSuffix(".xml") {
            let root = try Files.parse(folder.appendingPathComponent(path))
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains("<!--"), "\(path) should explain itself in comments")
            if !path.hasPrefix("front/") {
                for node in [root] + root.descendants {
                    #expect(vocabulary[node.name] != nil, "\(path): <\(node.name)>")
                }
            }
        }
        // The plan runs on the one submission: it passes the screen and has the review the shortlist needs.
        let m = try Loaded(folder)
        let submission = try #require(m.submissions["NB-2025-0001"])
        #expect(Loaded.failedRules(submission).isEmpty, "the example must pass the skeleton's screen")
        #expect(m.countedReviews().counts["NB-2025-0001"] == 1)
        let rounds = m.selection.all("round")
        #expect(rounds[1]["min-reviews"] == "1" && rounds[2]["count"] == "1")
    }

    @Test("refuses a non-empty folder")
    func refusesNonEmpty() throws {
        let folder = Files.temporaryFolder("skeleton-busy")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: GeneratorError.self) { try ManuscriptSkeleton.write(into: folder) }
        #expect(try Files.list(folder) == ["notes.txt"])
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }
}
