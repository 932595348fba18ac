import Crypto
import Foundation

/// Why a generated submission is meant to fail screening (the screen itself is computed from the data).
enum Flaw: CaseIterable, Sendable {
    case noEndorsement, earlyPeriod, shortBody, noResults
}

struct GeneratedIndicator: Sendable {
    let key: String
    let unit: String
    let value: String
    let baseline: String?
    let label: String
}

struct GeneratedAttachment: Sendable {
    /// Relative to attachments/.
    let href: String
    let type: String
    let caption: String
    let bytes: [UInt8]
    var sha256: String {
        SHA256.hash(data: bytes).map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}

/// One generated candidate, kept as values so that the plan, the reviews and the edits can use it.
struct GeneratedSubmission: Sendable {
    var id: String
    let index: Int
    let kind: String
    let field: String
    let unit: UnitChoice
    let registered: Day
    let periodStart: YM
    let periodEnd: YM?
    let people: [(role: String, name: String)]
    var title: [Inline]
    /// Other titles drawn for this submission, used in turn when an earlier submission took the first.
    var titleCandidates: [String]
    var summary: [Inline]
    var body: [Block]
    /// nil: no `results` element.
    let indicators: [GeneratedIndicator]?
    let endorsement: (by: String, level: String, date: Day)?
    let attachments: [GeneratedAttachment]
    /// Latent quality (about standard normal): what reviewers perceive through their noise.
    let quality: Double
    var bodyWords: Int
    let flaws: [Flaw]

    var titleText: String { Inline.render(title) }

    func xml(editorNote: String? = nil) -> String {
        var w = XMLLines()
        if let editorNote { w.comment(editorNote) }
        w.open("submission", [("id", id), ("kind", kind), ("xml:lang", "vi")])
        w.leaf("title", markup: Inline.render(title))
        w.leaf("field", text: field)
        w.leaf("unit", [("level", unit.level), ("district", unit.district.code)], text: unit.name)
        w.leaf("registered", text: registered.iso)
        w.empty("period", [("start", periodStart.iso), ("end", periodEnd?.iso)])
        if !people.isEmpty {
            w.open("people")
            for p in people { w.leaf("person", [("role", p.role)], text: p.name) }
            w.close("people")
        }
        w.leaf("summary", markup: Inline.render(summary))
        w.open("body")
        Block.write(body, to: &w)
        w.close("body")
        if let indicators {
            w.open("results")
            for i in indicators {
                w.leaf("indicator", [("key", i.key), ("unit", i.unit), ("value", i.value), ("baseline", i.baseline)], text: i.label)
            }
            w.close("results")
        }
        if let e = endorsement {
            w.empty("endorsement", [("by", e.by), ("level", e.level), ("date", e.date.iso)])
        }
        if !attachments.isEmpty {
            w.open("attachments")
            for a in attachments {
                w.leaf("attachment", [("href", a.href), ("sha256", a.sha256), ("type", a.type)], text: a.caption)
            }
            w.close("attachments")
        }
        w.close("submission")
        return w.out
    }
}

/// What the plan decided for one submission before its text is written.
struct SubmissionPlan: Sendable {
    let index: Int
    let year: Int
    let serial: Int
    /// Digits of the serial number: 4 (`NB-2024-0137`), 5 beyond 40,000 submissions.
    let digits: Int
    let kind: String
    let field: String
    let district: DistrictInfo
    let flaws: [Flaw]
    var id: String { Self.identifier(year: year, serial: serial, digits: digits) }

