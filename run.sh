#!/usr/bin/env bash
# EvalHarness: one entry point for users and CI.
#
#   ./run.sh              set up what is missing, build the CLI, run the bundled suites
#                         (against EVAL_MODEL if set, otherwise the demo recordings)
#   ./run.sh test         set up, build everything, run every test project, print
#                         "N passed, N failed" (", N skipped" when tests were skipped)
#   ./run.sh bench [...]  set up, build everything, run the benchmarks (arguments go to BenchmarkDotNet)
#   ./run.sh install      install evalh as a .NET global tool from a package built here (offline)
#   ./run.sh <args...>    build the CLI if needed and run it with these arguments
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

# No telemetry, no first-run banner, no update checks: evaluators run this in closed networks.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export NUGET_XMLDOC_MODE=skip

CONFIG=Release
CLI_PROJECT=src/EvalHarness.Cli/EvalHarness.Cli.csproj
CLI_DLL="$ROOT/src/EvalHarness.Cli/bin/$CONFIG/net10.0/evalh.dll"
# The same CLI compiled ahead of time (Native AOT), which ./run.sh runs when it is at least as new as the build:
# a run of 10,000 samples takes a third of the CPU and starts and finishes half a second sooner
# (docs/performance.md). EVALH_NATIVE=0 skips it (about 2 minutes of compiling on two cores per change) and runs the JIT build.
READY_DIR="$ROOT/.build/evalh"
READY_STAMP="$ROOT/.build/stamp-ready"
# One stamp per build: a CLI-only build says nothing about the tests and benchmarks being up to date.
CLI_STAMP="$ROOT/.build/stamp-cli"
ALL_STAMP="$ROOT/.build/stamp-all"
PACKAGE_DIR="$ROOT/.build/nupkg"
TOOL_PACKAGE=EvalHarness.Cli

# Debian packages the harness needs at run time or in tests.
# mecab, libmecab2, mecab-ipadic-utf8: Japanese tokenisation (BLEU-ja, ROUGE-ja, register checks).
# mecab-ipadic (EUC-JP) and mecab-jumandic-utf8: only the tests that check the clear errors for a wrong dictionary.
# chromium, chromium-driver and fonts-noto-cjk: the browser tests, --pdf and Japanese in reports.
# gcc, libc6-dev and zlib1g-dev: linking the natively compiled CLI.
APT_PACKAGES=(ca-certificates mecab libmecab2 mecab-ipadic-utf8 chromium chromium-driver fonts-noto-cjk gcc libc6-dev zlib1g-dev)
TEST_APT_PACKAGES=(mecab-ipadic mecab-jumandic-utf8 strace)

say() { printf '%s\n' "$*" >&2; }

ensure_apt() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    say "run.sh: missing packages ${missing[*]} and no apt-get to install them; install them by hand"
    return 1
  fi
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "run.sh: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    say "run.sh: the .NET 10 SDK is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)"
    exit 1
  fi
  local major
  major="$(dotnet --version 2>/dev/null | cut -d. -f1)"
  if [ -z "$major" ] || [ "$major" -lt 10 ]; then
    say "run.sh: the .NET 10 SDK is required; found $(dotnet --version 2>/dev/null || echo none)"
    exit 1
  fi
}

# Rebuild only when something the build reads (sources, projects, embedded resources such as templates,
# scripts and string tables) is newer than the last successful build of the same scope.
needs_build() {
  local stamp="$1"; shift
  [ -f "$stamp" ] && [ -f "$CLI_DLL" ] || return 0
  [ -n "$(find "$@" Directory.Build.props Directory.Build.targets Directory.Packages.props \
      -newer "$stamp" -type f -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/TestResults/*' \
      -print -quit 2>/dev/null)" ]
}

