import ManuscriptModel

/// A small manuscript, built in code, that uses every element of the input format: nested
/// sections, paragraphs, both list types with block items, a quote with a source, tables with a
/// head row, a colspan and a caption, figures with and without caption, footnotes, links,
/// em/strong/q, results with and without baseline, endorsements, an edit, prefaces and a part
/// introduction.
enum Sample {
    static let here = ManuscriptModel.SourceLocation(path: "test")

    static func t(_ s: String) -> Inline { .text(s) }

    static let districts = [
        District(code: "gia-vien", name: "Huyện Gia Viễn"),
        District(code: "kim-son", name: "Huyện Kim Sơn"),
        District(code: "dong-son", name: "Thị xã Đông Sơn"),
        District(code: "province", name: "Cấp tỉnh"),
    ]

    static let fields = [
        Field(code: "economy", name: "Lĩnh vực kinh tế"),
        Field(code: "culture-society", name: "Lĩnh vực văn hóa – xã hội"),
        Field(code: "defense-security", name: "Lĩnh vực quốc phòng – an ninh"),
    ]

    static let rubric = Rubric(min: 0, max: 10, criteria: [
        Criterion(key: "effectiveness", weight: 30, label: "Hiệu quả, kết quả đạt được"),
        Criterion(key: "replicability", weight: 20, label: "Khả năng nhân rộng"),
        Criterion(key: "participation", weight: 20, label: "Sự tham gia của nhân dân"),
        Criterion(key: "innovation", weight: 15, label: "Tính sáng tạo, đổi mới"),
        Criterion(key: "evidence", weight: 15, label: "Minh chứng, số liệu"),
    ])

    static let plan = SelectionPlan(rounds: [
        Round(id: "eligibility", type: .screen, requirements: [
            Requirement(rule: .periodWithin(start: YearMonth(year: 2021, month: 1), end: YearMonth(year: 2025, month: 12)), location: here),
            Requirement(rule: .hasEndorsement, location: here),
            Requirement(rule: .minBodyWords(300), location: here),
        ], location: here),
        Round(id: "shortlist", type: .rank, keep: 200, minReviews: 3, aggregate: .zscore, location: here),
        Round(id: "final", type: .optimize, count: 5, location: here),
    ])

    static func submission(
        _ id: String, kind: SubmissionKind = .model, title: [Inline], field: String, unit: String,
        level: UnitLevel = .commune, district: String, people: [Person] = [], summary: [Inline] = [],
        body: [Block], results: [Indicator]? = nil, endorsement: Endorsement? = nil, attachments: [Attachment] = []
    ) -> Submission {
        Submission(id: id, kind: kind, language: "vi", title: title, field: field,
                   unit: SubmittingUnit(name: unit, level: level, district: district),
                   registered: CalendarDate(year: 2024, month: 3, day: 15),
                   period: Period(start: YearMonth(year: 2022, month: 1), end: YearMonth(year: 2024, month: 5)),
                   people: people, summary: summary, body: body, results: results, endorsement: endorsement,
                   attachments: attachments, location: ManuscriptModel.SourceLocation(path: "submissions/\(id).xml"))
    }

    static func indicator(_ key: String, _ label: String, unit: String?, value: String, baseline: String?) -> Indicator {
        Indicator(key: key, unit: unit, value: Double(value)!, valueText: value,
                  baseline: baseline.flatMap(Double.init), baselineText: baseline, label: [t(label)])
    }

