import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ManuscriptGenerator

/// A minimal element tree, enough to read what the generator wrote (independently of its code).
final class Node {
    let name: String
    let attributes: [String: String]
    var children: [Node] = []
    /// Text nodes directly inside this element, in order.
    var texts: [String] = []
    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }
    subscript(_ name: String) -> String? { attributes[name] }
    func child(_ name: String) -> Node? { children.first { $0.name == name } }
    func all(_ name: String) -> [Node] { children.filter { $0.name == name } }
    var descendants: [Node] { children + children.flatMap(\.descendants) }
    /// formats.md's `min-body-words`: whitespace-separated tokens of every text node inside.
    var wordCount: Int {
        texts.reduce(0) { $0 + $1.split(whereSeparator: { $0.isWhitespace }).count }
            + children.reduce(0) { $0 + $1.wordCount }
    }
}

struct ParseError: Error, CustomStringConvertible {
    let description: String
}

final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [Node] = []
    var root: Node?
    var pendingText = ""

    func flush() {
        if !pendingText.isEmpty, let top = stack.last { top.texts.append(pendingText) }
        pendingText = ""
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        flush()
        let node = Node(name: qualifiedName ?? name, attributes: attributes)
        stack.last?.children.append(node)
        if root == nil { root = node }
        stack.append(node)
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        flush()
        stack.removeLast()
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { pendingText += string }
}

enum Files {
    static func parse(_ url: URL) throws -> Node {
        let parser = XMLParser(data: try Data(contentsOf: url))
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "\(url.path): \(parser.parserError.map { "\($0)" } ?? "no root element")")
        }
        return root
    }

    /// Every regular file under `folder`, as sorted relative paths.
    static func list(_ folder: URL) throws -> [String] {
        let base = folder.standardizedFileURL.path
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        var result: [String] = []
        while let path = e.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result.append(path) }
        }
        return result.sorted()
    }

    static func temporaryFolder(_ tag: String) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("modelbook-cli-tests-\(tag)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        return url
    }

    /// Runs a program found on PATH; nil when it is not installed.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            .split(separator: ":").map { "\($0)/\(program)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { return nil }
        return try run(URL(fileURLWithPath: path), arguments)
    }

    /// Runs an executable with standard output and error together.
    /// Runs the program in English (`LC_ALL=en_US.UTF-8`, unless `environment` names a locale), so
    /// that the result does not depend on the machine's locale; `--lang vi` asks for Vietnamese.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = environment ?? ProcessInfo.processInfo.environment
        if environment["LC_ALL"] == nil { environment["LC_ALL"] = "en_US.UTF-8" }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The default sample, generated once for the tests that only read it.
enum DefaultSample {
    static let folder: URL = {
        let url = Files.temporaryFolder("default")
        _ = try! ManuscriptGenerator.generate(into: url, options: GeneratorOptions())
        return url
    }()
}
