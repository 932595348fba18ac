import Messages
import Testing
@testable import Audit

/// One table value, two renderings: each column lands where it says, text escaped, written out by hand.
@Suite struct AuditTableTests {
    typealias Row = (name: String, score: Double?)
    typealias Cell = AuditTable<Row>.Cell

    let table = AuditTable<Row>(columns: [
        .init(header: "name", { $0.name }, heading: "name") { Cell("\($0.name)", class: "id") },
        .init(header: "score_exact") { CSVExport.number($0.score) },
        .init(header: "score", { CSVExport.number($0.score) }, heading: .number("score", title: "out of 10")) {
            Cell("\(Format.number($0.score, 1))", class: "n", sortKey: $0.score.map(Format.exact) ?? "")
        },
        .init(heading: "") { _ in Cell("<b>!</b>") },
    ], rows: [("Hà <Nội>", 7.25), ("a,\"b\"", nil)])

    @Test func csvHasOnlyItsColumnsQuotedByRFC4180() {
        #expect(table.csv == "\u{FEFF}name,score_exact,score\r\nHà <Nội>,7.25,7.25\r\n\"a,\"\"b\"\"\",,\r\n")
    }

    /// The page writes the figure the reader's way; the CSV and the sort key keep the exact `7.25`.
    @Test(arguments: [(Language.vi, "7,3"), (Language.en, "7.3")])
    func htmlHasOnlyItsColumnsWithTextEscaped(language: Language, shown: String) {
        var t = table
        t.page = .init(class: "sortable", id: "t", scrolls: true, rowAttributes: { " data-n=\"\($0.name)\"" })
        let html = Language.$current.withValue(language) { t.html.description }
        #expect(html == """
        <div class="scroll"><table class="sortable" id="t"><thead><tr><th>name</th>\
        <th class="n" title="out of 10">score</th><th></th></tr></thead><tbody>
        <tr data-n="Hà &lt;Nội&gt;"><td class="id">Hà &lt;Nội&gt;</td><td class="n" data-v="7.25">\(shown)</td><td><b>!</b></td></tr>\
        <tr data-n="a,&quot;b&quot;"><td class="id">a,&quot;b&quot;</td><td class="n" data-v="">—</td><td><b>!</b></td></tr>\
        </tbody></table></div>
        """)
        #expect(Language.$current.withValue(language) { table.csv } == "\u{FEFF}name,score_exact,score\r\nHà <Nội>,7.25,7.25\r\n\"a,\"\"b\"\"\",,\r\n")
    }
}
