/* Graph view: DOM helpers and the legend.
 * Every string from the data enters the page through textContent (or a vis-network plain-text
 * title): never innerHTML. */
(function () {
  "use strict";
  var KG = (window.KG = window.KG || {});
  var SVG = "http://www.w3.org/2000/svg";

  /* el("div", {className: "x", onclick: f}, ["text", childNode]): strings become text nodes. */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === undefined || value === null || value === false) return;
      if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else if (key === "className" || key === "title" || key === "type" || key === "value")
        node[key] = value;
      else node.setAttribute(key, String(value));
    });
    (children || []).forEach(function (child) {
      if (child === undefined || child === null || child === false) return;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  /* A 28x18 swatch: the node's shape in its colours, or the edge's line and head. */
  function swatch(row) {
    var box = svg("svg", {width: 28, height: 18, viewBox: "0 0 28 18", "aria-hidden": "true"});
    var fill = row.color, stroke = row.border || row.color, shape;
    if (row.shape === "dot") shape = svg("circle", {cx: 14, cy: 9, r: 7});
    else if (row.shape === "diamond") shape = svg("polygon", {points: "14,1 22,9 14,17 6,9"});
    else if (row.shape === "triangle") shape = svg("polygon", {points: "14,2 22,16 6,16"});
    else if (row.shape === "hexagon")
      shape = svg("polygon", {points: "10,2 18,2 22,9 18,16 10,16 6,9"});
    if (shape) {
      shape.setAttribute("fill", fill);
      shape.setAttribute("stroke", stroke);
      shape.setAttribute("stroke-width", row.key === "contested" ? 3 : 1.5);
      if (row.key === "size") {
        shape.setAttribute("transform", "translate(-4,-3) scale(1.3)");
      }
      box.appendChild(shape);
      return box;
    }
    var line = svg("line", {x1: 2, y1: 9, x2: 22, y2: 9, stroke: row.color,
                            "stroke-width": Math.max(1.5, row.width)});
    if (row.dashes && row.dashes.length) line.setAttribute("stroke-dasharray", row.dashes.join(" "));
    box.appendChild(line);
    if (row.arrow === "bar") {
      box.appendChild(svg("line", {x1: 24, y1: 3, x2: 24, y2: 15, stroke: row.color,
                                   "stroke-width": 2.5}));
    } else if (row.arrow) {
      box.appendChild(svg("polygon", {points: "20,4 27,9 20,14", fill: row.color}));
    }
    return box;
  }

  function renderLegend(container, rows) {
    var sections = [], bySection = {};
    rows.forEach(function (row) {
      if (!bySection[row.section]) {
        bySection[row.section] = [];
        sections.push(row.section);
      }
      bySection[row.section].push(row);
    });
    sections.forEach(function (name) {
      var list = el("ul", {className: "kg-legend-list"});
      bySection[name].forEach(function (row) {
        list.appendChild(el("li", {title: row.description, "data-key": row.key},
                            [swatch(row), el("span", {}, [row.label])]));
      });
      container.appendChild(el("div", {className: "kg-legend-section"},
                               [el("h3", {}, [name]), list]));
    });
  }

  function badge(text, color, extraClass) {
    var node = el("span", {className: "kg-badge " + (extraClass || "")}, [text]);
    if (color) {
      node.style.background = color;
      node.style.color = KG.textOn(color);
    }
    return node;
  }

  /* Black or white text, whichever reads better on a #rrggbb background. */
  function textOn(hex) {
    var n = parseInt(hex.slice(1), 16);
    var lum = 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
    return lum > 150 ? "#111" : "#fff";
  }

  KG.el = el;
  KG.clear = clear;
  KG.swatch = swatch;
  KG.renderLegend = renderLegend;
  KG.badge = badge;
  KG.textOn = textOn;
})();
