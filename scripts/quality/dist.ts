/**
 * Reading a built site (dist/) the way a browser would: its pages, and for each page the scripts,
 * stylesheets and links it references. Shared by the budget, link and Lighthouse checks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface Site {
	/** Directory holding the built site, e.g. `dist`. */
	dir: string;
	/** The base path the site was built for, with leading and trailing slash: `/` or `/synack/`. */
	base: string;
}

export function siteFromEnv(argv = process.argv.slice(2)): Site {
	const dir = argv.find((arg) => !arg.startsWith('-') && !/^\d+$/.test(arg)) ?? process.env.OUT_DIR ?? 'dist';
	const raw = process.env.BASE_PATH ?? '/';
	const base = `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
	return { dir, base };
}

/** Every HTML page of the site as its URL path (`/synack/en/handshake/`, `/synack/404.html`), sorted. */
export function pages(site: Site): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				if (name !== '_astro' && name !== 'pagefind') walk(path);
			} else if (name.endsWith('.html')) {
				const rel = relative(site.dir, path).split(sep).join('/');
				found.push(site.base + rel.replace(/(^|\/)index\.html$/, '$1'));
			}
		}
	};
	walk(site.dir);
	return found.sort();
}

/**
 * The file in dist/ that serves a URL path of the site (percent-encoded, as a URL's pathname is),
 * or undefined when none does. Never a file outside dist/: a `..` or `.` segment, also one spelled
 * `%2e%2e` or hidden behind an encoded slash (`..%2f`), finds nothing. Throws URIError on a
 * malformed escape.
 */
export function fileFor(site: Site, urlPath: string): string | undefined {
	if (!urlPath.startsWith(site.base)) return undefined;
	let rel = decodeURIComponent(urlPath.slice(site.base.length));
	if (rel === '' || rel.endsWith('/')) rel += 'index.html';
	const segments = rel.split('/');
	if (segments.some((segment) => segment === '..' || segment === '.' || /[\\\0]/.test(segment))) return undefined;
	const file = join(site.dir, ...segments);
	if (existsSync(file) && statSync(file).isFile()) return file;
	return undefined;
}

export interface PageRefs {
	/** URL paths of external scripts (classic and module) and module preloads. */
	scripts: string[];
	/** Text of inline scripts (JSON data blocks excluded). */
	inlineScripts: string[];
	/** URL paths of stylesheets. */
	stylesheets: string[];
	/** Text of inline <style> elements. */
	inlineStyles: string[];
	/**
	 * URL paths the first paint waits for: stylesheets for the screen (not `media="print"`) and
	 * classic scripts without `async` or `defer` (module scripts are deferred).
	 */
	renderBlocking: string[];
	/** Astro islands: their component and renderer module URLs. */
	islands: string[];
	/** Every href/src the page holds, as written. */
	links: { attr: string; tag: string; value: string }[];
	/** Every id on the page (fragment targets). */
	ids: Set<string>;
	tree: Root;
}

const str = (value: unknown): string | undefined =>
	typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : undefined;

export function readPage(html: string): PageRefs {
	const tree = fromHtml(html);
	const refs: PageRefs = {
		scripts: [],
		inlineScripts: [],
		stylesheets: [],
		inlineStyles: [],
		renderBlocking: [],
		islands: [],
		links: [],
		ids: new Set(),
		tree,
	};
	visit(tree, 'element', (node: Element) => {
		const p = node.properties;
		const id = str(p.id);
		if (id) refs.ids.add(id);
		const name = str(p.name);
		if (node.tagName === 'a' && name) refs.ids.add(name);
		for (const attr of ['href', 'src'] as const) {
			const value = str(p[attr]);
			if (value !== undefined) refs.links.push({ attr, tag: node.tagName, value });
		}
		const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
		if (node.tagName === 'script') {
			const src = str(p.src);
			const type = str(p.type) ?? '';
			if (src) refs.scripts.push(src);
			else if (!/json|template/.test(type)) refs.inlineScripts.push(text);
			if (src && type !== 'module' && p.async === undefined && p.defer === undefined) refs.renderBlocking.push(src);
		} else if (node.tagName === 'link') {
			const rel = str(p.rel) ?? '';
			const href = str(p.href);
			if (href && /\bstylesheet\b/.test(rel)) refs.stylesheets.push(href);
			if (href && /\bstylesheet\b/.test(rel) && str(p.media)?.trim() !== 'print' && p.disabled === undefined) refs.renderBlocking.push(href);
			if (href && /\bmodulepreload\b/.test(rel)) refs.scripts.push(href);
		} else if (node.tagName === 'style') {
			refs.inlineStyles.push(text);
		} else if (node.tagName === 'astro-island') {
			for (const attr of ['component-url', 'renderer-url'] as const) {
				const url = str(p[attr]);
				if (url) refs.islands.push(url);
			}
		}
	});
	return refs;
}

/** Resolves a reference found on `fromPath` to an absolute URL path, or undefined if external. */
export function resolveRef(fromPath: string, ref: string): { path: string; hash: string } | undefined {
	if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return undefined;
	const url = new URL(ref, `http://site.invalid${fromPath}`);
	return { path: url.pathname, hash: decodeURIComponent(url.hash.slice(1)) };
}

/**
 * The modules a built JS module can load, resolved to URL paths: static imports (`import"./x.js"`,
 * `from"./x.js"`) and dynamic ones with a literal specifier (`import("./x.js")`), which is how
 * widgets load near the viewport and Starlight loads its search UI once the page is idle.
 */
export function scriptImports(fromPath: string, code: string): string[] {
	const found = new Set<string>();
	for (const match of code.matchAll(/(?:\bimport\s*\(?\s*|\bfrom\s*)(["'`])([^"'`$]+\.m?js)\1/g)) {
		const resolved = resolveRef(fromPath, match[2]!);
		if (resolved) found.add(resolved.path);
	}
	return [...found];
}

/** CSS @import targets, resolved to URL paths. */
export function cssImports(fromPath: string, code: string): string[] {
	const found = new Set<string>();
	for (const match of code.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) {
		const resolved = resolveRef(fromPath, match[1]!);
		if (resolved) found.add(resolved.path);
	}
	return [...found];
}
