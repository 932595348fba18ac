import ManuscriptModel
import Messages
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
    let what: Message

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
                    specific.append(.error(at: loc, CheckText.missingElement.with(["parent": .text(name), "child": .text(expected)])))
                } else {
                    genericAt.append((loc, name))
                }
            case .unexpected(let name):
                specific.append(.error(at: loc, unexpectedMessage(name, nodes: nodes, at: nodesAt(p).first, expected: nil)))
            case .textNotAllowed(let name):
                var message = CheckText.textNotAllowed.with(["name": .text(name)])
                if let spec = model?.elements[name], !spec.childNames.isEmpty {
                    message = CheckText.textNotAllowedPut.with(["name": .text(name), "list": orList(spec.childNames.prefix(3).map { "<\($0)>" })])
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
                    let noun: MessageValue = .message(typeNoun(type))
                    let shown = value.map { CheckText.badValue.with(["value": .text($0), "noun": noun]) }
                        ?? CheckText.badValueUnknown.with(["noun": noun])
                    specific.append(.error(at: loc, shown))
                }
            case .namespace(let name):
                specific.append(.error(at: loc, CheckText.noNamespace.with(["name": .text(name)])))
            case .generic(let name):
                genericAt.append((loc, name))
            case .other(let message):
                specific.append(.error(at: loc, verbatim: message))
            }
        }
        _ = explained
        var out = specific
        if out.isEmpty, let first = genericAt.first(where: { $0.0.line > 1 || $0.0.column > 1 }) ?? genericAt.first {
            let which = first.1.map { CheckText.elementName.with(["name": .text($0)]) } ?? CheckText.theFile.message
            out.append(.error(at: first.0, CheckText.contentMismatch.with(["which": .message(which), "what": .message(what)])))
        }
        // One finding per place and message.
        var seen: Set<String> = []
        return out.filter { seen.insert("\($0.location.line):\($0.location.column):\($0.message.text(in: .en))").inserted }
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

    private func typeNoun(_ type: String) -> Message {
        switch type {
        case "decimal": CheckText.expectedDecimal.message
        case "integer", "positiveInteger", "nonNegativeInteger": CheckText.expectedWhole.message
        default: CheckText.expectedOther.message
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

    private func unexpectedMessage(_ name: String, nodes: [Node], at i: Int?, expected given: [String]?) -> Message {
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
        let element: MessageValue = .text(name)
        /// The message followed by `; expected …` when something was expected.
        func expecting(_ m: Message) -> Message {
            expected.isEmpty ? m : m.wrapped(in: .withExpected, ["list": expectedText])
        }
        if !known {
            let m = expecting(CheckText.unknownElement.with(["name": element]))
            let guess = closest(name, among: expected.isEmpty ? (model?.vocabulary.sorted() ?? []) : expected)
            return expected == guess.map { [$0] } ? m : m.guessing(guess, .withGuessElement)
        }
        if let parentName {
            let parent: MessageValue = .text(parentName)
            if later, !expected.isEmpty, !expected.contains(name) {
                if let required = requiredDue {
                    return CheckText.missingBefore.with(["parent": parent, "required": .text(required), "name": element])
                }
                return CheckText.notAllowedFirst.with(["name": element, "list": expectedText])
            }
            if passed {
                return CheckText.outOfOrder.with(["name": element, "parent": parent, "order": .text(uniq(order).joined(separator: ", "))])
            }
            if !order.contains(name) {
                let allowed = uniq(order).map { "<\($0)>" }
                return allowed.isEmpty ? CheckText.notAllowedInside.with(["name": element, "parent": parent])
                    : CheckText.notAllowedInsideList.with(["name": element, "parent": parent, "list": orList(allowed)])
            }
        }
        return expecting(CheckText.notAllowedHere.with(["name": element]))
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
                let names = spec.attributes.map(\.name)
                let arguments: [String: MessageValue] = ["name": .text(name), "element": .text(e.name), "list": orList(names)]
                let m: Message = if let guess = closest(name, among: names) {
                    CheckText.attributeNotAllowed.with(arguments).guessing(guess, .withGuessPlain)
                } else if !names.isEmpty {
                    CheckText.attributeNotAllowedList.with(arguments)
                } else {
                    CheckText.attributeNone.with(arguments)
                }
                out.append(.error(at: at, m))
                continue
            }
            if !a.type.accepts(value) {
                out.append(.error(at: at, valueMessage(CheckText.subjectAttribute.with(["name": .text(name), "value": .text(value)]), a.type, value)))
            }
        }
        for a in spec.attributes where a.required && !present.contains(where: { $0.name == a.name }) {
            let p = e.position
            var m = CheckText.missingAttribute.with(["element": .text(e.name), "name": .text(a.name)])
            if case .enumeration(let values) = a.type {
                m = CheckText.missingAttributeValues.with(["element": .text(e.name), "name": .text(a.name), "list": orList(values)])
            }
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
                       valueMessage(CheckText.subjectText.with(["name": .text(e.name), "text": .text(text.whitespaceCollapsed)]), type, text))]
    }

    private func valueMessage(_ subject: Message, _ type: ValueType, _ value: String) -> Message {
        switch type {
        case .enumeration(let values):
            return CheckText.valueNotAllowed.with(["subject": .message(subject), "list": orList(values)])
                .guessing(closest(value, among: values), .withGuessParen)
        case .nonEmpty:
            return CheckText.valueEmpty.with(["subject": .message(subject)])
        default:
            return CheckText.valueWrongType.with(["subject": .message(subject), "noun": .message(type.noun),
                                                  "advice": type.advice.map(MessageValue.message) ?? .text("")])
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
