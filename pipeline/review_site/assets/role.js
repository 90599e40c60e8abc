/* Role page: the source document (rendered from the normalised Document model that spans
   point into) beside the role's values. Clicking a value highlights the text its span covers
   and scrolls to it. Source text is tinted by where it went: a field, another section, or
   nowhere (unmapped). Keys: N / P next / previous role needing review, ] / [ next / previous
   role, J / K next / previous value. */
"use strict";

(function () {
  var D = JDX.data();
  var DOC = window.JDX_DOC || null;
  var el = JDX.el;
  var role = D.role;
  var texts = {};   // key ("block" or "block:row:col") -> text as the Document holds it
  var nodes = {};   // key -> the element holding that text
  var blocks = {};  // block index -> the block's element
  var marks = {};   // key -> static marks [{s, e, cls}]
  var current = null;
  var buttons = [];
  var GROUPS = {
    basic: "基本信息", reporting: "汇报关系", duties: "岗位职责", authorities: "岗位权限与设备",
    qualifications: "任职资格", contacts: "工作关系", kpis: "考核指标", pay: "薪酬福利与工作条件",
    other: "其他内容", unmapped: "未归入字段的原文", evidence: "其他出处"
  };
  var SOURCE_PROBLEMS = {missing: "找不到原文件", changed: "原文件在批量处理后被修改，无法对照", unreadable: "原文件无法读取"};
  var MARK_CLASS = {unmapped: "m-unmapped", other: "m-other"};

  function keyOf(span) {
    return span.row !== null && span.row !== undefined ? span.block + ":" + span.row + ":" + span.col : String(span.block);
  }

  /* Python offsets count code points; JS strings count UTF-16 units. */
  function units(text, cp) {
    if (!/[\uD800-\uDFFF]/.test(text)) return cp;
    return Array.from(text).slice(0, cp).join("").length;
  }

  function paint(key, highlight) {
    var node = nodes[key];
    if (!node) return;
    var text = texts[key];
    var list = (marks[key] || []).slice();
    if (highlight) list.push(highlight);
    var cuts = [0, text.length];
    list.forEach(function (m) { cuts.push(Math.max(0, Math.min(m.s, text.length)), Math.max(0, Math.min(m.e, text.length))); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    JDX.clear(node);
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var cls = list.filter(function (m) { return m.s <= a && m.e >= b; }).map(function (m) { return m.cls; });
      node.appendChild(cls.length ? el("span", {className: cls.join(" ")}, text.slice(a, b)) : document.createTextNode(text.slice(a, b)));
    }
  }

  function textNode(key, text) {
    texts[key] = text || "";
    var node = el("span", {className: "t", dataset: {key: key}}, texts[key]);
    nodes[key] = node;
    return node;
  }

  function renderTable(index, block, nested) {
    var g = block.g;
    var table = el("table", {dataset: {block: index}});
    var rows = [];
    for (var r = 0; r < g.r; r++) rows.push(el("tr"));
    g.x.slice().sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).forEach(function (c) {
      var key = index + ":" + c[0] + ":" + c[1];
      var td = el("td", {rowSpan: c[2], colSpan: c[3], dataset: {row: c[0], col: c[1]}}, textNode(key, c[4]));
      (nested[key] || []).forEach(function (child) { td.appendChild(renderBlock(child, DOC.blocks[child], nested)); });
      if (rows[c[0]]) rows[c[0]].appendChild(td);
    });
    rows.forEach(function (tr) { table.appendChild(tr); });
    return table;
  }

  function renderBlock(index, block, nested) {
    var node;
    if (block.k === "t" && block.g) {
      node = renderTable(index, block, nested);
    } else if (block.k === "h") {
      node = el("h" + Math.min(4, 2 + (block.v || 0)), null, textNode(String(index), block.t));
    } else if (block.k === "l") {
      node = el("div", {className: "li"}, block.l ? el("span", {className: "lbl"}, block.l) : null,
        textNode(String(index), block.t));
      node.style.paddingLeft = (block.v || 0) * 1.5 + "em";
    } else {
      node = el("p", null, block.l ? el("span", {className: "lbl"}, block.l + " ") : null, textNode(String(index), block.t));
    }
    node.dataset.block = index;
    blocks[index] = node;
    return node;
  }

  /* A compilation can hold hundreds of roles: its pages open on the role's own blocks (with
     some context) and render the rest on request. */
  var WINDOW_MIN = 300, CONTEXT = 15;

  function renderDocument(full) {
    var box = JDX.clear(document.getElementById("doc"));
    texts = {};
    nodes = {};
    blocks = {};
    marks = {};
    if (!DOC) {
      var problem = D.source_problem || {code: "missing", message: ""};
      box.appendChild(el("p", {className: "nosrc"}, (SOURCE_PROBLEMS[problem.code] || "无法显示原文") + "。" + (problem.message || "")));
      return;
    }
    var nested = {};
    DOC.blocks.forEach(function (b, i) {
      if (b.c) {
        var key = b.c[0] + ":" + b.c[1] + ":" + b.c[2];
        (nested[key] = nested[key] || []).push(i);
      }
    });
    var range = roleRange();
    var first = 0, last = DOC.blocks.length - 1;
    if (!full && range && DOC.blocks.length > WINDOW_MIN) {
      first = Math.max(0, range[0] - CONTEXT);
      last = Math.min(DOC.blocks.length - 1, range[1] + CONTEXT);
    }
    if (first > 0) box.appendChild(more("显示前文（" + first + " 段）"));
    var page = null;
    DOC.blocks.forEach(function (b, i) {
      if (b.c || i < first || i > last) return;  // nested tables are drawn inside their cell
      if (b.p !== undefined && b.p !== page) {
        page = b.p;
        box.appendChild(el("div", {className: "page", dataset: {page: page}}, "第 " + page + " 页"));
      }
      var node = renderBlock(i, b, nested);
      if (range && (i < range[0] || i > range[1])) node.classList.add("outside");
      box.appendChild(node);
    });
    if (last < DOC.blocks.length - 1) box.appendChild(more("显示后文（" + (DOC.blocks.length - 1 - last) + " 段）"));
    D.values.forEach(function (v) {
      if (!v.span) return;
      var key = keyOf(v.span);
      (marks[key] = marks[key] || []).push({s: units(texts[key] || "", v.span.start), e: units(texts[key] || "", v.span.end),
        cls: MARK_CLASS[v.group] || "m-mapped"});
    });
    Object.keys(marks).forEach(function (key) { paint(key, null); });
    if (range && blocks[range[0]]) {
      var pane = document.getElementById("source-pane");
      pane.scrollTop = Math.max(0, blocks[range[0]].offsetTop - pane.offsetTop - 40);
    }
  }

  function more(label) {
    var button = el("button", {className: "more", type: "button"}, label);
    button.addEventListener("click", function () {
      var selected = current;
      current = null;
      renderDocument(true);
      if (selected !== null) select(selected);
    });
    return button;
  }

  /* The blocks this role was read from: other roles of a compilation are shown dimmed. */
  function roleRange() {
    var lo = null, hi = null;
    D.values.forEach(function (v) {
      if (!v.span) return;
      lo = lo === null ? v.span.block : Math.min(lo, v.span.block);
      hi = hi === null ? v.span.block : Math.max(hi, v.span.block);
    });
    return lo === null ? null : [lo, hi];
  }

  function select(i) {
    var v = D.values[i];
    if (!v || !v.span) return null;
    if (current !== null) {
      buttons[current].classList.remove("active");
      var old = D.values[current];
      paint(keyOf(old.span), null);
      if (blocks[old.span.block]) blocks[old.span.block].classList.remove("hl");
    }
    current = i;
    buttons[i].classList.add("active");
    var key = keyOf(v.span);
    if (nodes[key]) {
      paint(key, {s: units(texts[key], v.span.start), e: units(texts[key], v.span.end), cls: "hl"});
    } else if (blocks[v.span.block]) {
      blocks[v.span.block].classList.add("hl");  // a span with no text of its own: mark its block
    }
    var target = document.querySelector("#doc .hl");
    if (target) target.scrollIntoView({block: "center"});
    return highlighted();
  }

  function highlighted() {
    return Array.prototype.map.call(document.querySelectorAll("#doc span.hl"), function (n) { return n.textContent; }).join("");
  }

  function renderFields() {
    var box = document.getElementById("fields");
    var group = null;
    D.values.forEach(function (v, i) {
      if (v.group !== group) {
        group = v.group;
        box.appendChild(el("h3", null, GROUPS[group] || group));
      }
      var cls = "val " + (v.span ? "has-span" : "no-span") + (v.group === "unmapped" ? " unmapped" : "");
      var button = el("button", {className: cls, type: "button", title: v.span ? "点击查看原文位置" : "没有记录出处",
        dataset: {index: i, path: v.path, status: v.status}}, v.text || "（无取值）");
      if (v.status === "differs") button.appendChild(el("span", {className: "badge", title: "出处文字与取值不一致"}, "≠原文"));
      if (v.status === "invalid") button.appendChild(el("span", {className: "badge", title: "记录的出处超出原文范围"}, "出处无效"));
      var meta = metaOf(v.path);
      if (meta) button.appendChild(el("span", {className: "meta"}, meta));
      if (v.span) button.addEventListener("click", function () { select(i); });
      buttons.push(button);
      box.appendChild(el("div", {className: "field"}, el("span", {className: "name"}, v.label), button));
    });
  }

  function metaOf(path) {
    var m = /^(duties|kpis)\[(\d+)\]$/.exec(path);
    if (!m) return null;
    var item = role[m[1]][Number(m[2])];
    if (m[1] === "duties") {
      return [item.category, item.frequency].concat(item.metrics || []).filter(Boolean).join(" · ") || null;
    }
    var parts = [];
    if (item.weight_pct !== null && item.weight_pct !== undefined) parts.push("权重 " + item.weight_pct + "%");
    var t = item.targets || {};
    [["month", "月"], ["quarter", "季"], ["half_year", "半年"], ["year", "年"], ["text", "目标"]].forEach(function (p) {
      if (t[p[0]]) parts.push(p[1] + "：" + t[p[0]]);
    });
    return parts.join(" · ") || null;
  }

  function renderHeader() {
    document.getElementById("role-title").textContent = role.title || "（无岗位名称）";
    var nav = D.nav;
    document.getElementById("position").textContent = "第 " + nav.pos + " / " + nav.total + " 个岗位" +
      (nav.review_pos ? "（待审核第 " + nav.review_pos + " / " + nav.review_total + " 个）" : "");
    document.getElementById("source-name").textContent = "原文：" + D.file.path + (D.file.status_text ? "（" + D.file.status_text + "）" : "");
    var alerts = document.getElementById("alerts");
    if ((role.review || {}).needed) {
      alerts.appendChild(el("div", {className: "review", id: "review-reasons"}, "需要审核：" + (D.reasons.join("；") || "（未注明原因）")));
    }
    D.warnings.forEach(function (w) {
      alerts.appendChild(el("div", {className: "warning", title: w.message}, "提示：" + w.text + (w.field ? "（" + w.field + "）" : "")));
    });
    if (D.file.warnings.length) alerts.appendChild(el("div", {className: "warning"}, "文件提示：" + D.file.warnings.join("；")));
    if (D.source_problem) {
      alerts.appendChild(el("div", {className: "problem"}, SOURCE_PROBLEMS[D.source_problem.code] || D.source_problem.code));
    }
    if (!alerts.childNodes.length) alerts.style.display = "none";
    wire("prev-review", nav.prev_review);
    wire("next-review", nav.next_review);
  }

  function wire(id, target) {
    var button = document.getElementById(id);
    button.disabled = !target;
    button.addEventListener("click", function () { go(target); });
  }

  function go(id) { if (id) window.location.href = id + ".html"; }

  function step(delta) {
    var withSpan = [];
    D.values.forEach(function (v, i) { if (v.span) withSpan.push(i); });
    if (!withSpan.length) return;
    var at = withSpan.indexOf(current);
    var next = withSpan[(at + delta + withSpan.length) % withSpan.length];
    if (at < 0) next = delta > 0 ? withSpan[0] : withSpan[withSpan.length - 1];
    select(next);
    buttons[next].scrollIntoView({block: "nearest"});
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|SELECT|TEXTAREA/.test(e.target.tagName)) return;
    var nav = D.nav;
    var k = e.key.toLowerCase();
    if (k === "n") go(nav.next_review);
    else if (k === "p") go(nav.prev_review);
    else if (e.key === "]") go(nav.next);
    else if (e.key === "[") go(nav.prev);
    else if (k === "j") step(1);
    else if (k === "k") step(-1);
  });

  renderHeader();
  renderFields();
  renderDocument(false);
  JDX.select = select;
  JDX.highlighted = highlighted;
  JDX.values = D.values;
  document.body.dataset.ready = "1";
})();
