<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared by html.xsl and fo.xsl (xsl:include, so these rules win over docbook-xsl-ns):
     Vietnamese generated text and Vietnamese personal names. Output-neutral: no HTML, no FO. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="http://docbook.org/ns/docbook"
                xmlns:l="http://docbook.sourceforge.net/xmlns/l10n/1.0"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="d l exsl">

  <!-- Vietnamese throughout, even where a fragment lacks xml:lang. -->
  <xsl:param name="l10n.gentext.default.language">vi</xsl:param>

  <!-- Numbering: chapters 1, 2, 3 across the whole book (entries), parts I, II; appendices A, B.
       Sections are not numbered: entries are essays, not manuals. -->
  <xsl:param name="chapter.autolabel">1</xsl:param>
  <xsl:param name="part.autolabel">I</xsl:param>
  <xsl:param name="appendix.autolabel">A</xsl:param>
  <xsl:param name="section.autolabel">0</xsl:param>
  <xsl:param name="label.from.part">0</xsl:param>
  <xsl:param name="component.label.includes.part.label">0</xsl:param>

  <!-- Chapter numbers in O(1). docbook-xsl numbers a chapter with <xsl:number level="any">, which
       walks every preceding node; it is asked about 11 times per chapter, so a 10,000-entry book
       spends most of its time there (quadratic). Here all chapters are numbered once, in document
       order across the book (what chapter.autolabel with label.from.part=0 gives), and looked up
       by key. An explicit @label on a chapter still wins. -->
  <xsl:key name="vi.chapter.number" match="vi-chapter" use="@of"/>
  <xsl:variable name="vi.chapter.numbers">
    <xsl:for-each select="/d:book//d:chapter">
      <vi-chapter of="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="vi.chapter.numbers.doc" select="exsl:node-set($vi.chapter.numbers)"/>

  <xsl:template match="d:chapter" mode="label.markup">
    <xsl:choose>
      <xsl:when test="@label">
        <xsl:value-of select="@label"/>
      </xsl:when>
      <xsl:when test="string($chapter.autolabel) != 0 and ancestor::d:book">
        <xsl:variable name="format">
          <xsl:call-template name="autolabel.format">
            <xsl:with-param name="format" select="$chapter.autolabel"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="id" select="generate-id()"/>
        <xsl:for-each select="$vi.chapter.numbers.doc">
          <xsl:number value="key('vi.chapter.number', $id)/@n" format="{$format}"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="string($chapter.autolabel) != 0">
        <xsl:number from="d:book" count="d:chapter" format="1" level="any"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The TOC lists parts and entries, never sections: the real book has thousands of entries. -->
  <xsl:param name="toc.section.depth">0</xsl:param>

  <!-- docbook-xsl-ns 1.79.2 vi.xml leaves these keys in English ("Publication date", "Editor", ...)
       and uses family-comma-given names ("Nguyễn, Thị Hằng"). These override them. -->
  <xsl:param name="local.l10n.xml" select="document('')"/>
  <l:i18n>
    <l:l10n language="vi">
      <l:gentext key="PubDate" text="Năm xuất bản"/>
      <l:gentext key="pubdate" text="Năm xuất bản"/>
      <l:gentext key="Publisher" text="Nhà xuất bản"/>
      <l:gentext key="Editor" text="Biên tập"/>
      <l:gentext key="Edited" text="Biên tập"/>
      <l:gentext key="edited" text="biên tập"/>
      <l:gentext key="Editedby" text="Biên tập"/>
      <l:gentext key="editedby" text="biên tập"/>
      <l:gentext key="Abstract" text="Tóm tắt"/>
      <l:gentext key="abstract" text="Tóm tắt"/>
      <l:gentext key="Author" text="Tác giả"/>
      <l:gentext key="Authors" text="Tác giả"/>
      <l:gentext key="Acknowledgements" text="Lời cảm ơn"/>
      <l:gentext key="acknowledgements" text="Lời cảm ơn"/>
      <l:gentext key="References" text="Tài liệu tham khảo"/>
      <l:gentext key="See" text="Xem"/>
      <l:gentext key="Seealso" text="Xem thêm"/>
      <l:gentext key="SeeAlso" text="Xem thêm"/>
      <!-- family-given is rendered by person.name.family-given below: "Nguyễn Thị Hằng". -->
      <!-- "A, B và C": no serial comma in Vietnamese. -->
      <l:context name="authorgroup">
        <l:template name="seplast" text=" và "/>
      </l:context>
      <l:context name="styles">
        <l:template name="person-name" text="family-given"/>
      </l:context>
    </l:l10n>
  </l:i18n>

  <!-- Vietnamese order: family name, middle name(s), given name, separated by spaces, no comma.
       docbook-xsl's own family-given appends the marker " [FAMILY Given]"; this one does not.
       Markup: <personname><surname>Nguyễn</surname> <othername>Thị</othername>
       <firstname>Hằng</firstname></personname>, or <firstname>Thị Hằng</firstname>
       without othername, or plain text <personname>Nguyễn Thị Hằng</personname>
       (printed as written, in every style). -->
  <xsl:template name="person.name.family-given">
    <xsl:param name="node" select="."/>
    <xsl:for-each select="$node//d:honorific[1]">
      <xsl:apply-templates select="."/>
      <xsl:if test="$node//d:surname or $node//d:othername or $node//d:firstname">
        <xsl:text> </xsl:text>
      </xsl:if>
    </xsl:for-each>
    <xsl:apply-templates select="$node//d:surname[1]"/>
    <xsl:if test="$node//d:surname and ($node//d:othername or $node//d:firstname)">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates select="$node//d:othername[1]"/>
    <xsl:if test="$node//d:othername and $node//d:firstname">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates select="$node//d:firstname[1]"/>
  </xsl:template>

</xsl:stylesheet>
