import Desk
import Foundation
import ManuscriptModel
import Testing

@Suite struct SubmissionViewTests {
    /// The desk shows an entry's text through the book's own HTML walker: figures point at the desk's
    /// attachment route, footnotes of the summary and the body are listed once, after the body.
    @Test("a submission's text on the desk: figures from the desk's route, every footnote reference listed once")
    func textThroughTheBooksWalker() throws {
        let corpus = try Corpus.make("view", submissions: 60)
        defer { corpus.remove() }
        let m = corpus.manuscript
        var figures = 0
        for s in m.submissions {
            let view = SubmissionView(s, manuscript: m)
            let page = view.summaryHTML + view.bodyHTML
            #expect(!view.summaryHTML.contains("<ol class=\"notes\">"), "\(s.id): the summary lists its notes itself")
            let referenced = Set(page.matches(of: /href="#note-(\d+)"/).map { String($0.1) })
            let listed = page.matches(of: /<li id="note-(\d+)">/).map { String($0.1) }
            #expect(Set(listed) == referenced && listed.count == referenced.count, "\(s.id): notes \(referenced) listed as \(listed)")
            let sources = page.matches(of: /<img src="([^"]*)"/).map { String($0.1) }
            figures += sources.count
            for src in sources {
                #expect(src.hasPrefix("/attachments/\(s.id)/"), "\(s.id): \(src)")
            }
            #expect(!page.contains("images/"), "\(s.id): a figure points at the book's images folder")
        }
        #expect(figures > 0, "the generated corpus should have figures to check")
    }
}
