import Foundation
import Messages

/// What to generate. Identical options give byte-identical folders.
public struct GeneratorOptions: Sendable, Equatable {
    /// Number of candidate submissions (1...100,000). Up to 40,000 the serial numbers have four
    /// digits, as in the sample (`NB-2024-0137`); beyond, five (`NB-2024-00137`).
    public var submissions: Int
    /// Number of reviewers (3...999); they are spread over the province level and the eight districts.
    public var reviewers: Int
    public var seed: UInt64
    /// Reviews per submission, before the ~1% that get one fewer than `min-reviews` on purpose.
    public var reviewsPerSubmission: ClosedRange<Int>

    public init(submissions: Int = 480, reviewers: Int = 18, seed: UInt64 = 2025,
                reviewsPerSubmission: ClosedRange<Int> = 3...5) {
        self.submissions = submissions
        self.reviewers = reviewers
        self.seed = seed
        self.reviewsPerSubmission = reviewsPerSubmission
    }
}

public struct GeneratorError: Error, CustomStringConvertible, Sendable {
    public let message: Message
    init(_ message: Message) { self.message = message }
    public var description: String { message.text() }
}

/// How many files of each kind a generation wrote.
public struct GenerationSummary: Sendable, Equatable, CustomStringConvertible {
    public var submissions = 0
    public var reviewers = 0
    public var reviewSheets = 0
    public var reviews = 0
    public var declaredConflicts = 0
    public var attachments = 0
    public var edits = 0
    /// Configuration and front-matter files (book, districts, fields, rubric, reviewers, selection, front, parts).
    public var configuration = 0
    /// Submissions the plan's screen will find ineligible.
    public var ineligible = 0
    public var finalCount = 0

    public var files: Int { submissions + reviewSheets + attachments + edits + configuration }

    public var description: String {
        GeneratorText.summary.text([
            "files": .integer(files), "submissions": .integer(submissions), "ineligible": .integer(ineligible),
            "sheets": .integer(reviewSheets), "reviews": .integer(reviews), "conflicts": .integer(declaredConflicts),
            "attachments": .integer(attachments), "edits": .integer(edits), "configuration": .integer(configuration),
            "final": .integer(finalCount),
        ])
    }
}

/// A deterministic generator of fictional but realistic manuscript folders (formats.md, version 1).
///
/// The folder holds submissions for the "Dân vận khéo" movement of Ninh Bình (before the 2025 merger),
/// reviews by reviewers with their own leniency, a selection plan that is feasible on the data, the
/// book's metadata and front matter, a few editors' revisions and the attachments named by submissions.
///
/// The selection plan follows the 480-submission sample and scales with `submissions`: see
/// `SelectionPlanner.plan` for the rule (count = max(1, round(n·100/480)), keep = 2·count, quotas scaled
/// by count/100 and dropped, in a fixed order, while a greedy selection cannot satisfy them).
public enum ManuscriptGenerator {
    public static let round = "shortlist"