    /// `NB-2024-0137` (four digits), `NB-2024-00137` (five).
    static func identifier(year: Int, serial: Int, digits: Int) -> String {
        let number = String(serial)
        return "NB-\(year)-\(String(repeating: "0", count: max(0, digits - number.count)))\(number)"
    }
}

enum SubmissionFactory {
    static func make(_ plan: SubmissionPlan, seed: UInt64) -> GeneratedSubmission {
        var rng = Xoshiro256(seed: seed, tag: 1, index: UInt64(plan.index))
        let unit = Units.make(district: plan.district, &rng)
        let topics = Topics.of(field: plan.field)
        let topic = rng.pick(topics)
        let flaws = plan.flaws
        var quality = rng.normal()
        if !flaws.isEmpty { quality -= 0.3 }

        // Dates: registration in the id's year (before June in 2025, when review starts).
        let lastMonth = plan.year == 2025 ? 5 : 12
        let month = rng.int(1...lastMonth)
        let registered = Day(year: plan.year, month: month, day: rng.int(1...Day.daysIn(month, plan.year)))
        let regYM = registered.yearMonth
        let periodStart: YM
        if flaws.contains(.earlyPeriod) {
            periodStart = YM(year: rng.pick([2018, 2019, 2019, 2020, 2020, 2020]), month: rng.int(1...12))
        } else {
            let first = YM(year: 2021, month: 1).index
            let last = max(first, regYM.index - 3)
            periodStart = YM(index: rng.int(first...last))
        }
        var periodEnd: YM? = nil
        if rng.chance(0.62) {
            let lo = min(periodStart.index + 3, regYM.index)
            periodEnd = YM(index: rng.int(max(lo, periodStart.index)...max(regYM.index, periodStart.index)))
        }

        // People.
        var people: [(role: String, name: String)] = []
        let subject = Names.random(&rng)
        let birth = rng.int(1952...1996)
        let honorific = 2025 - birth >= 45 ? (subject.female ? "Bà" : "Ông") : (subject.female ? "Chị" : "Anh")
        if plan.kind == "example" {
            people.append(("subject", subject.name))
            if rng.chance(0.45) { people.append(("lead", Names.random(&rng).name)) }
        } else {
            people.append(("lead", subject.name))
            for _ in 0..<rng.int(0...3) { people.append(("member", Names.random(&rng).name)) }
        }

        let hamlet = rng.pick(Places.hamlets)
        let position = Phrases.fill(rng.pick(Phrases.positions),
                                    ["hamlet": hamlet, "place": unit.place, "placeBare": unit.placeBare], &rng)
        let y0 = String(periodStart.year < 2021 ? periodStart.year : max(2021, periodStart.year))
        let y1 = String(periodEnd?.year ?? registered.year)
        var values: [String: String] = [
            "place": unit.place, "Place": Places.capitalizedFirst(unit.place), "placeBare": unit.placeBare,
            "unit": unit.name, "unitLower": unit.name,
            "district": unit.district.code == "province" ? "tỉnh Ninh Bình" : unit.district.inSentence,
            "topic": topic.phrase, "Topic": Places.capitalizedFirst(topic.phrase), "topicShort": topic.short,
            "hamlet": hamlet, "lead": "đồng chí \(subject.name)", "y0": y0, "y1": y1,
            "name": subject.name, "honorific": honorific, "honorificLower": honorific.lowercased(),
            "position": position, "birth": String(birth),
            "epithet": rng.pick(Phrases.epithets),
            "journey": rng.pick(Phrases.journeys), "position2": rng.pick(Phrases.positionsShort),
        ]
        values["service"] = String(max(2, min(2025 - birth - 22, rng.int(5...30))))
        values["devotion"] = 2025 - birth >= 50
            ? "Dù tuổi đã cao, \(honorific.lowercased()) vẫn ngày ngày đến từng ngõ xóm, gặp gỡ, trò chuyện với bà con."
            : "Tuy còn trẻ, \(honorific.lowercased()) sớm được bà con tin tưởng nhờ sự nhiệt tình, trách nhiệm."
        let spanMonths = max(1, (periodEnd ?? regYM).index - periodStart.index)
        values["after"] = spanMonths < 12 ? "Sau \(spanMonths) tháng thực hiện" : "Sau \(spanMonths / 12) năm thực hiện"
        if plan.kind == "example" { values["lead"] = "\(honorific.lowercased()) \(subject.name)" }

        // Title: varied templates; several candidates, so that the caller can avoid exact repeats.
        let slogans = Phrases.slogans + (Phrases.fieldSlogans[plan.field] ?? [])
        let templates = plan.kind == "example" ? Phrases.exampleTitleTemplates : Phrases.modelTitleTemplates
        var titleCandidates: [String] = []
        for _ in 0..<6 {
            values["slogan"] = rng.pick(slogans)
            values["epithet"] = rng.pick(Phrases.epithets)
            titleCandidates.append(Phrases.fill(rng.pick(templates), values, &rng))
        }
        let titleText = titleCandidates[0]

        let summaryTemplate = rng.pick(plan.kind == "example" ? Phrases.exampleSummaryTemplates : Phrases.summaryTemplates)
        let summary = Phrases.inline(Phrases.fill(summaryTemplate, values, &rng))

        // Results first: the body's result table is built from the same numbers.
        var indicators: [GeneratedIndicator]? = nil
        if !flaws.contains(.noResults) {
            let count = min(5, max(1, Int((2.6 + 0.8 * quality + rng.double(-1.2, 1.2)).rounded())))
            indicators = makeIndicators(topic: topic, count: count, &rng)
        } else if rng.chance(0.5) {
            indicators = []
        }

        // Attachments.
        var attachments: [GeneratedAttachment] = []
        if rng.chance(0.5 + 0.12 * quality) {
            let images = rng.int(1...3)
            for k in 1...images {
                let chart = rng.chance(0.6)
                let name = chart ? "bieu-do-\(k).svg" : "hinh-\(k).svg"
                let caption = chart
                    ? "Biểu đồ \(rng.pick(["kết quả thực hiện", "số hộ tham gia qua các năm", "kinh phí huy động", "chuyển biến trước và sau khi thực hiện"]))"
                    : "Hình minh họa \(rng.pick(["khu dân cư sau khi thực hiện mô hình", "tuyến đường mới mở rộng", "buổi sinh hoạt tại nhà văn hóa", "hoạt động của tổ tự quản"]))"
                let svg = chart ? SVG.barChart(&rng) : SVG.illustration(&rng)
                attachments.append(GeneratedAttachment(href: "\(plan.idString)/\(name)", type: "image/svg+xml",
                                                       caption: caption, bytes: Array(svg.utf8)))
            }
            if rng.chance(0.18), let indicators, !indicators.isEmpty {
                var csv = "key,unit,value,baseline\n"
                for i in indicators { csv += "\(i.key),\(i.unit),\(i.value),\(i.baseline ?? "")\n" }
                attachments.append(GeneratedAttachment(href: "\(plan.idString)/so-lieu.csv", type: "text/csv",
                                                       caption: "Bảng số liệu kết quả", bytes: Array(csv.utf8)))
            }
        }

        // Endorsement.
        var endorsement: (by: String, level: String, date: Day)? = nil
        if !flaws.contains(.noEndorsement) {
            let d = unit.district
            let (by, level): (String, String)
            if d.code == "province" {
                (by, level) = ("Ban Dân vận Tỉnh ủy Ninh Bình", "province")
            } else if unit.level == "commune" || unit.level == "other" || unit.level == "school" {
                (by, level) = (rng.chance(0.5) ? "Ban Chỉ đạo phong trào “Dân vận khéo” \(d.inSentence)" : "Ban Dân vận \(d.partyCommittee) \(d.bare)", "district")
            } else {
                (by, level) = (rng.chance(0.5) ? "Ban Dân vận Tỉnh ủy Ninh Bình" : "Ban Dân vận \(d.partyCommittee) \(d.bare)", rng.chance(0.5) ? "province" : "district")
            }
            var date = registered.adding(days: -rng.int(3...40))
            let startDay = Day(year: periodStart.year, month: periodStart.month, day: 1)
            if date < startDay { date = registered }
            endorsement = (by, level, date)
        }

        // Body.
        let target: Int
        if flaws.contains(.shortBody) {
            target = rng.int(150...265)
        } else {
            let r = rng.unit()
            target = r < 0.55 ? rng.int(330...700) : r < 0.88 ? rng.int(700...1100) : rng.int(1100...1500)
        }
        var builder = BodyBuilder(rng: rng, values: values, topic: topic, kind: plan.kind,
                                  indicators: indicators ?? [], figures: attachments.filter { $0.type == "image/svg+xml" })
        let (body, words) = builder.build(target: target, short: flaws.contains(.shortBody))
        rng = builder.rng

        let title = Phrases.inline(titleText)
        return GeneratedSubmission(
            id: plan.idString, index: plan.index, kind: plan.kind, field: plan.field, unit: unit,
            registered: registered, periodStart: periodStart, periodEnd: periodEnd, people: people,
            title: title, titleCandidates: titleCandidates, summary: summary, body: body, indicators: indicators, endorsement: endorsement,
            attachments: attachments, quality: quality, bodyWords: words, flaws: flaws)
    }

