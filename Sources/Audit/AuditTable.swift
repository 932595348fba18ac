import Messages

/// A table of the audit as one value: its columns and its rows. The same value is written as a
/// page table (`AuditTable+HTML.swift`) and as a CSV (`AuditTable+CSV.swift`), so a column is
/// defined in one place. A column may be in the CSV only (figures too fine for the page) or on
/// the page only (a gauge, a link).
struct AuditTable<Row> {
    struct Column {
        /// The column in the CSV: its header and the exact text of a row's cell.
        var csv: (header: String, cell: (Row) -> String)?
        /// The column on the page: its heading and a row's cell.
        var page: (heading: Heading, cell: (Row) -> Cell)?

        /// A column of the CSV only.
        init(header: String, _ cell: @escaping (Row) -> String) {
            csv = (header, cell)
        }

        /// A column of the page only.
        init(heading: Heading, _ cell: @escaping (Row) -> Cell) {
            page = (heading, cell)
        }

        /// A column of both, read the same way twice.
        init(header: String, _ csvCell: @escaping (Row) -> String, heading: Heading, _ cell: @escaping (Row) -> Cell) {
            csv = (header, csvCell)
            page = (heading, cell)
        }
    }

    /// A column's heading on the page (`<th>`).
    struct Heading: ExpressibleByStringLiteral {
        var text: String
        var `class`: String?
        var title: String?

        init(_ text: String, class: String? = nil, title: String? = nil) {
            self.text = text
            self.class = `class`
            self.title = title
        }
        init(stringLiteral text: String) { self.init(text) }

        /// A figure: right-aligned.
        static func number(_ text: String, title: String? = nil) -> Heading { Heading(text, class: "n", title: title) }

        /// A heading from the catalogue (`Language.current`); `title` explains it on hover.
        static func text(_ key: AuditText, title: AuditText? = nil) -> Heading { Heading(key.text, title: title?.text) }

        /// A figure's heading from the catalogue: right-aligned.
        static func number(_ key: AuditText, title: AuditText? = nil) -> Heading {
            Heading(key.text, class: "n", title: title?.text)
        }
    }

    /// A cell on the page (`<td>`); `sortKey` is what a sortable table sorts by when the text is not it.
    struct Cell {
        var content: HTML
        var `class`: String?
        var title: String?
        var sortKey: String?

        init(_ content: HTML, class: String? = nil, title: String? = nil, sortKey: String? = nil) {
            self.content = content
            self.class = `class`
            self.title = title
            self.sortKey = sortKey
        }

        /// A count, the reader's way (`1.234`), sorted by its value.
        static func count(_ n: Int) -> Cell { Cell("\(n)", class: "n", sortKey: String(n)) }

        /// A figure with `digits` decimals, the reader's way (`7,250`), sorted by its exact value; `—` when missing.
        static func figure(_ x: Double?, _ digits: Int = 3, missing: String = "—") -> Cell {
            Cell("\(Format.number(x, digits, missing: missing))", class: "n", sortKey: x.map(Format.exact) ?? "")
        }
    }

    /// How the table sits on the page: its `class` and `id`, whether it scrolls sideways, and
    /// the attributes of each row (`data-…` for the filters, `class` for a muted row).
    struct Page {
        var `class`: String?
        var id: String?
        var scrolls = false
        var rowAttributes: (Row) -> HTML = { _ in .empty }
        var lineBreaks = LineBreaks.afterHead
        /// A last row of its own shape (what the rows leave out), written as is.
        var summary: HTML = .empty
    }

    /// Where the table's HTML breaks lines (it reads the same either way; the pages keep theirs).
    enum LineBreaks { case none, afterHead, afterHeadAndRows }

    var columns: [Column]
    var rows: [Row]
    var page = Page()
}
