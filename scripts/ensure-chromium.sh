#!/usr/bin/env bash
# Diagrams are rendered and pages are tested in Chromium. Playwright cannot download its own browser
# on machines without internet access, so use Debian's, installing it (and a CJK font, so Chinese
# labels are measured and drawn right) when it is missing; the end-to-end specs run in its headless
# shell, as Playwright's own browsers would (src/diagrams/chromium.ts).
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then exit 0; fi
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromium-headless-shell >/dev/null 2>&1 || need+=(chromium-headless-shell)
# Read the list first: under pipefail, grep -q closing the pipe early made fc-list die of SIGPIPE
# now and then, and a machine with the font installed looked as if it lacked it.
fonts=$(fc-list 2>/dev/null || true)
grep -qi 'CJK' <<<"$fonts" || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "synack: please install ${need[*]} (or set CHROMIUM_PATH to a Chromium binary)." >&2
	exit 0
fi
echo "synack: installing ${need[*]} with apt-get…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
