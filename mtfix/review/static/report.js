/* mtfix review report.
 *
 * Every piece of document text reaches the page through textContent or
 * createTextNode, never innerHTML: the text is data, not markup.  (A large batch's file
 * links and summaries are HTML the report's template wrote, autoescaped, as for a small
 * report's own: put in through a <template>, see putSummary.)
 *
 * Each file's data is a JSON block (<script type="application/json" id="mtfix-file-N">),
 * parsed only when the file is opened:
 *   {path, digest, format, units: [unit], edits: [edit]}
 *   unit:  {id, line, text, blocks: [[start, end, fluency|null, newParagraph, sentenceEnd, marker|null, fluencyAfterSafeFixes|null,
 *                                     tail|null, linesBefore|null, (linesAfter: the last block only)]], f: [finding]}
 *          (the editor post-edits [start, sentenceEnd): the sentence, without the markup before the next;
 *           marker, tail and lines are Markdown markup around it, text only: a list's "-", a table cell's pipes,
 *           a table's alignment row, fenced code, an HTML block, front matter)
 *   finding: {c: code, s: severity, g: category, a: start, b: end, l: file line, k: column|null, m: message,
 *             x: "safe"|"unsafe"|"none", e: [index into edits], sg: [suggestion], sw: [sg as said, when any differs],
 *             kd: its kind (mtfix.model.FindingKind: names, verdicts, safe-fixes, to-judge; the Kind filter),
 *             al: [code] (only on a finding other checkers' duplicates were merged into: "also MTF301"),
 *             gl: {f: glossary file, l: line, t: term, v: [variant], n: note} (only on a glossary's finding)}
 *   edit:  {id, u: unit, a: start, b: end, r: replacement, o: original, c: code, x: safety,
 *           f: finding index, d: [["=", s, e] | ["-", s, e] | ["+", text]],
 *           w: the id of the edit it goes with (an edit of a later pass of `mtfix fix`, made possible by that one:
 *              in that edit's finding, accepted only with it, rejected with it)}
 *   (once loaded, an edit's id is "file/id", unique in the page; pid is the id the decisions file names)
 * Offsets are UTF-16 indices of the unit text only when the text is in the BMP; the
 * report therefore works on arrays of code points (see cp()).
 *
 * The editor's own corrections (a sentence post-edited in place) are kept by file, unit
 * and start: {f: file, u: unit, a: start, b: end, o: original, r: replacement,
 * p: {edit id: decision before the correction rejected it}}; offsets are code points.
 *
 * A finding with no edit the editor leaves as is is kept as "file|code:unit:start:end" (chkKey), saved
 * with the decisions and exported per file as "checked" (fix --decisions does not read it). The open
 * file and finding are kept apart (storeKey + ":at"), so that a reload opens them again.
 */
