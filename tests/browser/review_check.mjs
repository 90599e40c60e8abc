// Drives the review site in headless Chromium and reports what the DOM shows, as JSON on stdout.
// Called by tests/test_review_browser.py (which asserts) and benchmarks/review_bench.py (which
// measures). The browser binary ships inside @sparticuz/chromium: nothing is downloaded.
//
//   node review_check.mjs JOB.json
//
// JOB: {site, artefacts, batch: bool, roles: [id…] | "all", org: {select: index} | null,
//       screenshots: bool, runs: n}
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {createRequire} from "node:module";
import {pathToFileURL} from "node:url";
import chromium from "@sparticuz/chromium";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const site = path.resolve(job.site);
const url = (rel) => {
  const [file, hash] = rel.split("#");
  return pathToFileURL(path.join(site, file)).href + (hash ? `#${hash}` : "");
};
const VIEWPORT = {width: 1280, height: 800};
const NAVIGATION = {waitUntil: "load", timeout: 120000};

// A CJK font for screenshots, from an npm package, in a private fontconfig (nothing global).
function fontConfig() {
  const fontDir = path.dirname(require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"));
  const boldDir = path.dirname(require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jdx-fonts-"));
  fs.writeFileSync(path.join(dir, "fonts.conf"), `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>${fontDir}</dir><dir>${boldDir}</dir><dir>${path.join(os.tmpdir(), "fonts")}</dir>
<cachedir>${path.join(dir, "cache")}</cachedir></fontconfig>`);
  return dir;
}

const external = [];
const consoleErrors = [];

async function open(browser, rel) {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  page.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("about:")) external.push(u);
  });
  page.on("pageerror", (err) => consoleErrors.push(`${rel}: ${err.message}`));
  page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(`${rel}: ${msg.text()}`); });
  const started = Date.now();
  await page.goto(url(rel), {waitUntil: "load", timeout: 120000});
  await page.waitForSelector("body[data-ready='1']", {timeout: 120000});
  const wall = Date.now() - started;
  return {page, wall};
}

async function batchPage(browser, out) {
  const runs = [];
  for (let i = 0; i < (job.runs || 1); i++) {
    const {page, wall} = await open(browser, "index.html");
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return {domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
        transfer: performance.getEntriesByType("resource").reduce((n, r) => n + (r.decodedBodySize || 0), 0)
          + (nav.decodedBodySize || 0)};
    });
    runs.push({wall, ...timing});
    if (i + 1 < (job.runs || 1)) await page.close();
    else out.page = page;
  }
  const page = out.page;
  const dom = await page.evaluate((searchTerms) => {
    const num = (id) => Number(document.querySelector(`#${id} b`).textContent);
    const rows = () => document.querySelectorAll("#roles tbody tr.role-row").length;
    const matches = () => Number(/\d+/.exec(document.getElementById("match-count").textContent)[0]);
    const result = {
      counts: {files: num("count-files"), roles: num("count-roles"), ok: num("count-ok"), partial: num("count-partial"),
        failed: num("count-failed"), skipped: num("count-skipped"), review: num("count-review")},
      countCheck: document.getElementById("count-check").textContent,
      rows: rows(), matches: matches(),
      firstRows: Array.from(document.querySelectorAll("#roles tbody tr.role-row")).slice(0, 5)
        .map((tr) => ({id: tr.dataset.id, review: tr.classList.contains("needs-review"), text: tr.children[1].textContent,
          reasons: tr.children[4].textContent})),
      matrix: Array.from(document.querySelectorAll("#file-matrix tbody tr")).map((tr) => [tr.dataset.status, Number(tr.lastChild.textContent)]),
      filters: {},
    };
    const set = (id, value) => {
      const select = document.getElementById(id);
      select.value = value;
      select.dispatchEvent(new Event("change"));
    };
    for (const id of ["f-org", "f-dept", "f-warning", "f-format"]) {
      const options = Array.from(document.getElementById(id).options).slice(1).map((o) => o.value);
      result.filters[id] = options.map((value) => {
        set(id, value);
        const titles = Array.from(document.querySelectorAll("#roles tbody tr.role-row")).map((tr) => tr.dataset.id);
        return {value, matches: matches(), ids: titles};
      });
      set(id, "");
    }
    const q = document.getElementById("q");
    result.search = {};
    for (const term of searchTerms) {
      q.value = term;
      q.dispatchEvent(new Event("input"));
      result.search[term] = Array.from(document.querySelectorAll("#roles tbody tr.role-row a")).map((a) => a.textContent);
    }
    q.value = "";
    q.dispatchEvent(new Event("input"));
    const review = document.getElementById("f-review");
    review.checked = true;
    review.dispatchEvent(new Event("change"));
    result.reviewOnly = matches();
    review.checked = false;
    review.dispatchEvent(new Event("change"));
    return result;
  }, job.search || []);
  return {runs, dom};
}

