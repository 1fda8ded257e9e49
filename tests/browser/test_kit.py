"""The field kit opened from file:// with the network off, as a trainer double-clicks it: the counts
agree with data/selection.py for many filter states, search highlights, a map click filters, the
presenter's keys, the language switch, a # link, printing, no request leaving the file, axe, and the
hostile payloads shown as text."""

import random
from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode

import pytest
from playwright.sync_api import Browser, Page, expect

from bench.synthetic import write_examples
from components.handouts import html_handout
from data.facets import facet_counts
from data.filters import masks
from data.loader import load_dataset
from data.page import parse_url
from data.selection import select
from kit.page import kit_html
from tests.browser.conftest import serious
from tests.fidelity_facts import MUST, NEVER
from tests.hostile_files import HOSTILE, HOSTILE_FIELDS, PAYLOAD
from tests.many_places import VILLAGES, write_villages

SYNTHETIC_STATES = 40


@pytest.fixture(scope="module")
def offline(browser: Browser) -> Iterator:
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 720})
    outside: list[str] = []
    context.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
    yield context, outside
    context.close()
    assert outside == []  # not one request left the file, in any test of this module


def opened(offline, path, hash_: str = "") -> Page:
    page = offline[0].new_page()
    page.goto(path.as_uri() + hash_)
    expect(page.locator("#map .geolayer .layer.land path").first).to_be_attached()
    return page


def go(page: Page, query: str) -> int:
    """The kit's count after its address's # part becomes ``query``."""
    return int(
        page.evaluate(
            """q => new Promise(done => {
                const count = () => document.getElementById("count-line").dataset.count;
                addEventListener("hashchange", () => setTimeout(() => done(count())), {once: true});
                location.hash = q;
            })""",
            query,
        )
    )


def states(dataset, rng: random.Random) -> list[str]:
    """Links of filters as people make them: one to four filters at a time, words with and without accents."""
    vocabulary = [w for w in dataset.search.words if len(w) > 3][:400] + ["securite", "SÉCURITÉ", "Police radio"]
    choices = {
        "section": sorted(dataset.section_set),
        "country": sorted(dataset.country_set),
        "mission": sorted(dataset.mission_set),
        "place": sorted(dataset.place_set),
        "from": [str(y) for y in range(2000, 2014)],
        "to": [str(y) for y in range(2003, 2016)],
        "undated": ["false"],
        "q": vocabulary,
    }
    links = []
    while len(links) < SYNTHETIC_STATES:
        params = {
            key: [
                rng.choice(choices[key])
                for _ in range(rng.choice((1, 2)) if key in ("section", "country", "mission") else 1)
            ]
            for key in rng.sample(sorted(choices), rng.randint(1, 4))
        }
        link = urlencode(params, doseq=True)
        if link not in links:
            links.append(link)
    return links


def test_the_kits_counts_and_facets_are_the_dashboards_for_many_filter_states(offline, tmp_path):
    dataset = load_dataset(write_examples(tmp_path / "examples.csv", 600))
    path = tmp_path / "explorer.html"
    path.write_text(kit_html(dataset), encoding="utf-8")
    page = opened(offline, path)
    for i, link in enumerate(states(dataset, random.Random(2106))):
        state, _ = parse_url(parse_qs(link), dataset)
        found = masks(dataset, state.filters)
        assert go(page, link) == select(dataset, state.filters, found).count, link
        if i % 8 == 0:
            sections = facet_counts(dataset, state.filters, found)["sections"]
            labels = page.locator("#filters fieldset.choices").first.locator("label").all_text_contents()
            shown = {text.rsplit(" (", 1)[0].strip(): int(text.rsplit("(", 1)[1].rstrip(")")) for text in labels}
            assert shown == {name: sections.get(slug, 0) for slug, name in dataset.section_names.items()}, link
    page.close()


@pytest.fixture(scope="module")
def curated_kit(tmp_path_factory, curated):
    path = tmp_path_factory.mktemp("kit") / "explorer.html"
    path.write_text(kit_html(curated), encoding="utf-8")
    return path


