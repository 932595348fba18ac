/// Phrase banks shared by every topic. Placeholders in braces are filled by `Phrases.fill`.
enum Phrases {
    /// Slogans that suit any field.
    static let slogans = [
        "Dân vận khéo", "Ba cùng", "Đảng viên đi trước, làng nước theo sau", "Mỗi tuần một việc tốt",
        "Cán bộ gần dân, hiểu dân, trọng dân", "Chung tay vì cộng đồng", "Lắng nghe để hành động",
        "Ngày thứ Bảy vì dân", "Một đảng viên – mười hộ dân", "Dân hỏi – cán bộ trả lời", "Nói dân nghe, làm dân tin",
        "Dân biết, dân bàn, dân làm", "Mỗi cán bộ là một tuyên truyền viên",
    ]

    /// Slogans of one field.
    static let fieldSlogans: [String: [String]] = [
        "economy": ["Ruộng liền bờ, dân đồng lòng", "Hiến đất mở đường", "Nông dân giúp nhau làm giàu",
                    "Sản phẩm quê hương", "Cánh đồng một giá", "Thứ Sáu vì người nghèo"],
        "culture-society": ["Đường sáng, nhà sạch, ngõ xanh", "Mái ấm tình thương", "Sáng – Xanh – Sạch – Đẹp",
                            "Cùng con đến trường", "Bữa cơm nghĩa tình", "Ánh sáng đường quê", "Phụ nữ tiết kiệm vì cộng đồng"],
        "defense-security": ["Ngõ xóm bình yên", "Tiếng kẻng an ninh", "Mỗi người dân là một chiến sĩ công an",
                             "Vì an ninh Tổ quốc", "Tổ tự quản kiểu mẫu", "Nghĩa tình đồng đội"],
        "political-system": ["Chi bộ bốn tốt", "Tổ dân phố văn minh", "Nhà văn hóa số", "Cà phê doanh nhân",
                             "Cựu chiến binh gương mẫu", "Thanh niên tình nguyện vì dân"],
    ]

    static let modelTitleTemplates = [
        "Mô hình “{slogan}” trong {topic}",
        "Mô hình “{slogan}” ở {place}",
        "“{slogan}” – cách làm hay trong {topic} của {unitLower}",
        "Dân vận khéo trong {topic} tại {place}",
        "{Topic}: kinh nghiệm từ {place}",
        "Phát huy vai trò của nhân dân trong {topic} ở {place}",
        "Mô hình {topicShort} gắn với phong trào “{slogan}”",
        "Khéo vận động để {topicShort} ở {place}",
        "Từ “{slogan}” đến {topicShort}: câu chuyện ở {place}",
        "Mô hình “{slogan}” của {unit}",
    ]

    static let exampleTitleTemplates = [
        "{honorific} {name} – {epithet} trong {topicShort}",
        "{honorific} {name}, {position}: {epithet}",
        "Đồng chí {name} – {epithet} ở {place}",
        "{name}: tận tụy với {topicShort}",
        "{honorific} {name} và hành trình {journey}",
        "Người {position2} khéo vận động {topicShort}",
    ]

    static let epithets = [
        "người “giữ lửa” phong trào", "cầu nối giữa Đảng với nhân dân", "tấm gương dân vận khéo",
        "người truyền cảm hứng", "điểm tựa của bà con", "người nói dân tin, làm dân theo",
        "người cán bộ tận tâm", "“thủ lĩnh” của khu dân cư",
    ]

    static let journeys = [
        "mười năm bám dân, bám cơ sở", "đưa nghị quyết vào cuộc sống", "gõ cửa từng nhà",
        "góp sức xây dựng quê hương", "lắng nghe và thấu hiểu",
    ]