    static let lowerIsBetter: Set<String> = [
        "complaints", "crimes", "fraud-cases", "reoffending", "fires", "violations", "petitions", "poverty-rate",
        "plots-per-household",
    ]

    static let genericIndicators = [
        IndicatorTemplate(key: "households-participating", unit: "hộ", label: "Số hộ gia đình tham gia", low: 40, high: 2500, decimals: 0, baseline: true),
        IndicatorTemplate(key: "meetings", unit: "buổi", label: "Số buổi tuyên truyền, vận động", low: 6, high: 240, decimals: 0, baseline: false),
        IndicatorTemplate(key: "volunteer-days", unit: "ngày công", label: "Số ngày công nhân dân đóng góp", low: 100, high: 9000, decimals: 0, baseline: false),
        IndicatorTemplate(key: "satisfaction-survey", unit: "%", label: "Tỷ lệ người dân hài lòng", low: 82, high: 99, decimals: 1, baseline: true),
    ]

    static func format(_ v: Double, decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((v * Double(scale)).rounded())
        if decimals == 0 { return String(scaled) }
        var whole = String(scaled / scale)
        var frac = String(scaled % scale)
        while frac.count < decimals { frac = "0" + frac }
        while frac.hasSuffix("0") { frac.removeLast() }
        if scaled < 0 { whole = "-" + whole }
        return frac.isEmpty ? whole : "\(whole).\(frac)"
    }

    static func makeIndicators(topic: Topic, count: Int, _ rng: inout Xoshiro256) -> [GeneratedIndicator] {
        let pool = rng.shuffled(topic.indicators) + rng.shuffled(genericIndicators)
        var result: [GeneratedIndicator] = []
        for t in pool.prefix(count) {
            let v = rng.double(t.low, t.high)
            let value = format(v, decimals: t.decimals)
            var baseline: String? = nil
            if t.baseline && rng.chance(0.65) {
                let cap = t.unit == "%" ? 100.0 : Double.greatestFiniteMagnitude
                let b: Double
                if lowerIsBetter.contains(t.key) {
                    b = t.decimals == 0 ? v.rounded() + Double(rng.int(1...8)) : min(cap, v * rng.double(1.5, 3.5))
                } else if t.key == "quota-met" {
                    b = Double(rng.int(82...96))
                } else {
                    b = min(cap, v * rng.double(0.35, 0.9))
                }
                baseline = format(b, decimals: t.decimals)
            }
            result.append(GeneratedIndicator(key: t.key, unit: t.unit, value: value, baseline: baseline, label: t.label))
        }
        return result
    }
}

extension SubmissionPlan {
    var idString: String { id }
}
