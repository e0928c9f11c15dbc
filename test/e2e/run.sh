#!/usr/bin/env bash
# Real-editor e2e run (entry of `npm run test:e2e`; one-time prerequisites: `bash test/e2e/setup.sh`):
#   build + vsce package -> install the .vsix into a fresh code-server profile -> start code-server on
#   127.0.0.1:<free port> -> (A) mocha suite inside the VS Code extension host (payload URL)
#   -> (B) Problems-panel DOM check + screenshot -> (C) headless Neovim against `node dist/cli.js --lsp`
#   -> stop code-server (whole process group). Last line: `e2e: N passed, N failed`; exit 1 if any failed.
# Env knobs (see README.md): EDGELINT_E2E_SUITES="A B C" (subset), EDGELINT_E2E_GREP=<mocha grep>,
#   EDGELINT_E2E_SKIP_BUILD=1, EDGELINT_E2E_FIXTURE=<dir> (another fixture workspace), EDGELINT_E2E_VSIX=<path>
#   (test this .vsix), EDGELINT_E2E_CLI=<path> (CLI for Neovim; default dist/cli.js), EDGELINT_E2E_BREAK=server
#   (negative control: the installed language server and the CLI given to Neovim exit 1 -> the run must fail).
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$HERE/.work
RUN=$WORK/run
SHOTS=$WORK/screenshots
CS=$HERE/.cache/code-server/node_modules/.bin/code-server
SUITES=${EDGELINT_E2E_SUITES:-A B C}
FIXTURE=$(cd "${EDGELINT_E2E_FIXTURE:-$HERE/workspace}" && pwd)   # the pristine fixture workspace

now() { date +%s.%N; }
secs() { echo "$(now) - $1" | bc | xargs printf '%.1f'; }
T0=$(now)
log() { echo "[e2e $(printf '%6.1fs' "$(secs "$T0")")] $*"; }
PASSED=0 FAILED=0
SUMMARY=()
tally() { # suite passed failed seconds note
  PASSED=$((PASSED + $2)); FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-34s %3d passed %3d failed %7ss  %s' "$1" "$2" "$3" "$4" "${5:-}")")
}
finish() {
  echo
  echo "e2e summary (total $(secs "$T0")s, artifacts in ${WORK#"$ROOT"/}):"
  for l in "${SUMMARY[@]}"; do echo "  $l"; done
  echo "e2e: $PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ] && exit 0 || exit 1
}
# Count TAP-like "ok - " / "not ok - " lines in a log.
count_ok() { grep -c '^ok - ' "$1" 2>/dev/null || true; }
count_notok() { grep -c '^not ok - ' "$1" 2>/dev/null || true; }

# --- one run at a time: concurrent runs would share $RUN (wait up to 15 min for the other one) ---------
mkdir -p "$WORK"
exec 9> "$WORK/run.lock"
if ! flock -n 9; then
  log "another e2e run holds $WORK/run.lock; waiting for it (max 900 s)"
  flock -w 900 9 || { log "lock not released"; tally "lock" 0 1 "$(secs "$T0")"; finish; }
fi