    /// (position in a title, its lower-case continuation in a sentence).
    static let positions = [
        "Bí thư Chi bộ {hamlet}", "Trưởng {hamlet}", "Chủ tịch Hội Nông dân {place}", "Chủ tịch Hội Liên hiệp Phụ nữ {place}",
        "Bí thư Đoàn {place}", "Công an viên {place}", "Chi hội trưởng Chi hội Cựu chiến binh {hamlet}",
        "Trưởng ban công tác Mặt trận {hamlet}", "cán bộ tư pháp – hộ tịch {place}", "giáo viên Trường Tiểu học {placeBare}",
        "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc {place}", "Chủ nhiệm Hợp tác xã {placeBare}", "Tổ trưởng tổ tự quản {hamlet}",
    ]

    static let positionsShort = [
        "trưởng thôn", "bí thư chi bộ", "nữ công an viên", "cựu chiến binh", "nông dân", "chi hội trưởng phụ nữ",
        "bí thư chi đoàn", "hòa giải viên", "giáo viên về hưu",
    ]

    static let contextGeneric = [
        "Thực hiện Kết luận số 114-KL/TW của Ban Bí thư về nâng cao chất lượng, hiệu quả công tác dân vận, {unit} xác định {topicShort} là một trong những nhiệm vụ trọng tâm của nhiệm kỳ.",
        "Xuất phát từ thực tiễn địa phương, cấp ủy {place} nhận thấy muốn làm tốt {topicShort} thì trước hết phải được lòng dân.",
        "Trước năm {y0}, {place} gặp nhiều khó khăn trong {topicShort}; một bộ phận nhân dân còn băn khoăn, chưa đồng thuận.",
        "Đây là nội dung khó, liên quan trực tiếp đến quyền lợi của từng hộ gia đình nên đòi hỏi cách làm thấu tình, đạt lý.",
        "Nhiều cuộc họp thôn trước đây chỉ có người cao tuổi tham dự, ý kiến của thanh niên và phụ nữ ít được lắng nghe.",
        "Năm {y0}, Ban Thường vụ {district} chọn {place} làm điểm để rút kinh nghiệm, nhân rộng.",
        "Bên cạnh thuận lợi, địa phương còn không ít khó khăn: địa bàn rộng, dân cư phân tán, đời sống của một bộ phận nhân dân còn thấp.",
        "Từ những bất cập đó, {unit} đã bàn bạc, lựa chọn cách làm phù hợp, lấy người dân làm trung tâm.",
        "Nhiều chủ trương đúng nhưng khi triển khai còn chậm vì chưa làm tốt công tác tuyên truyền, vận động.",
        "Nhận thức của một bộ phận cán bộ, đảng viên về công tác dân vận còn hạn chế, có nơi còn coi đó là việc riêng của khối dân vận.",
    ]

    static let methodsGeneric = [
        "Cán bộ, đảng viên gương mẫu đi trước, thực hiện phương châm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
        "Tổ công tác phân công mỗi đảng viên phụ trách từ 5 đến 10 hộ, trực tiếp đến từng nhà lắng nghe ý kiến, giải thích chủ trương, chính sách.",
        "Hằng tháng, {unit} tổ chức giao ban với các chi hội, đánh giá tiến độ và kịp thời tháo gỡ vướng mắc.",
        "Nội dung tuyên truyền được biên soạn ngắn gọn, dễ hiểu, phát trên loa truyền thanh vào buổi sáng và buổi tối.",
        "Người có uy tín trong cộng đồng, trưởng các dòng họ được mời tham gia vận động, tạo sức lan tỏa trong khu dân cư.",
        "Mọi khoản đóng góp đều được công khai trên bảng tin và nhóm Zalo của thôn, có ban giám sát cộng đồng theo dõi.",
        "Những việc khó được đưa ra bàn tại hội nghị thôn; khi đa số nhân dân đồng thuận mới triển khai.",
        "Các tổ chức đoàn thể phân công hội viên theo địa bàn, kết hợp vận động với giúp đỡ những gia đình khó khăn.",
        "Kết quả thực hiện được sơ kết sáu tháng một lần, biểu dương kịp thời tập thể, cá nhân làm tốt.",
        "Cán bộ không ngại đến nhà dân nhiều lần, có trường hợp phải đến hơn mười lần mới nhận được sự đồng thuận.",
        "{lead} thường xuyên gặp gỡ nhân dân vào buổi tối, khi bà con đã xong việc đồng áng.",
        "Mô hình gắn với việc thực hiện quy chế dân chủ ở cơ sở, bảo đảm mọi việc đều công khai, minh bạch.",
        "Mỗi chi hội đăng ký một phần việc cụ thể, có thời hạn hoàn thành và người chịu trách nhiệm.",
        "Những ý kiến băn khoăn của nhân dân được ghi lại đầy đủ, trả lời công khai tại cuộc họp gần nhất.",
        "Thanh niên được giao những phần việc cần sức khỏe, người cao tuổi tham gia giám sát và góp ý.",
        "Ban công tác Mặt trận ở khu dân cư giữ vai trò nòng cốt, phối hợp chặt chẽ với trưởng thôn và chi hội trưởng các đoàn thể.",
        "Cách làm được xây dựng thành quy trình gồm các bước rõ ràng: khảo sát, bàn bạc, thống nhất, tổ chức thực hiện và đánh giá.",
    ]

