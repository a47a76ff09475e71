"""A small web site of the tests' own on 127.0.0.1 (a free port), for fetching tests.

``site.serve(path, body, ...)`` answers ``GET path``; several answers for one path are
given in turn (the last one repeats), so a 500 then a 200 is ``serve(path, [a, b])``.
An answer can wait before its headers (``delay``), trickle its body in pieces
(``trickle``), leave out Content-Length, or redirect. ``site.hits[path]`` counts requests.
No test reaches the outside network: every URL is this server's.
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Answer:
    body: bytes | str = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    trickle: float = 0.0  # seconds between 1 KiB pieces of the body
    length: bool = True  # send Content-Length


class Site:
    def __init__(self) -> None:
        self.answers: dict[str, list[Answer]] = {}
        self.hits: Counter = Counter()
        self.agents: list[str] = []
        self.stopping = threading.Event()
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, body: bytes | str | list = b"", **kw) -> str:
        """Answer ``GET path`` with ``body`` (or each Answer of a list in turn); its URL."""
        self.answers[path] = [b if isinstance(b, Answer) else Answer(b, **kw) for b in body] \
            if isinstance(body, list) else [Answer(body, **kw)]
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.serve(path, b"", status=status, headers={"Location": to}, content_type=None)

    def next_answer(self, path: str) -> Answer | None:
        queue = self.answers.get(path)
        if not queue:
            return None
        self.hits[path] += 1
        return queue.pop(0) if len(queue) > 1 else queue[0]


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection; the body ends when it closes

        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            site.agents.append(self.headers.get("User-Agent", ""))
            answer = site.next_answer(self.path)
            if answer is None:
                answer = Answer(b"<html><body>Not here.</body></html>", status=404)
            if answer.delay and site.stopping.wait(answer.delay):
                return
            body = answer.body.encode("utf-8") if isinstance(answer.body, str) else answer.body
            try:
                self.send_response(answer.status)
                if answer.content_type:
                    self.send_header("Content-Type", answer.content_type)
                if answer.length:
                    self.send_header("Content-Length", str(len(body)))
                for k, v in answer.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                step = 1024 if answer.trickle else len(body) or 1
                for i in range(0, len(body), step):
                    self.wfile.write(body[i:i + step])
                    if answer.trickle:
                        self.wfile.flush()
                        if site.stopping.wait(answer.trickle):
                            return
            except (BrokenPipeError, ConnectionResetError):  # the client gave up: as it should
                pass

    return Handler


@pytest.fixture
def site():
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    server.daemon_threads = True
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s
    s.stopping.set()
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page(title: str, *paragraphs: str, extra_head: str = "") -> str:
    """A minimal news page: a title, a headline and the paragraphs given."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{extra_head}</head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


