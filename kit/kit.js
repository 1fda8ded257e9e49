// The field kit's script: it filters, counts and draws what Python wrote (kit/model.py) and nothing
// more. Every text of the data is set with textContent, never as markup. The state lives in the
// address's "#" part, with the dashboard's parameter names.
"use strict";
let MODEL, COUNT; // what Python wrote (kit/page.py: packed), and its number of examples
const MAX_TEXT = 200;
const PAGE = 12; // cards drawn at a time, as the dashboard pages them; "Show more" draws the next ones
const state = { lang: "en", values: {}, view: "explore", slide: 0, example: "", dark: false, only: false, shown: PAGE, area: null };
let ignored = [];
const VIEWS = ["explore", "present", "handout"]; // the handout: every example a page, then the sources

const $ = (id) => document.getElementById(id);
const T = () => MODEL.texts[state.lang];
const W = (key) => T().words[key];
const filterSpecs = () => T().filters;
// A field of an example's view in the language shown: a language stores only what differs from English.
const field = (name, row) => T().views[name][row] ?? MODEL.texts.en.views[name][row];
const section = (row) => T().sections[field("section", row)] || { name: field("section", row), colour: "#444444", text: "#fff" };
const fold = (text) => text.toLowerCase().normalize("NFKD").replace(/\p{Mn}/gu, "");
const searchWords = (text) => [...new Set(fold(text).split(/\s+/).filter(Boolean))];
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
const formats = {}; // one formatter per language: toLocaleString builds one on every call
const number = (n) => (formats[state.lang] ||= new Intl.NumberFormat(state.lang)).format(n);
// Plotly reads a few HTML tags in its texts: the data's own text is given to it with them escaped.
const plotlyText = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

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
  const area = (params.get("area") || "").split(",").map(Number);
  state.area = area.length === 4 && area.every(Number.isFinite) && area[0] <= area[2] && area[1] <= area[3] ? area : null;
  if (params.get("area") && !state.area) note("area", params.get("area"));
  state.view = VIEWS.includes(params.get("view")) ? params.get("view") : "explore";
  state.slide = Math.max(0, parseInt(params.get("slide") || "0", 10) || 0);
  state.example = MODEL.texts.en.views.id.includes(params.get("example")) ? params.get("example") : "";
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
  if (state.view !== "explore") params.set("view", state.view);
  if (state.view === "present") params.set("slide", state.slide);
  if (state.example) params.set("example", state.example);
  if (state.area) params.set("area", state.area.join(","));
  return params.toString();
}

function commit() {
  state.shown = PAGE;
  const query = address();
  if (location.hash.slice(1) !== query) history.replaceState(null, "", query ? `#${query}` : location.pathname);
  draw();
}

// --- Filtering and counting: data/filters.py's masks, by widget kind --------------------------
function mask(f) {
  const value = state.values[f.name];
  const keys = MODEL.keys[f.name];
  const keep = new Uint8Array(COUNT).fill(1);
  if (f.kind === "choices" && value.length) for (let row = 0; row < COUNT; row++) keep[row] = keys[row].some((k) => value.includes(k));
  else if (f.kind === "choice" && value) for (let row = 0; row < COUNT; row++) keep[row] = keys[row].includes(value);
  else if (f.kind === "flag" && value !== f.default) for (let row = 0; row < COUNT; row++) keep[row] = keys[row] === true;
  else if (f.kind === "words" && searchWords(value).length) {
    const words = searchWords(value);
    for (let row = 0; row < COUNT; row++) {
      const text = MODEL.searched.map((name) => field(name, row)).join(" ");
      keep[row] = words.every((word) => text.includes(word));
    }
  } else if (f.kind === "years" && (value[0] !== null || value[1] !== null)) {
    const [from, to] = [value[0] ?? 1945, value[1] ?? 2100];
    for (let row = 0; row < COUNT; row++) keep[row] = keys[row] === null || (keys[row][1] >= from && keys[row][0] <= to);
  } else return null; // not set: keeps every row
  return keep;
}

let masks = {};

