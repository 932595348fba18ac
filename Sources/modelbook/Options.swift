import ArgumentParser

/// `--manuscript DIR`, shared by every subcommand.
struct ManuscriptOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The manuscript folder.", valueName: "DIR"))
    var manuscript: String = "manuscript"
}

/// `--format text|json` for commands that print findings or results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Large values a command read stay until the process ends: releasing a manuscript of thousands
/// of submissions value by value would only add time on one thread before exiting.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []
    static func keep(_ value: Any) { values.append(value) }
}