def test_search_highlights_a_map_click_filters_and_a_link_keeps_it_all(offline, curated_kit, curated):
    page = opened(offline, curated_kit, "#q=POLICE")
    found = select(curated, parse_url({"q": ["POLICE"]}, curated)[0].filters).count
    expect(page.get_by_test_id("count-line")).to_have_text(f"Showing {found} of 9 examples")
    expect(page.locator("article.card mark").first).to_have_text("police", ignore_case=True)
    page.get_by_label("Language").select_option("fr")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_label("Mots recherchés").fill("securite")
    expect(page.locator("article.card mark").first).to_have_text("sécurité")
    page.get_by_role("button", name="Effacer tous les filtres").click()
    expect(page.get_by_test_id("count-line")).to_have_text("9 exemples sur 9")
    # The timeline as the dashboard's: a marker per section and year, the undated ones in their own lane.
    expect(page.locator("#timeline .point")).to_have_count(curated.examples.groupby(["section", "year_label"]).ngroups)
    expect(page.locator("#timeline .x2tick")).to_have_text("Année non précisée")
    assert serious(page) == []
    page.emulate_media(media="print")  # one example a page, nothing else
    expect(page.locator("#map")).to_be_hidden()
    expect(page.locator("aside")).to_be_hidden()
    breaks = page.locator("article.card").evaluate_all("cards => cards.map(c => getComputedStyle(c).breakAfter)")
    assert breaks == ["page"] * 8 + ["auto"]
    page.emulate_media(media="screen")
    point = page.locator("#map .scattergeo .point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_test_id("count-line")).not_to_have_text("9 exemples sur 9")
    link = page.evaluate("location.hash")
    assert "place=" in link and "lang=fr" in link
    shown = page.get_by_test_id("count-line").text_content()
    again = opened(offline, curated_kit, link)  # the link opens the same state in another tab
    expect(again.get_by_test_id("count-line")).to_have_text(shown)
    expect(again.locator("#filter-place")).not_to_have_value("")
    outside = curated.examples.loc[curated.examples["section"] == "ddr", "id"].iloc[0]
    linked = opened(offline, curated_kit, f"#section=elections&example={outside}")  # a link to one example
    expect(linked.locator("article.card").first).to_have_attribute("data-id", outside)
    expect(linked.locator("article.card.linked")).to_contain_text("The example this link opens (not in these filters)")
    linked.get_by_role("button", name="Close the linked example").click()
    expect(linked.locator("article.card.linked")).to_have_count(0)
    assert "example=" not in linked.evaluate("location.hash")
    linked.close()
    for tab in (page, again):
        tab.close()


def test_the_presenter_moves_with_the_keys_and_shows_only_the_slide_or_nothing(offline, curated_kit):
    page = opened(offline, curated_kit, "#section=elections&lang=es")
    page.get_by_role("button", name="Presentar estos 3").click()
    counter = page.get_by_test_id("slide-counter")
    expect(counter).to_have_text("Diapositiva 1 de 5")
    expect(page.locator(".slide-title")).to_have_text("Advertencia sobre el contenido")
    for key, shown in (("ArrowRight", 2), ("PageDown", 3), ("ArrowLeft", 2), ("End", 5), ("PageUp", 4), ("Home", 1)):
        page.keyboard.press(key)
        expect(counter).to_have_text(f"Diapositiva {shown} de 5")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#slide")).not_to_contain_text("null")  # a field the example lacks is left out
    page.keyboard.press("End")
    expect(page.locator(".slide-title")).to_have_text("Fuentes")
    assert "view=present" in page.evaluate("location.hash") and "slide=4" in page.evaluate("location.hash")
    assert serious(page) == []
    page.keyboard.press("f")
    expect(page.locator("#presenter .controls")).to_be_hidden()
    page.keyboard.press("b")
    expect(page.locator("#slide")).to_be_hidden()
    page.keyboard.press("Escape")
    expect(counter).to_be_visible()
    page.get_by_role("button", name="Volver a explorar").click()
    expect(page.get_by_test_id("count-line")).to_be_visible()
    page.close()


def test_the_html_handout_says_what_the_source_says_in_each_language(offline, tmp_path, curated):
    """The HTML handout is the kit on its handout view: every example a page, as the source says it."""
    path = tmp_path / "handout.html"
    path.write_text(html_handout(curated.examples, curated, "en"), encoding="utf-8")
    page = offline[0].new_page()
    for lang in ("en", "fr", "es"):
        page.goto(f"{path.as_uri()}#view=handout&lang={lang}")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        pages = page.locator("#handout .page:not(.sources)")
        expect(pages).to_have_count(len(curated.examples))
        shown = pages.evaluate_all("ps => ps.map(p => [p.querySelector('article').dataset.id, p.innerText])")
        missing = [(i, f) for i, text in shown for f in MUST[i][lang] if f not in " ".join(text.split())]
        wrong = [(i, w) for i, text in shown for w in NEVER if w in " ".join(text.split())]
        assert (missing, wrong) == ([], [])
        assert [i for i, _ in shown] == curated.examples["id"].tolist()
    page.emulate_media(media="print")  # each example a page, then the sources; nothing of the explorer
    expect(page.locator("#explorer")).to_be_hidden()
    breaks = page.locator("#handout .page").evaluate_all("ps => ps.map(p => getComputedStyle(p).breakAfter)")
    assert breaks == ["page"] * len(curated.examples) + ["auto"]
    page.close()


def test_hostile_text_in_the_kit_stays_text(offline, tmp_path):
    path = tmp_path / "explorer.html"
    path.write_text(kit_html(load_dataset(HOSTILE)), encoding="utf-8")
    page = opened(offline, path, "#" + urlencode({"q": PAYLOAD["title"][:30]}))
    cards = page.locator("article.card")
    for field in HOSTILE_FIELDS:
        expect(cards.first).to_contain_text(PAYLOAD[field])
    assert page.locator("article.card :is(script, img, iframe, svg, a, style, u)").count() == 0
    expect(page.locator("body[data-drawn]")).to_be_attached()  # the map and the timeline: the titles are
    marker = page.locator("#timeline .point").first  # in their hover texts, escaped for Plotly
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("#timeline .hovertext")).to_contain_text(PAYLOAD["title"][:30])
    assert page.locator(".hovertext :is(img, a, u, script)").count() == 0
    assert page.evaluate("window.pwned === undefined")
    page.get_by_role("button", name="Present these").click()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#slide")).to_contain_text(PAYLOAD["title"])
    assert page.locator("#slide :is(script, img, iframe, svg, a, style, u)").count() == 0
    assert page.evaluate("window.pwned === undefined")
    page.close()


