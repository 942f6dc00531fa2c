#!/usr/bin/env bash
# A PostgreSQL 15 cluster of its own for the fault tests (npm run test:faults), which restart it in
# the middle of a check-in burst: port 5499, so restarts never disturb the main cluster or other tests.
set -euo pipefail
exec bash "$(dirname "$0")/postgres-up.sh" faults "${FAULTS_PG_PORT:-5499}"
