import Foundation
import Messages
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
            log(CommandText.figureMissing.text(["path": .text(source), "warning": .text(CommonText.warning.text)]))
        case .failure(let refusal):
            throw PipelineError(step: CommandText.stepCopyImages.text, path: source,
                                message: refusal.described(.text(source), folder: "attachments/").text())
        }
    }

    /// A file of the program's own (the styles), its bytes, even when its name is a link.
    static func file(_ source: String, to target: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw PipelineError(step: CommandText.stepCopy.text, path: source, message: CommandText.cannotReadFile.text)
        }
        try write([UInt8](data), to: target, from: source)
    }

    private static func write(_ bytes: [UInt8], to target: String, from source: String) throws {
        guard PlainFile.write(bytes, to: target) else {
            throw PipelineError(step: CommandText.stepCopy.text, path: target, message: CommandText.cannotWriteCopy.text(["source": .text(source)]))
        }
    }
}
