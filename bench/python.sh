# Sourced by the benchmark scripts: python_with SCRIPT MODULE... sets $python to an interpreter
# that imports every MODULE: $PYTHON if set, else python3 on PATH, else Debian's /usr/bin/python3
# (a pyenv or venv python3 often lacks scikit-learn and matplotlib); or stops with exit 2.
python_with() {
  local script=$1
  shift
  local imports
  imports=$(IFS=,; echo "$*")
  python=${PYTHON:-python3}
  if "$python" -c "import $imports" 2>/dev/null; then
    return 0
  fi
  if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import $imports" 2>/dev/null; then
    python=/usr/bin/python3
    return 0
  fi
  echo "$script: needs Python 3 with $* (see the header)" >&2
  exit 2
}
