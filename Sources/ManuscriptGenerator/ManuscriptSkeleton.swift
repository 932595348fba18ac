import Messages
import Foundation

/// A minimal, valid manuscript for a board starting a new book: every configuration file, commented,
/// one example submission and one review sheet, with a plan that runs on that one submission.
public enum ManuscriptSkeleton {
    /// Paths the skeleton writes, relative to its folder, in writing order.
    public static var paths: [String] { files.map(\.path) }

    /// Writes the skeleton into `folder`, which must be missing or empty.
    public static func write(into folder: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw GeneratorError(GeneratorText.notAFolder.with(["path": .text(folder.path)]))
            }
            let entries = try fm.contentsOfDirectory(atPath: folder.path)
            guard entries.isEmpty else {
                throw GeneratorError(GeneratorText.folderNotEmpty.with(["path": .text(folder.path), "n": .integer(entries.count)]))
            }
        }
        for sub in ["", "submissions", "reviews", "edits", "attachments", "front"] {
            try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for (path, text) in files {
            try writeFile(text.utf8, to: folder.appendingPathComponent(path).path)
        }
    }

    static var files: [(path: String, text: String)] {
        [
            ("book.xml", book),
            ("districts.xml", districts),
            ("fields.xml", fields),
            ("rubric.xml", rubric),
            ("reviewers.xml", reviewers),
            ("selection.xml", selection),
            ("front/preface.xml", preface),
            ("submissions/NB-2025-0001.xml", submission),
            ("reviews/R01-shortlist.xml", review),
            ("edits/README.txt", editsReadme),
            ("attachments/README.txt", attachmentsReadme),
        ]
    }

    static let head = XML.declaration

    static let book = head + """
    <!--
      book.xml: the book's title page, front matter and part introductions (Thông tin cuốn sách).
      Our own vocabulary, no namespace. Only <title> is required.
    -->
    <book xml:lang="vi">
      <!-- Tên sách: the title as printed on the cover and title page. -->
      <title>Mô hình, điển hình “Dân vận khéo” tỉnh Ninh Bình giai đoạn 2021–2025</title>
      <!-- Optional subtitle (tên phụ). -->
      <subtitle>Tuyển chọn các cách làm hay ở cơ sở</subtitle>
      <!-- Ban Biên tập: @role is free text; "chief" (Chủ biên) is printed first, "member" (thành viên) after. -->
      <editors>
        <editor role="chief">Họ và tên Chủ biên</editor>
        <editor role="member">Họ và tên thành viên</editor>
      </editors>
      <!-- Optional: Nhà xuất bản, năm xuất bản. -->
      <publisher>Nhà xuất bản …</publisher>
      <year>2025</year>
      <!-- Optional: the publication date, YYYY-MM-DD; also the date every build prints (never the clock). -->
      <date>2025-09-02</date>
      <!-- Optional front matter: DocBook 5 <preface> files, printed in this order. @href is relative to this folder. -->
      <front>
        <preface href="front/preface.xml"/>
      </front>
      <!--
        Optional part introductions: one DocBook 5 <partintro> file per field code of fields.xml, e.g.
        <parts>
          <intro field="economy" href="parts/economy.xml"/>
        </parts>
      -->
      <!-- Optional: order of entries inside a part: "district" (default: districts.xml order, then title) or "rank". -->
      <order by="district"/>
    </book>

    """

    static let districts = head + """
    <!--
      districts.xml: the areas a submitting unit can belong to (địa bàn). @code is the identifier used by
      submissions (unit/@district) and reviewers (@district); the text is the name printed in the book.
      The order here is the order in the book. The code "province" (Cấp tỉnh) means province level and never
      causes a district conflict of interest.
    -->
    <districts>

    """ + Places.all.map { "  <district code=\"\($0.code)\">\($0.name)</district>\n" }.joined() + """
    </districts>

    """

    static let fields = head + """
    <!--
      fields.xml: the fields (lĩnh vực) a submission belongs to; each field is one part of the book.
      @code is used by submissions (<field>) and quotas; the order here is the order of the parts.
    -->
    <fields>

    """ + Topics.fields.map { "  <field code=\"\($0.code)\">\($0.name)</field>\n" }.joined() + """
    </fields>

    """

    static let rubric = head + """
    <!--
      rubric.xml: scoring criteria (tiêu chí chấm điểm). Every review scores every criterion within
      [@min, @max]. @weight is relative (weights need not sum to 100); a review's total is the weighted mean
      of its scores, on the same scale.
    -->
    <rubric min="0" max="10">

    """ + Rubric.criteria.map { "  <criterion key=\"\($0.key)\" weight=\"\(Int($0.weight))\">\($0.label)</criterion>\n" }.joined() + """
    </rubric>

    """

    static let reviewers = head + """
    <!--
      reviewers.xml: members of the scoring board (thành viên Hội đồng chấm). @id names the reviewer in
      review sheets; @district (a code of districts.xml) and @unit (the work unit) decide conflicts of interest:
      a reviewer does not count on submissions from the same district (unless "province") or the same unit.
    -->
    <reviewers>
      <reviewer id="R01" district="province" unit="Ban Dân vận Tỉnh ủy Ninh Bình">Trần Thị Mai</reviewer>
    </reviewers>

    """

    static let selection = head + """
    <!--
      selection.xml: the rounds of selection (các vòng xét chọn), applied in order.
      This skeleton's plan runs on its single example submission: raise keep, count and the quotas as
      submissions arrive (the provincial sample uses keep="200", count="100", min-reviews="3").
    -->
    <selection>
      <!--
        type="screen": eligibility (vòng kiểm tra điều kiện). A submission failing any <require> is out, and
        the report names every rule it failed. Rules: period-within (@start, @end as YYYY-MM),
        period-overlaps (@start, @end), has-endorsement, min-results (@count indicators),
        min-body-words (@count words of the body, every text node counted).
      -->
      <round id="eligibility" type="screen">
        <require rule="period-within" start="2021-01" end="2025-12"/>
        <require rule="has-endorsement"/>
        <require rule="min-results" count="1"/>
        <require rule="min-body-words" count="300"/>
      </round>
      <!--
        type="rank": the board's scores (vòng chấm điểm). Reviews whose round is this @id count here.
        @keep: how many best candidates go on; @min-reviews: fewer counted reviews means "not ranked";
        @aggregate: mean | median | trimmed-mean | zscore (zscore evens out lenient and strict reviewers
        and needs several reviews per reviewer).
      -->
      <round id="shortlist" type="rank" keep="1" min-reviews="1" aggregate="mean"/>
      <!--
        type="optimize": the book's entries (vòng chọn đưa vào sách). Picks exactly @count entries from the
        shortlist, maximising the sum of scores under every quota.
        <quota dimension="field|district|kind|unit" value="…" min="…" max="…"/>: without @value it applies
        to each value separately (each field, each district, each kind, each unit name).
        <include submission="ID">reason</include> takes an eligible submission in even if it missed the
        shortlist; <exclude submission="ID">reason</exclude> keeps one out. Reasons are required.
        Examples for a full book:
          <quota dimension="field" value="economy" min="20" max="35"/>
          <quota dimension="field" min="15"/>
          <quota dimension="district" min="6" max="20"/>
          <quota dimension="kind" value="example" min="30"/>
      -->
      <round id="final" type="optimize" count="1">
        <quota dimension="unit" max="2"/>
      </round>
    </selection>

    """

    static let preface = head + """
    <!-- front/preface.xml: a DocBook 5 <preface> (Lời nói đầu), listed in book.xml <front>. -->
    <preface xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="vi">
      <title>Lời nói đầu</title>
      <para>Viết lời nói đầu của cuốn sách tại đây.</para>
    </preface>

    """

    static let submission = head + XML.fictionNotice + """
    <!--
      submissions/ID.xml: one candidate a file (hồ sơ đề xuất). The file name is the @id.
      @id: like NB-2025-0001 (letters, digits, . _ -); @kind: "model" (mô hình, a collective practice) or
      "example" (điển hình, an individual). Replace this example with the board's real submissions.
    -->
    <submission id="NB-2025-0001" kind="model" xml:lang="vi">
      <!-- Inline markup is allowed in title, summary, p, item, cell, caption: em, strong, q, note (footnote), link. -->
      <title>Mô hình “Dân vận khéo” trong giải phóng mặt bằng</title>
      <!-- A code of fields.xml. -->
      <field>economy</field>
      <!-- @level: province | district | commune | agency | enterprise | armed-forces | school | other;
           @district: a code of districts.xml. The text is the unit's name (used for conflicts and the unit quota). -->
      <unit level="commune" district="gia-vien">Ủy ban nhân dân xã Gia Hưng</unit>
      <!-- Date of registration, YYYY-MM-DD. -->
      <registered>2025-03-15</registered>
      <!-- The period of the practice, YYYY-MM; leave out @end while it is ongoing. -->
      <period start="2022-01" end="2024-12"/>
      <!-- People: @role lead (người chủ trì) | member (thành viên) | subject (the typical example's person). -->
      <people>
        <person role="lead">Đinh Văn Hùng</person>
        <person role="member">Phạm Thị Lan</person>
      </people>
      <summary>Bằng cách làm <em>gần dân, sát dân</em>, Ủy ban nhân dân xã Gia Hưng đã vận động nhân dân bàn giao mặt bằng cho dự án đường giao thông đúng tiến độ, không có đơn thư vượt cấp.</summary>
      <!-- Body: section (with title; sections nest), p, list (@type bullet | number; item), quote (@source),
           table (caption; row, @role="head"; cell, @colspan), figure (@ref = an attachment's href; caption). -->
      <body>
        <section>
          <title>Sự cần thiết của mô hình</title>
          <p>Dự án đường giao thông đi qua địa bàn xã Gia Hưng ảnh hưởng đến 146 hộ dân, nhiều hộ phải tháo dỡ tường rào, công trình phụ, một số hộ phải di dời mồ mả. Khi dự án mới triển khai, một bộ phận nhân dân còn băn khoăn về đơn giá bồi thường, có hộ chưa đồng thuận, công tác giải phóng mặt bằng có nguy cơ chậm so với kế hoạch.<note>Theo báo cáo của Ủy ban nhân dân xã Gia Hưng năm 2022.</note></p>
          <p>Xuất phát từ thực tiễn đó, Đảng ủy xã xác định giải phóng mặt bằng là nhiệm vụ trọng tâm, phải được thực hiện bằng phương châm <q>dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng</q>, lấy sự đồng thuận của nhân dân làm thước đo.</p>
        </section>
        <section>
          <title>Cách làm</title>
          <p>Xã thành lập tổ công tác gồm cán bộ, công chức, trưởng thôn và người có uy tín trong cộng đồng. Mỗi đảng viên phụ trách từ 5 đến 10 hộ, trực tiếp đến từng nhà lắng nghe ý kiến, giải thích chủ trương, chính sách, quyền lợi và nghĩa vụ của người dân.</p>
          <list type="number">
            <item>Công khai phương án bồi thường, hỗ trợ tại nhà văn hóa các thôn và trên loa truyền thanh của xã.</item>
            <item>Tổ chức đối thoại trực tiếp giữa lãnh đạo xã với các hộ còn vướng mắc, trả lời từng kiến nghị.</item>
            <item>Cán bộ, đảng viên có đất trong phạm vi dự án gương mẫu bàn giao trước để làm gương cho nhân dân.</item>
          </list>
          <quote source="Ông Nguyễn Văn Bình, thôn Tập Ninh">
            <p>Cán bộ đến nhà giải thích cặn kẽ, thấy việc có lợi cho con cháu nên gia đình tôi đồng ý bàn giao ngay.</p>
          </quote>
        </section>
        <section>
          <title>Kết quả đạt được</title>
          <p>Sau tám tháng, toàn bộ 146 hộ đã bàn giao mặt bằng, sớm hơn kế hoạch hai tháng; không có đơn thư khiếu nại vượt cấp. Nhiều hộ còn tự nguyện hiến thêm đất để mở rộng nút giao và đường gom.</p>
          <table>
            <caption>Một số chỉ tiêu chủ yếu</caption>
            <row role="head"><cell>Chỉ tiêu</cell><cell>Đơn vị tính</cell><cell>Kết quả</cell></row>
            <row><cell>Số hộ bàn giao mặt bằng</cell><cell>hộ</cell><cell>146</cell></row>
            <row><cell colspan="3">Nguồn: báo cáo của Ủy ban nhân dân xã Gia Hưng.</cell></row>
          </table>
        </section>
        <section>
          <title>Bài học kinh nghiệm</title>
          <list type="bullet">
            <item>Phải thực sự tôn trọng, lắng nghe nhân dân; công khai, minh bạch là điều kiện tiên quyết để có được sự đồng thuận.</item>
            <item>Người đứng đầu cấp ủy, chính quyền phải gương mẫu, nói đi đôi với làm, kiên trì và không nóng vội.</item>
          </list>
          <p>Thông tin chi tiết được đăng trên <link href="https://www.example.org/gia-hung">trang thông tin điện tử của xã</link>.</p>
        </section>
      </body>
      <!-- Measured results: @key (identifier), @unit, @value and optional @baseline (decimals with "."). -->
      <results>
        <indicator key="households" unit="hộ" value="146" baseline="0">Số hộ bàn giao mặt bằng</indicator>
        <indicator key="complaints" unit="đơn" value="0" baseline="4">Số đơn thư vượt cấp</indicator>
      </results>
      <!-- Confirmation by a competent body: @by, @level (free text, e.g. district), @date. -->
      <endorsement by="Ban Dân vận Huyện ủy Gia Viễn" level="district" date="2025-03-01"/>
      <!--
        Evidence files under attachments/: @href relative to attachments/ (it may not leave it),
        @sha256 = lowercase hex SHA-256 of the file's bytes, @type = its media type. For example:
        <attachments>
          <attachment href="NB-2025-0001/anh-1.jpg" sha256="…" type="image/jpeg">Caption</attachment>
        </attachments>
      -->
    </submission>

    """

    static let review = head + XML.fictionNotice + """
    <!--
      reviews/REVIEWER-ROUND.xml: one reviewer's score sheet for one round (phiếu chấm).
      @reviewer: an id of reviewers.xml; @round: the id of a rank or optimize round of selection.xml.
      Each <review> scores every criterion of rubric.xml; @date decides which of two reviews of the same
      submission counts (the later). <conflict submission="…">reason</conflict> declares a conflict of interest.
    -->
    <reviews reviewer="R01" round="shortlist">
      <review submission="NB-2025-0001" date="2025-06-20">
        <score criterion="effectiveness">8.5</score>
        <score criterion="replicability">7</score>
        <score criterion="participation">9</score>
        <score criterion="innovation">6.5</score>
        <score criterion="evidence">8</score>
        <comment>Cách làm cụ thể, có số liệu minh chứng.</comment>
      </review>
    </reviews>

    """

    static let editsReadme = """
    edits/ - editors' revised texts (ban bien tap).

    Put here a file with the same name and the same format as a submission in submissions/
    (for example edits/NB-2025-0001.xml) when the editors revise its wording for the book.
    The book prints the edited text; selection always uses the submitted one.

    """

    static let attachmentsReadme = """
    attachments/ - evidence files named by submissions (minh chung).

    A submission's <attachment href="NB-2025-0001/anh-1.jpg" sha256="..." type="image/jpeg"> names
    attachments/NB-2025-0001/anh-1.jpg; sha256 is the lowercase hexadecimal SHA-256 of its bytes
    (for example: sha256sum attachments/NB-2025-0001/anh-1.jpg). Figures in a body refer to the same href.

    """
}
