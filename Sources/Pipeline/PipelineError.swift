import Messages
import ManuscriptModel

/// A failure that names the step and, when there is one, the file.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public var step: String
    public var path: String?
    public var message: String
    /// Further lines (tool log lines, validation errors), printed as they are.
    public var details: [String]
    /// The findings behind the failure (the manuscript's errors, a round that cannot run), when
    /// there are any; `details` holds them formatted.
    public var findings: [Finding]

    public init(step: String, path: String?, message: String, details: [String] = [], findings: [Finding] = []) {
        self.step = step
        self.path = path
        self.message = message
        self.details = details
        self.findings = findings
    }

    /// The same failure, its message followed by what it means for the command (`; nothing was built`).
    public func adding(_ consequence: String) -> PipelineError {
        var e = self
        e.message += consequence
        return e
    }

    public var description: String {
        var s = (path.map { $0 + ": " } ?? "") + CommonText.error.text + ": " + step + ": " + message
        for d in details { s += "\n" + d }
        return s
    }
}