    /// The richest entry: every block and inline element.
    static var full: Submission {
        let table = Table(caption: [t("Kết quả giải phóng mặt bằng theo năm")], rows: [
            TableRow(isHead: true, cells: [TableCell(content: [t("Năm")]), TableCell(content: [t("Số hộ bàn giao đất")]),
                                           TableCell(content: [t("Diện tích (ha)")])]),
            TableRow(isHead: false, cells: [TableCell(content: [t("2022")]), TableCell(content: [t("120")]), TableCell(content: [t("4,5")])]),
            TableRow(isHead: false, cells: [TableCell(content: [t("2023")]), TableCell(content: [t("310")]),
                                            TableCell(content: [t("11,2"), .note([t("Gồm cả diện tích đất công ích do xã quản lý.")])])]),
            TableRow(isHead: false, cells: [TableCell(colspan: 2, content: [.strong([t("Cộng hai năm")])]), TableCell(content: [t("15,7")])]),
        ])
        return submission(
            "NB-2024-0137",
            title: [t("Mô hình "), .quote([t("Dân vận khéo")]), t(" trong giải phóng mặt bằng")],
            field: "economy", unit: "Ủy ban nhân dân xã Gia Hưng", district: "gia-vien",
            people: [Person(role: .lead, name: "Đinh Văn Hùng"), Person(role: .member, name: "Phạm Thị Ánh")],
            summary: [t("Xã Gia Hưng vận động "), .strong([t("1.200 hộ")]), t(" bàn giao mặt bằng đúng hạn.")],
            body: [
                .paragraph([t("Mở đầu: việc giải phóng mặt bằng cho dự án đường ven sông từng "), .emphasis([t("chậm tiến độ")]), t(" nhiều năm.")]),
                .section(Section(title: [t("Cách làm")], blocks: [
                    .paragraph([t("Ban Chỉ đạo xã đã đến từng nhà, lắng nghe ý kiến; người dân nói "),
                                .quote([t("cán bộ có đến thì dân mới tin")]), t("."),
                                .note([t("Ý kiến ghi trong biên bản họp thôn ngày 12/3/2022.")])]),
                    .section(Section(title: [t("Tuyên truyền")], blocks: [
                        .list(ListBlock(type: .bullet, items: [
                            [.paragraph([t("Họp thôn mỗi tuần một lần.")])],
                            [.paragraph([t("Phát tờ rơi đến từng hộ.")]),
                             .paragraph([t("Tờ rơi in bằng chữ to cho người cao tuổi dễ đọc, có ảnh minh họa và số điện thoại đường dây nóng của xã.")])],
                            [.list(ListBlock(type: .number, items: [
                                [.paragraph([t("Lồng trong mục bằng danh sách đánh số.")])],
                                [.paragraph([t("Mục thứ hai.")])],
                            ]))],
                        ])),
                        .section(Section(title: [t("Đối thoại")], blocks: [
                            .list(ListBlock(type: .number, items: [
                                [.paragraph([t("Đối thoại trực tiếp với "), .strong([t("từng hộ")]), t(".")])],
                                [.paragraph([t("Trả lời bằng văn bản trong bảy ngày.")])],
                            ])),
                        ])),
                    ])),
                    .quote(BlockQuote(source: "Ông Đinh Văn Hùng, Chủ tịch UBND xã", blocks: [
                        .paragraph([t("Dân hiểu thì dân làm; dân tin thì dân theo.")]),
                    ])),
                    .table(table),
                    .figure(Figure(ref: "NB-2024-0137/anh-1.png", caption: [t("Buổi đối thoại tại nhà văn hóa thôn Đông")])),
                    .paragraph([t("Tài liệu: "), .link(href: "https://example.org/gia-hung", [t("Cổng thông tin xã Gia Hưng")]),
                                t(", thư góp ý "), .link(href: "mailto:ubnd@example.org", [t("ubnd@example.org")]), t(".")]),
                ])),
                .paragraph([t("Đoạn này nằm sau một mục nhưng thuộc thân bài.")]),
            ],
            results: [
                indicator("households", "Số hộ tham gia", unit: "hộ", value: "1200", baseline: "300"),
                indicator("area", "Diện tích bàn giao", unit: "ha", value: "15.7", baseline: nil),
            ],
            endorsement: Endorsement(by: "Ban Chỉ đạo huyện Gia Viễn", level: "district", date: CalendarDate(year: 2024, month: 4, day: 2)),
            attachments: [Attachment(href: "NB-2024-0137/anh-1.png", sha256: String(repeating: "0", count: 64), type: "image/png",
                                     caption: [t("Ảnh buổi đối thoại")], location: here)]
        )
    }