    /// Writes the manuscript into `folder` (created when missing). Existing files with the same names are
    /// overwritten; other files are left alone.
    @discardableResult
    public static func generate(into folder: URL, options: GeneratorOptions) throws -> GenerationSummary {
        guard (1...100_000).contains(options.submissions) else {
            throw GeneratorError(GeneratorText.submissionsOutOfRange.with(["n": .text(String(options.submissions))]))
        }
        guard (3...999).contains(options.reviewers) else {
            throw GeneratorError(GeneratorText.reviewersOutOfRange.with(["n": .text(String(options.reviewers))]))
        }
        guard options.reviewsPerSubmission.lowerBound >= 1 else {
            throw GeneratorError(GeneratorText.reviewsPerSubmissionTooFew.message)
        }
        let n = options.submissions
        let seed = options.seed

        // 1. Who submits what: balanced counts, shuffled.
        var rng = Xoshiro256(seed: seed, tag: 0)
        let districts = rng.shuffled(apportion(n, Places.all.map { $0.code == "province" ? 0.6 : 1.0 })
            .enumerated().flatMap { i, c in [DistrictInfo](repeating: Places.all[i], count: c) })
        let fields = rng.shuffled(apportion(n, [1.1, 1, 1, 1]).enumerated().flatMap { i, c in
            [String](repeating: Topics.fields[i].code, count: c)
        })
        let kinds = rng.shuffled(apportion(n, [65, 35]).enumerated().flatMap { i, c in
            [String](repeating: i == 0 ? "model" : "example", count: c)
        })
        let years = rng.shuffled(apportion(n, [14, 20, 22, 25, 19]).enumerated().flatMap { i, c in
            [Int](repeating: 2021 + i, count: c)
        })
        var flaws = [[Flaw]](repeating: [], count: n)
        let flawed = rng.sample(Array(0..<n), (n * 12 + 50) / 100)
        for (k, i) in flawed.enumerated() {
            flaws[i] = [Flaw.allCases[k % Flaw.allCases.count]]
            if rng.chance(0.15) {
                let extra = rng.pick(Flaw.allCases)
                if extra != flaws[i][0] { flaws[i].append(extra) }
            }
        }
        // Serial numbers per year, increasing with small gaps, never past 9999 (99999 beyond 40,000).
        let digits = n > 40_000 ? 5 : 4
        let largestSerial = digits == 4 ? 9999 : 99999
        var perYear = [Int](repeating: 0, count: 5)
        for y in years { perYear[y - 2021] += 1 }
        guard perYear.allSatisfy({ $0 <= largestSerial }) else {
            throw GeneratorError(GeneratorText.serialNumbersExhausted.message)
        }
        var lastSerial = [Int](repeating: 0, count: 5)
        var remaining = perYear
        var plans: [SubmissionPlan] = []
        for i in 0..<n {
            let y = years[i] - 2021
            remaining[y] -= 1
            let room = largestSerial - lastSerial[y] - remaining[y] - 1
            let gap = rng.chance(0.35) ? min(rng.int(1...4), max(0, room)) : 0
            lastSerial[y] += 1 + gap
            plans.append(SubmissionPlan(index: i, year: years[i], serial: lastSerial[y], digits: digits, kind: kinds[i],
                                        field: fields[i], district: districts[i], flaws: flaws[i]))
        }

        // 2. The submissions, then sorted by id (the order of every later list).
        // Each submission has its own random stream, so they can be made in parallel.
        var submissions = parallelMap(plans) { SubmissionFactory.make($0, seed: seed) }
        var usedTitles = Set<String>()
        for i in submissions.indices {
            let title = submissions[i].titleCandidates.first { !usedTitles.contains($0) } ?? submissions[i].titleCandidates[0]
            usedTitles.insert(title)
            submissions[i].title = Phrases.inline(title)
        }
        submissions.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }

        // 3. Reviewers and reviews.
        let reviewers = ReviewerFactory.make(count: options.reviewers, seed: seed)
        let minReviews = min(3, options.reviewsPerSubmission.lowerBound)
        let reviewPlan = ReviewPlan.make(submissions: submissions, reviewers: reviewers,
                                         perSubmission: options.reviewsPerSubmission, minReviews: minReviews, seed: seed)

        // 4. A plan that holds on this data.
        let outcome = SelectionPlanner.plan(submissions: submissions, reviewers: reviewers, reviews: reviewPlan,
                                            minReviews: minReviews, seed: seed)

