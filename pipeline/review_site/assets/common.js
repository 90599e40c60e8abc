/* jdx review site: helpers shared by every page. Plain ES2017, no modules (pages open from
   file://, where Chrome refuses module scripts), no network. Text always goes in through
   textContent, never innerHTML, so document text cannot inject markup. */
"use strict";

var JDX = window.JDX || {};
window.JDX = JDX;

JDX.data = function () {
  return JSON.parse(document.getElementById("jdx-data").textContent);
};

/* el("td", {className: "num", title: "…"}, child, "text", …) */
JDX.el = function (tag, props) {
  var node = document.createElement(tag);
  if (props) {
    Object.keys(props).forEach(function (key) {
      if (key === "dataset") {
        Object.keys(props.dataset).forEach(function (d) { node.dataset[d] = props.dataset[d]; });
      } else if (props[key] !== undefined && props[key] !== null) {
        node[key] = props[key];
      }
    });
  }
  for (var i = 2; i < arguments.length; i++) {
    var child = arguments[i];
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" || typeof child === "number"
      ? document.createTextNode(String(child)) : child);
  }
  return node;
};

JDX.clear = function (node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
};

/* The contract's comparison (pipeline/review_site/values.py: comparable): NFKC, no whitespace,
   no leading list label, no punctuation or symbols at either end. */
JDX.LEADING_LABEL = /^(?:第[一二三四五六七八九十百\d]+[条章节项]|[一二三四五六七八九十]+[、.．]|\d{1,3}[、.．)）](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[\u2460-\u2473\u2776-\u277f]|[·•\-*])/u;
JDX.EDGE_PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
JDX.comparable = function (text) {
  var t = String(text).normalize("NFKC").replace(/\s+/gu, "");
  t = t.replace(JDX.LEADING_LABEL, "");
  return t.replace(JDX.EDGE_PUNCT, "");
};
JDX.spanStatus = function (value, source) {
  var want = JDX.comparable(value), got = JDX.comparable(source);
  if (!want) return "none";
  if (want === got) return "exact";
  return got.indexOf(want) >= 0 ? "inside" : "differs";
};

JDX.pct = function (x) { return Math.round((x || 0) * 100) + "%"; };
