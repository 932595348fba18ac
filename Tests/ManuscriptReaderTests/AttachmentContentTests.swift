import Foundation
import Testing
@testable import ManuscriptReader

/// An attachment's `type` must be what its bytes are, and an SVG must carry nothing active or external.
@Suite struct AttachmentContentTests {
    static let submission = "submissions/NB-2024-0001.xml"
    static let fixtureAttachment = #"href="NB-2024-0001/anh-1.jpg" sha256="703b5fd6a19e96cecc3287b74cc4ef127f47deb7842ed0db3cb72ce4723f4a81" type="image/jpeg""#

    /// The fixture's one attachment replaced by `bytes` named `name`, declared as `type`.
    static func read(_ bytes: [UInt8], name: String, type: String) throws -> ReadResult {
        try readChanged { m in
            try m.write("attachments/NB-2024-0001/" + name, bytes)
            let digest = sha256Hex(bytes)
            try m.replace(submission, fixtureAttachment, #"href="NB-2024-0001/\#(name)" sha256="\#(digest)" type="\#(type)""#)
            try m.replace(submission, #"figure ref="NB-2024-0001/anh-1.jpg""#, #"figure ref="NB-2024-0001/\#(name)""#)
        }
    }

    /// The column of `type` on the attachment's line: after href="NB-2024-0001/<name>" and sha256="<64 digits>".
    static func typeColumn(_ name: String) -> Int { 17 + 19 + name.count + 2 + 8 + 64 + 2 }

    static func svg(_ inner: String, attributes: String = "") -> [UInt8] {
        Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
               + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\"\(attributes)>\n\(inner)\n</svg>\n").utf8)
    }

    /// A PNG's signature and IHDR chunk (the checks read no further).
    static func png(width: Int, height: Int) -> [UInt8] {
        func be32(_ n: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8((n >> $0) & 0xFF) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8)
            + be32(width) + be32(height) + [8, 2, 0, 0, 0] + be32(0)
    }

