import ArgumentParser
import Desk
import Foundation
import Pipeline

/// `modelbook desk`: the review desk, a web server where reviewers score their assigned candidates.
struct DeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "The review desk: sign-in links for reviewers and editors, and the web server they use.",
        discussion: """
            The desk keeps drafts and its log in <manuscript>/desk/desk.sqlite; a reviewer's submitted sheet is \
            written to <manuscript>/reviews/<reviewer>-<round>.xml, where check and select read it. See docs/desk.md.
            """,
        subcommands: [DeskInviteCommand.self, DeskServeCommand.self]
    )
}

struct DeskAddress: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The address the desk listens on.", valueName: "HOST"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port the desk listens on (0: any free port).", valueName: "PORT"))
    var port: Int = 8080
}

/// `modelbook desk invite`: one sign-in link per assigned reviewer of a round (or an editor), or a revocation.
struct DeskInviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Print one single-use sign-in link per reviewer assigned in a round (or for an editor); revoke access.",
        discussion: """
            Each link holds a random token that works once (the first sign-in uses it and opens a session on that \
            device) until it expires. Inviting a person again replaces their unused link. --revoke ID ends that \
            person's access at once: unused links stop working and their sessions end. --host and --port must be \
            those `desk serve` uses. Exit status: 0 done, 1 the manuscript or the round cannot be used, 64 usage.
            """
    )

    @OptionGroup var options: ManuscriptOptions
    @OptionGroup var address: DeskAddress

    @Option(name: .long, help: ArgumentHelp("The round whose assigned reviewers are invited.", valueName: "ID"))
    var round: String?

    @Option(name: .long, help: ArgumentHelp("Invite this editor (the editors' view of the round) instead of the reviewers.",
                                            valueName: "NAME"))
    var editor: String?

    @Option(name: .long, help: ArgumentHelp("End this reviewer's (or editor's) access.", valueName: "ID"))
    var revoke: String?

    @Option(name: .long, help: ArgumentHelp("Days a link stays valid.", valueName: "N"))
    var days: Int = Invitations.defaultDays

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if revoke == nil && round == nil { throw ValidationError("name the round: --round ID (or --revoke ID)") }
        if revoke != nil && editor != nil { throw ValidationError("--revoke and --editor cannot be used together") }
        if !(1...365).contains(days) { throw ValidationError("--days must be between 1 and 365") }
        if let editor, editor.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--editor needs a name") }
    }

    func run() throws {
        try DeskFolders.confine(options.manuscript, command: "desk invite")
        if let person = revoke {
            let store = try DeskStore(path: DeskStore.path(manuscript: options.manuscript))
            let (invitations, sessions) = try store.revoke(person: person, now: Date())
            Output.print("revoked \(person): \(invitations) unused link(s) and \(sessions) session(s) ended\n")
            return
        }
        let desk: ReviewDesk
        do { desk = try ReviewDesk(manuscript: options.manuscript) } catch {
            Output.error("modelbook desk invite: \(error)\n")
            throw ExitCode(1)
        }
        let round = self.round!
        guard let deskRound = desk.rounds[round] else {
            Output.error("modelbook desk invite: round \(round) has no assignments in \(desk.manuscript.path(of: "assignments")); "
                         + "write them first with `modelbook assign --round \(round)`\n")
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
                Output.error("warning: \(desk.manuscript.path(of: sheet)) exists and was not written by the desk: "
                             + "\(person) cannot submit until it is moved away\n")
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
            out += "\(links.count) link(s) for round \(round), each usable once, valid for \(days) day(s)\n"
            Output.print(out)
        }
    }
}

/// `modelbook desk serve`: the web server.
struct DeskServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the review desk (loopback only by default) until interrupted.",
        discussion: """
            Reads the manuscript once (it must have no errors) and serves every round that has assignments. \
            Prints `listening on http://HOST:PORT/` once it accepts connections. Stop it with Ctrl-C.
            """
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
            Output.error("modelbook desk serve: no round has assignments; write them first with `modelbook assign`\n")
            throw ExitCode(1)
        }
        if !["127.0.0.1", "::1", "localhost"].contains(address.host) {
            Output.error("warning: the desk speaks plain HTTP; on \(address.host) others on the network can reach it\n")
        }
        let host = address.host
        try await DeskServer(desk: desk).run(host: host, port: address.port) { port in
            Output.print("listening on \(Invitations.base(host: host, port: port))/ (rounds: "
                         + desk.rounds.keys.sorted().joined(separator: ", ") + ")\n")
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
