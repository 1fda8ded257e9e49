// The field kit's script: it filters, counts and draws what Python wrote (kit/model.py) and nothing
// more. Every text of the data is set with textContent, never as markup. The state lives in the
// address's "#" part, with the dashboard's parameter names.
"use strict";
const MODEL = JSON.parse(document.getElementById("kit-model").textContent);
const COUNT = MODEL.texts.en.views.length;
const MAX_TEXT = 200;
const state = { lang: MODEL.lang, values: {}, view: "explore", slide: 0, example: "", dark: false, only: false };
let ignored = [];

const $ = (id) => document.getElementById(id);
const T = () => MODEL.texts[state.lang];
const W = (key) => T().words[key];
const filterSpecs = () => T().filters;
const fold = (text) => text.toLowerCase().normalize("NFKD").replace(/\p{Mn}/gu, "");
const searchWords = (text) => [...new Set(fold(text).split(/\s+/).filter(Boolean))];
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
const number = (n) => n.toLocaleString(state.lang);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== false && value !== undefined) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

// --- The state and the address ---------------------------------------------------------------
function defaults() {
  return Object.fromEntries(MODEL.texts.en.filters.map((f) => [f.name, f.kind === "years" ? [null, null] : f.default]));
}

function readAddress(query) {
  const params = new URLSearchParams(query);
  const values = defaults();
  ignored = [];
  const note = (key, value) => ignored.push(`${key}=${String(value).slice(0, 40)}`);
  for (const f of MODEL.texts.en.filters) {
    const known = new Set(f.options.map((o) => o[0]));
    const all = f.url.flatMap((key) => params.getAll(key));
    if (f.kind === "choices") {
      const key = f.url[0];
      values[f.name] = [];
      for (const raw of params.getAll(key)) {
        const value = f.name === "sections" ? raw.trim() : raw.trim().toUpperCase();
        if (known.has(value)) values[f.name].includes(value) || values[f.name].push(value);
        else if (raw.trim()) note(key, raw);
      }
    } else if (f.kind === "choice") {
      const raw = all.at(-1);
      if (raw !== undefined && known.has(raw)) values[f.name] = raw;
      else if (raw) note(f.url[0], raw);
    } else if (f.kind === "years") {
      values[f.name] = f.url.map((key) => {
        const raw = params.get(key);
        if (raw === null || raw === "") return null;
        if (/^[0-9]{4}$/.test(raw.trim())) return Number(raw);
        note(key, raw);
        return null;
      });
    } else if (f.kind === "flag") {
      const raw = (all.at(-1) || "").trim().toLowerCase();
      if (raw === "true" || raw === "false") values[f.name] = raw === "true";
      else if (raw) note(f.url[0], raw);
    } else if (f.kind === "words") {
      values[f.name] = (all.at(-1) || "").slice(0, MAX_TEXT);
    }
  }
  const lang = (params.get("lang") || "").trim().toLowerCase();
  if (lang in MODEL.languages) state.lang = lang;
  else if (lang) note("lang", lang);
  state.view = params.get("view") === "present" ? "present" : "explore";
  state.slide = Math.max(0, parseInt(params.get("slide") || "0", 10) || 0);
  state.example = MODEL.texts.en.views.some((v) => v.id === params.get("example")) ? params.get("example") : "";
  state.values = values;
}

function address() {
  const params = new URLSearchParams();
  if (state.lang !== MODEL.lang) params.set("lang", state.lang);
  for (const f of MODEL.texts.en.filters) {
    const value = state.values[f.name];
    if (f.kind === "choices") value.forEach((v) => params.append(f.url[0], v));
    else if (f.kind === "years") value.forEach((v, i) => v !== null && params.set(f.url[i], v));
    else if (value !== f.default) params.set(f.url[0], value);
  }
  if (state.view === "present") {
    params.set("view", "present");
    params.set("slide", state.slide);
  }
  if (state.example) params.set("example", state.example);
  return params.toString();
}

function commit() {
  const query = address();
  if (location.hash.slice(1) !== query) history.replaceState(null, "", query ? `#${query}` : location.pathname);
  draw();
}

