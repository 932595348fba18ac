internal import CLibXML2

/// A child of an element, as the readers see it: elements and text (comments and PIs are skipped).
public enum XMLChild: Sendable {
    case element(XMLElement)
    case text(String)
}

/// An element of a parsed document. Holds its document strongly, so it stays valid.
public struct XMLElement: @unchecked Sendable {
    public let document: XMLDocument
    let node: xmlNodePtr

    init(document: XMLDocument, node: xmlNodePtr) {
        self.document = document
        self.node = node
    }

    /// The local name.
    public var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, if the element has one.
    public var namespace: String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// The value of an attribute without a namespace, or nil.
    public func attribute(_ name: String) -> String? {
        // The name is handed to libxml2 as a pointer into the String itself: passing a String
        // where a `const xmlChar *` is expected would copy it into a new array on every call.
        withXMLName(name) { name in
            // The common case, a value held in one text node, is read in place; anything else
            // (entity references, several pieces) goes through libxml2's copying accessor.
            var attr = node.pointee.properties
            while let a = attr {
                if a.pointee.ns == nil, xmlStrEqual(a.pointee.name, name) != 0 {
                    guard let text = a.pointee.children else { return "" }
                    if text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
                        return String(cString: content)
                    }
                    break
                }
                attr = a.pointee.next
            }
            guard let value = xmlGetNoNsProp(node, name) else { return nil }
            defer { modelbook_xmlFree(value) }
            return String(cString: value)
        }
    }

    /// `xml:lang`, when present on this element.
    public var xmlLang: String? {
        guard let value = xmlGetNsProp(node, "lang", "http://www.w3.org/XML/1998/namespace") else { return nil }
        defer { modelbook_xmlFree(value) }
        return String(cString: value)
    }

    /// Calls `body` with each attribute's local name and value as UTF-8 bytes (valid only during
    /// the call; a value held in one text node is read in place, any other is joined first) and
    /// the attribute's index, for `qualifiedName(ofAttribute:)`. In document order.
    public func forEachAttributeBytes(_ body: (_ local: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>, _ index: Int) throws -> Void) rethrows {
        var attr = node.pointee.properties
        var index = 0
        while let a = attr {
            let name = UnsafeBufferPointer(start: a.pointee.name, count: Int(xmlStrlen(a.pointee.name)))
            if let text = a.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
                try body(name, UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))), index)
            } else if let joined = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                defer { modelbook_xmlFree(joined) }
                try body(name, UnsafeBufferPointer(start: joined, count: Int(xmlStrlen(joined))), index)
            } else {
                try body(name, UnsafeBufferPointer(start: nil, count: 0), index)
            }
            attr = a.pointee.next
            index += 1
        }
    }

    /// The qualified name (`prefix:local`) of the attribute at `index` in document order.
    public func qualifiedName(ofAttribute index: Int) -> String? {
        var attr = node.pointee.properties
        for _ in 0..<index { attr = attr?.pointee.next }
        guard let a = attr else { return nil }
        let local = String(cString: a.pointee.name)
        return a.pointee.ns?.pointee.prefix.map { String(cString: $0) + ":" + local } ?? local
    }

    /// Every attribute as (qualified name, value), in document order.
    public var attributes: [(name: String, value: String)] {
        var out: [(String, String)] = []
        var attr = node.pointee.properties
        while let a = attr {
            var name = String(cString: a.pointee.name)
            if let prefix = a.pointee.ns?.pointee.prefix {
                name = String(cString: prefix) + ":" + name
            }
            var value = ""
            if let v = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: v)
                modelbook_xmlFree(v)
            }
            out.append((name, value))
            attr = a.pointee.next
        }
        return out
    }

    /// Child elements and text, in order. Adjacent text pieces are merged.
    public var children: [XMLChild] {
        var out: [XMLChild] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                out.append(.element(XMLElement(document: document, node: c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    let text = String(cString: content)
                    if case .text(let previous)? = out.last {
                        out[out.count - 1] = .text(previous + text)
                    } else {
                        out.append(.text(text))
                    }
                }
            default:
                break
            }
            child = c.pointee.next
        }
        return out
    }

    /// Calls `body` with each child element and each text, in order, as `children` lists them
    /// (adjacent text pieces merged), without building the array.
    public func forEachChild(_ body: (XMLChild) throws -> Void) rethrows {
        var child = node.pointee.children
        var pending: String?
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                if let text = pending {
                    pending = nil
                    try body(.text(text))
                }
                try body(.element(XMLElement(document: document, node: c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    let text = String(cString: content)
                    pending = pending.map { $0 + text } ?? text
                }
            default:
                break
            }
            child = c.pointee.next
        }
        if let text = pending { try body(.text(text)) }
    }

    /// One child as `forEachPiece` gives it: an element, or the bytes of one text or CDATA node
    /// (valid only during the call).
    public enum Piece {
        case element(XMLElement)
        case text(UnsafeBufferPointer<UInt8>)
    }

    /// Calls `body` with each child element and each text or CDATA node's UTF-8 bytes, in order,
    /// without making a String (comments and PIs are skipped; adjacent text pieces are given one
    /// by one, and `forEachChild` would merge them).
    public func forEachPiece(_ body: (Piece) throws -> Void) rethrows {
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                try body(.element(XMLElement(document: document, node: c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    try body(.text(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))))
                }
            default:
                break
            }
            child = c.pointee.next
        }
    }

    /// Calls `body` with each child element, in order, without building an array.
    public func forEachElement(_ body: (XMLElement) throws -> Void) rethrows {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { try body(XMLElement(document: document, node: c)) }
            child = c.pointee.next
        }
    }

    /// Child elements only.
    public var elements: [XMLElement] {
        var out: [XMLElement] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { out.append(XMLElement(document: document, node: c)) }
            child = c.pointee.next
        }
        return out
    }

    /// Child elements with a given local name.
    public func elements(named name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        withXMLName(name) { wanted in
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(c.pointee.name, wanted) != 0 {
                    out.append(XMLElement(document: document, node: c))
                }
                child = c.pointee.next
            }
        }
        return out
    }

    /// Whether the local name is `name`, without making a String of it.
    public func isNamed(_ name: StaticString) -> Bool {
        xmlStrEqual(node.pointee.name, name.utf8Start) != 0
    }

    /// The first child element with a given local name.
    public func element(named name: String) -> XMLElement? {
        withXMLName(name) { name in
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(c.pointee.name, name) != 0 {
                    return XMLElement(document: document, node: c)
                }
                child = c.pointee.next
            }
            return nil
        }
    }

    /// All the text inside, markup dropped.
    public var textContent: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { modelbook_xmlFree(content) }
        return String(cString: content)
    }

    /// Line and column of the start tag's `<`.
    public var position: (line: Int, column: Int) { document.position(of: node) }

    /// Line and column of an attribute's name in the start tag (the tag's position when not found).
    public func position(ofAttribute name: String) -> (line: Int, column: Int) {
        if let tag = document.offset(of: node),
           let offset = Prescan.attributeOffset(named: name, inTagAt: tag, document.source.bytes) {
            return document.source.position(ofOffset: offset)
        }
        return position
    }

    /// The element and everything inside it as XML text (namespace declarations in scope kept).
    public func serialized() -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        // A copy reconciles namespaces declared on ancestors onto the copied root.
        guard let copy = xmlDocCopyNode(node, node.pointee.doc, 1) else { return "" }
        defer { xmlFreeNode(copy) }
        xmlReconciliateNs(node.pointee.doc, copy)
        xmlNodeDump(buffer, node.pointee.doc, copy, 0, 0)
        return String(cString: xmlBufferContent(buffer))
    }
}

/// Calls `body` with the name as a NUL-terminated `xmlChar` pointer into the String's own storage
/// (no copy for a native String).
@inline(__always)
func withXMLName<R>(_ name: String, _ body: (UnsafePointer<xmlChar>) throws -> R) rethrows -> R {
    try name.withCString { chars in
        try chars.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1, body)
    }
}
