#!/usr/bin/env sh
# Print the path of an installed Python X.Y: on PATH, or under pyenv's versions.
# Never downloads one. Exits 1, saying so, when the machine has none.
set -eu
v="$1"
for candidate in "$(command -v "python$v" 2>/dev/null || true)" \
    "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$v".*/bin/"python$v"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    exe=$("$candidate" -c 'import sys; print(sys.executable)' 2>/dev/null) || continue
    echo "$exe"
    exit 0
done
echo "no Python $v on this machine (looked on PATH and under ${PYENV_ROOT:-$HOME/.pyenv}/versions)" >&2
exit 1
