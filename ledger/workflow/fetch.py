"""Fetching web pages for `ledger add URL`: one clear answer per URL, never a hang.

A fetch follows at most ``MAX_REDIRECTS`` redirects, gives up after ``timeout`` seconds
in all (connecting, waiting and reading together, so a page that trickles in slowly
times out too), stops reading at ``max_bytes`` + 1 bytes whatever the server says its
size is, and tries again after a 429 or a 5xx answer (waiting what ``Retry-After`` asks,
within ``RETRY_WAIT_CAP``). Anything else that goes wrong is a :class:`FetchError` with
one line that names the URL and the problem.
"""
from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http import HTTPStatus

import httpx

from ledger import __version__
from ledger.errors import InputError

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
RETRIES = 2  # tries after the first, on 429 and 5xx answers
RETRY_BACKOFF = (1.0, 3.0)  # seconds before each retry when the server does not say
RETRY_WAIT_CAP = 10.0  # the longest a Retry-After is honoured for
USER_AGENT = f"claim-ledger/{__version__} (+https://github.com/claim-ledger/claim-ledger; fact-checking tool)"
CHUNK = 64 * 1024
MAX_URL = 2000  # longer URLs are refused (browsers and servers cap them near here; so does an index)

# what a page may be served as; a feed is read by feeds.py with its own set
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "text/markdown"})
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml",
    "application/feed+json",
})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(InputError):
    """A URL that could not be fetched, or not as a web page; the message names it."""


@dataclass(frozen=True)
class Fetched:
    """What one fetch brought back: the bytes exactly as served, and how they came."""

    url: str  # as given
    final_url: str  # after redirects
    status: int
    content_type: str | None  # the media type alone, lower case
    charset: str | None  # from the Content-Type header, if it said
    data: bytes
    fetched_at: datetime  # UTC, when the answer began


def client(*, timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    """A client for a run's fetches (connections are reused, one per host)."""
    return httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
        trust_env=False,  # no proxies or .netrc picked up behind the user's back
    )


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT, accept: frozenset[str] = PAGE_TYPES,
          session: httpx.Client | None = None, sleep=time.sleep) -> Fetched:
    """The page at ``url``; FetchError (one line naming the URL) when it cannot be had."""
    if len(url) > MAX_URL:
        raise FetchError(f"{url[:80]}…: a URL longer than {MAX_URL:,} characters")
    own = session is None
    session = session or client(timeout=timeout)
    deadline = time.monotonic() + timeout
    try:
        for attempt in range(RETRIES + 1):
            got = _once(session, url, max_bytes=max_bytes, timeout=timeout, deadline=deadline)
            if got.status not in RETRY_STATUSES or attempt == RETRIES:
                break
            wait = _retry_wait(got, attempt)
            if time.monotonic() + wait > deadline:  # no time left to try again
                break
            sleep(wait)
    finally:
        if own:
            session.close()
    if got.status >= 400:
        raise FetchError(f"{url}: HTTP {got.status} {_reason(got.status)}".rstrip())
    if len(got.final_url) > MAX_URL:
        raise FetchError(f"{url}: redirected to a URL longer than {MAX_URL:,} characters")
    _check_type(url, got, accept)
    return got


@dataclass(frozen=True)
class _Answer(Fetched):
    retry_after: str | None = None


def _once(session: httpx.Client, url: str, *, max_bytes: int, timeout: float, deadline: float) -> _Answer:
    when = datetime.now(timezone.utc)
    try:
        with session.stream("GET", url) as response:
            media, charset = _media_type(response.headers.get("content-type"))
            data = b""
            if response.status_code < 400:
                data = _body(url, response, max_bytes=max_bytes, timeout=timeout, deadline=deadline)
            return _Answer(
                url=url, final_url=str(response.url), status=response.status_code, content_type=media,
                charset=charset, data=data, fetched_at=when, retry_after=response.headers.get("retry-after"),
            )
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"{url}: {_connect_problem(exc)}") from None
    except httpx.UnsupportedProtocol:
        raise FetchError(f"{url}: redirected to a URL that is not http:// or https://") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {_first_line(exc) or type(exc).__name__}") from None


def _body(url: str, response: httpx.Response, *, max_bytes: int, timeout: float, deadline: float) -> bytes:
    """The body, read a chunk at a time: never more than ``max_bytes`` + 1 bytes held,
    and never past the deadline, however slowly the server sends."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(_too_big(url, max_bytes))
    chunks, size = [], 0
    for chunk in response.iter_bytes(CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_too_big(url, max_bytes))
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: timed out after {timeout:g} s")
    return b"".join(chunks)


def _too_big(url: str, max_bytes: int) -> str:
    return f"{url}: larger than the limit of {max_bytes:,} bytes (see --max-bytes)"


def _retry_wait(got: _Answer, attempt: int) -> float:
    """Seconds to wait before trying again: what Retry-After asks (seconds or a date),
    else the backoff; never more than RETRY_WAIT_CAP."""
    wait = RETRY_BACKOFF[min(attempt, len(RETRY_BACKOFF) - 1)]
    said = (got.retry_after or "").strip()
    if said.isdigit():
        wait = float(said)
    elif said:
        try:
            wait = (parsedate_to_datetime(said) - datetime.now(timezone.utc)).total_seconds()
        except (TypeError, ValueError):
            pass
    return min(max(wait, 0.0), RETRY_WAIT_CAP)


def _media_type(header: str | None) -> tuple[str | None, str | None]:
    """``text/html; charset=UTF-8`` -> (``text/html``, ``utf-8``)."""
    if not header:
        return None, None
    media, *params = (p.strip() for p in header.split(";"))
    charset = None
    for p in params:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip('"\''):
            charset = value.strip().strip('"\'').lower()
    return (media.lower() or None), charset


# file signatures that no web page starts with, whatever it is served as
_NOT_PAGES = ((b"%PDF", "application/pdf"), (b"\x89PNG", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
              (b"GIF8", "image/gif"), (b"PK\x03\x04", "application/zip"), (b"\x1f\x8b", "application/gzip"))


def _check_type(url: str, got: Fetched, accept: frozenset[str]) -> None:
    """Refuse what is not a web page: by its declared type, or by its first bytes."""
    if got.content_type and got.content_type not in accept:
        raise FetchError(f"{url}: not a web page ({got.content_type})")
    for signature, kind in _NOT_PAGES:
        if got.data.startswith(signature):
            raise FetchError(f"{url}: not a web page ({kind})")
    if b"\x00" in got.data[:4096] and not got.data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FetchError(f"{url}: not a web page (binary data)")


def _connect_problem(exc: httpx.ConnectError) -> str:
    """What stopped the connection, in a user's words."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return "could not resolve host"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        cause = cause.__cause__ or cause.__context__
    said = _first_line(exc).lower()
    if "name or service not known" in said or "nodename nor servname" in said or "name resolution" in said:
        return "could not resolve host"
    if "refused" in said:
        return "connection refused"
    return f"could not connect ({_first_line(exc) or type(exc).__name__})"


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:160] if lines else ""
