/**
 * Page weight budgets, checked against the built site: for every page, the gzipped bytes of the
 * JavaScript and CSS it loads (external files and everything they import, also dynamically: the
 * widgets' code that loads near the viewport and Starlight's search UI count; islands; inline
 * code) and of its HTML. Prints a table; exits 1 naming each page over a budget.
 *
 * Usage: node scripts/quality/budgets.ts [dist]   (BASE_PATH as the site was built with)
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cssImports, fileFor, pages, readPage, siteFromEnv, scriptImports, type Site } from './dist.ts';
import { readChunkMap } from '../../src/quality/chunk-map.ts';

export const BUDGETS = { js: 50 * 1024, widgets: 20 * 1024, css: 25 * 1024, html: 60 * 1024 } as const;

export interface PageWeight {
	page: string;
	js: number;
	widgets: number;
	css: number;
	html: number;
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
		missing,
	};
}

export function overBudget(weight: PageWeight, budgets = BUDGETS): string[] {
	const over: string[] = [];
	for (const key of ['js', 'widgets', 'css', 'html'] as const) {
		if (weight[key] > budgets[key]) over.push(`${key} ${kb(weight[key])} > ${kb(budgets[key])}`);
	}
	if (weight.missing.length) over.push(`missing ${weight.missing.join(', ')}`);
	return over;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function table(weights: PageWeight[]): string {
	const rows = [['page', 'JS', 'widgets', 'CSS', 'HTML'], ...weights.map((w) => [w.page, kb(w.js), kb(w.widgets), kb(w.css), kb(w.html)])];
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
	return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

if (import.meta.main) {
	const site = siteFromEnv();
	const chunks = readChunkMap(site.dir);
	const isWidgetChunk = (path: string) => chunks?.[path.slice(site.base.length)]?.widget === true;
	const weights = pages(site).map((page) => weighPage(site, page, isWidgetChunk));
	console.log(table(weights));
	const max = (key: 'js' | 'css' | 'html') => weights.reduce((a, b) => (b[key] > a[key] ? b : a));
	console.log(
		`\nlargest: JS ${kb(max('js').js)} (${max('js').page}), CSS ${kb(max('css').css)} (${max('css').page}), HTML ${kb(max('html').html)} (${max('html').page})`,
	);
	console.log(`budgets: JS ≤ ${kb(BUDGETS.js)} (widgets ≤ ${kb(BUDGETS.widgets)}), CSS ≤ ${kb(BUDGETS.css)}, HTML ≤ ${kb(BUDGETS.html)} (gzipped)`);
	if (!chunks) console.log('note: no chunk map from the build; widget JS counts islands only');
	const failures = weights.flatMap((w) => overBudget(w).map((why) => `${w.page}: ${why}`));
	if (failures.length) {
		console.error(`\n✗ ${failures.length} page budget(s) broken:\n  ${failures.join('\n  ')}`);
		process.exit(1);
	}
	console.log(`✓ ${weights.length} pages within budget`);
}
