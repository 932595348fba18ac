import Foundation
import ManuscriptModel
import Messages

/// Everything the cross-file checks look at. A configuration file that is missing or unreadable is
/// nil, and the checks that need it are skipped (its own error is enough; no cascade).
struct CheckInput: Sendable {
    var book: BookRead?
    var districts: DistrictsRead?
    var fields: FieldsRead?
    var rubric: RubricRead?
    var reviewers: ReviewersRead?
    var selection: SelectionRead?
    /// Submissions and edits that could be mapped, in file-name order.
    var submissions: [SubmissionRead] = []
    /// Ids of submission files that could not be parsed (taken from the file name): they count
    /// as existing, so reviews of them are not reported a second time.
    var unreadableSubmissionIds: Set<String> = []
    var sheets: [SheetRead] = []
    /// The files of assignments/, in file-name order.
    var assignments: [AssignmentsRead] = []
}

/// Two lists of findings filled from two threads.
private final class FindingSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[Finding]] = [[], []]
    func set(_ i: Int, _ findings: [Finding]) {
        lock.lock()
        slots[i] = findings
        lock.unlock()
    }
    var values: [[Finding]] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// The rules a schema cannot express. Pure functions: values in, findings out.
enum Checks {
    static func all(_ input: CheckInput) -> [Finding] {
        var out: [Finding] = []
        if let d = input.districts { out += duplicates(d.districts.map(\.code), d.codeAt, what: .whatDistrictCode) }
        if let f = input.fields { out += duplicates(f.fields.map(\.code), f.codeAt, what: .whatFieldCode) }
        if let r = input.rubric { out += rubric(r) }
        if let r = input.reviewers {
            out += duplicates(r.reviewers.map(\.id), r.idAt, what: .whatReviewerId)
            if let d = input.districts {
                let codes = Set(d.districts.map(\.code))
                for (i, reviewer) in r.reviewers.enumerated() where !codes.contains(reviewer.district) {
                    out.append(unknown(.whatDistrict, reviewer.district, at: r.districtAt[i], in: "districts.xml", known: d.districts.map(\.code)))
                }
            }
        }
        // The set of submission ids is used by several checks: made once.
        let known = submissionIds(input)
        if let s = input.selection { out += selection(s, input, known: known) }
        // The two largest checks read the input only and are independent: one on each of two
        // threads (they run after every file is read, when the other cores are idle).
        let parts = FindingSlots()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            parts.set(i, i == 0 ? submissions(input, known: known) : reviews(input, known: known))
        }
        out += parts.values[0]
        out += parts.values[1]
        if let b = input.book { out += book(b, input) }
        out += assignments(input, known: known)
        return out
    }

    // MARK: Configuration

    /// The second and later uses of a code, each pointing back at the first.
    static func duplicates(_ values: [String], _ at: [SourceLocation], what: CheckText) -> [Finding] {
        var first: [String: Int] = [:]
        var out: [Finding] = []
        for (i, v) in values.enumerated() where !v.isEmpty {
            if let j = first[v] {
                out.append(.error(at: at[i], CheckText.duplicate.with(["what": .message(what.message), "value": .text(v)]),
                                  notes: [.init(location: at[j], message: CheckText.firstUsedHere.message)]))
            } else {
                first[v] = i
            }
        }
        return out
    }

    static func rubric(_ r: RubricRead) -> [Finding] {
        var out = duplicates(r.rubric.criteria.map(\.key), r.keyAt, what: .whatCriterionKey)
        if r.scaleRead, !(r.rubric.min < r.rubric.max) {
            out.append(.error(at: r.minAt, CheckText.rubricMinMax.with(["min": number(r.rubric.min), "max": number(r.rubric.max)])))
        }
        for (i, c) in r.rubric.criteria.enumerated() where !c.weight.isNaN && !(c.weight > 0) {
            out.append(.error(at: r.weightAt[i], CheckText.weightNotPositive.with(["key": .text(c.key), "weight": number(c.weight)])))
        }
        return out
    }

    static func selection(_ s: SelectionRead, _ input: CheckInput, known knownSubmissions: Set<String>?) -> [Finding] {
        var out = duplicates(s.plan.rounds.map(\.id), s.rounds.map(\.idAt), what: .whatRoundId)
        for (round, read) in zip(s.plan.rounds, s.rounds) {
            if read.typeRead {
                if round.type == .optimize, round.count == nil {
                    out.append(.error(at: round.location, CheckText.optimizeNeedsCount.with(["round": .text(round.id)])))
                }
                if round.type == .rank, round.keep == nil {
                    out.append(.error(at: round.location, CheckText.rankNeedsKeep.with(["round": .text(round.id)])))
                }
            }
            for m in read.months where YearMonth(iso: m.value) == nil {
                out.append(.error(at: m.at, CheckText.monthNotReal.with(["value": .text(m.value)])))
            }
            for r in read.ranges {
                if let a = YearMonth(iso: r.start.value), let b = YearMonth(iso: r.end.value), b < a {
                    out.append(.error(at: r.end.at, CheckText.rangeReversed.with(["end": .text(r.end.value), "start": .text(r.start.value)])))
                }
            }
            for (i, q) in round.quotas.enumerated() {
                if let min = q.min, let max = q.max, min > max {
                    out.append(.error(at: read.quotaMinAt[i], CheckText.quotaMinAboveMax.with(["min": .integer(min), "max": .integer(max)])))
                }
                if let value = q.value, let at = read.quotaValueAt[i] {
                    switch q.dimension {
                    case .field:
                        if let f = input.fields, !f.fields.contains(where: { $0.code == value }) {
                            out.append(unknown(.whatField, value, at: at, in: "fields.xml", known: f.fields.map(\.code)))
                        }
                    case .district:
                        if let d = input.districts, !d.districts.contains(where: { $0.code == value }) {
                            out.append(unknown(.whatDistrict, value, at: at, in: "districts.xml", known: d.districts.map(\.code)))
                        }
                    case .kind:
                        if SubmissionKind(rawValue: value) == nil {
                            out.append(.error(at: at, CheckText.unknownKind.with(["value": .text(value)])))
                        }
                    case .unit:
                        break
                    }
                }
            }
            if let known = knownSubmissions {
                for (o, at) in zip(round.includes, read.includeAt) where !known.contains(o.submission) {
                    out.append(unknownSubmission(o.submission, at: at, known: known))
                }
                for (o, at) in zip(round.excludes, read.excludeAt) where !known.contains(o.submission) {
                    out.append(unknownSubmission(o.submission, at: at, known: known))
                }
            }
        }
        return out
    }

    // MARK: Submissions

    /// Ids that references may name; nil when no submission file exists (one error says so already).
    /// A submission whose own id is malformed is also known by its file name, so references to it
    /// do not repeat its error.
    static func submissionIds(_ input: CheckInput) -> Set<String>? {
        // One pass, without copying the submissions into a filtered array.
        var ids = input.unreadableSubmissionIds
        var anyOriginal = false
        for s in input.submissions where !s.isEdit {
            anyOriginal = true
            ids.insert(s.submission.id)
            if !isIdentifier(s.submission.id) { ids.insert(s.fileStem) }
        }
        guard anyOriginal || !input.unreadableSubmissionIds.isEmpty else { return nil }
        return ids
    }

    static func submissions(_ input: CheckInput, known originals: Set<String>?) -> [Finding] {
        var out: [Finding] = []
        // Where each id was first seen (the whole SubmissionRead is not copied into the tables).
        var firstOfId: [String: (path: String, idAt: SourceLocation)] = [:]
        var firstEdit: [String: SourceLocation] = [:]
        for s in input.submissions {
            let id = s.submission.id
            if s.isEdit {
                if let first = firstEdit[id] {
                    out.append(.error(at: s.idAt, CheckText.secondEdit.with(["id": .text(id)]),
                                      notes: [.init(location: first, message: CheckText.firstEditHere.with(["id": .text(id)]))]))
                } else {
                    firstEdit[id] = s.idAt
                }
                if let originals, !originals.contains(id) {
                    out.append(.error(at: s.idAt, CheckText.editWithoutSubmission.with(["id": .text(id)])))
                }
            } else {
                if let first = firstOfId[id] {
                    out.append(.error(at: s.idAt, CheckText.duplicateSubmission.with(["id": .text(id), "path": .text(first.path)]),
                                      notes: [.init(location: first.idAt, message: CheckText.idFirstUsedHere.with(["id": .text(id)]))]))
                } else {
                    firstOfId[id] = (s.submission.location.path, s.idAt)
                }
            }
            if isIdentifier(id), s.fileStem != id {
                out.append(.warning(at: s.idAt, CheckText.fileNameMismatch.with(["stem": .text(s.fileStem), "id": .text(id)])))
            }
            out += submission(s, input)
        }
        return out
    }

    static func submission(_ s: SubmissionRead, _ input: CheckInput) -> [Finding] {
        var out: [Finding] = []
        let sub = s.submission
        if let f = input.fields, !sub.field.isEmpty, !f.fields.contains(where: { $0.code == sub.field }) {
            out.append(unknown(.whatField, sub.field, at: s.fieldAt, in: "fields.xml", known: f.fields.map(\.code)))
        }
        if let d = input.districts, !sub.unit.district.isEmpty, !d.districts.contains(where: { $0.code == sub.unit.district }) {
            out.append(unknown(.whatDistrict, sub.unit.district, at: s.districtAt, in: "districts.xml", known: d.districts.map(\.code)))
        }
        for d in s.dates { out += realDate(d) }
        for m in [s.periodStart, s.periodEnd].compactMap({ $0 }) where ValueType.month.accepts(m.value) && YearMonth(iso: m.value) == nil {
            out.append(.error(at: m.at, CheckText.monthNotRealPeriod.with(["value": .text(m.value)])))
        }
        if let a = s.periodStart.flatMap({ YearMonth(iso: $0.value) }), let endText = s.periodEnd,
           let b = YearMonth(iso: endText.value), b < a {
            out.append(.error(at: endText.at, CheckText.periodReversed.with(["end": .text(b.description), "start": .text(a.description)])))
        }
        var hrefs: Set<String> = []
        for a in s.attachments {
            hrefs.insert(a.href.value)
            if let problem = unsafeHref(a.href.value) {
                out.append(.error(at: a.href.at, CheckText.unsafeHref.with(["href": .text(a.href.value), "problem": .message(problem), "id": .text(sub.id)])))
                continue
            }
            if let refused = AttachmentContent.refusal(a) { out.append(refused); continue }
            if !a.exists {
                out.append(.error(at: a.href.at, CheckText.attachmentMissing.with(["path": .text(a.relativePath ?? a.href.value)])))
            } else if let actual = a.actualDigest, ValueType.sha256.accepts(a.sha256.value), actual != a.sha256.value.lowercased() {
                out.append(.error(at: a.sha256.at,
                                  CheckText.attachmentDigest.with(["path": .text(a.relativePath ?? a.href.value), "actual": .text(actual)])))
            }
            out += AttachmentContent.findings(a)
        }
        for f in s.figures where !hrefs.contains(f.value) {
            let ref: [String: MessageValue] = ["ref": .text(f.value)]
            let message = hrefs.isEmpty ? CheckText.figureNoAttachments.with(ref)
                : CheckText.figureNotAttachment.with(ref).guessing(closest(f.value, among: Array(hrefs)))
            out.append(.error(at: f.at, message))
        }
        for l in s.links {
            let lower = l.value.lowercased()
            if !(lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")) {
                out.append(.error(at: l.at, CheckText.linkNotAllowed.with(["href": .text(l.value)])))
            }
        }
        return out
    }

    /// Why an attachment href would leave attachments/, or nil when it stays inside.
    static func unsafeHref(_ href: String) -> Message? {
        if href.isEmpty { return CheckText.hrefEmpty.message }
        if href.contains("\\") { return CheckText.hrefBackslash.message }
        if href.hasPrefix("/") || href.hasPrefix("~") { return CheckText.hrefAbsolute.message }
        if href.contains(":") { return CheckText.hrefUrl.message }
        if hasDotOrEmptySegment(href) { return CheckText.hrefLeaves.message }
        return nil
    }

    /// Whether a `/`-separated segment of the path is empty, "." or "..", without splitting it.
    private static func hasDotOrEmptySegment(_ path: String) -> Bool {
        // Non-ASCII text keeps the Character-wise split: a combining mark after "/" or "." joins it.
        if !path.utf8.allSatisfy({ $0 < 0x80 }) {
            return path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        }
        var segmentLength = 0
        var dotsOnly = true
        for b in path.utf8 {
            if b == UInt8(ascii: "/") {
                if segmentLength == 0 || (dotsOnly && segmentLength <= 2) { return true }
                segmentLength = 0
                dotsOnly = true
            } else {
                segmentLength += 1
                if b != UInt8(ascii: ".") { dotsOnly = false }
            }
        }
        return segmentLength == 0 || (dotsOnly && segmentLength <= 2)
    }

    static func realDate(_ d: Located<String>) -> [Finding] {
        guard ValueType.date.accepts(d.value), CalendarDate(iso: d.value) == nil else { return [] }
        return [.error(at: d.at, CheckText.dateNotReal.with(["value": .text(d.value)]))]
    }

    // MARK: Reviews

    static func reviews(_ input: CheckInput, known: Set<String>?) -> [Finding] {
        var out: [Finding] = []
        let reviewerIds = input.reviewers.map { Set($0.reviewers.map(\.id)) }
        let roundIds = input.selection.map { Set($0.plan.rounds.map(\.id)) }
        let criterionKeys = input.rubric.map { $0.rubric.criteria.map(\.key) }
        var seen: [String: SourceLocation] = [:]
        for sheet in input.sheets {
            let s = sheet.sheet
            if let ids = reviewerIds, !s.reviewer.isEmpty, !ids.contains(s.reviewer) {
                out.append(unknown(.whatReviewer, s.reviewer, at: sheet.reviewerAt, in: "reviewers.xml", known: ids.sorted()))
            }
            if let ids = roundIds, !s.round.isEmpty, !ids.contains(s.round) {
                out.append(unknown(.whatRound, s.round, at: sheet.roundAt, in: "selection.xml", known: input.selection!.plan.rounds.map(\.id)))
            }
            for (review, read) in zip(s.reviews, sheet.reviews) {
                if let known, !review.submission.isEmpty, !known.contains(review.submission) {
                    out.append(unknownSubmission(review.submission, at: read.submissionAt, known: known))
                }
                out += realDate(read.date)
                if let rubric = input.rubric { out += scores(read, rubric, keys: criterionKeys) }
                if CalendarDate(iso: read.date.value) != nil {
                    let key = [s.reviewer, s.round, review.submission, read.date.value].joined(separator: "\u{1F}")
                    if let first = seen[key] {
                        out.append(.error(at: read.at,
                            CheckText.reviewedTwice.with(["reviewer": .text(s.reviewer), "id": .text(review.submission),
                                                          "round": .text(s.round), "date": .text(read.date.value)]),
                            notes: [.init(location: first, message: CheckText.otherReviewHere.message)]))
                    } else {
                        seen[key] = read.at
                    }
                }
            }
            if let known {
                for (c, at) in zip(s.conflicts, sheet.conflictAt) where !known.contains(c.submission) {
                    out.append(unknownSubmission(c.submission, at: at, known: known))
                }
            }
        }
        return out
    }

    static func scores(_ review: ReviewRead, _ r: RubricRead, keys: [String]? = nil) -> [Finding] {
        var out: [Finding] = []
        let keys = keys ?? r.rubric.criteria.map(\.key)
        var scored: [String: SourceLocation] = [:]
        for s in review.scores {
            let key = s.criterion.value
            if !keys.contains(key) {
                out.append(unknown(.whatCriterion, key, at: s.criterion.at, in: "rubric.xml", known: keys))
                continue
            }
            if let first = scored[key] {
                out.append(.error(at: s.criterion.at, CheckText.scoredTwice.with(["key": .text(key)]),
                                  notes: [.init(location: first, message: CheckText.firstScore.with(["key": .text(key)]))]))
            } else {
                scored[key] = s.criterion.at
            }
            if r.scaleRead, r.rubric.min < r.rubric.max, let v = s.value, v.value < r.rubric.min || v.value > r.rubric.max {
                out.append(.error(at: v.at, CheckText.scoreOutsideScale.with(["score": number(v.value), "key": .text(key),
                                                                   "min": number(r.rubric.min), "max": number(r.rubric.max)])))
            }
        }
        let missing = keys.filter { !$0.isEmpty && scored[$0] == nil }
        if !missing.isEmpty {
            out.append(.error(at: review.at, CheckText.criteriaUnscored.with(["list": orList(missing)])))
        }
        return out
    }

    // MARK: Book

    static func book(_ b: BookRead, _ input: CheckInput) -> [Finding] {
        var out: [Finding] = []
        for d in b.dates { out += realDate(d) }
        if let f = input.fields {
            for intro in b.introFieldAt where !f.fields.contains(where: { $0.code == intro.value }) {
                out.append(unknown(.whatField, intro.value, at: intro.at, in: "fields.xml", known: f.fields.map(\.code)))
            }
        }
        out += duplicates(b.introFieldAt.map(\.value), b.introFieldAt.map(\.at), what: .whatIntroField)
        return out
    }

    // MARK: Wording

    static func unknown(_ what: CheckText, _ value: String, at: SourceLocation, in file: String, known: [String]) -> Finding {
        let message = CheckText.unknown.with(["what": .message(what.message), "value": .text(value), "file": .text(file)])
        return .error(at: at, message.guessing(closest(value, among: known)))
    }

    static func unknownSubmission(_ id: String, at: SourceLocation, known: Set<String>) -> Finding {
        let message = CheckText.unknownSubmission.with(["id": .text(id)])
        return .error(at: at, message.guessing(closest(id, among: known.sorted()), .withGuessPlain))
    }
}
