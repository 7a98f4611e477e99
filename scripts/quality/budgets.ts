/**
 * Page weight budgets, checked against the built site: for every page, the gzipped bytes of the
 * JavaScript it can run (external files and everything they import, also dynamically: the
 * widgets' code that loads near the viewport and the search UI count; islands; inline code), the
 * widget share of it, its CSS and HTML, and the requests that hold its first paint. Prints a
 * table; exits 1 naming each page over a budget, or when the build left no chunk map (without it
 * widget code cannot be told from the rest, and the widget budget could not fail).
 *
 * Which of that JavaScript runs before the reader's first interaction is not in the files: an
 * `import()` run when the browser is idle and one run when the reader clicks look the same. The
 * Lighthouse gate (lighthouse.ts) loads each page without touching it and splits the bytes with
 * splitJs() below; the budget for it is here with the others.
 *
 * Usage: node scripts/quality/budgets.ts [dist]   (BASE_PATH as the site was built with)
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readChunkMap, type ChunkMap } from '../../src/quality/chunk-map.ts';
import { cssImports, fileFor, pages, readPage, siteFromEnv, scriptImports, type Site } from './dist.ts';

/** Gzipped bytes per page. */
export const BUDGETS = {
	/**
	 * All the JavaScript a page can run, at load and later: Pagefind's search UI (26 KB, fetched
	 * only on the reader's first move toward search), the widgets' code near them (≤ 20 KB) and
	 * Starlight's own. The 15 KB run at load is what readers wait for (jsAtLoad).
	 */
	js: 55 * 1024,
	/** JavaScript run before the reader's first interaction (fetched by a page left alone: lighthouse.ts). */
	jsAtLoad: 15 * 1024,
	/** Widget code (src/widgets, src/tcp: the build's chunk map says which chunks hold it). */
	widgets: 20 * 1024,
	css: 25 * 1024,
	/** Largest page 34.5 KB once diagrams lost Mermaid's unused definitions (src/diagrams/prune.ts; 57.9 KB before). */
	html: 45 * 1024,
} as const;

/**
 * Counts per page. Render-blocking requests are read from the HTML here; requests and elements
 * from Lighthouse's load of the page (lighthouse.ts), which runs its scripts. Measured at the
 * time of writing: at most 3 render-blocking stylesheets, 21 requests (/en/handshake/) and 3,386
 * elements (/en/real-capture/, its annotated capture). The limits leave room for new lessons like
 * these, not for a page that doubles.
 */
export const LIMITS = {
	renderBlocking: 4,
	requests: 30,
	domElements: 5000,
} as const;

export interface PageWeight {
	page: string;
	js: number;
	widgets: number;
	css: number;
	html: number;
	/** Gzipped size of each script file the page can load, by URL path. */
	scripts: Map<string, number>;
	/** Gzipped size of the page's inline scripts (they run at load). */
	inlineJs: number;
	/** Stylesheets and classic scripts the first paint waits for. */
	renderBlocking: string[];
	/** Files the page loads that are missing from the build. */
	missing: string[];
}

const gz = (data: string | Buffer) => gzipSync(data).length;

export function weighPage(site: Site, page: string, isWidgetChunk: (path: string) => boolean): PageWeight {
	const htmlFile = fileFor(site, page)!;
	const html = readFileSync(htmlFile);
	const refs = readPage(html.toString('utf8'));
	const missing: string[] = [];
	const abs = (ref: string) => new URL(ref, `http://site.invalid${page}`).pathname;

	const sizes = new Map<string, number>();
	const closure = (roots: string[], follow: (from: string, code: string) => string[]) => {
		const seen = new Set<string>();
		const queue = roots.map(abs);
		while (queue.length) {
			const path = queue.shift()!;
			if (seen.has(path)) continue;
			seen.add(path);
			const file = fileFor(site, path);
			if (!file) {
				missing.push(path);
				continue;
			}
			const code = readFileSync(file);
			sizes.set(path, gz(code));
			queue.push(...follow(path, code.toString('utf8')));
		}
		return seen;
	};
	const scripts = closure([...refs.scripts, ...refs.islands], scriptImports);
	const styles = closure(refs.stylesheets, cssImports);
	const sum = (paths: Iterable<string>) => [...paths].reduce((total, path) => total + (sizes.get(path) ?? 0), 0);
	const inlineJs = refs.inlineScripts.join('\n');
	const inlineCss = refs.inlineStyles.join('\n');
	const islandPaths = new Set(refs.islands.map(abs));
	return {
		page,
		js: sum(scripts) + (inlineJs ? gz(inlineJs) : 0),
		widgets: sum([...scripts].filter((path) => islandPaths.has(path) || isWidgetChunk(path))),
		css: sum(styles) + (inlineCss ? gz(inlineCss) : 0),
		html: gz(html),
		scripts: new Map([...scripts].filter((path) => sizes.has(path)).map((path) => [path, sizes.get(path)!])),
		inlineJs: inlineJs ? gz(inlineJs) : 0,
		renderBlocking: refs.renderBlocking.map(abs),
		missing,
	};
}

