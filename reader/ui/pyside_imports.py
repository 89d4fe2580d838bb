"""Importing modules after PySide6 at the plain Python cost.

Once `PySide6.QtCore` is imported, PySide6 calls `shibokensupport.feature.feature_imported`
after every module import in the process, to record whether the module uses PySide6's opt-in
`from __feature__ import snake_case, true_property`. To decide, it reads the module's whole
source file (`inspect.getsource`, which also keeps every source in `linecache`) and looks for
the word "PySide6": about 0.1–0.2 ms a module, some 140 modules before the window's first
paint (benchmarks/README.md, "Start-up").

The answer only chooses which feature set a module's attribute lookups see, and no module here
(nor any library the reader uses) selects a feature, so every module sees the default set
whatever the answer. A module that does `from __feature__ import …` records itself through that
import, not through this guess. So the guess is made "uses PySide6" (the default set) without
reading the source. If a later PySide6 renames its helper, nothing is changed and imports
cost what they did.
"""

from __future__ import annotations

from types import ModuleType


def _uses_default_features(module: ModuleType) -> bool:
    return True


def skip_feature_scan() -> bool:
    """Stop PySide6 from reading each imported module's source; whether it could be stopped.

    Call it once PySide6 is imported and before the window's modules are: `reader.app` does.
    """
    import PySide6.QtCore  # noqa: F401  (installs the import hook and `shibokensupport`)

    try:
        import shibokensupport.feature as feature
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_default_features
    return True
