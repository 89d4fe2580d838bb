"""Packaging that pyproject.toml cannot say on its own (everything else is there).

The seed articles and the resources stay in the top-level folders `seeds/` and `resources/`
of the repository. A built package (wheel, pipx, pip install) carries them inside itself, as
`reader/bundled/seeds` and `reader/bundled/resources`, where `reader.bundled` looks first.
`tests/test_installed_package.py` builds the wheel and runs it outside the source tree.
"""

from setuptools import find_namespace_packages, find_packages, setup

BUNDLED = {"reader.bundled.seeds": "seeds", "reader.bundled.resources": "resources"}
# Sub-folders of resources/ (icons/, ...) are folders of the package too.
RESOURCE_FOLDERS = [f"reader.bundled.resources.{name}"
                    for name in find_namespace_packages(where="resources")]

setup(
    packages=[*find_packages(include=["reader", "reader.*"]), *BUNDLED, *RESOURCE_FOLDERS],
    package_dir=BUNDLED,
    # The interface's compiled gettext catalogs (reader/locale/LANG/LC_MESSAGES/reader.mo).
    package_data={"reader": ["locale/*/LC_MESSAGES/*.mo"],
                  "reader.bundled.seeds": ["*.txt"],
                  "reader.bundled.resources": ["*"],
                  **{folder: ["*"] for folder in RESOURCE_FOLDERS}},
)
