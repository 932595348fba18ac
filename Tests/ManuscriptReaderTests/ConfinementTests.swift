import Foundation
import Testing
@testable import ManuscriptReader
import ManuscriptModel

/// Links leading out of the manuscript (or out of attachments/) are never followed: the file is
/// not read, and the error stands where the file is named.
@Suite struct ConfinementTests {
    /// How a file of the manuscript is made to lead outside.
    enum Route: CaseIterable {
        /// The file is an absolute link to a copy outside.
        case absolute
        /// The file is a relative link, `../…`, to a copy outside.
        case relative
        /// The file is a link to a link (inside) to a copy outside.
        case chain
        /// The folder holding the file is a link to a folder outside.
        case folder
    }

    /// One kind of input file: its path, where an error about it must point, and what shows it was read.
    struct Kind: CustomTestStringConvertible, Sendable {
        var path: String
        var message: String
        /// (path, line, column) of the error; line and column 1 for a file found by listing a folder.
        var at: (String, Int, Int)
        var wasRead: @Sendable (ReadResult) -> Bool
        var testDescription: String { path }
    }

    static let kinds: [Kind] = [
        Kind(path: "submissions/NB-2024-0003.xml", message: "this file is a link that leads outside the manuscript folder",
             at: ("submissions/NB-2024-0003.xml", 1, 1), wasRead: { $0.manuscript.submissions.contains { $0.id == "NB-2024-0003" } }),
        Kind(path: "reviews/R02-shortlist.xml", message: "this file is a link that leads outside the manuscript folder",
             at: ("reviews/R02-shortlist.xml", 1, 1), wasRead: { $0.manuscript.reviewSheets.contains { $0.reviewer == "R02" } }),
        Kind(path: "edits/NB-2024-0002.xml", message: "this file is a link that leads outside the manuscript folder",
             at: ("edits/NB-2024-0002.xml", 1, 1), wasRead: { $0.manuscript.edits["NB-2024-0002"] != nil }),
        Kind(path: "front/loi-noi-dau.xml", message: "front/loi-noi-dau.xml is a link that leads outside the manuscript folder",
             at: ("book.xml", 13, 14), wasRead: { !($0.manuscript.book?.front.isEmpty ?? true) }),
        Kind(path: "parts/economy.xml", message: "parts/economy.xml is a link that leads outside the manuscript folder",
             at: ("book.xml", 16, 28), wasRead: { $0.manuscript.book?.partIntros["economy"] != nil }),
        Kind(path: "attachments/NB-2024-0001/anh-1.jpg",
             message: "attachments/NB-2024-0001/anh-1.jpg is a link that leads outside attachments/",
             at: ("submissions/NB-2024-0001.xml", 44, 17),
             wasRead: { $0.manuscript.inputDigests["attachments/NB-2024-0001/anh-1.jpg"] != nil }),
        Kind(path: "districts.xml", message: "this file is a link that leads outside the manuscript folder",
             at: ("districts.xml", 1, 1), wasRead: { !$0.manuscript.districts.isEmpty }),
        Kind(path: "book.xml", message: "this file is a link that leads outside the manuscript folder",
             at: ("book.xml", 1, 1), wasRead: { $0.manuscript.book != nil }),
    ]

    /// Moves the file (or its folder) to a folder beside the manuscript and links it back by `route`.
    static func leadOutside(_ m: TempManuscript, _ path: String, _ route: Route) throws -> URL {
        let fm = FileManager.default
        let outside = m.root.deletingLastPathComponent().appendingPathComponent("outside-" + m.root.lastPathComponent)
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        let moved = route == .folder ? (path as NSString).deletingLastPathComponent : path
        let depth = moved.split(separator: "/").count
        let target = outside.appendingPathComponent(moved)
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.moveItem(at: m.url(moved), to: target)
        switch route {
        case .absolute, .folder:
            try fm.createSymbolicLink(atPath: m.url(moved).path, withDestinationPath: target.path)
        case .relative:
            let up = String(repeating: "../", count: depth)
            try fm.createSymbolicLink(atPath: m.url(moved).path, withDestinationPath: up + outside.lastPathComponent + "/" + moved)
        case .chain:
            // A first link to a second one inside the manuscript, which leads out.
            try fm.createSymbolicLink(atPath: m.url("hop").path, withDestinationPath: target.path)
            try fm.createSymbolicLink(atPath: m.url(moved).path, withDestinationPath: m.url("hop").path)
        }
        return outside
    }

