import ManuscriptModel
import Messages

/// Chapters written by an earlier build, found by what they were written from (`Book.Entry`'s
/// `chapterSource`): the writers take a chapter from here when its source is the same, and keep
/// every chapter they write anew. The build's implementation keeps them in `<out>/.cache/`.
public protocol ChapterCache: Sendable {
    /// The chapter written earlier from exactly `source`, if it is kept (and whole).
    func chapter(for source: [UInt8]) -> [UInt8]?
    /// Keeps a chapter written from `source`.
    func keep(_ chapter: [UInt8], for source: [UInt8])
}

extension Book.Entry {
    /// What the chapter of this entry is written from, as bytes, for the format (`docbook`, or
    /// `text` with its width): every stored property, in `BinaryCoding`'s form, except what the
    /// chapter does not print:
    /// - `selection` (score, rank, reviews counted), printed only in the appendices, which are
    ///   written every time; leaving it out keeps a chapter when a new review moves every score;
    /// - `number`, in DocBook only: DocBook numbers chapters itself, the plain text prints it.
    /// `ChapterSourceTests` changes exactly these and checks that the chapters stay the same, and
    /// lists the properties, so a property added to the entry fails there until it is written here.
    public func chapterSource(format: String, width: Int = 0, words: Language) -> [UInt8] {
        var w = BinaryWriter(capacity: 8192)
        w.string(format)
        w.int(width)
        w.string(words.rawValue)
        w.string(id)
        if format != "docbook" { w.int(number) }
        w.string(submission)
        w.string(kind.rawValue)
        w.write(title)
        w.string(field.code)
        w.string(field.name)
        w.write(unit)
        w.string(district.code)
        w.string(district.name)
        w.write(period)
        w.write(people)
        w.write(summary)
        w.write(body)
        w.write(results.map { Block.table($0) })
        w.write(endorsement)
        w.unsigned(UInt64(attachmentCaptions.count))
        for (href, caption) in attachmentCaptions.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            w.string(href)
            w.write(caption)
        }
        w.bool(edited)
        return w.bytes
    }
}
