<?xml version="1.0" encoding="UTF-8"?>
<!-- modelbook: chunked HTML for the Vietnamese book. A customisation layer over docbook-xsl-ns
     1.79.2; the import URL resolves offline through the Debian XML catalog (xsltproc - -nonet).
     Usage: see styles/README.md. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="http://docbook.org/ns/docbook"
                xmlns:str="http://exslt.org/strings"
                extension-element-prefixes="str"
                exclude-result-prefixes="d str">

  <xsl:import href="http://docbook.sourceforge.net/release/xsl-ns/current/html/chunk.xsl"/>
  <xsl:include href="common.xsl"/>

  <!-- UTF-8 text, not ISO-8859-1 with character references. -->
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:param name="chunker.output.encoding">UTF-8</xsl:param>
  <xsl:param name="chunker.output.indent">no</xsl:param>

  <!-- One file per preface, part, chapter (entry), appendix and index, named from xml:id
       (NB-2024-0137.html); the book itself is index.html. Sections stay inside their chapter. -->
  <xsl:param name="use.id.as.filename">1</xsl:param>
  <xsl:param name="root.filename">index</xsl:param>
  <xsl:param name="html.ext">.html</xsl:param>
  <xsl:param name="chunk.section.depth">0</xsl:param>
  <xsl:param name="chunk.first.sections">0</xsl:param>
  <!-- No "Writing …" line per chunk: the build log must show only what matters. -->
  <xsl:param name="chunk.quietly">1</xsl:param>

  <!-- Our stylesheet only; no generated docbook.css. The build copies styles/book.css to base.dir. -->
  <xsl:param name="html.stylesheet">book.css</xsl:param>
  <xsl:param name="docbook.css.link">0</xsl:param>
  <xsl:param name="docbook.css.source"></xsl:param>
  <xsl:param name="css.decoration">0</xsl:param>
  <xsl:param name="table.borders.with.css">0</xsl:param>
  <xsl:param name="make.valid.html">1</xsl:param>
  <xsl:param name="html.cleanup">1</xsl:param>

  <!-- Book and part pages carry a TOC; entries, appendices, prefaces do not. -->
  <xsl:param name="generate.toc">
    book      toc,title
    part      toc,title
    set       toc,title
  </xsl:param>
  <xsl:param name="navig.showtitles">1</xsl:param>
  <xsl:param name="footnote.number.format">1</xsl:param>
  <!-- Images keep their relative fileref (images/x.svg): the build copies images/ next to the HTML. -->
  <xsl:param name="keep.relative.image.uris">1</xsl:param>
  <xsl:param name="ulink.target"></xsl:param>

  <!-- ================================================================
       Speed. docbook-xsl's chunker is quadratic in the number of entries: it finds each chunk's
       previous/next chunk with preceding::/following:: searches over the whole book, its "is
       this a chunk?" test scans all siblings for a stop-chunking PI (about 130 times per chunk),
       and html.head scans the whole book for a legalnotice once per chunk. For 10,000 entries
       that is the difference between minutes and an hour. These replacements give the same
       output for the shape the book writer emits, with chunk.section.depth=0 (sections are never
       chunks) and without <?dbhtml stop-chunking?>; change either and remove them.
       ================================================================ -->
  <!-- Elements that are chunks when they sit in a book or part (docbook-xsl's list). -->
  <xsl:variable name="vi.chunk.names"
                select="'|preface|chapter|appendix|article|topic|part|reference|refentry|colophon|index|glossary|bibliography|'"/>

  <xsl:template name="chunk">
    <xsl:param name="node" select="."/>
    <xsl:variable name="name" select="local-name($node)"/>
    <xsl:choose>
      <xsl:when test="not($node/parent::*)">1</xsl:when>
      <xsl:when test="$name = 'index' or $name = 'glossary' or $name = 'bibliography'">
        <xsl:choose>
          <xsl:when test="($node/parent::d:book or $node/parent::d:part or $node/parent::d:article)
                          and ($name != 'index' or $generate.index != 0 or $node/*)">1</xsl:when>
          <xsl:otherwise>0</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="contains($vi.chunk.names, concat('|', $name, '|'))">1</xsl:when>
      <xsl:when test="$name = 'book' or $name = 'set' or $name = 'setindex'">1</xsl:when>
      <xsl:when test="$name = 'legalnotice' and $generate.legalnotice.link != 0">1</xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Previous/next chunk among siblings: a part's previous neighbour is the last chunk of the
       part before it; a part's next is its first chapter; a part's last chapter's next is
       whatever follows the part. -->
  <xsl:template name="chunk-first-section-with-parent">
    <xsl:param name="content">
      <xsl:apply-imports/>
    </xsl:param>
    <xsl:variable name="prev.sibling"
                  select="preceding-sibling::*[contains($vi.chunk.names, concat('|', local-name(), '|'))][1]"/>
    <xsl:variable name="prev.sibling.last.child"
                  select="$prev.sibling/*[contains($vi.chunk.names, concat('|', local-name(), '|'))][last()]"/>
    <xsl:variable name="first.child"
                  select="*[contains($vi.chunk.names, concat('|', local-name(), '|'))][1]"/>
    <xsl:variable name="next.sibling"
                  select="following-sibling::*[contains($vi.chunk.names, concat('|', local-name(), '|'))][1]"/>
    <xsl:variable name="parent.next.sibling"
                  select="parent::d:part/following-sibling::*[contains($vi.chunk.names, concat('|', local-name(), '|'))][1]"/>
    <xsl:variable name="prev"
                  select="($prev.sibling.last.child | $prev.sibling[not($prev.sibling.last.child)]
                          | parent::*[not($prev.sibling)])[last()]"/>
    <xsl:variable name="next"
                  select="($first.child | $next.sibling[not($first.child)]
                          | $parent.next.sibling[not($first.child) and not($next.sibling)])[1]"/>
    <xsl:call-template name="process-chunk">
      <xsl:with-param name="prev" select="$prev"/>
      <xsl:with-param name="next" select="$next"/>
      <xsl:with-param name="content" select="$content"/>
    </xsl:call-template>
  </xsl:template>

  <!-- <head>: docbook-xsl's own html.head, with its "//d:legalnotice" test evaluated once. -->
  <xsl:variable name="vi.book.has.legalnotice" select="boolean(//d:legalnotice)"/>

  <xsl:template name="html.head">
    <xsl:param name="prev" select="/d:foo"/>
    <xsl:param name="next" select="/d:foo"/>
    <xsl:variable name="home" select="/*[1]"/>
    <xsl:variable name="up" select="parent::*"/>
    <head>
      <xsl:call-template name="system.head.content"/>
      <xsl:call-template name="head.content"/>
      <xsl:if test="$home">
        <link rel="home">
          <xsl:attribute name="href">
            <xsl:call-template name="href.target">
              <xsl:with-param name="object" select="$home"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:attribute name="title">
            <xsl:apply-templates select="$home" mode="object.title.markup.textonly"/>
          </xsl:attribute>
        </link>
      </xsl:if>
      <xsl:if test="$up">
        <link rel="up">
          <xsl:attribute name="href">
            <xsl:call-template name="href.target">
              <xsl:with-param name="object" select="$up"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:attribute name="title">
            <xsl:apply-templates select="$up" mode="object.title.markup.textonly"/>
          </xsl:attribute>
        </link>
      </xsl:if>
      <xsl:if test="$prev">
        <link rel="prev">
          <xsl:attribute name="href">
            <xsl:call-template name="href.target">
              <xsl:with-param name="object" select="$prev"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:attribute name="title">
            <xsl:apply-templates select="$prev" mode="object.title.markup.textonly"/>
          </xsl:attribute>
        </link>
      </xsl:if>
      <xsl:if test="$next">
        <link rel="next">
          <xsl:attribute name="href">
            <xsl:call-template name="href.target">
              <xsl:with-param name="object" select="$next"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:attribute name="title">
            <xsl:apply-templates select="$next" mode="object.title.markup.textonly"/>
          </xsl:attribute>
        </link>
      </xsl:if>
      <xsl:if test="$vi.book.has.legalnotice and $generate.legalnotice.link != 0
                    and $html.head.legalnotice.link.types != ''">
        <xsl:call-template name="make.legalnotice.head.links"/>
      </xsl:if>
      <xsl:call-template name="user.head.content"/>
    </head>
  </xsl:template>

  <!-- <html lang="vi">: browsers pick fonts, hyphenation and screen-reader voices from it. -->
  <xsl:template name="root.attributes">
    <xsl:attribute name="lang">
      <xsl:call-template name="l10n.language"/>
    </xsl:attribute>
  </xsl:template>

  <xsl:template name="user.head.content">
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
  </xsl:template>

  <!-- Colours and widths come from book.css, not from presentational <body> attributes. -->
  <xsl:template name="body.attributes"/>

  <!-- Book title page: title, subtitle, editors ("Biên tập: Nguyễn Thị Hằng và Trần Văn Minh"),
       publisher, year, copyright. docbook-xsl's default shows neither editors nor publisher. -->
  <xsl:template name="book.titlepage.recto">
    <xsl:apply-templates mode="book.titlepage.recto.auto.mode" select="d:info/d:title"/>
    <xsl:apply-templates mode="book.titlepage.recto.auto.mode" select="d:info/d:subtitle"/>
    <xsl:apply-templates mode="book.titlepage.recto.auto.mode" select="d:info/d:corpauthor"/>
    <xsl:apply-templates mode="book.titlepage.recto.auto.mode" select="d:info/d:authorgroup"/>
    <xsl:apply-templates mode="book.titlepage.recto.auto.mode" select="d:info/d:author"/>
    <xsl:if test="d:info/d:editor">
      <p class="editor">
        <span class="editedby">
          <xsl:call-template name="gentext">
            <xsl:with-param name="key" select="'Editedby'"/>
          </xsl:call-template>
          <xsl:text>: </xsl:text>
        </span>
        <xsl:call-template name="person.name.list">
          <xsl:with-param name="person.list" select="d:info/d:editor"/>
        </xsl:call-template>
      </p>
    </xsl:if>
    <xsl:for-each select="d:info/d:publisher">
      <p class="publisher">
        <xsl:apply-templates select="d:publishername/node()"/>
        <xsl:for-each select="d:address/d:city">
          <xsl:text> · </xsl:text>
          <xsl:apply-templates/>
        </xsl:for-each>
      </p>
    </xsl:for-each>
    <xsl:for-each select="d:info/d:pubdate">
      <p class="pubdate"><xsl:apply-templates/></p>
    </xsl:for-each>
    <xsl:apply-templates mode="book.titlepage.recto.auto.mode" select="d:info/d:copyright"/>
    <xsl:apply-templates mode="book.titlepage.recto.auto.mode" select="d:info/d:legalnotice"/>
    <xsl:apply-templates mode="book.titlepage.recto.auto.mode" select="d:info/d:abstract"/>
  </xsl:template>
  <xsl:template name="book.titlepage.verso"/>

  <!-- ================================================================
       Navigation above and below each page: previous, up and next, labelled with docbook-xsl's
       Vietnamese words (nav-prev "Trước đó", nav-up "Lên", nav-next "Kế tiếp", nav-home "Đầu")
       and the titles. docbook-xsl's own templates label their layout tables
       summary="Navigation header" / "Navigation footer" in English whatever the language, so
       they are replaced; same rows and classes (book.css), role="presentation" instead.
       ================================================================ -->

  <xsl:template name="vi.nav.link">
    <xsl:param name="object"/>
    <xsl:param name="direction"/>
    <xsl:param name="key"/>
    <a accesskey="{$key}">
      <xsl:attribute name="href">
        <xsl:call-template name="href.target">
          <xsl:with-param name="object" select="$object"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:call-template name="navig.content">
        <xsl:with-param name="direction" select="$direction"/>
      </xsl:call-template>
    </a>
  </xsl:template>

  <!-- prev | middle | next, one table row; the middle is a link up, a title, or nothing. -->
  <xsl:template name="vi.nav.row">
    <xsl:param name="prev"/>
    <xsl:param name="next"/>
    <xsl:param name="up" select="/d:foo"/>
    <xsl:param name="title" select="/d:foo"/>
    <xsl:param name="side" select="'20%'"/>
    <xsl:param name="middle" select="'th'"/>
    <tr>
      <td width="{$side}" align="{$direction.align.start}">
        <xsl:if test="count($prev) &gt; 0">
          <xsl:call-template name="vi.nav.link">
            <xsl:with-param name="object" select="$prev"/>
            <xsl:with-param name="direction" select="'prev'"/>
            <xsl:with-param name="key" select="'p'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:text>&#160;</xsl:text>
      </td>
      <xsl:element name="{$middle}">
        <xsl:attribute name="width"><xsl:value-of select="100 - 2 * substring-before($side, '%')"/>%</xsl:attribute>
        <xsl:attribute name="align">center</xsl:attribute>
        <xsl:choose>
          <xsl:when test="count($up) &gt; 0">
            <xsl:call-template name="vi.nav.link">
              <xsl:with-param name="object" select="$up"/>
              <xsl:with-param name="direction" select="'up'"/>
              <xsl:with-param name="key" select="'u'"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="count($title) &gt; 0">
            <xsl:apply-templates select="$title" mode="object.title.markup"/>
          </xsl:when>
          <xsl:otherwise>&#160;</xsl:otherwise>
        </xsl:choose>
      </xsl:element>
      <td width="{$side}" align="{$direction.align.end}">
        <xsl:text>&#160;</xsl:text>
        <xsl:if test="count($next) &gt; 0">
          <xsl:call-template name="vi.nav.link">
            <xsl:with-param name="object" select="$next"/>
            <xsl:with-param name="direction" select="'next'"/>
            <xsl:with-param name="key" select="'n'"/>
          </xsl:call-template>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <xsl:template name="header.navigation">
    <xsl:param name="prev" select="/d:foo"/>
    <xsl:param name="next" select="/d:foo"/>
    <xsl:param name="nav.context"/>
    <xsl:variable name="home" select="/*[1]"/>
    <xsl:variable name="up" select="parent::*[generate-id() != generate-id($home)]"/>
    <xsl:if test="$suppress.navigation = '0' and $suppress.header.navigation = '0'">
      <div class="navheader">
        <table width="100%" role="presentation">
          <tr>
            <th colspan="3" align="center">
              <xsl:apply-templates select="." mode="object.title.markup"/>
            </th>
          </tr>
          <xsl:if test="count($prev) &gt; 0 or count($up) &gt; 0 or count($next) &gt; 0">
            <xsl:call-template name="vi.nav.row">
              <xsl:with-param name="prev" select="$prev"/>
              <xsl:with-param name="next" select="$next"/>
              <xsl:with-param name="title" select="$up"/>
            </xsl:call-template>
          </xsl:if>
        </table>
        <xsl:if test="$header.rule != 0">
          <hr/>
        </xsl:if>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="footer.navigation">
    <xsl:param name="prev" select="/d:foo"/>
    <xsl:param name="next" select="/d:foo"/>
    <xsl:param name="nav.context"/>
    <xsl:variable name="home" select="/*[1]"/>
    <xsl:variable name="up" select="parent::*[generate-id() != generate-id($home)]"/>
    <xsl:if test="$suppress.navigation = '0' and $suppress.footer.navigation = '0'">
      <div class="navfooter">
        <xsl:if test="$footer.rule != 0">
          <hr/>
        </xsl:if>
        <table width="100%" role="presentation">
          <xsl:if test="count($prev) &gt; 0 or count($up) &gt; 0 or count($next) &gt; 0">
            <xsl:call-template name="vi.nav.row">
              <xsl:with-param name="prev" select="$prev"/>
              <xsl:with-param name="next" select="$next"/>
              <xsl:with-param name="up" select="$up"/>
              <xsl:with-param name="side" select="'40%'"/>
              <xsl:with-param name="middle" select="'td'"/>
            </xsl:call-template>
          </xsl:if>
          <tr>
            <td width="40%" align="{$direction.align.start}" valign="top">
              <xsl:apply-templates select="$prev" mode="object.title.markup"/>
              <xsl:text>&#160;</xsl:text>
            </td>
            <td width="20%" align="center">
              <xsl:choose>
                <xsl:when test="generate-id($home) != generate-id(.)">
                  <xsl:call-template name="vi.nav.link">
                    <xsl:with-param name="object" select="$home"/>
                    <xsl:with-param name="direction" select="'home'"/>
                    <xsl:with-param name="key" select="'h'"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise>&#160;</xsl:otherwise>
              </xsl:choose>
            </td>
            <td width="40%" align="{$direction.align.end}" valign="top">
              <xsl:text>&#160;</xsl:text>
              <xsl:apply-templates select="$next" mode="object.title.markup"/>
            </td>
          </tr>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- Captions: figures below the picture (book convention), tables above. -->
  <xsl:param name="formal.title.placement">
    figure after
    example before
    equation before
    table before
    procedure before
  </xsl:param>

  <!-- A real <blockquote> (docbook-xsl uses a layout table when there is an attribution)
       and an em dash before the attribution instead of two hyphens. -->
  <xsl:template match="d:blockquote">
    <div>
      <xsl:call-template name="common.html.attributes"/>
      <xsl:call-template name="id.attribute"/>
      <xsl:call-template name="anchor"/>
      <blockquote class="blockquote">
        <xsl:apply-templates select="*[not(self::d:attribution)]"/>
        <xsl:if test="d:attribution">
          <p class="attribution">
            <xsl:text>— </xsl:text>
            <xsl:apply-templates select="d:attribution"/>
          </p>
        </xsl:if>
      </blockquote>
    </div>
  </xsl:template>

  <!-- ================================================================
       Explicit indexes. The book writer emits <index> with indexdiv/indexentry already sorted
       and grouped in Vietnamese order; docbook-xsl's own index/indexdiv templates (html/index.xsl,
       and the chunker's) render that content as-is and generate an index only when the index
       has neither indexdiv nor indexentry, so they are not overridden here.
       docbook-xsl ignores @linkends on primaryie/secondaryie/tertiaryie; these templates add one
       link per id, labelled with the target's number (chapter 12) or, if it has none, its title.
       ================================================================ -->

  <xsl:template match="d:primaryie">
    <dt>
      <xsl:apply-templates/>
      <xsl:call-template name="index.linkends"/>
    </dt>
    <xsl:if test="following-sibling::*">
      <dd>
        <xsl:apply-templates select="following-sibling::d:seeie[not(preceding-sibling::d:secondaryie)]
                                     | following-sibling::d:seealsoie[not(preceding-sibling::d:secondaryie)]"
                             mode="indexentry"/>
        <xsl:apply-templates select="following-sibling::d:secondaryie" mode="indexentry"/>
      </dd>
    </xsl:if>
  </xsl:template>

  <!-- Secondary and tertiary terms: their own see/see-also are the siblings up to the next term. -->
  <xsl:template match="d:secondaryie" mode="indexentry">
    <xsl:variable name="n" select="count(preceding-sibling::d:secondaryie)"/>
    <xsl:variable name="own" select="following-sibling::*[count(preceding-sibling::d:secondaryie) = $n + 1]"/>
    <dl>
      <dt>
        <xsl:apply-templates/>
        <xsl:call-template name="index.linkends"/>
      </dt>
      <dd>
        <xsl:apply-templates select="$own[self::d:seeie or self::d:seealsoie]
                                          [count(preceding-sibling::d:tertiaryie)
                                           = count(current()/preceding-sibling::d:tertiaryie)]"
                             mode="indexentry"/>
        <xsl:apply-templates select="$own[self::d:tertiaryie]" mode="indexentry"/>
      </dd>
    </dl>
  </xsl:template>

  <xsl:template match="d:tertiaryie" mode="indexentry">
    <xsl:variable name="t" select="count(preceding-sibling::d:secondaryie|preceding-sibling::d:tertiaryie)"/>
    <dl>
      <dt>
        <xsl:apply-templates/>
        <xsl:call-template name="index.linkends"/>
      </dt>
      <dd>
        <xsl:apply-templates select="following-sibling::*[self::d:seeie or self::d:seealsoie]
                                     [count(preceding-sibling::d:secondaryie|preceding-sibling::d:tertiaryie) = $t + 1]"
                             mode="indexentry"/>
      </dd>
    </dl>
  </xsl:template>

  <xsl:template match="d:seeie|d:seealsoie" mode="indexentry">
    <div class="{local-name()}">
      <xsl:text>(</xsl:text>
      <xsl:call-template name="gentext">
        <xsl:with-param name="key" select="substring-before(local-name(), 'ie')"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
      <xsl:text>)</xsl:text>
    </div>
  </xsl:template>

  <!-- ", 12, 37, 104": one link per id in @linkends. A dangling id prints an ERROR line,
       like docbook-xsl's own dangling xref, so the build's log check fails on it. -->
  <xsl:template name="index.linkends">
    <xsl:param name="linkends" select="normalize-space(@linkends)"/>
    <xsl:if test="$linkends != ''">
      <xsl:variable name="entry" select="."/>
      <xsl:for-each select="str:tokenize($linkends, ' ')">
        <xsl:variable name="id" select="string(.)"/>
        <xsl:text>, </xsl:text>
        <!-- key() looks in the context node's document: switch back to the book. -->
        <xsl:for-each select="$entry">
          <xsl:variable name="target" select="key('id', $id)[1]"/>
          <xsl:choose>
            <xsl:when test="$target">
              <xsl:variable name="label">
                <xsl:apply-templates select="$target" mode="label.markup"/>
              </xsl:variable>
              <a class="indexref">
                <xsl:attribute name="href">
                  <xsl:call-template name="href.target">
                    <xsl:with-param name="object" select="$target"/>
                  </xsl:call-template>
                </xsl:attribute>
                <xsl:attribute name="title">
                  <xsl:apply-templates select="$target" mode="title.markup">
                    <xsl:with-param name="allow-anchors" select="0"/>
                  </xsl:apply-templates>
                </xsl:attribute>
                <xsl:choose>
                  <xsl:when test="normalize-space($label) != ''">
                    <xsl:value-of select="$label"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:apply-templates select="$target" mode="titleabbrev.markup"/>
                  </xsl:otherwise>
                </xsl:choose>
              </a>
            </xsl:when>
            <xsl:otherwise>
              <xsl:message>ERROR: index entry "<xsl:value-of select="normalize-space($entry)"/>" links to "<xsl:value-of select="$id"/>", which is not an id in the book</xsl:message>
              <span class="indexref-missing">???</span>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
