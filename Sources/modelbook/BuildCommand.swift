import ArgumentParser
import BookWriter
import Foundation
import ManuscriptModel
import ManuscriptReader
import Pipeline
import Selection

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
        if styles == nil {
            let searched = StylesLocation.candidates(manuscript: options.manuscript,
                                                     currentDirectory: FileManager.default.currentDirectoryPath,
                                                     executable: StylesLocation.executable)
            if let found = StylesLocation.find(in: searched) {
                build.stylesDirectory = found
            } else {
                build.stylesSearched = searched
            }
        }
        let report: BookBuild.Report
        do {
            report = try build.run(manuscript: options.manuscript,
                                   load: { try BuildSources.loadManuscript($0, options: progress.readOptions, note: progress.message) },
                                   select: { try BuildSources.select($0, note: progress.message) })
            progress.finish()
        } catch {
            progress.finish()
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

/// The glue between `build` and the modules that read and select.
enum BuildSources {
    /// The manuscript as the reader sees it; its errors stop the build (warnings are printed and it goes on).
    static func loadManuscript(_ folder: String, options: ReadOptions,
                               note: (String) -> Void) throws -> Manuscript {
        let result = ManuscriptReader.read(folder: folder, options: options)
        let sorted = result.findings.sortedForReport()
        let errors = sorted.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw PipelineError(step: "read the manuscript", path: folder,
                                message: "the manuscript has \(errors.count) error(s); nothing was built. "
                                    + "Fix them (`modelbook check` lists them too) and run again.",
                                details: errors.map(\.formatted))
        }
        for warning in sorted { note(warning.formatted) }
        KeptUntilExit.keep(result)
        return result.manuscript
    }

    /// The final selection. The rounds are computed from the current inputs; when the latest
    /// record of every round says exactly that (same inputs, same results), the build uses those
    /// records and writes nothing. Otherwise it records the rounds first, as `modelbook select`
    /// does, and says so.
    static func select(_ manuscript: Manuscript, note: (String) -> Void) throws -> BookSelection {
        let run: SelectionRun
        do {
            run = try Selection.run(manuscript)
            KeptUntilExit.keep(run)
        } catch {
            throw PipelineError(step: "select the entries", path: shown("selection.xml", manuscript),
                                message: "the selection rounds could not be run; nothing was built",
                                details: error.findings.map(\.formatted))
        }
        _ = try OutputFolder.formatFolder(RecordStore.folder, manuscript: manuscript.root)
        var written: [String] = []
        var used: [String] = []
        for result in run.rounds {
            do {
                switch try RecordStore.record(result, manuscript: manuscript, tool: ModelbookVersion.string) {
                case .written(let path): written.append(path)
                case .unchanged(let path): used.append(path)
                }
            } catch {
                throw PipelineError(step: "select the entries", path: shown(RecordStore.folder, manuscript),
                                    message: "cannot record round \(result.id): \(error)")
            }
        }
        let list = { (paths: [String]) in paths.map { shown($0, manuscript) }.joined(separator: ", ") }
        if written.isEmpty {
            note("using the round records \(list(used)): they match the current inputs")
        } else {
            note("the round records did not match the current inputs (or there were none), "
                 + "so the rounds were run again and recorded: \(list(written))")
        }
        let finalRecord = (written + used).last
        guard let selection = Selection.bookSelection(from: run, record: finalRecord) else {
            throw PipelineError(step: "select the entries", path: shown("selection.xml", manuscript),
                                message: "selection.xml has no optimize round, so no final selection exists; "
                                    + "add a round with type=\"optimize\" as the last round")
        }
        return selection
    }
}
