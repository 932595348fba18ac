import Foundation
import XMLKit

/// The kinds of file in a manuscript folder, each with its RELAX NG schema.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    case book, districts, fields, rubric, reviewers, selection, submission, reviews, assignments

    /// The schema's file name inside the package's `schemas` resource folder.
    public var schemaFileName: String { rawValue + ".rng" }

    /// The schema file shipped with the program, when the resource bundle is present.
    public var schemaURL: URL? {
        Bundle.module.url(forResource: rawValue, withExtension: "rng", subdirectory: "schemas")
    }

    /// The schema's text.
    public var schemaText: String? {
        guard let url = schemaURL, let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// What the root element must be called.
    public var rootElement: String { self == .submission ? "submission" : rawValue }
}

/// The compiled schemas of one worker thread, with the vocabulary model used to explain errors.
///
/// Each worker compiles its own copies: libxml2 does not promise that one compiled RELAX NG
/// schema may be validated against from two threads at once, and compiling these small schemas
/// costs about a millisecond.
final class SchemaSet {
    private var compiled: [InputFormat: RelaxNGSchema] = [:]

    func schema(_ format: InputFormat) throws(XMLParseFailure) -> RelaxNGSchema {
        if let s = compiled[format] { return s }
        guard let text = format.schemaText else {
            throw XMLParseFailure([XMLProblem(line: 1, column: 1,
                "the schema \(format.schemaFileName) is missing from the installation; reinstall modelbook",
                reason: .schemaMissing(name: format.schemaFileName))])
        }
        let s = try RelaxNGSchema(text: text, name: format.schemaFileName)
        compiled[format] = s
        return s
    }
}

/// The models of every schema, derived once from the schema files (read-only afterwards).
enum SchemaModels {
    static let all: [InputFormat: SchemaModel] = {
        var out: [InputFormat: SchemaModel] = [:]
        for format in InputFormat.allCases {
            if let text = format.schemaText, let doc = try? XMLDocument.parse(Array(text.utf8)) {
                out[format] = SchemaModel(grammar: doc.root)
            }
        }
        return out
    }()
}
