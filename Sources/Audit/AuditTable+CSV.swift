/// An audit table as RFC 4180 CSV (CRLF line ends; a field with a comma, quote or line break is
/// quoted, quotes doubled), UTF-8 with a BOM so LibreOffice and Excel detect the encoding. Only
/// the columns that are in the CSV, in order.
extension AuditTable {
    var csv: String {
        let written = columns.compactMap(\.csv)
        var out = CSVExport.bom
        out += written.map { CSVExport.field($0.header) }.joined(separator: ",") + "\r\n"
        for row in rows {
            out += written.map { CSVExport.field($0.cell(row)) }.joined(separator: ",") + "\r\n"
        }
        return out
    }
}
