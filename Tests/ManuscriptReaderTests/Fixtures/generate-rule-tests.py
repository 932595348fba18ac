# Writes ../RuleTests.swift: one test per rule, each a change to the valid fixture and the finding
# it must give. Positions are computed from the changed text. Run: python3 generate-rule-tests.py
import os, json
SHA=None
F=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'valid/')
S1='submissions/NB-2024-0001.xml'; S2='submissions/NB-2024-0002.xml'; S3='submissions/NB-2024-0003.xml'
R1='reviews/R01-shortlist.xml'; R2='reviews/R02-shortlist.xml'
# (test name, [(file, old, new)], expected file, marker (text in changed file where the finding points; `@` prefix selects after that), message part)
import hashlib
SHA=hashlib.sha256(open(F+'attachments/NB-2024-0001/anh-1.jpg','rb').read()).hexdigest()
cases = [
 # schema translation
 ("unknownElementNamesTheExpectedOne", [(S2,'<title>Bà','<tittle>Bà'),(S2,'khu phố</title>','khu phố</tittle>')], S2, '<tittle>', 'unknown element <tittle> here; expected <title>'),
 ("enumerationValueListsTheChoices", [(S1,'kind="model"','kind="modle"')], S1, 'kind="modle"', 'attribute kind="modle" is not allowed: use model or example'),
 ("decimalWithCommaIsExplained", [(S1,'value="1200"','value="1,200"')], S1, 'value="1,200"', 'attribute value="1,200" is not a number'),
 ("missingAttributeIsNamed", [(S1,' level="commune"','')], S1, '<unit', '<unit> is missing the attribute level (province, district, commune'),
 ("unknownAttributeIsNamed", [(S2,'role="subject"','role="subject" rank="1"')], S2, 'rank="1"', 'attribute rank is not allowed on <person>'),
 ("missingElementIsNamedBeforeTheNextOne", [(S3,'<summary>Tổ tự quản giữ gìn an ninh.</summary>','')], S3, '<body>', '<submission> is missing the element <summary>: it must come before <body>'),
 ("strayTextInElementOnlyContent", [(S2,'<people>','<people>Nguyễn')], S2, '<people>', 'text is not allowed directly inside <people>'),
 ("dateShapeIsExplained", [(S3,'<registered>2024-04-10','<registered>2024-4-10')], S3, '<registered>', '<registered> "2024-4-10" is not a date: write a date as YYYY-MM-DD'),
 ("identifierPatternIsExplained", [(S3,'id="NB-2024-0003"','id="NB 2024 0003"')], S3, 'id="NB', 'attribute id="NB 2024 0003" is not a valid code'),
 ("misplacedBlockInQuoteGivesOneFinding", [(S1,'<p>Chúng tôi <q>đồng thuận</q> hoàn toàn.</p>','<para>Chúng tôi</para>')], S1, '<para>', 'unknown element <para> here'),
 ("elementOutOfOrder", [(S2,'<field>culture-society</field>\n',''),(S2,'<summary>','<field>culture-society</field><summary>')], S2, '<unit', '<submission> is missing the element <field>: it must come before <unit>'),
 ("emptyNameIsRefused", [('districts.xml','>Huyện Kim Sơn<','>  <')], 'districts.xml', '<district code="kim-son"', '<district> "" must not be empty'),
 ("wrongRootElement", [('fields.xml','<fields>','<field-list>'),('fields.xml','</fields>','</field-list>')], 'fields.xml', '<field-list>', 'the file starts with <field-list>, but fields.xml starts with <fields>'),
 ("namespacedRoot", [(S3,'<submission ','<submission xmlns="urn:x" ')], S3, '<submission', 'must not be in an XML namespace'),
 ("roundAttributeOfAnotherType", [('selection.xml','type="screen"','type="screen" keep="3"')], 'selection.xml', 'keep="3"', 'attribute keep has no effect on a round of type screen'),
 ("requireInWrongRound", [('selection.xml','<quota dimension="kind"','<require rule="has-endorsement"/><quota dimension="kind"')], 'selection.xml', '<require rule="has-endorsement"/><quota', '<require> has no effect in a round of type optimize'),
 ("ruleNeedsItsAttributes", [('selection.xml','<require rule="min-results" count="1"/>','<require rule="min-results"/>')], 'selection.xml', '<require rule="min-results"', 'the rule min-results needs the attribute count'),
 # references
 ("unknownField", [(S3,'<field>culture-society','<field>culture')], S3, '<field>', 'unknown field "culture": it is not in fields.xml'),
 ("unknownUnitDistrict", [(S1,'district="gia-vien"','district="gia-vein"')], S1, 'district="gia-vein"', 'unknown district "gia-vein": it is not in districts.xml; did you mean "gia-vien"?'),
 ("unknownReviewerDistrict", [('reviewers.xml','district="kim-son"','district="yen-mo"')], 'reviewers.xml', 'district="yen-mo"', 'unknown district "yen-mo"'),
 ("unknownCriterion", [(R1,'criterion="evidence">9','criterion="evidense">9')], R1, 'criterion="evidense"', 'unknown criterion "evidense": it is not in rubric.xml; did you mean "evidence"?', 2),
 ("unknownReviewer", [(R2,'reviewer="R02"','reviewer="R09"')], R2, 'reviewer="R09"', 'unknown reviewer "R09": it is not in reviewers.xml'),
 ("unknownRound", [(R2,'round="shortlist"','round="shortlst"')], R2, 'round="shortlst"', 'unknown round "shortlst": it is not in selection.xml; did you mean "shortlist"?'),
 ("reviewOfUnknownSubmission", [(R1,'submission="NB-2024-0002"','submission="NB-2024-0200"')], R1, 'submission="NB-2024-0200"', 'unknown submission NB-2024-0200'),
 ("conflictWithUnknownSubmission", [(R2,'conflict submission="NB-2024-0003"','conflict submission="NB-2024-0300"')], R2, 'submission="NB-2024-0300"', 'unknown submission NB-2024-0300'),
 ("includeOfUnknownSubmission", [('selection.xml','include submission="NB-2024-0002"','include submission="NB-2024-0020"')], 'selection.xml', 'submission="NB-2024-0020"', 'unknown submission NB-2024-0020'),
 ("excludeOfUnknownSubmission", [('selection.xml','exclude submission="NB-2024-0003"','exclude submission="NB-2024-0030"')], 'selection.xml', 'submission="NB-2024-0030"', 'unknown submission NB-2024-0030'),
 ("quotaValueUnknownField", [('selection.xml','value="economy"','value="economics"')], 'selection.xml', 'value="economics"', 'unknown field "economics"'),
 ("quotaValueUnknownDistrict", [('selection.xml','<quota dimension="field" max="2"/>','<quota dimension="district" value="hoa-lu" max="2"/>')], 'selection.xml', 'value="hoa-lu"', 'unknown district "hoa-lu"'),
 ("quotaValueUnknownKind", [('selection.xml','value="example"','value="examples"')], 'selection.xml', 'value="examples"', 'unknown kind "examples" in a quota: use model or example'),
 ("bookIntroUnknownField", [('book.xml','intro field="economy"','intro field="economi"')], 'book.xml', 'field="economi"', 'unknown field "economi"'),
 # duplicates
 ("duplicateDistrictCode", [('districts.xml','</districts>','  <district code="gia-vien">Gia Viễn</district>\n</districts>')], 'districts.xml', '@code="gia-vien"', 'duplicate district code "gia-vien"'),
 ("duplicateFieldCode", [('fields.xml','</fields>','  <field code="economy">Kinh tế</field>\n</fields>')], 'fields.xml', '@code="economy"', 'duplicate field code "economy"'),
 ("duplicateCriterionKey", [('rubric.xml','</rubric>','  <criterion key="effectiveness" weight="1">Hiệu quả</criterion>\n</rubric>')], 'rubric.xml', '@key="effectiveness"', 'duplicate criterion key "effectiveness"'),
 ("duplicateReviewerId", [('reviewers.xml','</reviewers>','  <reviewer id="R01" district="province" unit="Tỉnh ủy">Lê Văn Bình</reviewer>\n</reviewers>')], 'reviewers.xml', '@id="R01"', 'duplicate reviewer id "R01"'),
 ("duplicateRoundId", [('selection.xml','id="final"','id="shortlist"')], 'selection.xml', '@id="shortlist"', 'duplicate round id "shortlist"'),
 # dates and numbers
 ("impossibleRegisteredDate", [(S1,'<registered>2024-03-15','<registered>2024-02-30')], S1, '<registered>', '2024-02-30 is not a real date'),
 ("impossibleEndorsementDate", [(S2,'date="2024-03-01"','date="2023-02-29"')], S2, 'date="2023-02-29"', '2023-02-29 is not a real date'),
 ("impossibleReviewDate", [(R1,'date="2024-06-21"','date="2024-06-31"')], R1, 'date="2024-06-31"', '2024-06-31 is not a real date'),
 ("impossibleBookDate", [('book.xml','<date>2025-01-15','<date>2025-13-15')], 'book.xml', '<date>', '2025-13-15 is not a real date'),
 ("impossibleMonth", [(S3,'end="2024-03"','end="2024-13"')], S3, 'end="2024-13"', '"2024-13" is not a real month'),
 ("periodEndsBeforeItStarts", [(S1,'end="2024-05"','end="2021-12"')], S1, 'end="2021-12"', 'the period ends (2021-12) before it starts (2022-01)'),
 ("requireRangeEndsBeforeStart", [('selection.xml','start="2021-01" end="2025-12"','start="2021-01" end="2020-12"')], 'selection.xml', 'end="2020-12"', 'the end 2020-12 is before the start 2021-01'),
 ("scoreAboveTheScale", [(R1,'>8.5<','>10.5<')], R1, '<score criterion="effectiveness">10.5', 'score 10.5 for effectiveness is outside the rubric\'s scale 0–10'),
 ("scoreBelowTheScale", [(R2,'>5.25<','>-1<')], R2, '<score criterion="evidence">-1', 'score -1 for evidence is outside the rubric\'s scale 0–10'),
 ("criterionNotScored", [(R1,'    <score criterion="replicability">7</score>\n    <score criterion="evidence">9</score>\n','')], R1, '<review submission="NB-2024-0001"', 'this review does not score replicability or evidence'),
 ("criterionScoredTwice", [(R1,'<score criterion="evidence">9</score>','<score criterion="evidence">9</score><score criterion="evidence">8</score>')], R1, 'criterion="evidence">8', 'criterion evidence is scored twice'),
 ("rubricMinNotBelowMax", [('rubric.xml','min="0" max="10"','min="10" max="10"')], 'rubric.xml', 'min="10"', "the rubric's min (10) must be smaller than its max (10)"),
 ("weightZero", [('rubric.xml','weight="20"','weight="0"')], 'rubric.xml', 'weight="0"', 'a weight must be a number greater than 0'),
 ("weightNegative", [('rubric.xml','weight="15.5"','weight="-2"')], 'rubric.xml', 'weight="-2"', 'a weight must be a number greater than 0'),
 ("weightNotANumber", [('rubric.xml','weight="15.5"','weight="high"')], 'rubric.xml', 'weight="high"', 'attribute weight="high" is not a number'),
 ("quotaMinAboveMax", [('selection.xml','min="1" max="2"','min="3" max="2"')], 'selection.xml', 'min="3"', "this quota's min (3) is greater than its max (2)"),
 ("optimizeRoundWithoutCount", [('selection.xml',' count="2"','')], 'selection.xml', '<round id="final"', 'the optimize round "final" needs count'),
 ("rankRoundWithoutKeep", [('selection.xml',' keep="3"','')], 'selection.xml', '<round id="shortlist"', 'the rank round "shortlist" needs keep'),
 ("sameReviewTwiceOnOneDate", [(R1,'submission="NB-2024-0002" date="2024-06-21"','submission="NB-2024-0001" date="2024-06-20"')], R1, '@<review submission="NB-2024-0001" date="2024-06-20"', 'R01 reviewed NB-2024-0001 twice in round shortlist on the same date (2024-06-20)'),
 # attachments and links
 ("attachmentHrefWithDotDot", [(S1,'href="NB-2024-0001/anh-1.jpg"','href="../book.xml"'),(S1,'ref="NB-2024-0001/anh-1.jpg"','ref="../book.xml"')], S1, 'href="../book.xml"', 'attachment href "../book.xml" leaves attachments/'),
 ("attachmentHrefAbsolute", [(S1,'href="NB-2024-0001/anh-1.jpg"','href="/etc/passwd"'),(S1,'ref="NB-2024-0001/anh-1.jpg"','ref="/etc/passwd"')], S1, 'href="/etc/passwd"', 'is an absolute path'),
 ("attachmentHrefBackslash", [(S1,'href="NB-2024-0001/anh-1.jpg"','href="NB-2024-0001\\anh-1.jpg"'),(S1,'ref="NB-2024-0001/anh-1.jpg"','ref="NB-2024-0001\\anh-1.jpg"')], S1, 'href="NB-2024-0001\\', 'uses a backslash'),
 ("attachmentFileMissing", [(S1,'href="NB-2024-0001/anh-1.jpg"','href="NB-2024-0001/anh-9.jpg"'),(S1,'ref="NB-2024-0001/anh-1.jpg"','ref="NB-2024-0001/anh-9.jpg"')], S1, 'href="NB-2024-0001/anh-9.jpg"', 'attachment file not found: attachments/NB-2024-0001/anh-9.jpg'),
 ("attachmentDigestMismatch", [(S1,SHA,'0'*64)], S1, 'sha256=', 'the SHA-256 of attachments/NB-2024-0001/anh-1.jpg does not match'),
 ("figureRefNotAnAttachment", [(S1,'figure ref="NB-2024-0001/anh-1.jpg"','figure ref="NB-2024-0001/anh-2.jpg"')], S1, 'ref="NB-2024-0001/anh-2.jpg"', 'figure ref "NB-2024-0001/anh-2.jpg" is not an attachment of this submission'),
 ("linkSchemeNotAllowed", [(S1,'href="https://example.vn/bai-viet"','href="javascript:alert(1)"')], S1, 'href="javascript', 'link "javascript:alert(1)" is not allowed'),
 # book fragments
 ("prefaceFileMissing", [('book.xml','front/loi-noi-dau.xml','front/missing.xml')], 'book.xml', 'href="front/missing.xml"', 'file not found: front/missing.xml'),
 ("prefaceWrongRoot", [('front/loi-noi-dau.xml','<preface xmlns="http://docbook.org/ns/docbook" version="5.0">','<chapter xmlns="http://docbook.org/ns/docbook" version="5.0">'),('front/loi-noi-dau.xml','</preface>','</chapter>')], 'book.xml', 'href="front/loi-noi-dau.xml"', 'must hold a DocBook 5 <preface'),
 ("partIntroWithoutNamespace", [('parts/economy.xml',' xmlns="http://docbook.org/ns/docbook"','')], 'book.xml', 'href="parts/economy.xml"', 'without the DocBook namespace'),
]
def pos(text, marker):
    after = marker.startswith('@')
    m = marker[1:] if after else marker
    i = text.find(m)
    if after: i = text.find(m, i+1)
    assert i >= 0, marker
    before = text[:i]
    line = before.count('\n')+1
    col = len(before) - (before.rfind('\n')+1) + 1
    return line, col
