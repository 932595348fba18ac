import Foundation
import Messages
import ManuscriptReader

/// Where a command may write: never over the manuscript's sources.
///
/// Every command that writes files calls `confined` (an output folder of its own choosing, such
/// as `build --out`) or `formatFolder` (a folder the manuscript format defines for written files,
/// such as `rounds/`) before it writes anything. Paths are compared after resolving `..`, links
/// and trailing slashes; a part of the path that does not exist yet is taken as written.
public enum OutputFolder {
    /// The real path of `out`, when writing there cannot touch the manuscript: refused when it is
    /// the manuscript folder, contains it, or lies inside it (except in or below one of
    /// `allowedInside`, folder names relative to the manuscript, e.g. `["rounds"]`).
    public static func confined(out: String, manuscript: String, allowedInside: [String] = []) throws -> String {
        let real = resolve(out)
        let root = resolve(manuscript)
        let refuse = { (why: CommandText) in
            PipelineError(step: CommandText.stepOutputFolder.text, path: nil,
                          message: why.text(["out": .text(shown(out, real)), "manuscript": .text(shown(manuscript, root))]))
        }
        if real == root { throw refuse(.refuseIs) }
        if isBelow(root, real) { throw refuse(.refuseContains) }
        if isBelow(real, root) {
            let inside = String(real.dropFirst(root.count + 1))
            guard allowedInside.contains(where: { inside == $0 || isBelow(inside, $0) }) else {
                throw refuse(.refuseInside)
            }
        }
        return real
    }

    /// The real path of `manuscript/name`, a folder the format defines for files modelbook writes
    /// (`rounds/`): refused when it is a link leading anywhere else.
    public static func formatFolder(_ name: String, manuscript: String) throws -> String {
        let root = resolve(manuscript)
        let real = resolve(manuscript + "/" + name)
        guard real == root + "/" + name else {
            throw PipelineError(step: CommandText.stepOutputFolder.text, path: nil,
                                message: CommandText.refuseLink.text(["folder": .text(manuscript + "/" + name), "real": .text(real),
                                                                      "manuscript": .text(manuscript)]))
        }
        return real
    }

    /// An absolute path with `.`, `..` and links resolved as far as the path exists, and the
    /// rest (which does not exist yet) taken as written.
    public static func resolve(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var resolved = ""
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." {
                resolved = String(resolved[..<(resolved.lastIndex(of: "/") ?? resolved.startIndex)])
                continue
            }
            let next = resolved + "/" + part
            let real = ConfinedFile.realPath(next)
            resolved = real.map { $0 == "/" ? "" : $0 } ?? next
        }
        return resolved.isEmpty ? "/" : resolved
    }

    /// A path as given, followed by its real path when that says more.
    static func shown(_ given: String, _ real: String) -> String {
        given.hasPrefix("/") && resolve(given) == given ? given : "\(given) (\(real))"
    }

    /// Whether `path` lies strictly below `folder` (both resolved).
    static func isBelow(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }
}
