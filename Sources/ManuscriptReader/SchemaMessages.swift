import ManuscriptModel
import XMLKit

/// Turns libxml2's RELAX NG messages into plain findings an editor can act on.
///
/// libxml2 reports in the schema's terms ("Expecting element x, got y", "Element a failed to
/// validate attributes") and repeats a failure up the tree. Each raw message is parsed, the
/// element it names is found in the document, and the explanation is rebuilt from the schema's
/// vocabulary (which attribute, which value, what is allowed). Generic cascade lines are dropped
/// when a more specific finding exists for the file.
struct SchemaMessages {
    let document: XMLDocument
    let model: SchemaModel?
    let path: String
    /// What this file is, for the generic fallback ("does not match the format of a submission").
    let what: String

    private struct Node {
        var element: XMLElement
        var parent: Int?
        var line: Int
        var column: Int
    }

    private enum Raw {
        case expecting(expected: String, got: String)
        case missing(expected: String)
        case unexpected(String)
        case textNotAllowed(String)
        case attributeTrouble(element: String, attribute: String?)
        case badValue(type: String, value: String?)
        case namespace(String)
        case generic(String?)
        case other(String)
    }

    func translate(_ problems: [XMLProblem]) -> [Finding] {
        let nodes = index()
        var specific: [Finding] = []
        var genericAt: [(SourceLocation, String?)] = []
        /// Elements that already have an attribute or value finding (to drop "got nothing" noise).
        var explained: Set<Int> = []

        func nodesAt(_ p: XMLProblem, named name: String? = nil) -> [Int] {
            let here = nodes.indices.filter { nodes[$0].line == p.line && nodes[$0].column == p.column }
            guard let name else { return here }
            // libxml2 sometimes names an ancestor but points at a child: climb to the named element.
            var out: [Int] = []
            for i in here {
                var k: Int? = i
                while let j = k, nodes[j].element.name != name { k = nodes[j].parent }
                if let j = k { out.append(j) }
            }
            if out.isEmpty, p.line == 1, p.column == 1 {
                // No position at all: every element of that name is a candidate.
                return nodes.indices.filter { nodes[$0].element.name == name }
            }
            return out
        }

        // libxml2 says "Expecting element a, got x" once per alternative, and "Did not expect x"
        // besides: gather the alternatives of each place into one finding.
        var alternatives: [String: [String]] = [:]
        for p in problems {
            if case .expecting(let expected, let got) = parse(p.message) {
                alternatives["\(p.line):\(p.column):\(got)", default: []].append(expected)
            }
        }
        var done: Set<String> = []
        for p in problems {
            let loc = SourceLocation(path: path, line: p.line, column: p.column)
            switch parse(p.message) {
            case .expecting(_, let got):
                let key = "\(p.line):\(p.column):\(got)"
                guard done.insert(key).inserted else { continue }
                var expected = alternatives[key] ?? []
                if expected.count > 6 { expected = Array(expected.prefix(6)) + ["…"] }
                specific.append(.error(at: loc, unexpectedMessage(got, nodes: nodes, at: nodesAt(p).first, expected: expected)))
            case .unexpected(let name) where alternatives["\(p.line):\(p.column):\(name)"] != nil:
                continue
            case .missing(let expected):
                guard let i = nodesAt(p).first else { continue }
                let name = nodes[i].element.name
                // Only when the schema really requires it: libxml2 also says this after other failures.
                if let spec = model?.elements[name], spec.slots.contains(where: { $0.required && $0.names.contains(expected) }) {
                    specific.append(.error(at: loc, "<\(name)> is missing the element <\(expected)>"))
                } else {
                    genericAt.append((loc, name))
                }
            case .unexpected(let name):
                specific.append(.error(at: loc, unexpectedMessage(name, nodes: nodes, at: nodesAt(p).first, expected: nil)))
            case .textNotAllowed(let name):
                var message = "text is not allowed directly inside <\(name)>"
                if let spec = model?.elements[name], !spec.childNames.isEmpty {
                    message += "; put it inside " + orList(spec.childNames.prefix(3).map { "<\($0)>" })
                }
                specific.append(.error(at: loc, message))
            case .attributeTrouble(let name, _):
                var found = false
                for i in nodesAt(p, named: name) {
                    let fs = attributeFindings(nodes[i].element)
                    if !fs.isEmpty { found = true; explained.insert(i) }
                    specific += fs
                }
                if !found { genericAt.append((loc, name)) }
            case .badValue(let type, let value):
                var found = false
                for i in nodesAt(p) {
                    var fs = attributeFindings(nodes[i].element)
                    if fs.isEmpty { fs = textFindings(nodes[i].element, fallbackType: type, value: value) }
                    if !fs.isEmpty { found = true; explained.insert(i) }
                    specific += fs
                }
                if !found {
                    let shown = value.map { "the value \"\($0)\" is not valid" } ?? "a value is not valid"
                    specific.append(.error(at: loc, shown + " (expected \(typeNoun(type)))"))
                }
            case .namespace(let name):
                specific.append(.error(at: loc,
                    "<\(name)> must not be in an XML namespace: remove the xmlns=\"…\" attribute (manuscript files use no namespace)"))
            case .generic(let name):
                genericAt.append((loc, name))
            case .other(let message):
                specific.append(.error(at: loc, message))
            }
        }
        _ = explained
        var out = specific
        if out.isEmpty, let first = genericAt.first(where: { $0.0.line > 1 || $0.0.column > 1 }) ?? genericAt.first {
            let which = first.1.map { "<\($0)>" } ?? "the file"
            out.append(.error(at: first.0, "the content of \(which) does not match the format of \(what); compare it with docs/formats.md"))
        }
        // One finding per place and message.
        var seen: Set<String> = []
        return out.filter { seen.insert("\($0.location.line):\($0.location.column):\($0.message)").inserted }
    }