    static let resultsGeneric = [
        "Đến nay, {N} lượt hộ gia đình đã tự nguyện tham gia, vượt {p}% kế hoạch đề ra.",
        "{after}, {place} không còn đơn thư khiếu nại vượt cấp liên quan đến {topicShort}.",
        "Niềm tin của nhân dân đối với cấp ủy, chính quyền được củng cố rõ rệt; nhiều hộ trước đây còn băn khoăn nay trở thành người đi vận động.",
        "Mô hình được {district} đánh giá cao và chọn để nhân rộng ra {k} xã, thị trấn khác.",
        "Kết quả khảo sát cho thấy {p}% người dân hài lòng với cách làm của địa phương.",
        "Năm {y1}, {unit} được Ủy ban nhân dân tỉnh tặng Bằng khen vì thành tích xuất sắc trong phong trào thi đua “Dân vận khéo”.",
        "Nhiều phần việc trước đây phải dùng ngân sách nay do nhân dân tự nguyện đóng góp công sức, tiền của.",
        "Tinh thần đoàn kết trong khu dân cư được nâng lên, tình làng nghĩa xóm thêm gắn bó.",
        "Các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch, nhiều chỉ tiêu về đích sớm.",
        "Số hộ tham gia tăng đều qua từng năm, nhiều hộ từ chỗ đứng ngoài đã trở thành người tích cực nhất.",
        "Mô hình được các cơ quan báo chí của tỉnh và Trung ương giới thiệu, nhiều đoàn trong và ngoài tỉnh đến học tập.",
    ]

    static let lessons = [
        "Phải thực sự tôn trọng, lắng nghe nhân dân; việc gì có lợi cho dân thì hết sức làm.",
        "Cấp ủy phải vào cuộc quyết liệt, người đứng đầu phải gương mẫu, nói đi đôi với làm.",
        "Công khai, minh bạch là điều kiện tiên quyết để có được sự đồng thuận của nhân dân.",
        "Phải kiên trì, không nóng vội; mỗi hộ một hoàn cảnh nên cần cách vận động riêng.",
        "Phát huy vai trò của người có uy tín trong cộng đồng và của các tổ chức đoàn thể.",
        "Kịp thời biểu dương, khen thưởng để tạo động lực và sức lan tỏa.",
        "Gắn lợi ích của nhân dân với mục tiêu chung của địa phương.",
    ]