        // 5. Write.
        var summary = GenerationSummary()
        let fm = FileManager.default
        for sub in ["", "submissions", "reviews", "edits", "attachments", "front", "parts"] {
            try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let root = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        func write(_ text: String, _ path: String) throws {
            try writeFile(text.utf8, to: root + path)
        }
        try write(BookMatter.book(count: outcome.count), "book.xml")
        try write(BookMatter.districts(), "districts.xml")
        try write(BookMatter.fields(), "fields.xml")
        try write(BookMatter.rubric(), "rubric.xml")
        try write(BookMatter.reviewers(reviewers), "reviewers.xml")
        try write(outcome.xml(submissions: submissions), "selection.xml")
        try write(BookMatter.preface(), "front/preface.xml")
        try write(BookMatter.editorialNote(keep: outcome.keep, count: outcome.count), "front/editorial-note.xml")
        for f in Topics.fields { try write(BookMatter.partIntro(field: f.code), "parts/\(f.code).xml") }
        summary.configuration = 8 + Topics.fields.count

        let rendered = parallelMap(submissions) { $0.xml() }
        for (s, xml) in zip(submissions, rendered) {
            try write(xml, "submissions/\(s.id).xml")
            if !s.attachments.isEmpty {
                try fm.createDirectory(atPath: root + "attachments/" + s.id, withIntermediateDirectories: true)
                for a in s.attachments {
                    try writeFile(a.bytes, to: root + "attachments/" + a.href)
                    summary.attachments += 1
                }
            }
        }
        summary.submissions = submissions.count
        summary.ineligible = outcome.eligible.filter { !$0 }.count

        for r in reviewers.indices {
            try write(reviewPlan.sheet(for: r, reviewers: reviewers, submissions: submissions, round: round),
                      "reviews/\(reviewers[r].id)-\(round).xml")
        }
        summary.reviewers = reviewers.count
        summary.reviewSheets = reviewers.count
        summary.reviews = reviewPlan.reviews.count
        summary.declaredConflicts = reviewPlan.conflicts.count

        // Editors' revisions: the include and the two best-ranked shortlisted entries.
        var edited: [Int] = []
        if let inc = outcome.include { edited.append(inc.submission) }
        for s in outcome.shortlist where edited.count < 3 && s != outcome.exclude?.submission && !edited.contains(s) {
            edited.append(s)
        }
        for i in edited {
            try write(Editing.revise(submissions[i]).xml(editorNote: Editing.note), "edits/\(submissions[i].id).xml")
        }
        summary.edits = edited.count
        summary.finalCount = outcome.count
        return summary
    }

    /// `transform` of every element, computed on all cores, in order. `transform` must not share mutable state.
    static func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> U) -> [U] {
        let slots = Slots<U>(items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots.buffer[i] = transform(items[i])
        }
        return slots.buffer.map { $0! }
    }

    /// Largest-remainder apportionment of `total` by `weights`.
    static func apportion(_ total: Int, _ weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0) }
        var left = total - counts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        var k = 0
        while left > 0 {
            counts[order[k % order.count]] += 1
            left -= 1
            k += 1
        }
        return counts
    }
}

/// Result slots written by index from several threads (each index by one thread only).
final class Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(_ count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

/// An editor's light revision of a submission: wording only, numbers untouched.
enum Editing {
    static let note = "Bản đã được Ban Biên tập biên tập về câu chữ; số liệu giữ nguyên. Edited text: wording only, figures unchanged."

    static let replacements: [(String, String)] = [
        ("vận động nhân dân", "vận động người dân"),
        ("của nhân dân", "của người dân"),
        ("rõ rệt", "rõ nét"),
        ("Đến nay,", "Tính đến nay,"),
        ("thường xuyên", "đều đặn"),
        ("băn khoăn", "e ngại"),
        ("hết sức làm", "gắng sức làm"),
    ]

    static func revise(_ s: GeneratedSubmission) -> GeneratedSubmission {
        var e = s
        let f: (String) -> String = { text in
            var t = text
            for (a, b) in replacements { t = t.replacingOccurrences(of: a, with: b) }
            return t
        }
        e.summary = Inline.mapText(s.summary, f)
        e.body = Block.mapText(s.body, f)
        return e
    }
}