    static var manuscript: Manuscript {
        var edited = full
        edited.title = [t("Mô hình "), .quote([t("Dân vận khéo")]), t(" trong giải phóng mặt bằng ở xã Gia Hưng")]
        let submissions = [
            full,
            submission("2024-0002", kind: .example, title: [t("Người giữ lửa ở ấp văn hóa")], field: "culture-society",
                       unit: "Ấp văn hóa Tân Lập", level: .other, district: "dong-son",
                       people: [Person(role: .subject, name: "Nguyễn Thị Hằng")],
                       summary: [t("Bà Hằng vận động bà con giữ gìn hát chèo.")],
                       body: [
                           .paragraph([t("Đoạn mở đầu.")]),
                           .section(Section(title: [t("Việc làm")], blocks: [])),
                           .paragraph([t("Đoạn sau mục rỗng.")]),
                           .table(Table(caption: nil, rows: [
                               TableRow(isHead: false, cells: [TableCell(content: [t("Câu lạc bộ")]), TableCell(content: [t("3")])]),
                           ])),
                           .figure(Figure(ref: "2024-0002/anh.png", caption: nil)),
                       ],
                       results: [indicator("members", "Số hội viên", unit: nil, value: "45", baseline: nil)],
                       endorsement: Endorsement(by: "Ủy ban nhân dân thị xã Đông Sơn", level: "province", date: CalendarDate(year: 2024, month: 5, day: 20))),
            submission("NB-2024-0003", title: [t("Thanh niên Kim Đông làm đường giao thông nông thôn")], field: "economy",
                       unit: "Đoàn Thanh niên xã Kim Đông", district: "kim-son",
                       body: [.paragraph([t("Thanh niên góp công, người dân góp đất.")])],
                       results: [indicator("km", "Đường bê tông", unit: "km", value: "12.5", baseline: nil)]),
            submission("NB-2024-0004", kind: .example, title: [t("Anh Ba nông dân sản xuất giỏi")], field: "economy",
                       unit: "Hội Nông dân huyện Gia Viễn", level: .district, district: "gia-vien",
                       body: [.paragraph([t("Một câu chuyện.")])]),
            submission("NB-2024-0005", title: [t("Ăn quả nhớ kẻ trồng cây: vườn cây nghĩa tình")], field: "economy",
                       unit: "Ủy ban  nhân dân xã Gia Hưng", district: "gia-vien",
                       body: [.paragraph([t("Trồng cây trên đất bàn giao.")])]),
        ]
        let book = BookMetadata(
            title: "Dân vận khéo – những cách làm hay", subtitle: "Tuyển chọn năm 2024",
            editors: [Editor(name: "Nguyễn Thị Hằng", role: "chief"), Editor(name: "Trần Văn Minh", role: nil)],
            publisher: "Nhà xuất bản Ninh Bình", year: 2025, date: CalendarDate(year: 2025, month: 3, day: 1),
            front: [DocBookFragment(path: "front/loi-gioi-thieu.xml", xml: """
                <preface xmlns="http://docbook.org/ns/docbook" xml:id="loi_gioi_thieu"><title>Lời giới thiệu</title>\
                <para>Cuốn sách tập hợp <emphasis>những cách làm hay</emphasis> của phong trào.<footnote><para>Theo \
                Kế hoạch số 12.</para></footnote></para><itemizedlist><listitem><para>Một.</para></listitem></itemizedlist></preface>
                """)],
            partIntros: ["economy": DocBookFragment(path: "front/kinh-te.xml", xml: """
                <partintro xmlns="http://docbook.org/ns/docbook"><para>Phần này gồm các mô hình về kinh tế.</para></partintro>
                """)],
            entryOrder: .district)
        return Manuscript(root: "manuscript", book: book, districts: districts, fields: fields, rubric: rubric,
                          reviewers: [], selection: plan, submissions: submissions, reviewSheets: [],
                          edits: ["NB-2024-0137": edited], inputDigests: [:])
    }

    static func quota(_ dimension: QuotaDimension, _ value: String, min: Int?, max: Int?, filled: Int) -> QuotaFill {
        QuotaFill(quota: ExpandedQuota(dimension: dimension, value: value, min: min, max: max, location: here,
                                       explicit: true),
                  available: filled, filled: filled)
    }

    static var selection: BookSelection {
        BookSelection(
            entries: [
                .init(submission: "NB-2024-0137", rank: 1, score: 8.7345, rawMean: 8.5, countedReviews: 4),
                .init(submission: "NB-2024-0003", rank: 2, score: 8.1, rawMean: 8.0, countedReviews: 3),
                .init(submission: "2024-0002", rank: 3, score: 7.95, rawMean: 7.9, countedReviews: 3),
                .init(submission: "NB-2024-0005", rank: 4, score: 7.5, rawMean: 7.6, countedReviews: 3),
                .init(submission: "NB-2024-0004", rank: 9, score: 6.25, rawMean: 6.0, countedReviews: 3,
                      includedBecause: "Điển hình tiêu biểu của nông dân, Hội đồng thống nhất đưa vào."),
            ],
            rounds: [
                .init(id: "eligibility", type: .screen, aggregate: nil, considered: 240, passed: 212),
                .init(id: "shortlist", type: .rank, aggregate: .zscore, considered: 212, passed: 200),
                .init(id: "final", type: .optimize, aggregate: .zscore, considered: 200, passed: 5),
            ],
            quotas: [
                quota(.field, "economy", min: 2, max: 4, filled: 4),
                quota(.kind, "example", min: 1, max: nil, filled: 2),
                quota(.unit, "Ủy ban nhân dân xã Gia Hưng", min: nil, max: 2, filled: 2),
            ],
            reliability: [
                .init(criterion: "effectiveness", alpha: 0.8123),
                .init(criterion: "innovation", alpha: 0.55),
                .init(criterion: "evidence", alpha: nil),
                .init(criterion: "total", alpha: 0.7),
            ],
            objective: 38.5345,
            record: "rounds/003-final.xml")
    }
}
