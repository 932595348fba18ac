import ArgumentParser
import Pipeline

/// An output folder that would touch the manuscript: the refusal is printed and the command
/// stops with exit status 1, before anything is written.
enum OutputRefusal {
    static func check<T>(_ command: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PipelineError {
            Output.error("modelbook \(command): \(error.message)\n")
            throw ExitCode(1)
        }
    }
}
