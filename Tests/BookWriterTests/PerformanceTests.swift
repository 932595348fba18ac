import Foundation
import Testing
import ManuscriptModel
@testable import BookWriter
@testable import Pipeline

/// Not a test: `BOOK_PERF=1 swift test -c release --filter PerformanceTests` times the DocBook and
/// text steps of a 10,000-entry book (everything selected) and leaves book.xml in
/// $TMPDIR/modelbook-perf/ for comparing with `pandoc -f docbook -t plain`.
@Suite struct PerformanceTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BOOK_PERF"] == "1", "set BOOK_PERF=1 to time a 10,000-entry book"))
    func tenThousandEntries() throws {
        let count = Int(ProcessInfo.processInfo.environment["BOOK_PERF_ENTRIES"] ?? "") ?? 10_000
        var manuscript = Sample.manuscript
        manuscript.edits = [:]
        let words = ["Ban", "Dân", "vận", "xã", "đã", "phối", "hợp", "với", "các", "đoàn", "thể", "vận", "động", "nhân",
                     "dân", "hiến", "đất", "làm", "đường", "giao", "thông", "nông", "thôn", "và", "xây", "dựng", "nhà",
                     "văn", "hóa", "ở", "từng", "thôn,", "kết", "quả", "được", "người", "dân", "đồng", "tình", "ủng", "hộ."]
        func sentence(_ seed: Int, _ n: Int) -> String {
            (0..<n).map { words[(seed &* 31 &+ $0 &* 7) % words.count] }.joined(separator: " ")
        }
        var submissions: [Submission] = []
        var entries: [BookSelection.Entry] = []
        let districtCodes = manuscript.districts.map(\.code)
        for i in 0..<count {
            let id = "NB-2024-" + String(i + 100_000)
            let body: [Block] = (0..<3).map { s in
                .section(Section(title: [.text("Mục \(s + 1): " + sentence(i + s, 5))], blocks: [
                    .paragraph([.text(sentence(i + s, 60)), .note([.text(sentence(i, 8))])]),
                    .paragraph([.text(sentence(i + 2 * s, 50)), .emphasis([.text(sentence(s, 4))])]),
                    .list(ListBlock(type: .bullet, items: [[.paragraph([.text(sentence(i, 12))])], [.paragraph([.text(sentence(s, 10))])]])),
                ]))
            }
            submissions.append(Sample.submission(
                id, kind: i % 3 == 0 ? .example : .model, title: [.text("Mô hình " + sentence(i, 8))],
                field: manuscript.fields[i % 3].code, unit: "Ủy ban nhân dân xã số \(i % 3000)",
                district: districtCodes[i % districtCodes.count],
                people: [Person(role: .lead, name: "Nguyễn Văn An")], summary: [.text(sentence(i, 30))], body: body,
                results: [Sample.indicator("k", "Số hộ", unit: "hộ", value: "\(i)", baseline: "\(i / 2)")],
                endorsement: Endorsement(by: "Ban Chỉ đạo huyện", level: "district", date: CalendarDate(year: 2024, month: 4, day: 2))))
            entries.append(.init(submission: id, rank: i + 1, score: 9 - Double(i) / Double(count), rawMean: 8, countedReviews: 3))
        }
        manuscript.submissions = submissions
        var selection = Sample.selection
        selection.entries = entries

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("modelbook-perf").path
        let clock = ContinuousClock()
        var book: Book!
        let modelTime = try clock.measure { book = try Book(manuscript: manuscript, selection: selection) }
        let build = BookBuild(formats: [.docbook, .text], outputDirectory: out, width: 72) { print($0) }
        var report: BookBuild.Report!
        let writeTime = try clock.measure { report = try build.write(book, manuscript: manuscript) }
        #expect(report.succeeded)
        let size = (try? FileManager.default.attributesOfItem(atPath: out + "/book.xml")[.size] as? Int) ?? 0
        print("PERF entries=\(count) model=\(modelTime) docbook+validate+text=\(writeTime) book.xml=\(size) bytes at \(out)")
        let docbookOnly = clock.measure { _ = DocBookWriter.write(book) }
        let textOnly = clock.measure { _ = PlainTextRenderer().render(book) }
        print("PERF docbook-writer=\(docbookOnly) text-renderer=\(textOnly)")
    }
}
