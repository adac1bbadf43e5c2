#!/usr/bin/env bash
# Timestamped backup of the configured database (DATABASE_URL, or var/shenguan.db), keeping
# the newest $SHENGUAN_BACKUP_KEEP (default 14) files. Cron example (02:30 daily):
#   30 2 * * * cd /srv/shenguan && scripts/backup.sh /srv/backups/shenguan
set -euo pipefail
dir="${1:-var/backups}"
keep="${SHENGUAN_BACKUP_KEEP:-14}"
here="$(cd "$(dirname "$0")/.." && pwd)"
shenguan="${SHENGUAN_BIN:-$here/.venv/bin/shenguan}"
mkdir -p "$dir"
file="$dir/shenguan-$(date -u +%Y%m%dT%H%M%SZ).backup"
"$shenguan" backup "$file"
# Retention: newest first, delete the rest.
ls -1t "$dir"/shenguan-*.backup 2>/dev/null | tail -n +"$((keep + 1))" | xargs -r rm --
