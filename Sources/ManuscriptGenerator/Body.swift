/// A section under construction: its own blocks come before its subsections (as DocBook wants).
private struct SectionDraft {
    var title: String
    var blocks: [Block] = []
    var subs: [SectionDraft] = []

    var block: Block {
        .section(title: Phrases.inline(title), blocks + subs.map(\.block))
    }
}

/// Builds a submission body from the phrase banks until it reaches a target number of words.
struct BodyBuilder {
    var rng: Xoshiro256
    let values: [String: String]
    let topic: Topic
    let kind: String
    let indicators: [GeneratedIndicator]
    let figures: [GeneratedAttachment]

    private var contexts: Deck
    private var methods: Deck
    private var results: Deck
    private var lessons: Deck
    private var life: Deck
    private var quotes: Deck

    init(rng: Xoshiro256, values: [String: String], topic: Topic, kind: String,
         indicators: [GeneratedIndicator], figures: [GeneratedAttachment]) {
        self.rng = rng
        self.values = values
        self.topic = topic
        self.kind = kind
        self.indicators = indicators
        self.figures = figures
        contexts = Deck(topic.context + Phrases.contextGeneric)
        methods = Deck(topic.methods + Phrases.methodsGeneric)
        results = Deck(Phrases.resultsGeneric)
        lessons = Deck(Phrases.lessons)
        life = Deck(Phrases.exampleLife)
        quotes = Deck(Phrases.quotes)
    }

    static let flourishes = [
        "Phương châm {q:cán bộ đi trước, dân theo sau} được thực hiện nhất quán.",
        "Điểm mới của cách làm là {strong:lấy ý kiến nhân dân trước khi quyết định}.",
        "Như bà con vẫn nói, {em:trăm nghe không bằng một thấy}.",
        "Mọi việc đều được làm theo tinh thần {q:việc gì có lợi cho dân thì hết sức làm}.",
        "Cách làm này được nhân dân gọi vui là {q:dân vận tại gia}.",
        "{strong:Sự đồng thuận của nhân dân} là yếu tố quyết định thành công.",
    ]

    /// A filled sentence, capitalised (a placeholder may open it with a lower-case word).
    private mutating func fill(_ template: String) -> String {
        Places.capitalizedFirst(Phrases.fill(template, values, &rng))
    }

    private mutating func sentences(_ pick: (inout BodyBuilder) -> String, _ count: Int) -> String {
        var parts: [String] = []
        for _ in 0..<count { parts.append(Places.capitalizedFirst(pick(&self))) }
        return parts.joined(separator: " ")
    }

    private mutating func decorate(_ text: String) -> [Inline] {
        var content = Phrases.inline(text)
        if rng.chance(0.18) {
            content.append(.text(" "))
            content += Phrases.inline(fill(rng.pick(BodyBuilder.flourishes)))
        }
        if rng.chance(0.12) {
            content.append(.note([.text(fill(rng.pick(Phrases.notes)))]))
        }
        if rng.chance(0.05) {
            if rng.chance(0.6) {
                let slug = ["tin-tuc", "dan-van-kheo", "mo-hinh", "guong-dien-hinh"]
                content.append(.text(" Thông tin chi tiết được đăng trên "))
                content.append(.link("https://www.example.org/\(rng.pick(slug))/\(rng.int(100...9999))",
                                     [.text("trang thông tin điện tử của \(values["place"] ?? "địa phương")")]))
                content.append(.text("."))
            } else {
                content.append(.text(" Mọi góp ý xin gửi về "))
                content.append(.link("mailto:dan-van-\(rng.int(10...99))@example.org", [.text("hộp thư của Ban Dân vận")]))
                content.append(.text("."))
            }
        }
        return content
    }

    private mutating func contextParagraph(_ n: Int) -> Block {
        let t = sentences({ b in b.fill(b.contexts.draw(&b.rng)) }, n)
        return .p(decorate(t))
    }

    private mutating func methodParagraph(_ n: Int) -> Block {
        let t = sentences({ b in b.fill(b.methods.draw(&b.rng)) }, n)
        return .p(decorate(t))
    }

