/// A strict RFC 4180 reader for the tests: it fails on anything the writer should never produce
/// (a quote inside an unquoted field, text after a closing quote, a bare LF as line end).
enum CSVParser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Rows of fields; the BOM, when present, is dropped first.
    static func parse(_ text: String) throws -> [[String]] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var i = 0
        var quoted = false
        var afterQuote = false
        func endField() { row.append(field); field = ""; afterQuote = false }
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 2; continue }
                    quoted = false
                    afterQuote = true
                } else {
                    field.unicodeScalars.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !afterQuote else { throw Failure(description: "stray quote in row \(rows.count + 1)") }
                quoted = true
            case ",":
                endField()
            case "\r":
                guard i + 1 < scalars.count, scalars[i + 1] == "\n" else { throw Failure(description: "CR without LF") }
                endField()
                rows.append(row)
                row = []
                i += 1
            case "\n":
                throw Failure(description: "bare LF line end in row \(rows.count + 1)")
            default:
                guard !afterQuote else { throw Failure(description: "text after closing quote in row \(rows.count + 1)") }
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        guard !quoted else { throw Failure(description: "unterminated quote") }
        guard field.isEmpty, row.isEmpty else { throw Failure(description: "last row lacks CRLF") }
        return rows
    }

    /// Rows as dictionaries keyed by the header row.
    static func records(_ text: String) throws -> (header: [String], rows: [[String: String]]) {
        let rows = try parse(text)
        guard let header = rows.first else { throw Failure(description: "no header") }
        var out: [[String: String]] = []
        for (n, r) in rows.dropFirst().enumerated() {
            guard r.count == header.count else {
                throw Failure(description: "row \(n + 2) has \(r.count) fields, the header \(header.count)")
            }
            out.append(Dictionary(uniqueKeysWithValues: zip(header, r)))
        }
        return (header, out)
    }
}
