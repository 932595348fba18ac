import ArgumentParser
import Messages

@main
struct Modelbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modelbook",
        abstract: CommandText.modelbookAbstract.text,
        version: ModelbookVersion.string,
        subcommands: [InitCommand.self, CheckCommand.self, GenerateCommand.self, SelectCommand.self, AssignCommand.self, VerifyCommand.self, ExplainCommand.self, BuildCommand.self, AuditCommand.self, DeskCommand.self]
    )
}

enum ModelbookVersion {
    static let string = "0.1.0"
}
