import Foundation
import ManuscriptReader

/// The previous build's book.xml and book.txt, kept in `<out>/.cache/` as spares that the next
/// build writes its drafts over, in place, instead of into new files.
///
/// Why: a new 80 MB file needs 80 MB of fresh pages in the page cache, and on the virtual
/// machines the benchmarks run on, fresh pages cost more than writing the bytes (0.5 s against
/// 0.05 s for 70 MB, measured with `dd`); a spare's pages are already there. The drafts are still
/// written in the staging folder and moved into place only when their format succeeded, so a
/// failed build leaves the outputs as they were.
///
/// A spare is written over only while it is a plain file that nothing else links to: the link
/// `keep` makes is the only other one, and it is gone once the output is replaced. A hard link
/// someone made to an output therefore never sees its bytes change. Deleting the spares, like
/// all of `.cache`, is safe.
struct SpareOutputs {
    let cacheFolder: String

    func spare(_ name: String) -> String { cacheFolder + "/spare-" + name }

    /// Writes `text` to `path`, over the spare of `name` when there is a usable one (moved to
    /// `path` first), else into a new file. Returns whether the file was written.
    func write(_ text: String, name: String, to path: String) -> Bool {
        if reuse(spare(name), as: path) {
            var text = text
            let written = text.withUTF8 { overwrite(path, with: UnsafeRawBufferPointer($0)) }
            if written { return true }
            unlink(path)
        }
        return PlainFile.write(text, to: path)
    }

    /// Keeps the output at `installed`, about to be replaced, as the spare of `name`.
    func keep(_ installed: String, name: String) {
        let spare = spare(name)
        unlink(spare)
        var st = stat()
        guard lstat(installed, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_nlink == 1 else { return }
        try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        _ = link(installed, spare)
    }

    /// Moves the spare to `path` when it is a plain file linked nowhere else.
    private func reuse(_ spare: String, as path: String) -> Bool {
        var st = stat()
        guard lstat(spare, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_nlink == 1 else { return false }
        return rename(spare, path) == 0
    }

    /// Writes `bytes` over the file at `path` from its start and cuts it to their length, if it is
    /// still a plain file linked nowhere else when opened.
    private func overwrite(_ path: String, with bytes: UnsafeRawBufferPointer) -> Bool {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_nlink == 1 else {
            close(fd)
            return false
        }
        // Opened without O_APPEND or O_TRUNC: writing starts at the file's first byte.
        let written = PlainFile.writeAll(fd, bytes) && ftruncate(fd, off_t(bytes.count)) == 0
        return close(fd) == 0 && written
    }
}
