#!/usr/bin/env bash
# Checks that docker-compose.yml parses, with whichever Compose client is installed; neither
# needs a running Docker engine for this.
set -euo pipefail
cd "$(dirname "$0")/.."
if docker compose version >/dev/null 2>&1; then
  docker compose -f docker-compose.yml config -q
elif command -v docker-compose >/dev/null 2>&1; then
  docker-compose -f docker-compose.yml config -q
else
  echo "No Docker Compose client: install one (Debian: apt-get install docker-compose) to check docker-compose.yml." >&2
  exit 1
fi
echo "docker-compose.yml parses"
