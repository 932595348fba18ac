/// A problem found while reading or validating XML, with its 1-based position.
public struct XMLProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var line: Int
    public var column: Int
    /// libxml2's words, or XMLKit's plain English for the problems it recognises.
    public var message: String
    /// What the problem is, when XMLKit recognised it: callers word it in the user's language.
    public var reason: Reason?

    public init(_ severity: Severity = .error, line: Int, column: Int, _ message: String, reason: Reason? = nil) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
        self.reason = reason
    }

    /// The problems XMLKit recognises, with what a message about them needs.
    public enum Reason: Hashable, Sendable {
        case tooLarge(megabytes: Double, limit: Double)
        case utf16
        case empty
        case nulByte
        case invalidUTF8(bytes: String)
        case doctype
        case outOfMemory
        case notWellFormed
        case tooDeep(levels: Int)
        case noElement
        /// `</close>` ends the element `<open>` started on `line`; `detail` is libxml2's own
        /// words when they could not be taken apart.
        case tagMismatch(open: String, line: Int, close: String)
        case tagMismatchDetail(String)
        case extraContent
        case prematureEnd
        case bareAmpersand
        case unknownEntity(name: String)
        case entityExpansion
        /// A schema the program needs is not where it was installed.
        case schemaMissing(name: String)
    }

    public var description: String { "\(line):\(column): \(severity.rawValue): \(message)" }
}

/// Why a file could not be parsed at all. The problems are in source order.
public struct XMLParseFailure: Error, Sendable {
    public var problems: [XMLProblem]
    public init(_ problems: [XMLProblem]) { self.problems = problems }
}
