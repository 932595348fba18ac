/// Ninh Bình's district-level units before the 2025 merger, with communes and wards
/// (names as they were; the data made from them is fictional).
struct DistrictInfo: Sendable {
    let code: String
    /// As in districts.xml: "Huyện Gia Viễn".
    let name: String
    /// Lower-case form inside a sentence: "huyện Gia Viễn".
    let inSentence: String
    /// "Gia Viễn".
    let bare: String
    /// "Huyện ủy" or "Thành ủy".
    let partyCommittee: String
    /// "huyện" or "thành phố".
    let kind: String
    /// Communes and wards, with their prefix: "xã Gia Hưng", "phường Vân Giang".
    let communes: [String]
}

enum Places {
    static let province = DistrictInfo(
        code: "province", name: "Cấp tỉnh", inSentence: "tỉnh Ninh Bình", bare: "Ninh Bình",
        partyCommittee: "Tỉnh ủy", kind: "tỉnh", communes: [])

    /// The eight district-level units, in the book's order (districts.xml), then the province level.
    static let districts: [DistrictInfo] = [
        DistrictInfo(code: "ninh-binh", name: "Thành phố Ninh Bình", inSentence: "thành phố Ninh Bình",
                     bare: "Ninh Bình", partyCommittee: "Thành ủy", kind: "thành phố",
                     communes: ["phường Đông Thành", "phường Tân Thành", "phường Thanh Bình", "phường Vân Giang",
                                "phường Nam Bình", "phường Nam Thành", "phường Bích Đào", "phường Phúc Thành",
                                "phường Ninh Khánh", "phường Ninh Phong", "phường Ninh Sơn", "xã Ninh Nhất",
                                "xã Ninh Tiến", "xã Ninh Phúc"]),
        DistrictInfo(code: "tam-diep", name: "Thành phố Tam Điệp", inSentence: "thành phố Tam Điệp",
                     bare: "Tam Điệp", partyCommittee: "Thành ủy", kind: "thành phố",
                     communes: ["phường Bắc Sơn", "phường Nam Sơn", "phường Trung Sơn", "phường Tây Sơn",
                                "phường Tân Bình", "phường Yên Bình", "xã Quang Sơn", "xã Yên Sơn", "xã Đông Sơn"]),
        DistrictInfo(code: "gia-vien", name: "Huyện Gia Viễn", inSentence: "huyện Gia Viễn",
                     bare: "Gia Viễn", partyCommittee: "Huyện ủy", kind: "huyện",
                     communes: ["thị trấn Me", "xã Gia Hưng", "xã Gia Vân", "xã Gia Sinh", "xã Gia Phú",
                                "xã Gia Trấn", "xã Gia Lạc", "xã Gia Phong", "xã Gia Hòa", "xã Gia Thanh",
                                "xã Gia Lập", "xã Gia Minh", "xã Gia Phương", "xã Gia Trung", "xã Gia Xuân",
                                "xã Liên Sơn", "xã Gia Tiến", "xã Gia Thịnh"]),
        DistrictInfo(code: "hoa-lu", name: "Huyện Hoa Lư", inSentence: "huyện Hoa Lư",
                     bare: "Hoa Lư", partyCommittee: "Huyện ủy", kind: "huyện",
                     communes: ["thị trấn Thiên Tôn", "xã Trường Yên", "xã Ninh Hải", "xã Ninh Xuân",
                                "xã Ninh Giang", "xã Ninh Khang", "xã Ninh Mỹ", "xã Ninh Vân", "xã Ninh Thắng",
                                "xã Ninh Hòa", "xã Ninh An"]),
        DistrictInfo(code: "kim-son", name: "Huyện Kim Sơn", inSentence: "huyện Kim Sơn",
                     bare: "Kim Sơn", partyCommittee: "Huyện ủy", kind: "huyện",
                     communes: ["thị trấn Phát Diệm", "thị trấn Bình Minh", "xã Kim Chính", "xã Kim Đông",
                                "xã Kim Hải", "xã Kim Trung", "xã Kim Tân", "xã Kim Mỹ", "xã Kim Định",
                                "xã Lai Thành", "xã Yên Lộc", "xã Cồn Thoi", "xã Chất Bình", "xã Như Hòa",
                                "xã Đồng Hướng", "xã Thượng Kiệm", "xã Hồi Ninh", "xã Xuân Thiện", "xã Quang Thiện"]),
        DistrictInfo(code: "nho-quan", name: "Huyện Nho Quan", inSentence: "huyện Nho Quan",
                     bare: "Nho Quan", partyCommittee: "Huyện ủy", kind: "huyện",
                     communes: ["thị trấn Nho Quan", "xã Cúc Phương", "xã Kỳ Phú", "xã Phú Long", "xã Quỳnh Lưu",
                                "xã Gia Lâm", "xã Gia Sơn", "xã Gia Thủy", "xã Gia Tường", "xã Lạng Phong",
                                "xã Văn Phong", "xã Văn Phương", "xã Thạch Bình", "xã Phú Sơn", "xã Sơn Hà",
                                "xã Sơn Lai", "xã Xích Thổ", "xã Đức Long", "xã Thượng Hòa", "xã Yên Quang",
                                "xã Thanh Lạc", "xã Sơn Thành"]),
        DistrictInfo(code: "yen-khanh", name: "Huyện Yên Khánh", inSentence: "huyện Yên Khánh",
                     bare: "Yên Khánh", partyCommittee: "Huyện ủy", kind: "huyện",
                     communes: ["thị trấn Yên Ninh", "xã Khánh An", "xã Khánh Cư", "xã Khánh Cường",
                                "xã Khánh Hòa", "xã Khánh Hội", "xã Khánh Lợi", "xã Khánh Mậu", "xã Khánh Nhạc",
                                "xã Khánh Thành", "xã Khánh Thiện", "xã Khánh Thủy", "xã Khánh Trung",
                                "xã Khánh Hồng", "xã Khánh Công"]),
        DistrictInfo(code: "yen-mo", name: "Huyện Yên Mô", inSentence: "huyện Yên Mô",
                     bare: "Yên Mô", partyCommittee: "Huyện ủy", kind: "huyện",
                     communes: ["thị trấn Yên Thịnh", "xã Yên Thắng", "xã Yên Phong", "xã Yên Từ", "xã Yên Nhân",
                                "xã Yên Mỹ", "xã Yên Mạc", "xã Yên Lâm", "xã Yên Thái", "xã Yên Hòa", "xã Yên Đồng",
                                "xã Khánh Thượng", "xã Khánh Dương", "xã Khánh Thịnh", "xã Mai Sơn"]),
    ]

