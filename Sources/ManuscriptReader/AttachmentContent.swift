import Crypto
import Foundation
import ManuscriptModel
import Messages
import XMLKit

/// What an attachment file is, from its bytes: the reader looks once, the checks judge.
struct AttachmentInspection: Sendable {
    /// Relative to the manuscript folder, when the href stays inside attachments/.
    var relativePath: String?
    /// SHA-256 of the file's bytes; nil when it was not read.
    var digest: String?
    var exists: Bool
    /// Why the file was not read (a link leading out of attachments/, not a regular file…).
    var refusal: ConfinedFile.Refusal?
    var content: AttachmentContent.Facts?

    static let absent = AttachmentInspection(relativePath: nil, digest: nil, exists: false)
}

/// The content checks of attachments: the declared `type` must be what the bytes are, an SVG must
/// carry nothing active or external, and an oversized image is named.
enum AttachmentContent {
    /// Over this many bytes an attachment gets a warning.
    static let largeBytes = 20 * 1_048_576
    /// Over this many pixels on either side a JPEG or PNG gets a warning.
    static let largePixels = 10_000
    /// An SVG (or other XML) larger than this is not parsed; it is refused.
    static let maxSVGBytes = 16 * 1_048_576

    enum Kind: Equatable, Sendable {
        case jpeg, png, svg
        /// Well-formed XML whose root is not `svg` (the root's name).
        case xml(String)
        /// Anything else.
        case other

        var described: Message {
            switch self {
            case .jpeg: CheckText.kindJpeg.message
            case .png: CheckText.kindPng.message
            case .svg: CheckText.kindSvg.message
            case .xml(let root): CheckText.kindXml.with(["root": .text(root)])
            case .other: CheckText.kindOther.message
            }
        }
    }

    struct Facts: Sendable {
        var kind: Kind
        var byteCount: Int
        var pixels: (width: Int, height: Int)?
        /// What makes an SVG unsafe to publish, each at its place in the SVG file.
        var svgProblems: [SVGSafety.Problem] = []
    }

    /// Reads the attachment at `relativePath` (confined to attachments/) once: its digest and facts.
    static func inspect(_ relativePath: String, layout: Layout) -> AttachmentInspection {
        var out = AttachmentInspection(relativePath: relativePath, digest: nil, exists: false)
        switch ConfinedFile.open(layout.absolute + "/" + relativePath, inside: layout.realRoot + "/attachments") {
        case .failure(.missing):
            return out
        case .failure(let refusal):
            out.exists = true
            out.refusal = refusal
            return out
        case .success(let fd):
            defer { close(fd) }
            out.exists = true
            guard let (digest, head, all) = digestAndHead(fd) else {
                out.refusal = .unreadable
                return out
            }
            out.digest = digest
            out.content = facts(fd: fd, head: head, all: all)
            return out
        }
    }

    /// The SHA-256 of the attachment's bytes as they are now; nil when it cannot be read (the read
    /// cache then inspects it again, and the checks say why).
    static func digest(_ relativePath: String, layout: Layout) -> String? {
        guard case .success(let fd) = ConfinedFile.open(layout.absolute + "/" + relativePath, inside: layout.realRoot + "/attachments") else {
            return nil
        }
        defer { close(fd) }
        return digestAndHead(fd, keeping: false)?.0
    }

