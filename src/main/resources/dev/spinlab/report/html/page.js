"use strict";
// spinlab's HTML report: draws the embedded data (report/html/HtmlModel) on a canvas,
// only the visible part of it, so traces of many thousands of steps stay fast. docs/html.md.
(function () {
  var t0 = performance.now();
  var D = JSON.parse(document.getElementById("data").textContent);
  var parsedMs = performance.now() - t0;
  var $ = function (id) { return document.getElementById(id); };
  var el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  var hex8 = function (v) { return ("00000000" + (v >>> 0).toString(16)).slice(-8); };

  // layout (CSS pixels)
  var AXIS = 18, BAND = 34, PC = 22, IRQ = 7, GAP = 10, LOCK = 18, LOCKHEAD = 18, MARK = 8;
  var LANE = MARK + BAND + 3 + PC + 3 + IRQ + GAP;

  var COLORS = { softirq: "#8e6bd1", hardirq: "#e07b24", nmi: "#c2185b", spin: "#d32f2f", irqOn: "#7cc37f",
    irqOff: "#e57373", pc: "#2f5fb3", last: "rgba(255, 214, 64, 0.22)", sel: "#1a56db",
    event: { timer: "#00897b", device: "#6b3fa0", irq: "#5f6b7a", nmi: "#c2185b", event: "#6b3fa0", finding: "#b3261e" } };
  var palette = ["#5b8def", "#43a5a0", "#c9a227", "#8d6e63", "#7e57c2", "#26a69a", "#ef8354", "#78909c",
    "#9ccc65", "#ec6f9a", "#4dd0e1", "#a1887f"];
  var taskColors = {};
  var taskColor = function (t) {
    if (!(t in taskColors)) taskColors[t] = t === "swapper/0" || /^swapper/.test(t) ? "#c9ced6"
      : palette[Object.keys(taskColors).length % palette.length];
    return taskColors[t];
  };

  $("title").textContent = D.title;
  $("command").textContent = D.command;
  $("summary").textContent = D.summary;

  var sel = $("timeline-select");
  D.timelines.forEach(function (t, i) {
    var o = el("option", null, t.name + " (" + t.steps.length + " steps)");
    o.value = i;
    sel.appendChild(o);
  });
  if (D.timelines.length === 0) {
    $("headline").textContent = "No trace to draw";
    $("pick").style.display = "none";
    $("timeline").style.display = "none";
    $("bottom").style.display = "none";
  }

  var canvas = $("tl"), ctx = canvas.getContext("2d");
  var T = null;          // the timeline shown
  var M = null;          // its precomputed model
  var view = { x0: 0, x1: 1 };
  var selected = -1;
  var width = 800, height = 200;

  // Runs of equal values per CPU: [from, to, stepIndex], merged while the key stays the same.
  function runs(steps, cpus, keyOf) {
    var out = [], open = [];
    for (var c = 0; c < cpus; c++) { out.push([]); open.push(null); }
    for (var i = 0; i < steps.length; i++) {
      var s = steps[i];
      if (s.event || s.cpu < 0 || s.cpu >= cpus) continue;
      var k = keyOf(s);
      var o = open[s.cpu];
      if (o && o.key === k) continue;
      if (o) { o.r[1] = i; out[s.cpu].push(o.r); }
      open[s.cpu] = { key: k, r: [i, steps.length, i] };
    }
    for (c = 0; c < cpus; c++) if (open[c]) out[c].push(open[c].r);
    return out;
  }

  function prepare(t) {
    var cpus = D.cpus, m = {};
    m.bands = runs(t.steps, cpus, function (s) {
      return s.task + "|" + s.user + "|" + s.softirq + "|" + s.hardirq + "|" + s.ctx + "|" + (s.spinning != null);
    });
    // runs of the whole value (its hex is written on them); the line plots the preemption depth
    m.pc = runs(t.steps, cpus, function (s) { return s.pc; });
    m.irq = runs(t.steps, cpus, function (s) { return s.irqs; });
    var maxPc = 1;
    t.steps.forEach(function (s) { if (!s.event) maxPc = Math.max(maxPc, s.pc & 0xff); });
    m.maxPc = maxPc;
    // one row per lock instance, task and context (its holds, acquisitions and spins), in order of first appearance
    var rows = {}, order = [];
    t.locks.forEach(function (b) {
      var k = b.lock + "@" + b.instance + "|" + b.task + "|" + b.ctx;
      if (!(k in rows)) { rows[k] = { lock: b.lock, instance: b.instance, task: b.task, ctx: b.ctx, bars: [] }; order.push(k); }
      rows[k].bars.push(b);
    });
    var firstOf = {};
    order.forEach(function (k, i) { var r = rows[k], id = r.lock + "@" + r.instance; if (!(id in firstOf)) firstOf[id] = i; });
    // the rows of one lock together (a stable sort keeps each lock's tasks in order of appearance)
    order.sort(function (a, b) {
      var fa = firstOf[rows[a].lock + "@" + rows[a].instance], fb = firstOf[rows[b].lock + "@" + rows[b].instance];
      return fa !== fb ? fa - fb : 0;
    });
    m.locks = order.map(function (k) { return rows[k]; });
    m.locks.forEach(function (r) { r.bars.sort(function (a, b) { return a.from - b.from; }); });
    m.marks = t.marks.slice().sort(function (a, b) { return a.step - b.step; });
    // the lane of each CPU, then the lock rows
    m.laneY = [];
    for (var c = 0; c < cpus; c++) m.laneY.push(AXIS + c * LANE);
    m.lockY = AXIS + cpus * LANE + LOCKHEAD;
    m.height = m.lockY + Math.max(1, m.locks.length) * LOCK + 6;
    return m;
  }

  // first run whose end is past x (runs are sorted and disjoint)
  function firstVisible(rs, x) {
    var lo = 0, hi = rs.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (rs[mid][1] <= x) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function X(step) { return (step - view.x0) / (view.x1 - view.x0) * width; }
  function stepAt(px) { return Math.floor(view.x0 + px / width * (view.x1 - view.x0)); }

  function resize() {
    width = Math.max(200, canvas.parentNode.clientWidth - $("labels").offsetWidth - 2);
    height = M ? M.height : 100;
    var r = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * r);
    canvas.height = Math.round(height * r);
    canvas.style.width = width + "px";
    canvas.style.height = height + "px";
    $("labels").style.height = height + "px";
    ctx.setTransform(r, 0, 0, r, 0, 0);
  }

  function hatch(x, y, w, h, color) {
    ctx.save();
    ctx.beginPath(); ctx.rect(x, y, w, h); ctx.clip();
    ctx.strokeStyle = color; ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (var i = x - h; i < x + w; i += 6) { ctx.moveTo(i, y + h); ctx.lineTo(i + h, y); }
    ctx.stroke();
    ctx.restore();
  }

  function text(s, x, y, maxW, color, font) {
    if (maxW < 14) return;
    ctx.fillStyle = color || "#111";
    ctx.font = font || "11px system-ui, sans-serif";
    var w = ctx.measureText(s).width;
    if (w > maxW) {
      var n = Math.max(1, Math.floor(s.length * maxW / w) - 1);
      s = s.slice(0, n) + "…";
    }
    ctx.fillText(s, x, y);
  }

  function draw() {
    if (!T) return;
    var d0 = performance.now();
    ctx.clearRect(0, 0, width, height);
    var n = T.steps.length;
    var x0 = view.x0, x1 = view.x1;
    // the last steps, highlighted across every lane
    if (T.highlightFrom < n) {
      var hx = Math.max(0, X(T.highlightFrom));
      ctx.fillStyle = COLORS.last;
      ctx.fillRect(hx, 0, Math.max(2, X(n) - hx), height);
    }
    // axis: step numbers
    ctx.fillStyle = "#666"; ctx.font = "10px system-ui, sans-serif";
    var span = x1 - x0, stepPx = width / span;
    var tick = Math.pow(10, Math.ceil(Math.log10(Math.max(1, 80 / stepPx))));
    if (tick / 2 * stepPx >= 80) tick /= 2;
    ctx.strokeStyle = "#eceff3"; ctx.lineWidth = 1;
    for (var s = Math.ceil(x0 / tick) * tick; s < x1; s += tick) {
      var tx = Math.round(X(s)) + 0.5;
      ctx.beginPath(); ctx.moveTo(tx, AXIS - 4); ctx.lineTo(tx, height); ctx.stroke();
      ctx.fillText(String(T.firstStep + s + 1), tx + 2, 10);
    }
    for (var c = 0; c < D.cpus; c++) drawLane(c, x0, x1);
    drawLocks(x0, x1);
    drawMarks(x0, x1);
    if (selected >= 0) {
      var sx = Math.round(X(selected + 0.5)) + 0.5;
      ctx.strokeStyle = COLORS.sel; ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.moveTo(sx, AXIS - 6); ctx.lineTo(sx, height); ctx.stroke();
    }
    drawCycleArrow();
    window.spinlab.lastDrawMs = performance.now() - d0;
    $("range").textContent = "steps " + (Math.max(0, Math.floor(x0)) + 1) + "–" + Math.min(n, Math.ceil(x1)) + " of " + n;
  }

  function drawLane(c, x0, x1) {
    var y = M.laneY[c] + MARK, rs = M.bands[c];
    ctx.fillStyle = "#f4f5f7";
    ctx.fillRect(0, y, width, BAND);
    for (var i = firstVisible(rs, x0); i < rs.length && rs[i][0] < x1; i++) {
      var r = rs[i], st = T.steps[r[2]];
      var a = Math.max(0, X(r[0])), b = Math.min(width, X(r[1]));
      var w = Math.max(1, b - a);
      // task band: the whole height; user mode lighter
      ctx.fillStyle = taskColor(st.task);
      ctx.globalAlpha = st.user ? 0.45 : 0.85;
      ctx.fillRect(a, y, w, BAND);
      ctx.globalAlpha = 1;
      // nested bands: softirq inside the task, hardirq inside that
      if (st.softirq) { ctx.fillStyle = COLORS.softirq; ctx.fillRect(a, y + 12, w, BAND - 12); }
      if (st.hardirq) { ctx.fillStyle = COLORS.hardirq; ctx.fillRect(a, y + 22, w, BAND - 22); }
      if (st.ctx === "nmi") { ctx.fillStyle = COLORS.nmi; ctx.fillRect(a, y + 28, w, BAND - 28); }
      if (st.spinning != null) hatch(a, y, w, BAND, COLORS.spin);
      if (w > 30) {
        text(st.task + (st.user ? " (user)" : ""), a + 3, y + 10, w - 6, "#111", "600 11px system-ui, sans-serif");
        if (st.softirq && !st.hardirq) text("softirq", a + 3, y + 24, w - 6, "#fff");
        if (st.hardirq) text("hardirq", a + 3, y + 32, w - 6, "#fff", "10px system-ui, sans-serif");
        if (st.spinning != null && w > 90) text("spins on " + st.spinning, a + 3, y + 24, w - 6, "#fff",
          "600 11px system-ui, sans-serif");
      }
    }
    // preempt_count: a step line of its preemption depth (PREEMPT_MASK), its value written where it changes
    var py = y + BAND + 3;
    ctx.fillStyle = "#f7f9fc"; ctx.fillRect(0, py, width, PC);
    var pr = M.pc[c];
    ctx.strokeStyle = COLORS.pc; ctx.lineWidth = 1.5; ctx.beginPath();
    var started = false;
    for (i = firstVisible(pr, x0); i < pr.length && pr[i][0] < x1; i++) {
      var p = T.steps[pr[i][2]].pc & 0xff;
      var ly = py + PC - 2 - (PC - 4) * p / M.maxPc;
      var la = Math.max(0, X(pr[i][0])), lb = Math.min(width, X(pr[i][1]));
      if (!started) { ctx.moveTo(la, ly); started = true; } else ctx.lineTo(la, ly);
      ctx.lineTo(lb, ly);
    }
    ctx.stroke();
    for (i = firstVisible(pr, x0); i < pr.length && pr[i][0] < x1; i++) {
      var pa = Math.max(0, X(pr[i][0])), pw = Math.min(width, X(pr[i][1])) - pa;
      if (pw > 70) text("pc " + hex8(T.steps[pr[i][2]].pc), pa + 3, py + 10, pw - 6, "#2f3b52", "10px ui-monospace, monospace");
    }
    // the irq flag: green on, red off
    var iy = py + PC + 3, ir = M.irq[c];
    for (i = firstVisible(ir, x0); i < ir.length && ir[i][0] < x1; i++) {
      var ia = Math.max(0, X(ir[i][0])), ib = Math.min(width, X(ir[i][1]));
      ctx.fillStyle = T.steps[ir[i][2]].irqs ? COLORS.irqOn : COLORS.irqOff;
      ctx.fillRect(ia, iy, Math.max(1, ib - ia), IRQ);
    }
  }

  function drawLocks(x0, x1) {
    var y0 = M.lockY;
    ctx.strokeStyle = "#d5d9df"; ctx.beginPath(); ctx.moveTo(0, y0 - LOCKHEAD + 4.5); ctx.lineTo(width, y0 - LOCKHEAD + 4.5); ctx.stroke();
    M.locks.forEach(function (row, j) {
      var y = y0 + j * LOCK;
      row.bars.forEach(function (b) {
        if (b.to <= x0 || b.from >= x1) return;
        var a = Math.max(0, X(b.from)), e = Math.min(width, X(b.to)), w = Math.max(2, e - a);
        if (b.state === "acquiring") {
          ctx.strokeStyle = taskColor(b.task); ctx.lineWidth = 1.5;
          ctx.strokeRect(a + 0.75, y + 4.75, w - 1.5, LOCK - 9.5);
          if (w > 60) text(b.task + " acquiring", a + 3, y + 13, w - 6, "#333");
        } else if (b.state === "spin") {
          ctx.fillStyle = "rgba(211, 47, 47, 0.12)";
          ctx.fillRect(a, y + 2, w, LOCK - 4);
          hatch(a, y + 2, w, LOCK - 4, COLORS.spin);
          if (w > 60) text("CPU#" + b.cpu + " " + b.task + " spins", a + 3, y + 13, w - 6, "#7f1010", "600 11px system-ui, sans-serif");
        } else {
          ctx.fillStyle = taskColor(b.task);
          ctx.fillRect(a, y + 3, w, LOCK - 6);
          if (w > 40) text(b.task + (b.ctx !== "task" ? " (" + b.ctx + ")" : "") + " holds", a + 3, y + 13, w - 6, "#111");
        }
      });
    });
    if (M.locks.length === 0) text(T.note && /lock bars/.test(T.note) ? "no lock information" : "no lock held in this trace",
      6, y0 + 12, width, "#888");
  }

  function drawMarks(x0, x1) {
    var ms = M.marks, lo = 0, hi = ms.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (ms[mid].step < x0) lo = mid + 1; else hi = mid; }
    var lastX = [];
    for (var i = lo; i < ms.length && ms[i].step < x1; i++) {
      var m = ms[i], c = Math.max(0, Math.min(D.cpus - 1, m.cpu));
      var x = X(m.step + 0.5), y = M.laneY[c];
      if (lastX[c] != null && x - lastX[c] < 2 && m.kind !== "finding") continue;
      lastX[c] = x;
      ctx.fillStyle = COLORS.event[m.kind] || COLORS.event.event;
      ctx.beginPath();
      if (m.kind === "finding") {
        ctx.moveTo(x, y - 1); ctx.lineTo(x + 5, y + 4); ctx.lineTo(x, y + 9); ctx.lineTo(x - 5, y + 4);
      } else {
        ctx.moveTo(x - 4, y); ctx.lineTo(x + 4, y); ctx.lineTo(x, y + MARK);
      }
      ctx.closePath(); ctx.fill();
      ctx.fillRect(x - 0.5, y + MARK, 1, BAND);
    }
  }

  // a deadlock: an arrow from each spin that never ends to the hold of the same lock it waits for
  function drawCycleArrow() {
    if (!T.cycle || !T.cycle.edges.length) return;
    var n = T.steps.length;
    M.locks.forEach(function (row, j) {
      row.bars.forEach(function (spin) {
        if (spin.state !== "spin" || spin.to !== n) return;
        M.locks.forEach(function (other, k) {
          if (other.lock !== row.lock || other.instance !== row.instance) return;
          other.bars.forEach(function (hold) {
            if (hold.state !== "held" || hold.to !== n || (hold.task === spin.task && hold.ctx === spin.ctx)) return;
            var y1 = M.lockY + j * LOCK + LOCK / 2, y2 = M.lockY + k * LOCK + LOCK / 2;
            var sx = Math.max(4, X(spin.from) - 2), hx = Math.max(Math.max(4, X(hold.from) + 10), sx - 140);
            ctx.strokeStyle = "#b3261e"; ctx.fillStyle = "#b3261e"; ctx.lineWidth = 2;
            var up = y2 < y1 ? -1 : 1, ey = y2 - up * 5;
            ctx.beginPath(); ctx.moveTo(sx, y1);
            ctx.bezierCurveTo(sx - 30, y1, hx + 10, ey, hx, ey); ctx.stroke();
            ctx.beginPath(); ctx.moveTo(hx - 4, ey - up * 6); ctx.lineTo(hx + 4, ey - up * 6); ctx.lineTo(hx, ey); ctx.fill();
            text("waits for " + hold.task, hx + 8, (y1 + y2) / 2 + 4, 120, "#b3261e", "600 10px system-ui, sans-serif");
          });
        });
      });
    });
  }

  function labels() {
    var L = $("labels");
    L.textContent = "";
    for (var c = 0; c < D.cpus; c++) {
      var l = el("div", "lane-label", "CPU#" + c);
      l.dataset.cpu = c;
      l.style.top = (M.laneY[c] + MARK + 4) + "px";
      l.appendChild(el("small", null, "context · task"));
      L.appendChild(l);
      var p = el("div", "lane-label", null);
      p.style.top = (M.laneY[c] + MARK + BAND + 3) + "px";
      p.appendChild(el("small", null, "preempt_count"));
      L.appendChild(p);
      var q = el("div", "lane-label", null);
      q.style.top = (M.laneY[c] + MARK + BAND + PC) + "px";
      q.appendChild(el("small", null, "irqs on/off"));
      L.appendChild(q);
    }
    var h = el("div", "section-label", "Locks");
    h.style.top = (M.lockY - LOCKHEAD + 6) + "px";
    L.appendChild(h);
    M.locks.forEach(function (row, j) {
      var d = el("div", "lock-label", row.lock + " · " + row.task + (row.ctx !== "task" ? " (" + row.ctx + ")" : ""));
      d.title = row.lock + " at " + row.instance + ", taken by " + row.task + " in " + row.ctx + " context";
      d.style.top = (M.lockY + j * LOCK + 2) + "px";
      L.appendChild(d);
    });
  }

  function legend() {
    var g = $("legend");
    g.textContent = "";
    var item = function (color, label, hatched) {
      var s = el("span"), i = el("i");
      i.style.background = hatched ? "repeating-linear-gradient(45deg," + color + " 0 2px,#fff 2px 5px)" : color;
      s.appendChild(i); s.appendChild(document.createTextNode(label)); g.appendChild(s);
    };
    item("#5b8def", "task (its name; lighter: user mode)");
    item(COLORS.softirq, "serving a softirq");
    item(COLORS.hardirq, "in a hardirq");
    item(COLORS.spin, "spinning on a lock", true);
    item("#5b8def", "lock held (bar: its holder's colour)");
    item(COLORS.irqOn, "irqs on"); item(COLORS.irqOff, "irqs off");
    item(COLORS.event.timer, "timer"); item(COLORS.event.device, "device event");
    item(COLORS.event.finding, "finding"); item("#ffe58a", "last steps");
  }

  // the wait cycle as a diagram: nodes in a ring, arrows labelled with why each waits
  function cycle() {
    var box = $("cycle");
    box.textContent = "";
    var cy = T.cycle;
    if (!cy) return;
    var h = el("h3", cy.closed ? "closed" : null, cy.closed ? "Wait cycle (deadlock)" : "Wait chain");
    box.appendChild(h);
    if (!cy.edges.length) { box.appendChild(el("p", "muted", cy.summary)); return; }
    var nodes = [];
    cy.edges.forEach(function (e) {
      if (nodes.indexOf(e.from) < 0) nodes.push(e.from);
      if (nodes.indexOf(e.to) < 0) nodes.push(e.to);
    });
    var W = 760, H = 60 + 46 * Math.max(0, nodes.length - 2), NS = "http://www.w3.org/2000/svg";
    H = Math.max(150, H);
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("width", W); svg.setAttribute("height", H);
    svg.setAttribute("id", "cycle-svg");
    var defs = document.createElementNS(NS, "defs");
    defs.innerHTML = '<marker id="ah" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#b3261e"/></marker>';
    svg.appendChild(defs);
    var cx = W / 2, cyy = H / 2, rx = W / 2 - 120, ry = H / 2 - 28;
    var start = nodes.length === 2 ? Math.PI : -Math.PI / 2; // two nodes side by side
    var pos = nodes.map(function (n, i) {
      var a = start + 2 * Math.PI * i / nodes.length;
      return [cx + rx * Math.cos(a), cyy + ry * Math.sin(a)];
    });
    cy.edges.forEach(function (e) {
      var a = pos[nodes.indexOf(e.from)], b = pos[nodes.indexOf(e.to)];
      // bent to the left of its direction: two edges between the same nodes do not overlap
      var ex = b[0] - a[0], ey = b[1] - a[1], el2 = Math.sqrt(ex * ex + ey * ey) || 1, bend = Math.max(30, el2 * 0.18);
      var mx = (a[0] + b[0]) / 2 + ey / el2 * bend, my = (a[1] + b[1]) / 2 - ex / el2 * bend;
      var p = document.createElementNS(NS, "path");
      var dx = b[0] - mx, dy = b[1] - my, len = Math.sqrt(dx * dx + dy * dy) || 1;
      var bx = b[0] - dx / len * 46, by = b[1] - dy / len * 16;
      p.setAttribute("d", "M" + a[0] + "," + a[1] + " Q" + mx + "," + my + " " + bx + "," + by);
      p.setAttribute("fill", "none"); p.setAttribute("stroke", "#b3261e"); p.setAttribute("stroke-width", "2");
      p.setAttribute("marker-end", "url(#ah)");
      p.setAttribute("class", "edge");
      svg.appendChild(p);
      var lt = document.createElementNS(NS, "text");
      var short = e.label.split(/[,;]/)[0];
      if (short.length > 34) short = short.slice(0, 33) + "…";
      lt.setAttribute("x", (a[0] + 2 * mx + bx) / 4); lt.setAttribute("y", (a[1] + 2 * my + by) / 4 - 4);
      lt.setAttribute("text-anchor", "middle"); lt.setAttribute("font-size", "11");
      lt.setAttribute("font-family", "system-ui, sans-serif"); lt.setAttribute("fill", "#7f1010");
      lt.textContent = short;
      svg.appendChild(lt);
    });
    nodes.forEach(function (n, i) {
      var g = document.createElementNS(NS, "g");
      g.setAttribute("class", "node");
      var r = document.createElementNS(NS, "rect");
      var w = Math.max(70, n.length * 7.2 + 16);
      r.setAttribute("x", pos[i][0] - w / 2); r.setAttribute("y", pos[i][1] - 13);
      r.setAttribute("width", w); r.setAttribute("height", 26); r.setAttribute("rx", 6);
      r.setAttribute("fill", /^CPU#/.test(n) ? "#e8f0fe" : /^&|lock/.test(n) ? "#fde8e8" : "#eef7ee");
      r.setAttribute("stroke", "#5f6b7a");
      var t = document.createElementNS(NS, "text");
      t.setAttribute("x", pos[i][0]); t.setAttribute("y", pos[i][1] + 4);
      t.setAttribute("text-anchor", "middle"); t.setAttribute("font-size", "12");
      t.setAttribute("font-family", "system-ui, sans-serif");
      t.textContent = n;
      g.appendChild(r); g.appendChild(t); svg.appendChild(g);
    });
    box.appendChild(svg);
    var ol = el("ol");
    cy.edges.forEach(function (e) { ol.appendChild(el("li", "edge", e.from + " " + e.label + " → " + e.to)); });
    box.appendChild(ol);
  }

  // the step list: only the rows in view exist
  var ROW = 20, list = $("steplist"), inner = $("steplist-inner"), rendered = {};
  function listReset() {
    inner.textContent = "";
    rendered = {};
    inner.style.height = (T.steps.length * ROW) + "px";
    listDraw();
  }
  function listDraw() {
    var a = Math.max(0, Math.floor(list.scrollTop / ROW) - 5);
    var b = Math.min(T.steps.length, Math.ceil((list.scrollTop + list.clientHeight) / ROW) + 5);
    Object.keys(rendered).forEach(function (k) {
      if (k < a || k >= b) { inner.removeChild(rendered[k]); delete rendered[k]; }
    });
    for (var i = a; i < b; i++) {
      if (rendered[i]) continue;
      var s = T.steps[i];
      var r = el("div", "row" + (s.event ? " event" : "") + (i >= T.highlightFrom ? " last" : "") + (i === selected ? " sel" : ""));
      r.style.top = (i * ROW) + "px";
      r.dataset.step = i;
      r.appendChild(el("span", "n", String(T.firstStep + i + 1)));
      r.appendChild(document.createTextNode(s.text));
      r.title = s.text;
      inner.appendChild(r);
      rendered[i] = r;
    }
  }
  list.addEventListener("scroll", listDraw);
  inner.addEventListener("click", function (e) {
    var r = e.target.closest(".row");
    if (r) select(+r.dataset.step, false);
  });
  list.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      select(Math.max(0, Math.min(T.steps.length - 1, selected + (e.key === "ArrowDown" ? 1 : -1))), true);
      e.preventDefault();
    }
  });

  function sourceBlock(file, line) {
    var box = el("div", "source");
    box.appendChild(el("div", "file mono", file + ":" + line));
    var lines = (D.sources[file] || {});
    var pre = el("pre");
    var any = false;
    for (var l = line - 3; l <= line + 3; l++) {
      if (!(l in lines)) continue;
      any = true;
      var ln = el("span", "ln" + (l === line ? " hl" : ""));
      ln.appendChild(el("b", null, String(l)));
      ln.appendChild(document.createTextNode(lines[l]));
      pre.appendChild(ln);
    }
    if (!any) pre.appendChild(el("span", "ln muted", "(source not embedded: the file was not among the compiled sources)"));
    box.appendChild(pre);
    return box;
  }

  function stackBlock(stackIndex, into, srcBox) {
    var ids = D.stacks[stackIndex] || [];
    var ol = el("ol", "stack");
    var show = function (li, f) {
      ol.querySelectorAll("li.cur").forEach(function (x) { x.classList.remove("cur"); });
      li.classList.add("cur");
      srcBox.textContent = "";
      if (f.file) srcBox.appendChild(sourceBlock(f.file, f.line));
    };
    var first = null;
    ids.forEach(function (id) {
      var f = D.frames[id];
      var li = el("li", f.irqEntry ? "irq" : null, f.file ? f.fn + " (" + f.file + ":" + f.line + ")" : f.fn);
      li.addEventListener("click", function () { show(li, f); });
      ol.appendChild(li);
      if (!first && f.file) first = [li, f];
    });
    into.appendChild(ol);
    return first ? function () { show(first[0], first[1]); } : null;
  }

  function locksAt(i) {
    var out = [];
    M.locks.forEach(function (row) {
      row.bars.forEach(function (b) {
        if (b.from <= i && i < b.to) out.push(b.state === "spin" ? "CPU#" + b.cpu + " " + b.task + " spins on " + row.lock
          : b.state === "acquiring" ? b.task + " is acquiring " + row.lock
          : b.task + " holds " + row.lock + (b.ctx !== "task" ? " (taken in " + b.ctx + ")" : ""));
      });
    });
    return out;
  }

  function select(i, scroll) {
    if (!T || i < 0 || i >= T.steps.length) return;
    var prev = rendered[selected];
    if (prev) prev.classList.remove("sel");
    selected = i;
    if (rendered[i]) rendered[i].classList.add("sel");
    if (scroll) {
      var top = i * ROW;
      if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - ROW) list.scrollTop = top - list.clientHeight / 2;
      if (i < view.x0 || i >= view.x1) { var span = view.x1 - view.x0; setView(i - span / 2, i + span / 2); }
    }
    var s = T.steps[i], d = $("detail");
    d.textContent = "";
    d.appendChild(el("h3", null, "Step " + (T.firstStep + i + 1) + (i >= T.highlightFrom ? " (among the last steps)" : "")));
    d.appendChild(el("p", "mono", s.text));
    var dl = el("dl");
    var row = function (k, v) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); };
    row("CPU", "CPU#" + s.cpu);
    if (!s.event) {
      row("task", s.task + (s.user ? " (user mode)" : ""));
      row("context", s.ctx + (s.softirq && s.ctx !== "softirq" ? " (inside a softirq)" : ""));
      row("preempt_count", hex8(s.pc));
      row("irqs", s.irqs ? "on" : "off");
      if (s.spinning != null) row("spinning on", s.spinning);
    }
    var held = locksAt(i);
    row("locks", held.length ? held.join("; ") : "none");
    d.appendChild(dl);
    var src = el("div");
    if (s.stack >= 0) {
      // the source line first, where it is seen without scrolling; the stack under it picks the frame
      d.appendChild(src);
      d.appendChild(el("h3", null, "Stack (innermost first; click a frame for its line)"));
      var showFirst = stackBlock(s.stack, d, src);
      if (showFirst) showFirst();
    } else if (s.file) {
      d.appendChild(sourceBlock(s.file, s.line));
    }
    draw();
  }

  function setView(a, b) {
    var n = T.steps.length;
    var span = Math.max(4, Math.min(n + 2, b - a));
    a = Math.max(-1, Math.min(n + 1 - span, a));
    view.x0 = a; view.x1 = a + span;
    draw();
  }

  canvas.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = canvas.getBoundingClientRect(), px = e.clientX - r.left;
    var at = view.x0 + px / width * (view.x1 - view.x0);
    var f = e.deltaY > 0 ? 1.25 : 0.8;
    setView(at - (at - view.x0) * f, at + (view.x1 - at) * f);
  }, { passive: false });
  var drag = null;
  canvas.addEventListener("mousedown", function (e) { drag = { x: e.clientX, x0: view.x0, x1: view.x1, moved: false }; });
  window.addEventListener("mousemove", function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x;
    if (Math.abs(dx) > 3) drag.moved = true;
    if (drag.moved) { var ds = dx / width * (drag.x1 - drag.x0); setView(drag.x0 - ds, drag.x1 - ds); }
  });
  window.addEventListener("mouseup", function (e) {
    if (drag && !drag.moved && e.target === canvas) clickAt(e);
    drag = null;
  });

  // a click picks the step of the CPU under the pointer at that x (or any step there)
  function clickAt(e) {
    var r = canvas.getBoundingClientRect(), px = e.clientX - r.left, py = e.clientY - r.top;
    var i = Math.max(0, Math.min(T.steps.length - 1, stepAt(px)));
    var cpu = -1;
    for (var c = 0; c < D.cpus; c++) if (py >= M.laneY[c] && py < M.laneY[c] + LANE) cpu = c;
    if (cpu >= 0 && !(T.steps[i].cpu === cpu && !T.steps[i].event)) {
      var rs = M.bands[cpu], k = firstVisible(rs, i);
      if (k < rs.length && rs[k][0] <= i) {
        // the CPU's own step at or before i
        for (var j = i; j >= rs[k][0]; j--) if (T.steps[j].cpu === cpu && !T.steps[j].event) { i = j; break; }
      }
    }
    select(i, false);
    listScrollTo(i);
  }
  function listScrollTo(i) {
    var top = i * ROW;
    if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - ROW) list.scrollTop = top - list.clientHeight / 2;
    listDraw();
    if (rendered[i]) rendered[i].classList.add("sel");
  }

  $("fit").addEventListener("click", function () { setView(-1, T.steps.length + 1); });
  $("tail").addEventListener("click", function () { showTail(); });
  function showTail() {
    var n = T.steps.length, from = Math.min(T.highlightFrom, Math.max(0, n - 40));
    setView(from - Math.max(3, (n - from) * 0.15), n + 1);
  }

  function show(index) {
    T = D.timelines[index];
    M = prepare(T);
    selected = -1;
    $("headline").textContent = T.headline || T.name;
    $("where").textContent = T.where ? "at " + T.where : "";
    $("note").textContent = T.note || "";
    resize();
    labels();
    cycle();
    listReset();
    if (T.steps.length > 0) {
      showTail();
      select(T.steps.length - 1, true);
    } else {
      draw();
    }
    if (T.findingStack >= 0 && T.steps.length === 0) {
      var src = el("div");
      var f = stackBlock(T.findingStack, $("detail"), src);
      $("detail").appendChild(src);
      if (f) f();
    }
  }

  sel.addEventListener("change", function () { show(+sel.value); });
  window.addEventListener("resize", function () { if (T) { resize(); draw(); } });
  legend();

  // expose what a test or a reader may want
  window.spinlab = { data: D, select: function (i) { select(i, true); }, show: show,
    xOfStep: function (i) { return X(i + 0.5); }, laneY: function (c) { return M.laneY[c] + MARK + 4; } };
  if (D.timelines.length) {
    // a deadlock first: its wait cycle is what the page is for
    var first = Math.max(0, D.timelines.findIndex(function (t) { return t.kind === "deadlock"; }));
    sel.value = first;
    show(first);
  }
  var totalMs = performance.now() - t0;
  window.spinlab.parsedMs = parsedMs;
  window.spinlab.renderMs = totalMs;
  var steps = D.timelines.reduce(function (a, t) { return a + t.steps.length; }, 0);
  $("perf").textContent = "spinlab · " + steps + " steps in " + D.timelines.length + " trace" +
    (D.timelines.length === 1 ? "" : "s") + " · data parsed in " + parsedMs.toFixed(1) + " ms, page drawn in " +
    totalMs.toFixed(1) + " ms";
})();
