/// Why the book cannot be made from a manuscript and a selection (`modelbook build`).
///
/// The words the program adds to the book itself ("Mục lục", "Phần", "Phụ lục", captions, the
/// appendix on how the book was chosen) are not here: they follow the book's language (`book.xml`'s
/// `xml:lang`, Vietnamese), not the language of the interface, and live with the book writer.
public enum BookText: String, Catalogue {
    public static let domain = "book"

    case missingBookMetadata = "missing-book-metadata"
    case unknownSubmission = "unknown-submission"
    case unknownField = "unknown-field"
    case unknownDistrict = "unknown-district"
    case badFragment = "bad-fragment"

    public var vietnamese: String {
        switch self {
        case .missingBookMetadata: "thiếu tệp book.xml: sách cần có tên sách"
        case .unknownSubmission: "kết quả tuyển chọn có bài {id}, nhưng bản thảo không có bài này"
        case .unknownField: "bài {id} thuộc lĩnh vực “{field}”, nhưng fields.xml không có lĩnh vực này"
        case .unknownDistrict: "bài {id} thuộc địa bàn “{district}”, nhưng districts.xml không có địa bàn này"
        case .badFragment: "{path}: không đọc được đoạn DocBook: {problem}"
        }
    }

    public var english: String {
        switch self {
        case .missingBookMetadata: "book.xml is missing: the book needs a title"
        case .unknownSubmission: "the selection names submission {id}, which is not in the manuscript"
        case .unknownField: "submission {id} belongs to field '{field}', which fields.xml does not list"
        case .unknownDistrict: "submission {id} belongs to district '{district}', which districts.xml does not list"
        case .badFragment: "{path}: cannot read the DocBook fragment: {problem}"
        }
    }
}
