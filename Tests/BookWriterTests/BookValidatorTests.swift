import Foundation
import Testing
import XMLKit
@testable import Pipeline

let jingPath = ExternalTool.jing.locate()

/// jing and libxml2 must agree on what a DocBook book is: the same documents pass, the same fail,
/// each error with its line and column.
@Suite(.inEnglish) struct BookValidatorTests {
    static let valid = """
        <?xml version="1.0" encoding="UTF-8"?>
        <book xmlns="http://docbook.org/ns/docbook" version="5.0"><title>Sách</title>
        <chapter xml:id="c1"><title>Một</title>
        <para>Xem <xref linkend="c1"/>.</para>
        </chapter>
        </book>

        """

    /// Writes `xml` into a fresh folder and validates it there.
    static func check(_ xml: String, with validator: BookValidator) throws -> BookValidator.Outcome {
        try #require(FileManager.default.fileExists(atPath: docbookSchemaPath), "install docbook5-xml")
        let folder = try temporaryFolder("validator")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/book.xml"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: file))
        return try validator.validate(file: file, bytes: Array(xml.utf8), parts: [], schemaPath: docbookSchemaPath,
                                      environment: ProcessInfo.processInfo.environment)
    }

    static var validators: [BookValidator] {
        [.libxml2] + (jingPath.map { [BookValidator.jing(path: $0)] } ?? [])
    }

    @Test(arguments: validators)
    func aValidBookPasses(_ validator: BookValidator) throws {
        let outcome = try Self.check(Self.valid, with: validator)
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        #expect(outcome.checkedBy == validator)
        #expect(outcome.report == ["book.xml is valid DocBook 5.0 (checked by \(validator.name))"])
    }

    @Test(arguments: validators)
    func anElementOutOfPlaceIsFoundOnItsLine(_ validator: BookValidator) throws {
        let xml = Self.valid.replacingOccurrences(of: "<para>Xem", with: "<para><bogus/>Xem")
        let outcome = try Self.check(xml, with: validator)
        #expect(outcome.checkedBy == validator)
        let problem = try #require(outcome.problems.first { $0.message.contains("bogus") }, "\(outcome.problems)")
        #expect(problem.line == 4)
        #expect(problem.column > 1)
        #expect(outcome.report.isEmpty)
    }

    @Test("a reference to no id and an id given twice are errors for both validators", arguments: validators)
    func idsAndReferencesAreChecked(_ validator: BookValidator) throws {
        let dangling = Self.valid.replacingOccurrences(of: "linkend=\"c1\"", with: "linkend=\"c9\"")
        let danglingProblems = try Self.check(dangling, with: validator).problems
        #expect(danglingProblems.contains { $0.message.contains("c9") && $0.line == 4 }, "\(danglingProblems)")
        let twice = Self.valid.replacingOccurrences(of: "</book>", with: "<chapter xml:id=\"c1\"><title>Hai</title><para/></chapter>\n</book>")
        let twiceProblems = try Self.check(twice, with: validator).problems
        #expect(twiceProblems.contains { $0.message.contains("c1") && $0.line == 6 }, "\(twiceProblems)")
    }

    @Test(arguments: validators)
    func aDocumentThatIsNotWellFormedIsAnError(_ validator: BookValidator) throws {
        let xml = Self.valid.replacingOccurrences(of: "</chapter>", with: "</chapte>")
        let problems = try Self.check(xml, with: validator).problems
        #expect(problems.contains { $0.line == 5 }, "\(problems)")
    }

    @Test func jingIsChosenWhenItIsOnThePath() throws {
        let folder = try temporaryFolder("path")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(BookValidator.choose(path: folder) == .libxml2)
        #expect(BookValidator.choose(path: "/nonexistent") == .libxml2)
        try Data("#!/bin/sh\n".utf8).write(to: URL(fileURLWithPath: folder + "/jing"))
        chmod(folder + "/jing", 0o755)
        #expect(BookValidator.choose(path: "/nonexistent:" + folder) == .jing(path: folder + "/jing"))
    }

