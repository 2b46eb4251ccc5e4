/* newsledger web UI: small vanilla scripts. Data from the ledger is only ever
   put into the page with textContent / setAttribute, never parsed as HTML. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var COOP = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"];
  var CONFLICT = ["REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

  function readJSON(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function activate(node, fn) {
    node.addEventListener("click", fn);
    node.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); fn(ev); }
    });
  }

  /* ------------------------------------------------------------ document view */
  function initDocument() {
    var items = readJSON("items-data") || {};
    var text = document.getElementById("doctext");
    var body = document.getElementById("panel-body");
    var empty = document.getElementById("panel-empty");
    if (!text || !body) return;
    var selected = [];
    var panel = document.getElementById("panel");
    var close = document.getElementById("panel-close");
    if (close) close.addEventListener("click", function () {
      var back = selected[0];
      show([], null);
      if (back) back.focus();
    });

    function clearSel() {
      selected.forEach(function (n) { n.classList.remove("sel"); });
      selected = [];
    }
    function show(ids, origin) {
      clearSel();
      while (body.firstChild) body.removeChild(body.firstChild);
      ids.forEach(function (id) {
        var item = items[id];
        if (!item) return;
        var box = el("section", "item kind-" + String(item.kind).toLowerCase());
        box.appendChild(el("div", "kind", item.kind));
        box.appendChild(el("h3", null, item.title));
        var dl = el("dl", "fields");
        (item.fields || []).forEach(function (pair) {
          dl.appendChild(el("dt", null, pair[0]));
          dl.appendChild(el("dd", null, pair[1]));
        });
        box.appendChild(dl);
        body.appendChild(box);
      });
      if (empty) empty.hidden = ids.length > 0;
      panel.classList.toggle("is-empty", ids.length === 0);
      // outline every passage of the first (narrowest) item
      if (ids.length) {
        text.querySelectorAll(".hl").forEach(function (n) {
          if ((n.getAttribute("data-items") || "").split(" ").indexOf(ids[0]) >= 0) {
            n.classList.add("sel"); selected.push(n);
          }
        });
      }
      if (origin && window.matchMedia && window.matchMedia("(max-width: 820px)").matches) {
        panel.scrollTop = 0;
      }
    }
    text.addEventListener("click", function (ev) {
      var node = ev.target.closest ? ev.target.closest(".hl") : null;
      if (node) show((node.getAttribute("data-items") || "").split(" ").filter(Boolean), node);
    });
    text.addEventListener("keydown", function (ev) {
      var node = ev.target;
      if (!node.classList || !node.classList.contains("hl")) return;
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        show((node.getAttribute("data-items") || "").split(" ").filter(Boolean), node);
      }
    });
    document.querySelectorAll(".legend input[data-kind]").forEach(function (box) {
      box.addEventListener("change", function () {
        text.classList.toggle("off-" + box.getAttribute("data-kind"), !box.checked);
      });
    });
    var target = document.getElementById("target");
    if (target) {
      target.scrollIntoView({ block: "center" });
      if (target.classList.contains("hl")) {
        show((target.getAttribute("data-items") || "").split(" ").filter(Boolean), null);
      }
      target.focus({ preventScroll: true });
    }
  }

  /* ------------------------------------------------------------ actor network */
  function layout(nodes, edges, width, height) {
    var n = nodes.length, i, k;
    var index = {};
    nodes.forEach(function (node, j) {
      index[node.id] = j;
      var angle = 2 * Math.PI * j / Math.max(1, n);
      node.x = width / 2 + (width / 3) * Math.cos(angle);
      node.y = height / 2 + (height / 3) * Math.sin(angle);
    });
    var links = edges.map(function (e) { return [index[e.s], index[e.t], e.n]; })
      .filter(function (l) { return l[0] !== undefined && l[1] !== undefined; });
    var ideal = Math.max(60, Math.min(160, Math.sqrt(width * height / Math.max(1, n)) * 0.7));
    for (var step = 0; step < 300; step++) {
      var temp = 1 - step / 300;
      var fx = new Array(n).fill(0), fy = new Array(n).fill(0);
      for (i = 0; i < n; i++) {
        for (k = i + 1; k < n; k++) {
          var dx = nodes[i].x - nodes[k].x, dy = nodes[i].y - nodes[k].y;
          var d2 = Math.max(dx * dx + dy * dy, 1);
          var f = ideal * ideal / d2;
          fx[i] += dx * f; fy[i] += dy * f; fx[k] -= dx * f; fy[k] -= dy * f;
        }
      }
      links.forEach(function (l) {
        var a = nodes[l[0]], b = nodes[l[1]];
        var dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        var f = (d - ideal) / d * 0.5;
        fx[l[0]] -= dx * f; fy[l[0]] -= dy * f; fx[l[1]] += dx * f; fy[l[1]] += dy * f;
      });
      for (i = 0; i < n; i++) {
        fx[i] += (width / 2 - nodes[i].x) * 0.02; fy[i] += (height / 2 - nodes[i].y) * 0.02;
        var len = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]) || 1;
        var move = Math.min(len, 12 * temp + 0.5);
        nodes[i].x = Math.max(40, Math.min(width - 40, nodes[i].x + fx[i] / len * move));
        nodes[i].y = Math.max(24, Math.min(height - 24, nodes[i].y + fy[i] / len * move));
      }
    }
    return index;
  }

  function initActors() {
    var data = readJSON("network-data");
    var root = document.getElementById("network");
    var select = document.getElementById("net-type");
    if (!data || !root) return;
    var W = 800, H = 560;
    var index = layout(data.nodes, data.edges, W, H);
    var edgeLayer = svg("g", { "class": "edges" });
    var nodeLayer = svg("g", { "class": "nodes" });
    root.appendChild(edgeLayer); root.appendChild(nodeLayer);
    var maxDeg = Math.max.apply(null, data.nodes.map(function (n) { return n.n; }).concat([1]));

    function stanceOf(coop, conflict) {
      if (coop > conflict) return "coop";
      if (conflict > coop) return "conflict";
      return "neutral";
    }
    function draw(type) {
      while (edgeLayer.firstChild) edgeLayer.removeChild(edgeLayer.firstChild);
      var used = {};
      data.edges.forEach(function (e) {
        var count = type ? (e.types[type] || 0) : e.n;
        if (!count) return;
        var a = data.nodes[index[e.s]], b = data.nodes[index[e.t]];
        if (!a || !b) return;
        used[e.s] = used[e.t] = true;
        var cls = type ? (COOP.indexOf(type) >= 0 ? "coop" : CONFLICT.indexOf(type) >= 0 ? "conflict" : "neutral")
                       : stanceOf(e.coop, e.conflict);
        var line = svg("line", { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
                                 "class": cls, "stroke-width": (1.5 + 2.2 * Math.log2(1 + count)).toFixed(2) });
        var title = svg("title");
        var parts = Object.keys(e.types).sort().map(function (t) { return t + " " + e.types[t]; });
        title.textContent = e.s_name + " \u2192 " + e.t_name + ": " + parts.join(", ");
        line.appendChild(title);
        edgeLayer.appendChild(line);
      });
      nodeLayer.querySelectorAll("a").forEach(function (a) {
        a.classList.toggle("dim", !used[a.getAttribute("data-id")]);
      });
      document.querySelectorAll(".edge-table tbody tr").forEach(function (row) {
        var types = (row.getAttribute("data-types") || "").split(" ");
        row.hidden = !!type && types.indexOf(type) < 0;
      });
    }
    data.nodes.forEach(function (node) {
      var link = svg("a", { href: "/actors/" + encodeURIComponent(node.id), "data-id": node.id });
      var r = 5 + 9 * Math.sqrt(node.n / maxDeg);
      link.appendChild(svg("circle", { cx: node.x.toFixed(1), cy: node.y.toFixed(1), r: r.toFixed(1) }));
      var label = svg("text", { x: node.x.toFixed(1), y: (node.y - r - 4).toFixed(1), "text-anchor": "middle" });
      label.textContent = node.name;
      link.appendChild(label);
      var title = svg("title");
      title.textContent = node.name + " (" + node.n + " events)";
      link.appendChild(title);
      nodeLayer.appendChild(link);
    });
    draw("");
    if (select) select.addEventListener("change", function () { draw(select.value); });
  }

  /* ------------------------------------------------------------ map */
  function initMap() {
    var map = document.getElementById("map");
    var panel = document.getElementById("map-panel");
    if (!map || !panel) return;
    var current = null;
    var full = [-180, -84, 360, 144];
    var view = full.slice();
    function setView(v) {
      view = v;
      map.setAttribute("viewBox", v.map(function (x) { return x.toFixed(2); }).join(" "));
      var scale = v[2] / full[2];
      map.querySelectorAll("circle.place").forEach(function (c) {
        c.setAttribute("r", (Number(c.getAttribute("data-r")) * Math.max(scale, 0.08)).toFixed(3));
      });
      map.querySelector("path.land").setAttribute("stroke-width", (0.25 * scale).toFixed(3));
    }
    function zoom(factor, cx, cy) {
      var w = Math.min(full[2], Math.max(10, view[2] * factor)), h = w * full[3] / full[2];
      cx = cx === undefined ? view[0] + view[2] / 2 : cx;
      cy = cy === undefined ? view[1] + view[3] / 2 : cy;
      var x = Math.max(full[0], Math.min(full[0] + full[2] - w, cx - w / 2));
      var y = Math.max(full[1], Math.min(full[1] + full[3] - h, cy - h / 2));
      setView([x, y, w, h]);
    }
    function select(node) {
      if (current) current.classList.remove("sel");
      current = node; node.classList.add("sel");
      while (panel.firstChild) panel.removeChild(panel.firstChild);
      var d = node.dataset;
      panel.appendChild(el("h2", null, d.name));
      var dl = el("dl", "fields");
      [["country", d.country || "—"], ["kind", d.kind || "—"], ["named", d.mentions + " times in " + d.documents + " document(s)"],
       ["as", d.roles || "—"], ["events here", d.events], ["coordinates", Number(d.lat).toFixed(2) + ", " + Number(d.lon).toFixed(2)]]
        .forEach(function (p) { dl.appendChild(el("dt", null, p[0])); dl.appendChild(el("dd", null, p[1])); });
      panel.appendChild(dl);
      var p = el("p");
      var a = el("a", null, "Events at " + d.name + " on the timeline");
      a.setAttribute("href", "/timeline?place=" + encodeURIComponent(d.name));
      p.appendChild(a);
      panel.appendChild(p);
      var p2 = el("p");
      var b = el("a", null, "Places data (JSON)");
      b.setAttribute("href", "/api/places?place=" + encodeURIComponent(d.name));
      p2.appendChild(b);
      panel.appendChild(p2);
    }
    map.querySelectorAll("circle.place").forEach(function (node) {
      node.setAttribute("data-r", node.getAttribute("r"));
      activate(node, function () { select(node); });
    });
    var zi = document.getElementById("zoom-in"), zo = document.getElementById("zoom-out"), zr = document.getElementById("zoom-reset");
    if (zi) zi.addEventListener("click", function () {
      if (current) zoom(0.5, Number(current.getAttribute("cx")), Number(current.getAttribute("cy"))); else zoom(0.5);
    });
    if (zo) zo.addEventListener("click", function () { zoom(2); });
    if (zr) zr.addEventListener("click", function () { setView(full.slice()); });
  }

  /* ------------------------------------------------------------ timeline */
  function initTimeline() {
    // Up/Down (and Home/End) move between the items of a timeline; Enter or Space opens one
    document.querySelectorAll("ol.timeline").forEach(function (list) {
      list.addEventListener("keydown", function (ev) {
        var here = ev.target;
        if (!here || here.tagName !== "SUMMARY") return;
        var all = Array.prototype.slice.call(list.querySelectorAll(":scope > li > details > summary"));
        var i = all.indexOf(here), next = null;
        if (i < 0) return;
        if (ev.key === "ArrowDown") next = all[i + 1];
        else if (ev.key === "ArrowUp") next = all[i - 1];
        else if (ev.key === "Home") next = all[0];
        else if (ev.key === "End") next = all[all.length - 1];
        else return;
        ev.preventDefault();
        if (next) { next.focus(); next.scrollIntoView({ block: "nearest" }); }
      });
    });
  }

  function init() {
    var page = document.body.getAttribute("data-page");
    if (page === "timeline" || page === "actor") initTimeline();
    if (page === "document") initDocument();
    else if (page === "actors") initActors();
    else if (page === "map") initMap();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