// --- Filtering and counting: data/filters.py's masks, by widget kind --------------------------
function passes(f, row) {
  const value = state.values[f.name];
  if (f.kind === "choices") return value.length === 0 || MODEL.keys[f.name][row].some((k) => value.includes(k));
  if (f.kind === "choice") return !value || MODEL.keys[f.name][row].includes(value);
  if (f.kind === "flag") return value === f.default || MODEL.keys[f.name][row] === true;
  if (f.kind === "words") {
    const text = T().search[f.name][row];
    return searchWords(value).every((word) => text.includes(word));
  }
  if (f.kind === "years") {
    const [from, to] = value;
    const years = MODEL.keys[f.name][row];
    if ((from === null && to === null) || years === null) return true;
    return years[1] >= (from ?? 1945) && years[0] <= (to ?? 2100);
  }
  return true;
}

function kept(leaveOut = []) {
  const specs = filterSpecs().filter((f) => !leaveOut.includes(f.name));
  const rows = [];
  for (let row = 0; row < COUNT; row++) if (specs.every((f) => passes(f, row))) rows.push(row);
  return rows;
}

function facet(f) {
  const rows = kept(f.leaves_out);
  const counts = {};
  if (f.kind === "flag") return rows.filter((row) => MODEL.keys[f.name][row] !== true).length;
  for (const row of rows) for (const key of MODEL.keys[f.name][row]) counts[key] = (counts[key] || 0) + 1;
  return counts;
}

