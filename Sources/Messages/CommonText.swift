/// Words shared by every part of the program: how findings are labelled, yes and no.
public enum CommonText: String, Catalogue {
    public static let domain = "common"

    case error
    case warning
    case note
    case yes
    case no

    public var vietnamese: String {
        switch self {
        case .error: "lỗi"
        case .warning: "cảnh báo"
        case .note: "ghi chú"
        case .yes: "có"
        case .no: "không"
        }
    }

    public var english: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        case .yes: "yes"
        case .no: "no"
        }
    }
}
