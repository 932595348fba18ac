internal import CLibXML2

/// A compiled RELAX NG schema. Validation contexts are made per call, so one schema can be
/// shared by several threads.
public final class RelaxNGSchema: @unchecked Sendable {
    let schema: xmlRelaxNGPtr

    /// Compiles a schema from its text. `name` is used in error messages only.
    public convenience init(text: String, name: String) throws(XMLParseFailure) {
        try self.init(bytes: Array(text.utf8), name: name)
    }

    public init(bytes: [UInt8], name: String) throws(XMLParseFailure) {
        LibXML.initialize()
        // libxml2's memory parser context keeps the pointer, not a copy: compile while the bytes
        // are pinned, or another thread may reuse the memory before xmlRelaxNGParse reads it.
        let compiled: Result<xmlRelaxNGPtr, XMLParseFailure> = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                guard let parser = xmlRelaxNGNewMemParserCtxt(chars, Int32(buffer.count)) else {
                    return .failure(XMLParseFailure([XMLProblem(line: 1, column: 1, "cannot read schema \(name)")]))
                }
                do throws(XMLParseFailure) {
                    return .success(try Self.compile(parser, name: name))
                } catch {
                    return .failure(error)
                }
            }
        }
        self.schema = try compiled.get()
    }

    /// Compiles a schema file (its `include`s and `externalRef`s are read from local files only).
    public init(path: String) throws(XMLParseFailure) {
        LibXML.initialize()
        guard let parser = xmlRelaxNGNewParserCtxt(path) else {
            throw XMLParseFailure([XMLProblem(line: 1, column: 1, "cannot read schema \(path)")])
        }
        self.schema = try Self.compile(parser, name: path)
    }

    private static func compile(_ parser: xmlRelaxNGParserCtxtPtr, name: String) throws(XMLParseFailure) -> xmlRelaxNGPtr {
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        let collector = ProblemCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlRelaxNGSetParserStructuredErrors(parser, { data, error in
            guard let data, let error else { return }
            Unmanaged<ProblemCollector>.fromOpaque(data).takeUnretainedValue().add(error.pointee, node: nil)
        }, box.toOpaque())
        guard let schema = xmlRelaxNGParse(parser) else {
            var problems = collector.problems
            if problems.isEmpty { problems = [XMLProblem(line: 1, column: 1, "schema \(name) does not compile")] }
            throw XMLParseFailure(problems)
        }
        return schema
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    /// Every validation problem of a document, positioned at the offending element where libxml2
    /// names one. An empty array means the document is valid.
    public func validate(_ document: XMLDocument) -> [XMLProblem] {
        guard let context = xmlRelaxNGNewValidCtxt(schema) else {
            return [XMLProblem(line: 1, column: 1, "out of memory while validating")]
        }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        let collector = ProblemCollector()
        collector.document = document
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        let handler: xmlStructuredErrorFunc = { data, error in
            guard let data, let error else { return }
            Unmanaged<ProblemCollector>.fromOpaque(data).takeUnretainedValue().add(error.pointee, node: nil)
        }
        xmlRelaxNGSetValidStructuredErrors(context, handler, box.toOpaque())
        // ID/IDREF problems are found after the schema pass and reported through the thread's
        // own error handler (libxml2 would print them to stderr): collect them too.
        xmlSetStructuredErrorFunc(box.toOpaque(), handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let result = xmlRelaxNGValidateDoc(context, document.doc)
        if result != 0 && collector.problems.isEmpty {
            return [XMLProblem(line: 1, column: 1, "the document does not match the schema")]
        }
        return collector.problems
    }
}
