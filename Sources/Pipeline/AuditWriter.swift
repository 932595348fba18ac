import Foundation
import Messages

/// Writes a rendered report into a folder, all or nothing: the files go into a temporary folder
/// beside the target, which then takes the target's place. A reader never sees half a report.
public enum AuditWriter {
    public enum WriteError: Error, CustomStringConvertible {
        case badPath(String)
        public var description: String {
            switch self {
            case .badPath(let p): AuditText.writeOutside.text(["path": .text(p)])
            }
        }
    }

    public static func write(_ files: [String: String], to folder: URL) throws {
        let fm = FileManager.default
        let target = folder.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        let temp = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        try? fm.removeItem(at: temp)
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            for path in files.keys.sorted() {
                let parts = path.split(separator: "/", omittingEmptySubsequences: false)
                guard !path.hasPrefix("/"), !parts.isEmpty,
                      parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
                    throw WriteError.badPath(path)
                }
                let url = temp.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(files[path]!.utf8).write(to: url)
            }
            if fm.fileExists(atPath: target.path) {
                try? fm.removeItem(at: old)
                try fm.moveItem(at: target, to: old)
                do {
                    try fm.moveItem(at: temp, to: target)
                } catch {
                    try? fm.moveItem(at: old, to: target)
                    throw error
                }
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: temp, to: target)
            }
        } catch {
            try? fm.removeItem(at: temp)
            throw error
        }
    }
}