    @Test("a jing that cannot run leaves the book to libxml2, and the build says why")
    func aBrokenJingFallsBackToLibxml2() throws {
        let folder = try temporaryFolder("brokenjing")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("#!/bin/sh\necho 'Error: no Java runtime' >&2\nexit 3\n".utf8).write(to: URL(fileURLWithPath: folder + "/jing"))
        chmod(folder + "/jing", 0o755)
        let broken = Self.valid.replacingOccurrences(of: "<para>Xem", with: "<para><bogus/>Xem")
        let outcome = try Self.check(broken, with: .jing(path: folder + "/jing"))
        #expect(outcome.checkedBy == .libxml2)
        #expect(outcome.fallbackReason == "jing exited with status 3: Error: no Java runtime")
        #expect(outcome.problems.contains { $0.message.contains("bogus") && $0.line == 4 })
        let fine = try Self.check(Self.valid, with: .jing(path: folder + "/jing"))
        #expect(fine.report == ["note: jing exited with status 3: Error: no Java runtime; book.xml was checked by libxml2 instead",
                                "book.xml is valid DocBook 5.0 (checked by libxml2)"])
    }

    @Test func jingLogLines() {
        let log = """
            [warning] /usr/bin/jing: Unable to locate avalon-framework in /usr/share/java
            /tmp/x/book.xml:12:34: error: element "bogus" not allowed here
            /tmp/x/other.xml:1:1: error: not this file
            /tmp/x/book.xml:3:5: warning: only a warning
            /tmp/x/book.xml:7:2: fatal: The element type "chapter" must be terminated: by "</chapter>"
            """
        #expect(BookValidator.jingErrors(log, file: "/tmp/x/book.xml") == [
            XMLProblem(line: 12, column: 34, "element \"bogus\" not allowed here"),
            XMLProblem(line: 7, column: 2, "The element type \"chapter\" must be terminated: by \"</chapter>\""),
        ])
    }

    /// jing's JVM stops at its first compiler tier, after any options the user gave it.
    @Test func jingRunsWithTheJVMsFirstTierOnly() throws {
        #expect(BookValidator.jingEnvironment(["PATH": "/bin"]) == ["PATH": "/bin", "JDK_JAVA_OPTIONS": "-XX:TieredStopAtLevel=1"])
        #expect(BookValidator.jingEnvironment(["JDK_JAVA_OPTIONS": "-Xmx2g"])["JDK_JAVA_OPTIONS"] == "-Xmx2g -XX:TieredStopAtLevel=1")
        // And jing still finds an error with it.
        guard let jing = jingPath else { return }
        let folder = try temporaryFolder("jing-options")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/book.xml"
        try "<book xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\"><title>T</title><bogus/></book>\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = BookValidator.jingProblems(program: jing, file: file, schemaPath: docbookSchemaPath,
                                                environment: ProcessInfo.processInfo.environment)
        let problems = try result.get()
        #expect(problems.count >= 1)
        #expect(problems.first?.line == 1)
    }

    @Test("the build says which validator checked the book: jing when it is installed, libxml2 without it")
    func theBuildNamesTheValidator() throws {
        var withoutJing = ProcessInfo.processInfo.environment
        withoutJing["PATH"] = "/nonexistent"
        var cases: [([String: String], String)] = [(withoutJing, "libxml2")]
        if jingPath != nil { cases.append((ProcessInfo.processInfo.environment, "jing")) }
        for (environment, name) in cases {
            let out = try temporaryFolder("named")
            defer { try? FileManager.default.removeItem(atPath: out) }
            let log = LogLines()
            let report = try runBuild([.docbook], out: out, environment: environment, log: log)
            #expect(report.succeeded)
            #expect(log.lines.contains("book.xml is valid DocBook 5.0 (checked by \(name))"), "\(log.lines)")
        }
    }
}
