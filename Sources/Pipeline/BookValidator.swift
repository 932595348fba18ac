import Foundation
import Messages
import XMLKit

/// The program that checks the finished book.xml against the DocBook 5.0 RELAX NG schema.
///
/// jing (James Clark's reference validator, Debian `jing`) is used when it is on `PATH`: on a
/// large book it needs much less CPU than libxml2 (see docs/design.md), and it runs out of
/// process while the plain text is rendered on another thread. libxml2, in process, is the fallback when jing is absent or
/// cannot run. Both check the whole official schema, and both check ID/IDREF: jing by the
/// schema's DTD-compatibility datatypes (on unless `-i` is given), libxml2 after its schema pass.
public enum BookValidator: Sendable, Equatable {
    case jing(path: String)
    case libxml2

    /// jing when it is on `PATH`, else libxml2.
    public static func choose(path: String?) -> BookValidator {
        ExternalTool.jing.locate(path: path).map { .jing(path: $0) } ?? .libxml2
    }

    public var name: String {
        switch self {
        case .jing: "jing"
        case .libxml2: "libxml2"
        }
    }

    /// The outcome: every error, positioned in the file, and the validator that found them.
    public struct Outcome: Sendable {
        public var problems: [XMLProblem]
        public var checkedBy: BookValidator
        /// Why the chosen validator could not run (then libxml2 checked the book instead).
        public var fallbackReason: String?

        /// What the build says: why the fallback was taken, and for a valid book, who checked it.
        public var report: [String] {
            var lines: [String] = []
            if let fallbackReason {
                lines.append(CommonText.note.text + ": " + CommandText.docbookFallback.text(["reason": .text(fallbackReason)]))
            }
            if problems.isEmpty { lines.append(CommandText.docbookValid.text(["checker": .text(checkedBy.name)])) }
            return lines
        }
    }

    /// Validates `bytes`, already written to `file`. `parts` are the byte ranges of the book's
    /// parts, for libxml2's validation on both cores.
    func validate(file: String, bytes: [UInt8], parts: [Range<Int>], schemaPath: String,
                  environment: [String: String]) throws -> Outcome {
        switch self {
        case .libxml2:
            return Outcome(problems: try Self.libxml2Problems(bytes, parts: parts, schemaPath: schemaPath), checkedBy: .libxml2)
        case .jing(let program):
            switch Self.jingProblems(program: program, file: file, schemaPath: schemaPath, environment: environment) {
            case .success(let problems):
                return Outcome(problems: problems, checkedBy: self)
            case .failure(let reason):
                return Outcome(problems: try Self.libxml2Problems(bytes, parts: parts, schemaPath: schemaPath),
                               checkedBy: .libxml2, fallbackReason: reason.message)
            }
        }
    }

    static func libxml2Problems(_ bytes: [UInt8], parts: [Range<Int>], schemaPath: String) throws -> [XMLProblem] {
        let schema: RelaxNGSchema
        do {
            schema = try RelaxNGSchema(path: schemaPath)
        } catch {
            throw PipelineError(step: CommandText.stepValidate.text, path: schemaPath, message: CommandText.schemaDoesNotCompile.text,
                                details: error.problems.map { "\(schemaPath):\($0)" })
        }
        return DocBookValidation.problems(bytes, parts: parts, schema: schema)
    }

    struct JingFailure: Error { var message: String }

    /// Runs jing on the file. Fails (so libxml2 takes over) when jing did not run properly: an
    /// exit status other than 0 and 1, or 1 without a single located error.
    static func jingProblems(program: String, file: String, schemaPath: String,
                             environment: [String: String]) -> Result<[XMLProblem], JingFailure> {
        let directory = (file as NSString).deletingLastPathComponent
        let run: ToolRun
        do {
            run = try ToolRunner.run(program, [schemaPath, file], in: directory,
                                     logFile: directory + "/jing.log", environment: jingEnvironment(environment))
        } catch {
            return .failure(JingFailure(message: CommandText.jingNotStarted.text(["reason": .text("\(error)")])))
        }
        let problems = jingErrors(run.log, file: file)
        switch run.status {
        case 0 where problems.isEmpty: return .success([])
        case 1 where !problems.isEmpty: return .success(problems)
        default:
            let last = run.log.split(separator: "\n").last.map(String.init) ?? ""
            let status: MessageValue = .text(String(run.status))
            return .failure(JingFailure(message: last.isEmpty ? CommandText.jingExit.text(["status": status])
                                            : CommandText.jingExitLine.text(["status": status, "line": .text(last)])))
        }
    }

    /// The JVM's options for one run of jing (Java 9 and later read `JDK_JAVA_OPTIONS`; older ones
    /// ignore it), added to any the user set. A run is seconds long, so the JVM's optimising
    /// compiler costs more than it brings: stopping at the first tier halves jing's CPU time and
    /// shortens its wall time, on a 5 MB and on an 82 MB book alike (docs/benchmarks.md).
    static func jingEnvironment(_ environment: [String: String]) -> [String: String] {
        var out = environment
        let ours = "-XX:TieredStopAtLevel=1"
        out["JDK_JAVA_OPTIONS"] = [environment["JDK_JAVA_OPTIONS"], ours].compactMap { $0 }.joined(separator: " ")
        return out
    }

    /// The errors of a jing log about `file` (`/path/book.xml:12:34: error: message`; a fatal
    /// error, which is a well-formedness error, counts as an error). Other lines (the Debian
    /// wrapper's notes about optional jars, warnings) are not errors.
    static func jingErrors(_ log: String, file: String) -> [XMLProblem] {
        let prefix = file + ":"
        var out: [XMLProblem] = []
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count)
            let fields = rest.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let l = Int(fields[0]), let c = Int(fields[1]) else { continue }
            let severity = fields[2].trimmingCharacters(in: .whitespaces)
            guard severity == "error" || severity == "fatal" else { continue }
            out.append(XMLProblem(line: l, column: c, fields[3].trimmingCharacters(in: .whitespaces)))
        }
        return out
    }
}
