"""Write a synthetic corpus of article files for the benchmarks, made from the seeds' own text.

    .venv/bin/python benchmarks/make_corpus.py N OUTDIR [--seed S]

Every file follows the seed format (a paragraph per line, blank lines between sections, a
source line and a comment counter last) and is built by recombining paragraphs and sentences
of the seed of its language, so that language detection sees real text. The five languages
of the seeds are used: es, en, sv, ru and nb. About one article in five is a translation
pair: an es file and an en file that share one source address; their paragraphs are taken
from the same places of the parallel es and en seeds, so they are real translations of each
other. Every other article is one file with a source address of its own.

N counts files, not articles: a pair is two files of one article, so the library groups N
files into about N / 1.2 articles. Every file holds a reference sentence with its own number,
so that no two files have the same content (the importer would count them as duplicates). The
output depends only on N and the seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.bundled import seed_files
from reader.text.article_format import ParagraphKind, parse_article_text
from reader.text.sentences import split_sentences

LANGUAGES = ("es", "en", "sv", "ru", "nb")
# Which language a seed is in, by the label of its source line.
LANGUAGE_OF_LABEL = {"fuente": "es", "source": "en", "källa": "sv", "источник": "ru",
                     "kilde": "nb"}
SOURCE_LABEL = {"es": "Fuente", "en": "Source", "sv": "Källa", "ru": "Источник", "nb": "Kilde"}
COMMENT_WORD = {"es": "Comentarios", "en": "Comments", "sv": "Kommentarer",
                "ru": "Комментарии", "nb": "Kommentarer"}
# One sentence per language that makes each file unique; {ref} is the file's own number.
REFERENCE_SENTENCE = {
    "es": "Este informe está registrado con la referencia {ref}.",
    "en": "This report is filed under reference {ref}.",
    "sv": "Rapporten är registrerad under referens {ref}.",
    "ru": "Этот отчёт зарегистрирован под номером {ref}.",
    "nb": "Rapporten er registrert under referanse {ref}.",
}
# Hosts of the seeds' own sources (the place of an article is read from its host).
HOSTS = ("tuyengiaocaobang.vn", "laichau.gov.vn", "bacgiang.gov.vn", "baotintuc.vn")
PAIR_SHARE = 0.2  # share of articles that are an es + en translation pair
MIN_PARAGRAPHS = 3
MAX_PARAGRAPHS = 8
WHOLE_PARAGRAPH_SHARE = 0.6  # the rest are new paragraphs of 2-4 sentences of the language
SECTION_BREAK_SHARE = 0.2  # chance of a blank line after a paragraph


@dataclass(frozen=True)
class LanguagePool:
    """The body paragraphs of one language's seed and all their sentences."""

    language: str
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]


def load_pools(seeds: Sequence[Path] | None = None) -> dict[str, LanguagePool]:
    """The text of each language's seed, split into body paragraphs and sentences.

    Raises ValueError when a seed's language is unknown or a language has no seed.
    """
    paragraphs: dict[str, list[str]] = {language: [] for language in LANGUAGES}
    for path in seeds if seeds is not None else seed_files():
        parsed = parse_article_text(path.read_text(encoding="utf-8"))
        language = LANGUAGE_OF_LABEL.get((parsed.source_label or "").lower())
        if language is None:
            raise ValueError(f"{path}: no source line that tells the seed's language")
        paragraphs[language].extend(
            p.text for p in parsed.paragraphs if p.kind is ParagraphKind.BODY
        )
    pools = {}
    for language, texts in paragraphs.items():
        if not texts:
            raise ValueError(f"no seed in language {language!r}")
        sentences = tuple(
            text[span.start : span.end]
            for text in texts
            for span in split_sentences(text, language)
        )
        pools[language] = LanguagePool(language, tuple(texts), sentences)
    return pools


def _mixed_paragraph(pool: LanguagePool, rng: random.Random) -> str:
    return " ".join(rng.sample(pool.sentences, k=min(len(pool.sentences), rng.randint(2, 4))))