    // MARK: Parsing libxml2's messages

    private func parse(_ m: String) -> Raw {
        if let r = capture(m, "Expecting element ", ", got ", "") { return .expecting(expected: r.0, got: r.1) }
        if let e = between(m, "Expecting an element ", ", got nothing") { return .missing(expected: e) }
        if let e = between(m, "Did not expect element ", " there") { return .unexpected(e) }
        if let e = between(m, "Did not expect text in element ", " content") { return .textNotAllowed(e) }
        if let r = capture(m, "Invalid attribute ", " for element ", "") { return .attributeTrouble(element: r.1, attribute: r.0) }
        if let e = between(m, "Element ", " failed to validate attributes") { return .attributeTrouble(element: e, attribute: nil) }
        if let r = capture(m, "Type ", " doesn't allow value '", "'") { return .badValue(type: r.0, value: r.1) }
        if let t = between(m, "Error validating datatype ", "") { return .badValue(type: t, value: nil) }
        if m.hasPrefix("Error validating value") { return .badValue(type: "", value: nil) }
        if let e = between(m, "Expecting no namespace for element ", "") { return .namespace(e) }
        if let e = between(m, "Element ", " has wrong namespace") { return .namespace(e) }
        if let e = between(m, "Element ", " failed to validate content") { return .generic(e) }
        if let r = capture(m, "Element ", " has extra content: ", "") { return .generic(r.0) }
        if m.hasPrefix("Extra element") || m.hasPrefix("Invalid sequence in interleave") || m.hasPrefix("Expecting a namespace")
            || m.hasPrefix("Element ") && m.contains("failed to validate") || m.hasPrefix("Extra data") {
            return .generic(nil)
        }
        if let e = between(m, "Expecting element ", " to be empty") { return .textNotAllowed(e) }
        return .other(m.prefix(1).lowercased() + m.dropFirst())
    }

    private func between(_ m: String, _ prefix: String, _ suffix: String) -> String? {
        guard m.hasPrefix(prefix), m.hasSuffix(suffix), m.count >= prefix.count + suffix.count else { return nil }
        return String(m.dropFirst(prefix.count).dropLast(suffix.count))
    }

    private func capture(_ m: String, _ prefix: String, _ middle: String, _ suffix: String) -> (String, String)? {
        guard let inner = between(m, prefix, suffix), let r = inner.range(of: middle) else { return nil }
        return (String(inner[..<r.lowerBound]), String(inner[r.upperBound...]))
    }

    private func typeNoun(_ type: String) -> String {
        switch type {
        case "decimal": "a number such as 12 or 8.5"
        case "integer", "positiveInteger", "nonNegativeInteger": "a whole number"
        default: "a value of the right form"
        }
    }

    // MARK: Explaining with the schema's vocabulary

    private func index() -> [Node] {
        var out: [Node] = []
        var stack: [(XMLElement, Int?)] = [(document.root, nil)]
        while let (e, parent) = stack.popLast() {
            let p = e.position
            out.append(Node(element: e, parent: parent, line: p.line, column: p.column))
            let me = out.count - 1
            for c in e.elements.reversed() { stack.append((c, me)) }
        }
        return out
    }

