#!/usr/bin/env bash
# Installs code-server (a real VS Code, 1.100.3) for the extension-host and e2e tests and the demo, offline-friendly:
# only the npm registry and Debian apt are needed (no GitHub, no update.code.visualstudio.com).
#
#   bash scripts/install-code-server.sh [INSTALL_DIR]
#   (default: $CHATDESK_CODE_SERVER_DIR, else .vscode-test/code-server; gitignored)
#
# Idempotent: does nothing when INSTALL_DIR already holds code-server $CS_VERSION that starts.
# Result: INSTALL_DIR/node_modules/.bin/code-server. About 2-3 minutes on 2 shared cores, most of it compiling.
#
# Debian packages: only the missing ones are installed, as root, after saying which and why (apt's own plan,
# upgrades included, is printed first). Not root: it prints the apt-get command to run and stops.
# The list is kept in step with CODE_SERVER_APT_PACKAGES in scripts/lib/prerequisites.mjs (a unit test checks).
#
# Why it looks like this (facts measured in docs/vscode-host.md):
# - `npm i code-server` with scripts on fails offline (@vscode/ripgrep downloads from GitHub), so every
#   install runs with --ignore-scripts and we do the postinstall steps ourselves;
# - native modules are built locally by node-gyp against the running Node's headers (npm_config_nodedir, default
#   the prefix of `node`, e.g. /usr for /usr/bin/node), prebuilt downloads are skipped (build_from_source),
#   node-pty's postinstall needs `npx` without a prompt;
# - argon2 is hoisted to INSTALL_DIR/node_modules, so it is rebuilt from there.
set -euo pipefail

CS_VERSION="${CS_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${1:-${CHATDESK_CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}}"
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

# --- 1. Node headers (checked first: nothing is installed when they are missing) ---------------
export npm_config_nodedir="${npm_config_nodedir:-$(node -p 'require("path").resolve(process.execPath, "../..")')}"
hdr="$npm_config_nodedir/include/node/node_version.h"
if [ ! -f "$hdr" ]; then
  echo "no Node headers in $npm_config_nodedir/include/node: code-server's native modules are compiled against them." >&2
  echo "fix: use a Node that ships its headers (Debian's/NodeSource's nodejs, nvm), or set npm_config_nodedir to its prefix" >&2
  exit 1
fi
hv="$(awk '/#define NODE_(MAJOR|MINOR|PATCH)_VERSION/ { v = v (v ? "." : "") $3 } END { print v }' "$hdr")"
nv="$(node -p 'process.versions.node')"
if [ "$hv" != "$nv" ]; then
  echo "the Node headers in $npm_config_nodedir are $hv but node is $nv: native modules built against them would not load." >&2
  echo "fix: set npm_config_nodedir to the prefix of Node $nv" >&2
  exit 1
fi

# --- 2. system packages, only the missing ones ----------------------------------------------
declare -A WHY=(
  [build-essential]="a C/C++ compiler and make, to build code-server's native modules"
  [python3]="node-gyp, which builds those modules, runs on Python"
  [pkg-config]="finds the libraries below for the native builds"
  [libkrb5-dev]="headers for code-server's kerberos module"
  [libxkbfile-dev]="headers for VS Code's native keymap module"
  [libsecret-1-dev]="headers for VS Code's secret-storage module"
  [ripgrep]="VS Code's search (its npm package would download rg from GitHub; Debian's is used instead)"
)
need=""
for p in build-essential python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev ripgrep; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
if [ -n "$need" ]; then
  echo "code-server needs these Debian packages, which are not installed:"
  for p in $need; do echo "  $p: ${WHY[$p]}"; done
  if [ "$(id -u)" != 0 ]; then
    echo "Run this (as root), then this script again:" >&2
    echo "  sudo apt-get update && sudo apt-get install --no-install-recommends$need" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  stamp "as root: apt-get update (the package lists), then apt-get install --no-install-recommends$need"
  apt-get update -qq
  # apt's own plan: what it will install, and which installed packages it would upgrade on the way
  # shellcheck disable=SC2086
  plan="$(apt-get install -s --no-install-recommends $need 2>/dev/null | grep -E '^Inst ' || true)"
  upgrades="$(printf '%s\n' "$plan" | grep -E '^Inst [^ ]+ \[' | awk '{ print "  " $2 " " $3 " -> " $4 }' | tr -d '[]()' || true)"
  stamp "apt will install $(printf '%s\n' "$plan" | grep -c '^Inst ' || true) packages (the ones above and their dependencies)"
  if [ -n "$upgrades" ]; then echo "and upgrade these installed packages, which the new ones require:"; echo "$upgrades"; fi
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need
fi

# --- 3. environment for offline native builds ------------------------------------------
export npm_config_build_from_source=true
export npm_config_yes=true
export JOBS="${JOBS:-max}"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error

# --- 4. code-server itself, without lifecycle scripts -----------------------------------
stamp "npm install code-server@$CS_VERSION --ignore-scripts -> $DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"chatdesk-code-server","private":true}' > package.json
: > "$DIR/config.yaml"   # always pass --config: otherwise code-server writes ~/.config/code-server/config.yaml
npm install --no-save --ignore-scripts --omit=dev "code-server@$CS_VERSION"
CS="$DIR/node_modules/code-server"

# --- 5. what its postinstall.sh does, with --ignore-scripts ---------------------------
stamp "npm install (lib/vscode)"
(cd "$CS/lib/vscode" && npm install --ignore-scripts --omit=dev)
stamp "npm install (lib/vscode/extensions)"
(cd "$CS/lib/vscode/extensions" && npm install --ignore-scripts --omit=dev && node ./postinstall.mjs >/dev/null)

stamp "seed @vscode/ripgrep/bin/rg from Debian's ripgrep"
RG_PKG="$CS/lib/vscode/node_modules/@vscode/ripgrep"
mkdir -p "$RG_PKG/bin"
cp "$(command -v rg)" "$RG_PKG/bin/rg"

# --- 6. native modules ---------------------------------------------------------------
stamp "npm rebuild argon2"
(cd "$DIR" && npm rebuild argon2)
stamp "npm rebuild lib/vscode native modules"
(cd "$CS/lib/vscode" && npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty @vscode/ripgrep)

# --- 7. symlinks from postinstall.sh ------------------------------------------------------
(cd "$CS/lib/vscode" && rm -rf node_modules.asar && ln -s node_modules node_modules.asar)
(cd "$CS/lib/vscode/bin/remote-cli" && rm -f code-server && ln -s code-linux.sh code-server)
(cd "$CS/lib/vscode/bin/helpers" && rm -f browser.sh && ln -s browser-linux.sh browser.sh)

# --- 8. smoke test -----------------------------------------------------------------------
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
