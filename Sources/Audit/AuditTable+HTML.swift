/// An audit table as a page `<table>`: the columns that are on the page, in order, every text
/// escaped. A sortable table's cells carry their sort key in `data-v`.
extension AuditTable {
    var html: HTML {
        let shown = columns.compactMap(\.page)
        var out: HTML = page.scrolls ? "<div class=\"scroll\">" : .empty
        out += "<table\(Self.attribute("class", page.class))\(Self.attribute("id", page.id))><thead><tr>"
        for (heading, _) in shown {
            out += "<th\(Self.attribute("class", heading.class))\(Self.attribute("title", heading.title))>\(heading.text)</th>"
        }
        out += page.lineBreaks == .none ? "</tr></thead><tbody>" : "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr\(page.rowAttributes(row))>"
            for (_, cell) in shown {
                let c = cell(row)
                out += "<td\(Self.attribute("class", c.class))\(Self.attribute("title", c.title))\(Self.attribute("data-v", c.sortKey))>\(c.content)</td>"
            }
            out += page.lineBreaks == .afterHeadAndRows ? "</tr>\n" : "</tr>"
        }
        out += page.summary
        out += "</tbody></table>"
        return page.scrolls ? out + "</div>" : out
    }

    private static func attribute(_ name: String, _ value: String?) -> HTML {
        value.map { " \(HTML(raw: name))=\"\($0)\"" } ?? .empty
    }
}
