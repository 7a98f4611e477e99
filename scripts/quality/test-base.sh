#!/usr/bin/env bash
# The site built for a sub-path (base '/synack/', as on GitHub Pages project sites) into dist-base/,
# leaving dist/ alone, then the same checks: budgets, links (assets, fragments, both locales) and
# the end-to-end suite (search, language picker, CSP, no-JS, axe) against it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export BASE_PATH=/synack/ OUT_DIR=./dist-base PORT="${BASE_PORT:-4329}"
astro build
node scripts/quality/budgets.ts > /dev/null
node scripts/quality/links.ts
playwright test ${BASE_E2E_ARGS:-}