# Minimal verbosity prints each project as it is built (and a live view on a terminal), so a first
# build is never minutes of silence. The stamps are dated from the start, so a file edited during the
# build still counts as newer than it.
compile() {
  local what="$1" project="$2" stamp; shift 2
  mkdir -p "$ROOT/.build"
  touch "$ROOT/.build/stamp-next"
  say "run.sh: building $what ($CONFIG); each project is listed when done"
  local started=$SECONDS
  dotnet build "$project" -c "$CONFIG" -nologo -v:minimal >&2
  say "run.sh: built $what in $((SECONDS - started)) s"
  for stamp in "$@"; do cp -p "$ROOT/.build/stamp-next" "$stamp"; done
  rm -f "$ROOT/.build/stamp-next"
}

# The main job and the CLI need only the CLI and the libraries it references: a fraction of the solution.
build_cli() {
  if needs_build "$CLI_STAMP" src; then
    compile "the CLI" "$CLI_PROJECT" "$CLI_STAMP"
  fi
  publish_ready
}

# Native AOT needs a runtime identifier, the ILCompiler package and a C linker; where any is missing the JIT build serves.
publish_ready() {
  [ "${EVALH_NATIVE:-1}" = 0 ] && return 0
  [ -x "$READY_DIR/evalh" ] && [ "$READY_STAMP" -nt "$CLI_STAMP" ] && return 0
  local rid
  case "$(uname -m)" in
    x86_64) rid=linux-x64 ;;
    aarch64 | arm64) rid=linux-arm64 ;;
    *) return 0 ;;
  esac
  say "run.sh: compiling the CLI ahead of time (Native AOT, $rid) into ${READY_DIR#"$ROOT"/}: a few minutes, once per change"
  local started=$SECONDS
  rm -rf "$READY_DIR.next"
  if dotnet publish "$CLI_PROJECT" -c "$CONFIG" -r "$rid" -p:PublishAot=true \
      -o "$READY_DIR.next" -nologo -v:quiet >&2 && [ -x "$READY_DIR.next/evalh" ]; then
    # Debugging symbols (110 MB) and the managed builds' symbol files serve no one who runs it.
    rm -f "$READY_DIR.next"/*.dbg "$READY_DIR.next"/*.pdb
    rm -rf "$READY_DIR"
    mv "$READY_DIR.next" "$READY_DIR"
    touch "$READY_STAMP"
    say "run.sh: compiled ahead of time in $((SECONDS - started)) s"
  else
    rm -rf "$READY_DIR.next"
    say "run.sh: native compilation failed; running the JIT-compiled CLI"
  fi
}

# Tests and benchmarks need the whole solution; that build includes the CLI, so both stamps are current.
build_all() {
  needs_build "$ALL_STAMP" src tests EvalHarness.sln || return 0
  compile "the solution with tests and benchmarks" EvalHarness.sln "$ALL_STAMP" "$CLI_STAMP"
}

setup() {
  local scope="$1"; shift
  ensure_apt "${APT_PACKAGES[@]}" "$@"
  ensure_dotnet
  "build_$scope"
}

evalh() {
  if [ -x "$READY_DIR/evalh" ] && [ "$READY_STAMP" -nt "$CLI_STAMP" ]; then
    "$READY_DIR/evalh" "$@"
  else
    dotnet "$CLI_DLL" "$@"
  fi
}

# Packs the CLI as a .NET tool and installs it from that folder alone, so nothing is fetched. Each pack
# gets its own version: the same version twice would be served from NuGet's cache, the old build.
install_tool() {
  local version tools="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
  version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)-local.$(date -u +%Y%m%d%H%M%S)"
  rm -rf "$PACKAGE_DIR"
  say "run.sh: packing $TOOL_PACKAGE $version into ${PACKAGE_DIR#"$ROOT"/}"
  dotnet pack "$CLI_PROJECT" -c "$CONFIG" -nologo -v:minimal -o "$PACKAGE_DIR" -p:PackageVersion="$version" >&2
  cat > "$PACKAGE_DIR/nuget.config" <<'CONFIG'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="evalharness-local" value="." />
  </packageSources>
</configuration>
CONFIG
  local verb=install
  dotnet tool list --global | grep -qi "^$TOOL_PACKAGE " && verb=update
  dotnet tool "$verb" --global "$TOOL_PACKAGE" --version "$version" --configfile "$PACKAGE_DIR/nuget.config" >&2
  say "run.sh: evalh $version is installed in $tools"
  case ":$PATH:" in
    *":$tools:"*) say "run.sh: try it: evalh --version" ;;
    *) say "run.sh: $tools is not on your PATH; add it with:"
       say "  export PATH=\"\$PATH:$tools\"   # and put that line in ~/.bashrc (or ~/.profile) to keep it" ;;
  esac
}

main_job() {
  if [ -n "${EVAL_MODEL:-}" ]; then
    say "run.sh: running the bundled suites against $EVAL_MODEL"
    evalh run suites --model "$EVAL_MODEL"
  else
    say "run.sh: EVAL_MODEL is not set: scoring the bundled demo recordings (not a live model)"
    say "run.sh: to evaluate a model: EVAL_MODEL=openai/<model> [OPENAI_BASE_URL=...] OPENAI_API_KEY=... ./run.sh"
    # The demo also shows the gate: the procurement self-test policy (docs/gate.md) judges the run, and its
    # verdict opens the report. A live model is not gated unless asked (evalh run ... --gate <policy>).
    evalh run suites --model demo --gate suites/policies/procurement.yaml
  fi
}

# Sum the TRX counters of every test project into one line. A test that neither passed nor failed was
# skipped: the counters put an [Explicit] or [Ignore]d test in total but in no other counter (not even
# notExecuted), so counting notExecuted alone would hide it.
summarise_tests() {
  local results_dir="$1" expected="$2" passed=0 failed=0 skipped=0 found=0 trx counters total project_failed
  for trx in "$results_dir"/*.trx; do
    [ -f "$trx" ] || continue
    found=$((found + 1))
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
    total=$(attr total "$counters")
    project_failed=$(($(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
    passed=$((passed + $(attr passed "$counters")))
    failed=$((failed + project_failed))
    if [ "$total" -gt $(($(attr passed "$counters") + project_failed)) ]; then
      skipped=$((skipped + total - $(attr passed "$counters") - project_failed))
    fi
  done
  if [ "$found" -lt "$expected" ]; then
    say "run.sh: $((expected - found)) test project(s) produced no results (crashed before reporting); counted as failed"
    failed=$((failed + expected - found))
  fi
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  [ "$failed" -eq 0 ]
}

attr() { local v; v="$(printf '%s' "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*')"; echo "${v:-0}"; }

run_tests() {
  local results_dir="$ROOT/.build/test-results" projects=() project status=0
  rm -rf "$results_dir"
  mkdir -p "$results_dir"
  while IFS= read -r project; do projects+=("$project"); done < <(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | sort)
  for project in "${projects[@]}"; do
    local name
    name="$(basename "$project" .csproj)"
    say "run.sh: testing $name"
    dotnet test "$project" -c "$CONFIG" --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
      --results-directory "$results_dir" >&2 || status=1
  done
  summarise_tests "$results_dir" "${#projects[@]}" || status=1
  return "$status"
}

# Sourced (by the tests of this script), it only defines its functions.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  return 0
fi

case "${1:-}" in
  "")
    setup cli
    main_job
    ;;
  test)
    setup all "${TEST_APT_PACKAGES[@]}"
    publish_ready
    # NativeCliTests compare the native CLI's files with the JIT build's; a failed native build fails them.
    if [ "$READY_STAMP" -nt "$CLI_STAMP" ]; then
      export EVALH_NATIVE_CLI="$READY_DIR/evalh"
    elif [ "${EVALH_NATIVE:-1}" != 0 ]; then
      export EVALH_NATIVE_CLI="(not built: the native compilation above failed)"
    fi
    run_tests
    ;;
  bench)
    shift
    setup all
    publish_ready
    dotnet run -c "$CONFIG" --no-build --project tests/EvalHarness.Benchmarks -- "$@"
    ;;
  install)
    ensure_apt "${APT_PACKAGES[@]}"
    ensure_dotnet
    install_tool
    ;;
  *)
    ensure_dotnet
    build_cli
    evalh "$@"
    ;;
esac