function kept(leaveOut = []) {
  const chosen = Object.entries(masks).filter(([name, m]) => m && !leaveOut.includes(name)).map(([, m]) => m);
  const rows = [];
  for (let row = 0; row < COUNT; row++) if (chosen.every((m) => m[row])) rows.push(row);
  return rows;
}

// Every filter's facet in one pass: a row counts for a filter's options when the only masks that
// drop it are among those its facet leaves out (its own; the years' two for the years and undated).
// Masks are bits here: a row's dropped ones against each facet's left-out ones, with no allocation.
let facets = {};

function countFacets() {
  const specs = filterSpecs().filter((f) => f.kind === "choices" || f.kind === "choice" || f.kind === "flag");
  const set = Object.entries(masks).filter(([, m]) => m);
  const arrays = set.map(([, m]) => m);
  const allowed = specs.map((f) => set.reduce((bits, [name], i) => bits | (f.leaves_out.includes(name) ? 1 << i : 0), 0));
  const keysOf = specs.map((f) => MODEL.keys[f.name]);
  const counts = specs.map((f) => (f.kind === "flag" ? [0] : {}));
  for (let row = 0; row < COUNT; row++) {
    let dropped = 0;
    for (let i = 0; i < arrays.length; i++) if (!arrays[i][row]) dropped |= 1 << i;
    for (let s = 0; s < specs.length; s++) {
      if (dropped & ~allowed[s]) continue;
      const keys = keysOf[s][row];
      const count = counts[s];
      if (specs[s].kind === "flag") count[0] += keys !== true;
      else for (let k = 0; k < keys.length; k++) count[keys[k]] = (count[keys[k]] || 0) + 1;
    }
  }
  facets = Object.fromEntries(specs.map((f, s) => [f.name, f.kind === "flag" ? counts[s][0] : counts[s]]));
}

const facet = (f) => facets[f.name];

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

let wordsIn = ""; // the language the page's own words are in: set again only when it changes

function drawWords() {
  if (wordsIn === state.lang) return;
  wordsIn = state.lang;
  document.documentElement.lang = state.lang;
  document.title = `${W("title")} · ${W("offline")}`;
  document.querySelectorAll("[data-word]").forEach((node) => (node.textContent = W(node.dataset.word)));
  $("about-text").textContent = W("about_text");
}

// The filters are built once per language; each draw then sets their values and counts in place
// (rebuilding a few hundred options on every click cost more than the filtering itself).
let built = { lang: "", updates: [] };

// A text is set only when it changes: every text set is laid out again.
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function counted(node, name, count) {
  setText(node, ` ${name} (${number(count)})`);
}

