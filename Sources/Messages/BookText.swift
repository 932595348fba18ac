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
    case kind
    case unit
    case district
    case period
    case person
    case people
    case endorsedOn = "endorsed-on"
    case preface
    case indicator
    case before
    case after
    case districtIndex = "district-index"
    case unitIndex = "unit-index"
    case listTitle = "list-title"
    case listNote = "list-note"
    case listCaption = "list-caption"
    case listNumber = "list-number"
    case listID = "list-id"
    case listName = "list-name"
    case listField = "list-field"
    case listScore = "list-score"
    case listReviews = "list-reviews"
    case listEdited = "list-edited"
    case editedMark = "edited-mark"

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
        case .kind: "Loại"
        case .unit: "Đơn vị"
        case .district: "Địa bàn"
        case .period: "Thời gian thực hiện"
        case .person: "Người thực hiện"
        case .people: "Những người thực hiện"
        case .endorsedOn: "{by} ({level}) xác nhận ngày {date}."
        case .preface: "Lời nói đầu"
        case .indicator: "Chỉ tiêu"
        case .before: "Trước"
        case .after: "Sau"
        case .districtIndex: "Chỉ mục địa bàn"
        case .unitIndex: "Chỉ mục đơn vị"
        case .listTitle: "Danh sách các mô hình, điển hình được chọn"
        case .listNote:
            "Số thứ tự là số chương trong sách. Điểm là điểm tổng hợp của vòng chọn cuối; "
                + "“Biên tập” đánh dấu các bài in theo bản đã được biên tập lại."
        case .listCaption: "Các bài được chọn"
        case .listNumber: "STT"
        case .listID: "Mã"
        case .listName: "Tên"
        case .listField: "Lĩnh vực"
        case .listScore: "Điểm"
        case .listReviews: "Số phiếu"
        case .listEdited: "Biên tập"
        case .editedMark: "có"
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
        case .kind: "Kind"
        case .unit: "Unit"
        case .district: "District"
        case .period: "Carried out"
        case .person: "Person"
        case .people: "People"
        case .endorsedOn: "Endorsed by {by} ({level}) on {date}."
        case .preface: "Preface"
        case .indicator: "Indicator"
        case .before: "Before"
        case .after: "After"
        case .districtIndex: "Index of districts"
        case .unitIndex: "Index of units"
        case .listTitle: "The selected models and examples"
        case .listNote:
            "The number is the chapter number in the book. The score is the combined score of the last round; "
                + "“Edited” marks the entries printed in their edited version."
        case .listCaption: "The selected entries"
        case .listNumber: "No."
        case .listID: "Id"
        case .listName: "Title"
        case .listField: "Field"
        case .listScore: "Score"
        case .listReviews: "Reviews"
        case .listEdited: "Edited"
        case .editedMark: "yes"
        }
    }
}
