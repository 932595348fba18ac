import Messages
import ManuscriptModel
import XMLKit

/// What a value in an attribute or in an element's text must look like, in the schemas' terms.
enum ValueType: Hashable, Sendable {
    case enumeration([String])
    case identifier, date, month, decimal, integer, positiveInteger, nonNegativeInteger
    case sha256, mediaType, nonEmpty, language, text

    /// Whether a value (as written; surrounding whitespace is ignored like XML Schema's token) fits.
    func accepts(_ raw: String) -> Bool {
        let v = raw.collapsed
        let u = Array(v.utf8)
        func digits(_ s: ArraySlice<UInt8>) -> Bool { !s.isEmpty && s.allSatisfy { $0 >= 48 && $0 <= 57 } }
        switch self {
        case .enumeration(let values): return values.contains(v)
        case .identifier: return isIdentifier(v)
        case .date: return u.count == 10 && u[4] == 45 && u[7] == 45 && digits(u[0..<4]) && digits(u[5..<7]) && digits(u[8..<10])
        case .month: return u.count == 7 && u[4] == 45 && digits(u[0..<4]) && digits(u[5..<7])
        case .decimal: return parseDecimal(v) != nil
        case .integer:
            var s = u[...]
            if let f = s.first, f == 43 || f == 45 { s = s.dropFirst() }
            return digits(s)
        case .positiveInteger: return digits(u[...]) && (Int(v) ?? 1) > 0
        case .nonNegativeInteger: return digits(u[...])
        case .sha256: return u.count == 64 && u.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) }
        case .mediaType:
            let parts = v.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".+-".contains($0)) } }
        case .nonEmpty: return !v.isEmpty
        case .language:
            let parts = v.split(separator: "-", omittingEmptySubsequences: false)
            return !parts.isEmpty && parts.allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        case .text: return true
        }
    }

    /// How to write a correct value, for messages: "use model or example", "write it as YYYY-MM-DD"
    /// (nil for free text, which takes any value).
    var advice: Message? {
        switch self {
        case .enumeration(let values): CheckText.adviceEnumeration.with(["list": orList(values)])
        case .identifier: CheckText.adviceIdentifier.message
        case .date: CheckText.adviceDate.message
        case .month: CheckText.adviceMonth.message
        case .decimal: CheckText.adviceDecimal.message
        case .integer: CheckText.adviceInteger.message
        case .positiveInteger: CheckText.advicePositive.message
        case .nonNegativeInteger: CheckText.adviceNonNegative.message
        case .sha256: CheckText.adviceSha256.message
        case .mediaType: CheckText.adviceMediaType.message
        case .nonEmpty: CheckText.adviceNonEmpty.message
        case .language: CheckText.adviceLanguage.message
        case .text: nil
        }
    }

    /// A short name of the kind of value, for "is not a date" messages.
    var noun: Message {
        switch self {
        case .enumeration: CheckText.nounEnumeration.message
        case .identifier: CheckText.nounIdentifier.message
        case .date: CheckText.nounDate.message
        case .month: CheckText.nounMonth.message
        case .decimal: CheckText.nounDecimal.message
        case .integer, .nonNegativeInteger, .positiveInteger: CheckText.nounWhole.message
        case .sha256: CheckText.nounSha256.message
        case .mediaType: CheckText.nounMediaType.message
        case .nonEmpty, .text: CheckText.nounText.message
        case .language: CheckText.nounLanguage.message
        }
    }
}


/// Identifiers: `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`.
func isIdentifier(_ s: String) -> Bool {
    let u = Array(s.utf8)
    guard (1...64).contains(u.count) else { return false }
    func alnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    return alnum(u[0]) && u.dropFirst().allSatisfy { alnum($0) || $0 == 46 || $0 == 95 || $0 == 45 }
}

/// An XML Schema decimal (`-1.5`, `+3`, `.5`, `5.`), or nil.
func parseDecimal(_ raw: String) -> Double? {
    let v = raw.collapsed
    var u = v.utf8[...]
    if let f = u.first, f == 43 || f == 45 { u = u.dropFirst() }
    var digitCount = 0, dots = 0
    for b in u {
        if b == 46 { dots += 1 } else if b >= 48 && b <= 57 { digitCount += 1 } else { return nil }
    }
    guard digitCount > 0, dots <= 1 else { return nil }
    return Double(v)
}

/// The vocabulary of one schema: for every element name, its attributes, the value type of its
/// text, and its children in order. Derived from the schema file, so messages never drift from it.
struct SchemaModel: Sendable {
    struct Attribute: Sendable {
        var name: String
        var required: Bool
        var type: ValueType
    }

    /// One place in an element's content: one element name, or a choice among several.
    struct Slot: Sendable {
        var names: [String]
        var required: Bool
        var repeatable: Bool
    }

