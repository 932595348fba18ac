import Foundation
import Messages

/// The files modelbook wrote in an output folder, kept in the folder as `.modelbook-manifest`
/// (one path a line, relative to the folder). Only those files are ever replaced or removed; any
/// other file there is foreign: it is left alone, named in a warning, and an output that would
/// take its name is not written.
public struct OutputManifest {
    public static let fileName = ".modelbook-manifest"
    /// The output folder (absolute).
    public let folder: String
    /// The files modelbook wrote there, relative to the folder.
    public private(set) var owned: Set<String>

    /// Reads the folder's manifest. A folder without one (made by an earlier version) owns
    /// nothing, except the files under `adopting` (top-level names) that exist: pass the known
    /// output names only for the default output folder, which earlier versions wrote.
    public init(folder: String, adopting: [String] = []) {
        self.folder = folder
        if let text = try? String(contentsOfFile: folder + "/" + Self.fileName, encoding: .utf8) {
            owned = Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init))
        } else {
            owned = Set(adopting.flatMap { Self.files(under: folder, $0) })
        }
    }

    /// Moves the staged `items` (top-level names, files or folders, relative to `staging`) into
    /// the folder, file by file (each by `rename`), removes the files of an earlier output of
    /// those items that the new one no longer has, and records the result in the manifest.
    /// Throws, having moved nothing, when a file modelbook did not write is in the way.
    /// Files under `keeping` (relative to the folder) are an earlier output's that the new one
    /// still has, left in place: they are neither moved nor removed.
    public mutating func install(from staging: String, items: [String], keeping: Set<String> = []) throws {
        let new = items.flatMap { Self.files(under: staging, $0) }
        if let blocked = new.lazy.compactMap(blocker).first {
            throw PipelineError(step: CommandText.stepInstallFiles.text, path: display(folder + "/" + blocked),
                                message: CommandText.blockedOutput.text)
        }
        for file in new {
            let target = folder + "/" + file
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            guard rename(staging + "/" + file, target) == 0 else {
                throw PipelineError(step: CommandText.stepInstallFiles.text, path: display(target),
                                    message: CommandText.cannotMoveOutput.text(["reason": .text(String(cString: strerror(errno)))]))
            }
            owned.insert(file)
        }
        let newSet = Set(new).union(keeping)
        let stale = owned.filter { file in !newSet.contains(file) && items.contains { file == $0 || file.hasPrefix($0 + "/") } }
        for file in stale.sorted(by: >) {
            unlink(folder + "/" + file)
            owned.remove(file)
            // Folders left empty go too; a folder that still holds a foreign file stays.
            var dir = (file as NSString).deletingLastPathComponent
            while !dir.isEmpty, rmdir(folder + "/" + dir) == 0 { dir = (dir as NSString).deletingLastPathComponent }
        }
        try save()
    }

    /// The foreign entries of the folder (relative paths): not written by modelbook, not hidden
    /// (the manifest, staging folders, a .gitkeep), and not another output folder of modelbook
    /// with its own manifest (the audit report inside the build folder).
    public func foreign() -> [String] {
        var dirs: Set<String> = []
        for file in owned {
            var d = (file as NSString).deletingLastPathComponent
            while !d.isEmpty { dirs.insert(d); d = (d as NSString).deletingLastPathComponent }
        }
        var out: [String] = []
        func walk(_ rel: String) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: rel.isEmpty ? folder : folder + "/" + rel)) ?? []
            for name in names.sorted() {
                let path = rel.isEmpty ? name : rel + "/" + name
                // Hidden files (the manifest, staging folders, a .gitkeep) are left alone without a word.
                if name.hasPrefix(".") { continue }
                if owned.contains(path) { continue }
                if isDirectory(path), dirs.contains(path) { walk(path); continue }
                if isDirectory(path), FileManager.default.fileExists(atPath: folder + "/" + path + "/" + Self.fileName) { continue }
                out.append(path)
            }
        }
        walk("")
        return out
    }

    /// One warning line per foreign entry (at most 20, then a count).
    public func warnAboutForeign(_ log: (String) -> Void) {
        let found = foreign()
        for path in found.prefix(20) {
            log(CommandText.foreignFile.text(["path": .text(display(folder + "/" + path)), "warning": .text(CommonText.warning.text)]))
        }
        if found.count > 20 {
            log(CommandText.foreignMore.text(["path": .text(display(folder)), "warning": .text(CommonText.warning.text),
                                              "count": .integer(found.count - 20)]))
        }
    }

    /// Writes the manifest (a temporary file renamed into place).
    public func save() throws {
        let text = "# Files written by modelbook in this folder; it replaces or removes only these.\n"
            + owned.sorted().joined(separator: "\n") + "\n"
        let path = folder + "/" + Self.fileName
        let temp = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8)), rename(temp, path) == 0 else {
            unlink(temp)
            throw PipelineError(step: CommandText.stepInstallFiles.text, path: display(path), message: CommandText.cannotWriteManifest.text)
        }
    }

    // MARK: Files

    /// The path (of `new`, or a folder on its way) that a foreign entry occupies, if any.
    private func blocker(_ file: String) -> String? {
        let parts = file.split(separator: "/")
        for i in 1...parts.count {
            let path = parts[0..<i].joined(separator: "/")
            var st = stat()
            guard lstat(folder + "/" + path, &st) == 0 else { return nil }
            let isLastPart = i == parts.count
            if isLastPart { return owned.contains(path) && st.st_mode & S_IFMT != S_IFDIR ? nil : path }
            // A folder on the way must be a real folder (not a link leading elsewhere).
            if st.st_mode & S_IFMT != S_IFDIR { return path }
        }
        return nil
    }

    private func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return lstat(folder + "/" + path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    /// Every file (not folder) at or under `name` in `base`, relative to `base`; links are listed, not followed.
    static func files(under base: String, _ name: String) -> [String] {
        var st = stat()
        guard lstat(base + "/" + name, &st) == 0 else { return [] }
        guard st.st_mode & S_IFMT == S_IFDIR else { return [name] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base + "/" + name)) ?? []
        return names.sorted().flatMap { files(under: base, name + "/" + $0) }
    }

    private func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

extension OutputManifest {
    /// Writes a set of files into an output folder the manifest's way: `stage` writes them into an
    /// empty staging folder (inside the output folder), then they are moved into place and the
    /// files of the previous output that are gone are removed. Foreign files are named by `log`
    /// and left alone. `adoptEarlier`: the folder is the default one, which earlier versions
    /// wrote without a manifest; its files under the new output's names are taken as modelbook's.
    public static func publish(into folder: String, adoptEarlier: Bool, log: (String) -> Void,
                               stage: (String) throws -> Void) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let staging = folder + "/.staging-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try stage(staging)
        let items = try FileManager.default.contentsOfDirectory(atPath: staging).sorted()
        var manifest = OutputManifest(folder: folder, adopting: adoptEarlier ? items : [])
        manifest.warnAboutForeign(log)
        try manifest.install(from: staging, items: items)
    }
}
