import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opening a manuscript file so that only files inside the manuscript folder can be read.
///
/// A name is opened once (links followed), and the check is made on what was opened: the path the
/// kernel gives for the descriptor (`/proc/self/fd/N`; where there is none, the name's real path,
/// accepted only when its device and inode are the opened file's) must lie inside the allowed folder. A link that is
/// swapped between the check and the read cannot make it read another file: the bytes come from
/// the checked descriptor. Links that stay inside are allowed.
public enum ConfinedFile {
    /// Why a file was not opened.
    public enum Refusal: Error, Equatable, Sendable {
        /// Nothing at that name (or a broken link).
        case missing
        /// A folder, pipe, socket or device.
        case notRegular
        /// It leads (through links) to this real path, outside the allowed folder.
        case outside(String)
        /// Exists but cannot be opened or read (permissions, or it changed while being opened).
        case unreadable
    }

    /// The real path of a folder (links and `..` resolved), or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Opens `path` for reading and returns its descriptor (the caller closes it) when the file
    /// it leads to is a regular file whose real path lies inside `folder`, itself a real path.
    public static func open(_ path: String, inside folder: String) -> Result<Int32, Refusal> {
        // O_NONBLOCK: opening a pipe must not wait for a writer; it is refused below.
        let fd = openForReading(path)
        guard fd >= 0 else { return .failure(errno == ENOENT || errno == ENOTDIR || errno == ELOOP ? .missing : .unreadable) }
        var opened = stat()
        guard fstat(fd, &opened) == 0 else { close(fd); return .failure(.unreadable) }
        guard opened.st_mode & S_IFMT == S_IFREG else { close(fd); return .failure(.notRegular) }
        guard let real = openedPath(fd, named: path, opened) else { close(fd); return .failure(.unreadable) }
        guard real.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else { close(fd); return .failure(.outside(real)) }
        return .success(fd)
    }

    /// Where the opened file is: what the kernel says of the descriptor (Linux), or else the
    /// name's real path when it is still the very file that was opened (same device and inode).
    private static func openedPath(_ fd: Int32, named path: String, _ opened: stat) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/fd/\(fd)", &buffer, Int(PATH_MAX))
        if n > 0, buffer[0] == CChar(UInt8(ascii: "/")) {
            return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        guard let real = realPath(path) else { return nil }
        var named = stat()
        guard stat(real, &named) == 0, named.st_dev == opened.st_dev, named.st_ino == opened.st_ino else { return nil }
        return real
    }

    /// The whole file behind a descriptor, read to its end; nil on a read error.
    public static func readAll(_ fd: Int32) -> [UInt8]? {
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        var failed = false
        /// Reads into `buffer` from `offset` until it is full or the file ends; the count read.
        func fill(_ buffer: UnsafeMutablePointer<UInt8>, _ capacity: Int) -> Int {
            var done = 0
            while done < capacity {
                let n = read(fd, buffer + done, capacity - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if n == 0 { break }
                done += n
            }
            return done
        }
        // One byte more than the size: if it fills, the file grew while being read, and the rest
        // is read in pieces (from the same descriptor).
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = fill(buffer.baseAddress!, size + 1)
        }
        var piece = [UInt8](repeating: 0, count: bytes.count > size ? 65536 : 0)
        while !failed, !piece.isEmpty {
            let n = piece.withUnsafeMutableBufferPointer { fill($0.baseAddress!, $0.count) }
            bytes += piece[0..<n]
            if n < piece.count { break }
        }
        return failed ? nil : bytes
    }

    /// Reads a whole file confined to `folder`.
    public static func contents(of path: String, inside folder: String) -> Result<[UInt8], Refusal> {
        open(path, inside: folder).flatMap { fd in
            defer { close(fd) }
            return readAll(fd).map { .success($0) } ?? .failure(.unreadable)
        }
    }
}

/// `open(2)` for reading, without waiting on a pipe (outside the enum, whose `open` would shadow it).
private func openForReading(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
}

extension Layout {
    /// A file of the manuscript, read only when it really lies inside the manuscript folder.
    func readConfined(_ relativePath: String) -> Result<[UInt8], ConfinedFile.Refusal> {
        ConfinedFile.contents(of: absolute + "/" + relativePath, inside: realRoot)
    }
}
