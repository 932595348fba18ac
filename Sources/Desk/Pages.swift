import Foundation
import HTTPTypes
import Hummingbird

/// The pages the desk serves: plain HTML shells in Vietnamese, one stylesheet and one script, all from
/// the binary itself (no CDN, nothing from the network). The script fills the shells from the JSON API.
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

    static func html(_ status: Int, title: String, body: String, page: String = "") -> Response {
        let text = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) — Bàn chấm điểm</title>
            <link rel="stylesheet" href="/assets/desk.css">
            </head>
            <body data-page="\(page)">
            <header class="top"><a href="/">Bàn chấm điểm</a><span id="who"></span></header>
            <main id="main">
            \(body)
            </main>
            \(page.isEmpty ? "" : "<script src=\"/assets/desk.js\"></script>")
            </body>
            </html>

            """
        var headers = commonHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func page(_ kind: Kind) -> Response {
        html(200, title: kind == .editor ? "Ban Biên tập" : "Hồ sơ được phân công",
             body: "<p class=\"loading\">Đang tải…</p>", page: kind.rawValue)
    }

    static func signIn() -> Response {
        html(200, title: "Đăng nhập", body: """
            <h1>Đăng nhập bàn chấm điểm</h1>
            <p>Liên kết này chỉ dùng được <strong>một lần</strong>, trên thiết bị bạn sẽ dùng để chấm.</p>
            <form method="post"><button type="submit" id="signin">Đăng nhập</button></form>
            """)
    }

    static func signInFailed(_ problem: DeskStore.InvitationProblem) -> Response {
        let why = switch problem {
        case .used: "Liên kết này đã được dùng để đăng nhập. Mỗi liên kết chỉ dùng một lần."
        case .revoked: "Liên kết này đã bị Ban Biên tập thu hồi."
        case .expired: "Liên kết này đã hết hạn."
        case .unknown: "Liên kết không đúng."
        }
        return html(403, title: "Không đăng nhập được", body: """
            <h1>Không đăng nhập được</h1>
            <p>\(why)</p>
            <p>Hãy đề nghị Ban Biên tập gửi liên kết đăng nhập mới.</p>
            """)
    }

    static func signedOut() -> Response {
        html(401, title: "Chưa đăng nhập", body: """
            <h1>Chưa đăng nhập</h1>
            <p>Hãy mở liên kết đăng nhập mà Ban Biên tập đã gửi cho bạn.</p>
            """)
    }

    static func notFound() -> Response {
        html(404, title: "Không tìm thấy", body: """
            <h1>Không tìm thấy</h1>
            <p>Trang này không có, hoặc hồ sơ không thuộc danh sách được phân công cho bạn.</p>
            <p><a href="/">Về danh sách hồ sơ</a></p>
            """)
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
        const statusWords = { new: "chưa chấm", draft: "đang chấm", scored: "đã chấm đủ", conflict: "xung đột lợi ích" };
        const sheetWords = { open: "chưa nộp", submitted: "đã nộp", reopened: "đã mở lại để sửa" };
        const time = (iso) => iso ? new Date(iso).toLocaleString("vi-VN") : "";

        async function listPage() {
          const r = await api("GET", "/api/assignments");
          const m = main(); m.replaceChildren();
          if (!r.ok) { m.append(message(r.data ? r.data.error : "Không tải được danh sách.")); return; }
          const locked = me.closed || me.sheet === "submitted";
          m.append(el("h1", {}, "Hồ sơ được phân công — vòng " + me.round));
          m.append(el("p", { class: "muted", id: "sheet-state" }, "Phiếu chấm: " + sheetWords[me.sheet] + (me.closed ? " · vòng chấm đã kết thúc" : "")));
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
                ? message("Đã nộp phiếu chấm (" + s.data.reviews + " hồ sơ đã chấm, " + s.data.conflicts + " xung đột lợi ích).", "ok")
                : message(s.data.error + (s.data.submissions ? " " + s.data.submissions.join(", ") : "")));
              if (s.ok) { me.sheet = "submitted"; setTimeout(listPage, 600); }
            } }, "Nộp phiếu chấm"));
          } else if (!me.closed) {
            actions.append(el("button", { class: "secondary", id: "reopen", onclick: async () => {
              const s = await api("POST", "/api/reopen");
              if (s.ok) { me.sheet = "reopened"; listPage(); } else out.replaceChildren(message(s.data.error));
            } }, "Mở lại phiếu để sửa"));
          }
          m.append(actions, out);
        }

        async function submissionPage() {
          const id = decodeURIComponent(location.pathname.split("/").pop());
          const r = await api("GET", "/api/submissions/" + encodeURIComponent(id));
          const m = main(); m.replaceChildren();
          if (!r.ok) { m.append(message(r.data ? r.data.error : "Không tải được hồ sơ.")); return; }
          const s = r.data.submission, review = r.data.review;
          const locked = me.closed || me.sheet === "submitted";
          m.append(el("p", {}, el("a", { href: "/" }, "← Danh sách hồ sơ")));
          m.append(el("h1", {}, s.title));
          m.append(el("p", { class: "meta" }, s.kind + " · " + s.field + " · " + s.id));
          m.append(el("p", { class: "meta" }, s.unit + " (" + s.unitLevel + "), " + s.district + " · thời gian thực hiện " + s.period));
          if (s.people.length) m.append(el("p", { class: "meta" }, s.people.map(p => p.name + " (" + p.role + ")").join("; ")));
          m.append(el("p", { class: "summary", html: s.summaryHTML }));
          m.append(el("div", { class: "body", html: s.bodyHTML }));
          if (s.results.length) {
            const t = el("table", {}, el("tr", {}, el("th", {}, "Kết quả"), el("th", {}, "Giá trị"), el("th", {}, "Ban đầu"), el("th", {}, "Đơn vị")));
            for (const x of s.results) t.append(el("tr", {}, el("td", { html: x.labelHTML }), el("td", { class: "num" }, x.value),
              el("td", { class: "num" }, x.baseline || ""), el("td", {}, x.unit || "")));
            m.append(el("h2", {}, "Kết quả"), el("div", { class: "table" }, t));
          }
          if (s.endorsement) m.append(el("p", { class: "meta" }, "Xác nhận: " + s.endorsement));
          if (s.attachments.length) {
            m.append(el("h2", {}, "Tài liệu kèm theo"));
            const ul = el("ul", { class: "attachments" });
            for (const a of s.attachments) ul.append(el("li", {}, el("a", { href: a.url, target: "_blank" }, el("span", { html: a.captionHTML || a.type }))));
            m.append(ul);
          }

          const form = el("form", { class: "score", id: "score-form", onsubmit: (e) => { e.preventDefault(); save(); } });
          form.append(el("h2", {}, "Chấm điểm"));
          form.append(el("p", { class: "muted" }, "Thang điểm từ " + me.min + " đến " + me.max + " cho mỗi tiêu chí. Bản nháp được lưu tự động."));
          const inputs = {};
          for (const c of me.criteria) {
            const input = el("input", { type: "number", inputmode: "decimal", step: "0.01", min: me.min, max: me.max,
              id: "score-" + c.key, name: c.key, disabled: locked || review.conflict, oninput: later });
            if (review.scores[c.key] !== undefined) input.value = review.scores[c.key];
            inputs[c.key] = input;
            form.append(el("div", { class: "criterion", id: "criterion-" + c.key },
              el("label", { for: "score-" + c.key }, c.label + " (trọng số " + c.weight + ")"), input));
          }
          const comment = el("textarea", { id: "comment", disabled: locked || review.conflict, oninput: later });
          comment.value = review.comment;
          form.append(el("label", { for: "comment" }, "Nhận xét"), comment);
          const state = el("span", { id: "save-status", class: "muted", "data-state": review.updatedAt ? "saved" : "" },
            review.updatedAt ? "Đã lưu lúc " + time(review.updatedAt) : "");
          form.append(el("div", { class: "actions" },
            el("button", { type: "submit", id: "save", disabled: locked || review.conflict }, "Lưu nháp"), state));
          const problem = el("div", { id: "save-problem" });
          form.append(problem);
          m.append(form);

          let timer = null;
          function later() { state.textContent = "Chưa lưu…"; state.dataset.state = "pending"; clearTimeout(timer); timer = setTimeout(save, 800); }
          async function save() {
            clearTimeout(timer);
            const scores = {};
            for (const [k, input] of Object.entries(inputs)) scores[k] = input.value === "" ? null : Number(input.value);
            for (const c of me.criteria) document.getElementById("criterion-" + c.key).classList.remove("invalid");
            const x = await api("PUT", "/api/reviews/" + encodeURIComponent(id), { scores, comment: comment.value });
            if (x.ok) { problem.replaceChildren(); state.textContent = "Đã lưu lúc " + time(x.data.updatedAt); state.dataset.state = "saved"; }
            else {
              state.textContent = "Chưa lưu"; state.dataset.state = "error";
              problem.replaceChildren(message(x.data ? x.data.error : "Không lưu được."));
              if (x.data && x.data.criterion) { const c = document.getElementById("criterion-" + x.data.criterion); if (c) c.classList.add("invalid"); }
            }
          }

          const conflict = el("form", { class: "score", id: "conflict-form" });
          conflict.append(el("h2", {}, "Xung đột lợi ích"));
          if (review.conflict) {
            conflict.append(el("p", {}, "Bạn đã khai báo xung đột lợi ích với hồ sơ này" + (review.conflictReason ? ": " + review.conflictReason : "") + "."));
            conflict.append(el("button", { type: "button", class: "secondary", id: "withdraw", disabled: locked, onclick: async () => {
              const x = await api("POST", "/api/conflicts/" + encodeURIComponent(id), { declared: false });
              if (x.ok) submissionPage(); else conflict.append(message(x.data.error));
            } }, "Rút lại khai báo"));
          } else {
            const reason = el("textarea", { id: "conflict-reason", placeholder: "Lý do (ví dụ: người thân công tác tại đơn vị)", disabled: locked });
            conflict.append(el("p", { class: "muted" }, "Nếu bạn có quan hệ với đơn vị hoặc người trong hồ sơ, hãy khai báo thay vì chấm điểm."), reason);
            conflict.append(el("button", { type: "button", class: "secondary", id: "declare", disabled: locked, onclick: async () => {
              const x = await api("POST", "/api/conflicts/" + encodeURIComponent(id), { declared: true, reason: reason.value });
              if (x.ok) submissionPage(); else conflict.append(message(x.data.error));
            } }, "Khai báo xung đột lợi ích"));
          }
          m.append(conflict);
          if (locked) m.append(message(me.closed ? "Vòng chấm đã kết thúc." : "Phiếu chấm đã nộp; mở lại phiếu ở trang danh sách nếu cần sửa.", "ok"));
        }

        function table(head, rows) {
          const t = el("table", {}, el("tr", {}, head.map(h => el("th", {}, h))));
          for (const r of rows) t.append(el("tr", {}, r.map(c => el("td", {}, c))));
          return el("div", { class: "table" }, t);
        }

        async function editorPage() {
          const r = await api("GET", "/api/editor/progress");
          const m = main(); m.replaceChildren();
          if (!r.ok) { m.append(message(r.data ? r.data.error : "Không tải được tiến độ.")); return; }
          const p = r.data;
          m.append(el("h1", {}, "Tiến độ chấm — vòng " + p.round));
          m.append(el("p", { id: "round-state" }, p.closed ? "Vòng chấm đã kết thúc lúc " + time(p.closedAt) + "." : "Vòng chấm đang mở."));
          m.append(el("h2", {}, "Theo người chấm"));
          m.append(table(["Người chấm", "Được giao", "Ẩn do xung đột", "Đã chấm", "Xung đột", "Phiếu", "Lưu gần nhất"],
            p.reviewers.map(x => [x.id + " " + x.name, x.assigned, x.hidden, x.scored, x.conflicts, sheetWords[x.sheet], time(x.lastSaved)])));
          m.append(el("h2", {}, "Theo hồ sơ"));
          m.append(table(["Hồ sơ", "Tên", "Người chấm", "Phiếu đã có", "Còn thiếu"],
            p.candidates.map(x => [x.id, x.title, x.reviewers, x.reviews, x.missing.join(", ")])));
          m.append(el("h2", {}, "Phiếu còn thiếu (" + p.missing.length + ")"));
          m.append(table(["Người chấm", "Hồ sơ"], p.missing.map(x => [x.reviewer, x.submission])));
          m.append(el("h2", {}, "Chênh lệch điểm lớn hơn " + p.spreadLimit));
          if (p.spreadProblem) m.append(message(p.spreadProblem));
          m.append(table(["Hồ sơ", "Số phiếu", "Khoảng chênh", "Độ lệch chuẩn"],
            p.spreads.map(x => [x.id, x.reviews, x.range.toFixed(2), x.sd === null ? "—" : x.sd.toFixed(2)])));
          if (!p.closed) {
            m.append(el("div", { class: "actions" }, el("button", { id: "close-round", onclick: async () => {
              if (!confirm("Kết thúc vòng chấm " + p.round + "? Người chấm sẽ không sửa hay nộp phiếu được nữa.")) return;
              const x = await api("POST", "/api/editor/close");
              if (x.ok) editorPage(); else m.append(message(x.data.error));
            } }, "Kết thúc vòng chấm")));
          }
        }

        (async function start() {
          const r = await api("GET", "/api/me");
          if (!r.ok) return;
          me = r.data;
          document.getElementById("who").textContent = me.name + " · vòng " + me.round;
          const page = document.body.dataset.page;
          if (page === "list") await listPage();
          else if (page === "submission") await submissionPage();
          else if (page === "editor") await editorPage();
        })();
        """#
}
