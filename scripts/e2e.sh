#!/usr/bin/env bash
# Browser journeys: Debian's Chromium (playwright-core, never a downloaded browser) against the real
# server and the h5 build. Screenshots of each journey's last screen go to tests/e2e/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

# (a) Chromium and CJK fonts from apt when missing.
if ! command -v /usr/bin/chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium fonts-noto-cjk
fi

# (b) The h5 app the server serves at /.
if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then
  npm run build:h5
fi

# (c) A fresh database (migrations, demo seed, then scripts/e2e-fixtures.sql) and the server on a free port.
PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
DATA_DIR=".tmp/e2e-$(date +%s)-$RANDOM"
mkdir -p .tmp
npx tsx scripts/e2e-fixtures.ts "$DATA_DIR"
LOG="$DATA_DIR.log"
# setsid: the server (tsx and its node child) gets its own process group, stopped as one.
PORT="$PORT" PGLITE_DIR="$DATA_DIR" DEV_LOGIN=1 JWT_SECRET="$(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")" \
  setsid node_modules/.bin/tsx api/_lib/server/main.ts >"$LOG" 2>&1 &
SERVER_PID=$!
stop() {
  kill -- -"$SERVER_PID" 2>/dev/null || kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA_DIR" "$LOG"
}
trap stop EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$LOG"; echo "the server did not start" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null || { cat "$LOG"; echo "no /api/health after 60 s" >&2; exit 1; }

# (d) The journeys; (e) the trap stops the server.
E2E_BASE_URL="http://127.0.0.1:$PORT" npx jest -c jest.e2e.config.js
echo "screenshots: tests/e2e/screenshots/"
