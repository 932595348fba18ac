import Foundation
import HTTPTypes
import Hummingbird
import Messages
import XMLKit

/// The pages the desk serves: plain HTML shells in the language the server was started with, one
/// stylesheet and one script, all from the binary itself (no CDN, nothing from the network). The script
/// fills the shells from the JSON API, with the words each shell carries (`DeskText.pageWords`).
enum Pages {
    enum Kind: String { case list, submission, editor }

    /// Sent with every response: nothing from elsewhere, no framing, no referrer to other sites (sign-in links carry a token).
    static var commonHeaders: HTTPFields {
        var h = HTTPFields()
        h[.contentSecurityPolicy] = "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'"
        h[.xContentTypeOptions] = "nosniff"
        h[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        h[.cacheControl] = "no-store"
        return h
    }

    /// A page in `Language.current`; `body` is markup whose text is already escaped.
    static func html(_ status: Int, title: String, body: String, page: String = "") -> Response {
        let language = Language.current
        let desk = escape(DeskText.deskName.text)
        let text = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) — \(desk)</title>
            <link rel="stylesheet" href="/assets/desk.css">
            </head>
            <body data-page="\(page)">
            <header class="top"><a href="/">\(desk)</a><span id="who"></span></header>
            <main id="main">
            \(body)
            </main>
            \(page.isEmpty ? "" : words(language) + "\n<script src=\"/assets/desk.js\"></script>")
            </body>
            </html>

            """
        var headers = commonHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The script's words and the language's locale, as a JSON data block (not executed, so the CSP allows it).
    /// `<` is written as `\u003c`, so no text can end the element.
    static func words(_ language: Language) -> String {
        var object = Dictionary(uniqueKeysWithValues: DeskText.pageWords.map { ($0.rawValue, $0.template(in: language)) })
        object["locale"] = language == .vi ? "vi-VN" : "en-GB"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self)
        return "<script type=\"application/json\" id=\"desk-words\">"
            + json.replacingOccurrences(of: "<", with: "\\u003c") + "</script>"
    }

    static func escape(_ text: String) -> String { XMLEscape.html(text) }

    /// A heading (text, escaped here) and paragraphs (markup, escaped by the caller).
    static func message(_ heading: String, _ paragraphs: [String]) -> String {
        "<h1>\(escape(heading))</h1>\n" + paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }

    static func page(_ kind: Kind) -> Response {
        html(200, title: kind == .editor ? DeskText.editorsTitle.text : DeskText.assignedTitle.text,
             body: "<p class=\"loading\">\(escape(DeskText.loading.text))</p>", page: kind.rawValue)
    }

    static func signIn() -> Response {
        let once = "<strong>" + escape(DeskText.signInOnceWords.text) + "</strong>"
        let sentence = escape(DeskText.signInOnce.text).replacingOccurrences(of: "{once}", with: once)
        return html(200, title: DeskText.signIn.text, body: message(DeskText.signInHeading.text, [sentence]) + """

            <form method="post"><button type="submit" id="signin">\(escape(DeskText.signIn.text))</button></form>
            """)
    }

    static func signInFailed(_ problem: DeskStore.InvitationProblem) -> Response {
        let why: DeskText = switch problem {
        case .used: .linkUsed
        case .revoked: .linkRevoked
        case .expired: .linkExpired
        case .unknown: .linkUnknown
        }
        return html(403, title: DeskText.signInFailed.text,
                    body: message(DeskText.signInFailed.text, [escape(why.text), escape(DeskText.askNewLink.text)]))
    }

    static func signedOut() -> Response {
        html(401, title: DeskText.signedOut.text,
             body: message(DeskText.signedOut.text, [escape(DeskText.openYourLink.text)]))
    }

    static func notFound() -> Response {
        html(404, title: DeskText.notFound.text, body: message(DeskText.notFound.text, [
            escape(DeskText.notFoundWhy.text), "<a href=\"/\">" + escape(DeskText.backToList.text) + "</a>",
        ]))
    }

    static func redirect(_ location: String) -> Response {
        var headers = commonHeaders
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    static func asset(_ text: String, type: String) -> Response {
        var headers = commonHeaders
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let css = """
        :root { --ink: #1d2430; --muted: #5b6575; --line: #d8dde5; --accent: #b3261e; --ok: #1e6b3a; --bg: #fbfaf7; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 17px/1.55 "Noto Serif", Georgia, serif; color: var(--ink); background: var(--bg); }
        header.top { display: flex; justify-content: space-between; gap: 1em; padding: .6em 1em; background: #7a1712; color: #fff;
          font-family: "Noto Sans", system-ui, sans-serif; }
        header.top a { color: #fff; text-decoration: none; font-weight: bold; }
        main { max-width: 46em; margin: 0 auto; padding: 1em; }
        h1 { font-size: 1.45em; line-height: 1.25; } h2 { font-size: 1.2em; margin-top: 1.6em; } h3, h4, h5, h6 { font-size: 1.05em; }
        button, input, textarea, select { font: inherit; font-family: "Noto Sans", system-ui, sans-serif; }
        button { padding: .55em 1.1em; border: 1px solid #7a1712; background: #7a1712; color: #fff; border-radius: 6px; cursor: pointer; }
        button.secondary { background: #fff; color: #7a1712; }
        button:disabled { opacity: .5; cursor: default; }
        ul.candidates { list-style: none; padding: 0; }
        ul.candidates li { border: 1px solid var(--line); background: #fff; border-radius: 8px; padding: .7em .9em; margin: .6em 0; }
        ul.candidates a { font-weight: bold; color: var(--ink); }
        .meta, .muted { color: var(--muted); font-size: .92em; }
        .badge { display: inline-block; font: .8em "Noto Sans", sans-serif; padding: .1em .6em; border-radius: 1em; border: 1px solid var(--line); }
        .badge.scored { background: #e3f2e8; color: var(--ok); } .badge.conflict { background: #fdecea; color: var(--accent); }
        .badge.draft { background: #fff6db; }
        .message { padding: .6em .9em; border-radius: 6px; margin: .8em 0; }
        .message.error { background: #fdecea; color: var(--accent); } .message.ok { background: #e3f2e8; color: var(--ok); }
        .summary { font-style: italic; }
        figure { margin: 1em 0; } figure img, .attachments img { max-width: 100%; height: auto; }
        figcaption { font-size: .9em; color: var(--muted); }
        .table { overflow-x: auto; } table { border-collapse: collapse; margin: .8em 0; }
        th, td { border: 1px solid var(--line); padding: .3em .5em; text-align: left; vertical-align: top; }
        td.num { text-align: right; }
        blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--line); }
        form.score { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1em; margin-top: 2em; }
        .criterion { margin: .8em 0; } .criterion label { display: block; font-weight: bold; }
        .criterion input { width: 7em; padding: .4em; font-size: 1.1em; }
        .criterion.invalid input { border: 2px solid var(--accent); }
        textarea { width: 100%; min-height: 6em; padding: .5em; }
        .actions { display: flex; flex-wrap: wrap; gap: .6em; align-items: center; margin-top: 1em; }
        ol.notes { font-size: .9em; border-top: 1px solid var(--line); padding-top: .5em; }
        """

    static let js = #"""
        "use strict";
        // The review desk's pages: everything shown is built with text nodes, except the submission's
        // fragments the server has already escaped (fields ending in HTML).
        let me = null;
        const main = () => document.getElementById("main");

        function el(tag, attrs, ...children) {
          const e = document.createElement(tag);
          for (const [k, v] of Object.entries(attrs || {})) {
            if (v === null || v === undefined || v === false) continue;
            if (k === "html") e.innerHTML = v; else if (k === "text") e.textContent = v;
            else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? "" : v);
          }
          for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
          return e;
        }

        async function api(method, path, body) {
          const options = { method, headers: {}, credentials: "same-origin" };
          if (method !== "GET") options.headers["X-CSRF-Token"] = me ? me.csrf : "";
          if (body !== undefined) { options.headers["Content-Type"] = "application/json"; options.body = JSON.stringify(body); }
          const r = await fetch(path, options);
          let data = null;
          try { data = await r.json(); } catch (e) { data = null; }
          if (r.status === 401) { location.href = "/"; }
          return { status: r.status, ok: r.ok, data };
        }

        function message(text, kind) { return el("div", { class: "message " + (kind || "error"), role: "status" }, text); }

        // The words of the page, in the language the server speaks (DeskText's `page.` keys), and how
        // that language writes numbers and times.
        const words = JSON.parse(document.getElementById("desk-words").textContent);
        const numbers = new Intl.NumberFormat(words.locale, { maximumFractionDigits: 2 });
        const fixed = (x) => new Intl.NumberFormat(words.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
        const num = (x) => typeof x === "number" ? numbers.format(x) : x;
        // `{name}` is filled with args.name (numbers the language's way); `{n|one|other}` picks a plural form.
        function t(key, args) {
          return (words["page." + key] || key).replace(/\{([^}|]+)(?:\|([^}|]*)\|([^}]*))?\}/g, (whole, name, one, other) => {
            if (!args || !(name in args)) return whole;
            if (one !== undefined) return args[name] === 1 ? one : other;
            return String(num(args[name]));
          });
        }
        const statusWords = { new: t("status-new"), draft: t("status-draft"), scored: t("status-scored"), conflict: t("status-conflict") };
        const sheetWords = { open: t("sheet-open"), submitted: t("sheet-submitted"), reopened: t("sheet-reopened") };
        const time = (iso) => iso ? new Date(iso).toLocaleString(words.locale,
          { day: "numeric", month: words.locale === "vi-VN" ? "numeric" : "long", year: "numeric", hour: "2-digit", minute: "2-digit" }) : "";

        async function listPage() {
          const r = await api("GET", "/api/assignments");
          const m = main(); m.replaceChildren();
          if (!r.ok) { m.append(message(r.data ? r.data.error : t("list-load-failed"))); return; }
          const locked = me.closed || me.sheet === "submitted";
          m.append(el("h1", {}, t("list-heading", { round: me.round })));
          m.append(el("p", { class: "muted", id: "sheet-state" }, t("sheet-state", { state: sheetWords[me.sheet] }) + (me.closed ? " · " + t("round-ended-note") : "")));
          const list = el("ul", { class: "candidates" });
          for (const c of r.data) {
            list.append(el("li", { "data-id": c.id },
              el("a", { href: "/submission/" + encodeURIComponent(c.id) }, c.title), " ",
              el("span", { class: "badge " + c.status }, statusWords[c.status]),
              el("div", { class: "meta" }, c.id + " · " + c.unit + " · " + c.district)));
          }
          m.append(list);
          const out = el("div", { id: "submit-result" });
          const actions = el("div", { class: "actions" });
          if (!locked) {
            actions.append(el("button", { id: "submit", onclick: async () => {
              const s = await api("POST", "/api/submit");
              out.replaceChildren(s.ok
                ? message(t("submitted-result", { reviews: s.data.reviews, conflicts: s.data.conflicts }), "ok")
                : message(s.data.error + (s.data.submissions ? " " + s.data.submissions.join(", ") : "")));
              if (s.ok) { me.sheet = "submitted"; setTimeout(listPage, 600); }
            } }, t("submit")));
          } else if (!me.closed) {
            actions.append(el("button", { class: "secondary", id: "reopen", onclick: async () => {
              const s = await api("POST", "/api/reopen");
              if (s.ok) { me.sheet = "reopened"; listPage(); } else out.replaceChildren(message(s.data.error));
            } }, t("reopen")));
          }
          m.append(actions, out);
        }

        async function submissionPage() {
          const id = decodeURIComponent(location.pathname.split("/").pop());
          const r = await api("GET", "/api/submissions/" + encodeURIComponent(id));
          const m = main(); m.replaceChildren();
          if (!r.ok) { m.append(message(r.data ? r.data.error : t("submission-load-failed"))); return; }
          const s = r.data.submission, review = r.data.review;
          const locked = me.closed || me.sheet === "submitted";
          m.append(el("p", {}, el("a", { href: "/" }, t("back"))));
          m.append(el("h1", {}, s.title));
          m.append(el("p", { class: "meta" }, s.kind + " · " + s.field + " · " + s.id));
          m.append(el("p", { class: "meta" }, t("unit-line", { unit: s.unit, level: s.unitLevel, district: s.district, period: s.period })));
          if (s.people.length) m.append(el("p", { class: "meta" }, s.people.map(p => p.name + " (" + p.role + ")").join("; ")));
          m.append(el("p", { class: "summary", html: s.summaryHTML }));
          m.append(el("div", { class: "body", html: s.bodyHTML }));
          if (s.results.length) {
            const t1 = el("table", {}, el("tr", {}, el("th", {}, t("results")), el("th", {}, t("result-value")),
              el("th", {}, t("result-baseline")), el("th", {}, t("result-unit"))));
            for (const x of s.results) t1.append(el("tr", {}, el("td", { html: x.labelHTML }), el("td", { class: "num" }, x.value),
              el("td", { class: "num" }, x.baseline || ""), el("td", {}, x.unit || "")));
            m.append(el("h2", {}, t("results")), el("div", { class: "table" }, t1));
          }
          if (s.endorsement) m.append(el("p", { class: "meta" }, t("endorsement", { endorsement: s.endorsement })));
          if (s.attachments.length) {
            m.append(el("h2", {}, t("attachments")));
            const ul = el("ul", { class: "attachments" });
            for (const a of s.attachments) ul.append(el("li", {}, el("a", { href: a.url, target: "_blank" }, el("span", { html: a.captionHTML || a.type }))));
            m.append(ul);
          }

          const form = el("form", { class: "score", id: "score-form", onsubmit: (e) => { e.preventDefault(); save(); } });
          form.append(el("h2", {}, t("score")));
          form.append(el("p", { class: "muted" }, t("scale-note", { min: me.min, max: me.max })));
          const inputs = {};
          for (const c of me.criteria) {
            const input = el("input", { type: "number", inputmode: "decimal", step: "0.01", min: me.min, max: me.max,
              id: "score-" + c.key, name: c.key, disabled: locked || review.conflict, oninput: later });
            if (review.scores[c.key] !== undefined) input.value = review.scores[c.key];
            inputs[c.key] = input;
            form.append(el("div", { class: "criterion", id: "criterion-" + c.key },
              el("label", { for: "score-" + c.key }, t("criterion", { label: c.label, weight: c.weight })), input));
          }
          const comment = el("textarea", { id: "comment", disabled: locked || review.conflict, oninput: later });
          comment.value = review.comment;
          form.append(el("label", { for: "comment" }, t("comment")), comment);
          const state = el("span", { id: "save-status", class: "muted", "data-state": review.updatedAt ? "saved" : "" },
            review.updatedAt ? t("saved-at", { time: time(review.updatedAt) }) : "");
          form.append(el("div", { class: "actions" },
            el("button", { type: "submit", id: "save", disabled: locked || review.conflict }, t("save")), state));
          const problem = el("div", { id: "save-problem" });
          form.append(problem);
          m.append(form);

          let timer = null;
          function later() { state.textContent = t("unsaved-pending"); state.dataset.state = "pending"; clearTimeout(timer); timer = setTimeout(save, 800); }
          async function save() {
            clearTimeout(timer);
            const scores = {};
            for (const [k, input] of Object.entries(inputs)) scores[k] = input.value === "" ? null : Number(input.value);
            for (const c of me.criteria) document.getElementById("criterion-" + c.key).classList.remove("invalid");
            const x = await api("PUT", "/api/reviews/" + encodeURIComponent(id), { scores, comment: comment.value });
            if (x.ok) { problem.replaceChildren(); state.textContent = t("saved-at", { time: time(x.data.updatedAt) }); state.dataset.state = "saved"; }
            else {
              state.textContent = t("unsaved"); state.dataset.state = "error";
              problem.replaceChildren(message(x.data ? x.data.error : t("save-failed")));
              if (x.data && x.data.criterion) { const c = document.getElementById("criterion-" + x.data.criterion); if (c) c.classList.add("invalid"); }
            }
          }

          const conflict = el("form", { class: "score", id: "conflict-form" });
          conflict.append(el("h2", {}, t("conflict")));
          if (review.conflict) {
            conflict.append(el("p", {}, review.conflictReason ? t("conflict-declared-why", { reason: review.conflictReason }) : t("conflict-declared")));
            conflict.append(el("button", { type: "button", class: "secondary", id: "withdraw", disabled: locked, onclick: async () => {
              const x = await api("POST", "/api/conflicts/" + encodeURIComponent(id), { declared: false });
              if (x.ok) submissionPage(); else conflict.append(message(x.data.error));
            } }, t("withdraw")));
          } else {
            const reason = el("textarea", { id: "conflict-reason", placeholder: t("conflict-placeholder"), disabled: locked });
            conflict.append(el("p", { class: "muted" }, t("conflict-hint")), reason);
            conflict.append(el("button", { type: "button", class: "secondary", id: "declare", disabled: locked, onclick: async () => {
              const x = await api("POST", "/api/conflicts/" + encodeURIComponent(id), { declared: true, reason: reason.value });
              if (x.ok) submissionPage(); else conflict.append(message(x.data.error));
            } }, t("declare")));
          }
          m.append(conflict);
          if (locked) m.append(message(me.closed ? t("round-ended") : t("sheet-locked"), "ok"));
        }

        function table(head, rows) {
          const t1 = el("table", {}, el("tr", {}, head.map(h => el("th", {}, h))));
          for (const r of rows) t1.append(el("tr", {}, r.map(c => el("td", {}, num(c)))));
          return el("div", { class: "table" }, t1);
        }

        const criterionLabel = (key) => ((me.criteria || []).find(c => c.key === key) || { label: key }).label;

        async function editorPage() {
          const r = await api("GET", "/api/editor/progress");
          const m = main(); m.replaceChildren();
          if (!r.ok) { m.append(message(r.data ? r.data.error : t("progress-load-failed"))); return; }
          const p = r.data;
          m.append(el("h1", {}, t("progress-heading", { round: p.round })));
          m.append(el("p", { id: "round-state" }, p.closed ? t("round-closed-at", { time: time(p.closedAt) }) : t("round-open")));
          m.append(el("h2", {}, t("by-reviewer")));
          m.append(table([t("column-reviewer"), t("column-assigned"), t("column-hidden"), t("column-scored"), t("column-conflicts"),
                          t("column-sheet"), t("column-last-saved")],
            p.reviewers.map(x => [x.id + " " + x.name, x.assigned, x.hidden, x.scored, x.conflicts, sheetWords[x.sheet], time(x.lastSaved)])));
          m.append(el("h2", {}, t("by-submission")));
          m.append(table([t("column-submission"), t("column-title"), t("column-reviewer"), t("column-reviews"), t("column-missing")],
            p.candidates.map(x => [x.id, x.title, x.reviewers, x.reviews, x.missing.join(", ")])));
          m.append(el("h2", {}, t("missing-heading", { n: p.missing.length })));
          m.append(table([t("column-reviewer"), t("column-submission")], p.missing.map(x => [x.reviewer, x.submission])));
          m.append(el("h2", {}, t("spread-heading", { limit: p.spreadLimit })));
          m.append(el("p", { class: "muted" }, t("spread-explained")));
          if (p.spreadProblem) m.append(message(p.spreadProblem));
          m.append(table([t("column-submission"), t("column-review-count"), t("column-range"), t("column-deviation")],
            p.spreads.map(x => [x.id, x.reviews, fixed(x.range), x.sd === null ? "—" : fixed(x.sd)])));
          const log = await api("GET", "/api/editor/log");
          if (log.ok) {
            m.append(el("h2", {}, t("log-heading", { n: log.data.length })));
            m.append(el("p", { class: "muted" }, t("log-explained")));
            const score = (x) => x === null ? "—" : x;
            m.append(el("div", { id: "score-log" }, table([t("column-time"), t("column-reviewer"), t("column-submission"), t("column-criterion"),
                                 t("column-old"), t("column-new")],
              log.data.map(x => [time(x.at), x.reviewer, x.submission, criterionLabel(x.criterion), score(x.old), score(x.new)]))));
          }
          if (!p.closed) {
            m.append(el("div", { class: "actions" }, el("button", { id: "close-round", onclick: async () => {
              if (!confirm(t("close-confirm", { round: p.round }))) return;
              const x = await api("POST", "/api/editor/close");
              if (x.ok) editorPage(); else m.append(message(x.data.error));
            } }, t("close"))));
          }
        }

        (async function start() {
          const r = await api("GET", "/api/me");
          if (!r.ok) return;
          me = r.data;
          document.getElementById("who").textContent = t("who", { name: me.name, round: me.round });
          const page = document.body.dataset.page;
          if (page === "list") await listPage();
          else if (page === "submission") await submissionPage();
          else if (page === "editor") await editorPage();
        })();
        """#
}