async function rolePage(browser, id, screenshot) {
  const {page, wall} = await open(browser, `roles/${id}.html`);
  const result = await page.evaluate(() => {
    const values = window.JDX.values;
    const checked = [];
    document.querySelectorAll("#fields button.val.has-span").forEach((button) => {
      const v = values[Number(button.dataset.index)];
      button.click();  // the user's click: the page highlights the span
      const hl = window.JDX.highlighted();
      const active = document.querySelector("#fields button.val.active");
      checked.push({index: Number(button.dataset.index), path: v.path, group: v.group, text: v.text, highlighted: hl,
        status: window.JDX.spanStatus(v.text, hl), activeOk: active === button,
        inView: (() => {
          const mark = document.querySelector("#doc span.hl");
          if (!mark) return false;
          const r = mark.getBoundingClientRect(), pane = document.getElementById("source-pane").getBoundingClientRect();
          return r.bottom > pane.top && r.top < pane.bottom;
        })()});
    });
    return {
      checked,
      alerts: document.getElementById("alerts").textContent,
      title: document.getElementById("role-title").textContent,
      unmappedMarks: document.querySelectorAll("#doc .m-unmapped").length,
      tables: document.querySelectorAll("#doc table").length,
      merged: document.querySelectorAll("#doc td[rowspan]:not([rowspan='1']), #doc td[colspan]:not([colspan='1'])").length,
      pages: Array.from(document.querySelectorAll("#doc .page")).map((p) => p.textContent),
      labels: document.querySelectorAll("#doc .lbl").length,
      nav: {next: !document.getElementById("next-review").disabled, prev: !document.getElementById("prev-review").disabled},
    };
  });
  result.wall = wall;
  if (screenshot) {
    await page.evaluate(() => {
      const i = window.JDX.values.findIndex((v) => v.group === "duties" && v.span);
      if (i >= 0) window.JDX.select(i);
    });
    await page.screenshot({path: path.join(job.artefacts, "role.png")});
  }
  if (job.keys && result.nav.next) {
    await Promise.all([page.waitForNavigation(NAVIGATION), page.keyboard.press("n")]);
    result.keyNext = path.basename(new URL(page.url()).pathname, ".html");
  }
  await page.close();
  return result;
}

async function orgPage(browser, screenshot) {
  const {page, wall} = await open(browser, "org.html" + (job.org && job.org.select !== undefined ? `#org=${job.org.select}` : ""));
  const result = await page.evaluate(() => {
    const nodes = () => Array.from(document.querySelectorAll("#viewport g.node")).map((g) => g.dataset.id);
    const out = {wall: 0, organisations: document.getElementById("org-select").options.length};
    document.getElementById("expand-all").click();
    out.expanded = nodes();
    out.links = Array.from(document.querySelectorAll("#viewport a.role-link")).map((a) => a.getAttribute("href"));
    const toggle = document.querySelector("#viewport g.toggle");
    out.toggleId = toggle ? toggle.dataset.toggle : null;
    if (toggle) {
      toggle.dispatchEvent(new MouseEvent("click", {bubbles: true}));
      out.afterCollapse = nodes();
      document.querySelector(`#viewport g.toggle[data-toggle="${out.toggleId}"]`).dispatchEvent(new MouseEvent("click", {bubbles: true}));
      out.afterExpand = nodes();
    }
    const before = window.JDX.view.k;
    document.getElementById("zoom-in").click();
    out.zoomed = window.JDX.view.k > before;
    document.getElementById("zoom-fit").click();
    out.report = Array.from(document.querySelectorAll("#report details")).map((d) => ({kind: d.dataset.kind,
      summary: d.querySelector("summary").textContent, items: Array.from(d.querySelectorAll("li")).map((li) => li.textContent)}));
    return out;
  });
  result.wall = wall;
  if (screenshot) {
    await page.evaluate(() => document.getElementById("expand-all").click());  // the opening view
    await page.screenshot({path: path.join(job.artefacts, "org.png")});
  }
  if (result.links.length) {
    // A click event on the first box (which may be outside the fitted view of a large tree).
    await Promise.all([page.waitForNavigation(NAVIGATION), page.evaluate(() => document.querySelector("#viewport a.role-link")
      .dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true, view: window})))]);
    result.clickedTo = path.basename(new URL(page.url()).pathname);
  }
  await page.close();
  return result;
}

const executablePath = await chromium.executablePath();
process.env.FONTCONFIG_PATH = fontConfig();
const browser = await puppeteer.launch({executablePath, args: chromium.args, headless: true,
  env: {...process.env}, defaultViewport: VIEWPORT});
const report = {};
try {
  fs.mkdirSync(job.artefacts, {recursive: true});
  if (job.batch) {
    const holder = {};
    const res = await batchPage(browser, holder);
    if (job.screenshots) await holder.page.screenshot({path: path.join(job.artefacts, "batch.png")});
    await holder.page.close();
    report.batch = res;
  }
  if (job.roles) {
    let ids = job.roles;
    if (ids === "all") ids = fs.readdirSync(path.join(site, "roles")).filter((f) => f.endsWith(".html")).map((f) => f.slice(0, -5));
    report.roles = {};
    for (const [i, id] of ids.entries()) report.roles[id] = await rolePage(browser, id, job.screenshots && i === (job.screenshotRole || 0));
  }
  if (job.org) report.org = await orgPage(browser, job.screenshots);
} finally {
  await browser.close();
}
report.external = external;
report.errors = consoleErrors;
process.stdout.write(JSON.stringify(report));