function buildFilters() {
  const box = $("filters");
  box.replaceChildren();
  const updates = [];
  const set = (f, value) => {
    state.values[f.name] = value;
    commit();
  };
  for (const f of filterSpecs()) {
    const id = `filter-${f.name}`;
    if (f.kind === "choices") {
      const list = element("fieldset", { class: "choices" }, element("legend", { text: f.label }));
      const options = f.options.map(([option, name]) => {
        const input = element("input", { type: "checkbox", id: `${id}-${option}` });
        input.addEventListener("change", () => {
          const now = state.values[f.name].filter((v) => v !== option);
          set(f, input.checked ? [...now, option] : now);
        });
        const words = document.createTextNode("");
        list.append(element("label", { for: `${id}-${option}` }, input, words));
        return { option, name, input, words };
      });
      updates.push(() => {
        const counts = facet(f);
        for (const o of options) {
          o.input.checked = state.values[f.name].includes(o.option);
          counted(o.words, o.name, counts[o.option] || 0);
        }
      });
      box.append(list);
    } else if (f.kind === "choice") {
      const select = element("select", { id });
      select.addEventListener("change", () => set(f, select.value));
      select.append(element("option", { value: "", text: f.placeholder }));
      const options = f.options.map(([option, name]) => select.appendChild(element("option", { value: option })));
      updates.push(() => {
        const counts = facet(f);
        f.options.forEach(([option, name], i) => setText(options[i], `${name} (${number(counts[option] || 0)})`));
        select.value = state.values[f.name];
      });
      box.append(element("label", { for: id, class: "field-label", text: f.label }), select);
    } else if (f.kind === "years") {
      const [first, last] = MODEL.years;
      const pair = element("fieldset", { class: "years" }, element("legend", { text: f.label }));
      const selects = [0, 1].map((i) => {
        const select = element("select", { id: `${id}-${i}` });
        select.append(element("option", { value: "", text: W("any_year") }));
        for (let y = first; y <= last; y++) select.append(element("option", { value: y, text: y }));
        select.addEventListener("change", () => {
          const now = [...state.values[f.name]];
          now[i] = select.value ? Number(select.value) : null;
          set(f, now);
        });
        pair.append(element("label", { for: `${id}-${i}`, text: W(i === 0 ? "from" : "to") }), select);
        return select;
      });
      updates.push(() => selects.forEach((select, i) => (select.value = state.values[f.name][i] ?? "")));
      box.append(pair);
    } else if (f.kind === "flag") {
      const input = element("input", { type: "checkbox", id });
      input.addEventListener("change", () => set(f, input.checked));
      const words = document.createTextNode("");
      box.append(element("label", { for: id, class: "flag" }, input, words));
      updates.push(() => {
        input.checked = state.values[f.name];
        counted(words, f.label, facet(f));
      });
    } else if (f.kind === "words") {
      const input = element("input", { type: "search", id, placeholder: f.placeholder, maxlength: MAX_TEXT, "aria-describedby": `${id}-help` });
      let typing = 0;
      input.addEventListener("input", () => {
        clearTimeout(typing); // once typing pauses: a redraw per key is too many with thousands of examples
        typing = setTimeout(() => set(f, input.value.slice(0, MAX_TEXT)), 120);
      });
      updates.push(() => {
        if (input.value !== state.values[f.name]) input.value = state.values[f.name];
      });
      box.append(element("label", { for: id, class: "field-label", text: f.label }), input, element("p", { id: `${id}-help`, class: "help", text: f.help }));
    }
  }
  box.append(element("button", { type: "button", id: "clear", text: W("clear"), onclick: () => { state.values = defaults(); commit(); } }));
  built = { lang: state.lang, updates };
}

function drawFilters() {
  if (built.lang !== state.lang) buildFilters();
  built.updates.forEach((update) => update());
  $("notices").replaceChildren(...(ignored.length ? [element("p", { class: "notice", role: "status", text: `${W("ignored")} ${ignored.join(", ")}` })] : []));
}

// A plural word of the catalogs (kit/model.py: its forms for 0, 1 and 2 or more), with {count} filled in.
const plural = (key, count, values = {}) => fill(W(key)[Math.min(count, 2)], { count: number(count), ...values });

function countLine(count) {
  return plural("count_line", count, { total: W("total") });
}

