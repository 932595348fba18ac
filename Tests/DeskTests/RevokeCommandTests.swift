import Desk
import Foundation
import Testing

/// `modelbook desk invite --revoke ID` as an editor runs it: the binary, on a generated manuscript.
@Suite struct RevokeCommandTests {
    @Test("desk invite --revoke ends a reviewer's unused links and says how many; the others' links still work")
    func revokeFromTheCommandLine() async throws {
        let binary = DeskBrowserTests.binary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            Issue.record("build the modelbook binary first (swift build): \(binary.path) is missing")
            return
        }
        let corpus = try Corpus.make("revoke")
        defer { corpus.remove() }
        let folder = corpus.folder.path
        let invite = try DeskBrowserTests.run(binary, ["desk", "invite", "--manuscript", folder, "--round", Corpus.round,
                                                       "--format", "json", "--lang", "en"])
        #expect(invite.status == 0, "\(invite.errors)")
        let links = try #require(try JSONSerialization.jsonObject(with: Data(invite.output.utf8)) as? [String: String])
        let reviewers = links.keys.sorted()
        #expect(reviewers.count >= 2)
        let (gone, kept) = (reviewers[0], reviewers[1])

        let revoke = try DeskBrowserTests.run(binary, ["desk", "invite", "--manuscript", folder, "--revoke", gone, "--lang", "en"])
        #expect(revoke.status == 0, "\(revoke.errors)")
        #expect(revoke.output.contains(gone) && revoke.output.contains("1 unused link"), "\(revoke.output)")

        let store = try DeskStore(path: DeskStore.path(manuscript: folder))
        func state(_ person: String) async throws -> Result<(person: String, role: Role), DeskStore.InvitationProblem> {
            let token = String(links[person]!.split(separator: "/").last!)
            return try await store.invitation(tokenDigest: Secrets.digest(token), now: Date())
        }
        if case .failure(let problem) = try await state(gone) { #expect(problem == .revoked) } else { Issue.record("\(gone)'s link still works") }
        if case .success(let who) = try await state(kept) { #expect(who.person == kept) } else { Issue.record("\(kept)'s link stopped working") }

        // Revoking again finds nothing left to end, and says so.
        let again = try DeskBrowserTests.run(binary, ["desk", "invite", "--manuscript", folder, "--revoke", gone, "--lang", "en"])
        #expect(again.status == 0 && again.output.contains("0 unused links"), "\(again.output)")
    }
}