def _single_body(pool: LanguagePool, rng: random.Random) -> list[str]:
    """Seed paragraphs (each at most once) and new paragraphs of the seed's sentences."""
    unused = list(pool.paragraphs)
    rng.shuffle(unused)
    body = []
    for _ in range(rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS)):
        if unused and rng.random() < WHOLE_PARAGRAPH_SHARE:
            body.append(unused.pop())
        else:
            body.append(_mixed_paragraph(pool, rng))
    return body


def _layout(paragraph_count: int, rng: random.Random) -> list[bool]:
    """For each paragraph, whether a section break (blank line) follows it."""
    return [
        index < paragraph_count - 1 and rng.random() < SECTION_BREAK_SHARE
        for index in range(paragraph_count)
    ]


def render_article(language: str, body: Sequence[str], breaks: Sequence[bool], ref: str,
                   url: str, comments: int) -> str:
    """The text of one article file in the seed format."""
    lines: list[str] = []
    for paragraph, section_break in zip(body, breaks, strict=True):
        lines.append(paragraph)
        if section_break:
            lines.append("")
    lines.append(REFERENCE_SENTENCE[language].format(ref=ref))
    lines.append(f"{SOURCE_LABEL[language]}: {url}")
    lines.append(f"{COMMENT_WORD[language]} ({comments})")
    return "\n".join(lines) + "\n"


def make_corpus(n: int, outdir: Path, seed: int = 0) -> list[Path]:
    """Write n article files into outdir (created if needed); the paths, in writing order.

    Files are named NNNNNN_LANG.txt; an es + en translation pair has two consecutive numbers.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    rng = random.Random(seed)
    pools = load_pools()
    es_en_parallel = len(pools["es"].paragraphs) == len(pools["en"].paragraphs)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def write(language: str, body: Sequence[str], breaks: Sequence[bool], url: str) -> None:
        index = len(written)
        text = render_article(language, body, breaks, f"{seed}-{index:06d}", url,
                              rng.randint(0, 25))
        path = outdir / f"{index:06d}_{language}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)

    article = 0
    while len(written) < n:
        host = rng.choice(HOSTS)
        if n - len(written) >= 2 and rng.random() < PAIR_SHARE:
            url = f"https://{host}/bench/{seed}/pair-{article:06d}.html"
            es_pool, en_pool = pools["es"], pools["en"]
            count = rng.randint(MIN_PARAGRAPHS, min(MAX_PARAGRAPHS, len(es_pool.paragraphs)))
            picks = rng.sample(range(len(es_pool.paragraphs)), k=count)
            breaks = _layout(count, rng)
            write("es", [es_pool.paragraphs[i] for i in picks], breaks, url)
            if es_en_parallel:
                en_body = [en_pool.paragraphs[i] for i in picks]
            else:
                en_body = _single_body(en_pool, rng)
                breaks = _layout(len(en_body), rng)
            write("en", en_body, breaks, url)
        else:
            language = rng.choice(LANGUAGES)
            url = f"https://{host}/bench/{seed}/{language}-{article:06d}.html"
            body = _single_body(pools[language], rng)
            write(language, body, _layout(len(body), rng), url)
        article += 1
    return written


def count_articles(paths: Sequence[Path]) -> tuple[int, int]:
    """How many articles the files make (files sharing a source address are one article),
    and how many of those articles have more than one file."""
    files_per_url: dict[str, int] = {}
    for path in paths:
        lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
        url = lines[-2].split(": ", 1)[1]
        files_per_url[url] = files_per_url.get(url, 0) + 1
    return len(files_per_url), sum(1 for count in files_per_url.values() if count > 1)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: make_corpus.py N OUTDIR [--seed S]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, metavar="N", help="number of article files to write")
    parser.add_argument("outdir", type=Path, metavar="OUTDIR", help="folder to write them to")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    paths = make_corpus(args.n, args.outdir, args.seed)
    articles, pairs = count_articles(paths)
    print(f"wrote {len(paths)} files to {args.outdir}: {articles} articles, "
          f"{pairs} of them es+en pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
