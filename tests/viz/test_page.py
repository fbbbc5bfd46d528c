"""The standalone page, parsed: its data, its offline-ness, its policy, and its escaping."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from kg.analysis import Analysis
from viz import build_view, content_security_policy, json_for_script, render_page

PAYLOAD_MARKERS = ("<img", "<svg", "<iframe", "<script>alert", "<script>window", "<style>body",
                   "<b>said", "<i onmouseover", "<a href=\"javascript")


@pytest.fixture(scope="module")
def seed_page(seed_analysis: Analysis) -> str:
    return render_page(build_view(seed_analysis), title="Seed case")


@pytest.fixture(scope="module")
def xss_page(xss_analysis: Analysis, xss_title: str) -> str:
    return render_page(build_view(xss_analysis), title=xss_title,
                       links=[("<b>home</b>", "/?a=1&b=\"><script>alert('link')</script>")])


def test_every_node_of_the_seed_is_in_the_embedded_data(seed_analysis: Analysis, seed_page: str,
                                                       parse) -> None:
    data = parse(seed_page).data
    ids = {n["id"] for n in data["nodes"]}
    assert set(seed_analysis.claims) <= ids
    assert set(seed_analysis.actors) <= ids
    assert {e.iri for e in seed_analysis.case.evidence} <= ids
    assert data == build_view(seed_analysis).to_dict()


def test_the_page_has_its_title_containers_and_legend_data(seed_page: str, parse) -> None:
    page = parse(seed_page)
    assert page.all("title")[0].text == "Seed case"
    for ident in ("kg-graph", "kg-legend", "kg-panel", "kg-statuses", "kg-source",
                  "kg-min-corr", "kg-date-from", "kg-date-to", "kg-collapse", "kg-search"):
        page.by_id(ident)
    labels = {row["label"] for row in page.data["legend"]}
    assert {"corroborated", "single-source", "unsupported", "affirms", "denies",
            "hedges", "evidence"} <= labels


def test_the_page_loads_nothing_from_the_network(seed_page: str, parse) -> None:
    page = parse(seed_page)
    for element in page.elements:
        for attr in ("src", "href", "action", "data", "poster"):
            value = element.attrs.get(attr) or ""
            assert not re.match(r"\s*(https?:)?//", value), (element.tag, attr, value)
    assert all("src" not in s.attrs for s in page.all("script"))
    assert page.all("link") == []
    inline = [s.text for s in page.all("script") if s.attrs.get("type") != "application/json"]
    assert len(inline) == 4 and "vis-network" in inline[0]
    assert "@import" not in "".join(s.text for s in page.all("style"))


def test_the_policy_allows_exactly_the_inline_scripts(seed_page: str, parse) -> None:
    page = parse(seed_page)
    metas = [m for m in page.all("meta")
             if (m.attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    policy = metas[0].attrs["content"]
    assert policy == content_security_policy()
    assert "default-src 'none'" in policy and "http" not in policy
    allowed = set(re.findall(r"'sha256-([^']+)'", policy))
    scripts = [s.text for s in page.all("script") if s.attrs.get("type") != "application/json"]
    digests = {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    assert digests == allowed
    assert "frame-ancestors 'none'" in content_security_policy(for_header=True)


def test_hostile_strings_appear_only_escaped(xss_analysis: Analysis, xss_page: str,
                                             xss_title: str, parse) -> None:
    page = parse(xss_page)
    tags = {e.tag for e in page.elements}
    assert tags.isdisjoint({"img", "svg", "iframe", "b", "i"})
    assert [e.attrs for e in page.all("a")] == [
        {"href": "/?a=1&b=\"><script>alert('link')</script>"}]
    # Outside the JSON block, a payload could only be in the title, heading or links: escaped.
    for marker in PAYLOAD_MARKERS:
        outside = xss_page.replace(page.by_id("kg-data").text, "")
        assert marker not in outside.replace(page.by_id("kg-details").text, "")
    assert page.all("title")[0].text == xss_title
    assert xss_title in page.text
    # The data round-trips exactly, so the page shows every payload as the text it is.
    data = page.data
    texts = {c["text"] for c in data["details"]["claims"].values()}
    assert {c.claim.text for c in xss_analysis.claims.values()} == texts
    assert "<img src=x onerror=alert(1)>" in texts


def test_script_breakouts_in_data_cannot_close_the_json_block(xss_page: str, parse) -> None:
    for block in ("kg-data", "kg-details"):
        raw = xss_page.split(f'id="{block}">', 1)[1].split("</script>", 1)[0]
        assert "<" not in raw and ">" not in raw and "&" not in raw
        assert "\u2028" not in raw and "\u2029" not in raw
    assert parse(xss_page).data["details"]["claims"]


def test_titles_with_href_stay_plain_text(xss_page: str, parse) -> None:
    # pyvis 0.3.2 turns every tooltip into HTML once any title contains "href"; here titles
    # are plain strings, which vis-network 9 shows with innerText.
    data = parse(xss_page).data
    titles = [n["title"] for n in data["nodes"]]
    assert any("href" in t for t in titles)
    assert all(isinstance(t, str) for t in titles)


@pytest.mark.parametrize("href", ["javascript:alert(1)", " JavaScript:x", "data:text/html,x",
                                  "https://example.org/", "//example.org/",
                                  # a browser drops tabs and newlines, and leading controls
                                  "java\tscript:alert(1)", "/\n/example.org/",
                                  "\x01javascript:x", "/\\example.org/"])
def test_navigation_links_must_be_relative(seed_analysis: Analysis, href: str) -> None:
    with pytest.raises(ValueError, match="relative"):
        render_page(build_view(seed_analysis), links=[("x", href)])


def test_json_for_script_escapes_markup_characters() -> None:
    text = json_for_script({"a": "</script><!--&\u2028"})
    assert text == '{"a": "\\u003c/script\\u003e\\u003c!--\\u0026\\u2028"}'


def test_the_page_holds_no_string_pyvis_would_have_left_unescaped(xss_page: str) -> None:
    assert "<h1><script>" not in xss_page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in xss_page
