import Foundation
import Testing

/// Runs the built `modelbook check` end to end. Skipped when `.build/debug/modelbook` is not built.
@Suite struct CheckCommandTests {
    static let binary: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/modelbook")

    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// Runs the binary with `locale` as `LANG` (and no `LC_ALL`, `LC_MESSAGES`), so that the result
    /// does not depend on the machine's locale: English unless a test asks for another.
    func run(_ arguments: [String], in directory: URL, locale: String = "en_US.UTF-8") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = locale
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: available, "build the modelbook binary first (swift build)"))
    func cleanManuscriptExitsZeroWithSummary() throws {
        let m = try TempManuscript()
        defer { m.cleanUp() }
        let parent = m.root.deletingLastPathComponent()
        let summary = "checked 3 submissions, 4 reviews by 2 reviewers, 1 edited text in 14 files: 0 errors, 0 warnings (0 files with errors)\n"
        let r = try run(["check", "--quiet", "--manuscript", m.root.lastPathComponent], in: parent)
        #expect(r.status == 0)
        #expect(r.output == summary)
        // Not on a terminal, the progress is one line per step, on standard error.
        let shown = try run(["check", "--manuscript", m.root.lastPathComponent], in: parent)
        #expect(shown.output == "[1/1] read the manuscript\n" + summary)
    }

    @Test(.enabled(if: available, "build the modelbook binary first (swift build)"))
    func errorsExitOneAndArePrintedWithPositions() throws {
        let m = try TempManuscript()
        defer { m.cleanUp() }
        try m.replace("submissions/NB-2024-0001.xml", "kind=\"model\"", "kind=\"modle\"")
        let r = try run(["check", "--quiet", "--manuscript", m.root.path], in: m.root)
        #expect(r.status == 1)
        #expect(r.output.hasPrefix("submissions/NB-2024-0001.xml:2:31: error: attribute kind=\"modle\" is not allowed: use model or example"), "\(r.output)")
        #expect(r.output.hasSuffix(": 1 error, 0 warnings (1 file with errors)\n"), "\(r.output)")

        let json = try run(["check", "--quiet", "--manuscript", m.root.path, "--format", "json"], in: m.root)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 0)
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(finding["path"] as? String == "submissions/NB-2024-0001.xml")
        #expect(finding["line"] as? Int == 2 && finding["column"] as? Int == 31)
        #expect(finding["severity"] as? String == "error")
        #expect((object["counts"] as? [String: Any])?["submissions"] as? Int == 3)
    }

    @Test(.enabled(if: available, "build the modelbook binary first (swift build)"))
    func missingFolderAndUsageErrors() throws {
        let dir = FileManager.default.temporaryDirectory
        let missing = try run(["check", "--quiet", "--manuscript", "no-such-manuscript"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.output.hasPrefix("no-such-manuscript:1:1: error: the manuscript folder no-such-manuscript does not exist\n"))
        let vietnamese = try run(["check", "--quiet", "--manuscript", "no-such-manuscript", "--lang", "vi"], in: dir)
        #expect(vietnamese.output.hasPrefix("no-such-manuscript:1:1: lỗi: không có thư mục bản thảo no-such-manuscript\n"))
        let usage = try run(["check", "--format", "yaml"], in: dir)
        #expect(usage.status == 64)
        #expect(usage.output.hasPrefix("Error: The value 'yaml' is invalid for '--format <format>'"), "\(usage.output)")
        let unknown = try run(["check", "--bogus"], in: dir, locale: "vi_VN.UTF-8")
        #expect(unknown.status == 64)
        #expect(unknown.output == """
            Lỗi: không có tuỳ chọn '--bogus'
            Cách dùng: modelbook check [--manuscript <DIR>] [--lang <vi|en>] [--quiet] [--format <format>]
              Xem 'modelbook check --help' để biết thêm.

            """, "\(unknown.output)")
        let invalid = try run(["check", "--format", "yaml", "--lang", "vi"], in: dir)
        #expect(invalid.status == 64)
        #expect(invalid.output.hasPrefix("Lỗi: giá trị 'yaml' không hợp lệ cho '--format <format>'; hãy dùng một trong các giá trị 'text', 'json'\n"),
                "\(invalid.output)")
    }

    // MARK: The same findings in both languages

    /// The broken fixture (errors of several kinds and two warnings), checked in a copy so that
    /// paths print as `broken/…`; its output is compared byte for byte with the golden files.
    func checkBroken(_ arguments: [String], locale: String) throws -> (status: Int32, output: String) {
        let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("modelbook-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("broken"), to: parent.appendingPathComponent("broken"))
        return try run(["check", "--quiet", "--manuscript", "broken"] + arguments, in: parent, locale: locale)
    }

    func golden(_ name: String) throws -> String {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/golden/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test(.enabled(if: available, "build the modelbook binary first (swift build)"),
          arguments: [(["--lang", "vi"], "C.UTF-8", "check-broken.vi.txt"),
                      ([], "C.UTF-8", "check-broken.vi.txt"),
                      (["--lang", "en"], "vi_VN.UTF-8", "check-broken.en.txt"),
                      ([], "en_US.UTF-8", "check-broken.en.txt")])
    func brokenManuscriptMatchesTheGoldenOutput(arguments: [String], locale: String, file: String) throws {
        let r = try checkBroken(arguments, locale: locale)
        #expect(r.status == 1)
        #expect(r.output == (try golden(file)))
    }

    @Test(.enabled(if: available, "build the modelbook binary first (swift build)"))
    func jsonKeepsEnglishKeysSeveritiesAndStableCodes() throws {
        var byLanguage: [[[String: Any]]] = []
        for language in ["vi", "en"] {
            let r = try checkBroken(["--format", "json", "--lang", language], locale: "C.UTF-8")
            #expect(r.status == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["findings", "counts", "errors", "warnings"])
            #expect(object["errors"] as? Int == 12 && object["warnings"] as? Int == 2)
            let findings = try #require(object["findings"] as? [[String: Any]])
            for f in findings {
                #expect(Set(f.keys) == ["severity", "path", "line", "column", "code", "message", "notes"])
                #expect(["error", "warning"].contains(f["severity"] as? String ?? ""))
            }
            byLanguage.append(findings)
        }
        let codes = byLanguage.map { $0.map { ($0["code"] as? String) ?? "?" } }
        #expect(codes[0] == codes[1])
        #expect(codes[0] == [
            "check.unknown", "check.criteria-unscored", "check.score-outside-scale", "check.unknown-submission",
            "check.not-xml-file", "check.month-not-real", "check.rank-needs-keep", "check.quota-min-above-max",
            "check.value-not-allowed", "check.unknown", "check.date-not-real", "check.link-not-allowed",
            "check.file-name-mismatch", "check.tag-mismatch",
        ])
        let first = byLanguage.map { $0.first?["message"] as? String }
        #expect(first[0] == "không có huyện \"kim-sno\" trong districts.xml; có phải là \"kim-son\" không?")
        #expect(first[1] == "unknown district \"kim-sno\": it is not in districts.xml; did you mean \"kim-son\"?")
    }

    @Test(.enabled(if: available, "build the modelbook binary first (swift build)"))
    func helpIsVietnameseByDefaultAndEnglishOnRequest() throws {
        let dir = FileManager.default.temporaryDirectory
        let vietnamese = try run(["check", "--help"], in: dir, locale: "C.UTF-8")
        #expect(vietnamese.status == 0)
        #expect(vietnamese.output.contains("Kiểm tra mọi tệp của bản thảo và liệt kê từng vấn đề"), "\(vietnamese.output)")
        #expect(vietnamese.output.contains("--manuscript <DIR>      Thư mục bản thảo."), "\(vietnamese.output)")
        let english = try run(["check", "--help", "--lang", "en"], in: dir, locale: "C.UTF-8")
        #expect(english.output.contains("Check every file of the manuscript and list each problem"), "\(english.output)")
        #expect(english.output.contains("--manuscript <DIR>      The manuscript folder."), "\(english.output)")
        #expect(!english.output.contains("Thư mục bản thảo"))
        let fromLocale = try run(["check", "--help"], in: dir, locale: "en_GB.UTF-8")
        #expect(fromLocale.output == english.output)
    }
}