def test_a_file_cut_short_says_so_in_its_language(offline, tmp_path, curated):
    whole = kit_html(curated, "fr")
    cut = tmp_path / "explorer.html"
    model = whole.index('id="kit-model">') + len('id="kit-model">')
    cut.write_text(whole[: model + 5000] + whole[whole.index("</script>", model) :], encoding="utf-8")
    page = offline[0].new_page()
    page.goto(cut.as_uri())
    expect(page.get_by_role("alert")).to_contain_text("téléchargez-le à nouveau")
    expect(page.locator("#explorer")).to_be_hidden()
    page.close()


def test_many_places_are_grouped_and_a_group_zooms_in(offline, tmp_path):
    path = tmp_path / "explorer.html"
    path.write_text(kit_html(load_dataset(write_villages(tmp_path / "villages.csv"))), encoding="utf-8")
    page = opened(offline, path)
    expect(page.get_by_test_id("count-line")).to_have_text(f"Showing {VILLAGES} of {VILLAGES} examples")
    groups = page.locator("#map .scattergeo text")  # the counts written on grouped markers
    expect(groups.first).to_be_attached()
    assert 1 <= page.locator("#map .scattergeo .point").count() <= 300
    point = page.locator("#map .scattergeo .point").last
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_role("button", name="Whole map")).to_be_visible()
    assert "area=" in page.evaluate("location.hash")
    expect(page.get_by_test_id("count-line")).to_have_text(f"Showing {VILLAGES} of {VILLAGES} examples")  # a zoom
    page.get_by_role("button", name="Whole map").click()
    expect(page.get_by_role("button", name="Whole map")).to_be_hidden()
    page.close()
