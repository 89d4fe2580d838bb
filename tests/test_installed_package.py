"""The app as a user installs it: the wheel, in an environment of its own, outside the source tree.

The wheel is built without build isolation (the setuptools of the environment running the tests,
nothing downloaded), from a copy of what the build reads, so the source tree gets no build
folders. It is installed with --no-deps --no-index into a new virtual environment whose
dependencies (PySide6, sqlite-utils, ...) come from the environment running the tests through
a .pth file of plain paths, which does not bring the source tree's editable install along.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "reader", "seeds",
                "resources")
SEED_NAMES = sorted(path.name for path in (ROOT / "seeds").glob("*.txt"))
ICON = "icons/parallel-reader.svg"


def _run(command: list[str | Path], cwd: Path, env: dict[str, str] | None = None,
         ) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, text=True,
                            capture_output=True, timeout=180, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def _clean_env(home: Path) -> dict[str, str]:
    """The environment of a user's shell: no path into the source tree, a home of its own."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV")}
    env.update(PYTHONNOUSERSITE="1", QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INDEX="1")
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_INPUTS:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif path.exists():
            shutil.copy(path, source / name)
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
          "--no-index", "-w", out, source], cwd=out, env=_clean_env(out))
    (built,) = out.glob("parallel_reader-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel installed, outside the source tree."""
    place = tmp_path_factory.mktemp("installed")
    env = _clean_env(place)
    venv = place / "env"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=place, env=env)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
          "--no-index", wheel], cwd=place, env=env)
    # Only now the dependencies: pip above saw an environment without the project in it.
    site_packages = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path("
                               "'purelib'))"], cwd=place, env=env).stdout.strip())
    dependencies = [entry for entry in sys.path
                    if Path(entry).name in ("site-packages", "dist-packages")]
    (site_packages / "dependencies-of-the-tests.pth").write_text("\n".join(dependencies) + "\n")
    return venv


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user's home outside the source tree, where the installed app keeps its library."""
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def test_the_wheel_holds_every_module_seed_and_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "reader").rglob("*.py")}
    assert modules - names == set()
    assert {f"reader/bundled/seeds/{name}" for name in SEED_NAMES} <= names
    resources = {f"reader/bundled/{path.relative_to(ROOT).as_posix()}"
                 for path in (ROOT / "resources").rglob("*") if path.is_file()}
    assert f"reader/bundled/resources/{ICON}" in resources
    assert resources <= names
    assert len(SEED_NAMES) == 5
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert "reader = reader.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_app_runs_the_wheels_files(venv: Path, home: Path) -> None:
    probe = ("import json, reader, reader.bundled as b; print(json.dumps({"
             "'reader': reader.__file__, 'seeds': [str(p) for p in b.seed_files()], "
             f"'icon': str(b.resource_path({ICON!r}))}}))")
    found = json.loads(_run([venv / "bin" / "python", "-c", probe], cwd=home,
                            env=_clean_env(home)).stdout)
    installed = venv.resolve()
    assert Path(found["reader"]).resolve().is_relative_to(installed)
    assert [Path(seed).name for seed in found["seeds"]] == SEED_NAMES
    assert all(Path(seed).resolve().is_relative_to(installed) for seed in found["seeds"])
    icon = Path(found["icon"])
    assert icon.resolve().is_relative_to(installed)
    assert icon.read_bytes() == (ROOT / "resources" / ICON).read_bytes()


def test_a_new_library_of_the_installed_app_holds_the_five_seed_articles(
    venv: Path, home: Path
) -> None:
    # No --db: the installed command makes the user's library in the data folder.
    result = _run([venv / "bin" / "reader", "list", "--json"], cwd=home, env=_clean_env(home))
    assert result.stderr == ""
    articles = json.loads(result.stdout)
    languages = [document["language"] for article in articles
                 for document in article["documents"]]
    assert sorted(languages) == ["en", "es", "nb", "ru", "sv"]
    assert [article["languages"] for article in articles] == [["es", "en"], ["sv"], ["ru"],
                                                              ["nb"]]
    assert (home / "data" / "parallel-reader" / "library.sqlite").is_file()


def test_the_installed_window_renders(venv: Path, home: Path) -> None:
    out = home / "window.png"
    _run([venv / "bin" / "reader", "screenshot", out, "--db", home / "library.sqlite",
          "--article", "1", "--size", "800x600"], cwd=home, env=_clean_env(home))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_wheel_holds_the_compiled_catalogs(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    catalogs = {path.relative_to(ROOT).as_posix()
                for path in (ROOT / "reader" / "locale").rglob("reader.mo")}
    assert len(catalogs) == 4
    assert catalogs <= names


def test_the_installed_app_speaks_the_readers_language(venv: Path, home: Path) -> None:
    env = {**_clean_env(home), "READER_LOCALE": "ru_RU"}
    probe = "from reader.ui.i18n import _; print(_('&File'))"
    said = _run([venv / "bin" / "python", "-c", probe], cwd=home, env=env).stdout.strip()
    assert said == "&Файл"
    folder = home / "empty.txt"
    folder.write_bytes(b"")
    result = subprocess.run([str(venv / "bin" / "reader"), "import", str(folder), "--db",
                             str(home / "library.sqlite")], cwd=home, env=env, text=True,
                            capture_output=True, timeout=180, stdin=subprocess.DEVNULL)
    assert "пустой файл" in result.stdout


def test_the_installed_command_installs_its_desktop_entry(venv: Path, home: Path) -> None:
    _run([venv / "bin" / "reader", "install-desktop"], cwd=home, env=_clean_env(home))
    entry = (home / "data" / "applications" / "parallel-reader.desktop").read_text()
    assert f"Exec={(venv / 'bin' / 'reader').resolve()}\n" in entry
    icon = home / "data" / "icons" / "hicolor" / "scalable" / "apps" / "parallel-reader.svg"
    assert icon.read_bytes() == (ROOT / "resources" / ICON).read_bytes()
