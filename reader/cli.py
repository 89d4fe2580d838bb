"""The `reader` command: the window by default, and batch subcommands with plain or JSON output."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from reader import APP_NAME, __version__
from reader.cli_text import terminal_safe as _safe
from reader.exit_status import ExitStatus

if TYPE_CHECKING:
    import argparse

    from reader.store.records import ImportResult, ListedDocument

__all__ = ["ExitStatus", "build_parser", "main"]


class InputFailed(Exception):
    """An input file of the command that cannot be used; the message names it and why."""


def _size(text: str) -> tuple[int, int]:
    import argparse

    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from None
    if width < 200 or height < 200:
        raise argparse.ArgumentTypeError("the window must be at least 200x200")
    return width, height


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command line: `reader [--db PATH]` and its subcommands."""
    import argparse

    from reader.formats.registry import ANNOTATIONS, TRANSLATION_PAIR, writers

    db_option = argparse.ArgumentParser(add_help=False)
    # Suppressed default: a subcommand's own --db must not reset one given before it
    # (`reader --db PATH list`); without any, `args` has no `db` at all.
    db_option.add_argument("--db", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                           help="library file to use (default: the per-user library)")
    parser = argparse.ArgumentParser(
        prog="reader", parents=[db_option],
        description=f"{APP_NAME}: read multilingual news next to its translations.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    importer = commands.add_parser("import", parents=[db_option],
                                   help="import article files, folders and web addresses")
    importer.add_argument("paths", nargs="+", metavar="PATH_OR_ADDRESS",
                          help="a file, a folder, or a web address (https://…)")
    importer.add_argument("--json", action="store_true",
                          help="print one JSON object per file or address as it is stored: "
                               "its status, format, and a failure's reason code and English "
                               "reason")
    lister = commands.add_parser("list", parents=[db_option], help="list the library's articles")
    lister.add_argument("--json", action="store_true", help="print JSON")
    searcher = commands.add_parser("search", parents=[db_option],
                                   help="search the full text of every language version")
    searcher.add_argument("query", metavar="QUERY",
                          help='words to find (any case, accents optional); "quoted phrase"')
    searcher.add_argument("--limit", type=_positive, default=50, metavar="N",
                          help="at most N results, best first (default 50)")
    searcher.add_argument("--json", action="store_true", help="print JSON")
    aligner = commands.add_parser("align", help="align the sentences of a text and its translation")
    aligner.add_argument("source", type=Path, metavar="SRC")
    aligner.add_argument("target", type=Path, metavar="TGT")
    aligner.add_argument("--src-lang", type=_language, metavar="L",
                         help="language of SRC (detected if omitted)")
    aligner.add_argument("--tgt-lang", type=_language, metavar="L",
                         help="language of TGT (detected if omitted)")
    aligner.add_argument("--presegmented", action="store_true",
                         help="each line of a file is one sentence")
    aligner.add_argument("--json", action="store_true", help="print JSON")
    checker = commands.add_parser(
        "check-figures", help="check that a translation reports the same figures")
    checker.add_argument("source", type=Path, metavar="SRC")
    checker.add_argument("target", type=Path, metavar="TGT")
    checker.add_argument("--src-lang", type=_language, metavar="L",
                         help="language of SRC (default: identified from the text)")
    checker.add_argument("--tgt-lang", type=_language, metavar="L",
                         help="language of TGT (default: identified from the text)")
    layout = checker.add_mutually_exclusive_group()
    layout.add_argument("--aligned", action="store_true",
                        help="line i of SRC and line i of TGT are a pair (a translation memory)")
    layout.add_argument("--presegmented", action="store_true",
                        help="one sentence per line; the lines are aligned")
    checker.add_argument("--json", action="store_true", help="print JSON")
    figures = commands.add_parser("figures", help="find the figures a text reports")
    figures.add_argument("file", metavar="FILE|-", help="a text file, or - for standard input")
    figures.add_argument("--lang", type=_language, metavar="L",
                         help="language of the text (detected if omitted)")
    figures.add_argument("--json", action="store_true", help="print JSON")
    notes = commands.add_parser("annotations", parents=[db_option],
                                help="export the reader's annotations, or import W3C ones")
    notes_commands = notes.add_subparsers(dest="annotations_command", metavar="ACTION",
                                          required=True)
    annotation_writers = writers(ANNOTATIONS)
    exporter = notes_commands.add_parser(
        "export", parents=[db_option],
        help="write annotations as " + ", ".join(w.label for w in annotation_writers),
    )
    exporter.add_argument("--format", choices=[w.name for w in annotation_writers],
                          required=True, help=", ".join(f"{w.name} ({w.label})"
                                                        for w in annotation_writers))
    exporter.add_argument("--article", type=int, metavar="ID",
                          help="only the annotations of this article")
    exporter.add_argument("--out", type=Path, metavar="FILE",
                          help="file to write (default: standard output)")
    notes_importer = notes_commands.add_parser(
        "import", parents=[db_option], help="add the annotations of a W3C JSON-LD file"
    )
    notes_importer.add_argument("file", type=Path, metavar="FILE.json")
    notes_importer.add_argument("--json", action="store_true", help="print the report as JSON")
    pair_writers = writers(TRANSLATION_PAIR)
    pair = commands.add_parser(
        "export-pair", parents=[db_option],
        help="write an article's two language versions, aligned: "
             + ", ".join(w.name for w in pair_writers))
    pair.add_argument("article", type=int, metavar="ARTICLE_ID")
    pair.add_argument("--format", choices=[w.name for w in pair_writers], required=True,
                      help=", ".join(f"{w.name} ({w.label})" for w in pair_writers))
    pair.add_argument("--out", type=Path, metavar="FILE", required=True, help="file to write")
    pair.add_argument("--languages", type=_language_pair, metavar="L1,L2",
                      help="the two versions, source first (default: the article's first two)")
    shower = commands.add_parser("show", parents=[db_option], help="print a document's text")
    shower.add_argument("document", type=int, metavar="DOCUMENT_ID")
    shower.add_argument("--json", action="store_true",
                        help="print JSON: the text with the document's metadata")
    shot = commands.add_parser("screenshot", parents=[db_option],
                               help="render the main window offscreen to a PNG file")
    shot.add_argument("out", type=Path, metavar="OUT.png")
    shot.add_argument("--article", type=int, metavar="ID", help="article to open")
    shot.add_argument("--size", type=_size, default=(1400, 900), metavar="WxH",
                      help="window size (default 1400x900)")
    backup = commands.add_parser("backup", parents=[db_option],
                                 help="copy the library, as it is now, into a new file")
    backup.add_argument("--out", type=Path, metavar="FILE",
                        help="file to write (default: LIBRARY.YYYYMMDD-HHMMSS.backup beside it)")
    deleter = commands.add_parser(
        "delete", parents=[db_option],
        help="delete articles with all their versions (their highlights are kept, with their "
             "quotes, as notes of deleted articles)")
    deleter.add_argument("articles", type=int, nargs="+", metavar="ARTICLE_ID")
    recover = commands.add_parser(
        "recover", parents=[db_option],
        help="copy what can be read of a damaged library into a new file beside it")
    recover.add_argument("--out", type=Path, metavar="FILE",
                         help="file to write (default: LIBRARY.recovered-YYYYMMDD-HHMMSS)")
    commands.add_parser(
        "install-desktop",
        help="add the reader to the desktop's application menu (a .desktop entry and the "
             "icon in the user's data folder)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status, an `ExitStatus` (a usage error that
    argparse finds exits with `ExitStatus.USAGE` at once)."""
    # The window (`reader`, `reader --db PATH`) needs no parser of every subcommand: building
    # it lists every file format, which the first paint does not need.
    args: argparse.Namespace | SimpleNamespace | None = _window_arguments(
        sys.argv[1:] if argv is None else list(argv))
    if args is None:
        args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except InputFailed as error:
        print(_safe(f"reader: {error}"), file=sys.stderr)
        return ExitStatus.FAILED
    except BrokenPipeError:  # `reader list --json | head`: the reader stopped listening
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitStatus.OK


def _window_arguments(argv: list[str]) -> SimpleNamespace | None:
    """The arguments of a plain start of the window (none, or only `--db PATH`); None for any
    other command line, which the full parser reads (argparse is not even imported for the
    window: a few milliseconds of its start)."""
    if not argv:
        return SimpleNamespace(command=None)
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return SimpleNamespace(command=None, db=Path(argv[0][len("--db="):]))
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return SimpleNamespace(command=None, db=Path(argv[1]))
    return None


def _run(args: argparse.Namespace | SimpleNamespace) -> int:
    from reader.locations import default_library_path
    from reader.store import LibraryError

    if args.command == "figures":
        return _figures(args.file, args.lang, args.json)
    if args.command == "check-figures":
        return _check_figures(args.source, args.target, args.src_lang, args.tgt_lang,
                              "aligned" if args.aligned else
                              "presegmented" if args.presegmented else "articles", args.json)
    if args.command == "align":
        return _align(args.source, args.target, args.src_lang, args.tgt_lang,
                      args.presegmented, args.json)
    library_path: Path = getattr(args, "db", None) or default_library_path()
    try:
        if args.command == "import":
            return _import(library_path, args.paths, args.json)
        if args.command == "list":
            return _list(library_path, args.json)
        if args.command == "search":
            return _search(library_path, args.query, args.limit, args.json)
        if args.command == "annotations" and args.annotations_command == "export":
            return _export_annotations(library_path, args.format, args.article, args.out)
        if args.command == "annotations":
            return _import_annotations(library_path, args.file, args.json)
        if args.command == "export-pair":
            return _export_pair(library_path, args.article, args.format, args.out,
                                args.languages)
        if args.command == "show":
            return _show(library_path, args.document, args.json)
        if args.command == "backup":
            return _backup(library_path, args.out)
        if args.command == "delete":
            return _delete(library_path, args.articles)
        if args.command == "recover":
            return _recover(library_path, args.out)
        if args.command == "install-desktop":
            return _install_desktop()
        if args.command == "screenshot":
            from reader.app import render_screenshot

            return render_screenshot(library_path, args.out, args.article, args.size)
        from reader.app import run_window

        return run_window(library_path)
    except LibraryError as error:
        verb = "open" if error.opening else "write to"
        print(_safe(f"reader: cannot {verb} the library {error}"), file=sys.stderr)
        return ExitStatus.LIBRARY
    except Exception as error:  # a read that SQLite refused: damaged, locked
        from reader.store.library import reading_error

        failed = reading_error(library_path, error)
        if failed is None:
            raise
        print(_safe(f"reader: cannot read the library {failed}"), file=sys.stderr)
        return ExitStatus.LIBRARY


def _backup(library_path: Path, out: Path | None) -> int:
    from reader.operations.recovery import backup_library

    if not library_path.exists():
        print(_safe(f"reader: cannot open the library {library_path}: does not exist"),
              file=sys.stderr)
        return ExitStatus.LIBRARY
    try:
        target = backup_library(library_path, out)
    except OSError as error:
        print(_safe(f"reader: {out or library_path}: the backup cannot be written "
                    f"({error.strerror or error})"), file=sys.stderr)
        return ExitStatus.FAILED
    print(_safe(f"backed up to {target}"))
    return ExitStatus.OK


def _install_desktop() -> int:
    from reader.ui.desktop_entry import install_desktop_entry

    try:
        installed = install_desktop_entry()
    except OSError as error:
        print(_safe(f"reader: the desktop entry cannot be written ({error})"), file=sys.stderr)
        return ExitStatus.FAILED
    print(_safe(f"installed {installed.desktop_file}\ninstalled {installed.icon}"))
    return ExitStatus.OK


def _delete(library_path: Path, article_ids: Sequence[int]) -> int:
    from reader.app import open_library

    library = open_library(library_path)
    status = ExitStatus.OK
    try:
        for article_id in article_ids:
            try:
                removed = library.delete_article(article_id)
            except KeyError:
                print(f"reader: the library has no article {article_id}", file=sys.stderr)
                status = ExitStatus.FAILED
                continue
            kept = removed.kept_note_count
            print(_safe(f"deleted {article_id}: {removed.title} ({removed.document_count} "
                        f"version{'s' if removed.document_count != 1 else ''}; "
                        f"{kept} highlight{'s' if kept != 1 else ''} kept)"))
    finally:
        library.close()
    return status


def _recover(library_path: Path, out: Path | None) -> int:
    from reader.operations.recovery import recover_library

    if not library_path.exists():
        print(_safe(f"reader: cannot open the library {library_path}: does not exist"),
              file=sys.stderr)
        return ExitStatus.LIBRARY
    try:
        report = recover_library(library_path, out)
    except OSError as error:
        print(_safe(f"reader: {out or library_path}: the recovered copy cannot be written "
                    f"({error.strerror or error})"), file=sys.stderr)
        return ExitStatus.FAILED
    print(_safe(f"recovered {report.documents} documents, {report.annotations} annotations "
                f"and {report.bookmarks} bookmarks into {report.path} "
                f"({report.method}); {library_path} is unchanged"))
    return ExitStatus.OK


def _import(library_path: Path, paths: list[str], as_json: bool = False) -> int:
    import json

    from reader.app import open_library
    from reader.operations.fetching import import_address, is_web_address
    from reader.operations.file_reading import printable
    from reader.operations.importer import import_paths
    from reader.store import ImportStatus
    from reader.ui.i18n import describe_import

    library = open_library(library_path)
    failed = False

    def stored(result: ImportResult) -> None:  # each file as it is committed, not at the end
        nonlocal failed
        failed = failed or result.status is ImportStatus.FAILED
        if as_json:  # the code and the English reason, whatever the locale
            print(json.dumps(_import_json(result), ensure_ascii=False), flush=True)
            return
        line = describe_import(result.status, result.source, result.reason)
        print(_safe(printable(line)), flush=True)

    try:
        files = [Path(path) for path in paths if not is_web_address(path)]
        if files:
            import_paths(library, files, stored=stored)
        for address in (path for path in paths if is_web_address(path)):
            stored(import_address(library, address))
    finally:
        library.close()
    return ExitStatus.FAILED if failed else ExitStatus.OK


def _import_json(result: ImportResult) -> dict[str, object]:
    """One file's or address's outcome as `reader import --json` prints it."""
    from reader.operations.file_reading import printable
    from reader.text.reasons import reason_code

    return {"path": printable(result.source), "status": result.status.value,
            "code": reason_code(result.reason) if result.reason else None,
            "reason": str(result.reason) or None, "format": result.source_format or None,
            "article_id": result.article_id, "document_ids": list(result.document_ids)}


def _said(reason: str, as_json: bool) -> str:
    """A reason in the reader's language, or in English beside `--json` output."""
    if as_json:
        return str(reason)
    from reader.ui.i18n import explain

    return explain(reason)


