import ManuscriptModel
import XMLKit

/// Reads one file's bytes from memory exactly as `check` reads a file of a manuscript: parse,
/// schema, values and the checks made file by file (not those across files). For replaying
/// inputs in tests and for fuzzing the reader.
///
/// One reader per thread: it keeps its own compiled schemas, as each worker of `check` does.
public final class SingleFileReader {
    private let schemas = SchemaSet()
    private let layout: Layout
    private let attachmentDigests = DigestCache()

    /// `folder` is where attachments and DocBook fragments named by the file would be looked
    /// for; by default none are found.
    public init(folder: String = "/nonexistent-manuscript") {
        // Paths are shown relative to the folder, as when `check` runs inside it.
        layout = Layout(folder: folder, cwd: folder)
    }

    /// The findings for `bytes` read as a file of `format` (in `edits/` when `isEdit`). `name`
    /// is the file's name, for a submission or a score sheet (a submission's id must match it).
    public func findings(_ bytes: [UInt8], format: InputFormat, isEdit: Bool = false, name: String = "input.xml") -> [Finding] {
        let folder = switch format {
        case .submission: isEdit ? "edits/" : "submissions/"
        case .reviews: "reviews/"
        default: ""
        }
        let name = format == .submission || format == .reviews ? name : format.rawValue + ".xml"
        let job = ManuscriptReader.Job(relativePath: folder + name, format: format, isEdit: isEdit)
        let reader = FileReader(layout: layout, options: ReadOptions(workers: 1), schemas: schemas,
                                attachmentDigests: attachmentDigests)
        return reader.read(job, bytes: bytes).findings
    }

    /// The kinds of file a fuzzing input can be, by its first byte: `s` submission, `e` edited
    /// submission, `r` score sheet, `l` selection.xml, `b` book.xml, `d` districts.xml, `f`
    /// fields.xml, `u` rubric.xml, `v` reviewers.xml; any other byte picks one by its value.
    public static let tags: [(tag: UInt8, format: InputFormat, isEdit: Bool)] = [
        (UInt8(ascii: "s"), .submission, false), (UInt8(ascii: "e"), .submission, true),
        (UInt8(ascii: "r"), .reviews, false), (UInt8(ascii: "l"), .selection, false),
        (UInt8(ascii: "b"), .book, false), (UInt8(ascii: "d"), .districts, false),
        (UInt8(ascii: "f"), .fields, false), (UInt8(ascii: "u"), .rubric, false),
        (UInt8(ascii: "v"), .reviewers, false),
    ]

    /// The findings for a tagged input: the first byte names the kind of file (see `tags`), the
    /// rest is the file. An empty input is nothing to read.
    public func findings(tagged input: [UInt8]) -> [Finding] {
        guard let first = input.first else { return [] }
        let kind = Self.tags.first { $0.tag == first } ?? Self.tags[Int(first) % Self.tags.count]
        return findings(Array(input.dropFirst()), format: kind.format, isEdit: kind.isEdit)
    }
}
