import Messages

/// The page shell every report page shares: inline CSS, navigation, and one small inline script
/// (table sorting and filtering). No network, no external file: a page opens from a USB stick.
enum Layout {
    enum Section: String {
        case overview, candidates, selection, reviewers
    }

    /// A whole page, in `Language.current` (its `lang` too). `depth` is how many folders below the
    /// report's root the page sits (for links).
    static func page(title: String, report: RenderContext, section: Section, depth: Int, body: HTML) -> String {
        let up = String(repeating: "../", count: depth)
        func nav(_ s: Section, _ label: AuditText, _ file: String) -> HTML {
            let current: HTML = s == section ? " aria-current=\"page\"" : .empty
            return "<a href=\"\(up + file)\"\(current)>\(label.text)</a>"
        }
        let html: HTML = """
        <!DOCTYPE html>
        <html lang="\(Language.current.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · \(report.title)</title>
        <style>\(HTML(raw: css))</style>
        </head>
        <body>
        <header class="site"><div class="book">\(AuditText.reportHeader.text(["book": .text(report.title)]))</div>
        <nav>\(nav(.overview, .navOverview, "index.html"))\(nav(.candidates, .navCandidates, "candidates.html"))\
        \(nav(.selection, .navSelection, "selection.html"))\(nav(.reviewers, .navReviewers, "reviewers.html"))</nav></header>
        <main>
        \(body)
        </main>
        <script>\(HTML(raw: script))</script>
        </body>
        </html>

        """
        return html.raw
    }

    static let css = """
    :root{--ink:#1f2428;--muted:#5f6b73;--line:#dde2e5;--soft:#f5f7f8;--book:#2a6f97;--bad:#c0392b;--ok:#2e7d32;--warn:#b26a00}
    *{box-sizing:border-box}
    html{font-family:"Noto Sans","Noto Serif","DejaVu Sans",sans-serif;color:var(--ink);font-size:15px;line-height:1.45}
    body{margin:0}
    main{max-width:1240px;margin:0 auto;padding:8px 24px 48px}
    header.site{background:#17384d;color:#fff;padding:10px 24px;display:flex;flex-wrap:wrap;gap:8px 28px;align-items:baseline}
    header.site .book{font-weight:bold}
    header.site nav a{color:#cfe3ef;text-decoration:none;margin-right:18px}
    header.site nav a[aria-current]{color:#fff;border-bottom:2px solid #fff}
    h1{font-size:1.6rem;margin:18px 0 4px}
    h2{font-size:1.25rem;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
    h3{font-size:1.05rem;margin:20px 0 6px}
    p.lead{color:var(--muted);margin:0 0 12px}
    a{color:#1d5c80}
    .muted{color:var(--muted)}
    .id{font-family:"DejaVu Sans Mono",monospace;font-size:.9em;white-space:nowrap}
    table{border-collapse:collapse;margin:6px 0 12px;font-size:.93rem}
    th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
    th{background:var(--soft);font-weight:600;white-space:nowrap}
    td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    tbody tr:hover{background:#eef5fa}
    table.sortable th{cursor:pointer;user-select:none}
    table.sortable th::after{content:" ⇅";color:#aab}
    table.sortable th[aria-sort=ascending]::after{content:" ▲";color:var(--ink)}
    table.sortable th[aria-sort=descending]::after{content:" ▼";color:var(--ink)}
    .cards{display:flex;flex-wrap:wrap;gap:12px;margin:14px 0}
    .card{border:1px solid var(--line);border-radius:6px;padding:10px 16px;min-width:150px;background:#fff}
    .card .big{font-size:1.8rem;font-weight:bold;font-variant-numeric:tabular-nums}
    .card .what{color:var(--muted);font-size:.9rem}
    .card.good{border-left:5px solid var(--ok)} .card.bad{border-left:5px solid var(--bad)} .card.book{border-left:5px solid var(--book)}
    .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.82rem;white-space:nowrap;border:1px solid transparent}
    .o-selected,.o-included{background:#dcecf5;color:#14476a;border-color:#a9cde2}
    .o-left-out{background:#fff4d6;color:#7a5200;border-color:#f0d58c}
    .o-not-shortlisted{background:#eef0f1;color:#444}
    .o-insufficient-reviews{background:#fbe9e7;color:#8a2c1d}
    .o-ineligible{background:#f3e5f5;color:#5b2168}
    .o-excluded{background:#ffe0e0;color:#8b0000}
    .yes{color:var(--ok);font-weight:600} .no{color:var(--bad);font-weight:600}
    .banner{border-radius:6px;padding:10px 16px;margin:12px 0;border:1px solid var(--line)}
    .banner.warn{border-color:var(--warn);background:#fff6e5}
    td.title{min-width:18em}
    td.why{min-width:16em}
    th.crit{white-space:normal;min-width:7em;max-width:11em}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:3px 16px;margin:8px 0}
    dl.facts dt{color:var(--muted)} dl.facts dd{margin:0}
    .filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin:10px 0;padding:8px 10px;background:var(--soft);border-radius:6px}
    .filters input,.filters select{font:inherit;padding:3px 6px}
    .filters input[type=search]{min-width:260px}
    svg.chart{display:block;max-width:100%;height:auto;margin:8px 0 4px;font-family:inherit}
    svg.gauge{vertical-align:middle}
    svg a:hover text{text-decoration:underline}
    figure{margin:12px 0 20px} figcaption{color:var(--muted);font-size:.9rem;max-width:760px}
    .scroll{overflow-x:auto}
    table.wide{width:100%}
    td.unit{min-width:12em}
    code{font-family:"DejaVu Sans Mono",monospace;font-size:.9em}
    @media print{
      header.site nav,.filters,.noprint{display:none}
      header.site{background:none;color:#000;padding:0 0 6px;border-bottom:1px solid #000}
      main{max-width:none;padding:0}
      html{font-size:10.5pt}
      a{color:inherit;text-decoration:none}
      h2{break-after:avoid} tr,figure,svg{break-inside:avoid}
      table.sortable th::after{content:""}
      tbody tr:hover{background:none}
    }
    """

