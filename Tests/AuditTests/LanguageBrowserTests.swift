import Foundation
import Testing

/// The overview page of the report `modelbook audit` writes for the sample manuscript, read in a
/// real browser (Chromium through Selenium and chromedriver): in Vietnamese by default, with no
/// English words left; in English with `--lang en`.
@Suite(.serialized) struct LanguageBrowserTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = repo.appendingPathComponent(".build/debug/modelbook")
    static let script = repo.appendingPathComponent("Tests/browser/audit_text.py")
    static let manuscript = repo.appendingPathComponent("manuscript")

    /// English words that must not be left on the Vietnamese page (case-sensitive, whole words).
    static let english = ["Candidates", "Candidate", "Reviewer", "Reviewers", "Round", "Score", "Scores",
                          "Selected", "Field", "District", "Summary"]

    static let vietnamese = ["Tổng quan", "Hồ sơ", "Danh sách được chọn", "Người chấm", "Kiểm tra quá trình xét chọn",
                             "hồ sơ đã nộp", "bài trong sách", "Các vòng xét chọn", "Chỉ tiêu của vòng cuối",
                             "Độ nhất quán giữa các thành viên hội đồng", "Điểm", "Biên bản các vòng", "Tệp xuất (CSV)"]

    static let englishLabels = ["Overview", "Candidates", "The selection", "Reviewers", "Audit of the selection",
                                "submitted", "in the book", "Rounds", "Quotas of the final round",
                                "Do the reviewers agree?", "Scores", "Round records", "Exports"]

    /// What the test needs from the system, or what is missing and the Debian packages that give it.
    static func missing() -> String? {
        let needs = [("/usr/bin/chromium", "chromium"), ("/usr/bin/chromedriver", "chromium-driver"), ("/usr/bin/python3", "python3")]
        var missing = needs.filter { !FileManager.default.isExecutableFile(atPath: $0.0) }.map(\.1)
        if missing.isEmpty, (try? run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", "import selenium"]).status) != 0 {
            missing.append("python3-selenium")
        }
        return missing.isEmpty ? nil : "apt-get install \(missing.joined(separator: " ")) for the audit's browser test"
    }

    /// Whether the browser, its driver and the built binary are there; records what is missing otherwise.
    static func ready() -> Bool {
        if let missing = missing() {
            Issue.record(Comment(rawValue: missing))
            return false
        }
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            Issue.record("build the modelbook binary first (swift build): \(binary.path) is missing")
            return false
        }
        return true
    }

    /// Runs a program with `LANG=C` (so only `--lang` decides); standard error goes to a file so no pipe can fill up.
    static func run(_ program: URL, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES"] { environment[name] = nil }
        environment["LANG"] = "C"
        process.environment = environment
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("audit-lang-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self),
                (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    /// The overview as the browser shows it, for a report written with `lang` (nil: no `--lang`).
    static func overview(lang: String?) throws -> (lang: String, title: String, text: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("audit-lang-\(lang ?? "default")-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let audit = try run(binary, ["audit", "--manuscript", manuscript.path, "--out", out.path] + (lang.map { ["--lang", $0] } ?? []))
        #expect(audit.status == 0, "modelbook audit failed: \(audit.output)\(audit.errors)")
        let page = out.appendingPathComponent("index.html")
        let seen = try run(URL(fileURLWithPath: "/usr/bin/python3"), [script.path, page.absoluteString])
        #expect(seen.status == 0, "the browser could not read \(page.path): \(seen.errors.suffix(2000))")
        let json = try #require(try? JSONSerialization.jsonObject(with: Data(seen.output.utf8)) as? [String: String], "\(seen.output)")
        return (json["lang"] ?? "", json["title"] ?? "", json["text"] ?? "")
    }

    /// The words of `list` that occur in `text` as whole words, case-sensitive.
    static func wholeWords(_ list: [String], in text: String) -> [String] {
        list.filter { word in
            text.ranges(of: word).contains { range in
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
            }
        }
    }

    @Test("the overview in Chromium is Vietnamese by default: its labels, decimal commas, no English words")
    func vietnameseOverview() throws {
        guard Self.ready() else { return }
        for lang in [nil, "vi"] as [String?] {
            let page = try Self.overview(lang: lang)
            #expect(page.lang == "vi")
            #expect(page.title == "Kiểm tra quá trình xét chọn")
            let absent = Self.vietnamese.filter { !page.text.contains($0) }
            #expect(absent.isEmpty, "Vietnamese labels missing: \(absent)")
            let left = Self.wholeWords(Self.english, in: page.text)
            #expect(left.isEmpty, "English words on the Vietnamese overview: \(left)")
            // Krippendorff's thresholds in the reliability lead, written the Vietnamese way.
            #expect(page.text.contains("Từ 0,8 trở lên") && page.text.contains("dưới 0,667"))
        }
    }

    @Test("with --lang en the overview in Chromium is English")
    func englishOverview() throws {
        guard Self.ready() else { return }
        let page = try Self.overview(lang: "en")
        #expect(page.lang == "en")
        #expect(page.title == "Audit of the selection")
        let absent = Self.englishLabels.filter { !page.text.contains($0) }
        #expect(absent.isEmpty, "English labels missing: \(absent)")
        #expect(page.text.contains("At 0.8 or above") && page.text.contains("below 0.667"))
        #expect(!page.text.contains("Tổng quan") && !page.text.contains("Các vòng xét chọn"))
    }
}
