import ManuscriptModel
import XMLKit

/// The body's word count without the body, for commands that drop the text after reading
/// (`ReadOptions.keepsText` off: check, select, verify, explain). Mapping the body only to count
/// its words and drop it was a fifth of what `check` spent on its own at 10,000 submissions.
///
/// These walks visit exactly the elements `blocks` and `inline` map, in the same order, and
/// collect the same figures and links; they count each text node's words as `WordCount` counts
/// the `.text` values the mapping would make: the character data between two element boundaries
/// is one node (a comment or an unknown element's tags do not split it, as they do not in
/// `inline`), and `em`, `strong`, `q`, `note` and `link` are nodes of their own. Collapsing
/// whitespace and NFC change no word boundary, so the counts are equal (`BodyWordsTests`).
extension Mapper {
    /// `WordCount.body(blocks(e))`, without making a string.
    func bodyWords(_ e: XMLElement?) -> Int {
        guard let e else { return 0 }
        return childBlockWords(e)
    }

    /// `WordCount` of `inline(e)`, without making a string; the links are collected.
    func inlineWords(_ e: XMLElement?) -> Int {
        guard let e else { return 0 }
        var run = WordCount.Tokens()
        inlineWords(e, into: &run)
        return run.count
    }

    private func inlineWords(_ e: XMLElement, into run: inout WordCount.Tokens) {
        e.forEachPiece { piece in
            switch piece {
            case .text(let bytes):
                run.add(bytes)
            case .element(let c):
                if c.isNamed("em") || c.isNamed("strong") || c.isNamed("q") || c.isNamed("note") {
                    run.add(count: inlineWords(c))
                } else if c.isNamed("link") {
                    links.append(Located(value: token(c, "href") ?? "", at: loc(c, "href")))
                    run.add(count: inlineWords(c))
                } else {
                    inlineWords(c, into: &run)  // unknown markup: its text flows on, as in `inline`
                }
            }
        }
    }

    private func childBlockWords(_ e: XMLElement, skippingTitle: Bool = false) -> Int {
        var n = 0
        e.forEachElement { c in
            if skippingTitle, c.isNamed("title") { return }
            n += blockWords(c)
        }
        return n
    }

    private func blockWords(_ e: XMLElement) -> Int {
        if e.isNamed("p") {
            return inlineWords(e)
        }
        if e.isNamed("section") {
            return inlineWords(e.element(named: "title")) + childBlockWords(e, skippingTitle: true)
        }
        if e.isNamed("list") {
            var n = 0
            for item in e.elements(named: "item") {
                var hasBlock = false
                item.forEachElement { if !hasBlock, isBlock($0) { hasBlock = true } }
                n += hasBlock ? childBlockWords(item) : inlineWords(item)
            }
            return n
        }
        if e.isNamed("quote") {
            return childBlockWords(e)
        }
        if e.isNamed("table") {
            // `block` maps the rows before the caption: the links are collected in that order.
            var n = 0
            for row in e.elements(named: "row") {
                for cell in row.elements(named: "cell") { n += inlineWords(cell) }
            }
            return n + inlineWords(e.element(named: "caption"))
        }
        if e.isNamed("figure") {
            figures.append(Located(value: token(e, "ref") ?? "", at: loc(e, "ref")))
            return inlineWords(e.element(named: "caption"))
        }
        return 0
    }
}
