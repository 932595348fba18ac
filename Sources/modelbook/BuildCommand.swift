import ArgumentParser
import BookWriter
import Foundation
import ManuscriptModel
import Pipeline

/// `modelbook build`: the book in DocBook, plain text, HTML and PDF.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the book from the manuscript and its final selection.",
        discussion: """
            Formats: docbook (book.xml + images/), text (book.txt), html (html/), pdf (book.pdf); \
            a comma-separated list or "all". Each format is written into a staging folder and moved \
            into place only when it succeeded, so a failed format keeps its previous output. A \
            failed format (including a missing xsltproc or fop) does not stop the others; the \
            exit status is 1 when any requested format failed, 0 otherwise.
            """
    )

    @OptionGroup var options: ManuscriptOptions

    @Option(name: .long, help: ArgumentHelp("docbook, text, html, pdf (comma-separated) or all.", valueName: "LIST"))
    var format: String = "all"

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "DIR"))
    var out: String = "build"

    @Option(name: .long, help: ArgumentHelp("Line width of the plain-text book, in characters.", valueName: "N"))
    var width: Int = 72

    @Option(name: .long, help: ArgumentHelp("The folder with html.xsl, fo.xsl, book.css, fop.xconf.", valueName: "DIR"))
    var styles: String = "styles"

    func validate() throws {
        guard (20...1000).contains(width) else { throw ValidationError("--width must be between 20 and 1000") }
        do {
            _ = try BuildFormat.parseList(format)
        } catch let e as PipelineError {
            throw ValidationError(e.message)
        }
    }

    func run() throws {
        let build = BookBuild(formats: try BuildFormat.parseList(format), outputDirectory: out, width: width,
                              stylesDirectory: styles) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        let report: BookBuild.Report
        do {
            report = try build.run(manuscript: options.manuscript, load: BuildSources.loadManuscript,
                                   select: BuildSources.select)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        let written = report.written.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("wrote \(written.isEmpty ? "nothing" : written) to \(out)/\n".utf8))
        if !report.succeeded {
            let failed = report.failed.map(\.0.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("failed: \(failed)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// The glue between `build` and the modules that read and select: the only place to change
/// when their entry points change.
enum BuildSources {
    static func loadManuscript(_ folder: String) throws -> Manuscript {
        // TODO(merge): ManuscriptReader.read(folder:), failing on error findings, once it is on main.
        throw PipelineError(step: "read the manuscript", path: folder,
                            message: "the manuscript reader is not available in this build yet")
    }

    static func select(_ manuscript: Manuscript) throws -> BookSelection {
        // TODO(merge): the Selection module's latest matching final-round record (or a fresh run).
        throw PipelineError(step: "select the entries", path: manuscript.root,
                            message: "the selection module is not available in this build yet")
    }
}
