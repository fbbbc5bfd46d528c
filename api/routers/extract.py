"""``/extract``: draft a case from an article's text. Reads nothing but the request body, and
never writes to the store.

- ``POST /extract`` with the article as the body (``text/plain``, or ``text/html`` for a page
  saved from a browser) and options as query parameters: JSON with the draft case (YAML text
  in the authoring format), the article's text (an HTML page reduced to text, which the
  offsets refer to), and every item with its spans, confidence and review flag. With
  ``Accept: application/yaml`` the answer is the draft file itself.
- ``GET /extract`` is a form (no script); submitting it (``application/x-www-form-urlencoded``)
  answers with an HTML page that shows the draft beside the text, the words each item was
  read from highlighted, and the items as JSON in ``<script type="application/json"
  id="items">`` (escaped as :func:`viz.page.json_for_script` does, never executed).

An article over :data:`MAX_ARTICLE_BYTES` of text is refused with a 413 (a form's body may
be up to :data:`MAX_FORM_BYTES`, as %-encoding makes it longer). Nothing the page or text refers
to is fetched. The extraction runs in a child process (:mod:`api.extract_worker`) with a 2 GiB
address-space limit, killed after :data:`EXTRACT_TIMEOUT` seconds: the client gets a 503.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import html
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.errors import ApiError
from api.extract_worker import ExtractionFailed, extract_in_child
from api.limits import MAX_ARTICLE_BYTES
from api.routers.paging import encode
from viz.bidi import BIDI_CONTROLS, show_bidi_controls
from viz.page import json_for_script

router = APIRouter(tags=["Extraction"])

# The largest article (api.limits.MAX_ARTICLE_BYTES) is counted in the body sent as text or
# the ``text`` field of a form, as ``kg extract`` counts it.
#: The largest form body read: the article %-encoded (up to three bytes for one: ``%C3%A9``
#: for the two of "é") and room for the other fields.
MAX_FORM_BYTES = 3 * MAX_ARTICLE_BYTES + 64 * 1024
#: Seconds an extraction may run (in a child process, killed at the deadline: a 503). The
#: seed article takes well under a second; a hostile one could take hours.
EXTRACT_TIMEOUT = 60.0

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem;max-width:80rem;color:#222}
textarea{width:100%;font:13px monospace}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
pre{background:#f6f6f6;padding:.75rem;overflow:auto;font-size:12px}
mark{padding:0 .1rem;border-radius:.2rem;unicode-bidi:isolate}
mark.speaker{background:#cde4ff}
mark.cue{background:#ffe2a8}
mark.claim{background:#d8f5d0}
mark.evidence{background:#f3d1f0}
mark.review{outline:2px dashed #c00}
"""
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
_POLICY = (f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; form-action 'self'; "
           "frame-ancestors 'none'; base-uri 'none'")


def _options(date: str | None, publisher: str | None, title: str | None,
             threshold: float) -> dict[str, Any]:
    if date:
        try:
            date = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise ApiError(400, "invalid_date", f"{date!r} is not a date; write YYYY-MM-DD",
                           details={"parameter": "date"}) from None
    if not 0.0 <= threshold <= 1.0:
        raise ApiError(400, "invalid_threshold", "threshold must be between 0 and 1",
                       details={"parameter": "threshold"})
    return {"date": date or None, "publisher": publisher or None, "title": title or None,
            "threshold": threshold}


def _too_large(what: str, limit: int) -> ApiError:
    return ApiError(413, "request_too_large", f"{what} is over the limit of {limit:,} bytes",
                    details={"limit_bytes": limit})


