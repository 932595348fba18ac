/// The book's own fixed words (`Mục lục`, `Phần I.`, `Phụ lục A.`, captions, labels) and why a book
/// cannot be made from a manuscript and a selection (`modelbook build`).
///
/// The book's words follow the BOOK's language (`book.xml`'s `xml:lang`; `Book.words`), never the
/// interface's: render them with `template(in:)` / `text(in:)` and the book's language. The reasons
/// for a failed build are for the person running it and follow the interface's language.
public enum BookText: String, Catalogue {
    public static let domain = "book"

    case missingBookMetadata = "missing-book-metadata"
    case unknownSubmission = "unknown-submission"
    case unknownField = "unknown-field"
    case unknownDistrict = "unknown-district"
    case badFragment = "bad-fragment"

    // Words the program adds to the book.
    case contents
    case partHeading = "part-heading"
    case appendixHeading = "appendix-heading"
    case chiefEditors = "chief-editors"
    case editors
    case chiefEditor = "chief-editor"
    case and
    case summary
    case figure
    case figureCaption = "figure-caption"
    case tableCaption = "table-caption"
    case column
    case results
    case endorsement

    public var vietnamese: String {
        switch self {
        case .missingBookMetadata: "thiếu tệp book.xml: sách cần có tên sách"
        case .unknownSubmission: "kết quả tuyển chọn có bài {id}, nhưng bản thảo không có bài này"
        case .unknownField: "bài {id} thuộc lĩnh vực “{field}”, nhưng fields.xml không có lĩnh vực này"
        case .unknownDistrict: "bài {id} thuộc địa bàn “{district}”, nhưng districts.xml không có địa bàn này"
        case .badFragment: "{path}: không đọc được đoạn DocBook: {problem}"
        case .contents: "Mục lục"
        case .partHeading: "Phần {label}. {title}"
        case .appendixHeading: "Phụ lục {label}. {title}"
        case .chiefEditors: "Chủ biên: {names}"
        case .editors: "Biên tập: {names}"
        case .chiefEditor: "Chủ biên"
        case .and: "và"
        case .summary: "Tóm tắt: {summary}"
        case .figure: "Hình"
        case .figureCaption: "Hình: {caption}"
        case .tableCaption: "Bảng: {caption}"
        case .column: "Cột {n}"
        case .results: "Kết quả"
        case .endorsement: "Xác nhận"
        }
    }

    public var english: String {
        switch self {
        case .missingBookMetadata: "book.xml is missing: the book needs a title"
        case .unknownSubmission: "the selection names submission {id}, which is not in the manuscript"
        case .unknownField: "submission {id} belongs to field '{field}', which fields.xml does not list"
        case .unknownDistrict: "submission {id} belongs to district '{district}', which districts.xml does not list"
        case .badFragment: "{path}: cannot read the DocBook fragment: {problem}"
        case .contents: "Contents"
        case .partHeading: "Part {label}. {title}"
        case .appendixHeading: "Appendix {label}. {title}"
        case .chiefEditors: "Editor-in-chief: {names}"
        case .editors: "Edited by: {names}"
        case .chiefEditor: "Editor-in-chief"
        case .and: "and"
        case .summary: "Summary: {summary}"
        case .figure: "Figure"
        case .figureCaption: "Figure: {caption}"
        case .tableCaption: "Table: {caption}"
        case .column: "Column {n}"
        case .results: "Results"
        case .endorsement: "Endorsement"
        }
    }
}