    @Test(arguments: kinds)
    func linkLeadingOutsideIsNotRead(kind: Kind) throws {
        for route in Route.allCases where !(route == .folder && !kind.path.contains("/")) {
            let m = try TempManuscript()
            defer { m.cleanUp() }
            let outside = try Self.leadOutside(m, kind.path, route)
            defer { try? FileManager.default.removeItem(at: outside) }
            let r = m.read()
            expectError(r, kind.at.0, kind.at.1, kind.at.2, kind.message)
            #expect(!kind.wasRead(r), "\(kind.path) by \(route) was read")
            #expect(r.errors.contains { $0.message.text(in: .en).contains(outside.lastPathComponent) }, "the error names where the link leads")
        }
    }

    @Test(arguments: kinds)
    func linkStayingInsideIsRead(kind: Kind) throws {
        let m = try TempManuscript()
        defer { m.cleanUp() }
        let fm = FileManager.default
        // The file moves to a folder no format reads (attachments: another folder of attachments/).
        let kept = kind.path.hasPrefix("attachments/") ? "attachments/kept/" + kind.path : "kept/" + kind.path
        try fm.createDirectory(at: m.url(kept).deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.moveItem(at: m.url(kind.path), to: m.url(kept))
        try fm.createSymbolicLink(atPath: m.url(kind.path).path, withDestinationPath: m.url(kept).path)
        let r = m.read()
        #expect(r.errors.isEmpty, "\(r.listing)")
        #expect(kind.wasRead(r))
    }

    @Test func attachmentLinkIntoTheRestOfTheManuscriptIsRefused() throws {
        let r = try readChanged { m in
            try FileManager.default.moveItem(at: m.url("attachments/NB-2024-0001/anh-1.jpg"), to: m.url("anh-1.jpg"))
            try FileManager.default.createSymbolicLink(atPath: m.url("attachments/NB-2024-0001/anh-1.jpg").path,
                                                       withDestinationPath: "../../anh-1.jpg")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 44, 17, "leads outside attachments/")
    }

    @Test func pipeIsNotOpened() throws {
        let r = try readChanged { m in
            try m.remove("attachments/NB-2024-0001/anh-1.jpg")
            #expect(mkfifo(m.url("attachments/NB-2024-0001/anh-1.jpg").path, 0o644) == 0)
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 44, 17, "is not a regular file")
    }

    @Test func openedFileIsCheckedNotItsName() throws {
        let m = try TempManuscript()
        defer { m.cleanUp() }
        let inside = ConfinedFile.realPath(m.root.path)!
        #expect(throws: Never.self) { try ConfinedFile.contents(of: m.url("districts.xml").path, inside: inside).get() }
        let elsewhere = m.root.deletingLastPathComponent().appendingPathComponent("elsewhere-" + m.root.lastPathComponent)
        try Data("x".utf8).write(to: elsewhere)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createSymbolicLink(atPath: m.url("link.xml").path, withDestinationPath: elsewhere.path)
        #expect(ConfinedFile.contents(of: m.url("link.xml").path, inside: inside)
                    == .failure(.outside(ConfinedFile.realPath(elsewhere.path)!)))
        #expect(ConfinedFile.contents(of: m.url("nothing.xml").path, inside: inside) == .failure(.missing))
        #expect(ConfinedFile.contents(of: m.url("submissions").path, inside: inside) == .failure(.notRegular))
    }
}
