#!/usr/bin/env bash
# One-time, idempotent installer for the real-editor e2e tests (see test/e2e/README.md):
# Debian packages (chromium, neovim, ripgrep, libkrb5-dev) and code-server 4.100.3 from npm,
# installed into test/e2e/.cache/code-server. Works offline except for the npm registry + Debian apt.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=$HERE/.cache
CS_VERSION=4.100.3
RG_CACHE_VER=1.15.11                                     # @vscode/ripgrep version used by code-server 4.100.3
RG_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CS_DIR=$CACHE/code-server
CS=$CS_DIR/node_modules/.bin/code-server

now() { date +%s.%N; }
since() { printf '%6.1fs' "$(echo "$(now) - $1" | bc 2>/dev/null || echo 0)"; }
T0=$(now)
log() { echo "[setup $(since "$T0")] $*"; }

mkdir -p "$CACHE/tmp"
# Keep code-server's own files (coder-logs, config.yaml) out of $HOME: `--version` writes logs too.
export XDG_CONFIG_HOME=$CACHE/xdg/config XDG_DATA_HOME=$CACHE/xdg/data XDG_CACHE_HOME=$CACHE/xdg/cache XDG_STATE_HOME=$CACHE/xdg/state

# 1. Debian packages ------------------------------------------------------------------------------
need_apt=0
for bin in chromium nvim rg; do command -v "$bin" >/dev/null 2>&1 || need_apt=1; done
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt=1
if [ "$need_apt" = 1 ]; then
  t=$(now)
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium neovim ripgrep libkrb5-dev >/dev/null
  log "apt-get install chromium neovim ripgrep libkrb5-dev: $(since "$t")"
else
  log "apt packages already present (chromium, nvim, rg, libkrb5-dev): skipped"
fi

# 2. code-server ----------------------------------------------------------------------------------
cs_ok() { [ -x "$CS" ] && timeout 60 "$CS" --config /dev/null --version 2>/dev/null | grep -q "^$CS_VERSION "; }
if cs_ok; then
  log "code-server $CS_VERSION already installed: skipped"
else
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" = 20 ] || { echo "setup: code-server $CS_VERSION needs Node 20 exactly (found $(node -v))" >&2; exit 1; }
  # Pre-seed @vscode/ripgrep's download cache (its postinstall otherwise fetches from api.github.com).
  rgcache=$CACHE/tmp/vscode-ripgrep-cache-$RG_CACHE_VER
  if [ ! -s "$rgcache/$RG_TARBALL" ]; then
    mkdir -p "$rgcache" "$CACHE/rgstage"
    cp "$(command -v rg)" "$CACHE/rgstage/rg"
    tar czf "$rgcache/$RG_TARBALL" -C "$CACHE/rgstage" rg
    log "ripgrep cache pre-seeded from $(command -v rg)"
  fi
  t=$(now)
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  (
    cd "$CS_DIR"
    printf '{ "name": "edgelint-e2e-code-server", "private": true, "version": "0.0.0" }\n' > package.json
    # npm_config_unsafe_perm: postinstall refuses root otherwise; npm_config_yes: node-pty's `npx node-gyp`;
    # npm_config_nodedir: use the local Node headers (/usr/include/node) instead of nodejs.org.
    TMPDIR=$CACHE/tmp npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
      timeout 1200 npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" \
      > "$CACHE/code-server-install.log" 2>&1
  ) || { echo "setup: npm install code-server failed; tail of $CACHE/code-server-install.log:" >&2; tail -40 "$CACHE/code-server-install.log" >&2; exit 1; }
  cs_ok || { echo "setup: code-server installed but --version fails" >&2; exit 1; }
  log "npm install code-server@$CS_VERSION: $(since "$t")"
fi
log "code-server: $(timeout 60 "$CS" --config /dev/null --version 2>/dev/null | head -1)"
log "chromium: $(chromium --version 2>/dev/null | tail -1)"
log "neovim: $(nvim --version | head -1)"
log "done in $(since "$T0")"