/**
 * Splits a page's JavaScript into what ran before the reader's first interaction (its inline
 * scripts and every script file `fetched` while it loaded untouched) and what waits for the reader
 * (the rest of what it can load). A fetched file the page's imports do not name (Pagefind's
 * `pagefind.js`, whose URL is computed) is weighed from the build.
 */
export function splitJs(site: Site, weight: PageWeight, fetched: string[]): { atLoad: number; later: number } {
	const loaded = new Set(fetched);
	let atLoad = weight.inlineJs;
	for (const path of loaded) {
		const file = weight.scripts.has(path) ? undefined : fileFor(site, path);
		atLoad += weight.scripts.get(path) ?? (file ? gz(readFileSync(file)) : 0);
	}
	const later = [...weight.scripts].filter(([path]) => !loaded.has(path)).reduce((total, [, size]) => total + size, 0);
	return { atLoad, later };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function overBudget(weight: PageWeight, budgets = BUDGETS, limits = LIMITS): string[] {
	const over: string[] = [];
	for (const key of ['js', 'widgets', 'css', 'html'] as const) {
		if (weight[key] > budgets[key]) over.push(`${key} ${kb(weight[key])} > ${kb(budgets[key])}`);
	}
	if (weight.renderBlocking.length > limits.renderBlocking) {
		over.push(`render-blocking ${weight.renderBlocking.length} > ${limits.renderBlocking} (${weight.renderBlocking.join(', ')})`);
	}
	if (weight.missing.length) over.push(`missing ${weight.missing.join(', ')}`);
	return over;
}

export function table(weights: PageWeight[]): string {
	const rows = [
		['page', 'JS', 'widgets', 'CSS', 'HTML', 'blocking'],
		...weights.map((w) => [w.page, kb(w.js), kb(w.widgets), kb(w.css), kb(w.html), String(w.renderBlocking.length)]),
	];
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
	return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** Whether a script (URL path under the site's base) is widget code, by the build's chunk map; never without a map. */
export const widgetChunkTest = (site: Site, chunks: ChunkMap | undefined) => (path: string) => chunks?.[path.slice(site.base.length)]?.widget === true;

/** Every page weighed, and what is wrong: pages over a budget, or no chunk map to weigh widgets by. */
export function checkBudgets(site: Site, chunks: ChunkMap | undefined): { weights: PageWeight[]; failures: string[] } {
	const isWidgetChunk = widgetChunkTest(site, chunks);
	const weights = pages(site).map((page) => weighPage(site, page, isWidgetChunk));
	const failures = weights.flatMap((w) => overBudget(w).map((why) => `${w.page}: ${why}`));
	if (!chunks) {
		failures.unshift(
			`no chunk map for ${site.dir} (the build writes it to node_modules/.cache/synack-quality/): widget code cannot be told from the rest; run the build again`,
		);
	}
	return { weights, failures };
}

if (import.meta.main) {
	const site = siteFromEnv();
	const { weights, failures } = checkBudgets(site, readChunkMap(site.dir));
	console.log(table(weights));
	const max = (key: 'js' | 'css' | 'html') => weights.reduce((a, b) => (b[key] > a[key] ? b : a));
	console.log(
		`\nlargest: JS ${kb(max('js').js)} (${max('js').page}), CSS ${kb(max('css').css)} (${max('css').page}), HTML ${kb(max('html').html)} (${max('html').page})`,
	);
	console.log(
		`budgets: JS ≤ ${kb(BUDGETS.js)} (widgets ≤ ${kb(BUDGETS.widgets)}), CSS ≤ ${kb(BUDGETS.css)}, HTML ≤ ${kb(BUDGETS.html)} (gzipped), render-blocking requests ≤ ${LIMITS.renderBlocking}`,
	);
	if (failures.length) {
		console.error(`\n✗ ${failures.length} budget failure(s):\n  ${failures.join('\n  ')}`);
		process.exit(1);
	}
	console.log(`✓ ${weights.length} pages within budget`);
}
