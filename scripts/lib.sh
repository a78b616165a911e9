# Shared by scripts/setup, serve, test and bench: install what is missing, quickly when present.
# Sourced, not run. Every step checks before it installs, so a second run takes seconds.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION="0.21.14"
SYSTEM_PACKAGES="chromium chromium-driver fonts-noto-cjk brotli"

say() { printf '» %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else
    echo "Missing system packages. Please run as root: sudo apt-get update && sudo apt-get install -y $SYSTEM_PACKAGES" >&2
    exit 1
  fi
}

setup_system_packages() {
  # Debian's Chromium drives the end-to-end tests; the CJK font draws Chinese in screenshots;
  # brotli is for checking the precompressed assets by hand.
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v brotli >/dev/null &&
     [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then return; fi
  say "installing $SYSTEM_PACKAGES (apt)"
  as_root apt-get update -qq
  # shellcheck disable=SC2086 # the list is meant to split into words
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq $SYSTEM_PACKAGES >/dev/null
}

setup_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # Trunk 0.22 needs a newer rustc than these machines have.
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (several minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  # wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly. Not --locked: its
  # locked set names a crate the registry mirror lacks.
  local want
  want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' "$ROOT/Cargo.lock")
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want"
  fi
  # Trunk builds with cargo --offline, and a host `cargo test` fetches no wasm-only crates
  # (leptos, web-sys): fetch every target's dependencies now. Instant when all are cached.
  (cd "$ROOT" && cargo fetch --quiet)
  if ! grep -q "wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml names a wasm_bindgen version other than Cargo.lock's $want: update [tools]." >&2
    exit 1
  fi
}

setup_npm() {
  # ECharts, esbuild, wasm-opt (binaryen) and Playwright come from npm; no browser download.
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] ||
     [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

setup_all() {
  setup_system_packages
  setup_rust
  setup_npm
}

build_release() {
  say "building the release bundle (trunk)"
  (cd "$ROOT" && trunk build --release --offline) 2>&1 | grep -vE '^\s*(Compiling|Downloaded|Downloading) ' || return 1
  node "$ROOT/scripts/precompress.mjs"
}