    private mutating func resultParagraph(_ n: Int) -> Block {
        var t = sentences({ b in b.fill(b.results.draw(&b.rng)) }, n)
        if let i = indicators.first, rng.chance(0.6) {
            t = "\(i.label) đạt \(i.value) \(i.unit)\(i.baseline.map { ", so với \($0) \(i.unit) khi bắt đầu thực hiện" } ?? ""). " + t
        }
        return .p(decorate(t))
    }

    private mutating func lifeParagraph(_ n: Int) -> Block {
        var t = sentences({ b in b.fill(b.life.draw(&b.rng)) }, n)
        t = Places.capitalizedFirst(t)
        return .p(decorate(t))
    }

    private mutating func methodList() -> Block {
        let count = rng.int(3...5)
        var items: [ListItem] = []
        for _ in 0..<count {
            let s = fill(methods.draw(&rng))
            if rng.chance(0.12) {
                let sub: [ListItem] = [.inline(Phrases.inline(fill(methods.draw(&rng)))), .inline(Phrases.inline(fill(methods.draw(&rng))))]
                items.append(.blocks([.p(Phrases.inline(s)), .list(numbered: false, sub)]))
            } else {
                items.append(.inline(Phrases.inline(s)))
            }
        }
        return .list(numbered: rng.chance(0.35), items)
    }

    private mutating func lessonList() -> Block {
        var items: [ListItem] = []
        for _ in 0..<rng.int(3...4) {
            let s = fill(lessons.draw(&rng))
            if rng.chance(0.15) {
                items.append(.blocks([.p(Phrases.inline(s)), .p(Phrases.inline(fill(methods.draw(&rng))))]))
            } else {
                items.append(.inline(Phrases.inline(s)))
            }
        }
        return .list(numbered: true, items)
    }

    private mutating func quote() -> Block {
        let name = Names.random(&rng).name
        var v = values
        v["name"] = name
        let source = Phrases.fill(rng.pick(Phrases.quoteSources), v, &rng)
        return .quote(source: source, [.p([.text(quotes.draw(&rng))])])
    }

    private mutating func table() -> Block? {
        guard indicators.count >= 2 else { return nil }
        let y0 = values["y0"] ?? "2021", y1 = values["y1"] ?? "2024"
        var rows: [TableRow] = []
        if rng.chance(0.35) {
            rows.append(TableRow(head: true, cells: [TableCell(colspan: nil, content: [.text("Chỉ tiêu")]),
                                                     TableCell(colspan: nil, content: [.text("Đơn vị tính")]),
                                                     TableCell(colspan: 2, content: [.text("Kết quả")])]))
            rows.append(TableRow(head: true, cells: [TableCell(colspan: nil, content: []), TableCell(colspan: nil, content: []),
                                                     TableCell(colspan: nil, content: [.text("Năm \(y0)")]),
                                                     TableCell(colspan: nil, content: [.text("Năm \(y1)")])]))
        } else {
            rows.append(TableRow(head: true, cells: ["Chỉ tiêu", "Đơn vị tính", "Trước khi thực hiện", "Sau khi thực hiện"].map {
                TableCell(colspan: nil, content: [.text($0)])
            }))
        }
        for i in indicators {
            rows.append(TableRow(head: false, cells: [i.label, i.unit, i.baseline ?? "–", i.value].map {
                TableCell(colspan: nil, content: [.text($0)])
            }))
        }
        if rng.chance(0.45) {
            rows.append(TableRow(head: false, cells: [TableCell(colspan: 4, content: [
                .em([.text("Nguồn: báo cáo của \(values["unit"] ?? "đơn vị"), năm \(y1).")]),
            ])]))
        }
        let caption: [Inline]? = rng.chance(0.8) ? [.text(rng.pick(["Một số chỉ tiêu chủ yếu", "Kết quả thực hiện mô hình", "So sánh trước và sau khi thực hiện"]))] : nil
        return .table(caption: caption, rows)
    }

    private static func words(_ blocks: [Block]) -> Int { Block.words(blocks) }