    /// A JPEG's start, an APP0 segment, and a baseline start-of-frame.
    static func jpeg(width: Int, height: Int) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
            + [0xFF, 0xC0, 0x00, 0x0B, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 1, 1, 0x11, 0]
            + [0xFF, 0xD9]
    }

    @Test func cleanSVGIsAccepted() throws {
        let r = try Self.read(Self.svg(##"<defs><linearGradient id="g"/></defs><rect width="5" height="5" style="fill:url(#g)"/><use xlink:href="#g"/>"##),
                              name: "bieu-do.svg", type: "image/svg+xml")
        #expect(r.findings.isEmpty, "\(r.listing)")
    }

    @Test(arguments: [
        (#"<script>alert(1)</script>"#, "", "it has a <script> element"),
        (#"<rect width="5" height="5"/>"#, #" onload="alert(1)""#, "event handler onload"),
        (#"<image href="https://example.org/x.png" width="5" height="5"/>"#, "", "refers to https://example.org/x.png"),
        (##"<use xlink:href="file:///etc/passwd#x"/>"##, "", "refers to file:///etc/passwd#x"),
        (##"<rect style="fill:url('http://example.org/p.svg#a')"/>"##, "", "refers to url(http://example.org/p.svg#a)"),
        (#"<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>"#, "", "it has a <foreignObject> element"),
        (#"<rect width="5" height="5"/>"#, #" ONLOAD="alert(1)""#, "event handler ONLOAD"),
        (#"<image HREF="https://example.org/x.png" width="5" height="5"/>"#, "", "refers to https://example.org/x.png"),
        (##"<rect style="fill:URL( 'http://example.org/p.svg#a')"/>"##, "", "refers to url(http://example.org/p.svg#a)"),
        (#"<style>@import "https://example.org/a.css";</style>"#, "", "@import"),
        // The attribute is named as written, prefix included; a value written with character
        // references is checked as it reads.
        (##"<use xlink:href="file:///etc/passwd#x"/>"##, "", "outside the file (xlink:href)"),
        (##"<rect fill="u&#114;l(&#104;ttp://example.org/p.svg#a)"/>"##, "", "refers to url(http://example.org/p.svg#a), outside the file (fill)"),
        (##"<rect width="5" height="5"/>"##, #" xlink:onclick="x()""#, "event handler xlink:onclick"),
    ])
    func unsafeSVGIsRefusedAtItsAttachment(inner: String, attributes: String, problem: String) throws {
        let r = try Self.read(Self.svg(inner, attributes: attributes), name: "bieu-do.svg", type: "image/svg+xml")
        expectOnlyError(r, Self.submission, 44, 17, problem)
        // The message also points into the SVG itself: line 2 (the root) or 3 (the element inside).
        let line = attributes.isEmpty ? 3 : 2
        #expect(r.errors.first?.message.text(in: .en).hasPrefix("attachments/NB-2024-0001/bieu-do.svg:\(line):") == true, "\(r.listing)")
    }

    /// The byte-level tests that pass over most attributes agree with the plain rules.
    @Test func attributeNamesAreTestedWithoutTheirCaseOrPrefix() {
        // The checks take the attribute's local name as libxml2 holds it, as bytes.
        func handler(_ name: Substring) -> Bool { Array(name.utf8).withUnsafeBufferPointer { SVGSafety.isEventHandler($0) } }
        func reference(_ name: Substring) -> Bool { Array(name.utf8).withUnsafeBufferPointer { SVGSafety.isReference($0) } }
        for name in ["onload", "ONCLICK", "On", "oNmouseover"] { #expect(handler(name[...]), "\(name)") }
        for name: Substring in ["o", "one1".dropFirst(), "width", "fill", "ón"] { #expect(!handler(name), "\(name)") }
        for name in ["href", "HREF", "Src", "src"] { #expect(reference(name[...]), "\(name)") }
        for name in ["hrefs", "sr", "x", "ſrc"] { #expect(!reference(name[...]), "\(name)") }
        #expect(SVGSafety.externalURL(inCSS: "M 0 0 L 10 10 Z") == nil)
        #expect(SVGSafety.externalURL(inCSS: "fill:url(#g)") == nil)
        #expect(SVGSafety.externalURL(inCSS: "fill:url(http://x.org/a)") == "url(http://x.org/a)")
    }

    @Test func pngNamedJpgIsAWrongType() throws {
        let r = try Self.read(Self.png(width: 4, height: 3), name: "anh-1.jpg", type: "image/jpeg")
        expectOnlyError(r, Self.submission, 44, Self.typeColumn("anh-1.jpg"), "type=\"image/jpeg\" does not match the file: attachments/NB-2024-0001/anh-1.jpg is a PNG image")
    }

    @Test func svgDeclaredAsJPEGAndTextDeclaredAsSVG() throws {
        let a = try Self.read(Self.svg("<rect/>"), name: "anh-1.jpg", type: "image/jpeg")
        expectOnlyError(a, Self.submission, 44, Self.typeColumn("anh-1.jpg"), "is an SVG image; write type=\"image/svg+xml\"")
        let b = try Self.read(Array("nam,so ho\n2023,1200\n".utf8), name: "bieu-do.svg", type: "image/svg+xml")
        expectOnlyError(b, Self.submission, 44, Self.typeColumn("bieu-do.svg"), "is neither a JPEG, a PNG nor an SVG image")
    }

    @Test func imageDeclaredAsAnotherTypeIsRefused() throws {
        let r = try Self.read(Self.png(width: 4, height: 3), name: "so-lieu.csv", type: "text/csv")
        expectOnlyError(r, Self.submission, 44, Self.typeColumn("so-lieu.csv"), "is a PNG image; write type=\"image/png\"")
    }

    @Test func svgWithADoctypeIsNotAnSVGTheBookCanUse() throws {
        let bytes = Array(#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#.utf8)
        let r = try Self.read(bytes, name: "bieu-do.svg", type: "image/svg+xml")
        expectOnlyError(r, Self.submission, 44, Self.typeColumn("bieu-do.svg"), "does not match the file")
    }

    @Test func oversizedImagesAreWarnedWithTheirSize() throws {
        let wide = try Self.read(Self.png(width: 12_000, height: 800), name: "anh-1.png", type: "image/png")
        #expect(wide.errors.isEmpty, "\(wide.listing)")
        #expect(wide.warnings.map { $0.message.text(in: .en) } == ["attachments/NB-2024-0001/anh-1.png is 12000 × 800 pixels: more than 10000 on a side "
                                                 + "makes the HTML and PDF slow; reduce it (3,000 pixels on the long side is enough for print)"])
        let tall = try Self.read(Self.jpeg(width: 640, height: 10_001), name: "anh-1.jpg", type: "image/jpeg")
        #expect(tall.warnings.map { $0.message.text(in: .en) }.first?.contains("is 640 × 10001 pixels") == true, "\(tall.listing)")
        let small = try Self.read(Self.jpeg(width: 10_000, height: 10_000), name: "anh-1.jpg", type: "image/jpeg")
        #expect(small.findings.isEmpty, "\(small.listing)")
        let heavy = try Self.read(Self.png(width: 100, height: 100) + [UInt8](repeating: 0, count: 21 * 1_048_576),
                                  name: "anh-1.png", type: "image/png")
        #expect(heavy.warnings.map { $0.message.text(in: .en) }.first?.hasPrefix("attachments/NB-2024-0001/anh-1.png is large (21.0 MB)") == true,
                "\(heavy.listing)")
    }
}
