/* Graph view: state, filters, grouping, focus, and the vis-network drawing.
 * Node positions come from the server; physics stays off, so the first draw is the last. */
(function () {
  "use strict";
  var KG = window.KG, el = KG.el;
  var marks = {start: performance.now()};
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var detailsData = null;
  function details() {  /* parsed on first use: most of the bytes, needed only on a click */
    if (!detailsData) detailsData = JSON.parse($("kg-details").textContent);
    return detailsData;
  }
  var NODE = new Map(), ADJ = new Map(), CLAIM_EDGES = new Map(), LEGEND = {};
  D.nodes.forEach(function (n) { NODE.set(n.id, n); ADJ.set(n.id, []); });
  D.edges.forEach(function (e, i) {
    ADJ.get(e.from).push(i);
    ADJ.get(e.to).push(i);
    if (NODE.get(e.to).type === "claim") {
      if (!CLAIM_EDGES.has(e.to)) CLAIM_EDGES.set(e.to, []);
      CLAIM_EDGES.get(e.to).push(e);
    }
  });
  D.legend.forEach(function (row) { LEGEND[row.key] = row; });
  marks.parsed = performance.now();
  var STANCE = {affirms: 1, denies: 1, hedges: 1};
  var ARROWS = D.options.edges.arrows.to.enabled;
  var ALL_STATUSES = D.filters.statuses.map(function (s) { return s.value; });
  /* A large graph's summary: the page holds only the nodes drawn (viz/large.py). */
  var PARTIAL = !!D.initial.partial;

  function initialState() {
    var init = D.initial;
    return {
      statuses: new Set(ALL_STATUSES), contested: false, source: "", minCorr: 0,
      from: "", to: "", undated: true,
      collapsed: new Set(init.collapsed ? Object.keys(D.groups) : []),
      summary: init.claims ? new Set(init.claims) : null,
      focus: init.focus || null,
      relays: init.relays !== false,
    };
  }
  var state = initialState();

  function datePass(date) {
    if (!state.from && !state.to) return true;
    if (!date) return state.undated;
    var day = date.slice(0, 10);
    return (!state.from || day >= state.from) && (!state.to || day <= state.to);
  }

  function sourceClaims() {
    if (!state.source) return null;
    var id = state.source.slice(2);
    var actors = state.source.slice(0, 2) !== "g:" ? new Set([id])
      : PARTIAL ? new Set(["group:" + id, id])
      : new Set(details().groups[id].members.map(function (m) { return m.iri; }));
    var claims = new Set();
    D.edges.forEach(function (e) {
      if (STANCE[e.kind] && actors.has(e.from)) claims.add(e.to);
    });
    return claims;
  }

  function claimPass(n, fromSource) {
    if (!state.statuses.has(n.status)) return false;
    if (state.contested && !n.contested) return false;
    if (n.corroboration < state.minCorr) return false;
    if (state.summary && !state.summary.has(n.id)) return false;
    if (fromSource && !fromSource.has(n.id)) return false;
    if (state.from || state.to) {
      return (CLAIM_EDGES.get(n.id) || []).some(function (e) {
        return (STANCE[e.kind] || e.kind === "supports" || e.kind === "disputes") && datePass(e.date);
      });
    }
    return true;
  }

  function restricted() {
    return state.summary || state.contested || state.source || state.minCorr > 0 ||
      state.from || state.to || state.statuses.size !== ALL_STATUSES.length;
  }

  /* Support for a narrower claim is support for the broader one (refinement): a claim's
   * neighbourhood holds the claims that refine it, at any depth, and who backs them. */
  var BACKING = {affirms: 1, denies: 1, hedges: 1, supports: 1, disputes: 1};
  function narrower(id) {
    var found = new Set(), stack = [id];
    while (stack.length) {
      (CLAIM_EDGES.get(stack.pop()) || []).forEach(function (e) {
        if (e.kind === "refines" && e.from !== id && !found.has(e.from)) {
          found.add(e.from);
          stack.push(e.from);
        }
      });
    }
    return found;
  }

  /* The ids of the nodes to show, before grouping. */
  function visibleIds() {
    var shown = new Set();
    if (state.focus && NODE.has(state.focus)) {
      shown.add(state.focus);
      ADJ.get(state.focus).forEach(function (i) { shown.add(D.edges[i].from); shown.add(D.edges[i].to); });
      narrower(state.focus).forEach(function (id) {
        shown.add(id);
        (CLAIM_EDGES.get(id) || []).forEach(function (e) { if (BACKING[e.kind]) shown.add(e.from); });
      });
      return shown;
    }
    if (!restricted()) {
      D.nodes.forEach(function (n) { shown.add(n.id); });
      return shown;
    }
    var fromSource = sourceClaims();
    D.nodes.forEach(function (n) { if (n.type === "claim" && claimPass(n, fromSource)) shown.add(n.id); });
    var evidence = new Set();
    D.edges.forEach(function (e) {
      if (!shown.has(e.to) || NODE.get(e.to).type !== "claim") return;
      if (STANCE[e.kind] && !datePass(e.date)) return;
      if (e.kind === "relays" && !state.relays) return;
      if (NODE.get(e.from).type === "evidence") {
        if (datePass(e.date)) evidence.add(e.from);
      } else if (NODE.get(e.from).type === "actor") shown.add(e.from);
    });
    evidence.forEach(function (id) { shown.add(id); });
    D.edges.forEach(function (e) {
      if (e.kind === "produced" && evidence.has(e.to)) shown.add(e.from);
    });
    return shown;
  }

  function repOf(id) {
    var n = NODE.get(id);
    return n.type === "actor" && state.collapsed.has(n.source) && D.groups[n.source]
      ? "group:" + n.source : id;
  }

  function edgeRecord(e, id, count) {
    var style = D.edgeStyles[e.kind];
    var from = NODE.get(e.from), to = NODE.get(e.to);
    var record = {id: id, from: repOf(e.from), to: repOf(e.to), kind: e.kind,
                  color: style.color, width: style.width + (count > 1 ? Math.log2(count) : 0)};
    if (style.dashes) record.dashes = style.dashes;
    if (style.arrows && ARROWS) record.arrows = style.arrows;
    record.title = count > 1 ? count + " \u00d7 " + e.kind
      : from.label + " \u2014 " + e.kind + " \u2192 " + to.label + (e.date ? " (" + e.date + ")" : "");
    return record;
  }

  /* The node and edge records to draw. */
  function compute() {
    var ids = visibleIds(), nodes = new Map(), edges = new Map(), counts = new Map();
    ids.forEach(function (id) {
      var rep = repOf(id);
      if (!nodes.has(rep)) nodes.set(rep, rep === id ? NODE.get(id) : D.groups[NODE.get(id).source].node);
    });
    var dated = state.from || state.to;
    D.edges.forEach(function (e) {
      if (!ids.has(e.from) || !ids.has(e.to)) return;
      if (e.kind === "relays" && !state.relays) return;
      if (dated && (STANCE[e.kind] || e.kind === "supports" || e.kind === "disputes") && !datePass(e.date)) return;
      var from = repOf(e.from), to = repOf(e.to);
      if (from === to) return;
      var key = from === e.from && to === e.to ? e.id : "c:" + from + "|" + to + "|" + e.kind;
      counts.set(key, (counts.get(key) || 0) + 1);
      edges.set(key, e);
    });
    var edgeList = [];
    edges.forEach(function (e, key) { edgeList.push(edgeRecord(e, key, counts.get(key))); });
    return {nodes: Array.from(nodes.values()), edges: edgeList};
  }

  var container = $("kg-graph");
  var nodesDS = new vis.DataSet(), edgesDS = new vis.DataSet();
  var view = compute();
  marks.computed = performance.now();
  nodesDS.add(view.nodes);
  edgesDS.add(view.edges);
  marks.datasets = performance.now();
  var network = new vis.Network(container, {nodes: nodesDS, edges: edgesDS}, D.options);
  marks.network = performance.now();
  /* For tests and the benchmark: the network, its data, and when the first drawing ended. */
  var api = (window.kgView = {network: network, nodes: nodesDS, edges: edgesDS, state: state,
                              firstDraw: null, data: D, marks: marks});
  network.once("afterDrawing", function () {
    api.firstDraw = marks.drawn = performance.now();
    buildControls();
    document.body.setAttribute("data-ready", "1");
  });

  function apply(fit) {
    var next = compute();
    var wantNodes = new Set(next.nodes.map(function (n) { return n.id; }));
    var wantEdges = new Set(next.edges.map(function (e) { return e.id; }));
    edgesDS.remove(edgesDS.getIds().filter(function (id) { return !wantEdges.has(id); }));
    nodesDS.remove(nodesDS.getIds().filter(function (id) { return !wantNodes.has(id); }));
    nodesDS.add(next.nodes.filter(function (n) { return !nodesDS.get(n.id); }));
    edgesDS.update(next.edges);
    if (fit) network.fit({animation: false});
    showStatus();
  }

  function num(n) { return n.toLocaleString("en-US"); }

  function showStatus() {
    /* The one count of what is drawn; the totals are the whole graph's, a summary's too. */
    var text = "Showing " + num(nodesDS.length) + " of " + num(D.stats.nodes) + " nodes \u00b7 " +
      num(D.stats.claims) + " claims, " + num(D.stats.actors) + " actors, " +
      num(D.stats.evidence) + " evidence" + (PARTIAL ? " in all" : "");
    $("kg-status").textContent = text;
    var note = $("kg-summary-note");
    note.hidden = !state.summary && !PARTIAL;
    $("kg-show-all").hidden = !state.summary;
    if (PARTIAL) note.textContent = D.initial.note;
    else if (state.summary) {
      note.textContent = "Summary of a large graph: the " + state.summary.size +
        " best-corroborated claims, with actors grouped. Click a group to expand it, focus on " +
        "a node, or show the whole graph.";
    }
    $("kg-focus-note").hidden = !state.focus;
    if (state.focus) $("kg-focus-label").textContent = "Neighbourhood of: " + NODE.get(state.focus).label;
  }

  var panel = $("kg-panel"), panelBody = $("kg-panel-body");
  var ctx = {
    groups: D.groups,
    links: D.initial.links || null,
    legendRow: function (key) { return LEGEND[key]; },
    select: function (id, reveal) { select(id, reveal); },
    focus: function (id) { state.focus = id; apply(true); select(id, false); },
    focused: function () { return state.focus; },
    toggleGroup: function (gid, collapse) {
      if (collapse) state.collapsed.add(gid); else state.collapsed.delete(gid);
      apply(false);
      if (collapse) select("group:" + gid, false);
      else closePanel();
    },
  };

  Object.defineProperty(ctx, "details", {get: details});

  function select(id, reveal) {
    var type, key = id;
    if (id.indexOf("group:") === 0 && D.groups[id.slice(6)]) { type = "group"; key = id.slice(6); }
    else if (NODE.has(id)) type = NODE.get(id).type;
    else return;
    if (reveal && !nodesDS.get(repOf(id))) { state.focus = id; apply(true); }
    KG.renderPanel(panelBody, ctx, type, key);
    panel.hidden = false;
    panelBody.scrollTop = 0;
    var drawn = type === "group" ? id : repOf(id);
    if (nodesDS.get(drawn)) {
      network.selectNodes([drawn]);
      if (reveal) network.focus(drawn, {scale: Math.max(network.getScale(), 0.8), animation: false});
    }
  }
  /* Escape closes the panel; focus goes back where it was before the panel took it (a
   * search result, a control), else to the graph. */
  var returnFocus = null;
  function closePanel() {
    var inPanel = panel.contains(document.activeElement);
    panel.hidden = true;
    network.unselectAll();
    if (inPanel) {
      var back = returnFocus && document.contains(returnFocus) && !panel.contains(returnFocus)
        ? returnFocus : container.querySelector(".vis-network") || container;
      back.focus();
    }
    returnFocus = null;
  }
  panel.addEventListener("focusin", function (ev) {
    if (!returnFocus && ev.relatedTarget && !panel.contains(ev.relatedTarget)) {
      returnFocus = ev.relatedTarget;
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape" || panel.hidden || ev.defaultPrevented) return;
    ev.preventDefault();
    closePanel();
  });
  api.select = select;
  api.apply = apply;

  network.on("click", function (params) {
    if (params.nodes.length) select(params.nodes[0], false);
    else if (!params.edges.length) closePanel();
  });
  network.on("doubleClick", function (params) {
    var id = params.nodes[0];
    if (id && id.indexOf("group:") === 0) ctx.toggleGroup(id.slice(6), false);
  });
  $("kg-panel-close").addEventListener("click", closePanel);

  /* Search: case-insensitive, over labels and ids, ignoring a final full stop. The best
   * match is shown (exact, then prefix, then substring, then id); when several match, a short
   * list of buttons offers the others; when none does, the panel closes and says so. */
  var SEARCH = [], SEARCH_SHOWN = 8, lastSearch = null;
  function searchKey(text) { return String(text).trim().toLowerCase().replace(/[.\u3002]+$/, ""); }
  function searchRank(entry, q) {
    var at = entry.key.indexOf(q);
    if (entry.key === q || entry.idKey === q) return 0;
    if (at === 0) return 1;
    if (at > 0) return 2;
    return entry.idKey.indexOf(q) >= 0 ? 3 : -1;
  }
  function matches(text) {
    var q = searchKey(text);
    if (!q) return [];
    return SEARCH.map(function (entry) { return {entry: entry, rank: searchRank(entry, q)}; })
      .filter(function (m) { return m.rank >= 0; })
      .sort(function (a, b) {
        return a.rank - b.rank || a.entry.label.length - b.entry.label.length ||
          (a.entry.label < b.entry.label ? -1 : a.entry.label > b.entry.label ? 1 : 0);
      })
      .map(function (m) { return m.entry; });
  }
  function search(text) {
    /* A change event also comes on blur, e.g. on clicking one of the listed matches */
    if (text === lastSearch) return;
    lastSearch = text;
    var out = KG.clear($("kg-search-results"));
    if (!searchKey(text)) return;
    var found = matches(text);
    if (!found.length) {
      closePanel();
      out.appendChild(el("p", {className: "kg-search-none"}, ["No match for \u201c", el("bdi", {},
        [text.trim()]), "\u201d."]));
      return;
    }
    select(found[0].id, true);
    if (found.length === 1) return;
    out.appendChild(el("p", {}, [found.length + " matches" + (found.length > SEARCH_SHOWN
      ? ", the first " + SEARCH_SHOWN + " listed" : "") + ":"]));
    out.appendChild(el("ul", {}, found.slice(0, SEARCH_SHOWN).map(function (entry) {
      return el("li", {}, [el("button", {type: "button", className: "kg-link",
        "aria-current": entry === found[0] ? "true" : null, onclick: function (ev) {
          out.querySelectorAll("[aria-current]").forEach(function (b) {
            b.removeAttribute("aria-current"); });
          ev.currentTarget.setAttribute("aria-current", "true");
          select(entry.id, true);
        }}, [entry.label])]);
    })));
  }
  api.search = search;

  /* Controls: filled from the data, with text only, once the graph is on screen. */
  function buildControls() {
    D.filters.statuses.forEach(function (s) {
      var box = el("input", {type: "checkbox", value: s.value});
      box.checked = true;
      box.addEventListener("change", function () {
        if (box.checked) state.statuses.add(s.value); else state.statuses.delete(s.value);
        apply(true);
      });
      $("kg-statuses").insertBefore(el("label", {}, [box, KG.swatch(LEGEND[s.value]),
        /* A summary counts only the claims it holds: said so, beside the totals above. */
        " " + s.label + " (" + num(s.count) + (PARTIAL ? " in this summary" : "") + ")"]),
        $("kg-contested").parentNode);
    });
    var source = $("kg-source");
    [["Source groups", "g:", D.filters.groups], ["Actors", "a:", D.filters.actors]].forEach(function (part) {
      var optgroup = el("optgroup", {label: part[0]});
      part[2].forEach(function (o) {
        optgroup.appendChild(el("option", {value: part[1] + o.value}, [o.label]));
      });
      source.appendChild(optgroup);
    });
    var list = $("kg-search-list"), byLabel = new Map();
    D.nodes.forEach(function (n) {
      var brief = PARTIAL ? details().briefs[n.id] : null;
      var label = brief ? brief.text || brief.label
        : n.type === "claim" ? details().claims[n.id].text
        : n.type === "actor" ? details().actors[n.id].label : details().evidence[n.id].label;
      SEARCH.push({id: n.id, label: label, key: searchKey(label), idKey: searchKey(n.id)});
      if (!byLabel.has(label)) { byLabel.set(label, n.id); list.appendChild(el("option", {value: label})); }
    });
    var range = $("kg-min-corr");
    range.max = String(D.filters.maxCorroboration);
    ["kg-date-from", "kg-date-to"].forEach(function (id) {
      if (D.filters.dates.min) $(id).min = D.filters.dates.min;
      if (D.filters.dates.max) $(id).max = D.filters.dates.max;
    });
    $("kg-collapse").checked = state.collapsed.size > 0;
    if (PARTIAL) {  /* nothing to collapse, no relays or dates: groups are drawn whole */
      ["kg-collapse", "kg-relays", "kg-date-from"].forEach(function (id) {
        $(id).closest(".kg-field").hidden = true;
      });
    }

    function bind(id, event, handler) { $(id).addEventListener(event, handler); }
    bind("kg-contested", "change", function (ev) { state.contested = ev.target.checked; apply(true); });
    bind("kg-source", "change", function (ev) { state.source = ev.target.value; apply(true); });
    bind("kg-min-corr", "input", function (ev) {
      state.minCorr = Number(ev.target.value);
      $("kg-min-corr-value").textContent = ev.target.value;
      apply(false);
    });
    bind("kg-date-from", "change", function (ev) { state.from = ev.target.value; apply(true); });
    bind("kg-date-to", "change", function (ev) { state.to = ev.target.value; apply(true); });
    bind("kg-undated", "change", function (ev) { state.undated = ev.target.checked; apply(true); });
    bind("kg-collapse", "change", function (ev) {
      state.collapsed = new Set(ev.target.checked ? Object.keys(D.groups) : []);
      apply(false);
    });
    bind("kg-show-all", "click", function () { state.summary = null; apply(true); });
    bind("kg-fit", "click", function () { network.fit({animation: false}); });
    bind("kg-clear-focus", "click", function () { state.focus = null; apply(true); });
    bind("kg-reset", "click", function () {
      var fresh = initialState();
      Object.keys(fresh).forEach(function (k) { state[k] = fresh[k]; });
      state.focus = null;
      document.querySelectorAll("#kg-statuses input[value]").forEach(function (b) { b.checked = true; });
      $("kg-contested").checked = false;
      source.value = "";
      range.value = "0";
      $("kg-min-corr-value").textContent = "0";
      $("kg-date-from").value = $("kg-date-to").value = "";
      $("kg-undated").checked = true;
      $("kg-collapse").checked = state.collapsed.size > 0;
      $("kg-relays").checked = state.relays;
      apply(true);
    });
    bind("kg-search", "change", function (ev) { search(ev.target.value); });
    $("kg-relays").checked = state.relays;
    bind("kg-relays", "change", function (ev) { state.relays = ev.target.checked; apply(false); });
    KG.renderLegend($("kg-legend"), D.legend);
    if (!ARROWS) {
      $("kg-legend").appendChild(el("p", {className: "kg-legend-note"}, ["On a graph this " +
        "large, edges are drawn without arrow heads, so that it opens fast: a stance is " +
        "told by its colour and dash, and always points from actor to claim."]));
    }
    showStatus();
    if (state.focus) select(state.focus, false);
  }
  showStatus();
})();