    private static func words(_ block: Block) -> Int { words([block]) }

    /// The body and its word count as formats.md counts them.
    mutating func build(target: Int, short: Bool) -> ([Block], Int) {
        let titles = Phrases.sectionTitles
        var sections: [SectionDraft] = []

        if kind == "example" {
            var s1 = SectionDraft(title: rng.pick(titles.life))
            s1.blocks.append(lifeParagraph(short ? 2 : 3))
            sections.append(s1)
            var s2 = SectionDraft(title: rng.pick(titles.deeds))
            s2.blocks.append(methodParagraph(2))
            if !short {
                s2.blocks.append(methodList())
                if rng.chance(0.6) { s2.blocks.append(quote()) }
            }
            sections.append(s2)
        } else {
            var s1 = SectionDraft(title: rng.pick(titles.context))
            s1.blocks.append(contextParagraph(short ? 2 : 3))
            sections.append(s1)
            var s2 = SectionDraft(title: rng.pick(titles.methods))
            s2.blocks.append(methodParagraph(2))
            if !short && rng.chance(0.4) {
                for title in rng.sample(titles.sub, 2) {
                    var sub = SectionDraft(title: title)
                    sub.blocks.append(methodParagraph(2))
                    if rng.chance(0.4) { sub.blocks.append(methodList()) }
                    s2.subs.append(sub)
                }
            } else if !short {
                s2.blocks.append(methodList())
            }
            if !short && rng.chance(0.35) { s2.blocks.insert(quote(), at: 1) }
            sections.append(s2)
        }

        var s3 = SectionDraft(title: rng.pick(titles.results))
        s3.blocks.append(resultParagraph(short ? 1 : 2))
        if !short {
            if rng.chance(0.6), let t = table() { s3.blocks.append(t) }
            for (k, f) in figures.prefix(2).enumerated() where rng.chance(k == 0 ? 0.75 : 0.5) {
                s3.blocks.append(.figure(ref: f.href, caption: rng.chance(0.8) ? [.text(f.caption)] : nil))
            }
        }
        sections.append(s3)

        if !short {
            var s4 = SectionDraft(title: rng.pick(titles.lessons))
            s4.blocks.append(lessonList())
            sections.append(s4)
            if rng.chance(0.45) {
                var s5 = SectionDraft(title: rng.pick(titles.replication))
                s5.blocks.append(.p(Phrases.inline(fill(rng.pick(Phrases.replication)))))
                sections.append(s5)
            }
        }

        var total = BodyBuilder.words(sections.map(\.block))
        if short {
            // Keep it under the 300-word rule: trim from the end, then pad only while it stays short.
            while total >= 300, let last = sections.indices.last {
                if sections[last].blocks.count > 1 { sections[last].blocks.removeLast() } else { sections.removeLast() }
                total = BodyBuilder.words(sections.map(\.block))
            }
            while total < target {
                let p = contextParagraph(1)
                let add = BodyBuilder.words(p)
                if total + add >= min(target + 20, 295) { break }
                sections[0].blocks.append(p)
                total += add
            }
            return (sections.map(\.block), total)
        }

        // Pad: add paragraphs to the first three sections (inside the last subsection when there are some).
        var guardCount = 0
        while total < target && guardCount < 200 {
            guardCount += 1
            // An example's life story is told once; padding goes to the deeds and the results.
            let which = rng.int((kind == "example" ? 1 : 0)...min(2, sections.count - 1))
            let n = rng.int(2...4)
            let p: Block
            switch which {
            case 0: p = kind == "example" ? lifeParagraph(n) : contextParagraph(n)
            case 1: p = methodParagraph(n)
            default: p = resultParagraph(n)
            }
            total += BodyBuilder.words(p)
            if let lastSub = sections[which].subs.indices.last {
                sections[which].subs[lastSub].blocks.append(p)
            } else {
                // Before a table/figure in the results section reads better; after the first paragraph.
                sections[which].blocks.insert(p, at: min(1, sections[which].blocks.count))
            }
        }
        let body = sections.map(\.block)
        return (body, BodyBuilder.words(body))
    }
}
