"""A URL over 64 KiB gets a 414 in the common error shape, from `kg serve` as it runs: the HTTP
layer reads URLs up to 1 MiB so that they reach the check (it refused some past 16 KiB with a
plain-text 400, and let others through)."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from api.app import MAX_URL_BYTES


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(port: int, target: str) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", target)
        response = connection.getresponse()
        return response.status, response.getheader("content-type") or "", response.read()
    finally:
        connection.close()


def _query(size: int) -> str:
    padding = "#" + "x" * size + "\n"  # a comment: the query itself stays valid
    return "/sparql?query=" + quote(padding + "ASK { ?s ?p ?o }")


def test_kg_serve_answers_long_urls_with_a_414_and_short_ones_as_usual(tmp_path: Path) -> None:
    port = _free_port()
    kg = Path(sys.executable).with_name("kg")
    child = subprocess.Popen(
        [str(kg), "serve", "--port", str(port), "--query-workers", "1"],
        env={**os.environ, "TMPDIR": str(tmp_path)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                status, _, _ = _get(port, "/status")
                break
            except OSError:
                assert time.monotonic() < deadline and child.poll() is None
                time.sleep(0.2)
        assert status == 200
        status, _, body = _get(port, _query(MAX_URL_BYTES // 2))
        assert status == 200 and b"true" in body
        for size in (MAX_URL_BYTES + 1, 100_000, 300_000, 900_000):
            status, media, body = _get(port, _query(size))
            assert status == 414 and media.startswith("application/json"), (size, body[:200])
            assert json.loads(body)["error"]["code"] == "uri_too_long"
    finally:
        child.terminate()
        child.wait(timeout=60)
