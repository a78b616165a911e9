# shellcheck shell=bash
# Shared by scripts/setup, serve, test and bench: install what is missing, quickly when present.
# Sourced, not run. Every step checks before it installs, so a second run takes seconds.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION="0.21.14"
SYSTEM_PACKAGES="chromium chromium-driver fonts-noto-cjk brotli"

say() { printf '» %s\n' "$*"; }

setup_system_packages() {
  # Debian's Chromium drives the end-to-end tests; the CJK font draws Chinese in screenshots;
  # brotli is for checking the precompressed assets by hand.
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v brotli >/dev/null &&
     [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then return; fi
  if [ "$(id -u)" != 0 ]; then
    echo "Missing system packages. Please run as root: sudo apt-get update && sudo apt-get install -y $SYSTEM_PACKAGES" >&2
    exit 1
  fi
  say "installing $SYSTEM_PACKAGES (apt, in the background)"
  in_background "apt-get install $SYSTEM_PACKAGES" apt_install
}

apt_install() {
  # shellcheck disable=SC2086 # the list is meant to split into words
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $SYSTEM_PACKAGES
}

# trunk and wasm-bindgen-cli are build tools: how fast they run barely matters (wasm-bindgen takes
# 1 s instead of 0.3 s per build), how long they take to compile does. Unoptimised and without
# trunk's own fat LTO, they compile in half the CPU time (trunk) and a third (wasm-bindgen-cli).
# opt-level 1 saves almost nothing; a shared target dir shares only a few small crates. Without
# default features: their TLS stacks (and trunk's update check) serve only downloads these builds
# never make (trunk builds --offline; wasm-bindgen-test-runner is unused). Same dist/, byte for
# byte; trunk 284 → 259 s, wasm-bindgen-cli 98 → 86 s on an idle machine. Installing both beside
# the app's first build saved nothing: two cores are busy either way.
light_install() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --no-default-features "$@"
}

setup_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # Trunk 0.22 needs a newer rustc than these machines have.
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (a few minutes, once)"
    light_install trunk --version "$TRUNK_VERSION" --locked
  fi
  # wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly. Not --locked: its
  # locked set names a crate the registry mirror lacks.
  local want
  want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' "$ROOT/Cargo.lock")
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (about a minute, once)"
    light_install wasm-bindgen-cli --version "$want"
  fi
  # Trunk builds with cargo --offline, and a host `cargo test` fetches no wasm-only crates
  # (leptos, web-sys): fetch every target's dependencies now. Instant when all are cached.
  (cd "$ROOT" && cargo fetch --quiet)
  if ! grep -q "wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml names a wasm_bindgen version other than Cargo.lock's $want: update [tools]." >&2
    exit 1
  fi
}

npm_install() { cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error; }

setup_npm() {
  # ECharts, esbuild, wasm-opt (binaryen) and Playwright come from npm; no browser download.
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] ||
     [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages (npm ci, in the background)"
    in_background "npm ci" npm_install
  fi
}

# apt and npm mostly download and unpack: they run while cargo compiles (several minutes on a fresh
# machine) rather than after it. Each one's output goes to a log, shown only if it fails.
BACKGROUND_PIDS=() BACKGROUND_NAMES=() BACKGROUND_LOGS=()

in_background() { # in_background NAME COMMAND...
  local log
  log=$(mktemp "${TMPDIR:-/tmp}/atlas-setup.XXXXXX")
  "${@:2}" >"$log" 2>&1 </dev/null &
  BACKGROUND_PIDS+=("$!") BACKGROUND_NAMES+=("$1") BACKGROUND_LOGS+=("$log")
}

wait_background() { # wait for every background step; stop with its log if one failed
  local i failed=0
  for i in "${!BACKGROUND_PIDS[@]}"; do
    if ! wait "${BACKGROUND_PIDS[$i]}"; then
      echo "Setup step failed: ${BACKGROUND_NAMES[$i]}. Its output:" >&2
      cat "${BACKGROUND_LOGS[$i]}" >&2
      failed=1
    fi
    rm -f "${BACKGROUND_LOGS[$i]}"
  done
  BACKGROUND_PIDS=() BACKGROUND_NAMES=() BACKGROUND_LOGS=()
  if [ "$failed" != 0 ]; then exit 1; fi
}

setup_all() {
  setup_system_packages
  setup_npm
  setup_rust
  wait_background
}

build_release() {
  say "building the release bundle (trunk)"
  (cd "$ROOT" && trunk build --release --offline) 2>&1 | grep -vE '^\s*(Compiling|Downloaded|Downloading) ' || return 1
  node "$ROOT/scripts/precompress.mjs"
}
