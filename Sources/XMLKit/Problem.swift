/// A problem found while reading or validating XML, with its 1-based position.
public struct XMLProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ severity: Severity = .error, line: Int, column: Int, _ message: String) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(severity.rawValue): \(message)" }
}

/// Why a file could not be parsed at all. The problems are in source order.
public struct XMLParseFailure: Error, Sendable {
    public var problems: [XMLProblem]
    public init(_ problems: [XMLProblem]) { self.problems = problems }
}