    /// SHA-256 of the whole file, its first bytes, and all of it when it may be XML (and is small
    /// enough); only the digest when `keeping` is off.
    private static func digestAndHead(_ fd: Int32, keeping: Bool = true) -> (String, [UInt8], [UInt8]?)? {
        var hasher = SHA256()
        var kept: [UInt8] = []
        var mayBeXML: Bool?
        var size = 0
        let capacity = 65536
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress!, capacity)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            let piece = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
            hasher.update(bufferPointer: piece)
            if mayBeXML == nil { mayBeXML = looksLikeXML(Array(piece.prefix(16))) }
            size += n
            if keeping, kept.count < 512 || (mayBeXML == true && size <= maxSVGBytes) { kept += piece }
        }
        let digest = hex(hasher.finalize())
        let complete = mayBeXML == true && size <= maxSVGBytes
        return (digest, Array(kept.prefix(512)), complete ? kept : nil)
    }

    /// Starts with `<` (after a byte-order mark and white space).
    private static func looksLikeXML(_ head: [UInt8]) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
    }

    private static func facts(fd: Int32, head: [UInt8], all: [UInt8]?) -> Facts {
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : head.count
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return Facts(kind: .png, byteCount: size, pixels: pngSize(head))
        }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            return Facts(kind: .jpeg, byteCount: size, pixels: jpegSize(fd))
        }
        guard let all, let doc = try? XMLDocument.parse(all, limits: ParseLimits(maxBytes: maxSVGBytes)) else {
            return Facts(kind: .other, byteCount: size)
        }
        guard doc.root.name == "svg" else { return Facts(kind: .xml(doc.root.name), byteCount: size) }
        return Facts(kind: .svg, byteCount: size, svgProblems: SVGSafety.problems(doc.root))
    }

    /// Width and height from the IHDR chunk.
    private static func pngSize(_ head: [UInt8]) -> (Int, Int)? {
        guard head.count >= 24 else { return nil }
        func be32(_ i: Int) -> Int { head[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    /// Width and height from the first start-of-frame segment, walking the segments with `pread`.
    private static func jpegSize(_ fd: Int32) -> (Int, Int)? {
        var offset: off_t = 2
        var header = [UInt8](repeating: 0, count: 9)
        for _ in 0..<10_000 {
            guard pread(fd, &header, 9, offset) == 9, header[0] == 0xFF else { return nil }
            let marker = header[1]
            if marker == 0xFF { offset += 1; continue }
            if marker == 0xDA || marker == 0xD9 { return nil }
            let length = Int(header[2]) << 8 | Int(header[3])
            // SOF0…SOF15, except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (Int(header[7]) << 8 | Int(header[8]), Int(header[5]) << 8 | Int(header[6]))
            }
            guard length >= 2 else { return nil }
            offset += off_t(2 + length)
        }
        return nil
    }

    // MARK: Checks (pure)

    /// The error that stops an attachment from being read at all, at its `href`.
    static func refusal(_ a: AttachmentRead) -> Finding? {
        guard let refusal = a.inspection?.refusal, let rel = a.relativePath else { return nil }
        return .error(at: a.href.at, refusal.described(.text(rel), folder: "attachments/"))
    }

    /// Type against content, unsafe SVG, oversized images; at the attachment's `href` or `type`.
    static func findings(_ a: AttachmentRead) -> [Finding] {
        guard let facts = a.inspection?.content, let rel = a.relativePath else { return [] }
        let shown = rel
        var out: [Finding] = []
        let declared = a.type.value.lowercased()
        let expected: Kind? = switch declared {
        case "image/jpeg", "image/jpg": .jpeg
        case "image/png": .png
        case "image/svg+xml": .svg
        default: nil
        }
        var mismatch: [String: MessageValue] = ["type": .text(a.type.value), "path": .text(shown), "kind": .message(facts.kind.described)]
        if let expected, facts.kind != expected {
            if let actual = typeName(facts.kind) {
                mismatch["actual"] = .text(actual)
                out.append(.error(at: a.type.at, CheckText.typeMismatchHint.with(mismatch)))
            } else {
                out.append(.error(at: a.type.at, CheckText.typeMismatch.with(mismatch)))
            }
        } else if expected == nil, let actual = typeName(facts.kind) {
            mismatch["actual"] = .text(actual)
            out.append(.error(at: a.type.at, CheckText.typeUndeclared.with(mismatch)))
        }
        for p in facts.svgProblems {
            out.append(.error(at: a.href.at, CheckText.svgUnsafe.with(["path": .text(shown), "line": plain(p.line),
                                                                       "column": plain(p.column), "problem": .message(p.message)])))
        }
        if facts.byteCount > largeBytes {
            out.append(.warning(at: a.href.at, CheckText.largeFile.with(["path": .text(shown), "size": .decimal(Double(facts.byteCount) / 1_048_576, places: 1),
                                                                        "limit": .integer(largeBytes / 1_048_576)])))
        }
        if let (w, h) = facts.pixels, max(w, h) > largePixels {
            out.append(.warning(at: a.href.at, CheckText.largeImage.with(["path": .text(shown), "width": plain(w), "height": plain(h),
                                                                         "limit": plain(largePixels), "enough": .integer(3000)])))
        }
        return out
    }

    private static func typeName(_ kind: Kind) -> String? {
        switch kind {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .svg: "image/svg+xml"
        case .xml, .other: nil
        }
    }
}

/// What an SVG may not hold to be published: scripts, event handlers, references to anything
/// outside the file (links, stylesheets, images), and `foreignObject` (HTML inside the picture).
enum SVGSafety {
    static let refusedElements: [StaticString] = ["script", "foreignObject", "iframe", "embed", "object", "handler", "listener"]
    /// Embedded raster images are not external: `data:` URIs of these types are allowed.
    static let allowedData = ["data:image/png", "data:image/jpeg", "data:image/gif"]

    /// One thing an SVG may not hold, at its place in the SVG file.
    struct Problem: Sendable {
        var line: Int
        var column: Int
        var message: Message
    }

    static func problems(_ root: XMLElement) -> [Problem] {
        var out: [Problem] = []
        // An SVG has many elements and attributes and nearly never a problem: names and values
        // are looked at as bytes, and strings are made only for a problem or a value that holds
        // `@` or `(` (CSS that may import or point outside).
        func visit(_ e: XMLElement) {
            func add(_ key: CheckText, _ arguments: [String: MessageValue]) {
                let p = e.position
                out.append(Problem(line: p.line, column: p.column, message: key.with(arguments)))
            }
            if refusedElements.contains(where: { e.isNamed($0) }) {
                add(.svgElement, ["name": .text(e.name)])
            }
            if e.isNamed("style"), let bad = externalURL(inCSS: e.textContent) {
                add(.svgStyleExternal, ["url": .text(bad)])
            }
            e.forEachAttributeBytes { local, value, index in
                func qualified() -> MessageValue { .text(e.qualifiedName(ofAttribute: index) ?? "") }
                if isEventHandler(local) {
                    add(.svgEventHandler, ["name": .text(e.name), "attribute": qualified()])
                } else if isReference(local), case let target = String(decoding: value, as: UTF8.self), !isInternal(target) {
                    add(.svgExternal, ["name": .text(e.name), "target": .text(target), "attribute": qualified()])
                } else if value.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "(") }),
                          let bad = externalURL(inCSS: String(decoding: value, as: UTF8.self)) {
                    add(.svgExternal, ["name": .text(e.name), "target": .text(bad), "attribute": qualified()])
                }
            }
            e.forEachElement(visit)
        }
        visit(root)
        return out
    }

    /// `on…` in any case, on an attribute's local name: an event handler (`onload`, `ONCLICK`).
    static func isEventHandler(_ local: UnsafeBufferPointer<UInt8>) -> Bool {
        local.count >= 2 && (local[0] | 0x20) == UInt8(ascii: "o") && (local[1] | 0x20) == UInt8(ascii: "n")
    }

    /// `href` or `src` in any case (ASCII letters only: no other character lowercases to these).
    static func isReference(_ local: UnsafeBufferPointer<UInt8>) -> Bool {
        func equal(_ word: StaticString) -> Bool {
            guard local.count == word.utf8CodeUnitCount else { return false }
            for i in 0..<local.count where local[i] | 0x20 != word.utf8Start[i] { return false }
            return true
        }
        return equal("href") || equal("src")
    }

    /// `#id` (a part of the same file) or an embedded raster image.
    static func isInternal(_ reference: String) -> Bool {
        let r = reference.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return r.hasPrefix("#") || allowedData.contains { r.hasPrefix($0) }
    }

    /// The first `url(…)` not pointing into the file, or an `@import`, in CSS text.
    static func externalURL(inCSS css: String) -> String? {
        // Most values (coordinates, colours, path data) hold neither `@` nor `(`: they are
        // passed over without lowercasing and searching them.
        guard css.utf8.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "(") }) else { return nil }
        let lower = css.lowercased()
        if let r = lower.range(of: "@import") { return String(css[r.lowerBound...].prefix(60)) }
        var rest = lower[...]
        while let r = rest.range(of: "url(") {
            let inside = rest[r.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
            let target = String(inside.prefix { $0 != ")" && $0 != "\"" && $0 != "'" })
            if !isInternal(target) { return "url(\(target))" }
            rest = rest[r.upperBound...]
        }
        return nil
    }
}