// --- Highlighting: data/search.py's spans, on the text as shown ------------------------------
function highlighted(text, wanted) {
  const out = document.createDocumentFragment();
  if (!text || wanted.length === 0) {
    out.append(text || "");
    return out;
  }
  let flat = "";
  const origin = [];
  [...text].forEach((character, position) => {
    const piece = fold(character);
    flat += piece;
    for (let i = 0; i < piece.length; i++) origin.push(position);
  });
  const found = [];
  for (const word of wanted) {
    for (let start = flat.indexOf(word); start >= 0; start = flat.indexOf(word, start + word.length)) {
      found.push([origin[start], origin[start + word.length - 1] + 1]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const [start, end] of found) {
    if (merged.length && start <= merged.at(-1)[1]) merged.at(-1)[1] = Math.max(end, merged.at(-1)[1]);
    else merged.push([start, end]);
  }
  const characters = [...text];
  let done = 0;
  for (const [start, end] of merged) {
    out.append(characters.slice(done, start).join(""), element("mark", { text: characters.slice(start, end).join("") }));
    done = end;
  }
  out.append(characters.slice(done).join(""));
  return out;
}

// --- Drawing -------------------------------------------------------------------------------
function wanted() {
  const words = filterSpecs().find((f) => f.kind === "words");
  return words ? searchWords(state.values[words.name]) : [];
}

function drawWords() {
  document.documentElement.lang = state.lang;
  document.title = `${W("title")} · ${W("offline")}`;
  document.querySelectorAll("[data-word]").forEach((node) => (node.textContent = W(node.dataset.word)));
  $("about-text").textContent = W("about_text");
}

function drawFilters(rows) {
  const box = $("filters");
  box.replaceChildren();
  for (const f of filterSpecs()) {
    const value = state.values[f.name];
    const id = `filter-${f.name}`;
    if (f.kind === "choices") {
      const counts = facet(f);
      const list = element("fieldset", { class: "choices" }, element("legend", { text: f.label }));
      for (const [option, name] of f.options) {
        const input = element("input", {
          type: "checkbox",
          id: `${id}-${option}`,
          checked: value.includes(option),
          onchange: (event) => {
            const now = state.values[f.name].filter((v) => v !== option);
            state.values[f.name] = event.target.checked ? [...now, option] : now;
            commit();
          },
        });
        list.append(element("label", { for: `${id}-${option}` }, input, ` ${name} (${number(counts[option] || 0)})`));
      }
      box.append(list);
    } else if (f.kind === "choice") {
      const counts = facet(f);
      const select = element("select", {
        id,
        onchange: (event) => {
          state.values[f.name] = event.target.value;
          commit();
        },
      });
      select.append(element("option", { value: "", text: f.placeholder }));
      for (const [option, name] of f.options) {
        select.append(element("option", { value: option, selected: option === value, text: `${name} (${number(counts[option] || 0)})` }));
      }
      box.append(element("label", { for: id, class: "field-label", text: f.label }), select);
    } else if (f.kind === "years") {
      const [first, last] = MODEL.years;
      const pair = element("fieldset", { class: "years" }, element("legend", { text: f.label }));
      value.forEach((year, i) => {
        const select = element("select", {
          id: `${id}-${i}`,
          onchange: (event) => {
            const now = [...state.values[f.name]];
            now[i] = event.target.value ? Number(event.target.value) : null;
            state.values[f.name] = now;
            commit();
          },
        });
        select.append(element("option", { value: "", text: W("any_year") }));
        for (let y = first; y <= last; y++) select.append(element("option", { value: y, selected: y === year, text: y }));
        pair.append(element("label", { for: `${id}-${i}`, text: W(i === 0 ? "from" : "to") }), select);
      });
      box.append(pair);
    } else if (f.kind === "flag") {
      const input = element("input", {
        type: "checkbox",
        id,
        checked: value,
        onchange: (event) => {
          state.values[f.name] = event.target.checked;
          commit();
        },
      });
      box.append(element("label", { for: id, class: "flag" }, input, ` ${f.label} (${number(facet(f))})`));
    } else if (f.kind === "words") {
      const input = element("input", { type: "search", id, value, placeholder: f.placeholder, maxlength: MAX_TEXT, "aria-describedby": `${id}-help` });
      input.addEventListener("input", () => {
        state.values[f.name] = input.value.slice(0, MAX_TEXT);
        const start = input.selectionStart;
        commit();
        const again = $(id);
        again.focus();
        again.setSelectionRange(start, start);
      });
      box.append(element("label", { for: id, class: "field-label", text: f.label }), input, element("p", { id: `${id}-help`, class: "help", text: f.help }));
    }
  }
  box.append(element("button", { type: "button", id: "clear", text: W("clear"), onclick: () => { state.values = defaults(); commit(); } }));
  $("notices").replaceChildren(...(ignored.length ? [element("p", { class: "notice", role: "status", text: `${W("ignored")} ${ignored.join(", ")}` })] : []));
}

function countLine(count) {
  const forms = W("count_line");
  return fill(forms[Math.min(count, 2)], { count: number(count), total: W("total") });
}

function card(row, marks) {
  const view = T().views[row];
  const english = (name) => (view.english.includes(name) ? element("span", { class: "english", text: ` ${W("english")}` }) : null);
  const text = (name) => element("span", {}, highlighted(view[name], marks), english(name));
  const part = (label, name, css) => (view[name] ? element("p", { class: css }, element("span", { class: "label", text: `${label} ` }), text(name)) : null);
  const badge = element("span", { class: "badge", style: `background:${view.colour};color:${view.badge_text}`, text: view.section_name });
  return element(
    "article",
    { class: "card", style: `border-left-color:${view.colour}`, "data-id": view.id, id: `example-${row}` },
    element("div", { class: "badges" }, badge),
    element("h3", {}, text("title")),
    element("p", { class: "meta" }, highlighted(view.place_line, marks), ` · ${view.year_label}`, view.year_note ? ` (${view.year_note})` : ""),
    part(W("mission"), "mission_line", "mission"),
    element("p", { class: "summary" }, text("summary")),
    part(W("key_figure"), "key_figure", "figure"),
    part(W("prompt"), "prompt", "prompt"),
    part(W("context"), "context_note", "context"),
    part(W("source"), "source", "source"),
  );
}

function drawCards(rows) {
  const marks = wanted();
  const list = $("cards");
  list.replaceChildren(...rows.map((row) => card(row, marks)));
  if (rows.length === 0) list.append(element("p", { class: "empty", text: W("no_match") }));
}

const PLOT_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d"] };

function drawMap(rows) {
  if (!window.Plotly) return;
  const counts = {};
  for (const row of rows) for (const key of MODEL.keys.place[row]) counts[key] = (counts[key] || 0) + 1;
  const places = T().places.filter((p) => counts[p.key]);
  const chosen = state.values.place;
  const trace = {
    type: "scattergeo",
    lat: places.map((p) => p.lat),
    lon: places.map((p) => p.lon),
    customdata: places.map((p) => p.key),
    text: places.map((p) => `${p.label}: ${fill(W("examples_on_map"), { count: number(counts[p.key]) })}`),
    hoverinfo: "text",
    marker: {
      size: places.map((p) => 12 + 6 * Math.sqrt(counts[p.key])),
      color: places.map((p) => (p.key === chosen ? "#B8500F" : "#005A8C")),
      line: { color: "#fff", width: 1.5 },
    },
  };
  const layout = {
    margin: { l: 0, r: 0, t: 0, b: 0 },
    height: 360,
    showlegend: false,
    paper_bgcolor: "rgba(0,0,0,0)",
    geo: { projection: { type: "natural earth" }, showland: true, landcolor: "#E3DED5", showcountries: true, countrycolor: "#fff", showocean: true, oceancolor: "#F4F8FB", showframe: false, lataxis: { range: [-40, 60] }, lonaxis: { range: [-100, 160] } },
  };
  const map = $("map");
  Plotly.react(map, [trace], layout, PLOT_CONFIG);
  if (!map.dataset.listening) {
    map.dataset.listening = "yes";
    map.on("plotly_click", (event) => {
      const key = event.points[0].customdata;
      state.values.place = state.values.place === key ? "" : key;
      commit();
    });
  }
}

function drawTimeline(rows) {
  const undated = rows.filter((row) => MODEL.keys.years[row] === null);
  $("undated").replaceChildren(
    ...(undated.length ? [element("span", { class: "label", text: `${W("year_not_stated")}: ` }), ...undated.map((row, i) => element("span", { text: (i ? " · " : "") + T().views[row].title }))] : []),
  );
  if (!window.Plotly) return;
  const views = T().views;
  const sections = T().sections;
  const dated = rows.filter((row) => MODEL.keys.years[row] !== null);
  const last = MODEL.years[1];
  const traces = Object.keys(sections).map((slug) => {
    const mine = dated.filter((row) => views[row].section === slug);
    const x = [], y = [], text = [];
    for (const row of mine) {
      const [start, end] = MODEL.keys.years[row];
      x.push(start, Math.min(end, last), null);
      y.push(sections[slug], sections[slug], null);
      text.push(views[row].title, views[row].title, null);
    }
    return { type: "scatter", mode: "lines+markers", name: sections[slug], x, y, text, hoverinfo: "text", line: { width: 6, color: MODEL.colours[slug] }, marker: { size: 10, color: MODEL.colours[slug] } };
  }).filter((t) => t.x.length);
  const milestones = T().milestones;
  const layout = {
    height: 300,
    margin: { l: 10, r: 10, t: 30, b: 30 },
    showlegend: false,
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    xaxis: { range: [MODEL.years[0] - 1, last + 1], dtick: 2 },
    yaxis: { automargin: true, type: "category", showticklabels: traces.length > 0 },
    shapes: milestones.map((m) => ({ type: "line", x0: m.year, x1: m.year, yref: "paper", y0: 0, y1: 1, line: { dash: "dot", color: "#666", width: 1 } })),
    annotations: milestones.map((m, i) => ({ x: m.year, yref: "paper", y: 1 + (i % 2) * 0.08, text: m.short, showarrow: false, font: { size: 11 }, hovertext: m.title })),
  };
  Plotly.react($("timeline"), traces, layout, { ...PLOT_CONFIG, staticPlot: false });
}

// --- The presenter -------------------------------------------------------------------------
function slides(rows) {
  return ["note", ...rows, "sources"];
}

function slideContent(kind, rows) {
  if (kind === "note") return [element("h2", { class: "slide-title", text: W("content_note") }), element("p", { class: "slide-body", text: W("content_note_text") }), element("p", { class: "slide-meta", text: W("begin") })];
  if (kind === "sources") {
    const cited = [...new Set(rows.map((row) => T().views[row].source))];
    return [element("h2", { class: "slide-title", text: W("sources") }), element("ol", { class: "slide-body" }, ...cited.map((s) => element("li", { text: s }))), element("p", { class: "slide-meta", text: W("source_note") })];
  }
  const view = T().views[kind];
  const marks = wanted();
  return [
    element("span", { class: "badge", style: `background:${view.colour};color:${view.badge_text}`, text: view.section_name }),
    element("h2", { class: "slide-title" }, highlighted(view.title, marks)),
    element("p", { class: "slide-meta", text: `${view.place_line} · ${view.year_label}` }),
    element("p", { class: "slide-body" }, highlighted(view.summary, marks)),
    view.key_figure ? element("p", { class: "slide-figure", text: `${W("key_figure")} ${view.key_figure}` }) : null,
    view.prompt ? element("p", { class: "slide-prompt", text: view.prompt }) : null,
  ];
}

function drawPresenter(rows) {
  const all = slides(rows);
  state.slide = Math.min(state.slide, all.length - 1);
  $("slide").replaceChildren(...slideContent(all[state.slide], rows));
  $("slide-counter").textContent = fill(W("slide"), { number: number(state.slide + 1), count: number(all.length) });
  $("presenter").classList.toggle("only", state.only);
  $("presenter").classList.toggle("dark", state.dark);
}

function move(to) {
  const total = slides(kept()).length;
  state.slide = Math.max(0, Math.min(to, total - 1));
  commit();
}

document.addEventListener("keydown", (event) => {
  if (state.view !== "present" || event.altKey || event.ctrlKey || event.metaKey) return;
  const key = event.key;
  const steps = { ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1 };
  if (key in steps) move(state.slide + steps[key]);
  else if (key === "Home") move(0);
  else if (key === "End") move(Infinity);
  else if (key === "f" || key === "F") state.only = !state.only;
  else if (key === "b" || key === "B") state.dark = !state.dark;
  else if (key === "Escape") state.only = state.dark = false;
  else return;
  event.preventDefault();
  draw();
});

// --- The whole page ------------------------------------------------------------------------
function draw() {
  drawWords();
  const rows = kept();
  $("count-line").textContent = countLine(rows.length);
  $("count-line").dataset.count = rows.length;
  $("present").textContent = fill(W("present"), { count: number(rows.length) });
  $("present").disabled = rows.length === 0;
  $("explorer").hidden = state.view === "present";
  $("presenter").hidden = state.view !== "present";
  $("language").value = state.lang;
  drawFilters(rows);
  if (state.view === "present") return drawPresenter(rows);
  drawCards(rows);
  drawMap(rows);
  drawTimeline(rows);
  if (state.example) document.querySelector(`[data-id="${CSS.escape(state.example)}"]`)?.scrollIntoView();
}

function start() {
  const select = $("language");
  for (const [code, name] of Object.entries(MODEL.languages)) select.append(element("option", { value: code, text: name }));
  select.addEventListener("change", () => {
    state.lang = select.value;
    commit();
  });
  $("present").addEventListener("click", () => {
    state.view = "present";
    state.slide = 0;
    commit();
  });
  $("back").addEventListener("click", () => {
    state.view = "explore";
    state.only = state.dark = false;
    commit();
  });
  $("previous").addEventListener("click", () => move(state.slide - 1));
  $("next").addEventListener("click", () => move(state.slide + 1));
  $("print").addEventListener("click", () => window.print());
  window.addEventListener("hashchange", () => {
    readAddress(location.hash.slice(1));
    draw();
  });
  const first = location.hash.slice(1) || new URLSearchParams(Object.entries(MODEL.start).flatMap(([k, vs]) => vs.map((v) => [k, v]))).toString();
  readAddress(first);
  commit();
}

start();
