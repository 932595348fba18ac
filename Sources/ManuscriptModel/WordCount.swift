/// Counting words as formats.md defines it, for the eligibility rule `min-body-words`.
public enum WordCount {
    /// Words in a body as formats.md counts them: the sum over every text node inside `body`
    /// (section titles, paragraphs, list items, quotes, table captions and cells, figure captions,
    /// footnotes, emphasis and link text included) of its whitespace-separated tokens.
    ///
    /// A text node is one `.text` value of the model. The reader stores the character data between
    /// two element boundaries as one `.text` (libxml2's pieces split by a comment or a CDATA
    /// section are merged), so `a<!-- -->b` is one node "ab" — one token — while `a<em>b</em>`
    /// is two nodes, two tokens. Whitespace is XML whitespace (space, tab, CR, LF): a no-break
    /// space joins the two words around it, as it does on the page.
    public static func body(_ blocks: [Block]) -> Int {
        var count = 0
        for block in blocks { count += words(block) }
        return count
    }

    private static func words(_ block: Block) -> Int {
        switch block {
        case .section(let s): return words(s.title) + body(s.blocks)
        case .paragraph(let inlines): return words(inlines)
        case .list(let l): return l.items.reduce(0) { $0 + body($1) }
        case .quote(let q): return body(q.blocks)
        case .table(let t):
            var n = t.caption.map(words) ?? 0
            for row in t.rows { for cell in row.cells { n += words(cell.content) } }
            return n
        case .figure(let f): return f.caption.map(words) ?? 0
        }
    }

    private static func words(_ inlines: [Inline]) -> Int {
        var n = 0
        for inline in inlines {
            switch inline {
            case .text(let s): n += tokens(s)
            case .emphasis(let c), .strong(let c), .quote(let c), .note(let c), .link(_, let c): n += words(c)
            }
        }
        return n
    }

    /// Whitespace-separated tokens of one text node (XML whitespace: space, tab, CR, LF).
    public static func tokens(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { bytes in
            var run = Tokens()
            run.add(bytes)
            return run.count
        }
    }

    /// Tokens counted piece by piece over one text node given in several pieces: a word that a
    /// piece ends and the next begins counts once. `endNode` starts a new node.
    public struct Tokens {
        public private(set) var count = 0
        private var inWord = false

        public init() {}

        public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress else { return }
            let n = bytes.count
            var i = 0
            // Eight bytes at a time: a word starts at each byte that is not white space and
            // follows one that is (or follows the end of the last word, `inWord` false).
            while i + 8 <= n {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let space = Self.bytesEqual(v, 0x20) | Self.bytesEqual(v, 0x09) | Self.bytesEqual(v, 0x0A) | Self.bytesEqual(v, 0x0D)
                let before = space << 8 | (inWord ? 0 : 0x80)
                count += ((0x8080_8080_8080_8080 & ~space) & before).nonzeroBitCount
                inWord = space >> 63 == 0
                i += 8
            }
            while i < n {
                let b = base[i]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
                i += 1
            }
        }

        /// The high bit of each byte of `v` that equals `byte` (exact: no carries between bytes).
        @inline(__always)
        private static func bytesEqual(_ v: UInt64, _ byte: UInt8) -> UInt64 {
            let t = v ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
            return ~(((t & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | t) & 0x8080_8080_8080_8080
        }

        /// The text node ends here (an element boundary): what follows is a new word.
        public mutating func endNode() { inWord = false }

        /// Adds words counted elsewhere (a nested node's), ending the current node.
        public mutating func add(count n: Int) {
            count += n
            inWord = false
        }
    }
}
