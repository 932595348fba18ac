/// The configuration files and the book's own front matter.
enum BookMatter {
    static func districts(notice: Bool = true) -> String {
        var w = XMLLines(notice: notice)
        w.open("districts")
        for d in Places.all { w.leaf("district", [("code", d.code)], text: d.name) }
        w.close("districts")
        return w.out
    }

    static func fields(notice: Bool = true) -> String {
        var w = XMLLines(notice: notice)
        w.open("fields")
        for f in Topics.fields { w.leaf("field", [("code", f.code)], text: f.name) }
        w.close("fields")
        return w.out
    }

    static func rubric(notice: Bool = true) -> String {
        var w = XMLLines(notice: notice)
        w.open("rubric", [("min", "0"), ("max", "10")])
        for c in Rubric.criteria {
            w.leaf("criterion", [("key", c.key), ("weight", SubmissionFactory.format(c.weight, decimals: 0))], text: c.label)
        }
        w.close("rubric")
        return w.out
    }

    static func reviewers(_ reviewers: [GeneratedReviewer]) -> String {
        var w = XMLLines()
        w.open("reviewers")
        for r in reviewers { w.leaf("reviewer", [("id", r.id), ("district", r.district.code), ("unit", r.unit)], text: r.name) }
        w.close("reviewers")
        return w.out
    }

    static let title = "100 mô hình, điển hình “Dân vận khéo” tỉnh Ninh Bình giai đoạn 2021–2025"

    static func book(count: Int) -> String {
        var w = XMLLines()
        w.open("book", [("xml:lang", "vi")])
        let t = count == 100 ? title : "\(count) mô hình, điển hình “Dân vận khéo” tỉnh Ninh Bình giai đoạn 2021–2025"
        w.leaf("title", text: t)
        w.leaf("subtitle", text: "Tuyển chọn nhân kỷ niệm 95 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2025)")
        w.open("editors")
        w.leaf("editor", [("role", "chief")], text: "Nguyễn Thị Hằng")
        w.leaf("editor", [("role", "member")], text: "Đinh Văn Hùng")
        w.leaf("editor", [("role", "member")], text: "Phạm Thu Trang")
        w.leaf("editor", [("role", "member")], text: "Bùi Quang Vinh")
        w.close("editors")
        w.leaf("publisher", text: "Nhà xuất bản Chính trị quốc gia Sự thật")
        w.leaf("year", text: "2025")
        w.leaf("date", text: "2025-09-02")
        w.open("front")
        w.empty("preface", [("href", "front/preface.xml")])
        w.empty("preface", [("href", "front/editorial-note.xml")])
        w.close("front")
        w.open("parts")
        for f in Topics.fields { w.empty("intro", [("field", f.code), ("href", "parts/\(f.code).xml")]) }
        w.close("parts")
        w.empty("order", [("by", "district")])
        w.close("book")
        return w.out
    }

    private static func docbook(root: String, title: String?, paragraphs: [String], signature: String? = nil) -> String {
        var w = XMLLines()
        w.open(root, root == "preface"
            ? [("xmlns", "http://docbook.org/ns/docbook"), ("version", "5.0"), ("xml:lang", "vi")]
            : [("xmlns", "http://docbook.org/ns/docbook"), ("version", "5.0")])
        if let title { w.leaf("title", text: title) }
        for p in paragraphs { w.leaf("para", text: p) }
        if let signature { w.leaf("para", [("role", "signature")], text: signature) }
        w.close(root)
        return w.out
    }

    static func preface() -> String {
        docbook(root: "preface", title: "Lời nói đầu", paragraphs: [
            "Sinh thời, Chủ tịch Hồ Chí Minh luôn căn dặn: “Dễ mười lần không dân cũng chịu, khó trăm lần dân liệu cũng xong”. Thấm nhuần lời dạy của Người, những năm qua, các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội tỉnh Ninh Bình đã đẩy mạnh phong trào thi đua “Dân vận khéo”, coi đây là một phương thức quan trọng để phát huy sức mạnh của nhân dân trong thực hiện các nhiệm vụ chính trị của địa phương.",
            "Trong giai đoạn 2021–2025, phong trào đã được triển khai sâu rộng trên tất cả các lĩnh vực: kinh tế, văn hóa – xã hội, quốc phòng – an ninh và xây dựng hệ thống chính trị. Từ thực tiễn cơ sở, hàng nghìn mô hình, điển hình đã ra đời, góp phần giải quyết những việc khó như giải phóng mặt bằng, xây dựng nông thôn mới, chuyển đổi số, giữ gìn an ninh trật tự, cải cách hành chính, hỗ trợ hộ nghèo.",
            "Cuốn sách tập hợp những mô hình, điển hình tiêu biểu được lựa chọn qua nhiều vòng xét chọn khách quan, công khai. Mỗi bài viết là một câu chuyện về cách làm sáng tạo, về những cán bộ, đảng viên và người dân bình dị mà đáng trân trọng.",
            "Ban Biên tập trân trọng cảm ơn các cơ quan, đơn vị, địa phương và các cá nhân đã cung cấp tư liệu, đóng góp ý kiến để cuốn sách được hoàn thành. Do thời gian có hạn, cuốn sách khó tránh khỏi thiếu sót; rất mong nhận được ý kiến góp ý của bạn đọc.",
        ], signature: "Ban Dân vận Tỉnh ủy Ninh Bình")
    }

