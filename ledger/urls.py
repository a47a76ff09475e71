"""Which URLs the ledger will publish or record as evidence: plain ``http``/``https`` links.

A URL that ends up in a published page (ClaimReview JSON-LD) or that a reviewer will
click (evidence) must be a web link and nothing else: no ``javascript:``, ``data:``,
``file:`` or ``vbscript:``, no scheme-relative ``//host``, and none of the tricks that
make a browser read a different URL than a person or a filter does. The value is
checked as it is, nothing stripped first: any whitespace or control character anywhere
(``java\\tscript:``, a leading space, a newline) makes it unusable.

Accepted: scheme ``http`` or ``https`` (any case), a host name or IP address, an
optional valid port, any path, query and fragment. Refused besides the above: user
names or passwords before the host (``https://bank.example@evil.example``),
backslashes (browsers read them as ``/``), the characters ``<`` ``>`` ``"`` and
backtick, and invisible format characters (bidi overrides, zero-width spaces).
"""
from __future__ import annotations

import ipaddress
import unicodedata
from urllib.parse import urlsplit

SCHEMES = ("http", "https")
_REFUSED = frozenset('\\<>"`')
_HOST_REFUSED = frozenset("%[]@:/?#")


def url_problem(value: object) -> str | None:
    """Why ``value`` is not a usable http(s) URL, or None if it is one."""
    if not isinstance(value, str) or not value:
        return "is empty"
    for i, ch in enumerate(value):
        category = unicodedata.category(ch)
        if ch.isspace() or category[0] in "CZ":  # controls, format, unassigned, separators
            where = "starts with" if i == 0 else "ends with" if i == len(value) - 1 else "contains"
            kind = "a space" if ch == " " else "whitespace" if ch.isspace() else "an invisible or control character"
            return f"{where} {kind} (U+{ord(ch):04X})"
        if ch in _REFUSED:
            return f"contains {ch!r}"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number in range
    except ValueError as exc:
        return f"cannot be read as a URL ({exc})"
    if parts.scheme.lower() not in SCHEMES:
        if parts.scheme:
            return f"is a {parts.scheme}: URL; only http:// and https:// are allowed"
        return "has no http:// or https:// scheme"
    if not value[len(parts.scheme) + 1:].startswith("//"):
        return "has no host (expected http://host/...)"
    if "@" in parts.netloc:
        return "has a user name or password before the host"
    host = parts.hostname or ""
    if not host:
        return "has no host"
    if parts.netloc.startswith("["):
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return f"has an invalid IPv6 host {host!r}"
        return None
    if any(ch in _HOST_REFUSED for ch in host) or any(label == "" for label in host.rstrip(".").split(".")):
        return f"has an invalid host {host!r}"
    return None


def is_web_url(value: object) -> bool:
    """True for a clean ``http``/``https`` URL with a host (see :func:`url_problem`)."""
    return url_problem(value) is None
