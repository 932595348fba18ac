import Foundation
import ManuscriptReader

/// Writes a file of a build's staging folder with plain POSIX calls.
///
/// `FileManager.createFile` writes through a temporary file and flushes it to disk (`fsync`),
/// which at 10,000 figures cost more time than copying them. A staging folder does not need
/// that: it is new for every build, its files are moved into place only when the whole format
/// succeeded, and a draft lost in a power cut is rebuilt by the next run. Round records, the
/// output manifest and review sheets, which are the board's records, keep their durable writes.
enum StagedFile {
    /// Creates `path` (never through a link: the folder is the build's own) with `bytes`.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) -> Bool {
        PlainFile.write(bytes, to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        PlainFile.write(bytes, to: path)
    }

    static func write(_ text: String, to path: String) -> Bool {
        var text = text
        return text.withUTF8 { PlainFile.write(UnsafeRawBufferPointer($0), to: path) }
    }
}
