import Foundation
import ManuscriptReader

/// Copies what the book publishes (figures, the stylesheet) as files, never as links: the bytes
/// are read and written anew, so a link can never carry a file of the machine into the outputs.
enum PublishedCopy {
    /// An attachment, read only when it really lies inside the manuscript's attachments/.
    static func attachment(_ source: String, to target: String, manuscript: String, log: (String) -> Void) throws {
        let attachments = (ConfinedFile.realPath(manuscript) ?? manuscript) + "/attachments"
        switch ConfinedFile.contents(of: source, inside: attachments) {
        case .success(let bytes):
            try write(bytes, to: target, from: source)
        case .failure(.missing):
            log("\(source): warning: a figure shows this attachment, but the file is missing")
        case .failure(let refusal):
            throw PipelineError(step: "copy images", path: source, message: refusal.message(source, folder: "attachments/"))
        }
    }

    /// A file of the program's own (the styles), its bytes, even when its name is a link.
    static func file(_ source: String, to target: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw PipelineError(step: "copy", path: source, message: "cannot read the file")
        }
        try write([UInt8](data), to: target, from: source)
    }

    private static func write(_ bytes: [UInt8], to target: String, from source: String) throws {
        guard FileManager.default.createFile(atPath: target, contents: Data(bytes)) else {
            throw PipelineError(step: "copy", path: target, message: "cannot write the copy of \(source)")
        }
    }
}