    /// Sorting (click a header: numbers by `data-v`, text in Vietnamese collation) and filtering
    /// (`form.filters` over `tr[data-*]`; the count of rows shown follows the `data-template` of the
    /// form's `output`, numbers the page's language's way). It marks the document `data-js-ok` when it ran through,
    /// which the browser test looks for.
    static let script = """
    (function(){
    "use strict";
    var coll=new Intl.Collator("vi",{numeric:true});
    function key(td){return td?(td.hasAttribute("data-v")?td.getAttribute("data-v"):td.textContent.trim()):"";}
    document.querySelectorAll("table.sortable").forEach(function(table){
      var heads=table.tHead.rows[0].cells;
      Array.prototype.forEach.call(heads,function(th,col){
        th.setAttribute("tabindex","0");
        function sort(){
          var asc=th.getAttribute("aria-sort")!=="ascending";
          Array.prototype.forEach.call(heads,function(h){h.removeAttribute("aria-sort");});
          th.setAttribute("aria-sort",asc?"ascending":"descending");
          var num=th.classList.contains("n"),body=table.tBodies[0];
          var rows=Array.prototype.slice.call(body.rows);
          rows.sort(function(a,b){
            var x=key(a.cells[col]),y=key(b.cells[col]);
            if(x===""&&y==="")return 0;if(x==="")return 1;if(y==="")return -1;
            var c=num?(parseFloat(x)-parseFloat(y)):coll.compare(x,y);
            return asc?c:-c;
          });
          rows.forEach(function(r){body.appendChild(r);});
        }
        th.addEventListener("click",sort);
        th.addEventListener("keydown",function(e){if(e.key==="Enter"||e.key===" "){e.preventDefault();sort();}});
      });
    });
    function fold(s){return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g,"").replace(/đ/g,"d").replace(/Đ/g,"D").toLowerCase();}
    document.querySelectorAll("form.filters").forEach(function(form){
      var table=document.getElementById(form.getAttribute("data-table"));
      var count=form.querySelector("output");
      function apply(){
        var q=fold(form.elements.q.value.trim()),shown=0,rows=table.tBodies[0].rows;
        Array.prototype.forEach.call(rows,function(r){
          var ok=!q||fold(r.textContent).indexOf(q)>=0;
          form.querySelectorAll("select").forEach(function(s){if(s.value&&r.getAttribute("data-"+s.name)!==s.value)ok=false;});
          r.hidden=!ok;if(ok)shown++;
        });
        if(count){var lang=document.documentElement.lang;
          count.textContent=(count.getAttribute("data-template")||"{shown}/{total}").replace("{shown}",shown.toLocaleString(lang)).replace("{total}",rows.length.toLocaleString(lang));}
      }
      form.addEventListener("input",apply);form.addEventListener("change",apply);
      form.addEventListener("submit",function(e){e.preventDefault();});
      apply();
    });
    document.documentElement.setAttribute("data-js-ok","");
    })();
    """

    /// A file name for an id: ids are `[A-Za-z0-9][A-Za-z0-9._-]*` already; anything else becomes `_`
    /// so no id can leave its folder.
    static func fileName(_ id: String) -> String {
        var out = ""
        for ch in id.unicodeScalars {
            let ok = ch.isASCII && (ch.properties.isAlphabetic || ("0"..."9").contains(ch) || ch == "-" || ch == "_"
                                    || (ch == "." && !out.isEmpty))
            out.unicodeScalars.append(ok ? ch : "_")
        }
        return out.isEmpty ? "_" : out
    }

    /// A link to `folder/<id>.html` from a page in `from` ("" for the root).
    static func href(_ folder: String, _ id: String, from: String) -> String {
        let file = fileName(id) + ".html"
        if from == folder { return file }
        return (from.isEmpty ? "" : "../") + folder + "/" + file
    }

    static func outcomeBadge(_ o: AuditReport.Outcome) -> HTML {
        "<span class=\"badge o-\(o.rawValue)\">\(o.label)</span>"
    }
}