    private func unexpectedMessage(_ name: String, nodes: [Node], at i: Int?, expected given: [String]?) -> String {
        let known = model?.vocabulary.contains(name) ?? true
        var expected = given ?? []
        var parentName: String?
        var order: [String] = []
        var passed = false
        var later = false
        var requiredDue: String?
        if let i, let p = nodes[i].parent, let spec = model?.elements[nodes[p].element.name] {
            parentName = nodes[p].element.name
            order = spec.childNames
            // Walk the siblings before this one through the parent's slots to see what was due here.
            let siblings = nodes.indices.filter { nodes[$0].parent == p }
            var cursor = 0
            for s in siblings where s != i {
                if s > i { break }
                let n = nodes[s].element.name
                if let k = spec.slots[cursor...].firstIndex(where: { $0.names.contains(n) }) {
                    cursor = spec.slots[k].repeatable ? k : k + 1
                }
            }
            if given == nil {
                var due: [String] = []
                for slot in spec.slots[min(cursor, spec.slots.count)...] {
                    due += slot.names
                    if slot.required {
                        if slot.names.count == 1 { requiredDue = slot.names[0] }
                        break
                    }
                }
                expected = due
            }
            if spec.slots[..<min(cursor, spec.slots.count)].contains(where: { $0.names.contains(name) }) { passed = true }
            if spec.slots[min(cursor, spec.slots.count)...].contains(where: { $0.names.contains(name) }) { later = true }
        }
        let expectedText = orList(expected.map { $0 == "…" ? $0 : "<\($0)>" })
        if !known {
            var m = "unknown element <\(name)> here"
            if !expected.isEmpty { m += "; expected \(expectedText)" }
            let guess = closest(name, among: expected.isEmpty ? (model?.vocabulary.sorted() ?? []) : expected)
            if let guess, expected != [guess] { m += " (did you mean <\(guess)>?)" }
            return m
        }
        if let parentName {
            if later, !expected.isEmpty, !expected.contains(name) {
                if let required = requiredDue {
                    return "<\(parentName)> is missing the element <\(required)>: it must come before <\(name)>"
                }
                return "element <\(name)> is not allowed here: expected \(expectedText) first"
            }
            if passed {
                return "element <\(name)> is repeated or out of order: inside <\(parentName)> the order is "
                    + uniq(order).joined(separator: ", ")
            }
            if !order.contains(name) {
                let allowed = uniq(order).map { "<\($0)>" }
                return "element <\(name)> is not allowed inside <\(parentName)>"
                    + (allowed.isEmpty ? "" : "; allowed: " + orList(allowed))
            }
        }
        return "element <\(name)> is not allowed here" + (expected.isEmpty ? "" : "; expected \(expectedText)")
    }

    private func uniq(_ xs: [String]) -> [String] {
        var seen: Set<String> = []
        return xs.filter { seen.insert($0).inserted }
    }

    /// What is wrong with an element's attributes, one finding per attribute.
    func attributeFindings(_ e: XMLElement) -> [Finding] {
        guard let spec = model?.elements[e.name] else { return [] }
        var out: [Finding] = []
        let present = e.attributes
        for (name, value) in present {
            let p = e.position(ofAttribute: name)
            let at = SourceLocation(path: path, line: p.line, column: p.column)
            guard let a = spec.attribute(name) else {
                var m = "attribute \(name) is not allowed on <\(e.name)>"
                let names = spec.attributes.map(\.name)
                if let guess = closest(name, among: names) {
                    m += "; did you mean \(guess)?"
                } else if !names.isEmpty {
                    m += "; allowed: " + orList(names)
                } else {
                    m += "; it takes no attributes"
                }
                out.append(.error(at: at, m))
                continue
            }
            if !a.type.accepts(value) {
                out.append(.error(at: at, valueMessage("attribute \(name)=\"\(value)\"", a.type, value)))
            }
        }
        for a in spec.attributes where a.required && !present.contains(where: { $0.name == a.name }) {
            let p = e.position
            var m = "<\(e.name)> is missing the attribute \(a.name)"
            if case .enumeration(let values) = a.type { m += " (" + orList(values) + ")" }
            out.append(.error(at: SourceLocation(path: path, line: p.line, column: p.column), m))
        }
        return out
    }

    private func textFindings(_ e: XMLElement, fallbackType: String, value: String?) -> [Finding] {
        guard let spec = model?.elements[e.name], let type = spec.textType else { return [] }
        let text = e.textContent
        guard !type.accepts(text) else { return [] }
        let p = e.position
        return [.error(at: SourceLocation(path: path, line: p.line, column: p.column),
                       valueMessage("<\(e.name)> \"\(text.whitespaceCollapsed)\"", type, text))]
    }

    private func valueMessage(_ subject: String, _ type: ValueType, _ value: String) -> String {
        switch type {
        case .enumeration(let values):
            var m = "\(subject) is not allowed: use " + orList(values)
            if let guess = closest(value, among: values) { m += " (did you mean \(guess)?)" }
            return m
        case .nonEmpty:
            return "\(subject) must not be empty"
        default:
            return "\(subject) is not \(type.noun): \(type.advice)"
        }
    }
}

/// The candidate nearest to a misspelt name (edit distance at most 2, or a case difference).
func closest(_ name: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    for c in candidates {
        let d = c.lowercased() == name.lowercased() ? 0 : editDistance(Array(name.unicodeScalars), Array(c.unicodeScalars))
        if d <= 2, d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    return best?.0
}

func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