(function () {
  "use strict";
  var CHUNK = 150;
  var SEV_RANK = { critical: 3, major: 2, minor: 1 };
  var $ = function (id) { return document.getElementById(id); };
  var meta = JSON.parse($("mtfix-meta").textContent);
  var docs = JSON.parse($("mtfix-docs").textContent);
  /* A large batch (mtfix/review/render.py: BATCH_FILES) carries its files by compressed chunks (mtfix-chunk-K,
     data-files="how many"), each [[file data, its summary's HTML], ...], and its file list's links compressed
     (mtfix-list): the list is put in when the page opens, a file's summary when the file is opened. */
  var chunks = Array.from(document.querySelectorAll("script[id^='mtfix-chunk-']"));
  var chunkFiles = chunks.length ? Number(chunks[0].getAttribute("data-files")) : 0, chunkData = {};
  var nFiles = chunks.length ? chunks.reduce(function (t, c) { return t + Number(c.getAttribute("data-files")); }, 0)
                             : document.querySelectorAll("script[id^='mtfix-file-']").length;
  var cache = {};
  var decisions = {};   // edit id -> "accept" | "reject"
  var corrections = {}; // file:unit:start -> correction (see above)
  var checked = {};     // chkKey(file, finding) -> true: a finding with no edit the editor leaves as is
  var editIndex = {};   // edit id (file-qualified, see fetchFile) -> {file, edit}
  var cur = -1;         // current file
  var view = null;      // rendering state of the current file
  /* one local storage for every report opened from disk: meta.report names this one (reports made
     before it had the key of their time, configuration and number of files, which two could share) */
  var storeKey = "mtfix-review:" + (meta.report || meta.created + ":" + meta.signature.length + ":" + nFiles);

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }

  /* Python str offsets count code points; JavaScript strings count UTF-16 units. */
  function cp(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return null;
    return Array.from(text);
  }
  function slicer(text) {
    var arr = cp(text);
    if (!arr) return function (a, b) { return text.slice(a, b); };
    return function (a, b) { return arr.slice(a, b).join(""); };
  }

  /* ---------- word diff of a correction (as mtfix/review/worddiff.py: DIFF_TOKEN, then a token LCS) ---------- */
  var TOKEN = /[\p{L}\p{M}\p{N}\p{Pc}]+|\s+|[^\p{L}\p{M}\p{N}\p{Pc}\s]/gu;
  /* in a page, a tag, a comment and a character reference are one token each (a reference is never shown
     half kept, half inserted: "&" then "amp;") */
  var PAGE_TOKEN = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);|[\p{L}\p{M}\p{N}\p{Pc}]+|\s+|[^\p{L}\p{M}\p{N}\p{Pc}\s]/gu;
  function tokens(text, page) { return text.match(page ? PAGE_TOKEN : TOKEN) || []; }
  function cpLen(text) { return cp(text) ? Array.from(text).length : text.length; }

  /* Operations ["=", s, e] | ["-", s, e] | ["+", text] turning old (at unit offset base) into new. */
  function wordOps(base, old, neu, page) {
    var a = tokens(old, page), b = tokens(neu, page), ops = [];
    var off = [base];
    a.forEach(function (t) { off.push(off[off.length - 1] + cpLen(t)); });
    function add(kind, lo, hi) {
      if (lo >= hi) return;
      var last = ops[ops.length - 1];
      if (last && last[0] === kind) last[2] = hi; else ops.push([kind, lo, hi]);
    }
    function ins(text) {
      if (!text) return;
      var last = ops[ops.length - 1];
      if (last && last[0] === "+") last[1] += text; else ops.push(["+", text]);
    }
    var pre = 0;
    while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
    var suf = 0;
    while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
    add("=", off[0], off[pre]);
    var n = a.length - pre - suf, m = b.length - pre - suf;
    if (n * m > 250000) {  /* a rewrite too long to align: one deletion, one insertion */
      add("-", off[pre], off[pre + n]);
      ins(b.slice(pre, pre + m).join(""));
    } else {
      var L = [];  /* L[i][j]: LCS length of a[pre+i..] and b[pre+j..] */
      for (var i = n; i >= 0; i--) {
        L[i] = new Array(m + 1);
        for (var j = m; j >= 0; j--) {
          L[i][j] = i === n || j === m ? 0 : a[pre + i] === b[pre + j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
        }
      }
      var x = 0, y = 0, d0 = -1, put = "";
      var flush = function () {  /* a run of changes: its deletion, then its insertion */
        if (d0 >= 0) add("-", off[d0], off[pre + x]);
        ins(put);
        d0 = -1; put = "";
      };
      while (x < n || y < m) {
        if (x < n && y < m && a[pre + x] === b[pre + y]) { flush(); add("=", off[pre + x], off[pre + x + 1]); x++; y++; }
        else if (x < n && (y === m || L[x + 1][y] >= L[x][y + 1])) { if (d0 < 0) d0 = pre + x; x++; }
        else { put += b[pre + y]; y++; }
      }
      flush();
    }
    add("=", off[a.length - suf], off[a.length]);
    return ops;
  }

  /* Large reports carry each file's JSON gzip-compressed and base64-encoded. */
  function inflate(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  /* A chunk's rows, inflated once (several files of it may be asked for at once). */
  function chunkRows(k) {
    if (!chunkData[k]) chunkData[k] = inflate($("mtfix-chunk-" + k).textContent.trim()).then(JSON.parse);
    return chunkData[k];
  }
  /* A summary's HTML, written by the report's template (autoescaped) as the page's own summaries are; put in
     before the text, hidden, once. */
  function putSummary(n, html) {
    if ($("summary-" + n)) return;
    var t = document.createElement("template");
    t.innerHTML = html;
    var section = t.content.querySelector("section.summary");
    if (!section) return;
    section.hidden = true;
    $("doc-h").parentNode.insertBefore(section, $("doc-h"));
  }
  /* ---------- a large batch's file list: a virtual list ----------
     A batch past render.BATCH_FILES carries its list as one link's HTML a file (the report's template wrote it,
     autoescaped) with the files' names.  Only the rows in view and MARGIN rows either side are links in the page
     (10,000 links made Chromium take 3 to 4 s to lay out a filter, 8 s to open the page): rows of a fixed height
     (ROW, as report.css says) in the list's own scroller, its ::before and ::after standing for the rows out of
     the page.  *Filter files* filters the names (a plain array) and draws the window again.  One link is a tab stop; the
     arrow keys, Home, End and Page Up/Down move the focus through the files and bring its row into view; each
     row says its place (aria-posinset / aria-setsize) to a screen reader. */
  var ROW = 44, MARGIN = 8;
  var vlist = null;  /* {links, paths, sev, said, done, shown, first, last, focus, rendered, frame} */
  function putFileList() {
    var node = $("mtfix-list");
    if (!node) return Promise.resolve();
    return inflate(node.textContent.trim()).then(JSON.parse).then(function (list) {
      var sevOf = /data-sev="([^"]*)"/, box = $("files");
      vlist = { links: list.links, paths: list.paths.map(function (p) { return p.toLowerCase(); }),
                sev: list.links.map(function (h) { var x = sevOf.exec(h); return x ? x[1] : null; }),
                said: [], done: [], shown: list.links.map(function (h, i) { return i; }),
                first: 0, last: -1, focus: 0, rendered: {}, frame: 0 };
      box.classList.add("virtual");
      box.addEventListener("scroll", function () {
        if (!vlist.frame) vlist.frame = requestAnimationFrame(function () { vlist.frame = 0; drawList(); });
      });
      box.addEventListener("keydown", listKey);
      /* the list's height changes with the window (40vh) and when its fold opens */
      var redraw = function () { drawList(); };
      window.addEventListener("resize", redraw);
      $("side-fold").addEventListener("toggle", redraw);
      box.addEventListener("focusin", function (ev) {
        var a = ev.target.closest && ev.target.closest("a[data-file]");
        if (a) { vlist.focus = Number(a.getAttribute("data-file")); listStops(); }
      });
      drawList(true);
    });
  }
  /* The rows of the window the list's scroll shows (``force``: again, the same window). */
  function drawList(force) {
    var box = $("files"), n = vlist.shown.length, h = box.clientHeight || ROW * 10;
    var first = Math.max(0, Math.floor(box.scrollTop / ROW) - MARGIN);
    var last = Math.min(n, Math.ceil((box.scrollTop + h) / ROW) + MARGIN);
    if (!force && first === vlist.first && last === vlist.last) return;
    vlist.first = first;
    vlist.last = last;
    var had = box.contains(document.activeElement) && document.activeElement.getAttribute("data-file");
    var t = document.createElement("template");
    t.innerHTML = vlist.shown.slice(first, last).map(function (i) { return vlist.links[i]; }).join("");
    vlist.rendered = {};
    Array.from(t.content.children).forEach(function (li, k) {
      li.setAttribute("aria-posinset", String(first + k + 1));
      li.setAttribute("aria-setsize", String(n));
      vlist.rendered[vlist.shown[first + k]] = li.querySelector("a[data-file]");
      paintRow(vlist.shown[first + k]);
    });
    box.style.setProperty("--above", first * ROW + "px");  /* report.css: the list's ::before and ::after */
    box.style.setProperty("--below", Math.max(0, n - last) * ROW + "px");
    box.replaceChildren(t.content);
    listStops();
    if (had && vlist.rendered[had]) vlist.rendered[had].focus({ preventScroll: true });
  }
  /* A row as the page stands: the open file marked (not by colour alone), its "N left" as decided. */
  function paintRow(i) {
    var a = vlist.rendered[i];
    if (!a) return;
    a.classList.toggle("on", i === cur);
    if (i === cur) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    var x = a.querySelector(".left");
    if (x && vlist.said[i] !== undefined) {
      if (x.textContent !== vlist.said[i]) x.textContent = vlist.said[i];
      x.classList.toggle("done", vlist.done[i]);
    }
  }
  /* One tab stop in the list: the row last focused, else the open file's, else the first in the page. */
  function listStops() {
    var stop = [vlist.focus, cur].filter(function (i) { return vlist.rendered[i]; })[0];
    if (stop === undefined) stop = vlist.shown[vlist.first];
    Object.keys(vlist.rendered).forEach(function (i) { vlist.rendered[i].tabIndex = Number(i) === stop ? 0 : -1; });
  }
  /* Scroll file ``i``'s row into the list's view (when the filter shows it) and draw the window. */
  function listReveal(i) {
    var pos = vlist.shown.indexOf(i), box = $("files");
    if (pos >= 0) {
      if (pos * ROW < box.scrollTop) box.scrollTop = pos * ROW;
      else if ((pos + 1) * ROW > box.scrollTop + box.clientHeight) box.scrollTop = (pos + 1) * ROW - box.clientHeight;
    }
    drawList();
    return pos >= 0;
  }
  function listKey(ev) {
    var a = ev.target.closest && ev.target.closest("a[data-file]");
    if (!a || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var pos = vlist.shown.indexOf(Number(a.getAttribute("data-file"))), n = vlist.shown.length;
    var to = keyTarget(ev.key, pos, n, ROW);
    if (to === undefined || pos < 0) return;
    ev.preventDefault();
    var i = vlist.shown[to];
    vlist.focus = i;
    listReveal(i);
    if (vlist.rendered[i]) { listStops(); vlist.rendered[i].focus({ preventScroll: true }); }
  }
  /* Where a key moves the focus in a file list of ``n`` rows shown, from row ``pos`` (undefined: not a list key):
     the arrow keys, Home, End, and Page Up/Down by the list's visible rows (of ``row`` px) less one. */
  function keyTarget(key, pos, n, row) {
    var page = Math.max(1, Math.floor($("files").clientHeight / (row || ROW)) - 1);
    var to = { ArrowDown: pos + 1, ArrowUp: pos - 1, Home: 0, End: n - 1, PageDown: pos + page, PageUp: pos - page }[key];
    return to === undefined ? undefined : Math.max(0, Math.min(n - 1, to));
  }
  /* ---------- a small report's file list (every link in the page), keyed and labelled as the virtual list:
     one tab stop (the row last focused, else the open file's, else the first shown), the arrow keys, Home, End and
     Page Up/Down through the rows shown, each row's place (aria-posinset / aria-setsize) among them. */
  var plainFocus = -1;
  function plainShown() {
    return Array.from($("files").children).map(function (li) { return li.querySelector("a[data-file]"); })
      .filter(Boolean);
  }
  function plainStops(links) {
    links = links || plainShown();
    var on = function (n) { return links.filter(function (a) { return Number(a.getAttribute("data-file")) === n; })[0]; };
    var stop = on(plainFocus) || on(cur) || links[0];
    links.forEach(function (a) { a.tabIndex = a === stop ? 0 : -1; });
  }
  /* The rows shown say their place, and the list its one tab stop (after a filter: of the rows it left). */
  function plainPlaces() {
    var links = plainShown();
    links.forEach(function (a, k) {
      a.parentNode.setAttribute("aria-posinset", String(k + 1));
      a.parentNode.setAttribute("aria-setsize", String(links.length));
    });
    plainStops(links);
  }
  function plainList() {
    var box = $("files");
    if (!box || vlist) return;
    plainPlaces();
    box.addEventListener("focusin", function (ev) {
      var a = ev.target.closest && ev.target.closest("a[data-file]");
      if (a) { plainFocus = Number(a.getAttribute("data-file")); plainStops(); }
    });
    box.addEventListener("keydown", function (ev) {
      var a = ev.target.closest && ev.target.closest("a[data-file]");
      if (!a || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var links = plainShown(), pos = links.indexOf(a);
      var to = keyTarget(ev.key, pos, links.length, a.offsetHeight);
      if (to === undefined || pos < 0) return;
      ev.preventDefault();
      plainFocus = Number(links[to].getAttribute("data-file"));
      plainStops(links);
      links[to].focus({ preventScroll: true });
      links[to].scrollIntoView({ block: "nearest" });
    });
  }
  /* *Filter files* in the virtual list: the names that hold the query, from the top (cleared: the open file in view). */
  function filterList(query) {
    var q = query.toLowerCase();
    vlist.shown = [];
    for (var i = 0; i < vlist.paths.length; i++) if (!q || vlist.paths[i].indexOf(q) >= 0) vlist.shown.push(i);
    $("files").scrollTop = 0;
    if (!q) listReveal(cur);
    drawList(true);
    return vlist.shown.length;
  }

  function fetchFile(n) {
    if (cache[n]) return Promise.resolve(cache[n]);
    var node = chunks.length ? null : $("mtfix-file-" + n);
    var text = chunks.length ? chunkRows(Math.floor(n / chunkFiles)).then(function (rows) {
      var row = rows[n % chunkFiles];
      putSummary(n, row[1]);
      return row[0];
    }) : node.getAttribute("data-encoding") === "gzip+base64" ? inflate(node.textContent.trim())
                                                              : Promise.resolve(node.textContent);
    return text.then(function (json) {
      if (cache[n]) return cache[n];
      var data = typeof json === "string" ? JSON.parse(json) : json;
      data.units.forEach(function (u, ui) {
        u.cut = slicer(u.text);
        u.f.forEach(function (f, fi) { f.id = ui + "." + fi; f.u = ui; f.i = fi; });
      });
      data.edits.forEach(function (e) {
        /* Two files with the same bytes propose edits with the same id: the page keys its decisions
           by file and id ("3/ab12…"), and exports the id alone (e.pid) under each file's path. */
        e.pid = e.id;
        e.id = n + "/" + e.pid;
        editIndex[e.id] = { file: n, edit: e };
        e.key = e.u + ":" + e.a + ":" + e.b + ":" + e.r;
        e.g = groupOf(data.units[e.u], e);
        if (e.w) e.w = n + "/" + e.w;
      });
      data.later = {};  /* edit id -> the later passes' edits that go with it */
      data.edits.forEach(function (e) { if (e.w) (data.later[e.w] = data.later[e.w] || []).push(e); });
      indexEdits(data);
      cache[n] = data;
      return data;
    });
  }

  function loadFile(n) { return cache[n]; }  /* after fetchFile(n) */

  /* Each unit's edits sorted by start, with the longest edit's length: near() finds the edits
     around a span without a pass over the whole file (thousands of edits in a long file). */
  function indexEdits(data) {
    data.byUnit = {};
    data.edits.forEach(function (e) { (data.byUnit[e.u] = data.byUnit[e.u] || []).push(e); });
    Object.keys(data.byUnit).forEach(function (u) {
      var list = data.byUnit[u].sort(function (x, y) { return x.a - y.a; });
      list.span = list.reduce(function (m, e) { return Math.max(m, e.b - e.a); }, 0);
    });
  }

  /* The edits of unit u that may touch [a, b]: every edit that conflicts with it or starts at a. */
  function near(data, u, a, b) {
    var list = data.byUnit[u] || [], lo = 0, hi = list.length, from = a - list.span, out = [];
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid].a < from) lo = mid + 1; else hi = mid; }
    for (var i = lo; i < list.length && list[i].a <= b; i++) out.push(list[i]);
    return out;
  }

  /* ---------- filters ---------- */
  function filters() {
    var sev = {}, fix = {};
    document.querySelectorAll("input[name=sev]").forEach(function (c) { sev[c.value] = c.checked; });
    document.querySelectorAll("input[name=fix]").forEach(function (c) { fix[c.value] = c.checked; });
    return { sev: sev, fix: fix, cat: $("f-category").value, rule: $("f-rule").value, only: $("f-only").checked,
             kind: kindPicked(false) };
  }
  /* The Kind filter's boxes (session 43; session 42's were radio buttons, one kind at a time): the kinds ticked, as
     an object kind -> true, or null when every kind is (no kind filtered out); asOpened: as the page was written. */
  function kindBoxes() {
    return Array.from(document.querySelectorAll("#filters input[name=kind]")).filter(function (c) { return c.value; });
  }
  function kindPicked(asOpened) {
    var boxes = kindBoxes(), on = {}, n = 0;
    boxes.forEach(function (c) { if (asOpened ? c.defaultChecked : c.checked) { on[c.value] = true; n++; } });
    return n === boxes.length ? null : on;
  }
  /* The kinds a filter ticks, as the address writes them: "" for every kind, "none" for none, else
     "names,safe-fixes" (one kind alone, "kind=to-judge", as session 42 wrote it). */
  function kindWords(on) {
    if (!on) return "";
    var ks = kindBoxes().map(function (c) { return c.value; }).filter(function (k) { return on[k]; });
    return ks.length ? ks.join(",") : "none";
  }
  /* Tick exactly the kinds of list (every kind: null). */
  function setKinds(list) {
    kindBoxes().forEach(function (c) { c.checked = !list || list.indexOf(c.value) >= 0; });
    showAllKinds();
  }
  /* "all kinds" ticked when every kind is, half-ticked (indeterminate) when some are. */
  function showAllKinds() {
    var all = document.querySelector("#filters input[name=kind][value='']"), boxes = kindBoxes();
    if (!all) return;
    var on = boxes.filter(function (c) { return c.checked; }).length;
    all.checked = on === boxes.length;
    all.indeterminate = on > 0 && on < boxes.length;
  }
  /* The Kind filter (session 42): what an editor does with a finding, as the report wrote it (f.kd, from
     mtfix.model.finding_kind, the one definition the language server's diagnostic-severity keys use too): names and
     terms (the glossary's), the detector's sentence verdicts, rule findings with a safe fix, rule findings to judge.
     In MT nearly every sentence has a verdict, and the glossary's few findings were buried among them (session 41:
     the fifth name was the 19th finding of 23 with n); session 41's "only glossary names and terms" box is its
     "names" (its address, glossary=1, still opens it). */
  function visible(f, flt) {
    return flt.sev[f.s] && flt.fix[f.x] && (!flt.cat || f.g === flt.cat) && (!flt.rule || f.c === flt.rule) &&
      (!flt.kind || !!flt.kind[f.kd]);
  }

  /* The filters in the page's address (session 38): "#file-2&rule=MTF105&sev=critical,major", so that a reload, a
     bookmark or a link sent to a colleague opens the same file under the same filters.  Only a filter set
     otherwise than the page opened with is written (a report made with --min-severity major opens without its
     minor findings and writes nothing for it). */
  function filterWords(asOpened) {
    var flt = filters(), words = {};
    if (asOpened) {  /* as the page was written (a reload may have restored the boxes as they were left) */
      document.querySelectorAll("#filters input[name=sev], #filters input[name=fix]").forEach(function (c) {
        flt[c.name][c.value] = c.defaultChecked; });
      var picked = function (id) { return (Array.from($(id).options).filter(function (o) { return o.defaultSelected; })[0] || { value: "" }).value; };
      flt.cat = picked("f-category"); flt.rule = picked("f-rule"); flt.only = $("f-only").defaultChecked;
      flt.kind = kindPicked(true);
    }
    words.sev = Object.keys(flt.sev).filter(function (k) { return flt.sev[k]; }).join(",");
    words.fix = Object.keys(flt.fix).filter(function (k) { return flt.fix[k]; }).join(",");
    words.cat = flt.cat;
    words.rule = flt.rule;
    words.only = flt.only ? "1" : "";
    words.kind = kindWords(flt.kind);
    return words;
  }
  var openedWith = null;  /* the filters as the page opened them (set before the address is read) */
  function keepAddress() {
    if (!history.replaceState || !openedWith) return;
    var words = filterWords(), parts = nFiles > 1 ? ["file-" + cur] : [];
    Object.keys(words).forEach(function (k) {
      if (words[k] !== openedWith[k]) parts.push(k + "=" + encodeURIComponent(words[k]));
    });
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash === location.hash) return;
    try { history.replaceState(null, "", hash || location.pathname + location.search); } catch (err) { /* a sandboxed frame */ }
  }
  /* Set the filters an address names; a value the page does not offer (a rule of another report) is left. */
  function takeAddress(hash) {
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("="), k = part.slice(0, eq), v;
      if (eq < 0) return;
      try { v = decodeURIComponent(part.slice(eq + 1)); } catch (err) { return; }
      if (k === "sev" || k === "fix") {
        var on = v ? v.split(",") : [];
        document.querySelectorAll("#filters input[name=" + k + "]").forEach(function (c) { c.checked = on.indexOf(c.value) >= 0; });
      } else if (k === "kind" || (k === "glossary" && v === "1")) {  /* glossary=1: session 41's names box */
        var want = k === "glossary" ? ["names"] : v === "none" ? [] : v ? v.split(",") : null;
        var offered = kindBoxes().map(function (c) { return c.value; });
        /* a kind this report does not hold is left out; a list of none of its kinds is left (every kind) */
        if (want && want.length) want = want.filter(function (x) { return offered.indexOf(x) >= 0; });
        if (!want || v === "none" || want.length) setKinds(want);
      } else if (k === "cat" || k === "rule") {
        var sel = $(k === "cat" ? "f-category" : "f-rule");
        if (!v || Array.from(sel.options).some(function (o) { return o.value === v; })) sel.value = v;
      } else if (k === "only") {
        $("f-only").checked = v === "1";
      }
    });
  }

  /* ---------- rendering ---------- */
  function regionOf(e) {
    var lo = Infinity, hi = -Infinity;
    e.d.forEach(function (op) {
      if (op[0] !== "+") { lo = Math.min(lo, op[1]); hi = Math.max(hi, op[2]); }
    });
    if (lo === Infinity) { lo = e.a; hi = e.b; }
    return [lo, hi];
  }

  /* the index of the sentence (block) of `unit` that holds position `pos` (its last block starting at or before it) */
  function blockAt(unit, pos) {
    var lo = 0, hi = unit.blocks.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (unit.blocks[mid][0] <= pos) lo = mid; else hi = mid - 1; }
    return lo;
  }

  function prepare(n) {
    var data = loadFile(n), flt = filters();
    var rows = [];
    var shown = 0, total = 0;
    data.units.forEach(function (u, ui) {
      var vis = u.f.filter(function (f) { total++; return visible(f, flt); });
      shown += vis.length;
      var nb = u.blocks.length;
      var over = u.blocks.map(function () { return []; });
      var cards = u.blocks.map(function () { return []; });
      var eds = u.blocks.map(function () { return []; });
      function blockOf(pos) { return blockAt(u, pos); }
      vis.forEach(function (f) {
        var k = blockOf(f.a);
        cards[k].push(f);
        for (var j = k; j < nb && (j === k || u.blocks[j][0] < f.b); j++) over[j].push(f);
      });
      var seenKey = {};
      vis.forEach(function (f) {
        f.e.forEach(function (ei) {
          var e = data.edits[ei];
          if (seenKey[e.key]) return;
          seenKey[e.key] = true;
          var r = regionOf(e), k = blockOf(r[0]);
          if (r[1] <= Math.max(u.blocks[k][1], r[0])) eds[k].push({ e: e, lo: r[0], hi: r[1] });
        });
      });
      var cellOf = tableCells(u.blocks), drawn = -1;
      for (var k = 0; k < nb; k++) {
        if (flt.only && !cards[k].length && !over[k].length) continue;
        /* gap: the sentence before it in the unit is hidden ("only sentences with findings") */
        rows.push({ u: ui, k: k, over: over[k], cards: cards[k], eds: eds[k], cell: cellOf[k], gap: k > 0 && drawn !== k - 1 });
        drawn = k;
      }
    });
    var order = [];
    rows.forEach(function (r) { r.cards.forEach(function (f) { order.push(f.id); }); });
    var safeOf = {}, keys = {}, shownE = shownEdits(data);  /* each rule's safe edits shown, for "Accept all" */
    data.edits.forEach(function (e, ei) {
      if (e.x !== "safe" || e.w || !shownE[ei] || keys[e.c + " " + e.key]) return;  /* (a later pass's edit: with its own) */
      keys[e.c + " " + e.key] = true;
      safeOf[e.g] = (safeOf[e.g] || 0) + 1;
    });
    return { n: n, data: data, rows: rows, done: 0, order: order, pos: -1, shown: shown, total: total, rowOf: {},
             safeOf: safeOf, shownE: shownE };
  }

  /* Each table cell's [row, cell, part] in its table, counted from 1 (the header row is row 1), by block index:
     what a screen reader says before the cell's sentence (the pipes are hidden from it).  A row starts on a
     line whose sentence has a pipe before or after it; on the same line, a sentence after a pipe starts the
     next cell, and one with no pipe between it and the sentence before is the next part of the same cell (a
     cell of several sentences: "| Baku | The road was closed. The bridge opened. |"), which until session 27
     was taken for the end of the table, and the sentence after it for a new row's first cell. */
  function tableCells(bl) {
    var out = [], row = 0, cell = 0, open = false;  /* open: the cell before has no pipe after it yet */
    bl.forEach(function (b) {
      var lead = /\|/.test(b[5] || ""), tail = /\|/.test(b[7] || "");
      var prev = out.length ? out[out.length - 1] : null;
      if (prev && !b[3] && !lead) out.push(open ? [row, cell, prev[2] + 1] : [row, ++cell, 1]);
      else if (lead || tail) { row = prev ? row + 1 : 1; cell = 1; out.push([row, cell, 1]); }
      else { row = 0; out.push(null); }
      open = !!out[out.length - 1] && !tail;
    });
    return out;
  }

  /* A zero-width finding (something missing between two characters) shows as a caret. */
  function carets(parent, x, over) {
    over.forEach(function (f) {
      if (f.a !== f.b || f.a !== x) return;
      var done = over.done || (over.done = {});
      if (done[f.id]) return;
      done[f.id] = true;
      var c = el("span", "u caret sev-" + f.s + (f.x === "none" ? " human" : ""));
      c.setAttribute("data-f", f.id);
      c.setAttribute("data-a", x);
      c.setAttribute("data-b", x);
      c.title = f.c + ": " + f.m;
      parent.appendChild(c);
    });
  }

  /* Text into a node; in a Markdown file, an HTML line break in a sentence (a table cell's "<br>") is markup,
     dimmed and hidden from a screen reader, as the pipes are (the characters stay: offsets do not move).  In
     any other file (plain text) a tag is the text's own characters, shown as they are.  ``md``: whether the
     text is Markdown (default: the file shown; the desk summary names each file's). */
  var BR = /<br\s*\/?>/gi;
  function textInto(parent, txt, md) {
    if (md === undefined) md = !!view && formatKind(view.data.format);
    if (md === "html") return pageInto(parent, txt);
    if (!md || !/<br/i.test(txt)) {
      parent.appendChild(document.createTextNode(txt));
      return parent;
    }
    var pos = 0;
    txt.replace(BR, function (tag, at) {
      if (at > pos) parent.appendChild(document.createTextNode(txt.slice(pos, at)));
      var mark = el("span", "markup br", tag);
      mark.setAttribute("aria-hidden", "true");
      parent.appendChild(mark);
      pos = at + tag.length;
      return tag;
    });
    if (pos < txt.length) parent.appendChild(document.createTextNode(txt.slice(pos)));
    return parent;
  }

  /* How text of a file's format is shown: true for Markdown (its "<br>" dimmed), "html" for a page (its tags
     hidden, its character references shown as their characters), false for any other (as written). */
  function formatKind(format) { return format === "markdown" ? true : format === "html" ? "html" : false; }

  /* Text of an HTML page into a node (session 29): an inline tag inside a sentence ("<b>", "<a href=...>") is
     markup, kept in the node but hidden (a word split by one reads whole: "Ba<b>k</b>ı" shows "Bakı"); a "<br>"
     is dimmed as in Markdown; a character reference ("&amp;") shows as its character, the reference as its
     title.  The characters stay in the unit's text: offsets do not move, and the page's bytes are never
     changed by what is shown. */
  var PAGE_MARKUP = /<br\s*\/?>|<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?-->|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
  var NAMED = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0", ndash: "\u2013", mdash: "\u2014",
                hellip: "\u2026", lsquo: "\u2018", rsquo: "\u2019", ldquo: "\u201c", rdquo: "\u201d", laquo: "\u00ab",
                raquo: "\u00bb", copy: "\u00a9", reg: "\u00ae", euro: "\u20ac", pound: "\u00a3", deg: "\u00b0" };
  function reference(ref) {
    var body = ref.slice(1, -1), code = null;
    if (body[0] === "#") code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (code !== null) return code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF) ? String.fromCodePoint(code) : null;
    return Object.prototype.hasOwnProperty.call(NAMED, body) ? NAMED[body] : namedRef(ref);
  }
  /* An image in a sentence: the checker reads it as a name between the words ("talks @code resumed"), so it
     shows as a marker set apart from them, "[image]", its alt text (never checked) as the title; the tag's
     characters stay in the node, hidden. */
  var ALT = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
  function imageMark(tag) {
    var mark = el("span", "markup img"), hidden = el("span", "markup tag", tag), alt = ALT.exec(tag);
    alt = alt ? (alt[1] !== undefined ? alt[1] : alt[2] !== undefined ? alt[2] : alt[3]) : "";
    hidden.hidden = true;
    mark.appendChild(hidden);
    mark.appendChild(document.createTextNode("[image]"));
    mark.title = alt ? "image: " + decodeRefs(alt) : "image";  /* for display only: the tag keeps its references */
    return mark;
  }
  /* An attribute's text as the browser reads it: its character references ("&amp;", "&#8211;") decoded (one unknown
     to the page stays as written), for display only (session 30: an alt tooltip showed "Tom &amp; Jerry"). */
  var REF = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
  function decodeRefs(text) {
    return text.replace(REF, function (ref) { var ch = reference(ref); return ch === null ? ref : ch; });
  }
  function pageInto(parent, txt) {
    var pos = 0;
    txt.replace(PAGE_MARKUP, function (m, at) {
      if (at > pos) parent.appendChild(document.createTextNode(txt.slice(pos, at)));
      pos = at + m.length;
      var ch = m[0] === "&" ? reference(m) : null, mark;
      if (m[0] === "&" && ch === null) { parent.appendChild(document.createTextNode(m)); return m; }
      if (ch !== null) { mark = el("span", "ref", ch); mark.title = m; }
      else if (/^<br/i.test(m)) { mark = el("span", "markup br", m); mark.setAttribute("aria-hidden", "true"); }
      else if (/^<img[\s\/>]/i.test(m)) mark = imageMark(m);
      else { mark = el("span", "markup tag", m); mark.hidden = true; }
      parent.appendChild(mark);
      return m;
    });
    if (pos < txt.length) parent.appendChild(document.createTextNode(txt.slice(pos)));
    return parent;
  }

  function underline(parent, unit, a, b, over) {
    if (a >= b) { carets(parent, a, over); return; }
    var cuts = [a, b];
    over.forEach(function (f) {
      if (f.a > a && f.a < b) cuts.push(f.a);
      if (f.b > a && f.b < b) cuts.push(f.b);
    });
    cuts = cuts.sort(function (x, y) { return x - y; }).filter(function (v, i, s) { return i === 0 || v !== s[i - 1]; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var x = cuts[i], y = cuts[i + 1];
      carets(parent, x, over);
      var cov = over.filter(function (f) { return f.a <= x && f.b >= y && f.a < f.b; });
      var txt = unit.cut(x, y);
      if (!cov.length) { textInto(parent, txt); continue; }
      var top = cov.reduce(function (m, f) { return SEV_RANK[f.s] > SEV_RANK[m.s] ? f : m; }, cov[0]);
      /* only the detector's minor verdicts here: a suspicion, drawn dotted (the language server's Hint; session 45) */
      var faint = cov.every(suspicion);
      var span = textInto(el("span", "u sev-" + top.s + (faint ? " suspicion" : top.x === "none" ? " human" : "")), txt);
      span.setAttribute("data-f", cov.map(function (f) { return f.id; }).join(" "));
      span.setAttribute("data-a", x);
      span.setAttribute("data-b", y);
      span.title = cov.map(function (f) { return f.c + ": " + f.m; }).join("\n");
      parent.appendChild(span);
    }
    carets(parent, b, over);
  }

  function stateClass(id) {
    var d = decisions[id];
    return d === "accept" ? "accepted" : d === "reject" ? "rejected" : "pending";
  }

  function diffNodes(parent, unit, e, over) {
    e.d.forEach(function (op) {
      if (op[0] === "=") underline(parent, unit, op[1], op[2], over);
      else if (op[0] === "-") {
        var del = el("del");
        if (!/\S/.test(unit.cut(op[1], op[2]))) del.className = "ws";
        underline(del, unit, op[1], op[2], over);
        parent.appendChild(del);
      } else {
        var ins = textInto(el("ins", /\S/.test(op[1]) ? "" : "ws"), op[1]);  /* a page's tags hidden, as around it */
        ins.title = /\S/.test(op[1]) ? "inserted" : "inserts white space";
        parent.appendChild(ins);
      }
    });
  }

  /* A Markdown sentence's marker ("-", "1.", "#", a table row's "|"): shown before it, as text outside the sentence. */
  function textBox(block, cls) {
    var box = el("div", cls);
    if (block[5]) {
      var mark = el("span", "markup lead", block[5] + " ");
      mark.setAttribute("aria-hidden", "true");
      box.appendChild(mark);
    }
    return box;
  }
  /* ... and the pipes that end its line (a table cell's "|"), after it. */
  function endBox(box, block) {
    if (block[7]) {
      var mark = el("span", "markup tail", " " + block[7]);
      mark.setAttribute("aria-hidden", "true");
      box.appendChild(mark);
    }
    return box;
  }
  /* Whole lines of markup between sentences (a table's alignment row, fenced code, an HTML block, front
     matter): shown as markup, never as the text of the sentence before. */
  function markupLines(text) {
    var box = el("div", "markup lines", text);
    box.setAttribute("aria-hidden", "true");
    return box;
  }

  /* The edits a sentence draws inline, in order: of edits whose words overlap (an edit inside another's
     span: "the the" inside '" the the prices "'), one only can be drawn, and an accepted one goes first: it
     drew the first by position, rejected or not, and an accepted edit inside it was not seen, in the marks
     or in As it will read, although fix --decisions writes it. */
  function drawnEdits(eds) {
    var byPos = function (x, y) { return x.lo - y.lo || x.hi - y.hi; };
    var sorted = eds.slice().sort(byPos), chosen = [];
    var meet = function (p, q) {  /* as the drawing loop takes them: a caret at an edit's end is inside it */
      if (p.lo === p.hi && q.lo === q.hi) return p.lo === q.lo;
      if (p.lo === p.hi) return q.lo < p.lo && p.lo <= q.hi;
      if (q.lo === q.hi) return p.lo < q.lo && q.lo <= p.hi;
      return p.lo < q.hi && q.lo < p.hi;
    };
    var clear = function (t) { return chosen.every(function (c) { return !meet(t, c); }); };
    /* accepted edits never overlap one another, but their words may ("There" → "there" and the deletion of
       the " there" after it, in "that There there"): drawn together, as one */
    var groups = [];
    sorted.forEach(function (t) {
      if (decisions[t.e.id] !== "accept") return;
      var hit = groups.filter(function (g) { return meet(t, g); });
      var g = hit[0] || { lo: t.lo, hi: t.hi, members: [] };
      if (!hit.length) groups.push(g);
      hit.slice(1).forEach(function (x) { g.members = g.members.concat(x.members); groups.splice(groups.indexOf(x), 1); });
      g.members.push(t);
      g.members.forEach(function (m) { g.lo = Math.min(g.lo, m.lo); g.hi = Math.max(g.hi, m.hi); });
    });
    groups.forEach(function (g) { chosen.push(g.members.length === 1 ? g.members[0] : together(g)); });
    sorted.forEach(function (t) { if (decisions[t.e.id] !== "accept" && clear(t)) chosen.push(t); });
    return chosen.sort(byPos);
  }
  /* Accepted edits whose words overlap, as one drawn edit: each one's characters out and its text in. */
  function together(g) {
    var es = g.members.map(function (m) { return m.e; }).sort(function (x, y) { return x.a - y.a || x.b - y.b; });
    var d = [], pos = g.lo;
    es.forEach(function (e) {
      if (e.a > pos) d.push(["=", pos, e.a]);
      if (e.b > e.a) d.push(["-", e.a, e.b]);
      if (e.r) d.push(["+", e.r]);
      pos = Math.max(pos, e.b);
    });
    if (pos < g.hi) d.push(["=", pos, g.hi]);
    var codes = es.map(function (e) { return e.c; }).filter(function (c, i, all) { return all.indexOf(c) === i; });
    return { lo: g.lo, hi: g.hi, e: { id: es[0].id, c: codes.join(", "), x: es[0].x, d: d },
             merged: es.map(function (e) { return e.id; }) };
  }
  /* After a decision: a sentence whose drawn edits would now be others (an accepted edit not drawn) draws its
     text again; its cards stay as they are (and the focus with them). */
  function redrawText(seg) {
    var u = Number(seg.getAttribute("data-u")), a = Number(seg.getAttribute("data-a"));
    var row = view.rows.filter(function (r) { return r.u === u && view.data.units[u].blocks[r.k][0] === a; })[0];
    var old = seg.querySelector(".textcol > .text");
    if (!row || !old || seg.classList.contains("corrected")) return;
    var fresh = renderText(row, view.data.units[u], view.data.units[u].blocks[row.k]);
    fresh.hidden = old.hidden;
    old.replaceWith(fresh);
  }

  function renderText(row, unit, block) {
    var corr = corrections[corrKey(view.n, row.u, block[0])];
    if (corr) return renderCorrected(row, unit, block, corr);
    var box = textBox(block, "text");
    var pos = block[0], end = block[1];
    var taken = drawnEdits(row.eds);
    var last = -1;
    taken.forEach(function (t) {
      if (t.lo < pos || (t.lo === last && t.hi === t.lo) || t.lo < last) return;
      underline(box, unit, pos, t.lo, row.over);
      var span = el("span", "ed " + stateClass(t.e.id));
      span.setAttribute("data-edit", t.e.id);
      if (t.merged) span.setAttribute("data-merged", t.merged.join(" "));
      span.setAttribute("data-a", t.lo);
      span.setAttribute("data-b", t.hi);
      span.title = t.e.c + " (" + t.e.x + " fix): click to review";
      diffNodes(span, unit, t.e, row.over);
      box.appendChild(span);
      pos = t.hi;
      last = t.hi;
    });
    underline(box, unit, pos, Math.max(pos, end), row.over);
    return endBox(box, block);
  }

  /* A corrected sentence: the editor's text as a word diff against the report's text. */
  function renderCorrected(row, unit, block, c) {
    var box = textBox(block, "text corrected");
    underline(box, unit, block[0], c.a, row.over);
    var span = el("span", "corr");
    span.setAttribute("data-corr", corrKey(c.f, c.u, c.a));
    span.title = "your correction";
    if (!c.d) c.d = wordOps(c.a, c.o, c.r, view.data.format === "html");
    diffNodes(span, unit, c, row.over);
    box.appendChild(span);
    underline(box, unit, c.b, Math.max(c.b, block[1]), row.over);
    return endBox(box, block);
  }

  function segTools(c, unit, block) {
    var tools = el("div", "seg-tools");
    if (c) tools.appendChild(el("span", "corr-tag", "your correction"));
    var edit = el("button", "edit-sent", c ? "Edit correction" : "Edit");
    edit.type = "button";
    edit.setAttribute("data-act", "edit");
    var words = Array.from(c ? c.r : unit.cut(block[0], block[4] === undefined ? block[1] : block[4]));
    edit.setAttribute("aria-label", (c ? "Edit your correction: " : "Edit sentence: ") +
                      (words.length > 60 ? words.slice(0, 57).join("") + "\u2026" : words.join("")));
    edit.title = "Post-edit this sentence yourself (e)";
    tools.appendChild(edit);
    if (c) {
      var rev = el("button", "revert-sent", "Revert");
      rev.type = "button";
      rev.setAttribute("data-act", "revert");
      rev.setAttribute("aria-label", "Revert your correction: " +
                       (words.length > 60 ? words.slice(0, 57).join("") + "\u2026" : words.join("")));
      rev.title = "Drop your correction: back to the report's text and the edits' earlier decisions";
      tools.appendChild(rev);
    }
    return tools;
  }

  function tagFor(f) {
    if (f.x === "none") return el("span", "tag human", "needs a human");
    return el("span", "tag " + f.x, f.x + " fix");
  }

  function groupState(ids) {
    if (!ids.length) return "";
    if (ids.every(function (i) { return decisions[i] === "accept"; })) return "accepted";
    if (ids.every(function (i) { return decisions[i] === "reject"; })) return "rejected";
    return "pending";
  }

  /* What a card quotes: its span, marked, with the words around it in its sentence, in a <bdi> so
     that right-to-left text inside cannot reorder the quote; a zero-width span is a caret. */
  var QUOTE_CONTEXT = 36, QUOTE_LONGEST = 160;
  function quote(unit, block, f, md) {
    var lo = Math.min(block[0], f.a), hi = Math.max(block[4] === undefined ? block[1] : block[4], f.a);
    var from = Math.max(lo, f.a - QUOTE_CONTEXT), to = Math.min(hi, f.b + QUOTE_CONTEXT);
    var before = unit.cut(from, f.a).split(/\r\n|\r|\n/), after = f.b < to ? unit.cut(f.b, to).split(/\r\n|\r|\n/) : [""];
    var pre = before.pop(), post = after[0];
    if (before.length === 0 && from > lo) pre = "\u2026" + pre.replace(/^\S*\s?/, "");
    if (after.length === 1 && to < hi) post = post.replace(/\s?\S*$/, "") + "\u2026";
    var q = el("div", "quote"), iso = el("bdi");
    iso.appendChild(textInto(el("span", "ctx"), pre, md));
    var span = f.a < f.b ? unit.cut(f.a, f.b) : "\u2038", mark = el("mark", f.a < f.b ? "" : "caret");
    if (cpLen(span) > QUOTE_LONGEST) {  /* a whole long sentence: its start and its end */
      var all = Array.from(span);
      span = all.slice(0, 100).join("") + " \u2026 " + all.slice(-40).join("");
      mark.classList.add("cut");
    }
    textInto(mark, span, md);
    if (f.a === f.b) mark.title = "something is missing here";
    else if (SENTENCE_WIDE.test(f.c)) mark.title = "start reading here: the finding is about the whole sentence";
    iso.appendChild(mark);
    iso.appendChild(textInto(el("span", "ctx"), post, md));
    q.appendChild(iso);
    return q;
  }

  /* What an edit changes, in whole words (as its diff shows it), for the Accept and Reject buttons'
     names: a screen reader reads "Accept MTF206 on line 3: “oilgas” → “oil and gas”". */
  function describeEdit(unit, e) {
    var short = function (t) { var a = Array.from(t.trim()); return "\u201c" + (a.length > 60 ? a.slice(0, 57).join("") + "\u2026" : a.join("")) + "\u201d"; };
    var r = regionOf(e), lo = Math.min(r[0], e.a), hi = Math.max(r[1], e.b);
    var old = unit.cut(lo, hi), neu = unit.cut(lo, e.a) + e.r + unit.cut(e.b, hi);
    var said = function (t) { return t.trim().replace(/\s+/g, " "); };
    if (said(old) === said(neu)) {
      /* spaces alone change, and the words around read the same before and after ("that ," → "that,", '" the
         prices "' → '"the prices"', as a screen reader says both): say what goes or comes, between which words */
      var parts = [], at = r[0], gone = null;
      var where = function (a, b) {
        var left = /(\S+)\s*$/.exec(unit.cut(Math.max(0, a - 40), a)), right = /^\s*(\S+)/.exec(unit.cut(b, b + 40));
        if (left && right) return " between " + short(left[1]) + " and " + short(right[1]);
        return left ? " after " + short(left[1]) : right ? " before " + short(right[1]) : "";
      };
      var kindOf = function (t) { return /[\r\n]/.test(t) ? "line break" : "space"; };
      var flush = function (put) {
        if (gone === null && !put) return;
        var cut = gone ? unit.cut(gone[0], gone[1]) : "", k = kindOf(cut + put);
        var what = !put ? "delete the " + k + (k === "space" && cpLen(cut) > 1 ? "s" : "")
          : !cut ? "insert a " + k : "change the spacing";
        parts.push(what + (gone ? where(gone[0], gone[1]) : where(at, at)));
        gone = null;
      };
      e.d.forEach(function (op) {
        if (op[0] === "-") { flush(""); gone = [op[1], op[2]]; at = op[2]; }
        else if (op[0] === "+") flush(op[1]);
        else { flush(""); at = op[2]; }
      });
      flush("");
      if (parts.length) return parts.join("; ");
    }
    if (old.trim() && neu.trim()) return short(old) + " \u2192 " + short(neu);
    return old.trim() ? "delete " + short(old) : "insert " + short(neu);
  }

  /* A garbled sentence's findings (MTF120, MTF401–MTF407): their span is only where to start reading the sentence.
     The codes are the report's (meta.sentence_wide: mtfix.model.SENTENCE_WIDE_CODES, the language server's too). */
  var SENTENCE_WIDE = { codes: meta.sentence_wide || [], test: function (c) { return this.codes.indexOf(c) >= 0; } };

  /* What a finding means and what the editor should do, in plain words (its severity, then its fix). */
  var SEV_SAYS = {
    critical: "Critical: do not publish it as it is.",
    major: "Major: decide it before publication.",
    minor: "Minor: need not hold up publication."
  };
  /* The detector's minor verdict on a sentence (kind "verdicts", severity minor; mtfix.model.minor_verdict, as the
     language server's Hint): a suspicion it has on much professional text too (session 45, bench/detector_minors.py),
     told apart from its major verdict in the marks and the card's advice, in the words the report's meta gives
     (meta.suspicion: mtfix.model.SUSPICION_NOTE, the language server's too). */
  function suspicion(f) { return f.kd === "verdicts" && f.s === "minor"; }
  function advice(f) {
    if (suspicion(f))
      return "Minor: " + meta.suspicion + "; it need not hold up publication. No edit: judge the whole sentence, outlined (the marked words are where to start reading): if it reads well, leave it as is (r); else rewrite it (e).";
    var does = f.x === "safe" ? "Safe fix: accept it unless it is wrong here."
      : f.x === "unsafe" ? "Unsafe fix: it may change the meaning; check the source first."
      : f.sg && f.sg.length ? "No edit: try a suggestion, or leave it as is."
      : SENTENCE_WIDE.test(f.c)  /* a garbled sentence: its marked words are where to start reading, not the error */
      ? "No edit: judge the whole sentence, outlined (the marked words are where to start reading): if it is garbled, rewrite it (e); else leave it as is (r)."
      : "No edit: if it is wrong, rewrite it (e); else leave it as is (r).";
    return (SEV_SAYS[f.s] || f.s) + " " + does;
  }

  /* A message's plain words, and the detector's figures at its end ("(detector: p=0.52; inputs: ...)",
     and what corroborated it): set apart on the card, left out of its name and of the desk summary. */
  function plainMessage(m) {
    var at = m.indexOf(" (detector: ");
    return at < 0 ? [m, ""] : [m.slice(0, at), m.slice(at + 1)];
  }

  /* Where a finding is, for the names a screen reader reads: "line 3"; "line 1, column 57" where the line
     has another finding of its rule (a long paragraph on one line: twelve "the the" read apart). */
  function whereOf(data, f) {
    if (!data.alike) {
      data.alike = {};
      data.units.forEach(function (u) { u.f.forEach(function (x) { var key = x.c + "|" + x.l; data.alike[key] = (data.alike[key] || 0) + 1; }); });
    }
    return "line " + f.l + (f.k != null && data.alike[f.c + "|" + f.l] > 1 ? ", column " + f.k : "");
  }

  /* The words a finding with no edit flags, for its card's name, where its message does not quote them:
     MTF401's "Start reading here" is a mark in the quote to the eye, and "here" alone to a screen reader
     (" at “the road will”"; a long span its first words).  An edit's buttons say what it changes. */
  function spokenSpan(unit, f, ids, message) {
    if (ids.length || f.a >= f.b) return "";
    var span = unit.cut(f.a, f.b).replace(/\s+/g, " ").trim();
    if (!/[^\s\p{P}\p{S}]/u.test(span) || message.indexOf(span) >= 0) return "";
    var cps = Array.from(span);
    if (cps.length > 60) span = cps.slice(0, 60).join("").replace(/\s\S*$/, "") + "\u2026";
    return " at \u201c" + span + "\u201d";
  }

  /* The glossary entry a glossary finding enforces (gl: {f: file, l: line, t: term, v: [variant], n: note}):
     the editor sees why a name is changed, by which glossary (their own or a built-in one) and the entry's note
     (session 37: the message said "(glossary)" only). */
  function glossaryEntry(gl) {
    var box = el("div", "gloss");
    box.appendChild(el("span", "gloss-head", "Glossary entry: "));
    if (gl.t) {
      box.appendChild(el("b", null, gl.t));
      if (gl.v && gl.v.length) box.appendChild(document.createTextNode(" (variants: " + gl.v.join(", ") + ")"));
    }
    box.appendChild(el("span", "gloss-where", " \u2014 " + gl.f + (gl.l != null ? ", line " + gl.l : "")));
    if (gl.n) box.appendChild(el("div", "gloss-note", "Note: " + gl.n));
    return box;
  }

  /* cell: the [row, cell] of the table cell the finding's sentence is in (its card, reached by n, names it:
     the text column's "table row 2, cell 1" is not read with the card) */
  function renderCard(data, unit, f, block, cell) {
    var ids = f.e.map(function (i) { return data.edits[i].id; });
    /* "wide": a garbled sentence's finding (MTF120, MTF401–MTF407): while it is current its whole sentence is outlined */
    var card = el("div", "card sev-" + f.s + (ids.length ? " " + groupState(ids) : "") + (SENTENCE_WIDE.test(f.c) ? " wide" : ""));
    card.id = "card-" + f.id;
    card.tabIndex = -1;
    card.setAttribute("role", "group");
    var words = plainMessage(f.m);
    card.setAttribute("aria-label", f.s + " " + f.c + ", " + whereOf(data, f) +
                      (cell ? ", table row " + cell[0] + ", cell " + cell[1] : "") + spokenSpan(unit, f, ids, words[0]) + ": " + words[0]);
    card.setAttribute("data-fid", f.id);
    card.setAttribute("data-a", f.a);
    card.setAttribute("data-b", f.b);
    card.setAttribute("data-fix", f.x);
    if (ids.length) card.setAttribute("data-edits", ids.join(" "));
    var head = el("div", "card-head");
    head.appendChild(el("span", "sev sev-" + f.s, f.s));
    var link = el("a", "code", f.c);
    link.href = "#doc-" + f.c;
    link.setAttribute("data-code", f.c);
    link.title = (docs[f.c] ? docs[f.c].title + " — " : "") + "rule documentation (mtfix explain " + f.c + ")";
    head.appendChild(link);
    if (f.al && f.al.length) head.appendChild(el("span", "also", "also " + f.al.join(", ")));  // merged duplicates
    head.appendChild(el("span", "cat", f.g));
    head.appendChild(el("span", "loc", "line " + f.l));  // the file's line, as `check` reports it
    head.appendChild(tagFor(f));
    card.appendChild(head);
    var msg = el("div", "msg", words[0]);
    if (words[1]) { msg.appendChild(document.createTextNode(" ")); msg.appendChild(el("span", "tech", words[1])); }
    card.appendChild(msg);
    if (f.gl) card.appendChild(glossaryEntry(f.gl));
    card.appendChild(quote(unit, block, f));
    /* what to do, with the button that does it for a whole rule or for a finding with no edit */
    var said = el("div", "advice-row" + (ids.length ? "" : " keeprow"));
    said.appendChild(el("div", "advice", advice(f)));
    card.appendChild(said);
    if (ids.length) {
      var row = el("div", "fixrow"), diffs = el("div", "diffs");
      f.e.forEach(function (i) {
        var e = data.edits[i], d = el("div", "diff");
        diffNodes(d, unit, e, []);
        diffs.appendChild(d);
      });
      row.appendChild(diffs);
      var act = el("div", "decide");
      var acc = el("button", "acc", "Accept"), rej = el("button", "rej", "Reject");
      acc.type = rej.type = "button";
      acc.setAttribute("data-act", "accept");
      rej.setAttribute("data-act", "reject");
      var what = f.c + " on " + whereOf(data, f) + ": " + f.e.map(function (i) { return describeEdit(unit, data.edits[i]); }).join("; ");
      acc.setAttribute("aria-label", "Accept " + what);
      rej.setAttribute("aria-label", "Reject " + what);
      act.appendChild(acc);
      act.appendChild(rej);
      act.appendChild(el("span", "state"));
      row.appendChild(act);
      card.appendChild(row);
      var group = f.e.length ? data.edits[f.e[0]].g : f.c;
      var same = f.x === "safe" ? (view.safeOf[group] || 0) : 0;
      if (same > 1) {  /* one rule's safe edits in this file (a name's: that same fix's), all at once (z undoes) */
        var all = el("button", "rule-all");
        all.type = "button";
        all.setAttribute("data-code", group);
        all.title = "Accept every undecided safe " + group + " edit the filters show in this file that does not overlap an accepted one (z undoes)";
        paintRuleAll(all, undecidedSafe()[group] || 0, same);
        said.appendChild(all);
      }
      paintCard(card);
    } else {
      card.setAttribute("data-chk", chkKey(view.n, f));
      keepButton(data, said, f);
      paintKeep(card);
    }
    if (!ids.length && f.sg && f.sg.length) {
      /* a flag with suggestions: each opens the sentence's text box with it in place of the span */
      var sugg = el("div", "sugg", f.a < f.b ? "Replace \u201c" : "Insert: ");
      if (f.a < f.b) textInto(sugg, unit.cut(f.a, f.b)).appendChild(document.createTextNode("\u201d with: "));
      f.sg.forEach(function (s, i) {
        /* the words the report wrote for it (f.sw: "insert \u201c the\u201d", "delete the space"), the suggestion itself
           otherwise: until session 51 the button trimmed it, and " the" read as "the" */
        var shown = f.sw ? f.sw[i] : s;
        var b = el("button", "sg", shown);
        b.type = "button";
        b.setAttribute("data-sg", s);
        b.title = "Open the sentence with this in place, to read and save (Ctrl+Enter)";
        /* tabbed to, a screen reader said the word alone: name the finding and what it replaces, as Accept does */
        /* f.sw holds every suggestion of the finding: a plain one there is the suggestion itself, quoted as before */
        var worded = shown !== s;
        var put = worded ? shown : "\u201c" + s + "\u201d";
        b.setAttribute("aria-label", "Try " + f.c + " on " + whereOf(data, f) + ": " +
                       (f.a < f.b ? "\u201c" + unit.cut(f.a, f.b).replace(/\s+/g, " ").trim() + "\u201d \u2192 " + put
                                  : worded ? put : "insert " + put));
        sugg.appendChild(b);
      });
      card.appendChild(sugg);
    }
    return card;
  }

  /* What "Accept all N safe …" groups an edit by: its rule, and for a glossary's name fix (MTF301, MTF302) the
     fix itself, "MTF301 'Kestral' → 'Kestrel'" (session 40: "Accept all 4 safe MTF301" on a town's card also
     accepted another name's fix, unseen, where the editor meant this name's places). */
  function groupOf(unit, e) {
    if (!/^MTF30[12]$/.test(e.c)) return e.c;
    return e.c + " \u2018" + unit.cut(e.a, e.b) + "\u2019 \u2192 \u2018" + e.r + "\u2019";
  }

  /* "Accept all N safe MTF105" counts what it would accept: the rule's safe edits the filters show that are
     still undecided (it said the rule's whole count after some were decided, and after all were). */
  function undecidedSafe() {  /* (kept in the view until a decision changes: a card drawn reads it) */
    var data = view && view.data, left = {}, keys = {}, shown;
    if (!data) return left;
    if (view.leftSafe) return view.leftSafe;
    view.leftSafe = left;
    shown = view.shownE;  /* (the filters' edits: the view is made again when a filter changes) */
    var corrected = Object.keys(corrections).length > 0;
    data.edits.forEach(function (e, ei) {
      if (e.x !== "safe" || e.w || !shown[ei] || decisions[e.id] || keys[e.c + " " + e.key] || (corrected && correctionOver(cur, e))) return;
      keys[e.c + " " + e.key] = true;
      left[e.g] = (left[e.g] || 0) + 1;
    });
    return left;
  }
  function paintRuleAll(b, left, same) {
    var code = b.getAttribute("data-code");
    b.textContent = left ? "Accept all " + left + " safe " + code : "All safe " + code + " decided";
    b.setAttribute("aria-label", !left ? "All safe " + code + " edits shown in this file are decided"
      : "Accept all " + left + (left < same ? " undecided" : "") + " safe " + code + " edits shown in this file");
  }
  function paintRuleAlls() {
    if (view) view.leftSafe = null;
    var buttons = document.querySelectorAll("#doc button.rule-all");
    if (!buttons.length) return;
    var left = undecidedSafe();
    buttons.forEach(function (b) { var code = b.getAttribute("data-code"); paintRuleAll(b, left[code] || 0, view.safeOf[code] || 0); });
  }

  /* A finding with no edit: Leave as is (r) ticks it off, as a decision does an edit's finding. */
  function chkKey(n, f) { return n + "|" + f.c + ":" + f.u + ":" + f.a + ":" + f.b; }
  function keepButton(data, row, f) {
    var b = el("button", "keep", "Leave as is");
    b.type = "button";
    b.setAttribute("aria-label", "Leave as is: " + f.c + " on " + whereOf(data, f) + " (the text needs no change)");
    b.title = "The text is right as it is: tick this finding off (r; u or a second click undoes)";
    row.appendChild(b);
    row.appendChild(el("span", "state"));
  }
  /* The accepted edit (of another finding) whose span holds the whole text a finding with no edit flags: that text
     is gone once it is applied ("Gəncə" → "Ganja" leaves nothing of MTF207's "Gəncə" to check), so the finding is
     done while the edit stays accepted (since session 29; it stayed "to check" until ticked off). Not a garbled
     sentence's (MTF120, MTF401–MTF407): its span is only where to start reading the sentence to judge. */
  function replacedBy(data, code, u, a, b) {
    if (!data || !(a < b) || SENTENCE_WIDE.test(code)) return null;
    return near(data, u, a, b).filter(function (e) { return e.a <= a && b <= e.b && decisions[e.id] === "accept"; })[0] || null;
  }
  function paintKeep(card) {
    var key = card.getAttribute("data-chk"), on = !!checked[key], b = card.querySelector("button.keep");
    var at = key.split(":"), fb = Number(at.pop()), fa = Number(at.pop()), fu = Number(at.pop());
    var bar = at.join(":").indexOf("|"), file = Number(at.join(":").slice(0, bar)), code = at.join(":").slice(bar + 1);
    var by = on ? null : replacedBy(cache[file], code, fu, fa, fb);
    card.classList.toggle("kept", on || !!by);
    if (b) { b.classList.toggle("on", on); b.setAttribute("aria-pressed", String(on)); }
    var st = card.querySelector(".keeprow .state");
    if (st) st.textContent = on ? "left as is" : by ? "done: the accepted " + by.c + " edit replaces its text" : "to check";
  }
  /* The other verdicts on the sentence of a garbled sentence's finding `f` (MTF120, MTF401–MTF407: each asks the
     editor to judge the whole sentence, so they are one judgement): MTF401 beside MTF402 and MTF404 on
     "The minister … in the capital spoke." Left as is, or undone, together (since session 47: three keys
     for one sentence, and Shift+R stopped on the next verdict of the sentence just judged). keep() sweeps only
     those the filters show, as every bulk action: under rule=MTF401 its MTF402 and MTF404 are not ticked unseen. */
  function sentenceVerdicts(data, f) {
    if (!SENTENCE_WIDE.test(f.c) || f.e.length) return [];
    var unit = data.units[f.u], k = blockAt(unit, f.a);
    return unit.f.filter(function (g) {
      return g !== f && SENTENCE_WIDE.test(g.c) && !g.e.length && blockAt(unit, g.a) === k;
    });
  }
  function findingOf(fid) {
    var at = String(fid).split(".");
    return view.data.units[at[0]].f[at[1]];
  }
  /* Leave the finding of `card` as is (on) or undo that; returns the keys it changed (its sentence's verdicts too). */
  function keep(card, on) {
    var key = card && card.getAttribute("data-chk");
    if (!key || !!checked[key] === on) return [];
    var flt = filters(), hidden = [], others = sentenceVerdicts(view.data, findingOf(card.getAttribute("data-fid"))).filter(function (g) {
      if (!!checked[chkKey(view.n, g)] === on) return false;
      if (!visible(g, flt)) { hidden.push(g.c); return false; }
      return true;
    });
    var prev = {};
    [key].concat(others.map(function (g) { return chkKey(view.n, g); })).forEach(function (k) {
      prev[k] = !!checked[k];
      if (on) checked[k] = true; else delete checked[k];
    });
    var kb = card.querySelector("button.keep");
    var name = kb ? kb.getAttribute("aria-label").replace(/^Leave as is: /, "").replace(/ \(.*\)$/, "") : "";
    var also = others.length ? ", with " + others.map(function (g) { return g.c; }).join(", ") + " on the same sentence" : "";
    var unseen = hidden.length ? "; " + hidden.join(", ") + " on the same sentence, hidden by the filters, " +
                 (on ? "still to check" : "still left as is") : "";
    pushUndo({ label: (on ? "leave as is" : "undecide") + (name ? " " + name : "") + also, prev: {}, chk: prev, file: cur,
               fid: card.id.slice(5) });
    if (kb) announce((on ? "Left as is: " : "Undecided: ") + name + also + unseen + ".");
    if (others.length) document.querySelectorAll("#doc .card[data-chk]").forEach(function (c) {
      if (c.getAttribute("data-chk") in prev) paintKeep(c);
    });
    else paintKeep(card);
    saved();
    return Object.keys(prev);
  }

  function paintCard(card) {
    var ids = (card.getAttribute("data-edits") || "").split(" ").filter(Boolean);
    if (!ids.length) return;
    var st = groupState(ids);
    card.classList.remove("accepted", "rejected", "pending");
    card.classList.add(st);
    var acc = card.querySelector("button.acc"), rej = card.querySelector("button.rej");
    acc.classList.toggle("on", st === "accepted");
    rej.classList.toggle("on", st === "rejected");
    acc.setAttribute("aria-pressed", st === "accepted");
    rej.setAttribute("aria-pressed", st === "rejected");
    card.querySelector(".state").textContent = st === "pending" ? "undecided" : st;
  }

  function renderRow(row) {
    var unit = view.data.units[row.u], block = unit.blocks[row.k];
    /* a table cell: the first of its row starts a line, the others follow it, indented; after a hidden
       sentence (a filter), the cell shown first starts a line as the first of its row would */
    var cell = row.cell;
    var seg = el("div", "seg" + (block[3] || row.gap ? " para" : "") + (row.gap ? " gap" : "") +
                 (cell ? (cell[1] === 1 && cell[2] === 1 || row.gap ? " cell" : " cell cell-next") : "") +
                 (row.cards.length || row.over.length ? "" : " dim"));
    seg.setAttribute("data-u", row.u);
    seg.setAttribute("data-a", block[0]);
    seg.setAttribute("data-b", block[1]);
    seg.setAttribute("data-e", block[4] === undefined ? block[1] : block[4]);
    var band = el("div", "band" + (block[2] === null ? " none" : ""));
    var score = el("span", "score", block[2] === null ? "–" : Math.round(block[2]));
    score.setAttribute("role", "img");  /* a screen reader says what the number is */
    /* the score after the sentence's safe fixes, where they change it: a sentence they mend (50 → 98) told
       apart from one to rewrite whatever is accepted */
    var fixedTo = block[2] !== null && block[6] != null ? block[6] : null;
    score.setAttribute("aria-label", block[2] === null ? "no fluency score" : "fluency " + Math.round(block[2]) + " of 100" +
                       (fixedTo !== null ? "; " + Math.round(fixedTo) + " after its safe fixes" : ""));
    band.appendChild(score);
    if (block[2] !== null) band.style.setProperty("--fl", block[2]);
    band.title = block[2] === null ? "no score" : "fluency " + block[2].toFixed(1) + " of 100 as it stands" +
                 (fixedTo !== null ? "; " + fixedTo.toFixed(1) + " after its safe fixes" : "");
    seg.appendChild(band);
    var corr = corrections[corrKey(view.n, row.u, block[0])];
    if (corr) seg.classList.add("corrected");
    var col = el("div", "textcol");
    /* the markup lines before a sentence show between two sentences shown (after a hidden one they would
       stand for markup of text that is not there: a table's alignment row under no header) */
    if (block[8] && !row.gap) col.appendChild(markupLines(block[8]));
    /* a cell's first sentence says where the cell is; its later ones only when the one before is hidden */
    if (cell && (cell[2] === 1 || row.gap)) {
      col.appendChild(el("span", "sr-only", "table row " + cell[0] + ", cell " + cell[1] + (cell[2] > 1 ? ", continued: " : ": ")));
    }
    col.appendChild(renderText(row, unit, block));
    if (block[9]) col.appendChild(markupLines(block[9]));
    col.appendChild(segTools(corr, unit, block));
    seg.appendChild(col);
    var cards = el("div", "cards");
    row.cards.forEach(function (f) { cards.appendChild(renderCard(view.data, unit, f, block, cell)); });
    seg.appendChild(cards);
    return seg;
  }

  function renderMore(limit) {
    var doc = $("doc");
    var sentinel = $("more");
    if (sentinel) sentinel.remove();
    var stop = Math.min(view.rows.length, limit === undefined ? view.done + CHUNK : Math.max(limit + 1, view.done));
    var frag = document.createDocumentFragment();
    var lastUnit = view.done > 0 ? view.rows[view.done - 1].u : -1;
    for (var i = view.done; i < stop; i++) {
      var row = view.rows[i];
      var u = view.data.units[row.u];
      if (row.u !== lastUnit && view.data.units.length > 1) {
        frag.appendChild(el("div", "unit-head", (u.id !== null ? "unit " + (u.label || u.id) : "unit " + (row.u + 1)) + " · line " + (u.line + 1)));
      }
      if (row.u !== lastUnit && u.src) {  // bilingual input: what the MT was made from, to judge its meaning
        var src = el("div", "unit-src");
        src.appendChild(el("span", "label", "source"));
        src.appendChild(document.createTextNode(" "));
        var said = el("bdi", "", u.src);  /* a Hebrew or Arabic source reads right to left, isolated */
        said.dir = "auto";
        src.appendChild(said);
        frag.appendChild(src);
      }
      lastUnit = row.u;
      row.cards.forEach(function (f) { view.rowOf[f.id] = i; });
      frag.appendChild(renderRow(row));
    }
    doc.appendChild(frag);
    view.done = stop;
    if (view.done < view.rows.length) {
      var more = el("button", "more", "Show more (" + (view.rows.length - view.done) + " sentences left)");
      more.id = "more";
      more.type = "button";
      more.addEventListener("click", function () { renderMore(); });
      doc.appendChild(more);
      if (window.IntersectionObserver) {
        var io = new IntersectionObserver(function (entries) {
          if (entries.some(function (en) { return en.isIntersecting; })) { io.disconnect(); renderMore(); }
        }, { rootMargin: "600px" });
        io.observe(more);
      }
    }
  }

  function render() {
    var keepPos = view ? view.order[view.pos] : null, sameFile = view && view.n === cur;
    view = prepare(cur);
    var doc = $("doc");
    doc.textContent = "";
    if (!view.total) doc.appendChild(el("div", "empty", "No findings in this file: mtfix has nothing to propose here."));
    else if (!view.rows.length) doc.appendChild(el("div", "empty", "No finding matches the filters."));
    renderMore();
    $("shown-count").textContent = view.shown + " of " + view.total + " findings shown";
    showFacets();
    showProgress();
    if (keepPos) { var p = view.order.indexOf(keepPos); if (p >= 0) view.pos = p; else if (sameFile) view.after = shownAfter(keepPos); }
  }

  /* A filter hid the current finding: where the findings it shows resume after it (n goes there, p to the
     one before), so that the editor goes on from where they were, not from the file's start. */
  function shownAfter(fid) {
    function key(id) {
      var at = id.split("."), u = Number(at[0]), i = Number(at[1]);
      return [u, view.data.units[u].f[i].a, i];
    }
    function before(x, y) { return x[0] !== y[0] ? x[0] < y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2]; }
    var here = key(fid), n = 0;
    while (n < view.order.length && before(key(view.order[n]), here)) n++;
    return n;
  }

  /* Each filter's count: the open file's findings it shows with the other filters as they are
     (severity, fix, category, rule, kind), so that "needs a human 35" reads before ticking it. */
  function showFacets() {
    var data = loadFile(cur), flt = filters(), n = { sev: {}, fix: {}, cat: {}, rule: {}, kind: {} };
    var all = { sev: 0, fix: 0, cat: 0, rule: 0, kind: 0 };
    var keys = { sev: "s", fix: "x", cat: "g", rule: "c", kind: "kd" };
    function pass(f, skip) {
      return (skip === "sev" || flt.sev[f.s]) && (skip === "fix" || flt.fix[f.x]) &&
             (skip === "cat" || !flt.cat || f.g === flt.cat) && (skip === "rule" || !flt.rule || f.c === flt.rule) &&
             (skip === "kind" || !flt.kind || !!flt.kind[f.kd]);
    }
    data.units.forEach(function (u) {
      u.f.forEach(function (f) {
        Object.keys(n).forEach(function (facet) {
          if (!pass(f, facet)) return;
          var v = f[keys[facet]];
          n[facet][v] = (n[facet][v] || 0) + 1;
          all[facet]++;
        });
      });
    });
    document.querySelectorAll("#filters input[name=sev], #filters input[name=fix]").forEach(function (c) {
      var label = c.closest("label"), span = label.querySelector(".count");
      if (!span) { span = el("span", "count"); label.appendChild(span); }
      span.textContent = String(n[c.name][c.value] || 0);
    });
    document.querySelectorAll("#filters input[name=kind]").forEach(function (c) {
      c.closest("label").querySelector(".count").textContent = String(c.value ? n.kind[c.value] || 0 : all.kind);
    });
    showAllKinds();
    [["f-category", "cat"], ["f-rule", "rule"]].forEach(function (pair) {
      Array.from($(pair[0]).options).forEach(function (o) {
        if (!o.hasAttribute("data-label")) o.setAttribute("data-label", o.textContent);
        o.textContent = o.getAttribute("data-label") + " (" + (o.value ? n[pair[1]][o.value] || 0 : all[pair[1]]) + ")";
      });
    });
  }

  function showFile(n, noScroll) {
    if (n < 0 || n >= nFiles) return Promise.resolve();
    return fetchFile(n).then(function () { showLoaded(n, noScroll); });
  }

  /* the current finding of each file left for another (its id), so that coming back to a file (], [, its link,
     the pager) lands where the editor was, as a reload does (until session 35 it started over at the top) */
  var atOf = {};
  function showLoaded(n, noScroll) {
    if (view && view.pos >= 0 && cur !== n) atOf[cur] = view.order[view.pos];
    cur = n;
    document.querySelectorAll(".summary").forEach(function (s) { s.hidden = Number(s.getAttribute("data-file")) !== n; });
    var lost = !document.activeElement || document.activeElement === document.body ||
      !!(document.activeElement.closest && document.activeElement.closest("#doc .seg"));  /* it goes with the file left */
    /* only the file left and the file opened change (each may be out of the list while it is filtered) */
    if (vlist) {  /* the file left and the file opened, if in the page; the opened one's row into view */
      Object.keys(vlist.rendered).forEach(function (i) { paintRow(Number(i)); });
      listReveal(n);
      listStops();
    } else {
      if (onLink) { onLink.classList.remove("on"); onLink.removeAttribute("aria-current"); }
      onLink = linkOf(n);
      if (onLink) { onLink.classList.add("on"); onLink.setAttribute("aria-current", "page"); }  /* not by colour alone */
      if ($("files")) plainStops();
    }
    view = null;
    render();
    var pager = $("file-pager");
    if (pager && nFiles > 1) {
      /* a pager button pressed with the keyboard is made again: the focus goes to its new self (it fell
         to the page's body), or to the other one when this end disables it */
      var pressed = pager.contains(document.activeElement) ? document.activeElement.getAttribute("data-go") : null;
      pager.textContent = "";
      var prev = el("button", "", "‹ previous"), next = el("button", "", "next ›");
      prev.type = next.type = "button";
      prev.disabled = n === 0;
      next.disabled = n === nFiles - 1;
      prev.addEventListener("click", function () { showFile(cur - 1); });
      next.addEventListener("click", function () { showFile(cur + 1); });
      prev.setAttribute("data-go", "prev");
      next.setAttribute("data-go", "next");
      prev.setAttribute("aria-label", "previous file");
      next.setAttribute("aria-label", "next file");
      pager.appendChild(prev);
      pager.appendChild(el("span", "muted", (n + 1) + " / " + nFiles));
      pager.appendChild(next);
      if (pressed) {
        var again = pressed === "next" ? next : prev;
        (again.disabled ? (again === next ? prev : next) : again).focus({ preventScroll: true });
      }
    }
    showProgress();
    showDecisionCount();
    keepAddress();  /* the address names the open file (and the filters set) */
    var back = atOf[n] != null ? view.order.indexOf(atOf[n]) : -1;
    rememberAt();
    if (!noScroll) window.scrollTo(0, 0);
    if (opened++ && nFiles > 1) {
      /* another file (a key, its link, the pager): said, and the focus, if it was on the file left, in the text
         (on the finding the editor was at in this file, if any: that finding is the current one again) */
      if (back >= 0 && (lost || document.activeElement === $("doc"))) setCurrent(back);
      else if (back >= 0) { view.pos = back; markCurrent(); }
      else if (lost) $("doc").focus({ preventScroll: true });
      announce("Opened " + loadFile(n).path + ", file " + (n + 1) + " of " + nFiles + ": " + $("progress").textContent + ".");
    }
  }
  var opened = 0;

  /* ---------- navigation ---------- */
  function setCurrent(pos) {
    if (!view.order.length) return;
    pos = Math.max(0, Math.min(view.order.length - 1, pos));
    var fid = view.order[pos];
    var row = view.rowOf[fid];
    if (row === undefined) {
      var target = view.rows.findIndex(function (r) { return r.cards.some(function (f) { return f.id === fid; }); });
      renderMore(target);
    }
    view.pos = pos;
    view.after = null;
    var card = markCurrent();
    if (!card) return;
    card.focus({ preventScroll: true });
    var seg = card.closest(".seg");
    /* a sentence taller than the window (a long one, or many cards): the card comes to the middle,
       and the sentence, which stays beside its cards (sticky), shows the finding's words */
    var tall = seg && seg.getBoundingClientRect().height > window.innerHeight - 100;
    (tall ? card : seg || card).scrollIntoView({ block: "center", behavior: "auto" });
    if (tall) showWords(seg);
  }

  /* Bring the current finding's words into view inside its sentence (a text taller than the window
     scrolls inside its column), and into the window if they are still out of it. */
  function showWords(seg) {
    var col = seg.querySelector(".textcol"), mark = col && col.querySelector(".text .cur");
    if (!mark) return;
    var top = document.querySelector(".topbar").getBoundingClientRect().bottom;
    if (col.scrollHeight > col.clientHeight) {
      var r = mark.getBoundingClientRect(), c = col.getBoundingClientRect();
      col.scrollTop += r.top - c.top - c.height / 2;
    }
    var m = mark.getBoundingClientRect();
    if (m.top < top || m.bottom > window.innerHeight) {
      window.scrollBy(0, m.top < top ? m.top - top - 20 : m.bottom - window.innerHeight + 20);
    }
  }

  /* n / p: the next or previous finding; at either end of the file it stays and says so (silence left a
     screen reader user unable to tell the end from a key not taken). */
  function step(by) {
    if (!view.order.length) { toast("No finding shown in this file" + (nFiles > 1 ? " (] opens the next file)." : ".")); return; }
    var to = by > 0 ? view.pos + 1 : (view.pos < 0 ? 0 : view.pos - 1);
    if (view.pos < 0 && view.after != null) to = Math.max(0, by > 0 ? view.after : view.after - 1);
    if (to >= view.order.length) {
      toast("This is the last finding of this file" + (cur < nFiles - 1 ? " (] opens the next file)." : "."));
    } else if (to < 0) {
      toast("This is the first finding of this file" + (cur > 0 ? " ([ opens the previous file)." : "."));
    }
    setCurrent(to);
  }

  /* m / Shift+M: the next (step 1) or previous (step -1) finding of major severity or worse that
     the filters show; at the last one the current finding stays and a toast says so. */
  /* Where a jump (m, Shift+N) starts, and what its "none" says: after the current finding; with none,
     where a filter hid it (view.after), else the file's first. */
  function jumpFrom(step) {
    if (view.pos >= 0) return [view.pos + step, step, (step > 0 ? "after" : "before") + " this one."];
    if (view.after != null) return [step > 0 ? view.after : view.after - 1, step, (step > 0 ? "after" : "before") + " where you were."];
    return [0, 1, null];  /* no current finding yet: the first (as p goes to the first) */
  }
  function jumpMajor(step) {
    var from = jumpFrom(step);
    step = from[1];
    for (var p = from[0]; p >= 0 && p < view.order.length; p += step) {
      var at = view.order[p].split(".");
      if (SEV_RANK[view.data.units[at[0]].f[at[1]].s] >= SEV_RANK.major) { setCurrent(p); return; }
    }
    toast("No major finding " + (from[2] || "shown in this file."));
  }

  /* Shift+N / Shift+P: the next / previous finding still to do (of those shown), passing over those
     decided, left as is or in a corrected sentence: after Import… carried most decisions over. */
  function jumpUndone(step) {
    var corr = {};
    Object.keys(corrections).forEach(function (k) {
      var c = corrections[k];
      if (c.f === view.n) (corr[c.u] = corr[c.u] || []).push(corrSpan(c));
    });
    var from = jumpFrom(step);
    step = from[1];
    for (var p = from[0]; p >= 0 && p < view.order.length; p += step) {
      var at = view.order[p].split("."), f = view.data.units[at[0]].f[at[1]];
      if (!findingDone(view.n, view.data, f, corr[f.u])) { setCurrent(p); return; }
    }
    toast("No finding left to do " + (from[2] || "in this file."));
  }

  /* Highlight the current finding (its card, underlines and inline edits); returns its card. */
  function markCurrent() {
    document.querySelectorAll(".cur").forEach(function (n) { n.classList.remove("cur"); });
    if (!view || view.pos < 0) return null;
    var fid = view.order[view.pos];
    var card = $("card-" + fid);
    if (!card) return null;
    rememberAt();
    card.classList.add("cur");
    document.querySelectorAll('#doc [data-f~="' + fid + '"]').forEach(function (n) { n.classList.add("cur"); });
    var ids = (card.getAttribute("data-edits") || "").split(" ").filter(Boolean);
    ids.forEach(function (id) {
      document.querySelectorAll('#doc .ed[data-edit="' + id + '"], #doc .ed[data-merged~="' + id + '"]').forEach(function (n) { n.classList.add("cur"); });
    });
    return card;
  }

  /* Where the editor is (the open file and its current finding), kept apart from the decisions (the
     other tabs redraw on those): a reload opens the same file at the same finding. */
  var atKey = storeKey + ":at", lastAt = "";
  function rememberAt() {
    var at = JSON.stringify({ f: cur, id: view && view.pos >= 0 ? view.order[view.pos] : null });
    if (at === lastAt) return;
    lastAt = at;
    try { localStorage.setItem(atKey, at); } catch (err) { /* storage unavailable */ }
  }
  function storedAt() {
    try {
      var at = JSON.parse(localStorage.getItem(atKey) || "null");
      return at && typeof at.f === "number" && at.f >= 0 && at.f < nFiles ? at : null;
    } catch (err) { return null; }
  }

  /* what a key that acts on the current finding says when there is none (not one yet, or a filter hid it) */
  var NO_CURRENT = "No finding is current: n goes to the next one the filters show.";
  function currentCard() {
    if (!view || view.pos < 0) return null;
    return $("card-" + view.order[view.pos]);
  }

  /* ---------- decisions ---------- */
  function conflicts(a, b) {
    if (a.u !== b.u || a.key === b.key) return false;
    if (a.a === a.b && b.a === b.b) return a.a === b.a;
    if (a.a === a.b) return b.a < a.a && a.a < b.b;
    if (b.a === b.b) return a.a < b.a && b.a < a.b;
    return a.a < b.b && b.a < a.b;
  }

  function setDecision(id, d, quiet) {
    var info = editIndex[id];
    if (!info) return [];
    var data = cache[info.file], e = info.edit, touched = [];
    if (d === "accept") {
      var corr = correctionOver(info.file, e);
      if (corr) {
        if (!quiet) toast("Not accepted: " + e.c + " is inside a sentence you corrected; edit or revert your correction instead.");
        return [];
      }
    }
    var around = near(data, e.u, e.a, e.b);
    around.forEach(function (o) {
      if (o.key === e.key) { if (d) decisions[o.id] = d; else delete decisions[o.id]; touched.push(o.id); }
    });
    if (d === "accept") {
      var dropped = [];
      around.forEach(function (o) {
        if (decisions[o.id] === "accept" && conflicts(e, o)) {
          decisions[o.id] = "reject"; touched.push(o.id); dropped.push(o.c);
          (data.later[o.id] || []).forEach(function (l) {  /* a later pass's edit never stays without its own */
            if (l.id !== e.id && decisions[l.id] === "accept") { decisions[l.id] = "reject"; touched.push(l.id); }
          });
        }
      });
      if (dropped.length && !quiet) toast("Rejected " + dropped.join(", ") + ": it overlaps the edit you accepted.");
    }
    return touched;
  }

  function decide(ids, d) {
    var info = editIndex[ids[0]], what = (d || "undecide") + (info ? " " + info.edit.c : "");
    var acc = document.querySelector('#doc .card[data-edits~="' + ids[0] + '"] button.acc');
    /* named as its buttons are (which of a line's "the the" it was): z says what it undid, and goes back to it */
    if (acc) what = (d || "undecide") + acc.getAttribute("aria-label").replace(/^Accept/, "");
    if (acc) announce((d === "accept" ? "Accepted" : d === "reject" ? "Rejected" : "Undecided") +
                      acc.getAttribute("aria-label").replace(/^Accept/, "") + ".");
    var touched = undoable(what, function () {
      var out = [];
      ids.forEach(function (id) { out = out.concat(setDecision(id, d)); });
      return out;
    }, acc ? acc.closest(".card").id.slice(5) : null);
    repaint(touched);
    saved();
  }

  /* ---------- undo (z): the decisions an action changed, back as they were ---------- */
  /* [{label, prev: {edit id: decision or null}, file}]; emptied by a correction. z undoes the last action of the
     open file (it undid one in the file left behind, out of sight, and the editor pressed it again). */
  /* Shift+Z redoes what z undid in the open file (z one time too many); a new decision there ends the chain. */
  var undoStack = [], redoStack = [];
  function pushUndo(step) {
    undoStack.push(step);
    if (undoStack.length > 200) undoStack.shift();
    redoStack = redoStack.filter(function (r) { return r.file !== step.file; });
  }
  function undoable(label, act, fid) {  /* fid: the finding decided (undo makes it the current one again) */
    var snap = Object.assign({}, decisions), touched = act(), prev = {}, any = false;
    touched.forEach(function (id) {
      if (snap[id] !== decisions[id] && !(id in prev)) { prev[id] = snap[id] || null; any = true; }
    });
    if (any) pushUndo({ label: label, prev: prev, file: cur, fid: fid || null });
    return touched;
  }
  /* put back the decisions of `step` (prev: as they were before it), and return the step that reverses it */
  function swapStep(step) {
    var ids = Object.keys(step.prev), chk = Object.keys(step.chk || {}), back = { prev: {}, chk: {} };
    ids.forEach(function (id) {
      back.prev[id] = decisions[id] || null;
      if (step.prev[id]) decisions[id] = step.prev[id]; else delete decisions[id];
    });
    chk.forEach(function (k) { back.chk[k] = !!checked[k]; if (step.chk[k]) checked[k] = true; else delete checked[k]; });
    repaint(ids);
    document.querySelectorAll("#doc .card[data-chk]").forEach(paintKeep);
    saved();
    var to = step.fid ? view.order.indexOf(step.fid) : -1;
    if (to >= 0) setCurrent(to);  /* the finding whose decision came back: seen, and decided again with a key */
    return { label: step.label, prev: back.prev, chk: back.chk, file: step.file, fid: step.fid,
             n: chk.length ? chk.length + " finding" + (chk.length === 1 ? "" : "s") : ids.length + " edit" + (ids.length === 1 ? "" : "s") };
  }
  function lastOfFile(stack) {
    var at = stack.length - 1;
    while (at >= 0 && stack[at].file !== cur) at--;
    return at >= 0 ? stack.splice(at, 1)[0] : null;
  }
  function undo() {
    var step = lastOfFile(undoStack);
    if (!step) {
      var elsewhere = undoStack.length ? " in this file (the files you decided in have their own: open one to undo there)" : "";
      toast("Nothing to undo" + elsewhere + " (a correction is undone with Revert).");
      return;
    }
    var redo = swapStep(step);
    redoStack.push(redo);
    toast("Undone: " + step.label + " (" + redo.n + "). Shift+Z redoes it.");
  }
  function redo() {
    var step = lastOfFile(redoStack);
    if (!step) { toast("Nothing to redo in this file (Shift+Z redoes what z undid, until the next decision)."); return; }
    var again = swapStep(step);
    undoStack.push(again);
    toast("Redone: " + step.label + " (" + again.n + ").");
  }

  function repaint(ids) {
    var cards = new Set();
    function paint(n, id) {
      n.classList.remove("accepted", "rejected", "pending");
      n.classList.add(stateClass(id));
    }
    if (ids.length > 32) {  /* many (Accept safe edits): one pass over what is on the page */
      var want = new Set(ids);
      document.querySelectorAll("#doc .ed[data-edit]").forEach(function (n) {
        var id = n.getAttribute("data-edit");
        if (want.has(id)) paint(n, id);
      });
      document.querySelectorAll("#doc .card[data-edits]").forEach(function (c) {
        if (c.getAttribute("data-edits").split(" ").some(function (id) { return want.has(id); })) cards.add(c);
      });
    } else {
      ids.forEach(function (id) {
        document.querySelectorAll('#doc .ed[data-edit="' + id + '"]').forEach(function (n) { paint(n, id); });
        document.querySelectorAll('#doc .card[data-edits~="' + id + '"]').forEach(function (c) { cards.add(c); });
      });
    }
    cards.forEach(paintCard);
    document.querySelectorAll("#doc .card[data-chk]").forEach(paintKeep);  /* a finding an accepted edit replaces */
    /* an accepted edit not drawn (another overlapping it was drawn instead), or one drawn together with others
       and no longer accepted: its sentence draws its text again */
    var segs = new Set();
    cards.forEach(function (c) {
      var seg = c.closest(".seg");
      var stale = seg && c.getAttribute("data-edits").split(" ").some(function (id) {
        var drawn = seg.querySelector('.text .ed[data-edit="' + id + '"], .text .ed[data-merged~="' + id + '"]');
        return decisions[id] === "accept" ? !drawn : !!(drawn && drawn.hasAttribute("data-merged"));
      });
      if (stale) segs.add(seg);
    });
    if (segs.size) { segs.forEach(redrawText); markCurrent(); }
  }

  /* ---------- the editor's corrections ---------- */
  function corrKey(f, u, a) { return f + ":" + u + ":" + a; }
  function corrSpan(c) { return { u: c.u, a: c.a, b: c.b, key: "correction" }; }

  function correctionOver(f, e) {
    var keys = Object.keys(corrections);
    for (var i = 0; i < keys.length; i++) {
      var c = corrections[keys[i]];
      if (c.f === f && conflicts(corrSpan(c), e)) return c;
    }
    return null;
  }

  /* The sentence [a, b) of unit u as it stands: the report's text with the accepted edits inside it. */
  /* With ``extra`` (a suggestion {a, b, r}) put in too: its text and where it starts ({text, at}),
     or null when an accepted edit overlaps it. */
  function currentText(data, u, a, b, extra) {
    var unit = data.units[u], span = { u: u, a: a, b: b, key: "correction" }, seen = {}, out = "", pos = a, at = -1;
    var list = near(data, u, a, b).filter(function (e) {
      if (decisions[e.id] !== "accept" || e.a < a || e.b > b || !conflicts(span, e) || seen[e.key]) return false;
      seen[e.key] = true;
      return true;
    });
    if (extra) {
      var mine = { u: u, a: extra.a, b: extra.b, r: extra.r, key: "suggestion" };
      if (list.some(function (e) { return conflicts(mine, e) || (e.a === e.b && e.a === mine.a && mine.a === mine.b); })) return null;
      list.push(mine);
    }
    list.sort(function (x, y) { return x.a - y.a || x.b - y.b; }).forEach(function (e) {
      out += unit.cut(pos, e.a);
      if (e.key === "suggestion") at = out.length;
      out += e.r;
      pos = e.b;
    });
    out += unit.cut(pos, b);
    return extra ? { text: out, at: at } : out;
  }

  function plainNewlines(text) { return text.replace(/\r\n?/g, "\n"); }
  /* A text box gives "\n" for every line break: give back those of ``original`` (the sentence's,
     or the unit's when the sentence has none: a line break added to a CRLF file is a CRLF). */
  function ownNewlines(original, text) {
    if (original.indexOf("\r\n") >= 0) return text.replace(/\r?\n/g, "\r\n");
    if (original.indexOf("\r") >= 0 && original.indexOf("\n") < 0) return text.replace(/\n/g, "\r");
    return text;
  }

  function setCorrection(f, u, a, b, r, note) {
    undoStack.length = 0; redoStack = [];  /* the decisions a correction rejected come back with Revert, not z */
    var data = cache[f], key = corrKey(f, u, a), old = corrections[key];
    var prev = old ? old.p : {}, span = { u: u, a: a, b: b, key: "correction" };
    var wasAccepted = 0, wasOpen = 0, touched = [];
    near(data, u, a, b).forEach(function (e) {
      if (!conflicts(span, e) || decisions[e.id] === "reject") return;
      if (!Object.prototype.hasOwnProperty.call(prev, e.id)) prev[e.id] = decisions[e.id] || null;
      if (decisions[e.id] === "accept") wasAccepted++; else wasOpen++;
      decisions[e.id] = "reject";
      touched.push(e.id);
    });
    corrections[key] = { f: f, u: u, a: a, b: b, o: data.units[u].cut(a, b), r: r, p: prev };
    var msg = "Saved your correction" + (note || "");
    if (wasAccepted) msg += "; " + wasAccepted + " accepted edit" + (wasAccepted === 1 ? "" : "s") + " inside the sentence now rejected (your text replaces them)";
    if (wasOpen) msg += "; " + wasOpen + " undecided edit" + (wasOpen === 1 ? "" : "s") + " inside it rejected";
    toast(msg + ".");
    return touched;
  }

  function dropCorrection(key, quiet) {
    var c = corrections[key];
    if (!c) return [];
    undoStack.length = 0; redoStack = [];
    delete corrections[key];
    var touched = [], restored = 0;
    Object.keys(c.p).forEach(function (id) {
      if (decisions[id] !== "reject" || !editIndex[id]) return;  /* decided again since: keep that */
      restored++;
      if (c.p[id] === "accept") touched = touched.concat(setDecision(id, "accept", true));
      else { delete decisions[id]; touched.push(id); }
    });
    if (!quiet) toast("Reverted your correction" + (restored === 1 ? "; the 1 edit inside it is as you had decided it" : restored ? "; the " + restored + " edits inside it are as you had decided them" : "") + ".");
    return touched;
  }

  function segOf(node) { return node && node.closest ? node.closest("#doc .seg") : null; }

  function rerender(seg) {
    var u = Number(seg.getAttribute("data-u")), a = Number(seg.getAttribute("data-a"));
    var row = view.rows.filter(function (r) { return r.u === u && view.data.units[u].blocks[r.k][0] === a; })[0];
    if (!row) return null;
    var fresh = renderRow(row);
    seg.replaceWith(fresh);
    markCurrent();
    return fresh;
  }

  /* sub: {a, b, r}, a finding's suggestion to put in place of [a, b) (the editor reads and saves it);
     draft: a box open when another tab saved (see openDrafts), opened again with its text as typed */
  function openEditor(seg, sub, draft) {
    if (!seg) return;
    var open = seg.querySelector(".editor textarea");
    if (open) { open.focus(); return; }
    var u = Number(seg.getAttribute("data-u")), a = Number(seg.getAttribute("data-a")), b = Number(seg.getAttribute("data-e"));
    var c = corrections[corrKey(view.n, u, a)];
    var before = c ? c.r : currentText(view.data, u, a, b);
    var value = before, mark = null;
    if (sub) {  /* into the sentence as it stands; not over your correction, an accepted edit, or an
                   undecided edit at the span (the suggestion is for the text that edit leaves) */
      var open2 = near(view.data, u, sub.a, sub.b).filter(function (e) {
        return !decisions[e.id] && e.b >= sub.a && e.a <= sub.b;
      });
      var put = c || sub.a < a || sub.b > b || open2.length ? null : currentText(view.data, u, a, b, sub);
      if (open2.length) { toast("Accept or reject " + open2[0].c + " first: it changes the text of this finding."); return; }
      if (!put) toast("Type \u201c" + sub.r.trim() + "\u201d in yourself: " + (c ? "you corrected this sentence." :
                      sub.b > b || sub.a < a ? "the finding reaches into the next sentence." :
                      "an edit you accepted changes the flagged text."));
      else {
        value = put.text;
        mark = [put.at, put.at + sub.r.length];
      }
    }
    if (draft) { value = draft.text; mark = draft.sel; }
    var box = el("div", "editor");
    box.before = draft ? draft.before : before;  /* what the sentence read when the box was first opened */
    if (draft && draft.before !== before) {  /* the other tab changed this very sentence */
      var stale = el("p", "stale", "Changed in another tab since you opened this box; it now reads: \u201c" + before +
                     "\u201d. Save puts your text in its place; Cancel (Esc) keeps it.");
      stale.setAttribute("role", "alert");
      box.appendChild(stale);
    }
    var ta = el("textarea");
    ta.value = value;
    ta.rows = Math.min(12, Math.max(2, Math.ceil(before.length / 70) + (before.match(/\n/g) || []).length));
    ta.spellcheck = true;
    ta.setAttribute("aria-label", "Your correction of this sentence");
    var bar = el("div", "editor-bar");
    var save = el("button", "primary save", "Save"), cancel = el("button", "cancel", "Cancel");
    save.type = cancel.type = "button";
    bar.appendChild(save);
    bar.appendChild(cancel);
    bar.appendChild(el("span", "muted hint", "Ctrl+Enter saves · Esc cancels"));
    box.appendChild(ta);
    box.appendChild(bar);
    var col = seg.querySelector(".textcol");
    col.querySelector(".text").hidden = true;
    col.querySelector(".seg-tools").hidden = true;
    col.appendChild(box);
    function close() {
      box.remove();
      col.querySelector(".text").hidden = false;
      col.querySelector(".seg-tools").hidden = false;
      focusIn(seg);
    }
    function commit() { saveEditor(seg, u, a, b, before, ta.value, close); }
    save.addEventListener("click", commit);
    cancel.addEventListener("click", close);
    ta.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { ev.preventDefault(); ev.stopPropagation(); close(); }
      else if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); ev.stopPropagation(); commit(); }
    });
    if (!draft || draft.focused) ta.focus({ preventScroll: true });
    if (mark) ta.setSelectionRange(mark[0], mark[1]); else ta.setSelectionRange(ta.value.length, ta.value.length);
    if (!draft) seg.scrollIntoView({ block: "nearest", behavior: "auto" });
  }

  /* The correction boxes open in this tab, before the page is drawn again with another tab's
     decisions: render() would drop them with the text typed in them. */
  function openDrafts() {
    return Array.from(document.querySelectorAll("#doc .editor")).map(function (box) {
      var seg = segOf(box), ta = box.querySelector("textarea");
      return { u: seg.getAttribute("data-u"), a: seg.getAttribute("data-a"), before: box.before, text: ta.value,
               sel: [ta.selectionStart, ta.selectionEnd], focused: document.activeElement === ta };
    });
  }
  /* ... and open again, as typed, once the page is drawn; nothing is saved until the editor saves. */
  function reopenDrafts(drafts) {
    drafts.forEach(function (d) {
      var at = view.rows.findIndex(function (r) { return String(r.u) === d.u && String(view.data.units[r.u].blocks[r.k][0]) === d.a; });
      if (at < 0) return;
      renderMore(at);
      openEditor(document.querySelector('#doc .seg[data-u="' + d.u + '"][data-a="' + d.a + '"]'), null, d);
    });
  }

  /* XLIFF and TMX show a unit's inline markup as tags (<x id="2"/>); the file cannot hold a text
     without them (fix --decisions refuses it). The tags of the original that the text lacks, in order. */
  var TAG = /<\/?[A-Za-z][^<>]*>/g;
  function lostTags(format, original, text) {
    if (format !== "xliff" && format !== "tmx") return [];
    var at = 0, lost = [];
    (original.match(TAG) || []).forEach(function (t) {
      var k = text.indexOf(t, at);
      if (k < 0) lost.push(t); else at = k + t.length;
    });
    return lost;
  }

  /* A page's sentence is HTML as written: a correction keeps its markup (template spans, comments, elements
     protected whole, tags with their attributes) exactly, in order, and its text is page text (a bare "<" or "&"
     is written "&lt;" / "&amp;"); as mtfix/review/pagemarkup.py checks them for fix --decisions. */
  var TEMPLATE_SPAN = /\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}|<\?(?:php\b|=)[\s\S]*?(?:\?>|$)|<%[\s\S]*?%>|\$\{[^{}\n]*\}/gi;
  var ATTRS = "(?:[^<>\"']|\"[^\"]*\"|'[^']*')*";
  var KEPT_MARKUP = new RegExp("<!--[\\s\\S]*?-->|<![^<>]*>|<(script|style|template|pre|code|kbd|samp|textarea|svg|" +
    "math|noscript|iframe|object)\\b" + ATTRS + ">[\\s\\S]*?</\\1\\s*>|</?[A-Za-z][^\\s/<>]*" + ATTRS + ">", "gi");
  var PAGE_REF = /&(?:#[0-9]+;|#[xX][0-9A-Fa-f]+;|([A-Za-z][A-Za-z0-9]*;))/y;
  var KEEP_MARKUP = "keep every tag, template span and comment of the sentence as it was, in order (the page needs them)";
  function spansOf(re, text) {
    var out = [], m;
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      out.push([m.index, m.index + m[0].length]);
      if (!m[0].length) re.lastIndex++;
    }
    return out;
  }
  function pageMarkup(text) {
    var templates = spansOf(TEMPLATE_SPAN, text).filter(function (t) { return !/<\/(?:script|style)\b/i.test(text.slice(t[0], t[1])); });
    var masked = text;
    templates.forEach(function (t) { masked = masked.slice(0, t[0]) + "x".repeat(t[1] - t[0]) + masked.slice(t[1]); });
    var tags = spansOf(KEPT_MARKUP, masked);
    return tags.concat(templates.filter(function (t) {
      return !tags.some(function (g) { return g[0] <= t[0] && t[1] <= g[1]; });
    })).sort(function (x, y) { return x[0] - y[0]; });
  }
  /* a Markdown sentence's markup a post-edit keeps: links' destinations, autolinks, code spans, inline HTML */
  var MD_KEPT = /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)|\]\[[^\[\]]*\]|<(?:https?|mailto|ftp):[^<>\s]+>|``[^`]+``|`[^`]+`|<\/?[A-Za-z][^<>]*>/gi;
  var KEEP_MD = "keep every link destination, code span and inline HTML tag of the sentence as it was, in order";
  /* the emphasis marks of a Markdown text outside its kept markup: its runs of "*" or "~" ("**" is one) */
  function emphasisMarks(text) {
    var spans = spansOf(MD_KEPT, text), n = 0;
    for (var k = 0; k < text.length; k++) {
      if ((text[k] === "*" || text[k] === "~") && text[k - 1] !== text[k] &&
          !spans.some(function (s) { return s[0] <= k && k < s[1]; })) n++;
    }
    return n;
  }
  var refParser = null;
  /* What a named reference reads as in a browser ("&eacute;" -> "é"), or null for a name it does not know ("&notx;",
     read as "¬x;"); read by an inert DOMParser document (no script runs in one), only for a string that is "&",
     letters and digits, ";" */
  function namedRef(ref) {
    if (!/^&[A-Za-z][A-Za-z0-9]*;$/.test(ref)) return null;
    refParser = refParser || new DOMParser();
    var v = refParser.parseFromString("<p>" + ref, "text/html").body.textContent;
    return v !== ref && (v.slice(-1) !== ";" || v === ";") ? v : null;
  }
  function knownRef(ref) { return namedRef(ref) !== null; }
  function bareAt(text) {
    var spans = pageMarkup(text), out = [];
    for (var k = 0; k < text.length; k++) {
      var ch = text[k];
      if (ch !== "<" && ch !== "&") continue;
      if (spans.some(function (s) { return s[0] <= k && k < s[1]; })) continue;
      if (ch === "&") {
        PAGE_REF.lastIndex = k;
        var m = PAGE_REF.exec(text);
        if (m && (!m[1] || knownRef(m[0]))) continue;
      }
      out.push(k);
    }
    return out;
  }
  function escapeBare(text) {
    var out = "", pos = 0;
    bareAt(text).forEach(function (k) { out += text.slice(pos, k) + (text[k] === "<" ? "&lt;" : "&amp;"); pos = k + 1; });
    return out + text.slice(pos);
  }
  function markupKind(t) {
    if (/^(?:\]\(|\]\[|<(?:https?|mailto|ftp):)/i.test(t)) return "link";
    if (t[0] === "`") return "code span";
    if (t.slice(0, 4) === "<!--") return "comment";
    if (t[0] === "<" && t[1] !== "?" && t[1] !== "%") return t.split("<").length === 2 || !/[A-Za-z]/.test(t[1]) ? "tag" : "element";
    return "template span";
  }
  function markupName(t) {
    var m = /^<(\/?[A-Za-z][^\s\/<>]*)/.exec(t), kind = markupKind(t);
    return m && kind !== "element" ? m[1].toLowerCase() : kind;
  }
  function markupListed(tokens) {
    var kinds = {}, word, list = tokens.join(", ");  /* every one (session 30: the first three and a count) */
    tokens.forEach(function (t) { kinds[markupKind(t)] = true; });
    word = Object.keys(kinds).length === 1 ? Object.keys(kinds)[0] : "markup";
    return "the " + word + (tokens.length > 1 && word !== "markup" ? "s " : " ") + list;
  }
  function without(list, other) {  /* list's items that other lacks (as many times as it lacks them), by first place */
    var left = {}, out = [];
    other.forEach(function (t) { left[t] = (left[t] || 0) + 1; });
    list.forEach(function (t) { if (left[t]) left[t]--; else out.push(t); });
    return out.sort(function (x, y) { return list.indexOf(x) - list.indexOf(y); });
  }
  /* null when text keeps original's markup exactly and in order; else what it did ("drops the tag </a>") */
  function markupChange(original, text, format) {
    var spans = format === "markdown" ? function (t) { return spansOf(MD_KEPT, t); } : pageMarkup;
    var was = spans(original).map(function (s) { return original.slice(s[0], s[1]); });
    var now = spans(text).map(function (s) { return text.slice(s[0], s[1]); });
    if (was.join("\u0000") === now.join("\u0000") && was.length === now.length) return null;
    var lost = without(was, now), added = without(now, was);
    if (!lost.length && !added.length) {
      for (var i = 0; i < was.length; i++) if (was[i] !== now[i]) return "moves " + markupListed([was[i]]);
    }
    return markupChanges(lost, added);
  }
  /* every piece lost or added, as mtfix/review/pagemarkup.py's _changes says it: a lost token with the name of an
     added one is changed to the first such, the rest dropped and added (each named) */
  function markupChanges(lost, added) {
    var left = added.slice(), pairs = [], dropped = [], parts = [];
    lost.forEach(function (t) {
      var k = -1;
      for (var i = 0; i < left.length && k < 0; i++) if (markupName(left[i]) === markupName(t)) k = i;
      if (k < 0) dropped.push(t); else pairs.push([t, left.splice(k, 1)[0]]);
    });
    if (pairs.length) parts.push("changes " + pairs.map(function (p) { return markupListed([p[0]]) + " to " + p[1]; }).join(", "));
    if (dropped.length) parts.push("drops " + markupListed(dropped));
    if (left.length) parts.push("adds " + markupListed(left));
    return parts.length === 1 ? parts[0] : parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1];
  }

  /* Whether a correction (an imported one: a decisions file edited by hand) can be written into a file of this
     format: a page's keeps the sentence's markup and holds no bare "<" or "&" (fix --decisions refuses it). */
  function pageKeeps(format, original, text) {
    if (format === "markdown") return !markupChange(original, text, format);
    return format !== "html" || (!markupChange(original, text) && !bareAt(text).length);
  }

  function saveEditor(seg, u, a, b, before, value, close) {
    var key = corrKey(view.n, u, a), original = view.data.units[u].cut(a, b);
    if (plainNewlines(value) === plainNewlines(before)) { close(); toast("No change."); return; }
    var lost = lostTags(view.data.format, original, value);
    if (lost.length) {  /* the editor stays open, with the text as typed */
      toast("Not saved: keep the inline tag" + (lost.length === 1 ? " " : "s ") + lost.join(" ") +
            " as they were, in order: the file cannot hold the text without them.");
      return;
    }
    var note = "";
    if (view.data.format === "html") {
      var change = markupChange(original, value);
      if (change) {  /* the editor stays open, with the text as typed */
        toast("Not saved: your text " + change + ": " + KEEP_MARKUP + ".");
        return;
      }
      var escaped = escapeBare(value), typed = [];
      if (escaped !== value) {
        bareAt(value).forEach(function (k) { var w = value[k] === "<" ? "\u201c<\u201d as &lt;" : "\u201c&\u201d as &amp;"; if (typed.indexOf(w) < 0) typed.push(w); });
        note = "; your " + typed.join(" and ") + " (page text)";
        value = escaped;
      }
    }
    if (view.data.format === "markdown") {
      var mdChange = markupChange(original, value, "markdown");
      if (mdChange) {
        toast("Not saved: your text " + mdChange + ": " + KEEP_MD + ".");
        return;
      }
      var had = emphasisMarks(original), has = emphasisMarks(value);
      if (had !== has) {  /* bold and italics are the editor's to change: said, not refused */
        note = "; note: it has " + has + " emphasis mark" + (has === 1 ? "" : "s") + " (** or * or ~~) where the sentence had " + had +
               (has % 2 ? ": one may be unpaired and show as itself" : "") + "; check its bold and italics";
      }
    }
    value = ownNewlines(/[\r\n]/.test(original) ? original : view.data.units[u].text, value);  /* else the file's */
    var touched;
    if (value === original && currentText(view.data, u, a, b) === original) {
      touched = dropCorrection(key, true);  /* back to the report's text: nothing to correct */
      toast("Back to the report's text: no correction.");
    } else {
      touched = setCorrection(view.n, u, a, b, value, note);
    }
    var fresh = rerender(seg);
    repaint(touched);
    saved();
    focusIn(fresh);
  }

  /* After the text box or Revert went away with the focus in it: the focus stays on the sentence (its
     current card, else its Edit button); it fell to the page's body, and a screen reader lost its place. */
  function focusIn(seg) {
    if (!seg || !seg.isConnected) return;
    var card = currentCard(), to = card && seg.contains(card) ? card : seg.querySelector("button.edit-sent");
    if (to) to.focus({ preventScroll: true });
  }

  function revert(seg) {
    var key = corrKey(view.n, Number(seg.getAttribute("data-u")), Number(seg.getAttribute("data-a")));
    var touched = dropCorrection(key);
    var fresh = rerender(seg);
    repaint(touched);
    saved();
    focusIn(fresh);
  }

  function exportData() {
    var byFile = {};
    Object.keys(decisions).forEach(function (id) {
      var info = editIndex[id];
      if (!info) return;
      (byFile[info.file] = byFile[info.file] || []).push(info.edit);
    });
    var corrByFile = {}, nCorr = 0;
    Object.keys(corrections).forEach(function (k) {
      var c = corrections[k];
      if (!cache[c.f]) return;
      (corrByFile[c.f] = corrByFile[c.f] || []).push(c);
      nCorr++;
    });
    var chkByFile = {};  /* findings left as is: for people and for Import (fix --decisions reads none of it) */
    Object.keys(checked).forEach(function (k) {
      var n = k.split("|")[0], at = k.slice(n.length + 1).split(":");
      if (!cache[n]) return;
      (chkByFile[n] = chkByFile[n] || []).push({ code: at[0], unit: Number(at[1]), start: Number(at[2]), end: Number(at[3]) });
    });
    var nums = Object.keys(byFile).concat(Object.keys(corrByFile), Object.keys(chkByFile))
      .filter(function (k, i, all) { return all.indexOf(k) === i; });
    var files = nums.map(Number).sort(function (a, b) { return a - b; }).map(function (n) {
      var data = cache[n];
      var list = (byFile[n] || []).sort(function (x, y) { return x.u - y.u || x.a - y.a || x.b - y.b || (x.c < y.c ? -1 : 1); });
      var entry = {
        path: data.path, digest: data.digest,
        decisions: list.map(function (e) {
          var s = sentenceOf(data.units[e.u], e.a);
          return { id: e.pid, decision: decisions[e.id], code: e.c, unit: e.u, start: e.a, end: e.b,
                   original: e.o, replacement: e.r, safety: e.x, sentence: s.text, sentence_offset: e.a - s.start };
        })
      };
      if (corrByFile[n]) {
        entry.corrections = corrByFile[n].sort(function (x, y) { return x.u - y.u || x.a - y.a; }).map(function (c) {
          return { unit: c.u, start: c.a, end: c.b, original: c.o, replacement: c.r };
        });
      }
      if (chkByFile[n]) {
        chkByFile[n].forEach(function (c) {
          var s = sentenceOf(data.units[c.unit], c.start);
          c.sentence = s.text;
          c.sentence_offset = c.start - s.start;
        });
        entry.checked = chkByFile[n].sort(function (x, y) { return x.unit - y.unit || x.start - y.start || x.end - y.end || (x.code < y.code ? -1 : 1); });
      }
      return entry;
    });
    /* version 2 only when there are corrections: an mtfix that reads only version 1 refuses such a
       file instead of applying the edits without the corrections */
    var version = nCorr ? (meta.corrections_version || 2) : meta.version;
    return { format: meta.format, version: version, signature: meta.signature, report_created: meta.created,
             exported: new Date().toISOString().replace(/\.\d+Z$/, "Z"), files: files };
  }

  function saved() {
    showCount();
    var kept = Object.keys(corrections).map(function (k) {
      var c = corrections[k];
      return { f: c.f, u: c.u, a: c.a, b: c.b, o: c.o, r: c.r, p: c.p };
    });
    try { localStorage.setItem(storeKey, JSON.stringify({ v: 3, decisions: decisions, corrections: kept, checked: Object.keys(checked) })); }
    catch (err) { /* storage unavailable */ }
  }

  /* Progress: the proposed edits decided and left, in the open file (top bar) and in each file (the
     file list; a file not opened yet has none decided, as its count from the report says). */
  /* each file's link and "N left" in the file list, found once, before any filter takes links out of the list (a
     query per file per decision took long in 10,000 files) */
  var fileLinks = null, leftLinks = null, onLink = null;
  function linkOf(n) {
    if (!fileLinks) {
      fileLinks = {};
      leftLinks = {};
      document.querySelectorAll("#files a[data-file]").forEach(function (a) {
        fileLinks[a.getAttribute("data-file")] = a;
        var x = a.querySelector(".left");
        if (x) leftLinks[a.getAttribute("data-file")] = x;
      });
    }
    return fileLinks[n] || null;
  }
  function leftLink(n) {
    linkOf(n);
    return leftLinks[n] || null;
  }
  /* A file's findings by severity as its link says ("critical:0 major:1 minor:2"), as [severity, count, ...]: read
     once (split on every pass over 10,000 files, it was the most of the page's script when it opened: session 31). */
  var sevParsed = [];
  function sevCounts(n, link) {
    if (sevParsed[n]) return sevParsed[n];
    var sevs = vlist ? vlist.sev[n] : link && link.getAttribute("data-sev"), out = [];
    (sevs ? sevs.split(" ") : []).forEach(function (p) {
      var kv = p.split(":");
      out.push(kv[0], Number(kv[1]));
    });
    return (sevParsed[n] = out);
  }
  function showProgress() {
    var leftAll = 0, any = false, corr = {}, flt = filters();
    Object.keys(corrections).forEach(function (k) {
      var c = corrections[k];
      (corr[c.f + ":" + c.u] = corr[c.f + ":" + c.u] || []).push(corrSpan(c));
    });
    for (var n = 0; n < nFiles; n++) {
      var link = vlist ? null : leftLink(n), total = 0, left = 0;
      if (cache[n]) {
        cache[n].units.forEach(function (u) {
          u.f.forEach(function (f) {
            if (!visible(f, flt)) return;
            total++;
            if (!findingDone(n, cache[n], f, corr[n + ":" + f.u])) left++;
          });
        });
      } else {  /* not opened yet, so nothing decided: its findings of the severities shown */
        var counts = sevCounts(n, link);
        for (var k = 0; k < counts.length; k += 2) if (flt.sev[counts[k]]) total += counts[k + 1];
        left = total;
      }
      leftAll += left;
      any = any || total > 0;
      var said = left ? left + " left" : total ? "done" : "";
      if (vlist && vlist.sev[n] !== null && (vlist.said[n] !== said || vlist.done[n] !== !left)) {
        vlist.said[n] = said;  /* a row out of the page shows it when it is put in */
        vlist.done[n] = !left;
        paintRow(n);
      }
      if (link) {  /* changed only where it changes: 10,000 links written on every decision took seconds */
        if (link.textContent !== said) link.textContent = said;
        if (link.classList.contains("done") !== !left) link.classList.toggle("done", !left);
      }
      if (n === cur) {
        if (cache[n]) scoreNote(n, cache[n]);
        var p = $("progress");
        p.textContent = total ? (total - left) + " of " + total + " findings done \u00b7 " + left + " left" : "no findings";
        p.classList.toggle("done", total > 0 && !left);
      }
    }
    $("progress").title = "Findings of this file the filters show that are done: every edit accepted or rejected, left " +
      "as is, or in a sentence you corrected" + (nFiles > 1 && any ? "; " + leftAll + " left in all " + nFiles + " files" : "");
  }
  /* The summary's "after" is the score after the safe fixes `mtfix fix` applies, computed by mtfix's scorer when the
     report was made. A decision that differs from them (an unsafe fix accepted, a safe one rejected, a sentence
     corrected) changes the text the scorer would read: its new segments, word statistics and the garble
     detector's verdict, which only mtfix computes, for any of the 2^N sets of decisions. So the page does not
     re-score; it says, beside the figure, that the decisions differ and how to score what they write (session 36;
     until then it said nothing). */
  function scoreNote(n, data) {
    var box = document.querySelector("#summary-" + n + " .stat.fluency");
    if (!box) return;
    var unsafe = 0, safe = 0, fixed = 0;
    data.edits.forEach(function (e) {
      var d = decisions[e.id];
      if (e.x === "unsafe" && d === "accept") unsafe++;
      else if (e.x === "safe" && d === "reject") safe++;
    });
    Object.keys(corrections).forEach(function (k) { if (Number(corrections[k].f) === n) fixed++; });
    var parts = [];
    if (unsafe) parts.push(unsafe + " unsafe fix" + (unsafe === 1 ? "" : "es") + " accepted");
    if (safe) parts.push(safe + " safe fix" + (safe === 1 ? "" : "es") + " rejected");
    if (fixed) parts.push(fixed + " sentence" + (fixed === 1 ? "" : "s") + " corrected");
    var note = box.querySelector(".fl-note");
    if (!note && !parts.length) return;
    if (!note) { note = el("div", "muted fl-note"); box.appendChild(note); }
    note.hidden = !parts.length;
    var say = parts.length ? "Your decisions differ from the safe fixes (" + parts.join(", ") + "): the score after " +
      "is not theirs. Export, apply them with mtfix fix --decisions, then mtfix score FILE for it." : "";
    if (note.textContent !== say) note.textContent = say;
  }
  /* A finding is done when its edits are all decided, or (no edit) it is left as is or corrected. */
  function findingDone(n, data, f, corr) {
    if (f.e.length) return f.e.every(function (i) { return decisions[data.edits[i].id]; });
    if (checked[chkKey(n, f)] || replacedBy(data, f.c, f.u, f.a, f.b)) return true;
    var me = { u: f.u, a: f.a, b: f.b, key: "finding" };
    return !!corr && corr.some(function (c) { return conflicts(c, me) || (f.a === f.b && c.a <= f.a && f.a <= c.b); });
  }

  function showCount() {
    showProgress();
    paintRuleAlls();
    var json = JSON.stringify(exportData(), null, 1);
    $("decisions-json").value = json;
    showDecisionCount();
  }
  function showDecisionCount() {
    var all = countOf(Object.keys(decisions), Object.keys(corrections));
    /* the report's count; in a batch, when it holds other files' decisions, it says so (beside the open file's
       progress, "no findings · 1 accepted" read as this file's: since session 29), the open file's in its tooltip */
    var mine = countOf(Object.keys(decisions).filter(function (id) { return Number(id.split("/")[0]) === cur; }),
                       Object.keys(corrections).filter(function (k) { return corrections[k].f === cur; }));
    var count = $("decision-count");
    count.textContent = mine === all ? all : all + " in all files";
    count.title = mine === all ? "" : "This file: " + mine + "; all " + nFiles + " files: " + all;
  }
  /* "2 accepted · 1 rejected · 1 correction" for these decisions (edit ids) and corrections (keys) */
  function countOf(ids, corrs) {
    var acc = ids.filter(function (k) { return decisions[k] === "accept"; }).length, parts = [];
    if (ids.length) parts.push(acc + " accepted · " + (ids.length - acc) + " rejected");
    if (corrs.length) parts.push(corrs.length + " correction" + (corrs.length === 1 ? "" : "s"));
    return parts.length ? parts.join(" · ") : "no decisions yet";
  }

  /* The same report open in another tab or window: its decisions are saved under the same key, and
     each tab's next save overwrote the other's (the decisions of the first tab were lost from the
     export). Each tab now takes the other's decisions as they are saved, and shows them. */
  window.addEventListener("storage", function (ev) {
    if (ev.key !== storeKey || cur < 0) return;
    Object.keys(decisions).forEach(function (k) { delete decisions[k]; });
    Object.keys(corrections).forEach(function (k) { delete corrections[k]; });
    Object.keys(checked).forEach(function (k) { delete checked[k]; });
    undoStack.length = 0; redoStack = [];
    restore().then(function () {
      var drafts = openDrafts();
      render();
      reopenDrafts(drafts);
      markCurrent();
      showCount();
      toast("Decisions updated from this report open in another tab" + (document.querySelector("#doc .editor .stale") ?
            "; it changed the sentence you are correcting: your text is still in its box, not saved." : "."));
    });
  });

  function restore() {
    try {
      var stored = JSON.parse(localStorage.getItem(storeKey) || "null");
      if (!stored || typeof stored !== "object") return Promise.resolve();
      var old = stored.v >= 2 ? stored.decisions || {} : stored;  /* before corrections: the decisions alone */
      var corr = stored.v >= 2 && Array.isArray(stored.corrections) ? stored.corrections : [];
      var byFile = stored.v >= 3;  /* before version 3, keys were bare edit ids, shared by identical files */
      (Array.isArray(stored.checked) ? stored.checked : []).forEach(function (k) {
        if (typeof k === "string" && Number(k.split("|")[0]) < nFiles) checked[k] = true;
      });
      if (!Object.keys(old).length && !corr.length) return Promise.resolve();
      var all = [];
      for (var n = 0; n < nFiles; n++) all.push(fetchFile(n));
      return Promise.all(all).then(function () {
        Object.keys(old).forEach(function (id) {
          if (old[id] !== "accept" && old[id] !== "reject") return;
          var keys = byFile ? [id] : Object.keys(cache).map(function (f) { return f + "/" + id; });
          keys.forEach(function (key) { if (editIndex[key]) decisions[key] = old[id]; });
        });
        corr.forEach(function (c) {  /* only what still fits this report's text */
          var data = c && cache[c.f], unit = data && data.units[c.u];
          if (!unit || typeof c.r !== "string" || typeof c.o !== "string" || unit.cut(c.a, c.b) !== c.o) return;
          var prev = {};
          Object.keys(c.p && typeof c.p === "object" ? c.p : {}).forEach(function (id) {
            prev[byFile ? id : c.f + "/" + id] = c.p[id];
          });
          corrections[corrKey(c.f, c.u, c.a)] = { f: c.f, u: c.u, a: c.a, b: c.b, o: c.o, r: c.r, p: prev };
        });
      });
    } catch (err) { return Promise.resolve(); /* storage unavailable or stale */ }
  }

  /* The sentence (the block's text up to its sentence end) holding unit offset a: {start, text}.
     Exported with each decision, so that a report of the file changed since can carry it over. */
  function sentenceOf(unit, a) {
    var bl = unit ? unit.blocks : [];
    if (!bl.length) return { start: 0, end: 0, text: "", block: null };
    var lo = blockAt(unit, a);
    return { start: bl[lo][0], end: bl[lo][4], text: unit.cut(bl[lo][0], bl[lo][4]), block: bl[lo] };
  }

  /* ---------- the desk summary (s): one page for the editor who signs the text off ---------- */
  /* The file line of unit offset pos: a finding's own line where one starts in its sentence, else
     (plain text, Markdown) the unit's first line plus the line breaks before pos, else the unit's. */
  function lineOf(data, u, s) {
    var unit = data.units[u], f = unit.f.filter(function (x) { return x.a >= s.start && x.a <= s.end; })[0];
    if (f) return f.l;
    if (unit.id !== null) return unit.line + 1;
    return unit.line + 1 + (unit.cut(0, s.start).match(/\r\n|\r|\n/g) || []).length;
  }

  /* The old and new text of a sentence as a word diff; ``md``: Markdown (a "<br>" is dimmed markup, as on the page). */
  function diffLine(old, neu, md) {
    var box = el("span", "desk-diff"), cut = slicer(old);
    wordOps(0, old, neu, md === "html").forEach(function (op) {
      if (op[0] === "=") textInto(box, cut(op[1], op[2]), md);
      else if (op[0] === "-") box.appendChild(textInto(el("del", ""), cut(op[1], op[2]), md));
      else box.appendChild(textInto(el("ins", ""), op[1], md));
    });
    return box;
  }

  function deskFile(n) {
    var data = cache[n], sec = el("section", "desk-file"), corr = {}, changes = {}, md = formatKind(data.format);
    var acc = 0, rej = 0, kept = 0, nc = 0, open = [], minor = 0, total = 0, left = 0;
    Object.keys(corrections).forEach(function (k) {
      var c = corrections[k];
      if (c.f !== n) return;
      nc++;
      (corr[n + ":" + c.u] = corr[n + ":" + c.u] || []).push(corrSpan(c));
      changes[c.u + ":" + c.a] = { u: c.u, s: { start: c.a, end: c.b }, old: c.o, neu: c.r, own: true };
    });
    var seen = {};
    data.edits.forEach(function (e) {
      var d = decisions[e.id];
      if (!d || seen[e.key]) return;
      seen[e.key] = true;
      if (d === "reject") { rej++; return; }
      acc++;
      var s = sentenceOf(data.units[e.u], e.a), key = e.u + ":" + s.start;
      if (changes[key] && changes[key].own) return;  /* inside a corrected sentence: the correction says it */
      var c = changes[key] = changes[key] || { u: e.u, s: { start: s.start, end: s.end } };
      c.s.end = Math.max(c.s.end, e.b);
    });
    Object.keys(checked).forEach(function (k) { if (k.split("|")[0] === String(n)) kept++; });
    data.units.forEach(function (unit, ui) {
      unit.f.forEach(function (f) {
        total++;
        if (findingDone(n, data, f, corr[n + ":" + ui])) return;
        left++;
        if (SEV_RANK[f.s] >= 2) open.push(f); else minor++;
      });
    });
    var head = el("h2", "desk-path", data.path);
    sec.appendChild(head);
    var parts = [(total - left) + " of " + total + " findings done", acc + " accepted", rej + " rejected",
                 kept + " left as is", nc + " correction" + (nc === 1 ? "" : "s")];
    sec.appendChild(el("p", "desk-counts", parts.join(" \u00b7 ")));
    sec.appendChild(el("h3", "", open.length ? "Still open: major and critical findings (" + open.length + ")"
                                             : "No major or critical finding still open"));
    if (open.length) {
      var ol = el("ol", "desk-open");
      open.forEach(function (f) {
        var unit = data.units[f.u], li = el("li");
        li.appendChild(el("b", "", "line " + f.l + " \u00b7 " + f.s + " " + f.c));
        li.appendChild(el("span", "desk-msg", " \u00b7 " + plainMessage(f.m)[0]));
        li.appendChild(quote(unit, sentenceOf(unit, f.a).block, f, md));
        ol.appendChild(li);
      });
      sec.appendChild(ol);
    }
    if (minor) sec.appendChild(el("p", "muted", minor + " minor finding" + (minor === 1 ? "" : "s") + " still open (not listed)."));
    var list = Object.keys(changes).map(function (k) { return changes[k]; })
      .sort(function (x, y) { return x.u - y.u || x.s.start - y.s.start; });
    sec.appendChild(el("h3", "", list.length ? "Sentences that will change (" + list.length + ")" : "No sentence will change"));
    if (list.length) {
      var cl = el("ol", "desk-changes");
      list.forEach(function (c) {
        var unit = data.units[c.u], li = el("li");
        var old = c.own ? c.old : unit.cut(c.s.start, c.s.end);
        var neu = c.own ? c.neu : currentText(data, c.u, c.s.start, c.s.end);
        li.appendChild(el("b", "", "line " + lineOf(data, c.u, c.s) + ": "));
        if (c.own) {  /* a rewrite reads best whole: the sentence as it was, then as you wrote it */
          li.appendChild(el("span", "desk-own", "your correction"));
          li.appendChild(textInto(el("del", "desk-was"), plainNewlines(old), md));
          li.appendChild(textInto(el("ins", "desk-now"), plainNewlines(neu), md));
        } else li.appendChild(diffLine(plainNewlines(old), plainNewlines(neu), md));
        cl.appendChild(li);
      });
      sec.appendChild(cl);
    }
    return sec;
  }

  var deskReturn = null;
  function toggleDesk() {
    var desk = $("desk"), on = desk.hidden;
    if (!on) {
      desk.hidden = true;
      document.documentElement.classList.remove("desk-on");
      $("desk-btn").setAttribute("aria-pressed", "false");
      var back = [deskReturn, $("desk-btn"), $("more-controls")].filter(function (b) {
        return b && document.contains(b) && b.getClientRects().length; })[0] || $("desk");
      deskReturn = null;
      back.focus({ preventScroll: true });
      return Promise.resolve();
    }
    deskReturn = document.activeElement;
    var all = [];
    for (var n = 0; n < nFiles; n++) all.push(fetchFile(n));
    return Promise.all(all).then(function () {
      desk.textContent = "";
      var h = el("h1", "", "Desk summary");
      h.id = "desk-title";
      desk.appendChild(h);
      desk.appendChild(el("p", "muted", document.title + " \u00b7 report made " + meta.created + " \u00b7 summary of " +
                          new Date().toISOString().replace(/\.\d+Z$/, "Z") + " \u00b7 " + nFiles + " file" + (nFiles === 1 ? "" : "s") +
                          " \u00b7 every finding counted, whatever the filters show"));
      desk.lastChild.appendChild(el("span", "desk-hint", ". Print it from here; s or Esc goes back to the review."));
      for (var k = 0; k < nFiles; k++) desk.appendChild(deskFile(k));
      desk.hidden = false;
      document.documentElement.classList.add("desk-on");
      $("desk-btn").setAttribute("aria-pressed", "true");
      window.scrollTo(0, 0);
      desk.focus({ preventScroll: true });
    });
  }

  /* A file changed since the decisions were exported (the same path, other bytes): each decision,
     finding left as is and correction is carried over to the sentence that reads the very same in
     this report (once: a sentence the text holds twice is not guessed), at the same place in it, and
     only to an edit this report proposes there (same rule, original and replacement). What finds no
     such sentence (it changed) is left out. Returns [decisions and findings taken, corrections to
     set, entries left out, accepted edits already in the text, findings left as is no longer reported, entries
     left out because their sentence is there both as it read and as the decisions made it read]. */
  /* Each sentence of a decisions file as its accepted edits make it read, with where they moved its text
     (occurrence → { text, moves: [[offset, old length, new length]] }): after `fix --decisions` wrote them, a
     report of the file holds that text, not the old sentence. A sentence whose accepted edits overlap, or run
     past its end, has none. Keyed by occurrence (text, unit, start), not text: a sentence the text held twice,
     decided in one place only, reads as decided there alone (session 47). */
  function occurrence(item) {
    return Number.isInteger(item.unit) && Number.isInteger(item.start)
      ? item.sentence + "\u0000" + item.unit + "\u0000" + (item.start - item.sentence_offset) : null;
  }
  function decidedSentences(entry) {
    var edits = Object.create(null), out = Object.create(null);
    (Array.isArray(entry.decisions) ? entry.decisions : []).forEach(function (d) {
      if (!d || d.decision !== "accept" || typeof d.sentence !== "string" || !Number.isInteger(d.sentence_offset) ||
          typeof d.original !== "string" || typeof d.replacement !== "string" || occurrence(d) === null) return;
      var key = occurrence(d);
      (edits[key] = edits[key] || { sentence: d.sentence, list: [] }).list.push([d.sentence_offset, cpLen(d.original), d.replacement]);
    });
    Object.keys(edits).forEach(function (key) {
      var sentence = edits[key].sentence, chars = Array.from(sentence), seen = {}, list = edits[key].list.filter(function (e) {
        var key = e.join("\u0000");  /* two rules' identical edit is applied once */
        return seen[key] ? false : (seen[key] = true);
      }).sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
      var ok = list.every(function (e, i) {
        return e[0] + e[1] <= chars.length && (!i || list[i - 1][0] + list[i - 1][1] <= e[0] && !(list[i - 1][0] === e[0] && !e[1]));
      });
      if (!ok) return;
      for (var i = list.length - 1; i >= 0; i--) chars.splice(list[i][0], list[i][1], list[i][2]);
      out[key] = { text: chars.join(""), moves: list.map(function (e) { return [e[0], e[1], cpLen(e[2])]; }) };
    });
    return out;
  }
  function carryOver(f, entry) {
    /* where: sentence text → [[unit, start]], with no prototype (a sentence may read "constructor") */
    var data = cache[f], where = Object.create(null), taken = {}, clash = {}, took = 0, left = 0, pending = [];
    var decided = decidedSentences(entry), applied = 0, gone = 0;  /* gone: left as is, and no longer reported */
    var twice = 0;  /* left out: the sentence is there as it read and as decided, and which is the item's is not told */
    var accepted = [], seen = {};  /* [unit, start, end, new length] of each accepted edit, once */
    (Array.isArray(entry.decisions) ? entry.decisions : []).forEach(function (d) {
      if (!d || d.decision !== "accept" || !Number.isInteger(d.unit) || !Number.isInteger(d.start) ||
          !Number.isInteger(d.end) || typeof d.replacement !== "string") return;
      var e = [d.unit, d.start, d.end, cpLen(d.replacement)], key = e.join(":") + ":" + d.replacement;
      if (!seen[key]) { seen[key] = true; accepted.push(e); }
    });
    data.units.forEach(function (u, ui) {
      u.blocks.forEach(function (b) {
        var t = u.cut(b[0], b[4]);
        if (t.trim()) (where[t] = where[t] || []).push([ui, b[0], cpLen(t)]);
      });
    });
    /* Where the item's sentence is now: { w: its places, decided: the reading its accepted edits made, or null }.
       As it read, or as decided (`fix --decisions` wrote it), whichever the text holds; both held (a sentence the
       text held twice and decided once): the one that starts where the item's sentence started, moved by the
       accepted edits before it in its unit, when one alone does; else none (`twice`, counted): never another
       occurrence, which a second `fix --decisions` would edit. */
    function reading(item) {
      if (!item || typeof item.sentence !== "string" || !Number.isInteger(item.sentence_offset)) return null;
      var key = occurrence(item), dec = key !== null ? decided[key] : null;
      var was = where[item.sentence] || [], now = dec && where[dec.text] || [];
      if (!dec || !now.length) return { w: was, decided: null };
      if (!was.length) return { w: now, decided: dec };
      var from = item.start - item.sentence_offset, to = from;
      accepted.forEach(function (e) { if (e[0] === item.unit && e[2] <= from) to += e[3] - (e[2] - e[1]); });
      var there = function (p) { return p[0] === item.unit && p[1] === to; }, wasHere = was.filter(there), nowHere = now.filter(there);
      if (nowHere.length === 1 && !wasHere.length) return { w: nowHere, decided: dec };
      if (wasHere.length === 1 && !nowHere.length) return { w: wasHere, decided: null };
      twice++;
      return { w: [], decided: null, twice: true };
    }
    /* [unit, offset in it, the sentence's start and end, moved] of the item's sentence, when it is there once: as
       it read, or as its accepted edits made it read (moved: the item moved by the edits before it; none over it,
       unless it is a verdict on the whole sentence: `wide`) */
    function at(item, wide, r) {
      r = r === undefined ? reading(item) : r;
      if (!r || r.w.length !== 1) return null;
      var w = r.w, off = item.sentence_offset;
      if (r.decided) {
        var end = off + Math.max(0, (item.end - item.start) || 0), clear = true;
        r.decided.moves.forEach(function (m) {
          if (m[0] + m[1] <= item.sentence_offset && !(m[0] === item.sentence_offset && !m[1])) off += m[2] - m[1];
          else if (m[0] < end || m[0] === item.sentence_offset) clear = false;
        });
        if (!clear && !wide) return null;
      }
      return [w[0][0], w[0][1] + off, w[0][1], w[0][1] + w[0][2], !!r.decided];
    }
    (Array.isArray(entry.decisions) ? entry.decisions : []).forEach(function (d) {
      var r = reading(d);
      if (r && r.twice) return;
      /* an accepted edit whose sentence now reads as the decisions made it: `fix --decisions` wrote it */
      if (r && r.decided && r.w.length === 1 && d.decision === "accept") { applied++; return; }
      var p = at(d, false, r), len = d && d.end - d.start;
      var e = p && (d.decision === "accept" || d.decision === "reject") && near(data, p[0], p[1], p[1]).filter(function (x) {
        return x.a === p[1] && x.b - x.a === len && x.c === d.code && x.o === d.original && x.r === d.replacement;
      })[0];
      if (!e) { left++; return; }
      if (taken[e.id] && taken[e.id] !== d.decision) clash[e.id] = true;
      taken[e.id] = d.decision;
    });
    Object.keys(taken).forEach(function (id) {
      if (clash[id]) { left += 2; return; }
      decisions[id] = taken[id];
      took++;
    });
    (Array.isArray(entry.checked) ? entry.checked : []).forEach(function (c) {
      var r = c && reading(c);
      if (r && r.twice) return;
      var p = c && at(c, SENTENCE_WIDE.test(c.code), r), len = c && c.end - c.start, moved = p && p[4];
      var match = p && data.units[p[0]].f.filter(function (x) {
        if (x.c !== c.code || x.e.length) return false;
        /* a garbled sentence's verdict judges the whole sentence: the same rule on it, wherever its reading starts */
        if (moved && SENTENCE_WIDE.test(x.c)) return p[2] <= x.a && x.a < p[3];
        return x.a === p[1] && x.b - x.a === len;
      })[0];
      if (match) { checked[chkKey(Number(f), match)] = true; took++; } else if (p) gone++; else left++;
    });
    (Array.isArray(entry.corrections) ? entry.corrections : []).forEach(function (c) {
      var w = c && typeof c.original === "string" && typeof c.replacement === "string" && where[c.original];
      if (w && w.length === 1 && pageKeeps(data.format, c.original, c.replacement)) pending.push([Number(f), { unit: w[0][0], start: w[0][1], end: w[0][1] + cpLen(c.original),
                                                          replacement: c.replacement }]);
      else if (c && typeof c.replacement === "string" && !w && where[c.replacement] && where[c.replacement].length === 1) applied++;
      else left++;
    });
    return [took, pending, left, applied, gone, twice];
  }

  /* The same file named from two folders ("news/a.txt" from above, "a.txt" from news/): the shorter
     path's parts end the longer's ("." and ".." dropped); "news/a.txt" never stands for "other/a.txt". */
  function samePath(a, b) {
    var parts = function (p) { return String(p).split(/[\\/]+/).filter(function (x) { return x && x !== "." && x !== ".."; }); };
    var x = parts(a), y = parts(b);
    if (x.length > y.length) { var t = x; x = y; y = t; }
    if (!x.length) return false;
    for (var i = 1; i <= x.length; i++) if (x[x.length - i] !== y[y.length - i]) return false;
    return true;
  }

  /* An accepted decision whose recorded edit (unit, offsets, original, replacement, rule) is not the edit its
     id names: typed over by hand after the export. Taking it by id would accept the report's edit, not what the
     file says (fix --decisions refuses such a file: mtfix/review/decisions.py edited_by_hand). */
  var RECORDED = [["unit", "u"], ["start", "a"], ["end", "b"], ["original", "o"], ["replacement", "r"], ["code", "c"]];
  function editedByHand(d, e) {
    return RECORDED.some(function (k) { return k[0] in d && d[k[0]] !== e[k[1]]; });
  }

  /* Decisions exported from another report (another browser, a report made again): for a file of
     this report with the same bytes (the digest), by edit id, and corrections only where the text at
     their span is still their original; for the same file changed since (its path, other bytes), by
     sentence (carryOver): never re-aimed at a sentence that changed. */
  var DONE = { accept: "accepted", reject: "rejected" };
  var CHOOSE = ": choose a file that Export decisions saved (mtfix-decisions-DATE-TIME.json); nothing was imported.";
  function importData(doc, name) {
    if (!doc || doc.format !== meta.format || !Array.isArray(doc.files)) {
      toast("Not imported: " + (name ? name + " is" : "this is") + " not an mtfix decisions file" + CHOOSE);
      return Promise.resolve();
    }
    var all = [];
    for (var n = 0; n < nFiles; n++) all.push(fetchFile(n));
    return Promise.all(all).then(function () {
      var took = 0, left = 0, nc = 0, files = 0, missed = 0, carried = [], stale = 0, edited = 0, overrode = [], applied = 0, gone = 0;
      var twice = 0;
      var pending = [];
      doc.files.forEach(function (entry) {
        if (!entry || typeof entry.digest !== "string") { missed++; return; }
        var same = Object.keys(cache).filter(function (k) { return cache[k].digest === entry.digest; });
        var named = same.filter(function (k) { return cache[k].path === entry.path; });
        var f = named.length ? named[0] : same.length === 1 ? same[0] : null;
        var changed = f === null ? Object.keys(cache).filter(function (k) { return samePath(cache[k].path, entry.path); }) : [];
        if (changed.length === 1) {
          var got = carryOver(changed[0], entry);
          took += got[0];
          pending = pending.concat(got[1]);
          stale += got[2];
          applied += got[3];
          gone += got[4];
          twice += got[5];
          carried.push(entry.path.split(/[\\/]/).pop());
          if (got[0] || got[1].length) files++;
          return;
        }
        if (f === null) { missed++; return; }
        files++;
        (Array.isArray(entry.decisions) ? entry.decisions : []).forEach(function (d) {
          var id = d && f + "/" + d.id;
          if (id && editIndex[id] && d.decision === "accept" && editedByHand(d, editIndex[id].edit)) { edited++; return; }
          if (id && editIndex[id] && (d.decision === "accept" || d.decision === "reject")) {
            var e = editIndex[id].edit;  /* a decision made here that the import changes: said (z cannot undo an import) */
            if (decisions[id] && decisions[id] !== d.decision) {
              overrode.push(e.c + " on line " + lineOf(cache[f], e.u, { start: e.a, end: e.b }) + " (" +
                            DONE[decisions[id]] + " \u2192 " + DONE[d.decision] + ")");
            }
            decisions[id] = d.decision; took++;
          }
          else left++;
        });
        (Array.isArray(entry.checked) ? entry.checked : []).forEach(function (c) {
          var unit = c && cache[f].units[c.unit];
          var match = unit && unit.f.filter(function (x) { return x.c === c.code && x.a === c.start && x.b === c.end && !x.e.length; })[0];
          if (match) { checked[chkKey(Number(f), match)] = true; took++; } else left++;
        });
        (Array.isArray(entry.corrections) ? entry.corrections : []).forEach(function (c) {
          var unit = c && cache[f].units[c.unit];
          var fits = unit && typeof c.original === "string" && typeof c.replacement === "string" &&
                     unit.blocks.some(function (b) { return b[0] === c.start; }) && unit.cut(c.start, c.end) === c.original &&
                     pageKeeps(cache[f].format, c.original, c.replacement);
          if (fits) pending.push([Number(f), c]); else left++;
        });
      });
      pending.forEach(function (p) { setCorrection(p[0], p[1].unit, p[1].start, p[1].end, p[1].replacement); nc++; });
      undoStack.length = 0; redoStack = [];
      render();
      markCurrent();
      saved();
      toast("Imported " + took + " decision" + (took === 1 ? "" : "s") + (nc ? " and " + nc + " correction" + (nc === 1 ? "" : "s") : "") +
            " for " + files + " file" + (files === 1 ? "" : "s") +
            (overrode.length ? "; it changed " + overrode.length + " decision" + (overrode.length === 1 ? "" : "s") +
             " made here: " + overrode.slice(0, 3).join(", ") + (overrode.length > 3 ? ", …" : "") : "") +
            (carried.length ? "; " + carried.join(", ") + " changed since: carried over to the sentences that read the same" +
             (applied ? " or as the decisions made them (" + applied + " already in the text: mtfix fix --decisions wrote " +
              (applied === 1 ? "it" : "them") + ")" : "") +
             (gone ? ", " + gone + " finding" + (gone === 1 ? "" : "s") + " left as is no longer reported" : "") +
             (stale ? ", " + stale + " left out (a sentence that changed, or that the text now holds twice)" : "") +
             (twice ? ", " + twice + " left out (the text holds their sentence both as it read and as the decisions " +
              "made it read: which one " + (twice === 1 ? "it was" : "they were") + " made on cannot be told)" : "") : "") +
            (missed ? "; " + missed + " file" + (missed === 1 ? "" : "s") + " not in this report: left out" : "") +
            (left ? "; " + left + " entr" + (left === 1 ? "y" : "ies") + " this report does not have: left out" : "") +
            (edited ? "; " + edited + " decision" + (edited === 1 ? "" : "s") + " edited by hand since " +
             (edited === 1 ? "its" : "their") + " export (" + (edited === 1 ? "its text is" : "their text is") +
             " not the edit's): left out, decide " + (edited === 1 ? "it" : "them") + " here or type your text with Edit" : "") + ".");
    });
  }

  /* Each export has its own name (local time, then a count within the second): under one fixed
     name the browser saved the second export as "mtfix-decisions (1).json", and the command the
     message gave applied the first, older decisions. */
  var lastStamp = "", sameStamp = 0;
  function exportName() {
    var d = new Date(), two = function (v) { return (v < 10 ? "0" : "") + v; };
    var stamp = d.getFullYear() + two(d.getMonth() + 1) + two(d.getDate()) + "-" +
                two(d.getHours()) + two(d.getMinutes()) + two(d.getSeconds());
    sameStamp = stamp === lastStamp ? sameStamp + 1 : 0;
    lastStamp = stamp;
    return "mtfix-decisions-" + stamp + (sameStamp ? "-" + sameStamp : "") + ".json";
  }

  /* A path as a shell word: as it is when it holds only characters no shell reads, else in single quotes. */
  function shellWord(s) {
    return /^[A-Za-z0-9_@%+=:,.\/-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'";
  }

  /* The files the command applies the decisions to (session 44: the message said "PATH", and a new editor ran
     `mtfix fix --decisions FILE` alone, which fails): the exported files' paths as the review named them, up to
     three; more, or none decided, keep the word PATH, with how many files. */
  function applyTo(exported) {
    var paths = exported.files.map(function (f) { return f.path; });
    if (paths.length && paths.length <= 3) return paths.map(shellWord).join(" ");
    return paths.length ? "PATH… (the " + paths.length + " files reviewed)" : "PATH";
  }

  function download() {
    var exported = exportData();
    var json = JSON.stringify(exported, null, 1);
    $("decisions-json").value = json;
    var blob = new Blob([json + "\n"], { type: "application/json" });
    var a = el("a"), name = exportName();
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    toast("Saved " + name + ". Apply it with: mtfix fix --decisions " + name + " " + applyTo(exported));
  }

  /* The indices of the edits the filters show: those of a visible finding (as prepare() draws them). */
  function shownEdits(data) {
    var flt = filters(), shown = {};
    data.units.forEach(function (u) {
      u.f.forEach(function (f) { if (visible(f, flt)) f.e.forEach(function (ei) { shown[ei] = true; }); });
    });
    return shown;
  }

  /* Accept the safe edits the filters show (an edit a filter hides, say a minor finding's under
     --min-severity major, stays undecided), except where an accepted edit overlaps. */
  function acceptSafe(code) {
    var data = loadFile(cur), touched = [], accepted = 0, hidden = 0;
    if (!data) return;
    code = typeof code === "string" ? code : null;  /* one rule's ("Accept all N safe MTF105") */
    var shown = shownEdits(data);
    touched = undoable("accept safe " + (code ? code + " " : "") + "edits", function () {
      var out = [];
      data.edits.forEach(function (e, ei) {
        var rule = e.w ? editIndex[e.w].edit.g : e.g;  /* a later pass's edit goes with its finding's rule */
        if (e.x !== "safe" || (code && rule !== code) || decisions[e.id] || correctionOver(cur, e)) return;
        if (!shown[ei]) { hidden++; return; }
        if (e.w && decisions[e.w] !== "accept") return;  /* a later pass's edit, only with the edit it follows */
        var clash = near(data, e.u, e.a, e.b).some(function (o) { return decisions[o.id] === "accept" && conflicts(e, o); });
        if (!clash) { out.push.apply(out, setDecision(e.id, "accept", true)); if (!(code && e.w)) accepted++; }
      });
      return out;
    });
    repaint(touched);
    saved();
    /* none: said so (a file with no finding, or every safe edit decided, read "Accepted 0 safe edits") */
    toast((accepted ? "Accepted " + accepted + " safe " + (code ? code + " " : "") + "edit" + (accepted === 1 ? "" : "s") +
           " shown in this file" : "No undecided safe " + (code ? code + " " : "") + "edit shown in this file to accept") +
          (hidden ? "; " + hidden + " hidden by the filters left undecided." : ".") + (accepted ? " z undoes." : ""));
  }

  /* "As it will read" (v): every sentence as fix --decisions will write it, by CSS alone (the accepted
     edits' new words and the corrections in; what they replace, and undecided or rejected edits' new
     words, out), so that deciding goes on in either view. */
  function toggleReads() {
    var on = !document.documentElement.classList.contains("reads");
    document.documentElement.classList.toggle("reads", on);
    $("reads").setAttribute("aria-pressed", String(on));
    toast(on ? "As it will read: the accepted edits and your corrections applied (v goes back to the marked-up text)."
             : "Marked-up text: findings underlined, edits as deleted and inserted words.");
  }

  /* What a key or a click did, said by a screen reader: a polite status always in the page (the toast
     comes and goes, and a region that appears with its text is not reliably read). Messages of one
     key or click (one task and its promises) are said together; the next key, click or task starts afresh. */
  var said = [], saidDone = null;
  function announce(msg) {
    said.push(msg);
    $("announce").textContent = said.join(" ");
    /* a message of a later task (another tab's decisions, a file read) is said alone, not after the last key's */
    if (saidDone === null) saidDone = setTimeout(function () { said = []; saidDone = null; }, 0);
  }
  ["keydown", "click", "change"].forEach(function (type) {
    document.addEventListener(type, function () { said = []; }, true);
  });

  var toastTimer = null;
  function toast(msg) {
    var t = $("toast");
    announce(msg);
    t.textContent = msg;
    t.hidden = false;
    clearTimeout(toastTimer);
    /* a long message (every lost tag named) stays long enough to be read: 3.5 s, and 50 ms a character beyond 70 */
    toastTimer = setTimeout(function () { t.hidden = true; }, 3500 + Math.max(0, msg.length - 70) * 50);
  }

  function openDoc(code) {
    var d = docs[code] || { title: code, text: "No documentation bundled for " + code + "." };
    $("drawer-title").textContent = code + " · " + d.title;
    $("drawer-text").textContent = d.text;
    $("drawer-cmd").textContent = "mtfix explain " + code;
    if ($("drawer").hidden) docReturn = document.activeElement;
    $("drawer").hidden = false;
    $("drawer-close").focus({ preventScroll: true });  /* a keyboard or screen-reader user is taken to it */
  }

  /* The help is a modal dialog: it takes the focus (a screen reader reads it), Tab stays inside,
     and closing it gives the focus back where `?` (or its button) was pressed. */
  var helpReturn = null;
  function toggleHelp() {
    if (!$("help").hidden) { closeDrawers(true); return; }
    helpReturn = document.activeElement;
    $("help").hidden = false;
    $("help").focus({ preventScroll: true });
  }
  function trapTab(ev) {  /* Tab and Shift+Tab cycle through the dialog and its buttons */
    var stops = [$("help")].concat(Array.from($("help").querySelectorAll("button, a[href]")));
    var at = stops.indexOf(document.activeElement);
    ev.preventDefault();
    stops[(at + (ev.shiftKey ? stops.length - 1 : 1)) % stops.length].focus({ preventScroll: true });
  }

  /* Close the help and the rule documentation (``helpOnly``: the help alone); the focus goes back
     where `?`, `d` or the link was. */
  var docReturn = null;
  function closeDrawers(helpOnly) {
    var back = [!$("help").hidden && helpReturn, !helpOnly && !$("drawer").hidden && docReturn];
    $("help").hidden = true;
    helpReturn = null;
    if (!helpOnly) { $("drawer").hidden = true; docReturn = null; }
    back = back.filter(function (n) { return n && document.contains(n) && n.getClientRects().length; })[0];
    if (back) back.focus({ preventScroll: true });
  }

  /* ---------- events ---------- */
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var code = t.closest && t.closest("a.code");
    if (code) { ev.preventDefault(); openDoc(code.getAttribute("data-code")); return; }
    var btn = t.closest && t.closest(".decide button");
    if (btn) {
      var card = btn.closest(".card");
      var ids = card.getAttribute("data-edits").split(" ");
      var act = btn.getAttribute("data-act");
      decide(ids, btn.classList.contains("on") ? null : act);
      var p = view.order.indexOf(card.getAttribute("data-fid"));
      if (p >= 0 && p !== view.pos) setCurrent(p);
      return;
    }
    var kb = t.closest && t.closest("#doc .card button.keep");
    if (kb) {
      var kc = kb.closest(".card");
      keep(kc, !checked[kc.getAttribute("data-chk")]);
      var kp = view.order.indexOf(kc.getAttribute("data-fid"));
      if (kp >= 0 && kp !== view.pos) setCurrent(kp);
      return;
    }
    var all = t.closest && t.closest("#doc .card button.rule-all");
    if (all) { acceptSafe(all.getAttribute("data-code")); return; }
    var sg = t.closest && t.closest("#doc .sugg button");
    if (sg) {
      var fc = sg.closest(".card");
      openEditor(segOf(sg), { a: Number(fc.getAttribute("data-a")), b: Number(fc.getAttribute("data-b")),
                              r: sg.getAttribute("data-sg") });
      return;
    }
    var tool = t.closest && t.closest("#doc .seg-tools button");
    if (tool) {
      if (tool.getAttribute("data-act") === "revert") revert(segOf(tool)); else openEditor(segOf(tool));
      return;
    }
    var fileLink = t.closest && t.closest("#files a");
    if (fileLink) { ev.preventDefault(); showFile(Number(fileLink.getAttribute("data-file"))); return; }
    var mark = t.closest && (t.closest("#doc .u") || t.closest("#doc .ed"));
    if (mark) {
      var fid = null;
      if (mark.hasAttribute("data-f")) fid = mark.getAttribute("data-f").split(" ").pop();
      else {
        var c = document.querySelector('#doc .card[data-edits~="' + mark.getAttribute("data-edit") + '"]');
        if (c) fid = c.getAttribute("data-fid");
      }
      var q = fid ? view.order.indexOf(fid) : -1;
      if (q >= 0) setCurrent(q);
    }
  });
  ["drawer-close", "help-close"].forEach(function (id) {
    $(id).addEventListener("click", function () { closeDrawers(); });
  });
  $("help-toggle").addEventListener("click", toggleHelp);
  /* Skip to the text (the first Tab): the focus goes to the current finding, else to the text. */
  $("skip").addEventListener("click", function (ev) {
    ev.preventDefault();
    var to = currentCard() || $("doc");
    to.focus({ preventScroll: true });
    to.scrollIntoView({ block: to === $("doc") ? "start" : "center" });
  });
  /* "More" (a narrow window): a disclosure of the secondary controls; choosing one, Esc, or a click
     elsewhere closes it (Esc gives the focus back to "More"). */
  function moreMenu(open, refocus) {
    $("more-menu").classList.toggle("open", open);
    $("more-controls").setAttribute("aria-expanded", String(open));
    if (!open && refocus) $("more-controls").focus({ preventScroll: true });
  }
  $("more-controls").addEventListener("click", function () { moreMenu($("more-controls").getAttribute("aria-expanded") !== "true"); });
  $("more-menu").addEventListener("click", function (ev) {  /* the chosen control folds away: the focus goes to More */
    if (ev.target.closest("button")) moreMenu(false, document.activeElement === ev.target.closest("button") || document.activeElement === document.body);
  });
  document.addEventListener("click", function (ev) {
    if (!ev.target.closest || !ev.target.closest("#more-controls, #more-menu")) moreMenu(false);
  }, true);
  $("more-menu").addEventListener("focusout", function (ev) {
    if (ev.relatedTarget && !ev.relatedTarget.closest("#more-controls, #more-menu")) moreMenu(false);
  });
  $("reads").addEventListener("click", toggleReads);
  $("desk-btn").addEventListener("click", function () { toggleDesk(); });
  $("export").addEventListener("click", download);
  $("import").addEventListener("click", function () { $("import-file").value = ""; $("import-file").click(); });
  $("import-file").addEventListener("change", function () {
    var f = $("import-file").files[0];
    if (!f) return;
    f.text().then(function (text) {
      var doc;
      try { doc = JSON.parse(text); } catch (err) { toast("Not imported: " + f.name + " is not JSON" + CHOOSE); return; }
      return importData(doc, f.name);
    });
  });
  $("accept-safe").addEventListener("click", acceptSafe);
  /* A filter changed draws the file again out of the live region: say what it shows now, so that a
     screen-reader user hears whether it took and whether anything is left to review under it. */
  function sayFilters() {
    if (!view) return;
    var flt = filters(), which = [];
    if (flt.rule) which.push("rule " + flt.rule);
    if (flt.cat) which.push("category " + flt.cat);
    if (flt.kind) {
      var titles = kindBoxes().filter(function (c) { return c.checked; }).map(function (c) {
        return c.closest("label").getAttribute("data-title"); });
      which.push(titles.length ? "only " + titles.join(" and ") : "no kind");
    }
    var off = Object.keys(flt.sev).filter(function (s) { return !flt.sev[s]; });
    if (off.length) which.push("without " + off.join(", "));
    var offFix = document.querySelectorAll("#filters input[name=fix]:not(:checked)");
    if (offFix.length) which.push("without " + Array.from(offFix).map(function (c) {
      var words = Array.from(c.closest("label").childNodes).filter(function (n) { return n.nodeType === 3; })
        .map(function (n) { return n.textContent; }).join("").trim();
      return words || c.value; }).join(", "));
    var how = which.length ? " (" + which.join("; ") + ")" : "";
    if (!view.shown && view.total) announce("No finding of this file matches the filters" + how + ": all " + view.total + " hidden.");
    else announce(view.shown + " of " + view.total + " findings of this file shown" + how + ".");
  }
  /* "all kinds" ticks or unticks every kind, before the page draws (a listener on the way down, capture) */
  if ($("f-kind")) $("f-kind").addEventListener("change", function (ev) {
    if (ev.target.name === "kind" && !ev.target.value) setKinds(ev.target.checked ? null : []);
  }, true);
  /* "only": that kind alone, in one step from any setting (session 42's radio button), the others a tick away */
  document.querySelectorAll("#f-kind button.only-kind").forEach(function (b) {
    b.addEventListener("click", function () {
      setKinds([b.getAttribute("data-kind")]); render(); sayFilters(); keepAddress();
    });
  });
  document.querySelectorAll("#filters input, #filters select").forEach(function (c) {
    c.addEventListener("change", function () { render(); sayFilters(); keepAddress(); });
  });
  var search = $("file-search"), allItems = null;
  if (search) {
    /* Enter opens the first file the search shows (its text takes the focus); Esc in an empty box goes back to
       the text: until session 35 both left the focus in the box, and the keys typed next went into it */
    search.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
      if (ev.key === "Enter") {
        var firstShown = vlist ? vlist.shown[0] : (function () {
          var a = $("files").querySelector("a[data-file]");
          return a ? Number(a.getAttribute("data-file")) : undefined;
        })();
        ev.preventDefault();
        if (firstShown === undefined) { toast("No file matches \u201c" + search.value + "\u201d: nothing to open."); return; }
        search.blur();  /* the focus is the file's to place: on the finding the editor was at there, else the text */
        if (firstShown !== cur) { showFile(firstShown); return; }
        var at = currentCard();
        if (at) at.focus({ preventScroll: true }); else $("doc").focus({ preventScroll: true });
        announce("Back in the text of " + loadFile(cur).path + ".");
      } else if (ev.key === "Escape" && !search.value) {
        ev.preventDefault();
        $("doc").focus({ preventScroll: true });
        announce("Back in the text of " + loadFile(cur).path + ".");
      }
    });
    search.addEventListener("input", function () {
      if (vlist) {
        var shown = filterList(search.value);
        announce(shown ? shown + " of " + vlist.links.length + " files shown." : "No file matches \u201c" + search.value + "\u201d.");
        return;
      }
      /* the files that do not match leave the list (hiding 9,990 of 10,000 took Chromium 36 s to lay out) */
      linkOf(0);
      allItems = allItems || Array.from($("files").children);
      var q = search.value.toLowerCase(), items = q ? allItems.filter(function (li) {
        return li.textContent.toLowerCase().indexOf(q) >= 0;
      }) : allItems, n = items.length;
      $("files").replaceChildren.apply($("files"), items);
      plainPlaces();
      announce(n ? n + " of " + allItems.length + " files shown." : "No file matches \u201c" + search.value + "\u201d.");
    });
  }
  /* Tab into a card (its rule link, its buttons): that finding becomes the current one, so that
     a, r, u, d act on the finding the focus is in. */
  document.addEventListener("focusin", function (ev) {
    var c = view && ev.target.closest && ev.target.closest("#doc .card");
    if (!c || c === currentCard()) return;
    var q = view.order.indexOf(c.getAttribute("data-fid"));
    if (q >= 0) { view.pos = q; markCurrent(); }
  });
  document.addEventListener("keydown", function (ev) {
    var helpOpen = !$("help").hidden;
    if (helpOpen && ev.key === "Tab") { trapTab(ev); return; }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    /* keys typed into a text field or a list are the editor's; a checkbox or a button takes no letters */
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "select" || tag === "textarea" || ev.target.isContentEditable) return;
    if (tag === "input" && !/^(checkbox|radio|button|submit|reset)$/.test(ev.target.type)) return;
    var k = ev.key, card;
    if (k === "Escape" && $("more-controls").getAttribute("aria-expanded") === "true") { moreMenu(false, true); ev.preventDefault(); return; }
    if ((helpOpen || !view) && k !== "?" && k !== "Escape") return;  /* the page waits behind the help; a report of no file */
    if (!$("desk").hidden && k !== "s" && k !== "?" && k !== "Escape") return;  /* the summary shows: the page waits */
    if (k === "n" || k === "j" || k === "p" || k === "k") { step(k === "n" || k === "j" ? 1 : -1); }
    else if (k === "m" || k === "M") { jumpMajor(k === "m" ? 1 : -1); }
    else if (k === "N" || k === "P") { jumpUndone(k === "N" ? 1 : -1); }
    else if (k === "a" || k === "r" || k === "u" || k === "A" || k === "R") {
      /* Shift+A, Shift+R: decide, then on to the next finding (a word processor's "Accept and Move to Next") */
      var on = k === "A" || k === "R", passed = [];
      k = k.toLowerCase();
      card = currentCard();
      if (!card) toast(NO_CURRENT);
      else if (card.getAttribute("data-edits")) decide(card.getAttribute("data-edits").split(" "), k === "a" ? "accept" : k === "r" ? "reject" : null);
      else if (card && k !== "a") passed = keep(card, k === "r");
      else if (card && on) {  /* Shift+A through a finding with no edit: on to the next, left undecided (Shift+N finds it) */
        toast("No edit to accept here: on to the next finding, this one still to do (r leaves the text as it is, e rewrites the sentence).");
      }
      else if (card) { toast("No edit to accept here: r leaves the text as it is, e rewrites the sentence."); }
      if (on && card) {  /* at the last one: said; past the verdicts of the sentence just left as is with it */
        step(1);
        while (passed.length > 1 && view.pos + 1 < view.order.length && currentCard() &&
               passed.indexOf(currentCard().getAttribute("data-chk")) >= 0) step(1);
      }
    } else if (k === "]" || k === "[") {
      var to = cur + (k === "]" ? 1 : -1);
      if (to < 0 || to >= nFiles) toast(nFiles > 1 ? "This is the " + (to < 0 ? "first" : "last") + " file of the report." : "This report has one file.");
      else showFile(to);
    }
    else if (k === "d") { card = currentCard(); if (card) openDoc(card.querySelector("a.code").getAttribute("data-code")); else toast(NO_CURRENT); }
    else if (k === "e") {
      card = currentCard();
      var here = segOf(ev.target);  /* the sentence whose Edit button (or card) has the focus */
      if (here) openEditor(here);
      else if (card) openEditor(segOf(card));
      else toast("Go to a finding first (n), or press Edit beside a sentence.");
    }
    else if (k === "z" || k === "Z") { if (ev.shiftKey) redo(); else undo(); }  /* Caps Lock's "Z" undoes */
    else if (k === "v") { toggleReads(); }
    else if (k === "s" || (k === "Escape" && !helpOpen && !$("desk").hidden && $("drawer").hidden)) { toggleDesk(); }
    else if (k === "?") { toggleHelp(); }
    else if (k === "Escape") { closeDrawers(); }
    else return;
    ev.preventDefault();
    if ($("more-controls").getAttribute("aria-expanded") === "true") moreMenu(false);  /* it would cover what the key opened */
  });

  /* Printing (or saving as PDF) prints every sentence of the file, not the chunks rendered so far. */
  function renderAll() {  /* (the desk summary prints alone: the review's sentences are not needed then) */
    if (view && $("desk").hidden && view.done < view.rows.length) renderMore(view.rows.length - 1);
  }
  window.addEventListener("beforeprint", renderAll);
  if (window.matchMedia) {
    var printing = window.matchMedia("print");
    if (printing.addEventListener) printing.addEventListener("change", function (ev) { if (ev.matches) renderAll(); });
  }

  /* The page keeps the top bar's real height clear (a focused link or button never hides under
     it), however the bar wraps at the window's width. */
  function clearBar() {
    var bar = document.querySelector(".topbar");
    if (bar) document.documentElement.style.setProperty("--bar", bar.getBoundingClientRect().height + "px");
  }
  clearBar();
  window.addEventListener("resize", clearBar);
  /* Below 1,100 px the filters, files and keys stand above the text: folded, so that the text shows on
     the first screen; a wide window (where they stand beside it) opens them. */
  if (window.matchMedia) {
    var narrow = window.matchMedia("(max-width: 1100px)");
    var foldSide = function () { $("side-fold").open = !narrow.matches; };
    foldSide();
    if (narrow.addEventListener) narrow.addEventListener("change", foldSide);
  }
  if (window.ResizeObserver) new ResizeObserver(clearBar).observe(document.querySelector(".topbar"));

  openedWith = filterWords(true);
  takeAddress(location.hash);
  var m = /^#file-(\d+)(?:&|$)/.exec(location.hash);
  if (!nFiles) $("doc").appendChild(el("div", "empty", "No files in this report: every input was skipped (see the warnings of mtfix review)."));
  var was = storedAt();  /* a reload: the file and the finding the editor was at */
  var first = m && Number(m[1]) < nFiles ? Number(m[1]) : was ? was.f : 0;  /* a link into an older, longer report: the first file */
  putFileList().then(plainList).then(restore).then(function () { return showFile(first, true); }).then(function () {
    saved();
    var back = was && was.f === cur && was.id ? view.order.indexOf(was.id) : -1;
    if (back >= 0) setCurrent(back);
    window.mtfixReview = { decisions: decisions, corrections: corrections, exportData: exportData, showFile: showFile,
                           setCurrent: setCurrent, importData: importData, files: nFiles };
    if (window.performance && performance.mark) performance.mark("mtfix-rendered");
    document.documentElement.setAttribute("data-ready", "1");
  });
})();
