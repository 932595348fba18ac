import Foundation
import ManuscriptModel
import Messages
import XMLKit

/// A date that stands in for one that could not be read (the finding says so).
let unreadableDate = CalendarDate(year: 1, month: 1, day: 1)
let unreadableMonth = YearMonth(year: 1, month: 1)

extension Mapper {
    func districts(_ root: XMLElement) -> DistrictsRead {
        var out = DistrictsRead()
        for e in root.elements(named: "district") {
            out.districts.append(District(code: token(e, "code") ?? "", name: text(e)))
            out.codeAt.append(loc(e, "code"))
        }
        return out
    }

    func fields(_ root: XMLElement) -> FieldsRead {
        var out = FieldsRead()
        for e in root.elements(named: "field") {
            out.fields.append(Field(code: token(e, "code") ?? "", name: text(e)))
            out.codeAt.append(loc(e, "code"))
        }
        return out
    }

    func rubric(_ root: XMLElement) -> RubricRead {
        let min = token(root, "min").flatMap(parseDecimal)
        let max = token(root, "max").flatMap(parseDecimal)
        var out = RubricRead(rubric: Rubric(min: min ?? 0, max: max ?? 0, criteria: []),
                             minAt: loc(root, "min"), maxAt: loc(root, "max"), scaleRead: min != nil && max != nil)
        for e in root.elements(named: "criterion") {
            out.rubric.criteria.append(Criterion(key: token(e, "key") ?? "",
                                                 weight: token(e, "weight").flatMap(parseDecimal) ?? .nan,
                                                 label: text(e)))
            out.keyAt.append(loc(e, "key"))
            out.weightAt.append(loc(e, "weight"))
        }
        return out
    }

    func reviewers(_ root: XMLElement) -> ReviewersRead {
        var out = ReviewersRead()
        for e in root.elements(named: "reviewer") {
            out.reviewers.append(Reviewer(id: token(e, "id") ?? "", district: token(e, "district") ?? "",
                                          unit: attr(e, "unit")?.collapsed ?? "", name: text(e)))
            out.idAt.append(loc(e, "id"))
            out.districtAt.append(loc(e, "district"))
        }
        return out
    }

    func selection(_ root: XMLElement) -> SelectionRead {
        var out = SelectionRead()
        for e in root.elements(named: "round") {
            let type = RoundType(rawValue: token(e, "type") ?? "")
            var round = Round(id: token(e, "id") ?? "", type: type ?? .screen,
                              keep: token(e, "keep").flatMap { Int($0) },
                              minReviews: token(e, "min-reviews").flatMap { Int($0) },
                              aggregate: token(e, "aggregate").flatMap(Aggregate.init(rawValue:)),
                              count: token(e, "count").flatMap { Int($0) },
                              location: loc(e))
            var read = RoundRead(idAt: loc(e, "id"), typeRead: type != nil)
            if let type {
                // Which attributes belong to which type of round: a schema message would be unclear.
                let allowed: [RoundType: Set<String>] = [
                    .screen: [], .rank: ["keep", "min-reviews", "aggregate"], .optimize: ["count", "aggregate"],
                ]
                for name in ["keep", "min-reviews", "count", "aggregate"] where e.attribute(name) != nil && !allowed[type]!.contains(name) {
                    let owner: CheckText = name == "count" ? .ownerOptimize : name == "aggregate" ? .ownerRankOrOptimize : .ownerRank
                    error(loc(e, name), CheckText.attributeNoEffect.with(["name": .text(name), "type": .text(type.rawValue),
                                                                          "owner": .message(owner.message)]))
                }
            }
            for c in e.elements {
                let belongs: RoundType = c.name == "require" ? .screen : .optimize
                if let type, type != belongs {
                    error(loc(c), CheckText.elementNoEffect.with(["name": .text(c.name), "type": .text(type.rawValue),
                                                                  "belongs": .text(belongs.rawValue)]))
                }
                switch c.name {
                case "require":
                    if let rule = requirement(c, into: &read) { round.requirements.append(Requirement(rule: rule, location: loc(c))) }
                case "quota":
                    guard let dimension = QuotaDimension(rawValue: token(c, "dimension") ?? "") else { continue }
                    let quota = Quota(dimension: dimension, value: token(c, "value"),
                                      min: token(c, "min").flatMap { Int($0) }, max: token(c, "max").flatMap { Int($0) },
                                      location: loc(c))
                    if quota.min == nil && quota.max == nil, c.attribute("min") == nil, c.attribute("max") == nil {
                        error(loc(c), CheckText.quotaNeedsBound.message)
                    }
                    round.quotas.append(quota)
                    read.quotaValueAt.append(c.attribute("value") != nil ? loc(c, "value") : nil)
                    read.quotaMinAt.append(loc(c, "min"))
                case "include":
                    round.includes.append(Override(submission: token(c, "submission") ?? "", reason: text(c), location: loc(c)))
                    read.includeAt.append(loc(c, "submission"))
                case "exclude":
                    round.excludes.append(Override(submission: token(c, "submission") ?? "", reason: text(c), location: loc(c)))
                    read.excludeAt.append(loc(c, "submission"))
                default:
                    break
                }
            }
            out.plan.rounds.append(round)
            out.rounds.append(read)
        }
        return out
    }

