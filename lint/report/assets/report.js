/* scrapelint report: renders the inline data blob (no network, DOM built with textContent). */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("report-data").textContent);
  var PAGE = 50;
  var PLOT = { displayModeBar: false, responsive: true, staticPlot: false };
  var FAMILY_COLORS = ["#2f6fdb", "#e07b00", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#6d4c41", "#546e7a"];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "cls") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function count(n, word) { return fmt(n) + " " + word + (n === 1 ? "" : "s"); }
  function fmt(n) { return n === null || n === undefined ? "–" : Number(n).toLocaleString("en-US"); }
  function pct(a, b) { return b ? (100 * a / b).toFixed(b >= 1000 ? 2 : 1) + "%" : "–"; }
  function mb(bytes) { return bytes === null || bytes === undefined ? "–" : (bytes / 1e6).toFixed(2) + " MB"; }
  function where(path, record, id) {
    var s = path;
    if (record !== null && record !== undefined) s += ":" + record;
    if (id !== null && id !== undefined) s += "[" + id + "]";
    return s;
  }

  /* A table of rows shown a page at a time, with an optional text filter. */
  function pagedTable(host, columns, rows, options) {
    options = options || {};
    var state = { page: 0, rows: rows };
    var info = el("span", { cls: "info" });
    var prev = el("button", { type: "button", text: "‹ prev" });
    var next = el("button", { type: "button", text: "next ›" });
    var bar = el("div", { cls: "pager" }, [prev, next, info]);
    if (options.filter) {
      var input = el("input", { type: "search", placeholder: options.filter, "aria-label": options.filter });
      input.addEventListener("input", function () {
        var q = input.value.toLowerCase();
        state.rows = q ? rows.filter(function (r) { return options.text(r).toLowerCase().indexOf(q) !== -1; }) : rows;
        state.page = 0;
        draw();
      });
      bar.insertBefore(input, prev);
    }
    var table = el("table", { "data-rows": String(rows.length) });
    var head = el("tr", {}, columns.map(function (c) { return el("th", { cls: c.num ? "num" : "", text: c.title }); }));
    table.appendChild(el("thead", {}, [head]));
    var body = el("tbody");
    table.appendChild(body);
    host.appendChild(bar);
    host.appendChild(el("div", { cls: "table-wrap" }, [table]));
    prev.addEventListener("click", function () { if (state.page > 0) { state.page--; draw(); } });
    next.addEventListener("click", function () {
      if ((state.page + 1) * PAGE < state.rows.length) { state.page++; draw(); }
    });
    function draw() {
      body.textContent = "";
      var start = state.page * PAGE, end = Math.min(state.rows.length, start + PAGE);
      for (var i = start; i < end; i++) {
        var r = state.rows[i];
        body.appendChild(el("tr", {}, columns.map(function (c) {
          var v = c.get(r);
          return el("td", { cls: c.num ? "num" : "" }, [v instanceof Node ? v : String(v)]);
        })));
      }
      info.textContent = state.rows.length ? (start + 1) + "–" + end + " of " + fmt(state.rows.length) : "none";
      prev.disabled = state.page === 0;
      next.disabled = end >= state.rows.length;
    }
    draw();
  }

  function card(value, label) { return el("div", { cls: "card" }, [el("b", { text: value }), el("span", { text: label })]); }

  function renderRun() {
    var run = D.run || {}, t = D.totals;
    var host = document.getElementById("run-info");
    host.appendChild(card(fmt(t.findings), "findings"));
    host.appendChild(card(fmt(t.documents), "documents"));
    host.appendChild(card(fmt(t.documents_with) + (t.documents ? " (" + pct(t.documents_with, t.documents) + ")" : ""), "documents with findings"));
    host.appendChild(card(mb(run.bytes), "of text"));
    host.appendChild(card(fmt(run.files), "files"));
    host.appendChild(card(run.seconds !== undefined ? run.seconds.toFixed(1) + " s" : "–", "run time"));
    var rows = [
      ["inputs", (run.inputs || []).join(", ") || "–"],
      ["rules", run.rules ? run.rules.length + ": " + run.rules.join(" ") : "–"],
      ["version", run.version ? "scrapelint " + run.version : "–"],
    ];
    if (D.missing_sources && D.missing_sources.length) {
      rows.push(["not readable now", D.missing_sources.slice(0, 10).join(", ") + " (no code frames for them)"]);
    }
    var table = el("table", { cls: "kv" }, rows.map(function (r) { return el("tr", {}, [el("th", { text: r[0] }), el("td", { text: r[1] })]); }));
    document.getElementById("run-details").appendChild(table);
  }

  function renderGates() {
    var host = document.getElementById("gate-list");
    if (!D.gates.length) { host.appendChild(el("p", { cls: "note", text: "No gates configured for this run." })); return; }
    D.gates.forEach(function (g) {
      host.appendChild(el("div", { cls: "gate " + (g.passed ? "pass" : "fail") }, [
        el("span", { cls: "badge", text: g.passed ? "PASS" : "FAIL" }), g.line]));
    });
  }

  function bar(id, labels, values, opts) {
    opts = opts || {};
    var horizontal = !!opts.horizontal;
    var trace = { type: "bar", x: horizontal ? values : labels, y: horizontal ? labels : values,
      orientation: horizontal ? "h" : "v", marker: { color: opts.colors || "#2f6fdb" }, hovertext: opts.hover, text: opts.text, textposition: "auto" };
    var layout = { title: { text: opts.title, font: { size: 14 } }, margin: { l: horizontal ? 150 : 50, r: 20, t: 40, b: 60 },
      height: opts.height || 320, yaxis: horizontal ? { autorange: "reversed", automargin: true } : { automargin: true }, xaxis: { automargin: true },
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)" };
    Plotly.newPlot(document.getElementById(id), [trace], layout, PLOT);
  }

  function renderRules() {
    var families = D.families.map(function (f) { return f[0]; });
    var color = function (family) { return FAMILY_COLORS[families.indexOf(family) % FAMILY_COLORS.length]; };
    var rules = D.rules.slice(0, 40);
    bar("chart-rules", rules.map(function (r) { return r.code + " " + r.name; }), rules.map(function (r) { return r.count; }),
      { horizontal: true, title: "Findings per rule (colour: family)", colors: rules.map(function (r) { return color(r.family); }),
        height: Math.max(320, 26 * rules.length + 80) });
    bar("chart-families", families, D.families.map(function (f) { return f[1]; }),
      { title: "Findings per family", colors: families.map(color) });
    var sev = ["error", "warning", "info"];
    bar("chart-severity", sev, sev.map(function (s) { return D.severity[s]; }),
      { title: "Findings per severity", colors: ["#c62828", "#e07b00", "#2f6fdb"] });
    var fx = D.fixes, total = D.totals.findings || 1;
    var kinds = ["safe", "unsafe", "display", "none"];
    bar("chart-fixes", ["safe fix (--fix)", "unsafe fix", "display only", "no fix"], kinds.map(function (k) { return fx[k]; }),
      { title: "Fixable share: " + pct(fx.safe, total) + " safe, " + pct(fx.unsafe, total) + " unsafe",
        colors: ["#2e7d32", "#e07b00", "#8e24aa", "#9e9e9e"] });
    pagedTable(document.getElementById("rule-table"), [
      { title: "code", get: function (r) { return el("span", { cls: "code", text: r.code }); } },
      { title: "name", get: function (r) { return r.name; } },
      { title: "family", get: function (r) { return r.family; } },
      { title: "findings", num: true, get: function (r) { return fmt(r.count); } },
      { title: "documents", num: true, get: function (r) { return fmt(r.documents) + (D.totals.documents ? " (" + pct(r.documents, D.totals.documents) + ")" : ""); } },
      { title: "safe fix", num: true, get: function (r) { return fmt(r.safe); } },
      { title: "unsafe fix", num: true, get: function (r) { return fmt(r.unsafe); } },
    ], D.rules);
  }

  function sourceColumns(label) {
    return [
      { title: label, get: function (r) { return r[0]; } },
      { title: "documents", num: true, get: function (r) { return fmt(r[1]); } },
      { title: "with findings", num: true, get: function (r) { return fmt(r[2]); } },
      { title: "share", num: true, get: function (r) { return pct(r[2], r[1]); } },
      { title: "findings", num: true, get: function (r) { return fmt(r[3]); } },
    ];
  }

  function renderSources() {
    pagedTable(document.getElementById("source-table"), sourceColumns("file"), D.sources,
      { filter: "filter files", text: function (r) { return r[0]; } });
    if (D.domains.length) {
      pagedTable(document.getElementById("domain-table"), sourceColumns("domain"), D.domains,
        { filter: "filter domains", text: function (r) { return r[0]; } });
    } else {
      document.getElementById("domain-table").appendChild(el("p", { cls: "note", text: "No record carries a URL field." }));
    }
  }

  function renderHistogram() {
    bar("chart-histogram", D.histogram.map(function (h) { return h[0]; }), D.histogram.map(function (h) { return h[1]; }),
      { title: "Documents by number of findings", height: 300 });
  }

  function segments(parent, segs) {
    segs.forEach(function (s) {
      if (s[1]) parent.appendChild(el("mark", { cls: s[0] ? "" : "empty", title: s[0] ? "" : "here" }, [s[0]]));
      else parent.appendChild(document.createTextNode(s[0]));
    });
  }

  function findingBlock(f, withPlace) {
    var head = el("div", { cls: "head" }, [
      withPlace ? el("span", { text: where(f.path, f.record, f.id) + ":" + f.line + ":" + f.column + " " }) : el("span", { text: f.line + ":" + f.column + " " }),
      el("span", { cls: "code", text: f.code }), " ",
      el("span", { cls: "sev-" + f.severity, text: f.severity }), " ", f.message,
      f.fix ? el("span", { cls: "note", text: " — fix (" + f.fix[0] + "): " + f.fix[1] }) : null,
    ]);
    var box = el("div", { cls: "finding" }, [head]);
    if (f.frame) {
      var pre = el("pre", { cls: "frame" });
      f.frame.lines.forEach(function (line) {
        var row = el("span", { cls: "row" }, [el("span", { cls: "ln", text: String(line[0]) })]);
        segments(row, line[1]);
        pre.appendChild(row);
        pre.appendChild(document.createTextNode("\n"));
      });
      box.appendChild(pre);
      if (f.frame.diff) {
        var diff = el("pre", { cls: "frame diff" });
        f.frame.diff.forEach(function (d) {
          var row = el("span", { cls: d[0] === "-" ? "del" : "ins" }, [el("span", { cls: "ln", text: d[0] + " " + d[1] })]);
          segments(row, d[2]);
          diff.appendChild(row);
        });
        box.appendChild(diff);
      }
    }
    return box;
  }

  function renderWorst() {
    var host = document.getElementById("worst-list");
    if (!D.worst.length) { host.appendChild(el("p", { cls: "note", text: "No findings." })); return; }
    D.worst.forEach(function (w, i) {
      var details = el("details", { cls: "worst", "data-index": String(i) }, [
        el("summary", {}, [el("b", { text: count(w.count, "finding") }), " in " + where(w.path, w.record, w.id)])]);
      var filled = false;
      details.addEventListener("toggle", function () {
        if (!details.open || filled) return;
        filled = true;
        w.findings.forEach(function (f) { details.appendChild(findingBlock(f, false)); });
        if (w.count > w.findings.length) details.appendChild(el("p", { cls: "note", text: "… and " + fmt(w.count - w.findings.length) + " more in the table below." }));
      });
      host.appendChild(details);
    });
  }

  function renderSamples() {
    var host = document.getElementById("sample-list");
    D.samples.forEach(function (s) {
      var details = el("details", { cls: "sample" }, [el("summary", {}, [
        el("span", { cls: "code", text: s.code }), " " + s.name + " — " + count(s.count, "finding") + ", " + s.items.length + " shown"])]);
      if (s.summary) details.appendChild(el("p", { text: s.summary }));
      if (s.explanation) details.appendChild(el("div", { cls: "explain", text: s.explanation }));
      s.items.forEach(function (f) { details.appendChild(findingBlock(f, true)); });
      host.appendChild(details);
    });
  }

  function renderCompare() {
    var host = document.getElementById("compare-body");
    var c = D.compare;
    if (!c) { host.appendChild(el("p", { cls: "note", text: "No earlier findings given (scrapelint report … --compare OLD.jsonl)." })); return; }
    host.appendChild(el("p", { text: "Findings: " + fmt(c.total[0]) + " → " + fmt(c.total[1]) + "; documents with findings: " + fmt(c.documents_with[0]) + " → " + fmt(c.documents_with[1]) + "." }));
    function delta(d) { return el("span", { cls: d > 0 ? "up" : d < 0 ? "down" : "", text: (d > 0 ? "+" : "") + fmt(d) }); }
    var cols = function (label) { return [
      { title: label, get: function (r) { return r[0]; } },
      { title: "before", num: true, get: function (r) { return fmt(r[1]); } },
      { title: "now", num: true, get: function (r) { return fmt(r[2]); } },
      { title: "change", num: true, get: function (r) { return delta(r[3]); } },
    ]; };
    var changed = c.rules.filter(function (r) { return r[3] !== 0; });
    var chart = el("div", { cls: "chart wide", id: "chart-compare" });
    host.appendChild(chart);
    bar("chart-compare", changed.map(function (r) { return r[0]; }), changed.map(function (r) { return r[3]; }),
      { title: "Change per rule (rose: red, fell: green)", colors: changed.map(function (r) { return r[3] > 0 ? "#c62828" : "#2e7d32"; }) });
    host.appendChild(el("h3", { text: "Per rule" }));
    var rt = el("div"); host.appendChild(rt); pagedTable(rt, cols("rule"), c.rules);
    host.appendChild(el("h3", { text: "Per source (changed only)" }));
    var st = el("div"); host.appendChild(st); pagedTable(st, cols("file"), c.sources);
  }

  function renderFindings() {
    if (D.table.rows.length < D.totals.findings) {
      document.getElementById("finding-table").appendChild(el("p", { cls: "note",
        text: "The first " + fmt(D.table.rows.length) + " of " + fmt(D.totals.findings) + " findings are listed." }));
    }
    var S = D.table.strings, SEV = ["error", "warning", "info"], FIX = { s: "safe", u: "unsafe", d: "display", n: "" };
    pagedTable(document.getElementById("finding-table"), [
      { title: "location", get: function (r) { return where(S[r[2]], r[3], r[4] === null ? null : S[r[4]]) + ":" + r[5] + ":" + r[6]; } },
      { title: "code", get: function (r) { return el("span", { cls: "code", text: S[r[0]] }); } },
      { title: "severity", get: function (r) { return el("span", { cls: "sev-" + SEV[r[1]], text: SEV[r[1]] }); } },
      { title: "message", get: function (r) { return S[r[7]]; } },
      { title: "fix", get: function (r) { return FIX[r[8]] || ""; } },
    ], D.table.rows, { filter: "filter by code, file or message", text: function (r) { return S[r[0]] + " " + S[r[2]] + " " + S[r[7]]; } });
  }

  [renderRun, renderGates, renderRules, renderSources, renderHistogram, renderWorst, renderSamples, renderCompare, renderFindings]
    .forEach(function (step) {
      try { step(); } catch (e) { console.error("report: " + step.name + ": " + e); }
    });
  document.body.setAttribute("data-rendered", "yes");
})();
