/// A table of the audit as one value: its columns (a header and how each row fills the cell) and
/// its rows. The same value is written as a CSV (`AuditTable+CSV.swift`), so a column is defined
/// in one place.
struct AuditTable<Row> {
    struct Column {
        /// The CSV header of the column.
        var header: String
        /// The cell of one row, as the CSV writes it.
        var cell: (Row) -> String
    }

    var columns: [Column]
    var rows: [Row]
}