    private func requirement(_ c: XMLElement, into read: inout RoundRead) -> EligibilityRule? {
        let rule = token(c, "rule") ?? ""
        func month(_ name: String) -> YearMonth? {
            guard let raw = token(c, name) else {
                error(loc(c), CheckText.ruleNeedsMonth.with(["rule": .text(rule), "name": .text(name)]))
                return nil
            }
            read.months.append(Located(value: raw, at: loc(c, name)))
            return YearMonth(iso: raw)
        }
        func count() -> Int? {
            guard let raw = token(c, "count") else {
                error(loc(c), CheckText.ruleNeedsCount.with(["rule": .text(rule)]))
                return nil
            }
            return Int(raw)
        }
        switch rule {
        case "period-within", "period-overlaps":
            let s = month("start"), e = month("end")
            if let rs = token(c, "start"), let re = token(c, "end") {
                read.ranges.append((Located(value: rs, at: loc(c, "start")), Located(value: re, at: loc(c, "end"))))
            }
            guard let s, let e else { return nil }
            return rule == "period-within" ? .periodWithin(start: s, end: e) : .periodOverlaps(start: s, end: e)
        case "has-endorsement":
            return .hasEndorsement
        case "min-results":
            return count().map(EligibilityRule.minResults)
        case "min-body-words":
            return count().map(EligibilityRule.minBodyWords)
        default:
            return nil
        }
    }

    func reviews(_ root: XMLElement) -> SheetRead {
        let reviewer = token(root, "reviewer") ?? ""
        let round = token(root, "round") ?? ""
        var out = SheetRead(sheet: ReviewSheet(reviewer: reviewer, round: round, reviews: [], conflicts: [], location: loc(root)),
                            reviewerAt: loc(root, "reviewer"), roundAt: loc(root, "round"))
        for e in root.elements {
            switch e.name {
            case "review":
                let dateText = token(e, "date") ?? ""
                var scores: [CriterionScore] = []
                var scoreReads: [ScoreRead] = []
                for s in e.elements(named: "score") {
                    let key = token(s, "criterion") ?? ""
                    let value = parseDecimal(nfc(s.textContent))
                    if let value { scores.append(CriterionScore(criterion: key, value: value)) }
                    scoreReads.append(ScoreRead(criterion: Located(value: key, at: loc(s, "criterion")),
                                                value: value.map { Located(value: $0, at: loc(s)) }))
                }
                let comment = e.element(named: "comment").map { nfc($0.textContent).trimmedWhitespaceAndNewlines }
                let at = loc(e)
                let review = Review(reviewer: reviewer, round: round, submission: token(e, "submission") ?? "",
                                    date: CalendarDate(iso: dateText) ?? unreadableDate, scores: scores,
                                    comment: comment, location: at)
                out.sheet.reviews.append(review)
                out.reviews.append(ReviewRead(at: at, submissionAt: loc(e, "submission"),
                                              date: Located(value: dateText, at: loc(e, "date")), scores: scoreReads))
            case "conflict":
                out.sheet.conflicts.append(DeclaredConflict(reviewer: reviewer, submission: token(e, "submission") ?? "",
                                                            reason: text(e), location: loc(e)))
                out.conflictAt.append(loc(e, "submission"))
            default:
                break
            }
        }
        return out
    }