function card(row, marks) {
  const english = (name) => (field("english", row).includes(name) ? element("span", { class: "english", text: ` ${W("english")}` }) : null);
  const text = (name) => element("span", {}, highlighted(field(name, row), marks), english(name));
  const part = (label, name, css) => (field(name, row) ? element("p", { class: css }, element("span", { class: "label", text: `${label} ` }), text(name)) : null);
  const { name, colour, text: ink } = section(row);
  const note = field("year_note", row);
  return element(
    "article",
    { class: "card", style: `border-left-color:${colour}`, "data-id": field("id", row), id: `example-${row}` },
    element("div", { class: "badges" }, element("span", { class: "badge", style: `background:${colour};color:${ink}`, text: name }), field("yours", row) ? element("span", { class: "yours", text: W("yours") }) : null),
    element("h3", {}, text("title")),
    element("p", { class: "meta" }, highlighted(field("place_line", row), marks), ` · ${field("year_label", row)}`, note ? ` (${note})` : ""),
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
  const linked = state.example ? MODEL.texts.en.views.id.indexOf(state.example) : -1;
  const cards = rows.filter((row) => row !== linked).slice(0, state.shown).map((row) => card(row, marks));
  if (linked >= 0) {  // a link to one example shows it first, marked, even where the filters leave it out
    const first = card(linked, marks);
    first.classList.add("linked");
    const close = element("button", { type: "button", text: W("close_linked"), onclick: () => { state.example = ""; commit(); } });
    first.prepend(element("p", { class: "linked-label", text: W(rows.includes(linked) ? "linked" : "linked_outside") }), close);
    cards.unshift(first);
  }
  list.replaceChildren(...cards);
  if (rows.length === 0) list.append(element("p", { class: "empty", text: W("no_match") }));
  if (rows.length > state.shown) {
    const more = Math.min(PAGE, rows.length - state.shown);
    list.append(element("button", { type: "button", id: "more", text: fill(W("more"), { count: number(more), shown: number(state.shown), total: number(rows.length) }), onclick: () => { state.shown += PAGE; draw(); } }));
  }
}

const GEO = { projection: { type: "natural earth" }, showland: true, landcolor: "#E3DED5", showcountries: true, countrycolor: "#fff", showocean: true, oceancolor: "#F4F8FB", showframe: false };
const WORLD = [-40, -100, 60, 160]; // south, west, north, east: where the examples are
const PLOT_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d"] };

// Markers: a place each; beyond MODEL.cluster_above places on the whole map, a group's places
// (kit/model.py: places_in) as one marker with their count, whose click zooms into their extent.
function markers(counts) {
  const places = T().places.filter((p) => counts[p.key]);
  const marker = (p) => ({ key: p.key, lat: p.lat, lon: p.lon, count: counts[p.key], text: plotlyText(`${p.label}: ${fill(W("examples_on_map"), { count: number(counts[p.key]) })}`) });
  if (state.area || places.length <= MODEL.cluster_above) return places.map(marker);
  const groups = new Map();
  for (const p of places) groups.set(p.group, [...(groups.get(p.group) || []), p]);
  return [...groups.values()].map((members) => {
    if (members.length === 1) return marker(members[0]);
    const count = members.reduce((sum, p) => sum + counts[p.key], 0);
    const mean = (axis) => members.reduce((sum, p) => sum + p[axis] * counts[p.key], 0) / count;
    const extent = [Math.min(...members.map((p) => p.lat)), Math.min(...members.map((p) => p.lon)), Math.max(...members.map((p) => p.lat)), Math.max(...members.map((p) => p.lon))];
    return { key: `cluster:${extent.join(",")}`, lat: mean("lat"), lon: mean("lon"), count, label: number(count), text: fill(W("cluster"), { count: number(count), places: number(members.length) }) };
  });
}

function drawMap(rows) {
  const whole = $("whole-map");
  whole.hidden = !state.area;
  setText(whole, W("whole_map"));
  if (!window.Plotly) return;
  const counts = {};
  for (const row of rows) for (const key of MODEL.keys.place[row]) counts[key] = (counts[key] || 0) + 1;
  const shown = markers(counts);
  const chosen = state.values.place;
  const trace = {
    type: "scattergeo",
    mode: "markers+text",
    lat: shown.map((m) => m.lat),
    lon: shown.map((m) => m.lon),
    customdata: shown.map((m) => m.key),
    text: shown.map((m) => m.label || ""),
    hovertext: shown.map((m) => m.text),
    hoverinfo: "text",
    textfont: { color: "#fff", size: 11 },
    marker: {
      size: shown.map((m) => 12 + 6 * Math.sqrt(m.count)),
      color: shown.map((m) => (m.key === chosen ? "#B8500F" : m.label ? "#1A1A1A" : "#005A8C")),
      line: { color: "#fff", width: 1.5 },
    },
  };
  const [south, west, north, east] = state.area || WORLD;
  const pad = state.area ? 1 : 0;
  const layout = {
    margin: { l: 0, r: 0, t: 0, b: 0 },
    height: 360,
    showlegend: false,
    paper_bgcolor: "rgba(0,0,0,0)",
    geo: { ...GEO, lataxis: { range: [south - pad, north + pad] }, lonaxis: { range: [west - pad, east + pad] } },
  };
  const map = $("map");
  Plotly.react(map, [trace], layout, PLOT_CONFIG);
  if (!map.dataset.listening) {
    map.dataset.listening = "yes";
    map.on("plotly_click", (event) => {
      const key = event.points[0].customdata;
      if (key.startsWith("cluster:")) state.area = key.slice(8).split(",").map(Number);
      else state.values.place = state.values.place === key ? "" : key;
      commit();
    });
  }
}

// The timeline as the dashboard draws it (components/timeline_figure.py): a lane per section, a marker
// per section and year (its size by its examples, a bar for a span, a triangle for an open end), the
// undated ones in their own lane at the right, the source's milestones dotted with their labels on the
// levels Python gave them.
const TITLES_IN_HOVER = 4;

function timelineGroups(rows) {
  const groups = new Map();
  for (const row of rows) {
    const key = `${field("section", row)}|${field("year_label", row)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { slug: field("section", row), label: field("year_label", row), span: MODEL.keys.years[row], open: MODEL.open_end[row], rows: [], count: 0 }));
    group.count += 1;
    if (group.rows.length < TITLES_IN_HOVER) group.rows.push(row);
  }
  return [...groups.values()];
}

function groupHover(group) {
  const titles = group.rows.map((row) => `<b>${plotlyText(field("title", row))}</b> (${plotlyText(field("place_line", row))})`);
  const more = group.count > TITLES_IN_HOVER ? `<br>${plotlyText(fill(W("and_more"), { count: number(group.count - TITLES_IN_HOVER) }))}` : "";
  return `${plotlyText(group.label)} · ${plotlyText(plural("example_count", group.count))}<br>${titles.join("<br>")}${more}`;
}

function timelineTraces(rows) {
  const undatedLane = W("year_not_stated");
  const traces = [];
  const bySection = new Map();
  for (const group of timelineGroups(rows)) bySection.set(group.slug, [...(bySection.get(group.slug) || []), group]);
  for (const [slug, groups] of bySection) {
    const { short: lane, colour } = T().sections[slug] || { short: slug, colour: "#444444" };
    const markers = (list, axis, xs, symbols) => ({
      type: "scatter", mode: "markers", xaxis: axis, yaxis: "y", x: xs, y: list.map(() => plotlyText(lane)), hoverinfo: "text", hovertext: list.map(groupHover),
      marker: { color: colour, size: list.map((g) => 14 + 4 * Math.sqrt(Math.min(g.count, 50))), symbol: symbols, line: { color: "#111", width: 1 } },
    });
    const dated = groups.filter((g) => g.span !== null);
    const undated = groups.filter((g) => g.span === null);
    const spans = dated.filter((g) => !g.open && g.span[1] > g.span[0]); // an open end: its triangle alone
    if (spans.length) traces.push({ type: "scatter", mode: "lines", xaxis: "x", yaxis: "y", hoverinfo: "skip", line: { color: colour, width: 8 }, x: spans.flatMap((g) => [g.span[0], g.span[1], null]), y: spans.flatMap(() => [plotlyText(lane), plotlyText(lane), null]) });
    if (dated.length) traces.push(markers(dated, "x", dated.map((g) => g.span[0]), dated.map((g) => (g.open ? "triangle-right" : "circle"))));
    if (undated.length) traces.push(markers(undated, "x2", undated.map(() => plotlyText(undatedLane)), "square"));
  }
  return traces;
}

function drawTimeline(rows) {
  if (!window.Plotly) return;
  const [first, last] = MODEL.years;
  const lanes = Object.values(T().sections).map((s) => plotlyText(s.short));
  const milestones = T().milestones;
  const layout = {
    height: 380,
    margin: { l: 10, r: 10, t: 95, b: 30 },
    showlegend: false,
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "#fff",
    hoverlabel: { font: { size: 15 } },
    xaxis: { domain: [0, 0.8], range: [first - 1, last + 1], dtick: 2, tickformat: "d", gridcolor: "#EEE" },
    xaxis2: { domain: [0.815, 1], type: "category", categoryorder: "array", categoryarray: [plotlyText(W("year_not_stated"))], showgrid: false, tickfont: { size: 13, color: "#333" } },
    yaxis: { type: "category", categoryorder: "array", categoryarray: lanes.slice().reverse(), range: [-0.5, lanes.length - 0.5], tickfont: { size: 13 }, fixedrange: true, automargin: true },
    shapes: milestones.map((m) => ({ type: "line", xref: "x", yref: "y domain", x0: m.x, x1: m.x, y0: 0, y1: 1, line: { dash: "dot", color: "#6B6B6B", width: 1 } })),
    annotations: milestones.map((m) => ({ x: m.x, xref: "x", y: 1, yref: "y domain", yshift: 4 + 20 * m.level, yanchor: "bottom", text: plotlyText(m.short), hovertext: plotlyText(m.title), showarrow: false, font: { size: 13, color: "#333" } })),
  };
  Plotly.react($("timeline"), timelineTraces(rows), layout, PLOT_CONFIG);
}

// --- The presenter -------------------------------------------------------------------------
function slides(rows) {
  return ["note", ...rows, "sources"];
}

// The sources cited by these examples, each once, as the last slide and the handout's last page show them.
function sourcesOf(rows, prefix = "") {
  const cited = [...new Set(rows.map((row) => field("source", row)))];
  return [element("h2", { class: `${prefix}title`, text: W("sources") }), element("ol", { class: `${prefix}body` }, ...cited.map((s) => element("li", { text: s }))), element("p", { class: `${prefix}meta`, text: W("source_note") })];
}

function slideContent(kind, rows) {
  if (kind === "note") return [element("h2", { class: "slide-title", text: W("content_note") }), element("p", { class: "slide-body", text: W("content_note_text") }), element("p", { class: "slide-meta", text: W("begin") })];
  if (kind === "sources") return sourcesOf(rows, "slide-");
  const row = kind;
  const marks = wanted();
  const { name, colour, text: ink } = section(row);
  return [
    element("span", { class: "badge", style: `background:${colour};color:${ink}`, text: name }),
    element("h2", { class: "slide-title" }, highlighted(field("title", row), marks)),
    element("p", { class: "slide-meta", text: `${field("place_line", row)} · ${field("year_label", row)}` }),
    element("p", { class: "slide-body" }, highlighted(field("summary", row), marks)),
    field("key_figure", row) ? element("p", { class: "slide-figure", text: `${W("key_figure")} ${field("key_figure", row)}` }) : null,
    field("prompt", row) ? element("p", { class: "slide-prompt", text: field("prompt", row) }) : null,
  ];
}

function drawPresenter(rows) {
  const all = slides(rows);
  state.slide = Math.min(state.slide, all.length - 1);
  $("slide").replaceChildren(...slideContent(all[state.slide], rows).filter(Boolean));
  $("slide-counter").textContent = fill(W("slide"), { number: number(state.slide + 1), count: number(all.length) });
  $("presenter").classList.toggle("only", state.only);
  $("presenter").classList.toggle("dark", state.dark);
}

function move(to) {
  const total = slides(kept()).length;
  state.slide = Math.max(0, Math.min(to, total - 1));
  commit();
}

// --- The handout (the HTML handout, and what "Print" prints): every example a page with its locator
// map, then the sources. The maps are drawn one a task, so the pages come at once; all before printing.
function drawHandout(rows) {
  $("handout-line").textContent = fill(W("handout_line"), { examples: plural("example_count", rows.length) });
  const pages = rows.map((row, i) =>
    element("section", { class: "page" }, element("p", { class: "meta", text: `${number(i + 1)} / ${number(rows.length)}` }), card(row, []), element("div", { class: "locator", "data-row": row })),
  );
  pages.push(element("section", { class: "page sources" }, ...sourcesOf(rows)));
  $("handout-pages").replaceChildren(...pages);
  drawLocators();
}

const placesByKey = {}; // per language

function locator(node) {
  node.dataset.drawn = "yes";
  const index = (placesByKey[state.lang] ||= new Map(T().places.map((p) => [p.key, p])));
  const places = MODEL.keys.place[Number(node.dataset.row)].map((key) => index.get(key)).filter(Boolean);
  const [south, west, north, east] = WORLD;
  const trace = { type: "scattergeo", mode: "markers", lat: places.map((p) => p.lat), lon: places.map((p) => p.lon), hoverinfo: "skip", marker: { size: 14, color: "#B8500F", line: { color: "#fff", width: 1.5 } } };
  const layout = { height: 260, margin: { l: 0, r: 0, t: 0, b: 0 }, showlegend: false, paper_bgcolor: "rgba(0,0,0,0)", geo: { ...GEO, lataxis: { range: [south, north] }, lonaxis: { range: [west, east] } } };
  return window.Plotly ? Plotly.newPlot(node, [trace], layout, { staticPlot: true }) : Promise.resolve();
}

let locating = 0;
const undrawn = () => [...document.querySelectorAll("#handout-pages .locator:not([data-drawn])")];

function drawLocators() {
  const mine = ++locating;
  const next = () => {
    const [node] = undrawn();
    if (mine !== locating || !node) return;
    locator(node);
    setTimeout(next);
  };
  setTimeout(next);
}

async function printHandout() {
  await Promise.all(undrawn().map(locator));
  window.print();
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
  masks = Object.fromEntries(filterSpecs().map((f) => [f.name, mask(f)]));
  countFacets();
  const rows = kept();
  $("count-line").textContent = countLine(rows.length);
  $("count-line").dataset.count = rows.length;
  $("present").textContent = fill(W("present"), { count: number(rows.length) });
  $("present").disabled = rows.length === 0;
  $("explorer").hidden = state.view !== "explore";
  $("presenter").hidden = state.view !== "present";
  $("handout").hidden = state.view !== "handout";
  $("language").value = state.lang;
  drawFilters();
  if (state.view === "present") return drawPresenter(rows);
  if (state.view === "handout") return drawHandout(rows);
  drawCards(rows);
  plotLater(rows);
}

// The map once the count and the cards are painted (a click answers at once), the timeline once the
// map is; a newer draw drops what an older one had still to plot.
let plotting = 0;
let drawn = 0;

function plotLater(rows) {
  const mine = ++plotting;
  const later = (step) => requestAnimationFrame(() => setTimeout(() => mine === plotting && step()));
  later(() => {
    drawMap(rows);
    later(() => {
      drawTimeline(rows);
      document.body.dataset.drawn = ++drawn;
    });
  });
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
  $("whole-map").addEventListener("click", () => {
    state.area = null;
    commit();
  });
  $("back").addEventListener("click", () => {
    state.view = "explore";
    state.only = state.dark = false;
    commit();
  });
  $("previous").addEventListener("click", () => move(state.slide - 1));
  $("next").addEventListener("click", () => move(state.slide + 1));
  $("print").addEventListener("click", () => {
    state.view = "handout";
    commit();
    printHandout();
  });
  $("handout-print").addEventListener("click", printHandout);
  $("handout-back").addEventListener("click", () => {
    state.view = "explore";
    commit();
  });
  window.addEventListener("beforeprint", () => state.view === "handout" && undrawn().forEach(locator)); // Ctrl+P
  window.addEventListener("hashchange", () => {
    readAddress(location.hash.slice(1));
    draw();
  });
  const first = location.hash.slice(1) || new URLSearchParams(Object.entries(MODEL.start).flatMap(([k, vs]) => vs.map((v) => [k, v]))).toString();
  readAddress(first);
  commit();
}

// The model is gzipped JSON in base64: the browser unzips it natively, a tenth of the bytes to read in.
async function unpack(packed) {
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(packed) : Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  return JSON.parse(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text());
}

// A browser without DecompressionStream (before 2023), or a file cut short: say so, in the file's language.
(window.DecompressionStream ? unpack(document.getElementById("kit-model").textContent) : Promise.reject(new Error("no DecompressionStream")))
  .then((model) => {
    MODEL = model;
    COUNT = MODEL.texts.en.views.id.length;
    state.lang = MODEL.lang;
  })
  .then(start, (error) => {
    $("unreadable").hidden = false;
    $("explorer").hidden = true;
    console.error(error);
  });
