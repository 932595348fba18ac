import Foundation
import ManuscriptReader

/// The figures a build left in `<out>/images/`, as `<out>/.cache/images.list`: for each, the
/// digest of the attachment it was copied from and what `stat` said of the copy once it was in
/// place (device, inode, size, modification time). A rebuild keeps a figure where it is when its
/// attachment has the same digest and the copy the same stamp; any other figure is copied anew.
/// Like `make`, it trusts a file that nobody changed since (a change moves its modification
/// time); deleting the list, or `--no-cache`, copies every figure.
struct InstalledImages {
    static let fileName = "images.list"

    struct Stamp: Hashable {
        var digest: String
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
    }

    var stamps: [String: Stamp] = [:]

    /// The list in `cacheFolder`, empty when it is absent or unreadable (every line must parse).
    static func load(cacheFolder: String) -> InstalledImages {
        guard let text = try? String(contentsOfFile: cacheFolder + "/" + fileName, encoding: .utf8) else { return InstalledImages() }
        var out = InstalledImages()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 7, let device = UInt64(f[2]), let inode = UInt64(f[3]), let size = Int64(f[4]),
                  let modified = Int64(f[5]), let nanoseconds = Int64(f[6]) else { return InstalledImages() }
            out.stamps[String(f[0])] = Stamp(digest: String(f[1]), device: device, inode: inode, size: size,
                                             modified: modified, modifiedNanoseconds: nanoseconds)
        }
        return out
    }

    /// The stamp of the file at `path` for an attachment of `digest`; nil when it is not a regular file.
    static func stamp(_ path: String, digest: String) -> Stamp? {
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return Stamp(digest: digest, device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                     modified: Int64(st.st_mtim.tv_sec), modifiedNanoseconds: Int64(st.st_mtim.tv_nsec))
    }

    /// Whether the figure `ref` in `imagesFolder` is still the copy of an attachment of `digest`.
    func holds(_ ref: String, digest: String, in imagesFolder: String) -> Bool {
        guard let old = stamps[ref], old.digest == digest else { return false }
        return Self.stamp(imagesFolder + "/" + ref, digest: digest) == old
    }

    /// Writes the list (a temporary file renamed into place); a failure only costs the next build time.
    func save(cacheFolder: String) {
        // A line per figure: its path under images/, the attachment's digest, the copy's stamp.
        var text = ""
        for (ref, s) in stamps.sorted(by: { $0.key < $1.key }) {
            text += "\(ref)\t\(s.digest)\t\(s.device)\t\(s.inode)\t\(s.size)\t\(s.modified)\t\(s.modifiedNanoseconds)\n"
        }
        try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        let path = cacheFolder + "/" + Self.fileName
        let temp = path + ".tmp-\(getpid())"
        if PlainFile.write(text, to: temp), rename(temp, path) == 0 { return }
        unlink(temp)
    }
}