    static let replication = [
        "Cách làm không đòi hỏi nhiều kinh phí, có thể áp dụng ở các địa phương có điều kiện tương tự.",
        "Mô hình có thể nhân rộng ở các xã vùng đồng bằng và ven đô, nơi dân cư đông và nhiều ngành nghề.",
        "Điều kiện để nhân rộng là cấp ủy quan tâm chỉ đạo và có đội ngũ cán bộ cơ sở tâm huyết.",
        "Tài liệu hướng dẫn của mô hình đã được {district} in và gửi đến các địa phương để tham khảo.",
    ]

    static let exampleLife = [
        "{honorific} {name} sinh năm {birth}, có {service} năm tham gia công tác ở cơ sở.",
        "{devotion}",
        "Gia đình {honorificLower} không khá giả, nhưng luôn sẵn sàng nhường phần thuận lợi cho người khác.",
        "Nhiều người dân trong thôn nói rằng, việc gì khó cứ tìm đến {honorificLower} là yên tâm.",
        "{honorific} thường nói: làm dân vận không cần nói nhiều, chỉ cần làm trước và làm thật.",
        "Bằng uy tín của mình, {honorificLower} đã vận động được nhiều hộ gia đình thay đổi nếp nghĩ, cách làm.",
        "Được nhân dân tín nhiệm, {honorificLower} gắn bó nhiều năm với cương vị {position}.",
        "Ngoài giờ làm việc, {honorificLower} còn tham gia tổ hòa giải và câu lạc bộ của thôn.",
    ]

    static let quotes = [
        "Lúc đầu tôi cũng băn khoăn lắm, nhưng cán bộ đến nhà giải thích cặn kẽ, thấy việc có lợi cho con cháu nên gia đình tôi đồng ý ngay.",
        "Giờ đường rộng, ngõ sáng, xóm giềng gắn bó hơn trước nhiều.",
        "Cán bộ nói thì phải làm trước, dân nhìn vào đó mà tin.",
        "Có việc gì chưa rõ, chúng tôi hỏi trên nhóm Zalo là được trả lời ngay trong ngày.",
        "Mình góp một chút công sức mà cả thôn được hưởng, ai cũng vui.",
        "Được bàn bạc từ đầu nên dân hiểu, dân làm, không ai phải nhắc.",
    ]

    static let quoteSources = [
        "Ông {name}, người dân {hamlet}", "Bà {name}, {hamlet}, {place}", "Ông {name}, cựu chiến binh {hamlet}",
        "Chị {name}, hội viên Hội Phụ nữ {place}", "Anh {name}, đoàn viên thanh niên {place}",
    ]

    static let notes = [
        "Theo báo cáo tổng kết năm {y1} của {unit}.",
        "Số liệu của Ủy ban nhân dân {place}, tính đến tháng {m}/{y1}.",
        "Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư khóa XI.",
        "Quy chế dân chủ ở cơ sở được thực hiện theo Luật Thực hiện dân chủ ở cơ sở năm 2022.",
        "Số liệu đã được Ban Chỉ đạo {district} kiểm tra, xác nhận.",
    ]

    static let comments = [
        "Mô hình có số liệu minh chứng rõ ràng, cách làm cụ thể.",
        "Cần bổ sung thêm số liệu so sánh trước và sau khi thực hiện.",
        "Cách làm sáng tạo, có khả năng nhân rộng.",
        "Hồ sơ trình bày tốt, kết quả thuyết phục.",
        "Kết quả chưa thật nổi bật so với các mô hình cùng lĩnh vực.",
        "Vai trò của nhân dân được thể hiện rõ.",
        "Đề nghị làm rõ phần kinh phí đóng góp của nhân dân.",
        "Điển hình tiêu biểu, có sức lan tỏa trong cộng đồng.",
    ]

    static let summaryTemplates = [
        "Bằng cách làm {em:gần dân, sát dân}, {unit} đã vận động nhân dân tham gia {topic}, góp phần tạo chuyển biến rõ nét ở {place}.",
        "Mô hình tập trung vào {topic}, phát huy vai trò {strong:chủ thể} của nhân dân theo tinh thần {q:dân biết, dân bàn, dân làm, dân kiểm tra}.",
        "Từ năm {y0}, {unit} triển khai {topic} bằng những việc làm cụ thể, được nhân dân {em:đồng tình, hưởng ứng}.",
    ]

