/// A submitting unit, as written in `unit`, with the words sentences need about its place.
struct UnitChoice: Sendable {
    let name: String
    let level: String
    let district: DistrictInfo
    /// The locality a sentence talks about: "xã Gia Hưng", "huyện Kim Sơn", "tỉnh Ninh Bình".
    let place: String
    /// The place without its prefix: "Gia Hưng".
    let placeBare: String
}

enum Units {
    /// Level weights for units of a district-level area; the province level has its own.
    static let districtLevels: [(String, Double)] = [
        ("commune", 40), ("district", 15), ("agency", 11), ("enterprise", 7), ("armed-forces", 11),
        ("school", 8), ("other", 8),
    ]
    static let provinceLevels: [(String, Double)] = [
        ("province", 42), ("agency", 30), ("armed-forces", 14), ("enterprise", 6), ("school", 5), ("other", 3),
    ]

    static func bare(_ commune: String) -> String {
        for prefix in ["thị trấn ", "phường ", "xã "] where commune.hasPrefix(prefix) {
            return String(commune.dropFirst(prefix.count))
        }
        return commune
    }

    static func make(district d: DistrictInfo, _ rng: inout Xoshiro256) -> UnitChoice {
        let isProvince = d.code == Places.province.code
        let levels = isProvince ? provinceLevels : districtLevels
        let level = levels[rng.weighted(levels.map(\.1))].0
        let province = "tỉnh Ninh Bình"
        if isProvince {
            let names: [String]
            switch level {
            case "province":
                names = ["Ban Dân vận Tỉnh ủy Ninh Bình", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Bình",
                         "Hội Nông dân tỉnh Ninh Bình", "Hội Liên hiệp Phụ nữ tỉnh Ninh Bình", "Tỉnh đoàn Ninh Bình",
                         "Hội Cựu chiến binh tỉnh Ninh Bình", "Liên đoàn Lao động tỉnh Ninh Bình",
                         "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Ninh Bình"]
            case "agency":
                names = ["Sở Nông nghiệp và Phát triển nông thôn tỉnh Ninh Bình", "Sở Tư pháp tỉnh Ninh Bình",
                         "Sở Y tế tỉnh Ninh Bình", "Sở Lao động – Thương binh và Xã hội tỉnh Ninh Bình",
                         "Sở Thông tin và Truyền thông tỉnh Ninh Bình", "Sở Văn hóa và Thể thao tỉnh Ninh Bình",
                         "Bảo hiểm xã hội tỉnh Ninh Bình", "Sở Tài nguyên và Môi trường tỉnh Ninh Bình",
                         "Sở Giáo dục và Đào tạo tỉnh Ninh Bình", "Ngân hàng Chính sách xã hội chi nhánh tỉnh Ninh Bình"]
            case "armed-forces":
                names = ["Công an tỉnh Ninh Bình", "Bộ Chỉ huy Quân sự tỉnh Ninh Bình",
                         "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Ninh Bình",
                         "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ, Công an tỉnh Ninh Bình"]
            case "enterprise":
                names = ["Công ty Điện lực Ninh Bình", "Công ty cổ phần Cấp thoát nước Ninh Bình",
                         "Công ty TNHH Môi trường đô thị Ninh Bình"]
            case "school":
                names = ["Trường Chính trị tỉnh Ninh Bình", "Trường Cao đẳng Cơ giới Ninh Bình"]
            default:
                names = ["Hội Chữ thập đỏ tỉnh Ninh Bình", "Hội Khuyến học tỉnh Ninh Bình", "Liên minh Hợp tác xã tỉnh Ninh Bình"]
            }
            return UnitChoice(name: rng.pick(names), level: level, district: d, place: province, placeBare: "Ninh Bình")
        }

        let commune = rng.pick(d.communes)
        let cBare = bare(commune)
        let hamlet = rng.pick(Places.hamlets)
        let city = d.kind == "thành phố"
        var place = commune
        var placeBare = cBare
        let name: String
        switch level {
        case "commune":
            name = rng.pick([
                "Ủy ban nhân dân \(commune)", "Đảng ủy \(commune)", "Ủy ban Mặt trận Tổ quốc Việt Nam \(commune)",
                "Hội Nông dân \(commune)", "Hội Liên hiệp Phụ nữ \(commune)",
                "Đoàn Thanh niên Cộng sản Hồ Chí Minh \(commune)", "Hội Cựu chiến binh \(commune)",
                "Chi bộ \(hamlet), \(commune)",
            ])
        case "district":
            place = d.inSentence
            placeBare = d.bare
            name = rng.pick([
                "Ban Dân vận \(d.partyCommittee) \(d.bare)", "Ủy ban Mặt trận Tổ quốc Việt Nam \(d.inSentence)",
                "Hội Nông dân \(d.inSentence)", "Hội Liên hiệp Phụ nữ \(d.inSentence)", "Hội Cựu chiến binh \(d.inSentence)",
                "\(city ? "Thành đoàn" : "Huyện đoàn") \(d.bare)", "Ủy ban nhân dân \(d.inSentence)",
                "Liên đoàn Lao động \(d.inSentence)",
            ])
        case "agency":
            place = d.inSentence
            placeBare = d.bare
            name = rng.pick([
                city ? "Phòng Kinh tế \(d.inSentence)" : "Phòng Nông nghiệp và Phát triển nông thôn \(d.inSentence)",
                "Phòng Tài nguyên và Môi trường \(d.inSentence)", "Phòng Lao động – Thương binh và Xã hội \(d.inSentence)",
                "Trung tâm Y tế \(d.inSentence)", "Bảo hiểm xã hội \(d.inSentence)", "Phòng Văn hóa và Thông tin \(d.inSentence)",
                "Phòng Tư pháp \(d.inSentence)", "Phòng Giáo dục và Đào tạo \(d.inSentence)",
            ])
        case "enterprise":
            name = rng.pick([
                "Hợp tác xã Dịch vụ nông nghiệp \(cBare)", "Công ty cổ phần May \(d.bare)",
                "Công ty TNHH Chế biến nông sản \(cBare)", "Hợp tác xã Du lịch cộng đồng \(cBare)",
                "Công ty TNHH Vật liệu xây dựng \(d.bare)", "Hợp tác xã Thủy sản \(cBare)",
            ])
        case "armed-forces":
            var options = ["Công an \(commune)", "Ban Chỉ huy Quân sự \(commune)"]
            options.append("Công an \(d.inSentence)")
            options.append("Ban Chỉ huy Quân sự \(d.inSentence)")
            if d.code == "kim-son" { options.append("Đồn Biên phòng Cồn Thoi") }
            name = rng.pick(options)
            if name.hasSuffix(d.inSentence) { place = d.inSentence; placeBare = d.bare }
        case "school":
            name = rng.pick([
                "Trường Tiểu học \(cBare)", "Trường Trung học cơ sở \(cBare)", "Trường Mầm non \(cBare)",
                "Trường Trung học phổ thông \(d.bare)",
            ])
        default:
            name = rng.pick([
                "Chi hội Cựu chiến binh \(hamlet), \(commune)", "Câu lạc bộ “Dân vận khéo” \(commune)",
                "Ban công tác Mặt trận \(hamlet), \(commune)", "Tổ hòa giải \(hamlet), \(commune)",
                "Câu lạc bộ Người cao tuổi \(hamlet), \(commune)",
            ])
        }
        return UnitChoice(name: name, level: level, district: d, place: place, placeBare: placeBare)
    }
}
