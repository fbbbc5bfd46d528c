/* Graph view: the side panel that explains a claim, an actor, an evidence item or a group.
 * Built from the analysis's own JSON (kg.analysis.serialize) with textContent only. */
(function () {
  "use strict";
  var KG = window.KG;
  var el = KG.el;
  var STANCE_COLOR = {affirms: "#009E73", denies: "#D55E00", hedges: "#0072B2"};

  // A probability to two decimals, but never rounded to a certainty it is not: 0.0004 is
  // "< 0.01", not "0", and 0.9996 is "> 0.99", not "1".
  function proportion(value) {
    if (value === null || value === undefined) return "not estimated";
    if (value > 0 && value < 0.005) return "< 0.01";
    if (value < 1 && value >= 0.995) return "> 0.99";
    return String(Math.round(value * 100) / 100);
  }
  KG.proportion = proportion;

  // An evidence item's standing on a claim: with no producer or releaser known, it is neither
  // independent nor anyone's own (it adds weight but no source group).
  function independence(weight) {
    if (weight.independent) return "independent";
    return weight.groups && weight.groups.length ? "not independent" : "source unknown";
  }

  function section(title, children) {
    return el("section", {className: "kg-section"}, [el("h3", {}, [title])].concat(children));
  }

  function link(ctx, iri, text) {
    return el("button", {type: "button", className: "kg-link",
                         onclick: function () { ctx.select(iri, true); }}, [text]);
  }

  function reasons(list) {
    return el("ul", {className: "kg-reasons"}, list.map(function (r) { return el("li", {}, [r]); }));
  }

  function relayChain(relay) {
    if (!relay || !relay.length) return null;
    var parts = relay.slice().sort(function (a, b) { return a.position - b.position; })
      .map(function (r) { return r.label + (r.cue ? " (" + r.cue + ")" : ""); });
    return el("div", {className: "kg-relay"}, ["Relayed by: " + parts.join(" \u2192 ")]);
  }

  /* Where a statement was said: "In: <title> — <publisher>, <date>", then its URL. The URL
   * comes from the data: it is a link only when its scheme is http or https (the rule of
   * kg.analysis.serialize.web_url), so that a javascript: or data: URL is plain text. */
  var WEB_URL = /^https?:\/\//i;

  function documentLine(doc) {
    if (!doc) return null;
    var by = [doc.publisher_label, doc.date].filter(function (x) { return x; }).join(", ");
    var url = null;
    if (doc.url && WEB_URL.test(doc.url)) {
      url = el("a", {className: "kg-doc-url", href: doc.url, rel: "noopener noreferrer nofollow",
                     target: "_blank"}, [doc.url]);
    } else if (doc.url) {
      url = el("span", {className: "kg-doc-url"}, [doc.url]);
    }
    return el("div", {className: "kg-doc"}, [
      "In: ", el("bdi", {className: "kg-doc-title"}, [doc.title || doc.iri]),
      by ? " \u2014 " + by : null,
      url ? " \u00b7 " : null, url,
    ]);
  }

  function statement(ctx, entry) {
    var head = el("div", {className: "kg-stmt-head"}, [
      KG.badge(entry.stance, STANCE_COLOR[entry.stance]),
      " ", link(ctx, entry.actor, entry.actor_label),
      entry.verb ? el("span", {className: "kg-verb"}, [" " + entry.verb]) : null,
      entry.date ? el("span", {className: "kg-date"}, [" \u00b7 " + entry.date]) : null,
    ]);
    return el("li", {className: "kg-stmt"}, [
      head,
      entry.quote ? el("blockquote", {}, ["\u201c", el("bdi", {}, [entry.quote]), "\u201d"]) : null,
      entry.via && entry.via !== "direct"
        ? el("div", {className: "kg-via"}, [entry.via + ": ", link(ctx, entry.via_claim,
                                                               entry.via_claim_text)])
        : null,
      relayChain(entry.relay),
      documentLine(entry.document),
    ]);
  }

  function groupCard(ctx, group) {
    var actors = group.actors.map(function (a) { return a.label; }).join(", ");
    return el("div", {className: "kg-group-card"}, [
      el("div", {className: "kg-group-name"}, [group.label]),
      el("div", {className: "kg-merged"}, ["Actors merged into this source: " + actors]),
      el("ul", {className: "kg-stmts"}, group.statements.map(function (s) {
        return statement(ctx, s);
      })),
      group.evidence.length
        ? el("div", {className: "kg-merged"}, [group.evidence.length + " evidence item(s) of its own"])
        : null,
    ]);
  }

  function evidenceItem(ctx, e) {
    return el("li", {className: "kg-evidence"}, [
      link(ctx, e.iri, e.label), " ",
      KG.badge("weight " + e.weight, null, "kg-plain"),
      " ", KG.badge(e.supports ? "supports" : "disputes", e.supports ? "#8C8200" : "#D55E00"),
      " ", KG.badge(independence(e), null, "kg-plain"),
      el("div", {className: "kg-kinds"}, [e.kinds.join(", ") + (e.via !== "direct" ? " \u00b7 " + e.via : "")]),
      el("div", {className: "kg-reason"}, [e.reason]),
    ]);
  }

  function actions(ctx, iri, extra) {
    /* No "focus" on the node already in focus: it would do nothing. */
    var focus = ctx.focused() === iri ? [] : [
      el("button", {type: "button", className: "kg-focus",
                    onclick: function () { ctx.focus(iri); }}, ["Focus on its neighbourhood"])];
    return el("div", {className: "kg-actions"}, focus.concat(extra || []));
  }

  function claimPanel(ctx, c) {
    var style = ctx.legendRow(c.status);
    var sides = [["affirming", "Independent affirming groups"], ["denying", "Denying groups"],
                 ["hedging", "Hedging groups"]];
    var body = [
      el("div", {className: "kg-kind"}, ["Claim" + (c.kinds.length ? " \u00b7 " + c.kinds.join(", ") : "")]),
      el("h2", {}, [c.text]),
      el("div", {className: "kg-badges"}, [
        KG.badge(c.status, style && style.color),
        c.contested ? KG.badge("contested", "#D55E00") : null,
        KG.badge(c.independent_groups + " of k=" + c.min_groups + " groups", null, "kg-plain"),
      ]),
      el("dl", {className: "kg-grades"}, [
        el("dt", {}, ["Credibility"]),
        el("dd", {}, [c.credibility.grade + " \u2014 " + c.credibility.name
                      + (c.credibility.stix_confidence === null ? ""
                         : " (STIX confidence " + c.credibility.stix_confidence + ")")]),
        el("dt", {}, ["Belief"]),
        el("dd", {}, [proportion(c.belief)]),
      ]),
      actions(ctx, c.iri),
    ];
    sides.forEach(function (side) {
      var groups = c[side[0]];
      if (!groups.length && side[0] !== "affirming") return;
      body.push(section(side[1] + " (" + groups.length + ")", groups.length
        ? groups.map(function (g) { return groupCard(ctx, g); })
        : [el("p", {className: "kg-empty"}, ["None."])]));
    });
    if (c.contested_by.length) {
      body.push(section("Contested by", [el("p", {}, [c.contested_by.map(function (g) {
        return g.label; }).join(", ")])]));
    }
    body.push(section("Evidence (" + c.evidence.length + ")", c.evidence.length
      ? [el("ul", {className: "kg-evidence-list"}, c.evidence.map(function (e) {
          return evidenceItem(ctx, e); }))]
      : [el("p", {className: "kg-empty"}, ["None."])]));
    body.push(section("Why", [reasons(c.reasons.concat(c.credibility.reasons))]));
    body.push(el("div", {className: "kg-iri"}, [c.iri]));
    return body;
  }

  function actorPanel(ctx, a) {
    var grade = ctx.legendRow(a.reliability.grade);
    var group = ctx.groups[a.group.id];
    var extra = group ? [el("button", {type: "button", onclick: function () {
      ctx.toggleGroup(a.group.id, true); }}, ["Collapse its source group"])] : [];
    return [
      el("div", {className: "kg-kind"}, [(a.kinds.join(", ") || "Actor") + (a.role ? " \u00b7 " + a.role : "")]),
      el("h2", {}, [a.label]),
      el("div", {className: "kg-badges"}, [
        KG.badge("reliability " + a.reliability.grade, grade && grade.color),
        el("span", {className: "kg-grade-name"}, [a.reliability.name]),
      ]),
      el("dl", {className: "kg-grades"}, [
        el("dt", {}, ["Source group"]), el("dd", {}, [a.group.label]),
        el("dt", {}, ["Affiliation"]), el("dd", {}, [a.group.chain.join(" \u2192 ")]),
        el("dt", {}, ["Trust"]), el("dd", {}, [proportion(a.reliability.trust)]),
        el("dt", {}, ["Assessed claims"]), el("dd", {}, [String(a.reliability.assessed_claims.length)]),
      ]),
      actions(ctx, a.iri, extra),
      section("Statements (" + a.statements.length + ")", a.statements.length
        ? [el("ul", {className: "kg-stmts"}, a.statements.map(function (s) {
            return el("li", {className: "kg-stmt"}, [
              el("div", {className: "kg-stmt-head"}, [KG.badge(s.stance, STANCE_COLOR[s.stance]),
                " ", link(ctx, s.claim, s.claim_text),
                s.date ? el("span", {className: "kg-date"}, [" \u00b7 " + s.date]) : null]),
              s.quote ? el("blockquote", {}, ["\u201c", el("bdi", {}, [s.quote]), "\u201d"]) : null,
              documentLine(s.document),
            ]);
          }))]
        : [el("p", {className: "kg-empty"}, ["No statements of its own."])]),
      section("Why this grade", [reasons(a.reliability.reasons)]),
      el("div", {className: "kg-iri"}, [a.iri]),
    ];
  }

  function people(ctx, list) {
    return list.length ? list.map(function (p, i) {
      return el("span", {}, [i ? ", " : "", link(ctx, p.iri, p.label)]);
    }) : ["\u2014"];
  }

  function evidencePanel(ctx, e) {
    return [
      el("div", {className: "kg-kind"}, ["Evidence \u00b7 " + e.kinds.join(", ")]),
      el("h2", {}, [e.label]),
      e.description && e.description !== e.label
        ? el("p", {className: "kg-description"}, [e.description]) : null,
      el("dl", {className: "kg-grades"}, [
        el("dt", {}, ["Prior"]), el("dd", {}, [String(e.prior)]),
        el("dt", {}, ["Date"]), el("dd", {}, [e.date || "undated"]),
        el("dt", {}, ["Produced by"]), el("dd", {}, people(ctx, e.producers)),
        el("dt", {}, ["Released by"]), el("dd", {}, people(ctx, e.releasers)),
        el("dt", {}, ["Cited by"]), el("dd", {}, people(ctx, e.cited_by)),
      ]),
      actions(ctx, e.iri),
      section("Weight on each claim", [el("ul", {className: "kg-evidence-list"}, e.weights.map(function (w) {
        return el("li", {className: "kg-evidence"}, [
          link(ctx, w.claim, w.claim_text), " ", KG.badge("weight " + w.weight, null, "kg-plain"),
          " ", KG.badge(w.supports ? "supports" : "disputes", w.supports ? "#8C8200" : "#D55E00"),
          " ", KG.badge(independence(w), null, "kg-plain"),
          el("div", {className: "kg-reason"}, [w.reason]),
        ]);
      }))]),
      el("div", {className: "kg-iri"}, [e.iri]),
    ];
  }

  function groupPanel(ctx, gid) {
    var g = ctx.details.groups[gid];
    return [
      el("div", {className: "kg-kind"}, ["Source group (collapsed)"]),
      el("h2", {}, [g.label]),
      el("p", {}, [g.members.length + " actors counted as one independent source."]),
      el("div", {className: "kg-actions"}, [el("button", {type: "button", className: "kg-focus",
        onclick: function () { ctx.toggleGroup(gid, false); }}, ["Expand this group"])]),
      section("Members", [el("ul", {className: "kg-members"}, g.members.map(function (m) {
        return el("li", {}, [link(ctx, m.iri, m.label),
          el("div", {className: "kg-kinds"}, [m.chain.join(" \u2192 ")])]);
      }))]),
      g.reasons.length ? section("Why", [reasons(g.reasons)]) : null,
    ];
  }

  /* The summary of a large graph: each node's brief (numbers and records, no reasons), with
   * where to find its neighbourhood and its full explanation. */
  function nodeButton(ctx, ref) {
    return ref.node ? link(ctx, ref.node, ref.label) : el("span", {}, [ref.label]);
  }

  function named(ctx, title, side, what) {
    if (!side.count) return null;
    var items = side.drawn.map(function (ref, i) {
      return el("span", {}, [i ? ", " : "", nodeButton(ctx, ref)]);
    });
    var rest = side.count - side.drawn.length;
    if (!side.drawn.length) items.push(el("span", {className: "kg-more"}, ["None of these " +
      what + " is drawn here."]));
    else if (rest > 0) items.push(el("span", {className: "kg-more"}, [" and " + rest + " more"]));
    return section(title + " (" + side.count + ")", [el("p", {}, items)]);
  }

  /* A claim's or an actor's neighbourhood and full explanation: links on a server, the
   * commands offline. */
  function further(ctx, b) {
    var links = ctx.links, rows = [];
    if (b.type !== "claim" && b.type !== "actor") return null;
    if (links) {
      if (ctx.focused() !== b.iri) {  /* not on the page already showing it */
        rows.push(el("a", {className: "kg-focus", href: links.focus + encodeURIComponent(b.iri)},
                      ["Open its neighbourhood"]));
      }
      rows.push(el("a", {href: (b.type === "claim" ? links.claim : links.actor) +
                              encodeURIComponent(b.iri) + (links.query || "")},
                    ["Full explanation (JSON)"]));
    } else {
      rows.push(el("div", {}, ["Its neighbourhood: kg viz --focus " + b.id]));
      if (b.type === "claim") rows.push(el("div", {}, ["Full explanation: kg explain " + b.id]));
    }
    return el("div", {className: "kg-actions"}, rows);
  }

  function briefPanel(ctx, b) {
    var body = [], rows = [];
    if (b.type === "claim") {
      var style = ctx.legendRow(b.status);
      body.push(el("div", {className: "kg-kind"}, ["Claim" + (b.kinds.length ? " \u00b7 " + b.kinds.join(", ") : "")]),
        el("h2", {}, [b.text]),
        el("div", {className: "kg-badges"}, [
          KG.badge(b.status, style && style.color),
          b.contested ? KG.badge("contested", "#D55E00") : null,
          KG.badge(b.independent_groups + " of k=" + b.min_groups + " groups", null, "kg-plain")]));
      rows = [["Credibility", b.credibility.grade + " \u2014 " + b.credibility.name +
               (b.credibility.stix_confidence === null ? "" : " (STIX confidence " + b.credibility.stix_confidence + ")")],
              ["Belief", proportion(b.belief)]];
    } else if (b.type === "actor") {
      body.push(el("div", {className: "kg-kind"}, [(b.kinds.join(", ") || "Actor") + (b.role ? " \u00b7 " + b.role : "")]),
        el("h2", {}, [b.label]));
      rows = [["Reliability", b.reliability.grade + " \u2014 " + b.reliability.name],
              ["Trust", proportion(b.reliability.trust)],
              ["Assessed claims", String(b.reliability.assessed_claims)],
              ["Statements", String(b.statements)],
              ["Source group", b.group.label + " (" + b.group.members + " actors)"]];
    } else if (b.type === "group") {
      body.push(el("div", {className: "kg-kind"}, ["Source group"]), el("h2", {}, [b.label]));
      rows = [["Members", b.members + " actors, counted as one independent source"],
              ["Reliability of its head", b.reliability.grade + " \u2014 " + b.reliability.name],
              ["Among them", b.listed.join(", ") + (b.members > b.listed.length ? ", \u2026" : "")]];
    } else {
      body.push(el("div", {className: "kg-kind"}, ["Evidence \u00b7 " + b.kinds.join(", ")]), el("h2", {}, [b.label]),
        b.description && b.description !== b.label
          ? el("p", {className: "kg-description"}, [b.description]) : null);
      rows = [["Prior", String(b.prior)], ["Date", b.date || "undated"],
              ["Produced by", b.producers.join(", ") || "\u2014"],
              ["Released by", b.releasers.join(", ") || "\u2014"],
              ["Cited by", b.cited_by.join(", ") || "\u2014"]];
    }
    body.push(el("dl", {className: "kg-grades"}, rows.reduce(function (all, r) {
      return all.concat([el("dt", {}, [r[0]]), el("dd", {}, [r[1]])]);
    }, [])));
    body.push(further(ctx, b));
    if (b.type === "claim") {
      body.push(named(ctx, "Independent affirming groups", b.affirming, "groups"),
                named(ctx, "Denying groups", b.denying, "groups"),
                named(ctx, "Contested by", b.contested_by, "groups"),
                named(ctx, "Hedging groups", b.hedging, "groups"),
                named(ctx, "Evidence on the claim itself", b.evidence, "items"));
    } else if (b.claims && b.claims.length) {
      body.push(section("Claims drawn here", [el("ul", {className: "kg-members"}, b.claims.map(function (iri) {
        return el("li", {}, [link(ctx, iri, ctx.details.briefs[iri].text)]);
      }))]));
    }
    body.push(el("p", {className: "kg-empty"}, ["A summary of a large graph: the numbers without " +
      "their reasons." + (b.type === "claim" || b.type === "actor" ? " The full explanation, " +
      "with every stance, quote and reason, is one link or command away, above." : "")]));
    body.push(el("div", {className: "kg-iri"}, [b.iri]));
    return body;
  }

  /* Fill the panel for node `id` of type `type`. */
  KG.renderPanel = function (container, ctx, type, id) {
    var d = ctx.details, body;
    if (d.briefs) body = briefPanel(ctx, d.briefs[id] || d.briefs["group:" + id]);
    else if (type === "claim") body = claimPanel(ctx, d.claims[id]);
    else if (type === "actor") body = actorPanel(ctx, d.actors[id]);
    else if (type === "evidence") body = evidencePanel(ctx, d.evidence[id]);
    else if (type === "group") body = groupPanel(ctx, id);
    KG.clear(container);
    (body || []).forEach(function (node) { if (node) container.appendChild(node); });
    container.setAttribute("data-type", type);
    container.setAttribute("data-id", id);
  };
})();
