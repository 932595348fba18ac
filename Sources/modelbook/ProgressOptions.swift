import ArgumentParser
import Messages
import ManuscriptReader
import Pipeline

/// `--quiet`, for the commands that do long work (check, select, build, audit).
struct ProgressOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(CommandText.quietHelp.text))
    var quiet = false

    /// Progress on standard error for these steps: a bar on a terminal, a line per step otherwise.
    func reporter(_ steps: [String] = []) -> ProgressReporter {
        .standardError(quiet: quiet, steps: steps)
    }
}

extension ProgressReporter {
    /// Reading options whose file counts feed the current step's bar.
    func readOptions(keepsText: Bool = true) -> ReadOptions {
        ReadOptions(progress: { [self] done, total in count(done, of: total) }, keepsText: keepsText)
    }
}
