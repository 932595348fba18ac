import BookWriter
import Foundation
import XMLKit

/// Validating a large DocBook book on both cores.
///
/// DocBook 5's schema accepts a `part` as a document of its own. So a large book is first
/// validated as pieces, in parallel: each part alone, and the book with every part replaced by a
/// one-line stand-in that holds the part's `xml:id`s (as empty chapters), so the indexes'
/// `linkends` and any duplicate id across parts are still checked. Every piece keeps the lines
/// it has in book.xml. When all pieces are valid, so is the book: the schema pass sees every
/// element in its context, and every id and reference is checked in some piece. When any piece
/// is not (which includes a part referring to an id outside it), the whole document is validated
/// at once, and its errors are the ones reported.
enum DocBookValidation {
    /// Below this size the whole document is validated at once.
    static let splitThreshold = 4 * 1_048_576

    static func problems(_ bytes: [UInt8], parts: [Range<Int>], schema: RelaxNGSchema,
                         splitAbove threshold: Int = splitThreshold) -> [XMLProblem] {
        guard bytes.count >= threshold, !parts.isEmpty, parts.allSatisfy({ isPart(bytes, $0) }) else {
            return validate(bytes, schema: schema)
        }
        let pieces: [[UInt8]] = [skeleton(bytes, without: parts)] + parts.map { standalone(bytes, part: $0) }
        let results = ResultSlots(count: pieces.count)
        // Largest first, so the two workers finish together.
        let order = pieces.indices.sorted { pieces[$0].count > pieces[$1].count }
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while let k = next.take(limit: order.count) {
                let i = order[k]
                results.set(i, validate(pieces[i], schema: schema))
            }
        }
        if results.all.allSatisfy(\.isEmpty) { return [] }
        return validate(bytes, schema: schema)
    }

    static func validate(_ bytes: [UInt8], schema: RelaxNGSchema) -> [XMLProblem] {
        do {
            let document = try XMLDocument.parse(bytes, limits: ParseLimits(maxBytes: max(bytes.count + 1, 16 * 1_048_576)))
            return schema.validate(document).filter { $0.severity == .error }
        } catch {
            return error.problems
        }
    }

    static func isPart(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        range.lowerBound >= 0 && range.upperBound <= bytes.count
            && bytes[range].starts(with: Array("<part".utf8)) && bytes[range].reversed().starts(with: Array("</part>".utf8).reversed())
    }

    /// The document with each part replaced by a stand-in with the same ids, then the newlines
    /// the part held.
    static func skeleton(_ bytes: [UInt8], without parts: [Range<Int>]) -> [UInt8] {
        standIns(bytes, replacing: parts) { ids in
            var stub = "<part"
            if let first = ids.first { stub += " xml:id=\"\(first)\"" }
            stub += "><title>-</title>"
            for id in ids.dropFirst() { stub += "<chapter xml:id=\"\(id)\"><title>-</title><para/></chapter>" }
            if ids.count < 2 { stub += "<chapter><title>-</title><para/></chapter>" }
            return stub + "</part>"
        }
    }

    /// `bytes` with each of `ranges` replaced by the stand-in `stub` makes of the `xml:id`s it held,
    /// followed by the newlines it held (so what follows keeps its line).
    private static func standIns(_ bytes: [UInt8], replacing ranges: [Range<Int>], stub: ([String]) -> String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - ranges.reduce(0) { $0 + $1.count } + ranges.count * 80)
        var at = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            out += bytes[at..<range.lowerBound]
            out += Array(stub(xmlIDs(bytes[range])).utf8)
            out += bytes[range].filter { $0 == 0x0A }
            at = range.upperBound
        }
        out += bytes[at...]
        return out
    }

    /// Where the book's start tag is (`<book` to its `>`); empty when there is none.
    static func bookStartTag(_ bytes: [UInt8]) -> Range<Int> {
        let open = Array("<book".utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: open) }),
              let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return 0..<0 }
        return start..<(end + 1)
    }

    /// The document with each of `chapters` (byte ranges of `bytes`) replaced by an empty chapter
    /// holding its `xml:id`s, then the newlines it held, so everything else keeps its line in
    /// book.xml: the book's frame, indexes and appendices, and the chapters left in full.
    static func reduced(_ bytes: [UInt8], replacing chapters: [Range<Int>]) -> [UInt8] {
        standIns(bytes, replacing: chapters) { ids in
            var stub = "<chapter"
            if let first = ids.first { stub += " xml:id=\"\(first)\"" }
            stub += "><title>-</title><para/>"
            for id in ids.dropFirst() { stub += "<para xml:id=\"\(id)\"/>" }
            return stub + "</chapter>"
        }
    }

    /// The values of every `xml:id` attribute in well-formed XML, in document order: read only
    /// inside tags (between `<` and `>`, minding quoted values), never in text or comments.
    static func xmlIDs(_ slice: ArraySlice<UInt8>) -> [String] {
        slice.withUnsafeBufferPointer { xmlIDs(in: $0) }
    }

    private static func xmlIDs(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        guard let base = bytes.baseAddress else { return [] }
        let end = bytes.count
        func at(_ i: Int, _ pattern: StaticString) -> Bool {
            let n = pattern.utf8CodeUnitCount
            return i + n <= end && memcmp(base + i, pattern.utf8Start, n) == 0
        }
        var ids: [String] = []
        var i = 0
        while i < end {
            // The next tag.
            guard let lt = memchr(base + i, Int32(UInt8(ascii: "<")), end - i) else { break }
            i = base.distance(to: lt.assumingMemoryBound(to: UInt8.self)) + 1
            guard i < end else { break }
            if bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "?") {
                // Comment, CDATA or processing instruction: skip to its end.
                let close: StaticString = at(i, "!--") ? "-->" : at(i, "![CDATA[") ? "]]>" : "?>"
                while i < end, !at(i, close) { i += 1 }
                i += close.utf8CodeUnitCount
                continue
            }
            // A tag: attributes until the unquoted `>`.
            var quote: UInt8? = nil
            while i < end {
                let b = bytes[i]
                if let q = quote {
                    if b == q { quote = nil }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: ">") {
                    break
                } else if (b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D), at(i + 1, "xml:id") {
                    var j = i + 1 + 6
                    while j < end, bytes[j] == 0x20 { j += 1 }
                    if j < end, bytes[j] == UInt8(ascii: "=") {
                        j += 1
                        while j < end, bytes[j] == 0x20 { j += 1 }
                        if j < end, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                            let q = bytes[j]
                            let start = j + 1
                            var k = start
                            while k < end, bytes[k] != q { k += 1 }
                            ids.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self))
                            i = k
                        }
                    }
                }
                i += 1
            }
            i += 1
        }
        return ids
    }

    /// One part as a document of its own, on the lines it has in the book.
    static func standalone(_ bytes: [UInt8], part range: Range<Int>) -> [UInt8] {
        let lines = bytes[..<range.lowerBound].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        var out = [UInt8](repeating: 0x0A, count: lines)
        out.reserveCapacity(lines + range.count + 128)
        let name = "<part".utf8.count
        out += bytes[range.lowerBound..<(range.lowerBound + name)]
        out += Array(" xmlns=\"\(DocBookWriter.namespace)\" xmlns:xlink=\"\(DocBookWriter.xlinkNamespace)\" version=\"5.0\"".utf8)
        out += bytes[(range.lowerBound + name)..<range.upperBound]
        out.append(0x0A)
        return out
    }
}

/// Results written by index from several threads.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[XMLProblem]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [XMLProblem]) { lock.withLock { slots[i] = value } }
    var all: [[XMLProblem]] { lock.withLock { slots } }
}

/// The next index to work on, shared by the workers.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