def _read_text(path: Path, as_json: bool = False) -> str:
    """The text of an input file: a regular file, within the size limit, text (a pipe or a
    device is refused before it is read, so nothing hangs); InputFailed says why not."""
    from reader.operations.file_reading import os_error_reason, printable, read_regular_file
    from reader.text.file_check import UnreadableFile, decode_article_bytes
    from reader.text.reasons import reason_of

    try:
        return decode_article_bytes(read_regular_file(path))
    except OSError as error:
        reason = _said(os_error_reason(error), as_json)
        raise InputFailed(printable(f"{path}: {reason}")) from None
    except UnreadableFile as error:
        raise InputFailed(printable(f"{path}: {_said(reason_of(error), as_json)}")) from None


def _read_stdin(as_json: bool = False) -> str:
    """Standard input as text, within the size limit like any file."""
    from reader.text.file_check import MAX_FILE_BYTES, UnreadableFile, check_size
    from reader.text.reasons import reason_of

    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    try:
        check_size(len(data))
    except UnreadableFile as error:
        raise InputFailed(f"standard input: {_said(reason_of(error), as_json)}") from None
    return data.decode("utf-8-sig", errors="replace")


def _language(text: str) -> str:
    """A language code the reader knows (ISO 639-1, a region allowed: "en", "pt-BR")."""
    import argparse

    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(text.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise argparse.ArgumentTypeError(
            f"unknown language code {text!r} (expected an ISO 639-1 code such as en, es, ru)"
        ) from None
    return text


def _language_pair(text: str) -> tuple[str, str]:
    """Two language codes, source first: "es,en"."""
    import argparse

    codes = tuple(code.strip() for code in text.split(","))
    if len(codes) != 2 or codes[0] == codes[1]:
        raise argparse.ArgumentTypeError(
            f"expected two different language codes such as es,en, got {text!r}")
    return _language(codes[0]), _language(codes[1])


def _figures(file: str, language: str | None, as_json: bool) -> int:
    import json

    from reader.text.figures import extract_figures_json

    text = _read_stdin(as_json) if file == "-" else _read_text(Path(file), as_json)
    keys = ("surface", "start", "end", "value", "unit", "qualifier", "label")
    figures = [{key: figure[key] for key in keys}
               for figure in extract_figures_json(text, language)]
    if as_json:
        json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for figure in figures:
            print(_safe(f"{figure['value']:>22} {figure['unit']:<14} {figure['qualifier']:<7} "
                        f"{figure['surface']}  ({figure['label']})"))
    return ExitStatus.OK


def _check_figures(source: Path, target: Path, source_language: str | None,
                   target_language: str | None, layout: str, as_json: bool) -> int:
    import json

    from reader.text.figure_check_files import check_files

    report = check_files(_read_text(source), _read_text(target), source_language,
                         target_language, layout)
    if as_json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return ExitStatus.OK
    for flag in report["flags"]:
        sides = [" ".join(f"{figure['surface']}" for figure in flag[side]) or "-"
                 for side in ("source", "target")]
        print(_safe(f"{flag['verdict']:<8} src {flag['src']} tgt {flag['tgt']}: "
                    f"{sides[0]} / {sides[1]} ({flag['reason']})"))
    print(_safe(f"{len(report['flags'])} flags in {report['pairs']} pairs"))
    return ExitStatus.OK


def _align(source: Path, target: Path, source_language: str | None,
           target_language: str | None, presegmented: bool, as_json: bool) -> int:
    import json

    from reader.text.alignment import align_texts

    result = align_texts(_read_text(source, as_json), _read_text(target, as_json),
                         source_language, target_language, presegmented)
    if as_json:
        json.dump(
            {
                "beads": [{"src": list(b.source), "tgt": list(b.target), "score": b.score}
                          for b in result.beads],
                "src_sentences": list(result.source_sentences),
                "tgt_sentences": list(result.target_sentences),
            },
            sys.stdout, ensure_ascii=False, indent=2,
        )
        print()
        return ExitStatus.OK
    for bead in result.beads:
        left = " ".join(result.source_sentences[i] for i in bead.source)
        right = " ".join(result.target_sentences[j] for j in bead.target)
        print(_safe(f"{bead.score:.2f}  {left}\n      {right}\n"))
    return ExitStatus.OK


def _list(library_path: Path, as_json: bool) -> int:
    from itertools import groupby

    from reader.app import open_library

    library = open_library(library_path)
    try:  # one query: every document by article, from an index (not the texts)
        documents = library.listing.documents_by_article()
    finally:
        library.close()
    if as_json:
        sys.stdout.write(_list_json(documents))
        print()
        return ExitStatus.OK
    lines = []
    for article_id, group in groupby(documents, key=lambda document: document.article_id):
        versions = list(group)
        languages = " · ".join(document.language for document in versions)
        lines.append(f"{article_id:>6}  {languages:<12} {versions[0].title}\n")
    sys.stdout.write(_safe("".join(lines)))
    return ExitStatus.OK


def _search(library_path: Path, query: str, limit: int, as_json: bool) -> int:
    import json

    from reader.app import open_library

    library = open_library(library_path)
    try:
        hits = library.search.search(query, limit=limit)
    finally:
        library.close()
    if as_json:
        json.dump(
            [{"article_id": hit.article_id, "document_id": hit.document_id,
              "language": hit.language, "title": hit.title, "snippet": hit.snippet,
              "score": hit.score} for hit in hits],
            sys.stdout, ensure_ascii=False, indent=2,
        )
        print()
    else:
        for hit in hits:
            print(_safe(f"{hit.article_id:>6}  {hit.language}  {hit.score:6.2f}  {hit.title}\n"
                        f"{'':>6}  {hit.snippet}"))
    return ExitStatus.OK


def _list_json(documents: Sequence[ListedDocument]) -> str:
    """The documents' articles as `json.dump(..., ensure_ascii=False, indent=2)` writes them,
    written out directly: json's indenting encoder is pure Python and about three times
    slower, and a list of dictionaries first would double the time again."""

    from json.encoder import encode_basestring as string  # what json.dump writes text with

    parts: list[str] = []
    languages: list[str] = []
    versions: list[str] = []
    article_id = title = None
    for d in documents:
        if d.article_id != article_id:
            if article_id is not None:
                parts.append(_article_json(article_id, title, languages, versions))
            article_id, title, languages, versions = d.article_id, d.title, [], []
        languages.append(f"      {string(d.language)}")
        source = "null" if d.source_url is None else string(d.source_url)
        versions.append(
            f'      {{\n        "id": {d.id},\n        "language": {string(d.language)},\n'
            f'        "uri": {string(d.uri)},\n        "source_url": {source},\n'
            f'        "paragraphs": {d.paragraphs},\n        "sentences": {d.sentences},\n'
            f'        "words": {d.words}\n      }}')
    if article_id is None:
        return "[]"
    parts.append(_article_json(article_id, title, languages, versions))
    return "[\n" + ",\n".join(parts) + "\n]"


def _article_json(article_id: int, title: str | None, languages: list[str],
                  versions: list[str]) -> str:
    from json.encoder import encode_basestring as string

    between = ",\n"
    return (f'  {{\n    "id": {article_id},\n    "title": {string(title or "")},\n'
            f'    "languages": [\n{between.join(languages)}\n    ],\n'
            f'    "documents": [\n{between.join(versions)}\n    ]\n  }}')


def _export_annotations(library_path: Path, file_format: str, article_id: int | None,
                        out: Path | None) -> int:
    from reader.app import open_library
    from reader.operations.annotation_exchange import export_annotations

    library = open_library(library_path)
    try:
        if article_id is not None and not library.article_exists(article_id):
            print(f"reader: no article {article_id} in the library", file=sys.stderr)
            return ExitStatus.USAGE
        content, count = export_annotations(library, file_format, article_id,
                                            f"{APP_NAME} annotations")
    finally:
        library.close()
    if out is None:
        _write_out(content)
        return ExitStatus.OK
    try:
        out.write_bytes(content)
    except OSError as error:
        print(_safe(f"reader: {out}: cannot be written ({error.strerror})"), file=sys.stderr)
        return ExitStatus.FAILED
    print(_safe(f"{count} annotations written to {out}"))
    return ExitStatus.OK


def _write_out(content: bytes) -> None:
    """A file's bytes to standard output as they are."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream of text only
        sys.stdout.write(content.decode("utf-8"))
        return
    buffer.write(content)
    buffer.flush()


def _import_annotations(library_path: Path, file: Path, as_json: bool) -> int:
    import dataclasses
    import json

    from reader.app import open_library
    from reader.operations.annotation_exchange import (
        UnreadableAnnotations,
        import_w3c,
        read_w3c_file,
    )
    from reader.operations.file_reading import check_regular_file, printable
    from reader.text.file_check import UnreadableFile

    try:  # a pipe or a device is refused before it is read: read_w3c_file would wait on it
        check_regular_file(file)
    except OSError:
        pass  # read_w3c_file says why it cannot be read
    except UnreadableFile as error:
        print(_safe(printable(f"reader: {file}: {error}")), file=sys.stderr)
        return ExitStatus.FAILED
    try:
        data = read_w3c_file(file)
    except UnreadableAnnotations as error:
        print(_safe(f"reader: {file}: {error}"), file=sys.stderr)
        return ExitStatus.FAILED
    library = open_library(library_path)
    try:
        report = import_w3c(library, data)
    except ValueError as error:
        print(_safe(f"reader: {file}: {error}"), file=sys.stderr)
        return ExitStatus.FAILED
    finally:
        library.close()
    if as_json:
        json.dump(dataclasses.asdict(report), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(f"imported {report.imported}, already present {report.already_present}, "
              f"kept without a place {report.orphaned}")
        for line in report.not_found:
            print(_safe(f"not found: {line}"))
        for line in report.invalid:
            print(_safe(f"invalid: {line}"))
        for line in report.conflicts:
            print(_safe(line))
    return ExitStatus.OK if report.complete else ExitStatus.FAILED


def _export_pair(library_path: Path, article_id: int, file_format: str, out: Path,
                 languages: tuple[str, str] | None) -> int:
    from reader.app import open_library
    from reader.operations.pair_export import NoPair, export_pair

    library = open_library(library_path)
    try:
        content, rows = export_pair(library, article_id, file_format, languages)
    except NoPair as error:
        print(_safe(f"reader: {error}"), file=sys.stderr)
        return ExitStatus.USAGE
    finally:
        library.close()
    try:
        out.write_bytes(content)
    except OSError as error:
        print(_safe(f"reader: {out}: cannot be written ({error.strerror})"), file=sys.stderr)
        return ExitStatus.FAILED
    print(_safe(f"{rows} aligned rows written to {out}"))
    return ExitStatus.OK


def _show(library_path: Path, document_id: int, as_json: bool) -> int:
    import json

    from reader.app import open_library

    library = open_library(library_path)
    try:
        shown = library.shown_document(document_id)
    finally:
        library.close()
    if shown is None:
        print(f"reader: no document {document_id} in the library", file=sys.stderr)
        return ExitStatus.USAGE
    if as_json:
        json.dump(shown._asdict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return ExitStatus.OK
    print(_safe(shown.text))
    return ExitStatus.OK