    static let exampleSummaryTemplates = [
        "Với vai trò {position}, {honorificLower} {name} đã kiên trì vận động nhân dân tham gia {topic}, được bà con tin yêu, {em:quý mến}.",
        "{honorific} {name} là tấm gương tiêu biểu trong {topic}, luôn {strong:nói đi đôi với làm}, gần dân, hiểu dân.",
    ]

    static let sectionTitles = (
        context: ["Sự cần thiết của mô hình", "Bối cảnh", "Thực trạng trước khi thực hiện", "Lý do xây dựng mô hình"],
        methods: ["Cách làm", "Nội dung và cách thức thực hiện", "Giải pháp thực hiện", "Tổ chức thực hiện"],
        results: ["Kết quả đạt được", "Hiệu quả của mô hình", "Kết quả cụ thể"],
        lessons: ["Bài học kinh nghiệm", "Bài học rút ra"],
        replication: ["Khả năng nhân rộng", "Đề xuất, kiến nghị"],
        sub: ["Công tác tuyên truyền, vận động", "Phân công nhiệm vụ", "Kiểm tra, giám sát", "Phối hợp giữa các lực lượng"],
        life: ["Đôi nét về bản thân", "Quá trình công tác"],
        deeds: ["Những việc làm tiêu biểu", "Cách làm sáng tạo"]
    )

    /// Fills `{key}` placeholders. Unknown keys are left as they are (and so show up in review).
    /// Works on UTF-8 bytes: braces are ASCII, so byte positions are valid string boundaries.
    static func fill(_ template: String, _ values: [String: String], _ rng: inout Xoshiro256) -> String {
        let bytes = template.utf8
        guard bytes.contains(0x7B) else { return template }
        var out = ""
        out.reserveCapacity(bytes.count + 64)
        var i = bytes.startIndex
        var literalStart = i
        while i != bytes.endIndex {
            if bytes[i] == 0x7B, let close = bytes[i...].firstIndex(of: 0x7D) {
                out += template[literalStart..<i]
                let key = String(template[bytes.index(after: i)..<close])
                if let v = values[key] {
                    out += v
                } else {
                    switch key {
                    case "n": out += String(rng.int(12...95))
                    case "N": out += String(rng.int(120...2400))
                    case "p": out += String(rng.int(5...40))
                    case "k": out += String(rng.int(3...12))
                    case "m": out += String(rng.int(1...12))
                    default: out += "{\(key)}"
                    }
                }
                i = bytes.index(after: close)
                literalStart = i
            } else {
                i = bytes.index(after: i)
            }
        }
        out += template[literalStart..<bytes.endIndex]
        return out
    }

    /// Turns `{em:…}`, `{strong:…}`, `{q:…}` in an already filled text into inline markup.
    static func inline(_ text: String) -> [Inline] {
        let bytes = text.utf8
        guard bytes.contains(0x7B) else { return [.text(text)] }
        var result: [Inline] = []
        var rest = bytes.startIndex
        while let open = bytes[rest...].firstIndex(of: 0x7B),
              let colon = bytes[open...].firstIndex(of: 0x3A),
              let close = bytes[colon...].firstIndex(of: 0x7D) {
            let tag = String(text[bytes.index(after: open)..<colon])
            let content = String(text[bytes.index(after: colon)..<close])
            if open > rest { result.append(.text(String(text[rest..<open]))) }
            switch tag {
            case "em": result.append(.em([.text(content)]))
            case "strong": result.append(.strong([.text(content)]))
            default: result.append(.q([.text(content)]))
            }
            rest = bytes.index(after: close)
        }
        if rest != bytes.endIndex { result.append(.text(String(text[rest..<bytes.endIndex]))) }
        return result
    }
}
