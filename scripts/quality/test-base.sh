#!/usr/bin/env bash
# The site built for a sub-path (base '/synack/', as on GitHub Pages project sites) into dist-base/,
# leaving dist/ alone, then the same checks: budgets, links (assets, fragments, both locales) and
# the end-to-end specs a base path can break against it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export BASE_PATH=/synack/ OUT_DIR=./dist-base PORT="${BASE_PORT:-4329}"
astro build
node scripts/quality/budgets.ts > /dev/null
node scripts/quality/links.ts
# The specs a base path can break: links, assets, search, language picker (site), every page under
# the CSP with no failed request or console error, every lesson rendered (every-page). Set BASE_E2E_ARGS= (empty) for the whole suite.
playwright test ${BASE_E2E_ARGS-e2e/site.spec.ts e2e/every-page.spec.ts}
