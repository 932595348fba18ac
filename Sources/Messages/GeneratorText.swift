/// What `modelbook generate` and `modelbook init` say about the folders they write.
public enum GeneratorText: String, Catalogue {
    public static let domain = "generate"

    case submissionsOutOfRange = "submissions-out-of-range"
    case reviewersOutOfRange = "reviewers-out-of-range"
    case reviewsPerSubmissionTooFew = "reviews-per-submission-too-few"
    case serialNumbersExhausted = "serial-numbers-exhausted"
    case cannotWrite = "cannot-write"
    case notAFolder = "not-a-folder"
    case folderNotEmpty = "folder-not-empty"
    case summary

    public var vietnamese: String {
        switch self {
        case .submissionsOutOfRange: "số hồ sơ phải từ 1 đến 100.000 (đã cho {n})"
        case .reviewersOutOfRange: "số thành viên hội đồng chấm phải từ 3 đến 999 (đã cho {n})"
        case .reviewsPerSubmissionTooFew: "mỗi hồ sơ phải có ít nhất 1 phiếu chấm"
        case .serialNumbersExhausted: "quá nhiều hồ sơ trong một năm so với số thứ tự có thể đánh"
        case .cannotWrite: "không ghi được {path}: {reason}"
        case .notAFolder: "{path} đã có và không phải là thư mục"
        case .folderNotEmpty: "{path} không trống ({n} mục); hãy chọn một thư mục mới hoặc trống"
        case .summary:
            "{files} tệp: {submissions} hồ sơ ({ineligible} không đủ điều kiện), {sheets} phiếu chấm tổng hợp "
                + "({reviews} lượt chấm, {conflicts} trường hợp tự khai xung đột lợi ích), {attachments} tệp đính kèm, "
                + "{edits} bản biên tập, {configuration} tệp cấu hình và phần đầu sách; số được chọn vào sách {final}"
        }
    }

    public var english: String {
        switch self {
        case .submissionsOutOfRange: "submissions must be between 1 and 100000 (got {n})"
        case .reviewersOutOfRange: "reviewers must be between 3 and 999 (got {n})"
        case .reviewsPerSubmissionTooFew: "reviews per submission must be at least 1"
        case .serialNumbersExhausted: "too many submissions in one year for the serial numbers"
        case .cannotWrite: "cannot write {path}: {reason}"
        case .notAFolder: "{path} exists and is not a folder"
        case .folderNotEmpty: "{path} is not empty ({n} {n|entry|entries}); choose a new or empty folder"
        case .summary:
            "{files} files: {submissions} submissions ({ineligible} ineligible), {sheets} review sheets "
                + "({reviews} reviews, {conflicts} declared conflicts), {attachments} attachments, "
                + "{edits} edits, {configuration} configuration and front-matter files; final count {final}"
        }
    }
}
