import Messages

/// Where in a file a finding points: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    /// The path as it should be printed (relative to the current directory where possible).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// How serious a finding is. Only errors make `check` fail.
public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, note

    private var order: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.order < b.order }
}

/// One problem found in the manuscript, in words an editor can act on.
public struct Finding: Hashable, Sendable, Codable {
    public var severity: Severity
    public var location: SourceLocation
    public var message: Message
    /// Further lines that help, each printed as `path:line:col: note: …` when it has a location.
    public var notes: [Note]

    public struct Note: Hashable, Sendable, Codable {
        public var location: SourceLocation?
        public var message: Message
        public init(location: SourceLocation? = nil, message: Message) {
            self.location = location
            self.message = message
        }
        /// A note in words that are not ours to translate (a validator's own text, a file's content).
        public init(location: SourceLocation? = nil, verbatim: String) {
            self.init(location: location, message: .verbatim(verbatim))
        }
    }

    public init(_ severity: Severity, at location: SourceLocation, _ message: Message, notes: [Note] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    public static func error(at location: SourceLocation, _ message: Message, notes: [Note] = []) -> Finding {
        Finding(.error, at: location, message, notes: notes)
    }

    public static func warning(at location: SourceLocation, _ message: Message, notes: [Note] = []) -> Finding {
        Finding(.warning, at: location, message, notes: notes)
    }

    /// A finding in words that are not ours to translate (a validator's own text).
    public static func error(at location: SourceLocation, verbatim: String, notes: [Note] = []) -> Finding {
        Finding(.error, at: location, .verbatim(verbatim), notes: notes)
    }
}

extension Severity {
    /// The word printed before a finding's message: `lỗi`, `cảnh báo`, `ghi chú` in Vietnamese,
    /// `error`, `warning`, `note` in English. Tools that parse findings should use `--format json`,
    /// whose `severity` field is always English, or `--lang en`.
    public func word(in language: Language = Language.current) -> String {
        switch self {
        case .error: CommonText.error.message.text(in: language)
        case .warning: CommonText.warning.message.text(in: language)
        case .note: CommonText.note.message.text(in: language)
        }
    }
}

extension Finding {
    /// The conventional compiler-style line: `path:line:col: lỗi: message` (`error` in English),
    /// then its notes.
    public func formatted(in language: Language = Language.current) -> String {
        let at = "\(location.path):\(location.line):\(location.column)"
        var lines = ["\(at): \(severity.word(in: language)): \(message.text(in: language))"]
        let note = Severity.note.word(in: language)
        for item in notes {
            if let where_ = item.location {
                lines.append("\(where_.path):\(where_.line):\(where_.column): \(note): \(item.message.text(in: language))")
            } else {
                lines.append("    \(note): \(item.message.text(in: language))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `formatted(in:)` in the current language.
    public var formatted: String { formatted() }
}

extension Array where Element == Finding {
    /// Findings in a stable order: by path, line, column, then severity and message.
    public func sortedForReport() -> [Finding] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.message.code != b.message.code { return a.message.code < b.message.code }
            return a.message.text(in: .en) < b.message.text(in: .en)
        }
    }

    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
}