    /// districts.xml order: the eight district-level units, then the province level.
    static let all: [DistrictInfo] = districts + [province]

    /// Villages and residential groups: "thôn Tập Ninh", "xóm 3"...
    static let hamlets = [
        "thôn Tập Ninh", "thôn Đông", "thôn Trung", "thôn Bắc", "thôn Nam", "thôn Thượng", "thôn Hạ",
        "thôn Yên Trạch", "thôn Phúc Lộc", "thôn Tri Phương", "thôn Vân Trì", "thôn Đồng Chưa",
        "thôn Phú Mỹ", "thôn Hòa Lạc", "thôn Tân Hưng", "thôn Bình Hòa", "xóm 1", "xóm 3", "xóm 5",
        "xóm 7", "xóm Mới", "tổ dân phố số 2", "tổ dân phố số 4", "tổ dân phố số 6", "tổ dân phố Tân Tiến",
        "thôn Thanh Sơn", "thôn Đại Đồng", "thôn Kênh Gà", "thôn Bãi Trữ", "thôn Mỹ Hạ",
    ]

    static func capitalizedFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}

/// Vietnamese personal names.
enum Names {
    static let families = [
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Phạm", "Hoàng", "Vũ", "Vũ", "Đinh",
        "Đinh", "Bùi", "Bùi", "Đỗ", "Ngô", "Dương", "Lương", "Tạ", "Mai", "Hà", "Phan", "Đặng", "Lã", "Quách",
        "Tống", "Trịnh", "Lại",
    ]
    static let maleMiddle = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Công", "Ngọc", "Thanh", "Trọng", "Duy"]
    static let femaleMiddle = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim", "Thúy"]
    static let maleGiven = [
        "Hùng", "Dũng", "Thắng", "Tuấn", "Cường", "Hải", "Long", "Nam", "Sơn", "Trung", "Khánh", "Phong",
        "Thành", "Tiến", "Hòa", "Bình", "Quyết", "Toàn", "Lợi", "Đông", "Hiếu", "Mạnh", "Tùng", "Vinh",
        "Quân", "Đạt", "Huy", "Kiên", "Thịnh", "Chiến",
    ]
    static let femaleGiven = [
        "Hằng", "Mai", "Lan", "Hương", "Thảo", "Nga", "Hoa", "Hạnh", "Liên", "Yến", "Nhung", "Thúy", "Loan",
        "Vân", "Huyền", "Trang", "Phương", "Dung", "Oanh", "Hiền", "Ngân", "Tâm", "Hà", "Duyên", "Quyên",
    ]

    /// A full name and whether it is a woman's.
    static func random(_ rng: inout Xoshiro256) -> (name: String, female: Bool) {
        let female = rng.chance(0.42)
        let family = rng.pick(families)
        let middle = rng.pick(female ? femaleMiddle : maleMiddle)
        let given = rng.pick(female ? femaleGiven : maleGiven)
        return ("\(family) \(middle) \(given)", female)
    }
}