out = []
for case in cases:
    name, changes, path, marker, msg = case[:5]
    count = case[5] if len(case) > 5 else 1
    files = {}
    for f, old, new in changes:
        t = files.get(f) or open(F+f, encoding='utf-8').read()
        assert old in t, (name, old)
        files[f] = t.replace(old, new)
    t = files.get(path) or open(F+path, encoding='utf-8').read()
    line, col = pos(t, marker)
    sw = lambda s: json.dumps(s, ensure_ascii=False).replace('\\\\(', '\\\\(')
    check = (f'expectOnlyError(r, {sw(path)}, {line}, {col}, {sw(msg)})' if count == 1 else f'expectError(r, {sw(path)}, {line}, {col}, {sw(msg)})' + '\n        #expect(r.errors.count == ' + str(count) + ', "\\(r.listing)")')
    body = '\n'.join(f'            try m.replace({sw(f)}, {sw(o)}, {sw(n)})' for f, o, n in changes)
    out.append(f'''    @Test func {name}() throws {{
        let r = try readChanged {{ m in
{body}
        }}
        {check}
    }}
''')
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'RuleTests.swift'),'w').write('''// Generated from a table of (change to the valid fixture, expected finding); every position was
// computed from the changed text and checked by hand. Regenerate with Fixtures/generate-rule-tests.py.
import Testing
@testable import ManuscriptReader

@Suite struct RuleTests {
''' + '\n'.join(out) + '}\n')
print(len(cases))
