internal import CLibXML2

/// Bounds that keep a hostile file from costing a crash, a hang or a memory spike.
public struct ParseLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    public init(maxBytes: Int = 16 * 1_048_576) {
        self.maxBytes = maxBytes
    }
    /// The nesting bound is libxml2's own (256 levels without XML_PARSE_HUGE, which is never set).
    public static let maxDepth = 256
}

/// A parsed XML document. Owns the libxml2 tree and frees it exactly once.
///
/// Parsing is safe by default: no DTD is accepted (a DOCTYPE is an error), so no entity can be
/// declared or expanded; no network access; libxml2's depth and size limits stay on.
public final class XMLDocument: @unchecked Sendable {
    let doc: xmlDocPtr
    /// The bytes as read, for positions.
    public let source: SourceText
    /// Byte offset of each element's `<`, indexed by document order.
    let elementOffsets: [Int]
    /// Whether the text is certainly in Unicode NFC, found in the same pass that checked the
    /// UTF-8 (false means "not known": the caller checks exactly).
    public let isCertainlyNFC: Bool

    private init(doc: xmlDocPtr, source: SourceText, elementOffsets: [Int], isCertainlyNFC: Bool) {
        self.doc = doc
        self.source = source
        self.elementOffsets = elementOffsets
        self.isCertainlyNFC = isCertainlyNFC
    }

    deinit {
        xmlFreeDoc(doc)
    }

    /// Parses bytes as a UTF-8 XML document, or fails with every problem libxml2 reported.
    public static func parse(_ bytes: [UInt8], limits: ParseLimits = ParseLimits()) throws(XMLParseFailure) -> XMLDocument {
        LibXML.initialize()
        let source = SourceText(bytes: bytes)
        // A file over the size limit is refused before anything reads all of it.
        let scan = bytes.count <= limits.maxBytes ? Prescan.quickScan(bytes) : (clean: false, certainlyNFC: false)
        if let problem = Prescan.firstProblem(in: source, limits: limits, knownClean: scan.clean) {
            throw XMLParseFailure([problem])
        }
        guard let ctxt = xmlNewParserCtxt() else {
            throw XMLParseFailure([XMLProblem(line: 1, column: 1, "out of memory while starting the XML parser", reason: .outOfMemory)])
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let collector = ProblemCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        ctxt.pointee._private = box.toOpaque()
        ctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let raw = ctxt.pointee._private else { return }
            Unmanaged<ProblemCollector>.fromOpaque(raw).takeUnretainedValue().add(error.pointee, node: nil)
        }
        // COMPACT keeps short texts inside their nodes (fewer allocations); the tree is never
        // modified after parsing (only the `_private` slot is set), which is what it requires.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_COMPACT.rawValue)
        let docPtr: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                xmlCtxtReadMemory(ctxt, chars, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let docPtr, ctxt.pointee.wellFormed != 0, collector.problems.allSatisfy({ $0.severity != .error }) else {
            if let docPtr { xmlFreeDoc(docPtr) }
            var problems = collector.problems.filter { $0.severity == .error }
            if problems.isEmpty {
                problems = [XMLProblem(line: 1, column: 1, "the file is not well-formed XML", reason: .notWellFormed)]
            }
            throw XMLParseFailure(problems)
        }
        let offsets = Prescan.elementStarts(bytes)
        let document = XMLDocument(doc: docPtr, source: source, elementOffsets: offsets,
                                   isCertainlyNFC: scan.clean && scan.certainlyNFC)
        document.numberElements()
        return document
    }

    /// The root element.
    public var root: XMLElement {
        XMLElement(document: self, node: xmlDocGetRootElement(doc)!)
    }

    /// Stores each element's document-order index in its `_private` slot (as index + 1).
    private func numberElements() {
        guard let root = xmlDocGetRootElement(doc) else { return }
        var index = 0
        // Iterative pre-order walk along the tree's own links (no array per element):
        // first child element, else the next sibling element of the node or of an ancestor.
        var node: xmlNodePtr? = root
        while let n = node {
            n.pointee._private = UnsafeMutableRawPointer(bitPattern: index + 1)
            index += 1
            if let child = Self.elementOrNext(n.pointee.children) {
                node = child
                continue
            }
            var up: xmlNodePtr? = n
            node = nil
            while let u = up, u != root {
                if let sibling = Self.elementOrNext(u.pointee.next) {
                    node = sibling
                    break
                }
                up = u.pointee.parent
            }
        }
    }

    /// The node itself when it is an element, else its first following sibling that is one.
    private static func elementOrNext(_ start: xmlNodePtr?) -> xmlNodePtr? {
        var c = start
        while let x = c, x.pointee.type != XML_ELEMENT_NODE { c = x.pointee.next }
        return c
    }

    /// Line and column of an element's start tag.
    func position(of node: xmlNodePtr) -> (line: Int, column: Int) {
        if let raw = node.pointee._private {
            let index = Int(bitPattern: raw) - 1
            if index >= 0, index < elementOffsets.count {
                return source.position(ofOffset: elementOffsets[index])
            }
        }
        return (Int(xmlGetLineNo(node)), 1)
    }

    func offset(of node: xmlNodePtr) -> Int? {
        guard let raw = node.pointee._private else { return nil }
        let index = Int(bitPattern: raw) - 1
        return index >= 0 && index < elementOffsets.count ? elementOffsets[index] : nil
    }
}

/// Gathers libxml2's structured errors into problems, translated into plain words.
final class ProblemCollector {
    var problems: [XMLProblem] = []
    /// Strong on purpose: a weak reference would give every document a side table, and then every
    /// retain and release of it (one per element handed out) takes the slow path. The collector
    /// lives only while one document is validated, so there is no cycle.
    var document: XMLDocument?

