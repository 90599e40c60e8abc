/* Batch page: counts (checked against summary.json), files by status and format, and every
   role with filters and title search. The role table renders one page of rows at a time, so a
   batch of many thousand roles opens at once. */
"use strict";

(function () {
  var D = JDX.data();
  var el = JDX.el;
  var PAGE = 100;
  var STATUSES = ["ok", "partial", "failed", "skipped"];
  var R = {id: 0, title: 1, org: 2, dept: 3, file: 4, format: 5, review: 6, reasons: 7, warnings: 8, duties: 9, coverage: 10};
  var page = 0;
  var matches = D.roles;

  function codeText(code) { return D.codes[code] || code; }

  function renderCounts() {
    var s = D.summary, c = D.counted;
    var box = JDX.clear(document.getElementById("counts"));
    var review = D.roles.filter(function (r) { return r[R.review]; }).length;
    function count(cls, id, n, label) {
      box.appendChild(el("div", {className: "count " + cls, id: id}, el("b", null, n), el("span", null, label)));
    }
    var files = s.files !== null && s.files !== undefined ? s.files : c.files;
    var roles = s.roles !== null && s.roles !== undefined ? s.roles : c.roles;
    var byStatus = s.by_status || c.by_status;
    count("", "count-files", files, "文件");
    STATUSES.forEach(function (st) { count(st, "count-" + st, byStatus[st] || 0, D.statuses[st]); });
    count("", "count-roles", roles, "岗位");
    count("review", "count-review", review, "需要审核");
    var problems = [];
    if (s.files !== null && s.files !== undefined && s.files !== c.files) problems.push("文件数");
    if (s.roles !== null && s.roles !== undefined && (s.roles !== c.roles || s.roles !== D.roles.length)) problems.push("岗位数");
    STATUSES.forEach(function (st) {
      if (s.by_status && (s.by_status[st] || 0) !== (c.by_status[st] || 0)) problems.push(D.statuses[st]);
    });
    var check = document.getElementById("count-check");
    if (!s.files && s.files !== 0) {
      check.textContent = "未找到 summary.json，以上数字按 manifest.jsonl 统计。";
    } else if (problems.length) {
      check.className = "mismatch";
      check.textContent = "与 summary.json 不一致：" + problems.join("、") + "（批次可能尚未完成）";
    } else {
      check.textContent = "与 summary.json 一致。";
    }
    if (s.in_dir) document.getElementById("in-dir").textContent = "来源：" + s.in_dir;
  }

  function renderFiles() {
    var formats = [];
    var cells = {};
    D.files.forEach(function (f) {
      if (formats.indexOf(f[2]) < 0) formats.push(f[2]);
      var key = f[1] + "|" + f[2];
      cells[key] = (cells[key] || 0) + 1;
    });
    formats.sort();
    var table = JDX.clear(document.getElementById("file-matrix"));
    var head = el("tr", null, el("th", null, "状态 \\ 格式"));
    formats.forEach(function (fmt) { head.appendChild(el("th", {className: "num"}, fmt)); });
    head.appendChild(el("th", {className: "num"}, "合计"));
    table.appendChild(el("thead", null, head));
    var body = el("tbody");
    STATUSES.forEach(function (st) {
      var row = el("tr", {dataset: {status: st}}, el("td", null, D.statuses[st]));
      var total = 0;
      formats.forEach(function (fmt) {
        var n = cells[st + "|" + fmt] || 0;
        total += n;
        row.appendChild(el("td", {className: "num"}, n || ""));
      });
      row.appendChild(el("td", {className: "num"}, total));
      body.appendChild(row);
    });
    table.appendChild(body);

    var problems = JDX.clear(document.getElementById("problem-table"));
    problems.appendChild(el("thead", null, el("tr", null, el("th", null, "文件"), el("th", null, "状态"),
      el("th", null, "格式"), el("th", null, "原因"), el("th", null, "提示"))));
    var pbody = el("tbody");
    D.files.forEach(function (f) {
      if (f[1] === "ok" && !f[5].length) return;
      pbody.appendChild(el("tr", null, el("td", null, f[0]), el("td", null, D.statuses[f[1]] || f[1]),
        el("td", null, f[2]), el("td", {title: f[4] || ""}, f[4] ? codeText(f[4]) : ""),
        el("td", {className: "warn"}, f[5].map(codeText).join("；"))));
    });
    problems.appendChild(pbody);
  }

  function fillSelect(id, label, values, textOf) {
    var select = document.getElementById(id);
    JDX.clear(select).appendChild(el("option", {value: ""}, label));
    values.forEach(function (v) { select.appendChild(el("option", {value: v}, textOf ? textOf(v) : v)); });
    select.addEventListener("change", function () { page = 0; apply(); });
  }

  function distinct(pick) {
    var seen = {};
    D.roles.forEach(function (r) { [].concat(pick(r)).forEach(function (v) { if (v) seen[v] = (seen[v] || 0) + 1; }); });
    return Object.keys(seen).sort(function (a, b) { return seen[b] - seen[a] || (a < b ? -1 : 1); });
  }

  function renderFilters() {
    fillSelect("f-org", "全部单位", distinct(function (r) { return r[R.org]; }));
    fillSelect("f-dept", "全部部门", distinct(function (r) { return r[R.dept]; }));
    fillSelect("f-warning", "全部提示", distinct(function (r) { return r[R.warnings].concat(r[R.reasons]); }), codeText);
    fillSelect("f-format", "全部格式", distinct(function (r) { return r[R.format]; }));
    document.getElementById("q").addEventListener("input", function () { page = 0; apply(); });
    document.getElementById("f-review").addEventListener("change", function () { page = 0; apply(); });
  }

  function apply() {
    var q = document.getElementById("q").value.trim().toLowerCase();
    var org = document.getElementById("f-org").value;
    var dept = document.getElementById("f-dept").value;
    var warning = document.getElementById("f-warning").value;
    var format = document.getElementById("f-format").value;
    var review = document.getElementById("f-review").checked;
    matches = D.roles.filter(function (r) {
      return (!q || String(r[R.title]).toLowerCase().indexOf(q) >= 0)
        && (!org || r[R.org] === org) && (!dept || r[R.dept] === dept) && (!format || r[R.format] === format)
        && (!warning || r[R.warnings].indexOf(warning) >= 0 || r[R.reasons].indexOf(warning) >= 0)
        && (!review || r[R.review]);
    });
    renderRoles();
  }

  function renderRoles() {
    var pages = Math.max(1, Math.ceil(matches.length / PAGE));
    page = Math.min(page, pages - 1);
    var table = JDX.clear(document.getElementById("roles"));
    table.appendChild(el("thead", null, el("tr", null, el("th", {className: "num"}, "#"), el("th", null, "岗位名称"),
      el("th", null, "单位"), el("th", null, "部门"), el("th", null, "审核原因"), el("th", null, "提示"),
      el("th", null, "格式"), el("th", null, "文件"), el("th", {className: "num"}, "职责"),
      el("th", {className: "num"}, "覆盖率"))));
    var body = el("tbody");
    matches.slice(page * PAGE, (page + 1) * PAGE).forEach(function (r, i) {
      var file = D.files[r[R.file]] || [""];
      body.appendChild(el("tr", {className: r[R.review] ? "needs-review role-row" : "role-row", dataset: {id: r[R.id]}},
        el("td", {className: "num"}, page * PAGE + i + 1),
        el("td", null, el("a", {href: "roles/" + r[R.id] + ".html"}, r[R.title] || "（无岗位名称）")),
        el("td", null, r[R.org] || ""), el("td", null, r[R.dept] || ""),
        el("td", {className: "reason"}, r[R.reasons].map(codeText).join("；")),
        el("td", {className: "warn"}, r[R.warnings].map(codeText).join("；")),
        el("td", null, r[R.format]), el("td", {className: "warn"}, file[0]),
        el("td", {className: "num"}, r[R.duties]), el("td", {className: "num"}, JDX.pct(r[R.coverage]))));
    });
    table.appendChild(body);
    document.getElementById("match-count").textContent = "共 " + matches.length + " 个岗位";
    document.getElementById("page-info").textContent = "第 " + (page + 1) + " / " + pages + " 页";
    document.getElementById("prev-page").disabled = page === 0;
    document.getElementById("next-page").disabled = page >= pages - 1;
  }

  document.getElementById("prev-page").addEventListener("click", function () { page -= 1; renderRoles(); });
  document.getElementById("next-page").addEventListener("click", function () { page += 1; renderRoles(); });
  renderCounts();
  renderFiles();
  renderFilters();
  apply();
  document.body.dataset.ready = "1";
})();
