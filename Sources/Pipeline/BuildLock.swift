import Foundation
import Messages

/// Keeps a second build out of an output folder while one is writing there (its staging folder,
/// its cache, the outputs it moves into place): an exclusive `flock` on `<out>/.modelbook-lock`,
/// which the system releases when the process ends, however it ends. The file holds the process
/// id of the build that has it, for the message the second build prints.
final class BuildLock {
    private let fd: Int32

    init(folder: String, shown: String) throws {
        let path = folder + "/.modelbook-lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PipelineError(step: CommandText.stepOutputFolder.text, path: shown,
                                message: CommandText.cannotCreateFolder.text(["reason": .text(String(cString: strerror(errno)))]))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, buffer.count, 0)
            let holder = String(decoding: buffer.prefix(max(0, n)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            throw PipelineError(step: CommandText.stepOutputFolder.text, path: nil,
                                message: CommandText.buildLocked.text(["pid": .text(holder.isEmpty ? "?" : holder), "folder": .text(shown)]))
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    deinit { close(fd) }
}
