"use strict";
// EvalHarness report: language toggle and the sample explorer.
// Every string that came from a model, a suite or an endpoint is inserted with textContent, never as
// markup, so hostile output stays text whatever it contains.
(function () {
  var PAGE = 25;
  var strings = JSON.parse(document.getElementById("evalh-strings").textContent);
  var root = document.documentElement;
  var state = { samples: [], suites: [], chunkSize: 1, chunks: [], view: [], page: 0, haystack: null, renders: 0 };

  function t(key) {
    var entry = strings[key];
    return entry ? (entry[root.getAttribute("data-lang")] || entry.en) : key;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Language ---------------------------------------------------------------------------------
  // Remembered per run: file:// pages share one storage, and another run's reader may want its own
  // default (a Japanese suite opens in Japanese). Storage may be denied (file://, e-mail viewers).
  var langKey = "evalh-lang:" + (document.body.getAttribute("data-run") || "");
  function setLang(lang, remember) {
    root.setAttribute("data-lang", lang);
    root.setAttribute("lang", lang);
    document.querySelectorAll("[data-set-lang]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-set-lang") === lang));
    });
    if (remember) {
      try { localStorage.setItem(langKey, lang); } catch (e) { /* the choice then lasts until the page closes */ }
    }
    if (state.samples.length) { fillSelects(); render(); }
  }

  document.querySelectorAll("[data-set-lang]").forEach(function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-set-lang"), true); });
  });
  var saved = null;
  try { saved = localStorage.getItem(langKey); } catch (e) { saved = null; }
  setLang(saved === "en" || saved === "ja" ? saved : root.getAttribute("data-lang"), false);

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });

  // Data ---------------------------------------------------------------------------------------
  // The index (ids, verdicts, filterable metadata) is decoded at once; the samples' texts come in
  // chunks that are only inflated when one of their samples is shown or a search needs all texts.
  function bytesOf(island) {
    var text = island.textContent.trim();
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // Decoding each inflated piece as it arrives and joining once is faster than Response.text().
  function inflate(bytes) {
    var reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")).getReader();
    var decoder = new TextDecoder();
    var parts = [];
    function pump() {
      return reader.read().then(function (piece) {
        if (piece.done) {
          parts.push(decoder.decode());
          return parts.join("");
        }
        parts.push(decoder.decode(piece.value, { stream: true }));
        return pump();
      });
    }
    return pump();
  }

  function decode(island) {
    return Promise.resolve().then(function () { return inflate(bytesOf(island)); }).then(JSON.parse);
  }

  var chunkIslands = document.querySelectorAll("script.evalh-chunk");

  function chunk(index) {
    if (!state.chunks[index]) {
      state.chunks[index] = decode(chunkIslands[index]).then(function (data) {
        // A message is [role, text] or [role, number of a text the chunk's samples share].
        data.details.forEach(function (d) {
          d[0] = d[0].map(function (m) { return [m[0], typeof m[1] === "number" ? data.strings[m[1]] : m[1]]; });
        });
        return data.details;
      });
    }
    return state.chunks[index];
  }

  function details(samples) {
    var needed = {};
    samples.forEach(function (s) { if (!s.detail) needed[Math.floor(s.n / state.chunkSize)] = true; });
    return Promise.all(Object.keys(needed).map(function (c) {
      return chunk(Number(c)).then(function (rows) {
        var first = Number(c) * state.chunkSize;
        rows.forEach(function (row, i) {
          var s = state.samples[first + i];
          s.detail = { input: row[0], output: row[1], targets: row[2], choices: row[3], scores: row[4], error: row[5], turns: row[6] || 0 };
        });
      });
    }));
  }

  // [suite, id, epoch, verdict, category, risk, perspective, language, kind, scorer error]
  function stub(row, n) {
    return {
      n: n, suite: state.suites[row[0]], id: row[1], epoch: row[2], verdict: row[3], category: row[4], risk: row[5],
      perspective: row[6], language: row[7], kind: row[8], scorerError: row[9] === 1, detail: null
    };
  }

  // Kinds of score a reader can ask for; scorer_error overlaps the others (one scorer failed, another scored).
  function hasKind(s, kind) {
    if (kind === "scorer_error") return s.scorerError;
    if (kind === "verdict_only") return s.kind === "verdict";
    return s.kind === kind;
  }

  // Filters ------------------------------------------------------------------------------------
  var controls = {
    search: document.getElementById("f-search"),
    suite: document.getElementById("f-suite"),
    category: document.getElementById("f-category"),
    risk: document.getElementById("f-risk"),
    perspective: document.getElementById("f-perspective"),
    verdict: document.getElementById("f-verdict"),
    kind: document.getElementById("f-kind"),
    errors: document.getElementById("f-errors")
  };
  var status = document.getElementById("p-status");

  function distinct(field) {
    var seen = {};
    state.samples.forEach(function (s) { if (s[field] !== null && s[field] !== undefined) seen[s[field]] = true; });
    return Object.keys(seen).sort();
  }

  function fillSelect(select, values, translate) {
    var current = select.value;
    select.textContent = "";
    var all = el("option", null, t("all"));
    all.value = "";
    select.appendChild(all);
    values.forEach(function (v) {
      var option = el("option", null, translate ? t(v) : v);
      option.value = v;
      select.appendChild(option);
    });
    select.value = values.indexOf(current) >= 0 ? current : "";
  }

  function fillSelects() {
    controls.search.placeholder = t("search");
    fillSelect(controls.suite, state.suites.slice(), false);
    fillSelect(controls.category, distinct("category"), false);
    fillSelect(controls.risk, distinct("risk"), false);
    fillSelect(controls.perspective, distinct("perspective"), false);
    fillSelect(controls.verdict, ["pass", "fail", "partial", "error"], true);
    fillSelect(controls.kind, ["graded", "verdict_only", "unscored", "scorer_error"], true);
  }

  // Searching needs every text: the first search inflates all chunks once.
  function haystack() {
    if (state.haystack) return Promise.resolve(state.haystack);
    return details(state.samples).then(function () {
      state.haystack = state.samples.map(function (s) {
        var d = s.detail;
        var parts = [s.id, d.output || ""];
        d.input.forEach(function (m) { parts.push(m[1]); });
        parts.push(d.targets.join(" "), d.choices.join(" "));
        d.scores.forEach(function (sc) {
          parts.push(sc[0], sc[2] || "", sc[3] || "", sc[4] || "");
          judgeCalls(sc).forEach(function (c) { parts.push(c[2] || "", c[4] || ""); });
        });
        if (d.error) parts.push(d.error[1]);
        return parts.join("\n").toLowerCase();
      });
      return state.haystack;
    });
  }

  var filtering = 0;
  function applyFilters() {
    var ticket = ++filtering;
    var query = controls.search.value.trim().toLowerCase();
    if (query && !state.haystack) status.textContent = t("searching");
    (query ? haystack() : Promise.resolve(null)).then(function (hay) {
      if (ticket !== filtering) return;
      var suite = controls.suite.value, category = controls.category.value, risk = controls.risk.value;
      var perspective = controls.perspective.value, verdict = controls.verdict.value, kind = controls.kind.value;
      var errorsOnly = controls.errors.checked;
      state.view = [];
      for (var i = 0; i < state.samples.length; i++) {
        var s = state.samples[i];
        if (suite && s.suite !== suite) continue;
        if (category && s.category !== category) continue;
        if (risk && s.risk !== risk) continue;
        if (perspective && s.perspective !== perspective) continue;
        if (verdict && s.verdict !== verdict) continue;
        if (kind && !hasKind(s, kind)) continue;
        if (errorsOnly && s.verdict !== "error") continue;
        if (hay && hay[i].indexOf(query) < 0) continue;
        state.view.push(s);
      }
      state.page = 0;
      render();
    });
  }

  var pending = 0;
  controls.search.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(applyFilters, 150);
  });
  ["suite", "category", "risk", "perspective", "verdict", "kind", "errors"].forEach(function (name) {
    controls[name].addEventListener("change", applyFilters);
  });
  document.getElementById("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  document.getElementById("p-prev").addEventListener("click", function () { if (state.page > 0) { state.page--; render(); } });
  document.getElementById("p-next").addEventListener("click", function () {
    if ((state.page + 1) * PAGE < state.view.length) { state.page++; render(); }
  });

  // Rendering ----------------------------------------------------------------------------------
  // Characters that change how text reads without being seen (bidi overrides, zero-width joiners,
  // control codes) are shown as visible markers, so an output cannot hide or reorder what it says.
  var hidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

  function visibleText(node, text) {
    var rest = text;
    var match;
    while ((match = hidden.exec(rest))) {
      if (match.index > 0) node.appendChild(document.createTextNode(rest.slice(0, match.index)));
      var code = match[0].charCodeAt(0).toString(16).toUpperCase();
      node.appendChild(el("span", "ctl", "U+" + ("0000" + code).slice(-4)));
      rest = rest.slice(match.index + 1);
    }
    if (rest) node.appendChild(document.createTextNode(rest));
    return node;
  }

  function field(name, content) {
    var box = el("div", "field");
    box.appendChild(el("div", "field-name", t(name)));
    box.appendChild(content);
    return box;
  }

  function untrusted(text) {
    return visibleText(el("pre", "untrusted"), text === null || text === undefined ? "" : String(text));
  }

  var ROLES = { system: "role_system", user: "role_user", assistant: "role_assistant" };

  function roleName(role) {
    return Object.prototype.hasOwnProperty.call(ROLES, role) ? t(ROLES[role]) : role;
  }

  function message(m) {
    var box = el("div", "message");
    box.setAttribute("data-role", m[0]);
    box.appendChild(visibleText(el("div", "role"), roleName(m[0])));
    box.appendChild(untrusted(m[1]));
    return box;
  }

  // A multi-turn conversation ends the input: question, answer, ..., the last turn's question. Anything
  // before it (system prompt, few-shot examples) is context. An input of another shape (a conversation
  // cut short by an error) is shown as plain messages.
  function conversation(d) {
    var span = 2 * d.turns - 1;
    if (d.turns < 2 || d.input.length < span) return null;
    var turns = d.input.slice(d.input.length - span);
    for (var i = 0; i < turns.length; i++) {
      if (turns[i][0] !== (i % 2 === 0 ? "user" : "assistant")) return null;
    }
    return { context: d.input.slice(0, d.input.length - span), turns: turns };
  }

  function turnName(n, total) {
    return t("turn") + " " + n + " / " + total;
  }

  function inputField(d) {
    var input = el("div");
    var talk = conversation(d);
    var context = talk ? talk.context : d.input.slice(0, -1);
    if (context.length) {
      var folded = el("details", "context");
      folded.appendChild(el("summary", null, context.map(function (m) { return roleName(m[0]); }).join(" · ")));
      context.forEach(function (m) { folded.appendChild(message(m)); });
      input.appendChild(folded);
    }
    if (!talk) {
      d.input.slice(-1).forEach(function (m) { input.appendChild(message(m)); });
      return input;
    }
    // Earlier turns fold away; the last turn's question stays open above the output it got.
    for (var n = 1; n < d.turns; n++) {
      var turn = el("details", "turn");
      turn.setAttribute("data-turn", String(n));
      turn.appendChild(el("summary", null, turnName(n, d.turns)));
      turn.appendChild(message(talk.turns[2 * n - 2]));
      turn.appendChild(message(talk.turns[2 * n - 1]));
      input.appendChild(turn);
    }
    var last = el("div", "turn");
    last.setAttribute("data-turn", String(d.turns));
    last.appendChild(el("div", "turn-name", turnName(d.turns, d.turns)));
    last.appendChild(message(talk.turns[talk.turns.length - 1]));
    input.appendChild(last);
    return input;
  }

  // Judges ------------------------------------------------------------------------------------
  // A judge's score carries its calls: [judge, attempt, raw reply, verdict, error, cached]. The raw reply
  // is model output like any other, so it is shown as untrusted text.
  function judgeCalls(sc) {
    return sc[5] && sc[5].calls ? sc[5].calls : [];
  }

  function fact(list, name, content) {
    list.appendChild(el("dt", null, t(name)));
    var dd = el("dd");
    dd.appendChild(content);
    list.appendChild(dd);
  }

  function rubricName(j) {
    return (j.rubric || "?") + (j.language ? " (" + j.language + ")" : "");
  }

  function voteName(vote) {
    return Object.prototype.hasOwnProperty.call(strings, "vote_" + vote) ? t("vote_" + vote) : vote;
  }

  function verdictOf(c) {
    return c[3] !== null && c[3] !== undefined ? c[3] : t("no_verdict");
  }

  // Each judge of a panel asks from attempt 1 again, so a new run of attempts is the next judge.
  function byJudge(calls) {
    var judges = [];
    calls.forEach(function (c) {
      if (c[1] === 1 || !judges.length) judges.push([]);
      judges[judges.length - 1].push(c);
    });
    return judges;
  }

  function judgeCall(c) {
    var box = el("div", "judge-call");
    box.setAttribute("data-attempt", String(c[1]));
    var head = el("div", "judge-call-head");
    head.appendChild(visibleText(el("span", "judge-name"), c[0] || ""));
    head.appendChild(el("span", "judge-attempt", c[1] > 1 ? t("follow_up") + " · " + t("attempt") + " " + c[1] : t("attempt") + " " + c[1]));
    head.appendChild(visibleText(el("span", "judge-verdict"), t("judge_verdict") + ": " + verdictOf(c)));
    if (c[5]) head.appendChild(el("span", null, t("cached")));
    box.appendChild(head);
    if (c[4]) box.appendChild(visibleText(el("p", "judge-call-error"), c[4]));
    box.appendChild(c[2] === null || c[2] === undefined ? el("p", "note", t("no_reply")) : untrusted(c[2]));
    return box;
  }

  // Folded by default: one line says who judged with which rubric and what came out.
  function judgeDetails(sc) {
    var j = sc[5];
    var judges = j.judges || [];
    var box = el("details", "judge");
    box.setAttribute("data-scorer", sc[0]);
    var outcome = j.failed ? t("judge_error") : (sc[2] !== null && sc[2] !== undefined ? sc[2] : sc[1]);
    box.appendChild(visibleText(el("summary"), [sc[0], rubricName(j), judges.join(", "), t("judge_verdict") + ": " + outcome].join(" · ")));

    var facts = el("dl", "judge-facts");
    fact(facts, "rubric", visibleText(el("span"), rubricName(j)));
    if (j.sha256) fact(facts, "rubric_sha256", visibleText(el("code", "hash"), j.sha256));
    if (judges.length > 1) {
      fact(facts, "vote", visibleText(el("span"), voteName(j.vote)));
      var each = byJudge(j.calls || []).map(function (calls) {
        var last = calls[calls.length - 1];
        return (last[0] || "") + ": " + verdictOf(last);
      });
      fact(facts, "panel_judges", visibleText(el("span", "judge-panel"), each.join(" · ")));
      if (j.counts) {
        fact(facts, "panel_tally", visibleText(el("span"), Object.keys(j.counts).map(function (k) { return k + " × " + j.counts[k]; }).join(", ")));
      }
    }
    if (j.failed) fact(facts, "judge_error", visibleText(el("span", "judge-error-reason"), sc[4] || ""));
    box.appendChild(facts);
    (j.calls || []).forEach(function (c) { box.appendChild(judgeCall(c)); });
    return box;
  }

  function card(s) {
    var d = s.detail;
    var node = el("article", "sample");
    node.setAttribute("data-sample", s.suite + "/" + s.id + "/" + s.epoch);
    var head = el("div", "sample-head");
    head.appendChild(el("span", "badge badge-" + s.verdict, t(s.verdict)));
    head.appendChild(visibleText(el("span", "sid"), s.id));
    head.appendChild(visibleText(el("span"), s.suite + " · " + t("epoch") + " " + s.epoch));
    [s.category, s.risk, s.perspective, s.language].forEach(function (m) { if (m) head.appendChild(visibleText(el("span"), m)); });
    node.appendChild(head);

    // The last message is what the sample asks; earlier ones (system prompt, few-shot turns) fold away.
    node.appendChild(field("input", inputField(d)));
    if (d.choices.length) {
      var list = el("ol", "choices");
      list.setAttribute("type", "A");
      d.choices.forEach(function (c) { list.appendChild(visibleText(el("li"), c)); });
      node.appendChild(field("choices", list));
    }
    node.appendChild(field("output", d.output === null ? el("p", "note", t("no_output")) : untrusted(d.output)));
    if (d.targets.length) node.appendChild(field("targets", untrusted(d.targets.join("\n"))));
    if (d.error) node.appendChild(field("error", untrusted(d.error[0] + ": " + d.error[1])));
    if (d.scores.length) {
      var table = el("table", "scores");
      var header = el("tr");
      ["scorer", "value", "answer", "explanation"].forEach(function (k) { header.appendChild(el("th", null, t(k))); });
      table.appendChild(header);
      d.scores.forEach(function (sc) {
        var row = el("tr");
        row.appendChild(el("td", null, sc[0]));
        row.appendChild(el("td", "num", sc[1] === null ? t(sc[5] && sc[5].failed ? "judge_error" : "error") : sc[1]));
        row.appendChild(visibleText(el("td", "text"), sc[2] || ""));
        row.appendChild(visibleText(el("td", "text"), (sc[1] === null ? sc[4] : sc[3]) || ""));
        table.appendChild(row);
      });
      node.appendChild(field("scores", table));
      var judged = d.scores.filter(function (sc) { return sc[5]; });
      if (judged.length) {
        var judgeBox = el("div", "judge-list");
        judged.forEach(function (sc) { judgeBox.appendChild(judgeDetails(sc)); });
        node.appendChild(field("judge", judgeBox));
      }
    }
    return node;
  }

  function render() {
    var ticket = ++state.renders;
    var start = state.page * PAGE;
    var shown = state.view.slice(start, start + PAGE);
    return details(shown).then(function () {
      if (ticket !== state.renders) return;
      var list = document.getElementById("samples");
      var pages = Math.max(1, Math.ceil(state.view.length / PAGE));
      list.textContent = "";
      if (!state.view.length) list.appendChild(el("p", "note", t("no_samples")));
      var fragment = document.createDocumentFragment();
      shown.forEach(function (s) { fragment.appendChild(card(s)); });
      list.appendChild(fragment);
      status.textContent = state.view.length + " " + t(state.view.length === 1 ? "shown_one" : "shown") + " · " +
        t("page") + " " + (state.page + 1) + " / " + pages;
      document.getElementById("p-prev").disabled = state.page === 0;
      document.getElementById("p-next").disabled = start + PAGE >= state.view.length;
    });
  }

  var index = document.getElementById("evalh-index");
  state.chunkSize = Number(index.getAttribute("data-chunk-size")) || 1;
  decode(index).then(function (data) {
    state.suites = data.suites || [];
    state.samples = (data.samples || []).map(stub);
    state.view = state.samples.slice();
    fillSelects();
    return render();
  }).then(function () {
    window.__evalhReady = performance.now();
    document.body.setAttribute("data-ready", "true");
  }).catch(function (error) {
    var list = document.getElementById("samples");
    list.textContent = "";
    list.appendChild(el("p", "note", t("needs_script") + " (" + error + ")"));
    document.body.setAttribute("data-ready", "error");
  });
})();
