#!/usr/bin/env bash
# Installs code-server (a real VS Code, 1.100.3) for the extension-host and e2e tests, offline-friendly:
# only the npm registry and Debian apt are needed (no GitHub, no update.code.visualstudio.com).
#
#   bash scripts/install-code-server.sh [INSTALL_DIR]     (default: .vscode-test/code-server, gitignored)
#
# Idempotent: does nothing when INSTALL_DIR already holds code-server $CS_VERSION that starts.
# Result: INSTALL_DIR/node_modules/.bin/code-server
#
# Why it looks like this (facts measured in ../shared/vscode-host/README.md):
# - `npm i code-server` with scripts on fails offline (@vscode/ripgrep downloads from GitHub), so every
#   install runs with --ignore-scripts and we do the postinstall steps ourselves;
# - native modules are built locally by node-gyp against /usr/include/node (npm_config_nodedir=/usr),
#   prebuilt downloads are skipped (build_from_source), node-pty's postinstall needs `npx` without a prompt;
# - argon2 is hoisted to INSTALL_DIR/node_modules, so it is rebuilt from there.
set -euo pipefail

CS_VERSION="${CS_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${1:-$ROOT/.vscode-test/code-server}"
mkdir -p "$DIR"; DIR="$(cd "$DIR" && pwd)"
BIN="$DIR/node_modules/.bin/code-server"
T0=$(date +%s)
stamp() { echo "[install-code-server $(( $(date +%s) - T0 ))s] $*"; }

# --- 0. already there? -----------------------------------------------------------
if [ -x "$BIN" ] && [ -f "$DIR/.installed" ]; then
  have="$("$BIN" --config "$DIR/config.yaml" --version 2>/dev/null | head -1 | cut -d' ' -f1 || true)"
  if [ "$have" = "$CS_VERSION" ]; then
    stamp "code-server $have already installed in $DIR"
    exit 0
  fi
  stamp "found code-server '${have:-?}' in $DIR, want $CS_VERSION: reinstalling"
fi
rm -f "$DIR/.installed"

# --- 1. system packages, only the missing ones -----------------------------------------
need=""
for p in build-essential python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev ripgrep; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
if [ -n "$need" ]; then
  stamp "apt-get install$need"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need
fi

# --- 2. environment for offline native builds ------------------------------------------
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
[ -f "$npm_config_nodedir/include/node/node.h" ] || { echo "no Node headers in $npm_config_nodedir/include/node" >&2; exit 1; }
export npm_config_build_from_source=true
export npm_config_yes=true
export JOBS="${JOBS:-max}"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error

# --- 3. code-server itself, without lifecycle scripts -----------------------------------
stamp "npm install code-server@$CS_VERSION --ignore-scripts -> $DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"chatdesk-code-server","private":true}' > package.json
: > "$DIR/config.yaml"   # always pass --config: otherwise code-server writes ~/.config/code-server/config.yaml
npm install --no-save --ignore-scripts --omit=dev "code-server@$CS_VERSION"
CS="$DIR/node_modules/code-server"

# --- 4. what its postinstall.sh does, with --ignore-scripts ---------------------------
stamp "npm install (lib/vscode)"
(cd "$CS/lib/vscode" && npm install --ignore-scripts --omit=dev)
stamp "npm install (lib/vscode/extensions)"
(cd "$CS/lib/vscode/extensions" && npm install --ignore-scripts --omit=dev && node ./postinstall.mjs >/dev/null)

stamp "seed @vscode/ripgrep/bin/rg from Debian's ripgrep"
RG_PKG="$CS/lib/vscode/node_modules/@vscode/ripgrep"
mkdir -p "$RG_PKG/bin"
cp "$(command -v rg)" "$RG_PKG/bin/rg"

# --- 5. native modules ---------------------------------------------------------------
stamp "npm rebuild argon2"
(cd "$DIR" && npm rebuild argon2)
stamp "npm rebuild lib/vscode native modules"
(cd "$CS/lib/vscode" && npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty @vscode/ripgrep)

# --- 6. symlinks from postinstall.sh ------------------------------------------------------
(cd "$CS/lib/vscode" && rm -rf node_modules.asar && ln -s node_modules node_modules.asar)
(cd "$CS/lib/vscode/bin/remote-cli" && rm -f code-server && ln -s code-linux.sh code-server)
(cd "$CS/lib/vscode/bin/helpers" && rm -f browser.sh && ln -s browser-linux.sh browser.sh)

# --- 7. smoke test -----------------------------------------------------------------------
stamp "smoke test"
"$BIN" --config "$DIR/config.yaml" --version
CS="$CS" node -e "
const cs = process.env.CS;
for (const m of ['@parcel/watcher','@vscode/spdlog','kerberos','native-watchdog','node-pty','@vscode/deviceid'])
  require(require.resolve(m, { paths: [cs + '/lib/vscode'] }));
require(require.resolve('argon2', { paths: [cs] }));
console.log('native modules load OK');"
rg_version=$("$RG_PKG/bin/rg" --version)   # not piped into head: with pipefail, rg would die of SIGPIPE
echo "${rg_version%%$'\n'*}"
echo "$CS_VERSION" > "$DIR/.installed"
stamp "done: code-server $CS_VERSION in $DIR ($(du -sh "$DIR" | cut -f1))"
