"""Record what the import's stages give, to compare two versions of the code: same or not.

    .venv/bin/python benchmarks/stage_outputs.py OUT SCRIPT [ARGUMENTS...]

Runs SCRIPT (a benchmark: import_stages.py, align_quality.py, align_ntrex.py…) with
ARGUMENTS in this process, after wrapping the aligner (align_sentences, and Gale–Church's
baseline) and the import's preparation of a file (import_work.prepare_file), and writes to
OUT one line per call: what the call was given (a hash) and everything it returned, floats
written exactly (repr). Two runs of the same SCRIPT and ARGUMENTS on two versions of the
code give the same OUT exactly when every bead, confidence, language, sentence, count and
figure is the same. Run the old code by putting its tree first on PYTHONPATH (and this
script beside it), and both with PYTHONHASHSEED=0: the aligner adds some anchor weights in
the order of a set of strings, which the hash seed changes from one run to the next, and so
the last digit of a few confidences.
"""

from __future__ import annotations

import hashlib
import runpy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

RECORDS: list[str] = []


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def _recording(name: str, original: Callable[..., Any], shown: Callable[[Any], str],
               given: Callable[..., object] | None = None) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        key = given(*args) if given is not None else (args, sorted(kwargs.items()))
        RECORDS.append(f"{name} {_digest(key)} {shown(result)}")
        return result

    return wrapper


def _prepared(prepared: Any) -> str:
    """A prepared file without its (temporary) path."""
    from dataclasses import replace

    return repr(replace(prepared, path=Path(prepared.path.name)))


def main() -> int:
    out, script, *arguments = sys.argv[1:]
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here.parent))
    sys.path.insert(0, str(here))
    import reader.operations.import_work as import_work
    import reader.text.alignment as alignment

    alignment.align_sentences = _recording(
        "align", alignment.align_sentences, repr)
    alignment.gale_church_baseline = _recording(
        "gale-church", alignment.gale_church_baseline, repr)
    import_work.prepare_file = _recording(
        "prepare", import_work.prepare_file, _prepared, lambda path: path.name)
    sys.argv = [script, *arguments]
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as end:
        if end.code:
            raise
    Path(out).write_text("".join(f"{line}\n" for line in RECORDS), encoding="utf-8")
    print(f"{len(RECORDS)} calls recorded in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
