/**
 * Build-time pieces of synack's quality bar:
 * - an English 404 page (Starlight's own 404 is in the default locale), served at /en/404.html so
 *   static hosts that look for the nearest 404.html (Cloudflare Pages, Netlify rules) find it;
 * - dist/_headers from public/_headers: paths prefixed with the base path, and the union of the
 *   pages' Content-Security-Policy added as a header (a header can also carry frame-ancestors);
 * - a map of which client chunks hold widget code, for the JavaScript budget;
 * - the kernel lab's captures and sidecars (content/captures/lab/) at <base>captures/lab/, where
 *   lessons link to them; copied before the links are validated, and served by the dev server too.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { chunkMapPlugin } from './chunk-map';
import { HEADER_ONLY_DIRECTIVES } from './csp';

const htmlFiles = (dir: string): string[] =>
	readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(path);
		return name.endsWith('.html') ? [path] : [];
	});

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** One policy that allows what every page's own policy allows. */
export function unionPolicy(policies: string[], extra: string[] = []): string {
	const directives = new Map<string, Set<string>>();
	for (const policy of [...policies, extra.join(';')]) {
		for (const part of policy.split(';')) {
			const [name, ...sources] = part.trim().split(/\s+/);
			if (!name) continue;
			const set = directives.get(name) ?? new Set();
			for (const source of sources) set.add(source);
			directives.set(name, set);
		}
	}
	return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** public/_headers, with every path rule under `base` and the CSP added to the `/*` rule. */
export function headersFile(template: string, base: string, csp: string): string {
	const prefix = base.replace(/\/$/, '');
	const lines = template.split('\n').map((line) => (line.startsWith('/') ? prefix + line : line));
	const all = lines.findIndex((line) => line.trim() === `${prefix}/*`);
	const cspLine = `  Content-Security-Policy: ${csp}`;
	if (all === -1) lines.push(`${prefix}/*`, cspLine);
	else lines.splice(all + 1, 0, cspLine);
	return lines.join('\n').replace(/\n*$/, '\n');
}

/** Where the lab's files are in the repository and on the site (under the base path). */
export const LAB_CAPTURES = { source: 'content/captures/lab', path: 'captures/lab/' };
const LAB_FILE = /^[a-z0-9-]+\.(pcap|json)$/;
const CONTENT_TYPES: Record<string, string> = { pcap: 'application/vnd.tcpdump.pcap', json: 'application/json' };

/** Copies every capture and sidecar of `root`'s lab into the built site `out`; returns their names. */
export function copyLabCaptures(root: string, out: string): string[] {
	const source = join(root, LAB_CAPTURES.source);
	const names = existsSync(source) ? readdirSync(source).filter((name) => LAB_FILE.test(name)) : [];
	mkdirSync(join(out, LAB_CAPTURES.path), { recursive: true });
	for (const name of names) copyFileSync(join(source, name), join(out, LAB_CAPTURES.path, name));
	return names;
}

export default function quality(): AstroIntegration {
	let root = '.';
	let outDir = 'dist';
	let base = '/';
	let publicDir = 'public';
	let site: string | undefined;
	return {
		name: 'synack-quality',
		hooks: {
			'astro:config:setup': ({ config, updateConfig, injectRoute }) => {
				root = fileURLToPath(config.root);
				updateConfig({ vite: { plugins: [chunkMapPlugin(root, () => outDir)] } });
				injectRoute({ pattern: '/en/404', entrypoint: new URL('./NotFound.astro', import.meta.url), prerender: true });
			},
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
				publicDir = fileURLToPath(config.publicDir);
				site = config.site;
				base = `/${config.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const path = new URL(request.url ?? '/', 'http://dev.invalid').pathname;
					const name = path.startsWith(`${base}${LAB_CAPTURES.path}`) ? path.slice(`${base}${LAB_CAPTURES.path}`.length) : '';
					const file = join(root, LAB_CAPTURES.source, name);
					if (!LAB_FILE.test(name) || !existsSync(file)) return next();
					response.setHeader('Content-Type', CONTENT_TYPES[name.split('.').pop()!]!);
					response.end(readFileSync(file));
				});
			},
			// Before 'astro:build:done', where starlight-links-validator looks for the files lessons link to.
			'astro:build:generated': ({ dir }) => {
				copyLabCaptures(root, fileURLToPath(dir));
			},
			'astro:build:done': ({ dir }) => {
				const out = fileURLToPath(dir);
				// /en/404/ → /en/404.html, and out of the sitemap.
				const en404 = join(out, 'en', '404', 'index.html');
				if (existsSync(en404)) {
					renameSync(en404, join(out, 'en', '404.html'));
					rmSync(join(out, 'en', '404'), { recursive: true });
				}
				// Their canonical, hreflang and og:url links name /404/ and /en/404/, which do not exist.
				for (const file of [join(out, '404.html'), join(out, 'en', '404.html')].filter((f) => existsSync(f))) {
					const html = readFileSync(file, 'utf8').replace(/(["'][^"']*\/)404\/(["'])/g, '$1404.html$2');
					writeFileSync(file, html);
				}
				for (const name of readdirSync(out).filter((n) => /^sitemap.*\.xml$/.test(n))) {
					const file = join(out, name);
					const xml = readFileSync(file, 'utf8');
					writeFileSync(file, xml.replace(/<url><loc>[^<]*\/404\/<\/loc>.*?<\/url>/g, ''));
				}
				const robots = join(out, 'robots.txt');
				if (existsSync(robots) && site) {
					const sitemap = new URL(`${base}sitemap-index.xml`, site).href;
					writeFileSync(robots, `${readFileSync(robots, 'utf8').replace(/\n*$/, '\n')}Sitemap: ${sitemap}\n`);
				}
				const policies = htmlFiles(out).flatMap((file) => META_CSP.exec(readFileSync(file, 'utf8'))?.[1] ?? []);
				const template = join(publicDir, '_headers');
				if (existsSync(template) && policies.length) {
					const csp = unionPolicy(policies.map((p) => p.replace(/&#39;/g, "'")), HEADER_ONLY_DIRECTIVES);
					mkdirSync(out, { recursive: true });
					writeFileSync(join(out, '_headers'), headersFile(readFileSync(template, 'utf8'), base, csp));
				}
			},
		},
	};
}
