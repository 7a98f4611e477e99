/**
 * The site's Content-Security-Policy, for Astro's built-in CSP support (`security.csp`).
 *
 * Astro hashes the scripts it bundles or inlines itself, but not `<script is:inline>` elements, and
 * Starlight ships several (the theme provider that prevents a flash of the wrong theme, the sidebar
 * state restorer, the search shortcut label). Their text reaches the page verbatim, so their hashes
 * are computed here, from the components' source, every time the config loads: they follow Starlight
 * upgrades and our own components. An `is:inline` script with `{expressions}` or `define:vars`
 * cannot be hashed this way; don't write one (the CSP end-to-end test fails on it).
 *
 * Styles: Mermaid's SVGs carry their own `<style>` element and Expressive Code and Starlight use
 * `style` attributes, so styles allow 'unsafe-inline' (in the -elem and -attr directives, where
 * Astro then leaves out style hashes, which would otherwise make browsers ignore it). Scripts never
 * do: only same-origin files and the hashed inline scripts run. 'wasm-unsafe-eval' lets Pagefind's
 * search index (WebAssembly) load.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INLINE_SCRIPT = /<script\b(?=[^>]*\bis:inline\b)(?![^>]*\bdefine:vars\b)[^>]*>([\s\S]*?)<\/script>/g;

export const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

function astroFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'node_modules' || name.startsWith('.')) return [];
		if (statSync(path).isDirectory()) return astroFiles(path);
		return name.endsWith('.astro') ? [path] : [];
	});
}

/** Hashes of every `<script is:inline>` in the `.astro` files under the given directories. */
export function inlineScriptHashes(dirs: string[]): string[] {
	const hashes = new Set<string>();
	for (const file of dirs.flatMap(astroFiles)) {
		for (const match of readFileSync(file, 'utf8').matchAll(INLINE_SCRIPT)) {
			if (match[1]!.trim()) hashes.add(sha256(match[1]!));
		}
	}
	return [...hashes].sort();
}

/** Starlight's compiled components (its package exports no package.json to resolve). */
const starlightDir = (root: string) => {
	const installed = join(root, 'node_modules', '@astrojs', 'starlight');
	return existsSync(installed) ? installed : dirname(dirname(fileURLToPath(import.meta.resolve('@astrojs/starlight'))));
};

/** Directives that a `<meta>` policy can carry (frame-ancestors and reporting need a header). */
export const DIRECTIVES = [
	"default-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
] as const;

/** Added to the policy when it is sent as an HTTP header (public/_headers). */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The value of `security.csp` in astro.config.mjs. `root` is the project directory. */
export function cspConfig(root: string) {
	return {
		algorithm: 'SHA-256' as const,
		directives: [...DIRECTIVES],
		scriptDirective: {
			resources: ["'self'", "'wasm-unsafe-eval'"],
			hashes: inlineScriptHashes([join(starlightDir(root), 'dist'), join(root, 'src')]) as `sha256-${string}`[],
		},
		styleDirective: {
			resources: [
				{ resource: "'self'", kind: 'element' as const },
				{ resource: "'unsafe-inline'", kind: 'element' as const },
				{ resource: "'unsafe-inline'", kind: 'attribute' as const },
			],
		},
	};
}
