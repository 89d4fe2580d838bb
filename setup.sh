#!/usr/bin/env bash
# Set up Parallel Reader from a clean clone on Debian 12 (Python 3.11), then run it or test it.
#
#   bash setup.sh run [ARGS...]    set up, then open the app (ARGS go to `reader`)
#   bash setup.sh test [ARGS...]   set up, then run every check headless (ARGS go to pytest)
#
# Set-up: the Debian libraries Qt needs (apt-get when root, otherwise a message naming them),
# a virtual environment in .venv with the project and its Python packages. It is quick to run
# again: nothing is reinstalled unless pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-run}
[ $# -gt 0 ] && shift

# Qt offscreen and fonts (TECH_NOTES), then the X11 libraries a real window needs.
QT_PACKAGES=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
WINDOW_PACKAGES=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-shm0
  libxcb-xkb1 libx11-xcb1)
PYTHON=${PYTHON:-python3}

say() { printf 'setup: %s\n' "$*" >&2; }

missing_packages() {
  command -v dpkg-query >/dev/null || return 0
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
}

install_debian_packages() {
  local missing
  missing=$(missing_packages "$@" | tr '\n' ' ')
  [ -z "${missing// }" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    say "installing Debian packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    say "Parallel Reader needs these Debian packages, which are not installed:"
    say "  $missing"
    say "Install them with:  sudo apt-get install --no-install-recommends $missing"
    exit 1
  fi
}

check_python() {
  command -v "$PYTHON" >/dev/null || { say "python3 (3.11 or newer) is not installed"; exit 1; }
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { say "Python 3.11 or newer is needed, found $("$PYTHON" --version)"; exit 1; }
}

make_venv() {
  if [ ! -x .venv/bin/python ]; then
    if ! "$PYTHON" -m venv .venv 2>/dev/null; then
      rm -rf .venv
      install_debian_packages python3-venv
      "$PYTHON" -m venv .venv
    fi
  fi
  local stamp
  stamp=$(sha256sum pyproject.toml | cut -c1-16)
  if [ "$(cat .venv/.setup-stamp 2>/dev/null)" != "$stamp" ]; then
    say "installing Python packages into .venv (a few minutes the first time)"
    if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip &&
           .venv/bin/python -m pip install --disable-pip-version-check \
             --config-settings editable_mode=compat -e '.[dev]'; } \
         > .venv/setup.log 2>&1; then
      tail -n 40 .venv/setup.log >&2
      say "installing the Python packages failed (whole log: .venv/setup.log)"
      exit 1
    fi
    echo "$stamp" > .venv/.setup-stamp
  fi
  # Byte-compile the app as an installed package would be (an editable install is not),
  # so that it starts without compiling its sources, even where bytecode is never written.
  .venv/bin/python -m compileall -q reader >/dev/null
}

check_python
case "$mode" in
  run)
    install_debian_packages "${QT_PACKAGES[@]}" "${WINDOW_PACKAGES[@]}"
    make_venv
    exec .venv/bin/reader "$@"
    ;;
  test)
    install_debian_packages "${QT_PACKAGES[@]}"
    make_venv
    export QT_QPA_PLATFORM=offscreen
    say "ruff"; .venv/bin/ruff check reader tests benchmarks
    say "import-linter (the layer contract in pyproject.toml)"; .venv/bin/lint-imports --no-cache >/dev/null || .venv/bin/lint-imports --no-cache
    say "mypy"; .venv/bin/mypy
    say "pytest"; exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    say "usage: bash setup.sh run|test [ARGS...]"; exit 2 ;;
esac
