#!/usr/bin/env bash
# Build the benchmark-only environment that holds the GPL peer `truthdiscovery`.
#
# The peer is GPL-3.0: it lives in its own virtualenv (default /work/main/.venv-bench, i.e.
# `.venv-bench` at the repository root) and is never a dependency of the project. Its release
# cannot be installed from the index as usual (its build looks for a missing requirements.txt
# and it pins ~30 old versions), so we follow the recipe in shared/truth-benchmarks/README.md.
#
# Usage: bash benchmarks/truth/setup_peer.sh [VENV_DIR]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="${1:-${repo_root}/.venv-bench}"
python="${PYTHON:-python3}"

# pycairo builds from source; `import truthdiscovery` pulls in its drawing modules.
if ! dpkg -s libcairo2-dev >/dev/null 2>&1 || ! command -v pkg-config >/dev/null 2>&1; then
    apt-get update
    apt-get install -y libcairo2-dev pkg-config
fi

"${python}" -m venv "${venv}"
"${venv}/bin/pip" install --upgrade pip
"${venv}/bin/pip" install --no-deps truthdiscovery==1.0.4
"${venv}/bin/pip" install numpy scipy bidict imageio pycairo matplotlib
"${venv}/bin/python" -c "import truthdiscovery; print('truthdiscovery', truthdiscovery.__file__)"
echo "peer environment ready: ${venv}"
