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
