// Generated from a table of (change to the valid fixture, expected finding); every position was
// computed from the changed text and checked by hand. Regenerate with Fixtures/generate-rule-tests.py.
import Testing
@testable import ManuscriptReader

@Suite struct RuleTests {
    @Test func unknownElementNamesTheExpectedOne() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0002.xml", "<title>Bà", "<tittle>Bà")
            try m.replace("submissions/NB-2024-0002.xml", "khu phố</title>", "khu phố</tittle>")
        }
        expectOnlyError(r, "submissions/NB-2024-0002.xml", 3, 3, "unknown element <tittle> here; expected <title>")
    }

    @Test func enumerationValueListsTheChoices() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "kind=\"model\"", "kind=\"modle\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 2, 31, "attribute kind=\"modle\" is not allowed: use model or example")
    }

    @Test func decimalWithCommaIsExplained() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "value=\"1200\"", "value=\"1,200\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 39, 43, "attribute value=\"1,200\" is not a number")
    }

    @Test func missingAttributeIsNamed() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", " level=\"commune\"", "")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 6, 3, "<unit> is missing the attribute level (province, district, commune")
    }

    @Test func unknownAttributeIsNamed() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0002.xml", "role=\"subject\"", "role=\"subject\" rank=\"1\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0002.xml", 9, 28, "attribute rank is not allowed on <person>")
    }

    @Test func missingElementIsNamedBeforeTheNextOne() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0003.xml", "<summary>Tổ tự quản giữ gìn an ninh.</summary>", "")
        }
        expectOnlyError(r, "submissions/NB-2024-0003.xml", 9, 3, "<submission> is missing the element <summary>: it must come before <body>")
    }

    @Test func strayTextInElementOnlyContent() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0002.xml", "<people>", "<people>Nguyễn")
        }
        expectOnlyError(r, "submissions/NB-2024-0002.xml", 8, 3, "text is not allowed directly inside <people>")
    }

    @Test func dateShapeIsExplained() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0003.xml", "<registered>2024-04-10", "<registered>2024-4-10")
        }
        expectOnlyError(r, "submissions/NB-2024-0003.xml", 6, 3, "<registered> \"2024-4-10\" is not a date: write a date as YYYY-MM-DD")
    }

    @Test func identifierPatternIsExplained() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0003.xml", "id=\"NB-2024-0003\"", "id=\"NB 2024 0003\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0003.xml", 2, 13, "attribute id=\"NB 2024 0003\" is not a valid code")
    }

    @Test func misplacedBlockInQuoteGivesOneFinding() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "<p>Chúng tôi <q>đồng thuận</q> hoàn toàn.</p>", "<para>Chúng tôi</para>")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 24, 45, "unknown element <para> here")
    }

    @Test func elementOutOfOrder() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0002.xml", "<field>culture-society</field>\n", "")
            try m.replace("submissions/NB-2024-0002.xml", "<summary>", "<field>culture-society</field><summary>")
        }
        expectOnlyError(r, "submissions/NB-2024-0002.xml", 4, 5, "<submission> is missing the element <field>: it must come before <unit>")
    }

    @Test func emptyNameIsRefused() throws {
        let r = try readChanged { m in
            try m.replace("districts.xml", ">Huyện Kim Sơn<", ">  <")
        }
        expectOnlyError(r, "districts.xml", 4, 3, "<district> \"\" must not be empty")
    }

    @Test func wrongRootElement() throws {
        let r = try readChanged { m in
            try m.replace("fields.xml", "<fields>", "<field-list>")
            try m.replace("fields.xml", "</fields>", "</field-list>")
        }
        expectOnlyError(r, "fields.xml", 2, 1, "the file starts with <field-list>, but fields.xml starts with <fields>")
    }

    @Test func namespacedRoot() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0003.xml", "<submission ", "<submission xmlns=\"urn:x\" ")
        }
        expectOnlyError(r, "submissions/NB-2024-0003.xml", 2, 1, "must not be in an XML namespace")
    }

    @Test func roundAttributeOfAnotherType() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "type=\"screen\"", "type=\"screen\" keep=\"3\"")
        }
        expectOnlyError(r, "selection.xml", 3, 41, "attribute keep has no effect on a round of type screen")
    }

    @Test func requireInWrongRound() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "<quota dimension=\"kind\"", "<require rule=\"has-endorsement\"/><quota dimension=\"kind\"")
        }
        expectOnlyError(r, "selection.xml", 13, 5, "<require> has no effect in a round of type optimize")
    }

    @Test func ruleNeedsItsAttributes() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "<require rule=\"min-results\" count=\"1\"/>", "<require rule=\"min-results\"/>")
        }
        expectOnlyError(r, "selection.xml", 6, 5, "the rule min-results needs the attribute count")
    }

    @Test func unknownField() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0003.xml", "<field>culture-society", "<field>culture")
        }
        expectOnlyError(r, "submissions/NB-2024-0003.xml", 4, 3, "unknown field \"culture\": it is not in fields.xml")
    }

    @Test func unknownUnitDistrict() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "district=\"gia-vien\"", "district=\"gia-vein\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 6, 25, "unknown district \"gia-vein\": it is not in districts.xml; did you mean \"gia-vien\"?")
    }

    @Test func unknownReviewerDistrict() throws {
        let r = try readChanged { m in
            try m.replace("reviewers.xml", "district=\"kim-son\"", "district=\"yen-mo\"")
        }
        expectOnlyError(r, "reviewers.xml", 3, 22, "unknown district \"yen-mo\"")
    }

    @Test func unknownCriterion() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R01-shortlist.xml", "criterion=\"evidence\">9", "criterion=\"evidense\">9")
        }
        expectError(r, "reviews/R01-shortlist.xml", 6, 12, "unknown criterion \"evidense\": it is not in rubric.xml; did you mean \"evidence\"?")
        #expect(r.errors.count == 2, "\(r.listing)")
    }

    @Test func unknownReviewer() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R02-shortlist.xml", "reviewer=\"R02\"", "reviewer=\"R09\"")
        }
        expectOnlyError(r, "reviews/R02-shortlist.xml", 2, 10, "unknown reviewer \"R09\": it is not in reviewers.xml")
    }

    @Test func unknownRound() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R02-shortlist.xml", "round=\"shortlist\"", "round=\"shortlst\"")
        }
        expectOnlyError(r, "reviews/R02-shortlist.xml", 2, 25, "unknown round \"shortlst\": it is not in selection.xml; did you mean \"shortlist\"?")
    }

    @Test func reviewOfUnknownSubmission() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R01-shortlist.xml", "submission=\"NB-2024-0002\"", "submission=\"NB-2024-0200\"")
        }
        expectOnlyError(r, "reviews/R01-shortlist.xml", 9, 11, "unknown submission NB-2024-0200")
    }

    @Test func conflictWithUnknownSubmission() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R02-shortlist.xml", "conflict submission=\"NB-2024-0003\"", "conflict submission=\"NB-2024-0300\"")
        }
        expectOnlyError(r, "reviews/R02-shortlist.xml", 14, 13, "unknown submission NB-2024-0300")
    }

    @Test func includeOfUnknownSubmission() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "include submission=\"NB-2024-0002\"", "include submission=\"NB-2024-0020\"")
        }
        expectOnlyError(r, "selection.xml", 14, 14, "unknown submission NB-2024-0020")
    }

    @Test func excludeOfUnknownSubmission() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "exclude submission=\"NB-2024-0003\"", "exclude submission=\"NB-2024-0030\"")
        }
        expectOnlyError(r, "selection.xml", 15, 14, "unknown submission NB-2024-0030")
    }

    @Test func quotaValueUnknownField() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "value=\"economy\"", "value=\"economics\"")
        }
        expectOnlyError(r, "selection.xml", 11, 30, "unknown field \"economics\"")
    }

    @Test func quotaValueUnknownDistrict() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "<quota dimension=\"field\" max=\"2\"/>", "<quota dimension=\"district\" value=\"hoa-lu\" max=\"2\"/>")
        }
        expectOnlyError(r, "selection.xml", 12, 33, "unknown district \"hoa-lu\"")
    }

    @Test func quotaValueUnknownKind() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "value=\"example\"", "value=\"examples\"")
        }
        expectOnlyError(r, "selection.xml", 13, 29, "unknown kind \"examples\" in a quota: use model or example")
    }

    @Test func bookIntroUnknownField() throws {
        let r = try readChanged { m in
            try m.replace("book.xml", "intro field=\"economy\"", "intro field=\"economi\"")
        }
        expectOnlyError(r, "book.xml", 16, 12, "unknown field \"economi\"")
    }

    @Test func duplicateDistrictCode() throws {
        let r = try readChanged { m in
            try m.replace("districts.xml", "</districts>", "  <district code=\"gia-vien\">Gia Viễn</district>\n</districts>")
        }
        expectOnlyError(r, "districts.xml", 6, 13, "duplicate district code \"gia-vien\"")
    }

    @Test func duplicateFieldCode() throws {
        let r = try readChanged { m in
            try m.replace("fields.xml", "</fields>", "  <field code=\"economy\">Kinh tế</field>\n</fields>")
        }
        expectOnlyError(r, "fields.xml", 5, 10, "duplicate field code \"economy\"")
    }

    @Test func duplicateCriterionKey() throws {
        let r = try readChanged { m in
            try m.replace("rubric.xml", "</rubric>", "  <criterion key=\"effectiveness\" weight=\"1\">Hiệu quả</criterion>\n</rubric>")
        }
        expectOnlyError(r, "rubric.xml", 6, 14, "duplicate criterion key \"effectiveness\"")
    }

    @Test func duplicateReviewerId() throws {
        let r = try readChanged { m in
            try m.replace("reviewers.xml", "</reviewers>", "  <reviewer id=\"R01\" district=\"province\" unit=\"Tỉnh ủy\">Lê Văn Bình</reviewer>\n</reviewers>")
        }
        expectOnlyError(r, "reviewers.xml", 5, 13, "duplicate reviewer id \"R01\"")
    }

    @Test func duplicateRoundId() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "id=\"final\"", "id=\"shortlist\"")
        }
        expectOnlyError(r, "selection.xml", 10, 10, "duplicate round id \"shortlist\"")
    }

    @Test func impossibleRegisteredDate() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "<registered>2024-03-15", "<registered>2024-02-30")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 8, 3, "2024-02-30 is not a real date")
    }

    @Test func impossibleEndorsementDate() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0002.xml", "date=\"2024-03-01\"", "date=\"2023-02-29\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0002.xml", 18, 67, "2023-02-29 is not a real date")
    }

    @Test func impossibleReviewDate() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R01-shortlist.xml", "date=\"2024-06-21\"", "date=\"2024-06-31\"")
        }
        expectOnlyError(r, "reviews/R01-shortlist.xml", 9, 37, "2024-06-31 is not a real date")
    }

    @Test func impossibleBookDate() throws {
        let r = try readChanged { m in
            try m.replace("book.xml", "<date>2025-01-15", "<date>2025-13-15")
        }
        expectOnlyError(r, "book.xml", 11, 3, "2025-13-15 is not a real date")
    }

    @Test func impossibleMonth() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0003.xml", "end=\"2024-03\"", "end=\"2024-13\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0003.xml", 7, 27, "\"2024-13\" is not a real month")
    }

    @Test func periodEndsBeforeItStarts() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "end=\"2024-05\"", "end=\"2021-12\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 9, 27, "the period ends (2021-12) before it starts (2022-01)")
    }

    @Test func requireRangeEndsBeforeStart() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "start=\"2021-01\" end=\"2025-12\"", "start=\"2021-01\" end=\"2020-12\"")
        }
        expectOnlyError(r, "selection.xml", 4, 51, "the end 2020-12 is before the start 2021-01")
    }

    @Test func scoreAboveTheScale() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R01-shortlist.xml", ">8.5<", ">10.5<")
        }
        expectOnlyError(r, "reviews/R01-shortlist.xml", 4, 5, "score 10.5 for effectiveness is outside the rubric's scale 0–10")
    }

    @Test func scoreBelowTheScale() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R02-shortlist.xml", ">5.25<", ">-1<")
        }
        expectOnlyError(r, "reviews/R02-shortlist.xml", 12, 5, "score -1 for evidence is outside the rubric's scale 0–10")
    }

    @Test func criterionNotScored() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R01-shortlist.xml", "    <score criterion=\"replicability\">7</score>\n    <score criterion=\"evidence\">9</score>\n", "")
        }
        expectOnlyError(r, "reviews/R01-shortlist.xml", 3, 3, "this review does not score replicability or evidence")
    }

    @Test func criterionScoredTwice() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R01-shortlist.xml", "<score criterion=\"evidence\">9</score>", "<score criterion=\"evidence\">9</score><score criterion=\"evidence\">8</score>")
        }
        expectOnlyError(r, "reviews/R01-shortlist.xml", 6, 49, "criterion evidence is scored twice")
    }

    @Test func rubricMinNotBelowMax() throws {
        let r = try readChanged { m in
            try m.replace("rubric.xml", "min=\"0\" max=\"10\"", "min=\"10\" max=\"10\"")
        }
        expectOnlyError(r, "rubric.xml", 2, 9, "the rubric's min (10) must be smaller than its max (10)")
    }

    @Test func weightZero() throws {
        let r = try readChanged { m in
            try m.replace("rubric.xml", "weight=\"20\"", "weight=\"0\"")
        }
        expectOnlyError(r, "rubric.xml", 4, 34, "a weight must be a number greater than 0")
    }

    @Test func weightNegative() throws {
        let r = try readChanged { m in
            try m.replace("rubric.xml", "weight=\"15.5\"", "weight=\"-2\"")
        }
        expectOnlyError(r, "rubric.xml", 5, 29, "a weight must be a number greater than 0")
    }

    @Test func weightNotANumber() throws {
        let r = try readChanged { m in
            try m.replace("rubric.xml", "weight=\"15.5\"", "weight=\"high\"")
        }
        expectOnlyError(r, "rubric.xml", 5, 29, "attribute weight=\"high\" is not a number")
    }

    @Test func quotaMinAboveMax() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", "min=\"1\" max=\"2\"", "min=\"3\" max=\"2\"")
        }
        expectOnlyError(r, "selection.xml", 11, 46, "this quota's min (3) is greater than its max (2)")
    }

    @Test func optimizeRoundWithoutCount() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", " count=\"2\"", "")
        }
        expectOnlyError(r, "selection.xml", 10, 3, "the optimize round \"final\" needs count")
    }

    @Test func rankRoundWithoutKeep() throws {
        let r = try readChanged { m in
            try m.replace("selection.xml", " keep=\"3\"", "")
        }
        expectOnlyError(r, "selection.xml", 9, 3, "the rank round \"shortlist\" needs keep")
    }

    @Test func sameReviewTwiceOnOneDate() throws {
        let r = try readChanged { m in
            try m.replace("reviews/R01-shortlist.xml", "submission=\"NB-2024-0002\" date=\"2024-06-21\"", "submission=\"NB-2024-0001\" date=\"2024-06-20\"")
        }
        expectOnlyError(r, "reviews/R01-shortlist.xml", 9, 3, "R01 reviewed NB-2024-0001 twice in round shortlist on the same date (2024-06-20)")
    }

    @Test func attachmentHrefWithDotDot() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "href=\"NB-2024-0001/anh-1.jpg\"", "href=\"../book.xml\"")
            try m.replace("submissions/NB-2024-0001.xml", "ref=\"NB-2024-0001/anh-1.jpg\"", "ref=\"../book.xml\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 44, 17, "attachment href \"../book.xml\" leaves attachments/")
    }

    @Test func attachmentHrefAbsolute() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "href=\"NB-2024-0001/anh-1.jpg\"", "href=\"/etc/passwd\"")
            try m.replace("submissions/NB-2024-0001.xml", "ref=\"NB-2024-0001/anh-1.jpg\"", "ref=\"/etc/passwd\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 44, 17, "is an absolute path")
    }

    @Test func attachmentHrefBackslash() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "href=\"NB-2024-0001/anh-1.jpg\"", "href=\"NB-2024-0001\\anh-1.jpg\"")
            try m.replace("submissions/NB-2024-0001.xml", "ref=\"NB-2024-0001/anh-1.jpg\"", "ref=\"NB-2024-0001\\anh-1.jpg\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 44, 17, "uses a backslash")
    }

    @Test func attachmentFileMissing() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "href=\"NB-2024-0001/anh-1.jpg\"", "href=\"NB-2024-0001/anh-9.jpg\"")
            try m.replace("submissions/NB-2024-0001.xml", "ref=\"NB-2024-0001/anh-1.jpg\"", "ref=\"NB-2024-0001/anh-9.jpg\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 44, 17, "attachment file not found: attachments/NB-2024-0001/anh-9.jpg")
    }

    @Test func attachmentDigestMismatch() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "703b5fd6a19e96cecc3287b74cc4ef127f47deb7842ed0db3cb72ce4723f4a81", "0000000000000000000000000000000000000000000000000000000000000000")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 44, 47, "the SHA-256 of attachments/NB-2024-0001/anh-1.jpg does not match")
    }

    @Test func figureRefNotAnAttachment() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "figure ref=\"NB-2024-0001/anh-1.jpg\"", "figure ref=\"NB-2024-0001/anh-2.jpg\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 31, 15, "figure ref \"NB-2024-0001/anh-2.jpg\" is not an attachment of this submission")
    }

    @Test func linkSchemeNotAllowed() throws {
        let r = try readChanged { m in
            try m.replace("submissions/NB-2024-0001.xml", "href=\"https://example.vn/bai-viet\"", "href=\"javascript:alert(1)\"")
        }
        expectOnlyError(r, "submissions/NB-2024-0001.xml", 19, 19, "link \"javascript:alert(1)\" is not allowed")
    }

    @Test func prefaceFileMissing() throws {
        let r = try readChanged { m in
            try m.replace("book.xml", "front/loi-noi-dau.xml", "front/missing.xml")
        }
        expectOnlyError(r, "book.xml", 13, 14, "file not found: front/missing.xml")
    }

    @Test func prefaceWrongRoot() throws {
        let r = try readChanged { m in
            try m.replace("front/loi-noi-dau.xml", "<preface xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\">", "<chapter xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\">")
            try m.replace("front/loi-noi-dau.xml", "</preface>", "</chapter>")
        }
        expectOnlyError(r, "book.xml", 13, 14, "must hold a DocBook 5 <preface")
    }

    @Test func partIntroWithoutNamespace() throws {
        let r = try readChanged { m in
            try m.replace("parts/economy.xml", " xmlns=\"http://docbook.org/ns/docbook\"", "")
        }
        expectOnlyError(r, "book.xml", 16, 28, "without the DocBook namespace")
    }
}
