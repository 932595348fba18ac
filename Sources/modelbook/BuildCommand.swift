import ArgumentParser
import Messages
import ManuscriptReader
import Pipeline

/// `modelbook build`: the book in DocBook, plain text, HTML and PDF.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: CommandText.buildAbstract.text,
        discussion: CommandText.buildDiscussion.text
    )

    @OptionGroup var options: ManuscriptOptions

    @Option(name: .long, help: ArgumentHelp(CommandText.buildFormatHelp.text, valueName: "LIST"))
    var format: String = "all"

    @Option(name: .long, help: ArgumentHelp(CommandText.buildOutHelp.text, valueName: "DIR"))
    var out: String = "build"

    @Option(name: .long, help: ArgumentHelp(CommandText.buildWidthHelp.text, valueName: "N"))
    var width: Int = 72

    @Option(name: .long, help: ArgumentHelp(CommandText.buildStylesHelp.text, valueName: "DIR"))
    var styles: String?

    @Flag(name: .long, help: ArgumentHelp(CommandText.buildNoCacheHelp.text))
    var noCache = false

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        guard (20...1000).contains(width) else { throw ValidationError(CommandText.widthRange.text(["min": "20", "max": "1000"])) }
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
        build.usesCache = !noCache
        build.program = ModelbookVersion.string + " " + ReadCache.executableIdentity()
        build.adoptEarlierOutputs = out == "build"
        if styles == nil { build.findStyles(manuscript: options.manuscript) }
        let log = build.log
        let report: BookBuild.Report
        do {
            report = try build.run(manuscript: options.manuscript, load: { folder, cache in
                let result: ReadResult
                do throws(PipelineError) {
                    var readOptions = progress.readOptions()
                    readOptions.cache = cache
                    result = try Steps.read(folder, options: readOptions)
                } catch {
                    throw error.adding(CommandText.buildReadFailed.text)
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
        Output.error((written.isEmpty ? CommandText.buildWroteNothing.text(["folder": .text(out)])
                      : CommandText.buildWrote.text(["formats": .text(written), "folder": .text(out)])) + "\n")
        if !report.succeeded {
            let failed = report.failed.map(\.0.rawValue).joined(separator: ", ")
            Output.error(CommandText.buildFailed.text(["formats": .text(failed)]) + "\n")
            throw ExitCode(1)
        }
    }
}
