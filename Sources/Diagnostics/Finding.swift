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
    public var message: String
    /// Further lines that help, each printed as `path:line:col: note: …` when it has a location.
    public var notes: [Note]

    public struct Note: Hashable, Sendable, Codable {
        public var location: SourceLocation?
        public var message: String
        public init(location: SourceLocation? = nil, message: String) {
            self.location = location
            self.message = message
        }
    }

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, notes: [Note] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    public static func error(at location: SourceLocation, _ message: String, notes: [Note] = []) -> Finding {
        Finding(.error, at: location, message, notes: notes)
    }

    public static func warning(at location: SourceLocation, _ message: String, notes: [Note] = []) -> Finding {
        Finding(.warning, at: location, message, notes: notes)
    }
}

extension Finding {
    /// The conventional compiler-style line: `path:line:col: error: message`, then its notes.
    public var formatted: String {
        var lines = ["\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"]
        for note in notes {
            if let at = note.location {
                lines.append("\(at.path):\(at.line):\(at.column): note: \(note.message)")
            } else {
                lines.append("    note: \(note.message)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Array where Element == Finding {
    /// Findings in a stable order: by path, line, column, then severity and message.
    public func sortedForReport() -> [Finding] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message < b.message
        }
    }

    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
}
