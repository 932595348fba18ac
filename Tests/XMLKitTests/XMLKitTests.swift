import Testing
@testable import XMLKit

@Suite struct ParsingTests {
    @Test func elementPositionsCountCharactersNotBytes() throws {
        let text = "<?xml version=\"1.0\"?>\n<a>\n  <b x=\"Đ\"/><!-- <c> -->\n  <![CDATA[<d>]]>ạ<e\n   y=\"1\"/>\n</a>\n"
        let doc = try XMLDocument.parse(Array(text.utf8))
        let b = doc.root.elements[0]
        let e = doc.root.elements[1]
        #expect(doc.root.position == (2, 1))
        #expect(b.position == (3, 3))
        #expect(e.name == "e")
        #expect(e.position == (4, 19))
        #expect(e.position(ofAttribute: "y") == (5, 4))
    }

    @Test func byteOrderMarkIsAcceptedAndNotCounted() throws {
        let doc = try XMLDocument.parse([0xEF, 0xBB, 0xBF] + Array("<a><b/></a>".utf8))
        #expect(doc.root.elements[0].position == (1, 4))
    }

    @Test func malformedXMLReportsLineAndColumn() {
        #expect(throws: XMLParseFailure.self) { try XMLDocument.parse(Array("<a>\n  <b></c>\n</a>".utf8)) }
        do {
            _ = try XMLDocument.parse(Array("<a>\n  <b></c>\n</a>".utf8))
        } catch {
            #expect(error.problems.first?.line == 2)
            #expect(error.problems.first?.message.contains("closing tag does not match") == true)
        }
    }

    @Test(arguments: [
        ("", "empty"),
        ("  \n ", "empty"),
        ("<a>\u{0}</a>", "NUL byte"),
        ("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>", "DOCTYPE"),
        ("<a>&x;</a>", "unknown entity"),
    ])
    func hostileInputsFailWithPlainMessages(input: String, expected: String) {
        do {
            _ = try XMLDocument.parse(Array(input.utf8))
            Issue.record("parsed without error: \(input)")
        } catch {
            #expect(error.problems.contains { $0.message.contains(expected) }, "\(error.problems)")
        }
    }

    @Test func invalidUTF8IsPositioned() {
        do {
            _ = try XMLDocument.parse(Array("<a>\nxy".utf8) + [0xC3, 0x28] + Array("</a>".utf8))
            Issue.record("parsed")
        } catch {
            #expect(error.problems.first?.line == 2)
            #expect(error.problems.first?.column == 3)
            #expect(error.problems.first?.message.contains("not valid UTF-8") == true)
        }
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "<s>", count: 10_000) + String(repeating: "</s>", count: 10_000)
        do {
            _ = try XMLDocument.parse(Array(text.utf8))
            Issue.record("parsed")
        } catch {
            #expect(error.problems.contains { $0.message.contains("nested more than") }, "\(error.problems)")
        }
    }

    @Test func oversizedFileIsRefusedBeforeParsing() {
        do {
            _ = try XMLDocument.parse(Array("<a>0123456789</a>".utf8), limits: ParseLimits(maxBytes: 8))
            Issue.record("parsed")
        } catch {
            #expect(error.problems.first?.message.contains("more than the limit") == true)
        }
    }
}

@Suite struct RelaxNGTests {
    static let schema = """
        <grammar xmlns="http://relaxng.org/ns/structure/1.0">
          <start><element name="a"><oneOrMore><element name="b"><attribute name="n"/></element></oneOrMore></element></start>
        </grammar>
        """

    @Test func validationErrorsPointAtTheElement() throws {
        let rng = try RelaxNGSchema(text: Self.schema, name: "t.rng")
        let ok = try XMLDocument.parse(Array("<a><b n=\"1\"/></a>".utf8))
        #expect(rng.validate(ok).isEmpty)
        let bad = try XMLDocument.parse(Array("<a>\n  <b n=\"1\"/>\n    <c/>\n</a>".utf8))
        let problems = rng.validate(bad)
        #expect(!problems.isEmpty)
        #expect(problems.contains { $0.line == 3 && $0.column == 5 }, "\(problems)")
    }
}

@Suite struct WriterTests {
    @Test func escapesTextAndAttributes() {
        var w = XMLWriter(declaration: false)
        w.start("p", [("title", "a \"b\" & <c>"), ("skip", nil)])
        w.text("x < y & z > w")
        w.end()
        #expect(w.output == "<p title=\"a &quot;b&quot; &amp; &lt;c&gt;\">x &lt; y &amp; z &gt; w</p>")
    }

    @Test func serialisedElementKeepsItsNamespace() throws {
        let doc = try XMLDocument.parse(Array("<r xmlns=\"urn:x\"><p>Đ &amp; e</p></r>".utf8))
        let p = doc.root.elements[0].serialized()
        #expect(p == "<p xmlns=\"urn:x\">Đ &amp; e</p>")
    }
}