async def _body(request: Request, limit: int, what: str) -> str:
    """The body as text, refused with a 413 once it passes ``limit`` bytes: by its declared
    length before anything is read, else as soon as the bytes read pass it."""
    declared = request.headers.get("content-length")
    if declared and declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise _too_large(what, limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(what, limit)
        chunks.append(chunk)
    raw = b"".join(chunks)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ApiError(400, "invalid_encoding", f"byte {error.start} of the body is not "
                       "valid UTF-8") from None


async def _run(text: str, options: dict[str, Any]) -> tuple[Any, str]:
    try:
        return await extract_in_child(text, options, EXTRACT_TIMEOUT)
    except ExtractionFailed as failed:
        if failed.timed_out:
            raise ApiError(503, "extract_timeout", f"the extraction ran longer than "
                           f"{EXTRACT_TIMEOUT:g} s and was stopped; send a shorter article",
                           details={"timeout_seconds": EXTRACT_TIMEOUT}) from None
        raise ApiError(503, "extract_aborted", "the extraction was stopped (over its memory "
                       "limit); send a shorter article") from None


@router.post("/extract", summary="Draft a case from an article (text or saved HTML); "
             "writes nothing", response_model=None)
async def extract_article(
    request: Request,
    date: str | None = Query(None, description="The article's date (YYYY-MM-DD), when the "
                             "text does not print it."),
    publisher: str | None = Query(None, description="The publisher's name, when the text "
                                  "does not give it."),
    title: str | None = Query(None, description="The title, when the text has no headline."),
    threshold: float = Query(0.6, description="Items below this confidence are marked for "
                             "review."),
) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    form = content_type == "application/x-www-form-urlencoded"
    body = await (_body(request, MAX_FORM_BYTES, "the form") if form
                  else _body(request, MAX_ARTICLE_BYTES, "the article"))
    if form:
        # In a thread: a form of 6 MiB of %-escapes takes half a second to decode.
        parsed = await asyncio.to_thread(parse_qs, body, keep_blank_values=True)
        fields = {k: v[0] for k, v in parsed.items()}
        if len(fields.get("text", "").encode()) > MAX_ARTICLE_BYTES:
            raise _too_large("the article", MAX_ARTICLE_BYTES)
        if "text" not in fields and body.strip():
            # curl --data-binary sends a form by default: say how to send the article itself
            raise ApiError(400, "empty_article", "a form needs a text= field; to send the "
                           "article itself, give Content-Type: text/plain or text/html")
        body = fields.get("text", "")
        date = fields.get("date") or date
        publisher = fields.get("publisher") or publisher
        title = fields.get("title") or title
        threshold = _form_threshold(fields.get("threshold"), threshold)
    elif content_type not in {"", "text/plain", "text/html", "text/markdown"}:
        raise ApiError(415, "unsupported_media_type",
                       f"send the article as text/plain or text/html, not {content_type}")
    if not body.strip():
        raise ApiError(400, "empty_article", "the request has no article text")
    options = _options(date, publisher, title, threshold)
    draft, yaml_text = await _run(body, options)
    if form and fields.get("download") == "yaml":
        # The result page's download button: the same article and options, sent again.
        return Response(yaml_text, media_type="application/yaml", headers={
            "Content-Disposition": 'attachment; filename="draft.yaml"',
            "Cache-Control": "no-store"})
    # The answers below are built in a thread: a long article's draft has thousands of items
    # (and the page's highlights compare each with those before it).
    if form:
        page = await asyncio.to_thread(_result_page, draft, yaml_text, fields)
        return HTMLResponse(page, headers={
            "Content-Security-Policy": _POLICY, "Cache-Control": "no-store"})
    if "application/yaml" in request.headers.get("accept", ""):
        return Response(yaml_text, media_type="application/yaml")
    return Response(await asyncio.to_thread(_json_answer, draft, yaml_text),
                    media_type="application/json")


def _json_answer(draft: Any, yaml_text: str) -> bytes:
    """The JSON answer: the draft file, the article's text, and every item (encoded here, not
    by FastAPI in the event loop)."""
    from kg.extract import draft_to_dict

    return encode({"draft": yaml_text, "text": draft.text, **draft_to_dict(draft)})


@router.get("/extract", response_class=HTMLResponse,
            summary="A form to draft a case from an article's text")
async def extract_form() -> HTMLResponse:
    return HTMLResponse(_page("Extract from text", _form({})), headers={
        "Content-Security-Policy": _POLICY, "Cache-Control": "no-cache"})


def _field_value(text: str) -> str:
    """``text`` for a form field: escaped, and each bidi control as a character reference, so
    that the page itself holds none (the field's value, sent again, is the text exactly)."""
    return BIDI_CONTROLS.sub(lambda m: f"&#x{ord(m.group()):04X};", html.escape(text, quote=True))


def _form_threshold(value: str | None, default: float) -> float:
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise ApiError(400, "invalid_threshold", f"{value!r} is not a number between 0 and 1",
                       details={"parameter": "threshold"}) from None


def _form(fields: dict[str, str], *, rows: int = 18) -> str:
    """The form, filled with ``fields`` (the text and options sent before, to correct and
    extract again)."""
    def value(name: str) -> str:
        return _field_value(fields.get(name, ""))

    threshold = value("threshold") or "0.6"
    return (
        '<form method="post" action="/extract">\n'
        "<p><label>Article text (or the HTML of a saved page)<br>\n"
        f'<textarea name="text" rows="{rows}" required>{value("text")}</textarea></label></p>\n'
        "<p><label>Date (YYYY-MM-DD, if the text has none) "
        f'<input name="date" size="12" value="{value("date")}"></label>\n'
        f'<label>Publisher <input name="publisher" size="24" value="{value("publisher")}">'
        "</label>\n"
        f'<label>Title <input name="title" size="24" value="{value("title")}"></label>\n'
        "<label>Review below confidence "
        f'<input name="threshold" size="4" value="{threshold}"></label>\n'
        '<button type="submit">Extract</button></p>\n'
        "<p>Nothing is stored: the draft is shown for you to check, correct and load\n"
        "(<code>kg validate</code>, <code>kg load</code>).</p>\n"
        "</form>"
    )


def _download_button(fields: dict[str, str]) -> str:
    """A form that sends the same article and options again for the draft as a file (no
    script, and nothing kept on the server between the two requests)."""
    hidden = "".join(
        f'<input type="hidden" name="{name}" value="{_field_value(fields[name])}">'
        for name in ("text", "date", "publisher", "title", "threshold") if fields.get(name)
    )
    return (f'<form method="post" action="/extract">{hidden}'
            '<input type="hidden" name="download" value="yaml">'
            '<button type="submit">Download the draft (draft.yaml)</button></form>')


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
            f"<body><p><a href=\"/\">Home</a> · <a href=\"/extract\">Extract from text</a></p>"
            f"<h1>{html.escape(title)}</h1>{body}</body></html>")