    struct Element: Sendable {
        var attributes: [Attribute] = []
        var slots: [Slot] = []
        var textType: ValueType?
        /// Whether mixed text is allowed (inline content).
        var mixed = false

        func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
        var childNames: [String] { slots.flatMap(\.names) }
    }

    var elements: [String: Element] = [:]
    var root: String = ""

    init(grammar: XMLElement) {
        var defines: [String: XMLElement] = [:]
        var all: [XMLElement] = []
        func collect(_ e: XMLElement) {
            if e.name == "define", let n = e.attribute("name") { defines[n] = e }
            if e.name == "element" { all.append(e) }
            for c in e.elements { collect(c) }
        }
        collect(grammar)
        if let start = grammar.element(named: "start"), let r = start.element(named: "element") {
            root = r.attribute("name") ?? ""
        }
        for e in all {
            guard let name = e.attribute("name") else { continue }
            var spec = Element()
            var visited: Set<String> = []
            Self.content(of: e, required: true, repeatable: false, into: &spec, defines: defines, visited: &visited)
            if let existing = elements[name], !existing.slots.isEmpty || !existing.attributes.isEmpty {
                // Same name in two places (e.g. `title`): keep the first, add attributes it lacks.
                var merged = existing
                for a in spec.attributes where merged.attribute(a.name) == nil { merged.attributes.append(a) }
                elements[name] = merged
            } else {
                elements[name] = spec
            }
        }
    }

    private static let namedTypes: [String: ValueType] = [
        "identifier": .identifier, "date": .date, "month": .month, "nonEmptyText": .nonEmpty,
        "sha256": .sha256, "mediaType": .mediaType,
    ]

    private static func content(of node: XMLElement, required: Bool, repeatable: Bool, into spec: inout Element,
                                defines: [String: XMLElement], visited: inout Set<String>) {
        for c in node.elements {
            switch c.name {
            case "attribute":
                let name = c.attribute("name") ?? ""
                spec.attributes.append(Attribute(name: name, required: required, type: valueType(of: c, defines: defines)))
            case "element":
                spec.slots.append(Slot(names: [c.attribute("name") ?? ""], required: required, repeatable: repeatable))
            case "optional":
                content(of: c, required: false, repeatable: repeatable, into: &spec, defines: defines, visited: &visited)
            case "zeroOrMore":
                content(of: c, required: false, repeatable: true, into: &spec, defines: defines, visited: &visited)
            case "oneOrMore":
                content(of: c, required: required, repeatable: true, into: &spec, defines: defines, visited: &visited)
            case "group", "interleave":
                content(of: c, required: required, repeatable: repeatable, into: &spec, defines: defines, visited: &visited)
            case "mixed":
                spec.mixed = true
                content(of: c, required: required, repeatable: repeatable, into: &spec, defines: defines, visited: &visited)
            case "choice":
                var inner = Element()
                content(of: c, required: false, repeatable: repeatable, into: &inner, defines: defines, visited: &visited)
                let names = inner.childNames
                if !names.isEmpty {
                    var seen: Set<String> = []
                    spec.slots.append(Slot(names: names.filter { seen.insert($0).inserted }, required: required, repeatable: repeatable))
                }
                spec.attributes += inner.attributes
                if inner.mixed { spec.mixed = true }
                if spec.textType == nil { spec.textType = inner.textType }
            case "ref":
                let name = c.attribute("name") ?? ""
                if let t = namedTypes[name] {
                    spec.textType = t
                } else if let d = defines[name], visited.insert(name).inserted {
                    content(of: d, required: required, repeatable: repeatable, into: &spec, defines: defines, visited: &visited)
                    visited.remove(name)
                }
            case "data":
                spec.textType = dataType(c.attribute("type") ?? "")
            case "text":
                spec.mixed = true
            default:
                break
            }
        }
    }

    private static func valueType(of attribute: XMLElement, defines: [String: XMLElement]) -> ValueType {
        let values = allValues(attribute)
        if !values.isEmpty { return .enumeration(values) }
        for c in attribute.elements {
            if c.name == "ref", let n = c.attribute("name"), let t = namedTypes[n] { return t }
            if c.name == "data" { return dataType(c.attribute("type") ?? "") }
        }
        return .text
    }

    private static func allValues(_ e: XMLElement) -> [String] {
        var out: [String] = []
        for c in e.elements {
            if c.name == "value" { out.append(c.textContent) }
            if c.name == "choice" { out += allValues(c) }
        }
        return out
    }

    private static func dataType(_ name: String) -> ValueType {
        switch name {
        case "decimal": .decimal
        case "integer": .integer
        case "positiveInteger": .positiveInteger
        case "nonNegativeInteger": .nonNegativeInteger
        case "language": .language
        default: .text
        }
    }

    /// Every element name the schema knows.
    var vocabulary: Set<String> { Set(elements.keys) }
}
