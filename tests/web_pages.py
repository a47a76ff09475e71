"""Small web pages written for the project's tests (never copied from real sites)."""
from __future__ import annotations

ARTICLE = (
    "<p>The harbour board said on Tuesday that 4,200 containers passed through the port last month, "
    "the most since the new quay opened.</p>"
    "<p>Dock workers unloaded the ships through two long nights while the cranes on the east side were "
    "repaired, according to the union, which represents about 900 people at the port.</p>"
    "<p>The board expects the second quay to open next spring if the dredging keeps to its timetable.</p>"
)
ARTICLE_WORDS = "4,200 containers passed through the port last month"

CLUTTER = (
    "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/sport'>Sport</a></li>"
    "<li><a href='/weather'>Weather 12 regions</a></li></ul></nav></header>"
    "<div class='share'><span>1,284 shares</span> <a href='#'>Share on social media</a></div>"
)
FIGURE = "<figure><img src='a.jpg'><figcaption>Image 1 of 13: cranes at dusk</figcaption></figure>"
TRAILER = (
    "<aside class='ticker'><h3>More stories</h3><ul><li><a href='/a'>Bakery wins 3 prizes</a></li>"
    "<li><a href='/b'>Bridge closes for 6 weeks</a></li></ul></aside>"
    "<section id='comments' class='comments'><h3>Comments</h3>"
    "<div class='comment'><p>I counted 17 ships myself last week, nobody believes this board.</p></div></section>"
    "<footer><p>© 2019 The Harbour Gazette. All rights reserved.</p></footer>"
)
BOILERPLATE = ("1,284 shares", "Image 1 of 13", "Bakery wins 3 prizes", "I counted 17 ships", "All rights reserved")


def page(head: str = "", body_top: str = "", article: str = ARTICLE, title: str = "Port handles record traffic",
         trailer: str = TRAILER) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title} | The Harbour Gazette</title>"
        "<meta property='og:site_name' content='The Harbour Gazette'>"
        f"{head}</head><body>{CLUTTER}<main><article><h1>{title}</h1>{body_top}{FIGURE}{article}</article></main>"
        f"{trailer}</body></html>"
    )


def ld(**fields) -> str:
    import json

    return f"<script type='application/ld+json'>{json.dumps({'@type': 'NewsArticle', **fields})}</script>"