def _spans(draft: Any) -> list[tuple[int, int, str, str]]:
    """Highlights: (start, end, class, tooltip), without overlaps (speakers and cues first)."""
    found: list[tuple[int, int, str, str]] = []
    for s in draft.statements:
        review = " review" if draft.needs_review(s.confidence) else ""
        if s.speaker_span:
            found.append((*s.speaker_span, "speaker" + review, f"speaker: {s.actor}"))
        if s.verb_span:
            found.append((*s.verb_span, "cue" + review, f"verb: {s.verb} ({s.stance})"))
        found.append((*s.span, "claim" + review,
                      f"{s.actor} {s.stance} {s.claim} (confidence {s.confidence:.2f})"))
    for item in draft.evidence:
        for span in item.spans:
            found.append((*span, "evidence", f"evidence: {item.id} ({item.kind})"))
    chosen: list[tuple[int, int, str, str]] = []
    for start, end, cls, tip in found:
        if end > start and not any(start < b and a < end for a, b, _, _ in chosen):
            chosen.append((start, end, cls, tip))
    return sorted(chosen)


def _highlighted(draft: Any) -> str:
    text, parts, at = draft.text, [], 0
    for start, end, cls, tip in _spans(draft):
        parts.append(html.escape(text[at:start]))
        parts.append(f"<mark class=\"{cls}\" title=\"{html.escape(tip)}\">"
                     f"{html.escape(text[start:end])}</mark>")
        at = end
    parts.append(html.escape(text[at:]))
    return "".join(parts)


def _result_page(draft: Any, yaml_text: str, fields: dict[str, str]) -> str:
    from kg.extract import draft_to_dict

    items = draft_to_dict(draft)["items"]
    review = sum(1 for item in items if item["review"])
    summary = (f"<p>{len(draft.actors)} actors, {len(draft.claims)} claims, "
               f"{len(draft.statements)} statements, {len(draft.evidence)} evidence items; "
               f"{review} marked for review (dashed outline). Highlights: "
               f"<mark class=\"speaker\">speaker</mark> <mark class=\"cue\">reporting verb</mark> "
               f"<mark class=\"claim\">claim</mark> <mark class=\"evidence\">evidence</mark>. "
               f"Nothing was stored.</p>")
    # The article and the draft are shown as they are: a bidi control is a visible mark
    # (viz.bidi), not applied. The items' JSON below keeps the text exactly, for scripts.
    # (the text in the form below is as sent, bidi controls included: it is sent again)
    again = f"<h2>Correct the options and extract again</h2>{_form(fields, rows=8)}"
    body = (_download_button(fields) +
            show_bidi_controls(f"{summary}<div class=\"cols\"><div><h2>Text</h2>"
                               f"<div class=\"text\">{_highlighted(draft)}</div></div>"
                               f"<div><h2>Draft case</h2><pre>{html.escape(yaml_text)}</pre>"
                               "</div></div>") + again +
            # Entities are not decoded inside <script>: the JSON is escaped the way the graph
            # page's data is, so JSON.parse(textContent) reads the items back exactly.
            f"<script type=\"application/json\" id=\"items\">"
            f"{json_for_script(items)}</script>")
    return _page("Draft case", body)


__all__ = ["MAX_ARTICLE_BYTES", "MAX_FORM_BYTES", "router"]
