import ArgumentParser
import Desk
import Foundation
import Messages
import Pipeline

/// `modelbook desk`: the review desk, a web server where reviewers score their assigned candidates.
struct DeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: DeskText.helpDesk.text,
        discussion: DeskText.helpDeskDiscussion.text,
        subcommands: [DeskInviteCommand.self, DeskServeCommand.self]
    )
}

struct DeskAddress: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(DeskText.helpHost.text, valueName: "HOST"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp(DeskText.helpPort.text, valueName: "PORT"))
    var port: Int = 8080
}

/// `modelbook desk invite`: one sign-in link per assigned reviewer of a round (or an editor), or a revocation.
struct DeskInviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: DeskText.helpInvite.text,
        discussion: DeskText.helpInviteDiscussion.text
    )

    @OptionGroup var options: ManuscriptOptions
    @OptionGroup var address: DeskAddress

    @Option(name: .long, help: ArgumentHelp(DeskText.helpRound.text, valueName: "ID"))
    var round: String?

    @Option(name: .long, help: ArgumentHelp(DeskText.helpEditor.text, valueName: "NAME"))
    var editor: String?

    @Option(name: .long, help: ArgumentHelp(DeskText.helpRevoke.text, valueName: "ID"))
    var revoke: String?

    @Option(name: .long, help: ArgumentHelp(DeskText.helpDays.text, valueName: "N"))
    var days: Int = Invitations.defaultDays

    @Option(name: .long, help: ArgumentHelp(DeskText.helpFormat.text))
    var format: OutputFormat = .text

    func validate() throws {
        if revoke == nil && round == nil { throw ValidationError(DeskText.needRound.text) }
        if revoke != nil && editor != nil { throw ValidationError(DeskText.revokeWithEditor.text) }
        if !(1...365).contains(days) { throw ValidationError(DeskText.daysRange.text) }
        if let editor, editor.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(DeskText.editorNeedsName.text) }
    }

    func run() throws {
        try DeskFolders.confine(options.manuscript, command: "desk invite")
        if let person = revoke {
            let store = try DeskStore(path: DeskStore.path(manuscript: options.manuscript))
            let (invitations, sessions) = try store.revoke(person: person, now: Date())
            Output.print(DeskText.revoked.text([
                "person": .text(person), "links": .integer(invitations), "sessions": .integer(sessions),
            ]) + "\n")
            return
        }
        let desk: ReviewDesk
        do { desk = try ReviewDesk(manuscript: options.manuscript) } catch {
            Output.error("modelbook desk invite: \(error)\n")
            throw ExitCode(1)
        }
        let round = self.round!
        guard let deskRound = desk.rounds[round] else {
            Output.error("modelbook desk invite: " + DeskText.roundNotAssigned.text([
                "round": .text(round), "path": .text(desk.manuscript.path(of: "assignments")),
            ]) + "\n")
            throw ExitCode(1)
        }
        let base = Invitations.base(host: address.host, port: address.port)
        let people = editor.map { [$0] } ?? deskRound.assignedReviewers
        let links = try Invitations.issue(people: people, role: editor == nil ? .reviewer : .editor, round: round,
                                          store: desk.store, base: base, now: Date(), days: days)
        for person in people where editor == nil {
            let sheet = DeskRound.sheetPath(reviewer: person, round: round)
            if let data = FileManager.default.contents(atPath: desk.manuscript.path(of: sheet)), !DeskRound.isEmptySheet(data),
               (try? desk.store.allSheets().contains { $0.path == sheet }) != true {
                Output.error(CommonText.warning.text + ": " + DeskText.sheetNotByDesk.text([
                    "path": .text(desk.manuscript.path(of: sheet)), "person": .text(person),
                ]) + "\n")
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let object = Dictionary(links.map { ($0.person, $0.link) }, uniquingKeysWith: { a, _ in a })
            Output.print(String(decoding: try encoder.encode(object), as: UTF8.self) + "\n")
        case .text:
            var out = ""
            for (person, link) in links {
                let name = deskRound.reviewer(person)?.name
                out += "\(person)\t\(name.map { $0 + "\t" } ?? "")\(link)\n"
            }
            out += DeskText.linksIssued.text(["n": .integer(links.count), "round": .text(round), "days": .integer(days)]) + "\n"
            Output.print(out)
        }
    }
}

/// `modelbook desk serve`: the web server.
struct DeskServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: DeskText.helpServe.text,
        discussion: DeskText.helpServeDiscussion.text
    )

    @OptionGroup var options: ManuscriptOptions
    @OptionGroup var address: DeskAddress

    func run() async throws {
        try DeskFolders.confine(options.manuscript, command: "desk serve")
        let desk: ReviewDesk
        do { desk = try ReviewDesk(manuscript: options.manuscript) } catch {
            Output.error("modelbook desk serve: \(error)\n")
            throw ExitCode(1)
        }
        if desk.rounds.isEmpty {
            Output.error("modelbook desk serve: " + DeskText.noRoundAssigned.text + "\n")
            throw ExitCode(1)
        }
        if !["127.0.0.1", "::1", "localhost"].contains(address.host) {
            Output.error(CommonText.warning.text + ": " + DeskText.plainHTTP.text(["host": .text(address.host)]) + "\n")
        }
        let host = address.host
        try await DeskServer(desk: desk, language: Language.current).run(host: host, port: address.port) { port in
            Output.print(DeskText.listening.text([
                "url": .text(Invitations.base(host: host, port: port) + "/"),
                "rounds": .text(desk.rounds.keys.sorted().joined(separator: ", ")),
            ]) + "\n")
        }
    }
}

/// The desk writes its database into `desk/` and submitted sheets into `reviews/`: both must be
/// the manuscript's own folders, never links leading elsewhere.
enum DeskFolders {
    static func confine(_ manuscript: String, command: String) throws {
        for folder in ["desk", "reviews"] {
            _ = try OutputRefusal.check(command) { try OutputFolder.formatFolder(folder, manuscript: manuscript) }
        }
    }
}