    /// A submission (or an editor's revised text). Attachment files are looked at by `inspect`.
    func submission(_ root: XMLElement, fileStem: String, isEdit: Bool,
                    inspect: (String) -> AttachmentInspection) -> SubmissionRead {
        var dates: [Located<String>] = []
        func date(_ e: XMLElement?, attribute: String? = nil) -> CalendarDate {
            guard let e else { return unreadableDate }
            let raw = attribute.map { token(e, $0) ?? "" } ?? text(e)
            dates.append(Located(value: raw, at: attribute.map { loc(e, $0) } ?? loc(e)))
            return CalendarDate(iso: raw) ?? unreadableDate
        }
        let unitElement = root.element(named: "unit")
        let periodElement = root.element(named: "period")
        let registered = date(root.element(named: "registered"))
        let startText = periodElement.flatMap { token($0, "start") }
        let endText = periodElement.flatMap { token($0, "end") }
        let people = root.element(named: "people")?.elements(named: "person").map {
            Person(role: PersonRole(rawValue: token($0, "role") ?? "") ?? .member, name: text($0))
        } ?? []
        let results = root.element(named: "results").map { r in
            r.elements(named: "indicator").map { i in
                let valueText = token(i, "value") ?? ""
                let baselineText = token(i, "baseline")
                return Indicator(key: token(i, "key") ?? "", unit: attr(i, "unit")?.collapsed,
                                 value: parseDecimal(valueText) ?? 0, valueText: valueText,
                                 baseline: baselineText.flatMap(parseDecimal), baselineText: baselineText, label: inline(i))
            }
        }
        let endorsement = root.element(named: "endorsement").map { e in
            Endorsement(by: attr(e, "by")?.collapsed ?? "", level: token(e, "level") ?? "",
                        date: date(e, attribute: "date"))
        }
        var attachments: [Attachment] = []
        var attachmentReads: [AttachmentRead] = []
        for a in root.element(named: "attachments")?.elements(named: "attachment") ?? [] {
            let href = attr(a, "href")?.trimmedWhitespace ?? ""
            let sha = token(a, "sha256") ?? ""
            attachments.append(Attachment(href: href, sha256: sha.lowercased(), type: token(a, "type") ?? "",
                                          caption: inline(a), location: loc(a)))
            let file = inspect(href)
            attachmentReads.append(AttachmentRead(href: Located(value: href, at: loc(a, "href")),
                                                  sha256: Located(value: sha, at: loc(a, "sha256")),
                                                  relativePath: file.relativePath, actualDigest: file.digest, exists: file.exists,
                                                  type: Located(value: token(a, "type") ?? "", at: loc(a, "type")), inspection: file))
        }
        let title = inline(root.element(named: "title"))
        let summary: [Inline], body: [Block], droppedWords: Int?
        if keepsText {
            summary = inline(root.element(named: "summary"))
            body = blocks(root.element(named: "body"))
            droppedWords = nil
        } else {
            _ = inlineWords(root.element(named: "summary"))  // its links are still checked
            summary = []
            body = []
            droppedWords = bodyWords(root.element(named: "body"))
        }
        var submission = Submission(
            id: token(root, "id") ?? fileStem,
            kind: SubmissionKind(rawValue: token(root, "kind") ?? "") ?? .model,
            language: root.xmlLang.map(nfc),
            title: title,
            field: text(root.element(named: "field")),
            unit: SubmittingUnit(name: text(unitElement),
                                 level: unitElement.flatMap { token($0, "level") }.flatMap(UnitLevel.init(rawValue:)) ?? .other,
                                 district: unitElement.flatMap { token($0, "district") } ?? ""),
            registered: registered,
            period: Period(start: startText.flatMap(YearMonth.init(iso:)) ?? unreadableMonth,
                           end: endText.flatMap(YearMonth.init(iso:))),
            people: people, summary: summary, body: body, results: results, endorsement: endorsement,
            attachments: attachments, location: loc(root))
        submission.bodyWordsOfDroppedText = droppedWords
        let fieldElement = root.element(named: "field")
        return SubmissionRead(
            submission: submission, isEdit: isEdit, fileStem: fileStem,
            idAt: loc(root, "id"),
            fieldAt: fieldElement.map { loc($0) } ?? loc(root),
            districtAt: unitElement.map { loc($0, "district") } ?? loc(root),
            dates: dates,
            periodStart: startText.map { Located(value: $0, at: loc(periodElement!, "start")) },
            periodEnd: endText.map { Located(value: $0, at: loc(periodElement!, "end")) },
            attachments: attachmentReads, figures: figures, links: links)
    }
}