    static func editorialNote(keep: Int, count: Int) -> String {
        docbook(root: "preface", title: "Về việc lựa chọn các mô hình, điển hình", paragraphs: [
            "Các mô hình, điển hình trong sách được lựa chọn từ hồ sơ do các huyện, thành phố và các cơ quan, đơn vị cấp tỉnh đề xuất. Việc lựa chọn được tiến hành qua ba vòng.",
            "Vòng thứ nhất kiểm tra điều kiện: mô hình được thực hiện trong giai đoạn 2021–2025, có xác nhận của cấp có thẩm quyền, có ít nhất một chỉ tiêu kết quả đo đếm được và bài viết đủ dung lượng để giới thiệu cách làm.",
            "Vòng thứ hai, mỗi hồ sơ được từ ba đến năm thành viên Hội đồng chấm điểm độc lập theo năm tiêu chí: hiệu quả, khả năng nhân rộng, sự tham gia của nhân dân, tính sáng tạo và minh chứng. Thành viên Hội đồng không chấm hồ sơ của địa phương, đơn vị mình công tác. Điểm của từng thành viên được chuẩn hóa để loại bỏ chênh lệch giữa người chấm chặt và người chấm rộng; \(keep) hồ sơ có điểm cao nhất được đưa vào vòng sau.",
            "Vòng thứ ba, Ban Biên tập chọn \(count) mô hình, điển hình có tổng điểm cao nhất, đồng thời bảo đảm cơ cấu hợp lý giữa các lĩnh vực, các địa phương, giữa mô hình tập thể và điển hình cá nhân. Một số trường hợp được Ban Biên tập quyết định đưa vào hoặc không đưa vào, có ghi rõ lý do trong biên bản.",
            "Nội dung các bài viết được Ban Biên tập biên tập lại về câu chữ, giữ nguyên số liệu và cách làm của đơn vị. Các bài được sắp xếp theo lĩnh vực, trong mỗi lĩnh vực theo địa bàn huyện, thành phố.",
        ])
    }

    static let partIntros: [String: [String]] = [
        "economy": [
            "Phần này giới thiệu các mô hình, điển hình trong lĩnh vực kinh tế: vận động nhân dân hiến đất, giải phóng mặt bằng cho các dự án trọng điểm, dồn điền đổi thửa, xây dựng nông thôn mới, phát triển sản phẩm OCOP và du lịch cộng đồng, giúp hộ nghèo vươn lên.",
            "Điểm chung của các mô hình là cán bộ, đảng viên gương mẫu đi trước, mọi việc được bàn bạc dân chủ, công khai, để người dân thấy rõ lợi ích và tự nguyện tham gia.",
        ],
        "culture-society": [
            "Phần này tập hợp các mô hình về xây dựng đời sống văn hóa, bảo vệ môi trường, khuyến học, chăm sóc sức khỏe nhân dân và bảo tồn di sản văn hóa truyền thống của quê hương Ninh Bình.",
            "Từ những việc nhỏ như phân loại rác, giữ gìn đường làng ngõ xóm, các mô hình đã góp phần làm thay đổi nếp nghĩ, cách làm của người dân.",
        ],
        "defense-security": [
            "Phần này giới thiệu các mô hình, điển hình trong lĩnh vực quốc phòng – an ninh: xây dựng khu dân cư an toàn, phòng chống tội phạm và lừa đảo trên không gian mạng, tuyển quân, giúp đỡ người lầm lỗi và bảo vệ an ninh vùng biển.",
            "Các mô hình cho thấy khi nhân dân được tin tưởng và tham gia, thế trận lòng dân ở cơ sở ngày càng vững chắc.",
        ],
        "political-system": [
            "Phần này giới thiệu các mô hình về xây dựng Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể: cải cách hành chính, chuyển đổi số, đối thoại với nhân dân, nâng cao chất lượng sinh hoạt chi bộ, hòa giải ở cơ sở.",
            "Dân vận chính quyền, dân vận của cán bộ, công chức là sợi chỉ đỏ xuyên suốt các mô hình trong phần này.",
        ],
    ]

    static func partIntro(field: String) -> String {
        docbook(root: "partintro", title: nil, paragraphs: partIntros[field] ?? [])
    }
}