    func add(_ error: xmlError, node: xmlNodePtr?) {
        let severity: XMLProblem.Severity = error.level == XML_ERR_WARNING ? .warning : .error
        var line = Int(error.line)
        var column = Int(error.int2)
        let errorNode = node ?? error.node.map { $0.assumingMemoryBound(to: xmlNode.self) }
        if let document, let errorNode, errorNode.pointee.type == XML_ELEMENT_NODE {
            (line, column) = document.position(of: errorNode)
        }
        let raw = error.message.map { String(cString: $0) } ?? "unknown XML error"
        let (message, reason) = LibXML.plainMessage(raw.trimmingWhitespace(), code: Int(error.code))
        problems.append(XMLProblem(severity, line: max(line, 1), column: max(column, 1), message, reason: reason))
    }
}

enum LibXML {
    private static let once: Void = {
        xmlInitParser()
        // Never fetch anything over the network (schemas may still include local files).
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
    }()

    static func initialize() { _ = once }

    /// libxml2's parser messages, in words an editor can act on, and what they mean (nil: a
    /// message of libxml2's that is passed on as it is).
    static func plainMessage(_ message: String, code: Int) -> (String, XMLProblem.Reason?) {
        if message.hasPrefix("Excessive depth in document") {
            return ("elements are nested more than \(ParseLimits.maxDepth) levels deep; the file is damaged or hostile",
                    .tooDeep(levels: ParseLimits.maxDepth))
        }
        if message.hasPrefix("Document is empty") || message.hasPrefix("Start tag expected") {
            return ("no XML element found; the file must start with an element such as <submission>", .noElement)
        }
        if message.hasPrefix("Opening and ending tag mismatch") {
            let detail = message.drop(while: { $0 != ":" }).dropFirst().trimmingWhitespace()
            // "title line 3 and titel"
            let words = detail.split(separator: " ")
            let reason: XMLProblem.Reason = if words.count == 5, words[1] == "line", let line = Int(words[2]), words[3] == "and" {
                .tagMismatch(open: String(words[0]), line: line, close: String(words[4]))
            } else {
                .tagMismatchDetail(detail)
            }
            return ("closing tag does not match the open element (" + detail + ")", reason)
        }
        if message.hasPrefix("Extra content at the end of the document") {
            return ("text or elements after the end of the root element; a file holds exactly one root element", .extraContent)
        }
        if message.hasPrefix("Premature end of data") || message.hasPrefix("EndTag: '</' not found") {
            return ("the file ends before all elements are closed", .prematureEnd)
        }
        if message.hasPrefix("xmlParseEntityRef: no name") {
            return ("a bare '&' in text: write it as &amp;", .bareAmpersand)
        }
        if message.hasPrefix("Entity '"), message.hasSuffix("' not defined") {
            let name = String(message.dropFirst(8).dropLast(13))
            return ("unknown entity '\(name)': only &amp; &lt; &gt; &quot; &apos; and numeric character references are allowed",
                    .unknownEntity(name: name))
        }
        if message.contains("Detected an entity reference loop") || message.contains("entity amplification") {
            return ("entity expansion is not allowed", .entityExpansion)
        }
        return (message, nil)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
