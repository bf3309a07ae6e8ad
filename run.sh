#!/usr/bin/env bash
# EvalHarness: one entry point for users and CI.
#
#   ./run.sh              set up what is missing, build, run the bundled suites
#                         (against EVAL_MODEL if set, otherwise the demo recordings)
#   ./run.sh test         set up, build, run every test project, print "N passed, N failed"
#   ./run.sh bench [...]  set up, build, run the benchmarks (arguments go to BenchmarkDotNet)
#   ./run.sh <args...>    build if needed and run the evalh CLI with these arguments
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

# No telemetry, no first-run banner, no update checks: evaluators run this in closed networks.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export NUGET_XMLDOC_MODE=skip

CONFIG=Release
CLI_DLL="$ROOT/src/EvalHarness.Cli/bin/$CONFIG/net10.0/evalh.dll"
BUILD_STAMP="$ROOT/.build/stamp"

# Debian packages the harness needs at run time or in tests.
# mecab, libmecab2, mecab-ipadic-utf8: Japanese tokenisation (BLEU-ja, ROUGE-ja, register checks).
# mecab-ipadic (EUC-JP) and mecab-jumandic-utf8: only the tests that check the clear errors for a wrong dictionary.
# chromium, chromium-driver and fonts-noto-cjk: the browser tests, --pdf and Japanese in reports.
APT_PACKAGES=(ca-certificates mecab libmecab2 mecab-ipadic-utf8 chromium chromium-driver fonts-noto-cjk)
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
# scripts and string tables) is newer than the last successful build.
needs_build() {
  [ -f "$BUILD_STAMP" ] && [ -f "$CLI_DLL" ] || return 0
  [ -n "$(find src tests Directory.Build.props Directory.Build.targets Directory.Packages.props EvalHarness.sln \
      -newer "$BUILD_STAMP" -type f -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/TestResults/*' \
      -print -quit 2>/dev/null)" ]
}

build() {
  if needs_build; then
    say "run.sh: building ($CONFIG)"
    dotnet build EvalHarness.sln -c "$CONFIG" -nologo -clp:ErrorsOnly -v:quiet >&2
    mkdir -p "$(dirname "$BUILD_STAMP")"
    touch "$BUILD_STAMP"
  fi
}

setup() {
  ensure_apt "${APT_PACKAGES[@]}" "$@"
  ensure_dotnet
  build
}

evalh() { dotnet "$CLI_DLL" "$@"; }

main_job() {
  if [ -n "${EVAL_MODEL:-}" ]; then
    say "run.sh: running the bundled suites against $EVAL_MODEL"
    evalh run suites --model "$EVAL_MODEL"
  else
    say "run.sh: EVAL_MODEL is not set: scoring the bundled demo recordings (not a live model)"
    say "run.sh: to evaluate a model: EVAL_MODEL=openai/<model> [OPENAI_BASE_URL=...] OPENAI_API_KEY=... ./run.sh"
    evalh run suites --model demo
  fi
}

# Sum the TRX counters of every test project into one line.
summarise_tests() {
  local results_dir="$1" expected="$2" passed=0 failed=0 skipped=0 found=0 trx counters
  for trx in "$results_dir"/*.trx; do
    [ -f "$trx" ] || continue
    found=$((found + 1))
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
    passed=$((passed + $(attr passed "$counters")))
    failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
    skipped=$((skipped + $(attr notExecuted "$counters") + $(attr inconclusive "$counters")))
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

case "${1:-}" in
  "")
    setup
    main_job
    ;;
  test)
    setup "${TEST_APT_PACKAGES[@]}"
    run_tests
    ;;
  bench)
    shift
    setup
    dotnet run -c "$CONFIG" --no-build --project tests/EvalHarness.Benchmarks -- "$@"
    ;;
  *)
    ensure_dotnet
    build
    evalh "$@"
    ;;
esac
