/* Organisation chart: one tree per organisation (roles by their tree parent from org.json),
   drawn left to right as SVG. Click ± to collapse or expand a branch, a box to open the role's
   review page; wheel zooms, dragging pans. The side panel lists the consistency report. */
"use strict";

(function () {
  var D = JDX.data();
  var el = JDX.el;
  var NS = "http://www.w3.org/2000/svg";
  var W = 168, H = 36, GAP_X = 56, GAP_Y = 10, BIG = 300;
  var svg = document.getElementById("tree");
  var viewport = document.getElementById("viewport");
  var view = {x: 20, y: 20, k: 1};
  var org = null, nodes = {}, collapsed = {}, cycleIds = {};

  function s(tag, attrs) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }

  function short(text, max) { return text.length > max ? text.slice(0, max - 1) + "…" : text; }

  function choose(index) {
    org = D.organisations[index];
    nodes = {};
    collapsed = {};
    cycleIds = {};
    org.roles.forEach(function (r) { nodes[r.id] = {role: r}; });
    org.placeholders.forEach(function (p) { nodes[p.id] = {placeholder: p}; });
    org.problems.forEach(function (p) { if (p.kind === "cycle") p.role_ids.forEach(function (id) { cycleIds[id] = true; }); });
    if (org.roles.length > BIG) {  // a large organisation opens at its top two levels
      walk(function (id, depth) { if (depth >= 1 && (org.children[id] || []).length) collapsed[id] = true; });
    }
    document.getElementById("org-info").textContent = org.roles.length + " 个岗位";
    draw();
    fit(true);
    report();
  }

  function walk(visit) {
    function go(id, depth) {
      visit(id, depth);
      (org.children[id] || []).forEach(function (c) { go(c, depth + 1); });
    }
    org.roots.forEach(function (r) { go(r, 0); });
  }

  /* Leaves take consecutive rows; a parent sits in the middle of its children. */
  function layout() {
    var row = 0, placed = [];
    function place(id, depth) {
      var kids = collapsed[id] ? [] : (org.children[id] || []);
      var ys = kids.map(function (c) { return place(c, depth + 1); });
      var y = ys.length ? (ys[0] + ys[ys.length - 1]) / 2 : (row++) * (H + GAP_Y);
      placed.push({id: id, x: depth * (W + GAP_X), y: y, kids: kids});
      return y;
    }
    org.roots.forEach(function (r) { place(r, 0); row += 0.5; });
    return placed;
  }

  function draw() {
    JDX.clear(viewport);
    var placed = layout();
    var at = {};
    placed.forEach(function (p) { at[p.id] = p; });
    var links = s("g", {"class": "links"});
    placed.forEach(function (p) {
      p.kids.forEach(function (c) {
        var child = at[c], x1 = p.x + W, y1 = p.y + H / 2, x2 = child.x, y2 = child.y + H / 2, mx = (x1 + x2) / 2;
        var via = nodes[c].role ? nodes[c].role.via : "";
        links.appendChild(s("path", {"class": "link " + via, d: "M" + x1 + "," + y1 + " C" + mx + "," + y1 + " " + mx + "," + y2 + " " + x2 + "," + y2}));
      });
    });
    viewport.appendChild(links);
    placed.forEach(function (p) { viewport.appendChild(box(p)); });
    apply();
  }

  function box(p) {
    var n = nodes[p.id];
    var children = org.children[p.id] || [];
    var g = s("g", {transform: "translate(" + p.x + "," + p.y + ")", "data-id": p.id});
    var label, sub, cls = "node";
    if (n.role) {
      label = n.role.title || "（无岗位名称）";
      sub = n.role.department || "";
      if (n.role.needs_review) cls += " review";
      if (cycleIds[p.id]) cls += " cycle";
    } else {
      label = n.placeholder.name;
      sub = n.placeholder.reason === "ambiguous" ? "多个同名岗位" : "本批次无此岗位";
      cls += " placeholder";
    }
    g.setAttribute("class", cls);
    var body = s("g", {}, s("title", {}, label + (sub ? "（" + sub + "）" : "")), s("rect", {width: W, height: H}),
      s("text", {x: 8, y: 15}, short(label, 12)), s("text", {"class": "dept", x: 8, y: 29}, short(sub, 16)));
    if (n.role) {
      var a = s("a", {href: "roles/" + p.id + ".html"}, body);
      a.setAttribute("class", "role-link");
      g.appendChild(a);
    } else {
      g.appendChild(body);
    }
    if (children.length) {
      var open = !collapsed[p.id];
      var toggle = s("g", {"class": "toggle", transform: "translate(" + (W + 9) + "," + H / 2 + ")", role: "button",
        "aria-label": open ? "收起" : "展开", "data-toggle": p.id},
      s("circle", {r: 8}), s("text", {y: 4}, open ? "−" : "+"));
      toggle.addEventListener("click", function (e) {
        e.stopPropagation();
        collapsed[p.id] = open;
        draw();
      });
      g.appendChild(toggle);
      if (!open) g.appendChild(s("text", {"class": "dept", x: W + 20, y: H / 2 + 4}, children.length + " 个下级"));
    }
    return g;
  }

  function apply() { viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")"); }

  /* The whole tree in the window; with ``readable``, never smaller than names can be read,
     starting at the top (a tall organisation is then panned). */
  function fit(readable) {
    var bb = viewport.getBBox();
    var w = svg.clientWidth || 900, h = svg.clientHeight || 700;
    if (!bb.width || !bb.height) return;
    view.k = Math.max(0.05, Math.min(1.5, Math.min((w - 40) / bb.width, (h - 40) / bb.height)));
    if (readable === true) view.k = Math.max(view.k, Math.min(0.7, (w - 40) / bb.width));
    view.x = 20 - bb.x * view.k;
    view.y = Math.max(50, (h - bb.height * view.k) / 2) - bb.y * view.k;
    apply();
  }

  function zoom(factor, cx, cy) {
    var k = Math.max(0.05, Math.min(4, view.k * factor));
    cx = cx === undefined ? svg.clientWidth / 2 : cx;
    cy = cy === undefined ? svg.clientHeight / 2 : cy;
    view.x = cx - (cx - view.x) * (k / view.k);
    view.y = cy - (cy - view.y) * (k / view.k);
    view.k = k;
    apply();
  }

  /* The wheel pans a tall tree; with Ctrl (or a pinch, which browsers send as Ctrl+wheel) it zooms. */
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    if (e.ctrlKey || e.metaKey) {
      var r = svg.getBoundingClientRect();
      zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
    } else {
      view.x -= e.shiftKey ? e.deltaY : e.deltaX;
      view.y -= e.shiftKey ? 0 : e.deltaY;
      apply();
    }
  }, {passive: false});
  var drag = null;
  svg.addEventListener("mousedown", function (e) { drag = {x: e.clientX - view.x, y: e.clientY - view.y}; });
  window.addEventListener("mousemove", function (e) {
    if (!drag) return;
    view.x = e.clientX - drag.x;
    view.y = e.clientY - drag.y;
    apply();
  });
  window.addEventListener("mouseup", function () { drag = null; });

  function title(id) {
    var n = nodes[id];
    if (!n) return id;
    return n.role ? (n.role.department ? n.role.department + " / " : "") + (n.role.title || "（无岗位名称）") : n.placeholder.name;
  }

  function roleLink(id) { return nodes[id] && nodes[id].role ? el("a", {href: "roles/" + id + ".html"}, title(id)) : el("span", null, title(id)); }

  function report() {
    var side = JDX.clear(document.getElementById("report"));
    side.appendChild(el("h3", null, org.name + (org.file ? "（" + org.file + "）" : "")));
    side.appendChild(el("p", null, org.roles.length + " 个岗位，" + org.roots.length + " 个顶层节点"));
    var kinds = ["dangling", "ambiguous", "cycle", "conflict", "supervision", "no_superior"];
    kinds.forEach(function (kind) {
      var items = org.problems.filter(function (p) { return p.kind === kind; });
      if (!items.length) return;
      var list = el("ul", {dataset: {kind: kind}});
      items.forEach(function (p) { list.appendChild(problemItem(p)); });
      var count = kind === "no_superior" ? items[0].role_ids.length : items.length;
      var section = el("details", {open: kind !== "no_superior", dataset: {kind: kind}},
        el("summary", null, (D.kinds[kind] || kind) + "（" + count + "）"), list);
      side.appendChild(section);
    });
    if (!org.problems.length) side.appendChild(el("p", null, "未发现问题。"));
  }

  function problemItem(p) {
    if (p.kind === "dangling") return el("li", null, roleLink(p.role_ids[0]), " → “" + p.name + "”");
    if (p.kind === "ambiguous") {
      var li = el("li", null, roleLink(p.role_ids[0]), " → “" + p.name + "”：");
      p.candidates.forEach(function (c, i) { if (i) li.appendChild(document.createTextNode("、")); li.appendChild(roleLink(c)); });
      return li;
    }
    if (p.kind === "cycle") {
      var c = el("li", null);
      p.role_ids.forEach(function (id, i) { if (i) c.appendChild(document.createTextNode(" → ")); c.appendChild(roleLink(id)); });
      c.appendChild(document.createTextNode(" → " + (p.role_ids.length === 1 ? "（自身）" : title(p.role_ids[0]))));
      return c;
    }
    if (p.kind === "conflict") {
      return el("li", null, roleLink(p.role_ids[0]), " 把 ", roleLink(p.role_ids[1]), " 列为直接下级，但后者的直接上级是 ", roleLink(p.other));
    }
    if (p.kind === "supervision") return el("li", null, roleLink(p.role_ids[0]), "：所述 / 实际 " + p.detail);
    var all = el("li", null);
    p.role_ids.forEach(function (id, i) { if (i) all.appendChild(document.createTextNode("、")); all.appendChild(roleLink(id)); });
    return all;
  }

  var select = document.getElementById("org-select");
  var order = D.organisations.map(function (o, i) { return i; })
    .sort(function (a, b) { return D.organisations[b].roles.length - D.organisations[a].roles.length; });
  order.forEach(function (i) {
    var o = D.organisations[i];
    select.appendChild(el("option", {value: i}, o.name + (o.file ? "（" + o.file + "）" : "") + " · " + o.roles.length));
  });
  select.addEventListener("change", function () { choose(Number(select.value)); });
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(0.8); });
  document.getElementById("zoom-fit").addEventListener("click", function () { fit(false); });
  document.getElementById("expand-all").addEventListener("click", function () { collapsed = {}; draw(); fit(true); });
  document.getElementById("collapse-all").addEventListener("click", function () {
    walk(function (id, depth) { if ((org.children[id] || []).length) collapsed[id] = true; });
    draw();
    fit(true);
  });
  var hash = /^#org=(\d+)$/.exec(window.location.hash);
  if (order.length) {
    var first = hash ? Number(hash[1]) : order[0];
    select.value = String(first);
    choose(first);
  } else {
    document.getElementById("report").textContent = "本批次没有岗位。";
  }
  JDX.view = view;
  document.body.dataset.ready = "1";
})();
