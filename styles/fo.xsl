<?xml version="1.0" encoding="UTF-8"?>
<!-- modelbook: XSL-FO for the PDF edition (Apache FOP 2.8 with styles/fop.xconf).
     A customisation layer over docbook-xsl-ns 1.79.2 fo/docbook.xsl; the import URL resolves
     offline through the Debian XML catalog (xsltproc - -nonet). Usage: see styles/README.md. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="http://docbook.org/ns/docbook"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:str="http://exslt.org/strings"
                extension-element-prefixes="str"
                exclude-result-prefixes="d str">

  <xsl:import href="http://docbook.sourceforge.net/release/xsl-ns/current/fo/docbook.xsl"/>
  <xsl:include href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- ================= FOP ================= -->
  <xsl:param name="fop1.extensions">1</xsl:param>   <!-- PDF bookmarks, document info -->

  <!-- ================= Page: 145 mm x 205 mm, printed on both sides ================= -->
  <xsl:param name="paper.type"></xsl:param>
  <xsl:param name="page.width">145mm</xsl:param>
  <xsl:param name="page.height">205mm</xsl:param>
  <xsl:param name="double.sided">1</xsl:param>
  <xsl:param name="page.margin.inner">20mm</xsl:param>  <!-- binding side -->
  <xsl:param name="page.margin.outer">14mm</xsl:param>
  <xsl:param name="page.margin.top">10mm</xsl:param>
  <xsl:param name="page.margin.bottom">10mm</xsl:param>
  <xsl:param name="region.before.extent">8mm</xsl:param>
  <xsl:param name="body.margin.top">12mm</xsl:param>
  <xsl:param name="region.after.extent">8mm</xsl:param>
  <xsl:param name="body.margin.bottom">13mm</xsl:param>
  <xsl:param name="body.start.indent">0pt</xsl:param>   <!-- the default 4pc is too wide for 111 mm -->

  <!-- ================= Type ================= -->
  <!-- Every family must be registered in fop.xconf and have every Vietnamese glyph.
       No Noto monospace font is installed (fonts-noto-core has none): code-like text uses
       Noto Sans; the book has no program listings. -->
  <xsl:param name="body.font.family">Noto Serif</xsl:param>
  <xsl:param name="title.font.family">Noto Sans</xsl:param>
  <xsl:param name="sans.font.family">Noto Sans</xsl:param>
  <xsl:param name="monospace.font.family">Noto Sans</xsl:param>
  <xsl:param name="symbol.font.family">Noto Sans</xsl:param>
  <xsl:param name="dingbat.font.family">Noto Sans</xsl:param>
  <xsl:param name="body.font.master">10</xsl:param>
  <xsl:param name="line-height">1.4</xsl:param>       <!-- stacked diacritics need the room -->
  <xsl:param name="alignment">justify</xsl:param>
  <!-- FOP has no Vietnamese patterns; Vietnamese syllables are short, so none are needed. -->
  <xsl:param name="hyphenate">false</xsl:param>

  <xsl:attribute-set name="component.title.properties">
    <xsl:attribute name="font-size">16pt</xsl:attribute>
    <xsl:attribute name="space-after">6mm</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="section.title.level1.properties">
    <xsl:attribute name="font-size">12.5pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="section.title.level2.properties">
    <xsl:attribute name="font-size">11pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="formal.title.properties">
    <xsl:attribute name="font-size">9pt</xsl:attribute>
    <xsl:attribute name="font-family"><xsl:value-of select="$title.fontset"/></xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="abstract.properties">
    <xsl:attribute name="font-style">italic</xsl:attribute>
    <xsl:attribute name="text-align">start</xsl:attribute>
    <xsl:attribute name="start-indent">6mm</xsl:attribute>
    <xsl:attribute name="end-indent">6mm</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="table.properties">
    <xsl:attribute name="font-size">9pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="list.item.spacing">
    <xsl:attribute name="space-before.optimum">0.3em</xsl:attribute>
    <xsl:attribute name="space-before.minimum">0.2em</xsl:attribute>
    <xsl:attribute name="space-before.maximum">0.5em</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="figure.properties" use-attribute-sets="formal.object.properties">
    <xsl:attribute name="text-align">center</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="blockquote.properties">
    <xsl:attribute name="font-style">italic</xsl:attribute>
    <xsl:attribute name="start-indent">8mm</xsl:attribute>
    <xsl:attribute name="end-indent">6mm</xsl:attribute>
  </xsl:attribute-set>
  <xsl:param name="table.frame.border.thickness">0.5pt</xsl:param>
  <xsl:param name="table.cell.border.thickness">0.5pt</xsl:param>
  <xsl:param name="table.cell.border.color">#777777</xsl:param>
  <xsl:param name="table.frame.border.color">#333333</xsl:param>
  <xsl:attribute-set name="table.cell.padding">
    <xsl:attribute name="padding-start">1.5mm</xsl:attribute>
    <xsl:attribute name="padding-end">1.5mm</xsl:attribute>
    <xsl:attribute name="padding-top">0.8mm</xsl:attribute>
    <xsl:attribute name="padding-bottom">0.8mm</xsl:attribute>
  </xsl:attribute-set>

  <xsl:param name="formal.title.placement">
    figure after
    example before
    equation before
    table before
    procedure before
  </xsl:param>

  <!-- Web addresses go to a footnote, not into the running text. -->
  <xsl:param name="ulink.footnotes">1</xsl:param>
  <xsl:param name="ulink.show">1</xsl:param>

  <!-- ================= Contents ================= -->
  <xsl:param name="generate.toc">
    book      toc,title
    set       toc,title
  </xsl:param>
  <xsl:param name="toc.indent.width">6</xsl:param>
  <xsl:param name="column.count.index">2</xsl:param>

  <!-- ================= Running heads =================
       Verso (even): page number outside, part title (or book title outside any part).
       Recto (odd):  chapter title (titleabbrev if given), page number outside.
       First page of a chapter/part and title pages: no head; the page number goes to the foot. -->
  <xsl:param name="header.rule">0</xsl:param>
  <xsl:param name="footer.rule">0</xsl:param>
  <xsl:param name="header.column.widths">1 6 1</xsl:param>
  <xsl:param name="footer.column.widths">1 6 1</xsl:param>

  <xsl:attribute-set name="header.content.properties">
    <xsl:attribute name="font-family"><xsl:value-of select="$title.fontset"/></xsl:attribute>
    <xsl:attribute name="font-size">8pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="footer.content.properties">
    <xsl:attribute name="font-family"><xsl:value-of select="$title.fontset"/></xsl:attribute>
    <xsl:attribute name="font-size">8pt</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template name="running.verso.title">
    <xsl:variable name="part" select="ancestor-or-self::d:part[1]"/>
    <xsl:choose>
      <xsl:when test="$part and not(self::d:part)">
        <xsl:apply-templates select="$part" mode="titleabbrev.markup"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="ancestor-or-self::d:book[1]" mode="titleabbrev.markup"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="running.recto.title">
    <xsl:param name="pageclass"/>
    <xsl:choose>
      <xsl:when test="$pageclass = 'lot'">
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="'TableofContents'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="titleabbrev.markup"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="header.content">
    <xsl:param name="pageclass" select="''"/>
    <xsl:param name="sequence" select="''"/>
    <xsl:param name="position" select="''"/>
    <xsl:param name="gentext-key" select="''"/>
    <fo:block>
      <xsl:if test="$pageclass != 'titlepage'">
        <xsl:choose>
          <xsl:when test="$sequence = 'even' and $position = 'left'">
            <fo:page-number/>
          </xsl:when>
          <xsl:when test="$sequence = 'even' and $position = 'center'">
            <xsl:call-template name="running.verso.title"/>
          </xsl:when>
          <xsl:when test="$sequence = 'odd' and $position = 'center'">
            <xsl:call-template name="running.recto.title">
              <xsl:with-param name="pageclass" select="$pageclass"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$sequence = 'odd' and $position = 'right'">
            <fo:page-number/>
          </xsl:when>
        </xsl:choose>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template name="footer.content">
    <xsl:param name="pageclass" select="''"/>
    <xsl:param name="sequence" select="''"/>
    <xsl:param name="position" select="''"/>
    <xsl:param name="gentext-key" select="''"/>
    <fo:block>
      <xsl:if test="$pageclass != 'titlepage' and $sequence = 'first' and $position = 'center'">
        <fo:page-number/>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <!-- Part title: 25 pt (the default) breaks "Phần I. Kinh tế và đời sống" on a 111 mm measure. -->
  <xsl:template match="d:title" mode="part.titlepage.recto.auto.mode">
    <fo:block xsl:use-attribute-sets="part.titlepage.recto.style" text-align="center"
              font-size="18pt" line-height="1.3" space-before="40mm"
              space-before.conditionality="retain" space-after="10mm"
              font-weight="bold" font-family="{$title.fontset}">
      <xsl:call-template name="division.title">
        <xsl:with-param name="node" select="ancestor-or-self::d:part[1]"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- The submitting unit under an entry's title: a byline, not a second title. -->
  <xsl:template match="d:author" mode="chapter.titlepage.recto.auto.mode">
    <fo:block xsl:use-attribute-sets="chapter.titlepage.recto.style" font-family="{$title.fontset}"
              font-size="10pt" color="#555555" space-before="0.3em" space-after="1.2em">
      <xsl:apply-templates select="." mode="chapter.titlepage.recto.mode"/>
    </fo:block>
  </xsl:template>

  <!-- ================= Title pages =================
       docbook-xsl's book title page shows neither editors nor publisher and labels the date
       "Publication date" in English. Recto: title, subtitle, editors; publisher, city and year
       at the foot. Verso: copyright, editors, publisher and year, legal notice. -->
  <xsl:template name="book.editors">
    <xsl:if test="d:info/d:editor">
      <xsl:call-template name="gentext">
        <xsl:with-param name="key" select="'Editedby'"/>
      </xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="person.name.list">
        <xsl:with-param name="person.list" select="d:info/d:editor"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="book.titlepage.recto">
    <fo:block font-family="{$title.fontset}" text-align="center" hyphenate="false">
      <fo:block font-size="21pt" font-weight="bold" line-height="1.25" space-before="38mm"
                space-before.conditionality="retain">
        <xsl:apply-templates select="d:info/d:title" mode="titlepage.mode"/>
      </fo:block>
      <xsl:for-each select="d:info/d:subtitle">
        <fo:block font-size="12.5pt" space-before="5mm">
          <xsl:apply-templates select="." mode="titlepage.mode"/>
        </fo:block>
      </xsl:for-each>
      <xsl:if test="d:info/d:editor | d:info/d:author | d:info/d:authorgroup">
        <fo:block font-size="10.5pt" space-before="16mm">
          <xsl:if test="d:info/d:author | d:info/d:authorgroup/d:author">
            <fo:block>
              <xsl:call-template name="person.name.list">
                <xsl:with-param name="person.list" select="d:info/d:author | d:info/d:authorgroup/d:author"/>
              </xsl:call-template>
            </fo:block>
          </xsl:if>
          <fo:block><xsl:call-template name="book.editors"/></fo:block>
        </fo:block>
      </xsl:if>
    </fo:block>
    <!-- The foot of the page, whatever the length of the title. -->
    <fo:block-container absolute-position="absolute" top="140mm" left="0mm" right="0mm">
      <fo:block font-family="{$title.fontset}" text-align="center" font-size="9.5pt">
        <xsl:for-each select="d:info/d:publisher">
          <fo:block font-weight="bold">
            <xsl:apply-templates select="d:publishername/node()"/>
          </fo:block>
        </xsl:for-each>
        <fo:block space-before="1.5mm">
          <xsl:for-each select="d:info/d:publisher/d:address/d:city">
            <xsl:apply-templates/>
            <xsl:if test="../../../d:pubdate"><xsl:text> – </xsl:text></xsl:if>
          </xsl:for-each>
          <xsl:apply-templates select="d:info/d:pubdate/node()"/>
        </fo:block>
      </fo:block>
    </fo:block-container>
  </xsl:template>

  <xsl:template name="book.titlepage.verso">
    <fo:block-container absolute-position="absolute" top="110mm" left="0mm" right="0mm">
      <fo:block font-family="{$title.fontset}" font-size="8.5pt" text-align="start"
                line-height="1.45">
        <fo:block font-weight="bold">
          <xsl:apply-templates select="d:info/d:title" mode="titlepage.mode"/>
        </fo:block>
        <xsl:if test="d:info/d:editor">
          <fo:block><xsl:call-template name="book.editors"/></fo:block>
        </xsl:if>
        <xsl:if test="d:info/d:publisher or d:info/d:pubdate">
          <fo:block space-before="2mm">
            <xsl:for-each select="d:info/d:publisher">
              <xsl:apply-templates select="d:publishername/node()"/>
              <xsl:for-each select="d:address/d:city">
                <xsl:text>, </xsl:text>
                <xsl:apply-templates/>
              </xsl:for-each>
              <xsl:if test="../d:pubdate"><xsl:text>, </xsl:text></xsl:if>
            </xsl:for-each>
            <xsl:apply-templates select="d:info/d:pubdate/node()"/>
          </fo:block>
        </xsl:if>
        <xsl:for-each select="d:info/d:copyright">
          <fo:block space-before="2mm">
            <xsl:apply-templates select="." mode="titlepage.mode"/>
          </fo:block>
        </xsl:for-each>
        <xsl:apply-templates select="d:info/d:legalnotice" mode="titlepage.mode"/>
      </fo:block>
    </fo:block-container>
  </xsl:template>

  <!-- In case a pubdate is rendered anywhere else: plain, with no English label. -->
  <xsl:template match="d:book/d:info/d:pubdate" mode="titlepage.mode" priority="3">
    <fo:block><xsl:apply-templates mode="titlepage.mode"/></fo:block>
  </xsl:template>

  <!-- ================= Explicit indexes =================
       The book writer emits each index already sorted and grouped in Vietnamese order
       (indexdiv/indexentry); fo/index.xsl renders such content as-is and generates an index
       only when there is neither indexdiv nor indexentry. docbook-xsl ignores @linkends:
       these templates print one linked page number per id: "Gia Viễn, 12, 37, 104". -->
  <xsl:attribute-set name="index.div.title.properties">
    <xsl:attribute name="font-family"><xsl:value-of select="$title.fontset"/></xsl:attribute>
    <xsl:attribute name="font-size">11pt</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="space-before">4mm</xsl:attribute>
    <xsl:attribute name="space-after">1mm</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-column">always</xsl:attribute>
  </xsl:attribute-set>

  <!-- docbook-xsl-ns 1.79.2 drops the indexdiv title ("Đ", "G", …): its indexdiv.titlepage
       selects title without the DocBook namespace. -->
  <xsl:template match="d:indexdiv">
    <fo:block>
      <xsl:attribute name="id"><xsl:call-template name="object.id"/></xsl:attribute>
      <fo:block xsl:use-attribute-sets="index.div.title.properties">
        <xsl:apply-templates select="(d:title | d:info/d:title)[1]/node()"/>
      </fo:block>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:indexentry">
    <fo:block font-size="9pt" line-height="1.3" text-align="start">
      <xsl:apply-templates select="d:primaryie|d:secondaryie|d:tertiaryie|d:seealsoie"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:primaryie">
    <xsl:call-template name="index.term">
      <xsl:with-param name="indent" select="0"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="d:secondaryie">
    <xsl:call-template name="index.term">
      <xsl:with-param name="indent" select="1"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="d:tertiaryie">
    <xsl:call-template name="index.term">
      <xsl:with-param name="indent" select="2"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One term: hanging indent, its page numbers, then "(xem …)" for its own see entries
       (the seeie siblings up to the next term). -->
  <xsl:template name="index.term">
    <xsl:param name="indent" select="0"/>
    <xsl:variable name="n" select="count(preceding-sibling::d:primaryie|preceding-sibling::d:secondaryie|preceding-sibling::d:tertiaryie)"/>
    <xsl:variable name="see"
                  select="following-sibling::d:seeie
                          [count(preceding-sibling::d:primaryie|preceding-sibling::d:secondaryie|preceding-sibling::d:tertiaryie) = $n + 1]"/>
    <fo:block start-indent="{1.2 * ($indent + 1)}em" text-indent="-1.2em">
      <xsl:apply-templates/>
      <xsl:call-template name="index.linkends"/>
      <xsl:if test="$see">
        <xsl:text> (</xsl:text>
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="'see'"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:for-each select="$see">
          <xsl:if test="position() > 1"><xsl:text>; </xsl:text></xsl:if>
          <xsl:apply-templates/>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <xsl:template name="index.linkends">
    <xsl:param name="linkends" select="normalize-space(@linkends)"/>
    <xsl:if test="$linkends != ''">
      <xsl:variable name="entry" select="."/>
      <xsl:for-each select="str:tokenize($linkends, ' ')">
        <xsl:variable name="id" select="string(.)"/>
        <xsl:text>, </xsl:text>
        <!-- key() looks in the context node's document: switch back to the book. -->
        <xsl:for-each select="$entry">
          <xsl:choose>
            <xsl:when test="key('id', $id)">
              <fo:basic-link internal-destination="{$id}">
                <fo:page-number-citation ref-id="{$id}"/>
              </fo:basic-link>
            </xsl:when>
            <xsl:otherwise>
              <xsl:message>ERROR: index entry "<xsl:value-of select="normalize-space($entry)"/>" links to "<xsl:value-of select="$id"/>", which is not an id in the book</xsl:message>
              <xsl:text>???</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