# --- hermetic environment: every side effect stays in $RUN -------------------------------------------
rm -rf "$RUN"; mkdir -p "$RUN/ud/User" "$RUN/exts" "$RUN/tmp" "$RUN/logs" "$RUN/results" "$SHOTS"
rm -f "$SHOTS"/*.png
export XDG_CONFIG_HOME=$RUN/xdg/config XDG_DATA_HOME=$RUN/xdg/data XDG_CACHE_HOME=$RUN/xdg/cache XDG_STATE_HOME=$RUN/xdg/state
export TMPDIR=$RUN/tmp                              # VS Code IPC sockets, tsserver, Chromium profile, nvim
export EXTENSIONS_GALLERY='{}'                      # no open-vsx.org lookups
export NVIM_LOG_FILE=$RUN/logs/nvim.log
export EDGELINT_E2E_RESULT=$RUN/results/ext-host.json   # read by suite/index.js inside the extension host
export EDGELINT_E2E_PRISTINE=$FIXTURE                   # tests restore the copy from here
unset ELECTRON_RUN_AS_NODE VSCODE_IPC_HOOK_CLI

if [ ! -x "$CS" ] || ! command -v chromium >/dev/null || ! command -v nvim >/dev/null; then
  log "prerequisites missing (code-server in test/e2e/.cache, chromium, nvim): run 'bash test/e2e/setup.sh' first"
  tally "prerequisites" 0 1 0 "run test/e2e/setup.sh"; finish
fi

# --- 1. build + package ------------------------------------------------------------------------------
cd "$ROOT"
t=$(now)
VSIX=${EDGELINT_E2E_VSIX:-}
if [ -z "$VSIX" ]; then
  VSIX=$ROOT/dist/edgelint.vsix
  if [ "${EDGELINT_E2E_SKIP_BUILD:-0}" != 1 ]; then
    touch "$RUN/build.stamp"; sleep 0.01
    package_script=$(node -p "require('./package.json').scripts?.package || ''")
    if [[ "$package_script" == *"npm run -s build"* || "$package_script" == *"npm run build"* ]]; then
      timeout 300 npm run -s package > "$RUN/logs/build.log" 2>&1      # the package script builds first
    elif [ -n "$package_script" ]; then
      timeout 300 bash -c 'npm run -s build && npm run -s package' > "$RUN/logs/build.log" 2>&1
    else
      log "NOTE: package.json has no \"package\" script yet; falling back to 'vsce package --no-dependencies -o dist/edgelint.vsix'"
      timeout 300 bash -c 'npm run -s build && npx --no-install vsce package --no-dependencies -o dist/edgelint.vsix' > "$RUN/logs/build.log" 2>&1
    fi
    rc=$?
    if [ $rc -ne 0 ] || [ ! -s "$VSIX" ] || [ ! "$VSIX" -nt "$RUN/build.stamp" ]; then   # never test a stale .vsix
      log "build/package FAILED (rc=$rc); tail of logs/build.log:"; tail -30 "$RUN/logs/build.log" | sed 's/^/    /'
      tally "build + package" 0 1 "$(secs "$t")"; finish
    fi
  fi
fi
[ -s "$VSIX" ] || { log "no vsix at $VSIX"; tally "build + package" 0 1 "$(secs "$t")"; finish; }
CLI=${EDGELINT_E2E_CLI:-$ROOT/dist/cli.js}
[ -s "$CLI" ] || { log "missing $CLI after build"; tally "build + package" 0 1 "$(secs "$t")"; finish; }
log "build + package: $(secs "$t")s ($(du -h "$VSIX" | cut -f1) ${VSIX#"$ROOT"/})"

# --- 2. fresh profile + install the .vsix ------------------------------------------------------------
cat > "$RUN/ud/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off", "update.mode": "none", "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false, "extensions.ignoreRecommendations": true,
  "workbench.tips.enabled": false, "typescript.disableAutomaticTypeAcquisition": true,
  "git.enabled": false, "workbench.enableExperiments": false, "files.autoSave": "off",
  "chat.disableAIFeatures": true, "workbench.welcomePage.walkthroughs.openOnInstall": false }
JSON
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
BASE=http://127.0.0.1:$PORT
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$RUN/config.yaml"
CSARGS=(--config "$RUN/config.yaml" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts")
t=$(now)
timeout 120 "$CS" "${CSARGS[@]}" --install-extension "$VSIX" > "$RUN/logs/install.log" 2>&1
EXTDIR=$(ls -d "$RUN"/exts/edgelint.edgelint-* 2>/dev/null | head -1)
if [ -z "$EXTDIR" ]; then
  log "--install-extension FAILED:"; sed 's/^/    /' "$RUN/logs/install.log" | tail -20
  tally "install .vsix" 0 1 "$(secs "$t")"; finish
fi
log "installed $(basename "$EXTDIR") from the .vsix: $(secs "$t")s"
for f in package.json dist/client.js dist/server.js; do
  [ -s "$EXTDIR/$f" ] || log "WARNING: the .vsix has no $f"
done

if [ "${EDGELINT_E2E_BREAK:-}" = server ]; then
  log "NEGATIVE CONTROL: replacing the installed dist/server.js and the Neovim CLI with a script that exits 1"
  printf 'console.error("edgelint e2e: server broken on purpose");\nprocess.exit(1);\n' > "$RUN/broken-server.js"
  cp "$RUN/broken-server.js" "$EXTDIR/dist/server.js"
  CLI=$RUN/broken-server.js
fi

# Per-suite copies of the fixture workspace (tests mutate only these).
for s in A B C; do cp -r "$FIXTURE" "$RUN/ws-$s"; done

# --- 3. start code-server (own process group) --------------------------------------------------------
CS_PID=
group_alive() { [ -n "$CS_PID" ] && [ -n "$(ps -eo pgid= | awk -v g="$CS_PID" '$1==g')" ]; }
stop_cs() {
  [ -n "$CS_PID" ] || return 0
  kill -TERM -- "-$CS_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do group_alive || { CS_PID=; return 0; }; sleep 0.2; done
  kill -KILL -- "-$CS_PID" 2>/dev/null || true
  CS_PID=
}
trap 'stop_cs' EXIT
trap 'log "interrupted"; stop_cs; exit 130' INT TERM
needs_cs=0; for s in $SUITES; do case $s in A|B) needs_cs=1 ;; esac; done
if [ "$needs_cs" = 1 ]; then
  t=$(now)
  setsid "$CS" "${CSARGS[@]}" --auth none --disable-telemetry --disable-update-check --disable-workspace-trust \
    > "$RUN/logs/code-server.log" 2>&1 < /dev/null 9>&- &
  CS_PID=$!   # setsid: the pid is also the process-group id of the whole code-server tree
  up=0
  for _ in $(seq 1 600); do
    curl -sf -m 2 -o /dev/null "$BASE/healthz" && { up=1; break; }
    kill -0 "$CS_PID" 2>/dev/null || break
    sleep 0.1
  done
  if [ "$up" != 1 ]; then
    log "code-server did not come up on $BASE; tail of logs/code-server.log:"; tail -20 "$RUN/logs/code-server.log" | sed 's/^/    /'
    tally "code-server start" 0 1 "$(secs "$t")"; stop_cs; finish
  fi
  log "code-server $("$CS" --config "$RUN/config.yaml" --version 2>/dev/null | cut -d' ' -f1,5-) listening on $BASE: $(secs "$t")s"
fi

# --- (A) extension-host mocha suite ------------------------------------------------------------------
if [[ " $SUITES " == *" A "* ]]; then
  t=$(now); log "(A) extension-host mocha suite ..."
  timeout 540 node "$HERE/drive/run-ext-tests.js" "$BASE" "$RUN/ws-A" "$EXTDIR" "$HERE/suite/index.js" 480000 \
    2>&1 | tee "$RUN/logs/suite-A.log"
  rc=${PIPESTATUS[0]}
  read -r ap af adone < <(node -e "try{const r=require(process.argv[1]);console.log(r.passed,r.failed,r.done?1:0)}catch{console.log(0,0,0)}" "$EDGELINT_E2E_RESULT")
  node -e "try{const r=require(process.argv[1]);for(const x of r.results)console.log('  '+(x.state==='passed'?'ok    ':'FAILED')+' '+x.title+(x.error?'\n          '+x.error.split('\n').slice(0,3).join('\n          '):''))}catch{}" "$EDGELINT_E2E_RESULT"
  note="exit $rc"
  if [ "$adone" != 1 ]; then af=$((af + 1)); note="exit $rc: suite did not complete (see logs/suite-A.log)"
  elif [ "$rc" -ne 0 ] && [ "$af" -eq 0 ]; then af=1; fi
  if ! diff -r -q "$FIXTURE" "$RUN/ws-A" > "$RUN/logs/ws-A.diff" 2>&1; then
    log "(A) the workspace copy was not restored:"; sed 's/^/    /' "$RUN/logs/ws-A.diff"; af=$((af + 1))
  fi
  tally "(A) VS Code extension host (mocha)" "$ap" "$af" "$(secs "$t")" "$note"
  log "(A) done: $ap passed, $af failed, $(secs "$t")s"
fi

# --- (B) Problems panel DOM + screenshot -------------------------------------------------------------
if [[ " $SUITES " == *" B "* ]]; then
  t=$(now); log "(B) Problems panel UI check ..."
  timeout 240 node "$HERE/drive/ui-problems.js" "$BASE" "$RUN/ws-B" "$SHOTS/problems.png" index.ts \
    kv-cachettl-below-minimum,cc-syntax 2>&1 | tee "$RUN/logs/suite-B.log"
  rc=${PIPESTATUS[0]}
  bp=$(count_ok "$RUN/logs/suite-B.log"); bf=$(count_notok "$RUN/logs/suite-B.log")
  if [ "$rc" -ne 0 ] && [ "$bf" -eq 0 ]; then bf=1; fi
  tally "(B) Problems panel + screenshot" "$bp" "$bf" "$(secs "$t")" "exit $rc, ${SHOTS#"$ROOT"/}/problems.png"
  log "(B) done: $bp passed, $bf failed, $(secs "$t")s"
fi

# code-server is not needed any more.
if [ -n "$CS_PID" ]; then
  t=$(now); pg=$CS_PID; stop_cs
  log "code-server stopped ($(ps -eo pgid= | awk -v g="$pg" '$1==g' | wc -l) processes left in its group): $(secs "$t")s"
fi

# --- (C) Neovim headless LSP client ------------------------------------------------------------------
if [[ " $SUITES " == *" C "* ]]; then
  t=$(now); log "(C) Neovim $(nvim --version | head -1 | cut -d' ' -f2) headless against node ${CLI#"$ROOT"/} --lsp ..."
  EDGELINT_E2E_CLI=$CLI EDGELINT_E2E_WS=$RUN/ws-C \
    timeout 90 nvim --headless -u NONE -i NONE -n -c "luafile $HERE/nvim/check.lua" < /dev/null 2>&1 \
    | tee "$RUN/logs/suite-C.log"
  rc=${PIPESTATUS[0]}
  echo   # nvim's own messages (e.g. "Client 1 quit with exit code 1") end without a newline
  cp_=$(count_ok "$RUN/logs/suite-C.log"); cf=$(count_notok "$RUN/logs/suite-C.log")
  if [ "$rc" -ne 0 ] && [ "$cf" -eq 0 ]; then cf=1; fi
  if ! diff -r -q "$FIXTURE" "$RUN/ws-C" > /dev/null; then log "(C) workspace copy was modified"; cf=$((cf + 1)); fi
  tally "(C) Neovim headless LSP client" "$cp_" "$cf" "$(secs "$t")" "exit $rc"
  log "(C) done: $cp_ passed, $cf failed, $(secs "$t")s"
fi

finish
