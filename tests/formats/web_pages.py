"""Saved web pages the tests build around a seed's text: the article in the middle of what a
news site puts round it (navigation, a cookie banner, adverts, related articles, comments,
a footer), with the metadata a news page declares."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from reader.formats.article_text import read_article_text
from reader.text.source_document import ParagraphKind

# What a site prints round every article: none of it may reach the article text.
BOILERPLATE = (
    "Subscribe to our newsletter",
    "We use cookies to improve your experience",
    "Accept all cookies",
    "Advertisement: buy the new phone today",
    "Most read this week",
    "Leave a comment",
    "Great article, thanks for sharing",
    "Copyright 2025 The Provincial Courier",
    "Privacy policy",
)


@dataclass(frozen=True)
class SeedPage:
    """A page made from a seed: its HTML, and its title and paragraphs (headings among them)."""

    html: str
    title: str
    paragraphs: tuple[str, ...]
    headings: tuple[str, ...]


def seed_page(seed: Path, language: str, address: str,
              alternates: dict[str, str] | None = None, charset: str = "utf-8",
              author: str = "Quan Minh", date: str = "2025-10-14",
              title: str = "") -> SeedPage:
    """A news page holding a seed's paragraphs with a site's boilerplate round them."""
    document = read_article_text(seed.read_bytes(), seed.name)
    paragraphs = document.paragraphs
    headings = [p.text for p in paragraphs if p.kind is ParagraphKind.HEADING]
    title = title or f"Provincial conference ({language})"
    links = "".join(
        f'<link rel="alternate" hreflang="{code}" href="{escape(url)}">\n'
        for code, url in (alternates or {}).items())
    body_parts = []
    for index, paragraph in enumerate(paragraphs):
        tag = "h2" if paragraph.kind is ParagraphKind.HEADING else "p"
        body_parts.append(f"<{tag}>{escape(paragraph.text)}</{tag}>")
        if index == 1:
            body_parts.append('<div class="ad advertisement"><p>Advertisement: buy the new '
                              "phone today</p></div>")
    html = f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="{charset}">
<title>{escape(title)} | The Provincial Courier</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="The Provincial Courier">
<meta name="author" content="{escape(author)}">
<meta property="article:published_time" content="{date}T08:00:00+07:00">
<link rel="canonical" href="{escape(address)}">
{links}</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
<button>Accept all cookies</button></p></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/economy">Economy</a></li><li><a href="/newsletter">Subscribe to our newsletter</a>
</li></ul></nav></header>
<main>
<article>
<h1>{escape(title)}</h1>
<p class="byline">By {escape(author)}</p>
{chr(10).join(body_parts)}
</article>
<aside class="related"><h3>Most read this week</h3><ul>
<li><a href="/a">Floods close the northern road</a></li>
<li><a href="/b">Rice exports rise again</a></li></ul></aside>
<section id="comments" class="comments"><h3>Leave a comment</h3>
<div class="comment"><p>Great article, thanks for sharing</p></div></section>
</main>
<footer><p>Copyright 2025 The Provincial Courier</p><a href="/privacy">Privacy policy</a>
</footer>
</body>
</html>
"""
    return SeedPage(html, title, tuple(p.text for p in paragraphs), tuple(headings))
