// civicgraph map controls: search, type and relation filters, legend, hover card.
// Document text only ever reaches the page through textContent (never innerHTML).
(function () {
  "use strict";
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  performance.mark("cg-network");
  var api = (window.civicgraph = {
    network: network, nodes: nodes, edges: edges, ready: false, readyAt: null,
  });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // ---- ready flag (time to interactive) ----
  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
  }
  if (CG.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.once("afterDrawing", markReady);
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  // ---- filters ----
  var hiddenKinds = new Set();
  var hiddenPreds = new Set();
  var hideIsolated = false;
  var byKind = {};
  nodes.forEach(function (n) { (byKind[n.kind] = byKind[n.kind] || []).push(n.id); });

  function applyFilters() {
    var nodeUpdates = [];
    nodes.forEach(function (n) {
      var hide = hiddenKinds.has(n.kind) || (hideIsolated && n.deg === 0);
      if (Boolean(n.hidden) !== hide) nodeUpdates.push({ id: n.id, hidden: hide });
    });
    // vis-network does not draw a line whose end is hidden, so only the
    // relation filters need to touch the edges
    var edgeUpdates = [];
    edges.forEach(function (e) {
      var hide = hiddenPreds.has(e.pred);
      if (Boolean(e.hidden) !== hide) edgeUpdates.push({ id: e.id, hidden: hide });
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }
  api.setKind = function (kind, shown) {
    if (shown) hiddenKinds.delete(kind); else hiddenKinds.add(kind);
    var box = document.querySelector('input[data-kind="' + CSS.escape(kind) + '"]');
    if (box) box.checked = shown;
    syncTops();
    applyFilters();
  };
  api.setPredicate = function (pred, shown) {
    if (shown) hiddenPreds.delete(pred); else hiddenPreds.add(pred);
    var box = document.querySelector('input[data-pred="' + CSS.escape(pred) + '"]');
    if (box) box.checked = shown;
    applyFilters();
  };
  api.setIsolated = function (shown) {
    hideIsolated = !shown;
    var box = document.querySelector("input[data-isolated]");
    if (box) box.checked = shown;
    applyFilters();
  };
  api.visibleCounts = function () {
    return { nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length };
  };

  function syncTops() {
    document.querySelectorAll("input[data-top]").forEach(function (box) {
      var kinds = CG.legend.kinds.filter(function (k) { return k.top === box.dataset.top; });
      var shown = kinds.filter(function (k) { return !hiddenKinds.has(k.kind); }).length;
      box.checked = shown > 0;
      box.indeterminate = shown > 0 && shown < kinds.length;
    });
  }

  function swatch(shape, color) {
    var s = el("span", null, "cg-swatch " + shape);
    if (shape !== "diamond") s.style.background = color;
    return s;
  }

  function row(cls, box, sw, label, count) {
    var r = el("label", null, "cg-row " + cls);
    r.appendChild(box);
    if (sw) r.appendChild(sw);
    r.appendChild(el("span", label));
    if (count !== null) r.appendChild(el("span", count.toLocaleString("en-GB"), "cg-count"));
    return r;
  }

  function checkbox(attr, value, onChange) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute(attr, value);
    box.addEventListener("change", function () { onChange(box.checked); });
    return box;
  }

  function buildLegend() {
    var kindsDiv = document.getElementById("cg-kinds");
    var tops = {};
    CG.legend.kinds.forEach(function (k) { (tops[k.top] = tops[k.top] || []).push(k); });
    Object.keys(tops).forEach(function (top) {
      var members = tops[top];
      var total = members.reduce(function (a, k) { return a + k.count; }, 0);
      var topBox = checkbox("data-top", top, function (shown) {
        members.forEach(function (k) { if (shown) hiddenKinds.delete(k.kind); else hiddenKinds.add(k.kind); });
        members.forEach(function (k) {
          var b = document.querySelector('input[data-kind="' + CSS.escape(k.kind) + '"]');
          if (b) b.checked = shown;
        });
        syncTops();
        applyFilters();
      });
      kindsDiv.appendChild(row("cg-top", topBox, null, top, total));
      members.forEach(function (k) {
        var box = checkbox("data-kind", k.kind, function (shown) { api.setKind(k.kind, shown); });
        var name = k.kind === top ? top + " (no subtype)" : k.kind;
        kindsDiv.appendChild(row("cg-sub", box, swatch(k.shape, k.color), name, k.count));
      });
    });
    if (CG.legend.funders) {
      var f = el("div", null, "cg-row cg-sub");
      f.appendChild(swatch("diamond", null));
      f.appendChild(el("span", "Funder (diamond, gold border)"));
      f.appendChild(el("span", CG.legend.funders.toLocaleString("en-GB"), "cg-count"));
      kindsDiv.appendChild(f);
    }
    var isolated = nodes.get({ filter: function (n) { return n.deg === 0; } }).length;
    if (isolated) {
      var isoBox = checkbox("data-isolated", "1", api.setIsolated);
      kindsDiv.appendChild(row("cg-top", isoBox, null, "Entities with no relations", isolated));
    }
    if (CG.mode === "path") kindsDiv.appendChild(el("div", "Magenta: the path; faded: what is around it.", "cg-note"));
    if (CG.mode === "ego") kindsDiv.appendChild(el("div", "Magenta border: the entity at the centre.", "cg-note"));
    var size = el("div", "Node size: number of connections. Line width: number of supporting sentences.", "cg-note");
    kindsDiv.appendChild(size);
    var predsDiv = document.getElementById("cg-preds");
    CG.legend.predicates.forEach(function (p) {
      var box = checkbox("data-pred", p.pred, function (shown) { api.setPredicate(p.pred, shown); });
      var line = el("span", null, "cg-line" + (p.dashes ? " dashed" : ""));
      line.style.borderTopColor = p.color;
      var label = p.pred + (p.directed ? " →" : " (both ways)");
      predsDiv.appendChild(row("", box, line, label, p.count));
    });
    document.getElementById("cg-reset").addEventListener("click", function () {
      hiddenKinds.clear();
      hiddenPreds.clear();
      hideIsolated = false;
      document.querySelectorAll("#cg-legend input").forEach(function (b) { b.checked = true; b.indeterminate = false; });
      applyFilters();
    });
  }

  // ---- hover card ----
  var card = document.getElementById("cg-card");
  var pinned = null;
  function list(title, items) {
    var frag = document.createDocumentFragment();
    if (!items || !items.length) return frag;
    frag.appendChild(el("div", title, "cg-meta"));
    var ul = el("ul");
    items.forEach(function (i) { ul.appendChild(el("li", i)); });
    frag.appendChild(ul);
    return frag;
  }
  function nodeCard(id) {
    var n = nodes.get(id);
    if (!n) return;
    card.replaceChildren();
    card.appendChild(el("h3", n.label));
    var what = n.top + (n.sub ? " · " + n.sub : "") + (n.funder ? " · funder" : "");
    card.appendChild(el("p", what + " · " + n.deg + " connection" + (n.deg === 1 ? "" : "s"), "cg-meta"));
    card.appendChild(list("Also known as", n.aliases));
    card.appendChild(list("Mentioned in", n.docs));
    card.hidden = false;
  }
  function edgeCard(id) {
    var e = edges.get(id);
    if (!e) return;
    var a = nodes.get(e.from), b = nodes.get(e.to);
    card.replaceChildren();
    card.appendChild(el("h3", a.label + " — " + e.pred + (e.arrows.to.enabled ? " → " : " — ") + b.label));
    var meta = e.n + " supporting sentence" + (e.n === 1 ? "" : "s") + (e.amount ? " · amount " + e.amount : "");
    card.appendChild(el("p", meta, "cg-meta"));
    e.ev.forEach(function (ev) {
      var q = el("blockquote", ev.s);
      var where = ev.d + (ev.r && ev.r[0] !== null ? " (characters " + ev.r[0] + "–" + ev.r[1] + ")" : "");
      if (where) q.appendChild(el("cite", where));
      card.appendChild(q);
    });
    if (e.more) card.appendChild(el("p", "and " + e.more + " more", "cg-meta"));
    card.hidden = false;
  }
  function restoreCard() {
    if (pinned === null) { card.hidden = true; return; }
    if (pinned.node !== undefined) nodeCard(pinned.node); else edgeCard(pinned.edge);
  }
  network.on("hoverNode", function (p) { nodeCard(p.node); });
  network.on("hoverEdge", function (p) { edgeCard(p.edge); });
  network.on("blurNode", restoreCard);
  network.on("blurEdge", restoreCard);
  network.on("click", function (p) {
    if (p.nodes.length) pinned = { node: p.nodes[0] };
    else if (p.edges.length) pinned = { edge: p.edges[0] };
    else pinned = null;
    restoreCard();
  });
  api.showNode = nodeCard;
  api.showEdge = edgeCard;

  // ---- search by any name ----
  var index = [];
  nodes.forEach(function (n) {
    index.push({ id: n.id, names: [n.label].concat(n.aliases || []), deg: n.deg });
  });
  function norm(s) { return String(s).toLowerCase().replace(/\s+/g, " ").trim(); }
  api.search = function (query) {
    var q = norm(query);
    if (!q) return [];
    var hits = [];
    index.forEach(function (entry) {
      var best = null;
      entry.names.forEach(function (name) {
        var t = norm(name);
        var rank = t === q ? 0 : t.indexOf(q) === 0 ? 1 : t.indexOf(q) > 0 ? 2 : null;
        if (rank !== null && (best === null || rank < best.rank)) best = { rank: rank, name: name };
      });
      if (best) hits.push({ id: entry.id, rank: best.rank, name: best.name, deg: entry.deg });
    });
    hits.sort(function (a, b) { return a.rank - b.rank || b.deg - a.deg; });
    return hits;
  };
  api.focusNode = function (id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    pinned = { node: id };
    nodeCard(id);
  };
  var input = document.getElementById("cg-search");
  var status = document.getElementById("cg-search-status");
  var results = document.getElementById("cg-results");
  function showResults(go) {
    var hits = api.search(input.value);
    results.replaceChildren();
    status.textContent = input.value.trim() ? hits.length + " match" + (hits.length === 1 ? "" : "es") : "";
    hits.slice(0, 12).forEach(function (h) {
      var n = nodes.get(h.id);
      var li = el("li");
      var b = el("button", n.label);
      b.type = "button";
      b.setAttribute("data-node", String(h.id));
      b.addEventListener("click", function () { api.focusNode(h.id); });
      li.appendChild(b);
      if (h.name !== n.label) li.appendChild(el("span", " (" + h.name + ")", "cg-alias"));
      if (n.hidden) li.appendChild(el("span", " (hidden by a filter)", "cg-alias"));
      results.appendChild(li);
    });
    if (go && hits.length) api.focusNode(hits[0].id);
  }
  input.addEventListener("input", function () { showResults(false); });
  input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") showResults(true); });

  buildLegend();
})();
