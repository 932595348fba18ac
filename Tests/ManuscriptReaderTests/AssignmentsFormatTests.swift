import Foundation
import Testing
@testable import ManuscriptReader
import ManuscriptModel

/// assignments/<round>.xml on the fixture manuscript: R01 works in kim-son (so does NB-2024-0002's
/// unit), R02 at province level and has declared a conflict with NB-2024-0003.
@Suite struct AssignmentsFormatTests {
    static func file(round: String = "shortlist", per: String = "2", _ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <assignments round="\(round)" per="\(per)" seed="7">
        \(body)
        </assignments>

        """
    }

    @Test func aValidFileIsReadIntoTheManuscript() throws {
        let r = try readChanged { m in
            try m.write("assignments/shortlist.xml", Self.file("""
                  <reviewer id="R01"><submission id="NB-2024-0001"/><submission id="NB-2024-0003"/></reviewer>
                  <reviewer id="R02"><submission id="NB-2024-0001"/><submission id="NB-2024-0002"/></reviewer>
                """))
        }
        #expect(r.findings.isEmpty, "\(r.listing)")
        let expected = RoundAssignments(round: "shortlist", perSubmission: 2, seed: 7, reviewers: [
            ReviewerAssignment(reviewer: "R01", submissions: ["NB-2024-0001", "NB-2024-0003"]),
            ReviewerAssignment(reviewer: "R02", submissions: ["NB-2024-0001", "NB-2024-0002"]),
        ])
        #expect(r.manuscript.assignments == [expected])
        #expect(expected.submissions(of: "R02") == ["NB-2024-0001", "NB-2024-0002"])
        #expect(expected.submissions(of: "R09") == [])
        // Who reviews what is not an input of the selection: the round records do not name it.
        #expect(r.manuscript.inputDigests["assignments/shortlist.xml"] == nil)
        #expect(r.manuscript.inputDigests["rubric.xml"] != nil)
    }

    @Test func aConflictedAssignmentIsAWarningAtItsSubmission() throws {
        let r = try readChanged { m in
            try m.write("assignments/shortlist.xml", Self.file("""
                  <reviewer id="R01">
                    <submission id="NB-2024-0002"/>
                  </reviewer>
                  <reviewer id="R02">
                    <submission id="NB-2024-0003"/>
                  </reviewer>
                """))
        }
        #expect(r.errors.isEmpty, "\(r.listing)")
        #expect(r.warnings.count == 2, "\(r.listing)")
        let district = try #require(r.warnings.first { $0.location.line == 4 })
        #expect(district.location.path == "assignments/shortlist.xml" && district.location.column == 5)
        #expect(district.message.text(in: .en).contains("R01 is assigned NB-2024-0002 but works in the submission's district (kim-son)"))
        let declared = try #require(r.warnings.first { $0.location.line == 7 })
        #expect(declared.location.column == 5)
        #expect(declared.message.text(in: .en).contains("R02 is assigned NB-2024-0003 but declared a conflict of interest"))
        #expect(declared.notes.first?.location?.path == "reviews/R02-shortlist.xml")
    }

    @Test func wrongRoundFileNameReviewerAndSubmissionsAreErrors() throws {
        let r = try readChanged { m in
            try m.write("assignments/shortlist.xml", Self.file(round: "eligibility", """
                  <reviewer id="R09"><submission id="NB-2024-0009"/></reviewer>
                  <reviewer id="R01"><submission id="NB-2024-0001"/><submission id="NB-2024-0001"/></reviewer>
                  <reviewer id="R01"/>
                """))
        }
        expectError(r, "assignments/shortlist.xml", 2, 14, "round eligibility is a screen round")
        expectError(r, "assignments/shortlist.xml", 2, 14, "the file is named shortlist.xml but holds the assignments of round eligibility")
        expectError(r, "assignments/shortlist.xml", 3, 13, "unknown reviewer \"R09\"")
        expectError(r, "assignments/shortlist.xml", 3, 34, "unknown submission NB-2024-0009")
        expectError(r, "assignments/shortlist.xml", 4, 65, "R01 is assigned NB-2024-0001 twice")
        expectError(r, "assignments/shortlist.xml", 5, 13, "duplicate reviewer \"R01\"")
        #expect(r.errors.count == 6, "\(r.listing)")
    }

    @Test func anUnknownRoundAndTheSchemaAreChecked() throws {
        let r = try readChanged { m in
            try m.write("assignments/final2.xml", Self.file(round: "final2", per: "0", "<reviewer id=\"R01\"><note/></reviewer>"))
            try m.write("assignments/notes.txt", "")
        }
        expectError(r, "assignments/final2.xml", 2, 14, "unknown round \"final2\": it is not in selection.xml; did you mean \"final\"?")
        #expect(r.errors.contains { $0.location.path == "assignments/final2.xml" && $0.message.text(in: .en).contains("per") }, "\(r.listing)")
        #expect(r.errors.contains { $0.location.path == "assignments/final2.xml" && $0.message.text(in: .en).contains("<note>") }, "\(r.listing)")
        #expect(r.warnings.contains { $0.location.path == "assignments/notes.txt" }, "\(r.listing)")
    }
}
