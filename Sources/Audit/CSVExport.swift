import Selection
import ManuscriptModel

/// The three CSV exports, each an `AuditTable` (columns in `AuditTables`). RFC 4180 (CRLF line
/// ends; a field with a comma, quote or line break is quoted, quotes doubled), UTF-8 with a BOM
/// so LibreOffice and Excel detect the encoding. Numbers are written exactly (shortest text that reads back as the same Double).
public enum CSVExport {
    static let bom = "\u{FEFF}"

    static func field(_ s: String) -> String {
        let needsQuotes = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func number(_ x: Double?) -> String { x.map(Format.exact) ?? "" }
    static func number(_ n: Int?) -> String { n.map(String.init) ?? "" }

    /// One row per review and criterion.
    public static func reviews(_ r: AuditReport) -> String { AuditTables.reviews(RenderContext(r)).csv }

    /// One row per candidate (by id) with every figure of the candidates table and each round's result.
    public static func candidates(_ r: AuditReport) -> String { AuditTables.candidates(RenderContext(r)).csv }

    /// The book's entries in book order (see `AuditReport.selectionInBookOrder`).
    public static func selection(_ r: AuditReport) -> String { AuditTables.selection(RenderContext(r)).csv }
}
