import ArgumentParser
import ManuscriptReader
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
            exit status is 1 when any requested format failed, 0 otherwise. The output folder may \
            not be the manuscript folder, lie inside it or contain it; only files modelbook wrote \
            there (listed in its .modelbook-manifest) are replaced, any other file is left alone.
            """
    )

    @OptionGroup var options: ManuscriptOptions

    @Option(name: .long, help: ArgumentHelp("docbook, text, html, pdf (comma-separated) or all.", valueName: "LIST"))
    var format: String = "all"

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "DIR"))
    var out: String = "build"

    @Option(name: .long, help: ArgumentHelp("Line width of the plain-text book, in characters.", valueName: "N"))
    var width: Int = 72

    @Option(name: .long, help: ArgumentHelp(
        "The folder with html.xsl, fo.xsl, book.css, fop.xconf (default: styles/ in the current folder, "
            + "beside the manuscript, or beside the program).", valueName: "DIR"))
    var styles: String?

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        guard (20...1000).contains(width) else { throw ValidationError("--width must be between 20 and 1000") }
        do {
            _ = try BuildFormat.parseList(format)
        } catch let e as PipelineError {
            throw ValidationError(e.message)
        }
    }

    func run() throws {
        let progress = progressOptions.reporter()
        var build = BookBuild(formats: try BuildFormat.parseList(format), outputDirectory: out, width: width,
                              stylesDirectory: styles ?? "styles", log: progress.message)
        build.progress = progress
        build.adoptEarlierOutputs = out == "build"
        if styles == nil { build.findStyles(manuscript: options.manuscript) }
        let log = build.log
        let report: BookBuild.Report
        do {
            report = try build.run(manuscript: options.manuscript, load: { folder in
                let result: ReadResult
                do throws(PipelineError) {
                    result = try Steps.read(folder, options: progress.readOptions)
                } catch {
                    throw error.adding("; nothing was built. Fix them (`modelbook check` lists them too) and run again.")
                }
                FreedByExit.keep(result)
                for finding in result.findings.sortedForReport() { log(finding.formatted) }
                return result.manuscript
            }, select: { manuscript in
                try Steps.finalSelection(manuscript, tool: ModelbookVersion.string, log: log)
            })
            progress.finish()
        } catch {
            progress.finish()
            Output.error("\(error)\n")
            throw ExitCode(1)
        }
        let written = report.written.map(\.rawValue).joined(separator: ", ")
        Output.error("wrote \(written.isEmpty ? "nothing" : written) to \(out)/\n")
        if !report.succeeded {
            let failed = report.failed.map(\.0.rawValue).joined(separator: ", ")
            Output.error("failed: \(failed)\n")
            throw ExitCode(1)
        }
    }
}
