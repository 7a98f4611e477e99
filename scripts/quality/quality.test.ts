import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OG_IMAGE } from '../../src/quality/head';
import { headersFile, unionPolicy } from '../../src/quality/integration';
import { inlineScriptHashes, sha256 } from '../../src/quality/csp';
import { BUDGETS, checkBudgets, LIMITS, overBudget, splitJs, weighPage } from './budgets';
import { cssImports, fileFor, pages, scriptImports, siteFromEnv } from './dist';
import { fixture, page } from './fixture';
import { onlyArg } from './lighthouse-session';
import { checkLinks } from './links';
import { arrow, html } from './og-image';
import { baseRun } from './test-base';

describe('links', () => {
	it('passes a site whose links, fragments and locale counterparts all exist', () => {
		const dir = fixture({
			'index.html': page('<a href="handshake/#syn">SYN</a><a href="#_top">top</a>'),
			'handshake/index.html': page('<h2 id="syn">SYN</h2><a href="../">home</a><img src="/_astro/a.png">'),
			'en/index.html': page('<h1 id="_top">synack</h1><a href="handshake/">handshake</a>', '<link rel="expect" href="#_top" blocking="render">'),
			'en/handshake/index.html': page('<a href="/en/">home</a>'),
			'_astro/a.png': 'png',
		});
		expect(checkLinks({ dir, base: '/' }).broken).toEqual([]);
	});

	it('names each broken link, missing fragment and missing counterpart', () => {
		const dir = fixture({
			'index.html': page('<a href="handshake/#nope">x</a><a href="/teardown/">y</a><a href="handshake">z</a>', '<link rel="expect" href="#_top" blocking="render">'),
			'handshake/index.html': page('<h2 id="syn">SYN</h2>'),
			'en/index.html': page(''),
		});
		const broken = checkLinks({ dir, base: '/' }).broken.map((b) => `${b.page} ${b.link} ${b.reason}`);
		expect(broken).toEqual([
			'/ #_top no element with id "_top" on /',
			'/ handshake/#nope no element with id "nope" on /handshake/',
			'/ /teardown/ no such file',
			'/ handshake no such file (add the trailing slash)',
			'/handshake/ /en/handshake/ the other locale has no such page',
		]);
	});

	it('checks a site built under a base path', () => {
		const dir = fixture({
			'index.html': page('<a href="/synack/en/">en</a><a href="/en/">wrong</a>'),
			'en/index.html': page('<a href="/synack/">zh</a>'),
		});
		const site = { dir, base: '/synack/' };
		expect(pages(site)).toEqual(['/synack/', '/synack/en/']);
		expect(checkLinks(site).broken.map((b) => b.link)).toEqual(['/en/']);
	});
});

describe('budgets', () => {
	it('weighs a page’s scripts, their static imports, styles and HTML, gzipped', () => {
		const dir = fixture({
			'index.html': page(
				'<astro-island component-url="/_astro/Widget.js" renderer-url="/_astro/client.js"></astro-island>',
				'<script type="module" src="/_astro/page.js"></script><link rel="stylesheet" href="/_astro/a.css"><style>p{}</style>',
			),
			'_astro/page.js': 'import"./shared.js";console.log(1)',
			'_astro/shared.js': 'export const x = 1',
			'_astro/Widget.js': 'import{x}from"./shared.js";export default x',
			'_astro/client.js': 'export default 1',
			'_astro/a.css': 'body{color:red}',
		});
		const weight = weighPage({ dir, base: '/' }, '/', () => false);
		expect(weight.missing).toEqual([]);
		expect(weight.js).toBeGreaterThan(4 * 20);
		expect(weight.widgets).toBeGreaterThan(0);
		expect(weight.widgets).toBeLessThan(weight.js);
		expect(overBudget(weight)).toEqual([]);
	});

	it('fails a page over a budget, naming the budget', () => {
		const dir = fixture({
			'index.html': page('', '<script type="module" src="/_astro/big.js"></script>'),
			'_astro/big.js': `const noise = "${randomBytes(60 * 1024).toString('base64')}"`,
		});
		const weight = weighPage({ dir, base: '/' }, '/', () => false);
		expect(weight.js).toBeGreaterThan(BUDGETS.js);
		expect(overBudget(weight)[0]).toMatch(/^js \d+\.\d KB > 55\.0 KB$/);
	});

	it('counts code a script loads later (dynamic imports), as widget code when the build says so, and skips computed specifiers', () => {
		const dir = fixture({
			'index.html': page('', '<script type="module" src="/_astro/entry.js"></script>'),
			'_astro/entry.js': 'startNear("[data-x]",()=>import("./widget.js"));import(`./search.js`)',
			'_astro/widget.js': `export const start = "${randomBytes(3000).toString('base64')}"`,
			'_astro/search.js': 'import(`${base}pagefind.js`)',
		});
		const weight = weighPage({ dir, base: '/' }, '/', (path) => path === '/_astro/widget.js');
		expect(weight.missing).toEqual([]);
		expect(weight.widgets).toBeGreaterThan(3000);
		expect(weight.js).toBeGreaterThan(weight.widgets);
	});

	it('splits a page’s JavaScript by what it fetched while loaded untouched: that and its inline code at load, the rest later', () => {
		const dir = fixture({
			'index.html': page('', '<script type="module" src="/_astro/entry.js"></script><script>var inline = 1</script>'),
			'_astro/entry.js': 'import"./shared.js";startNear("[data-x]",()=>import("./widget.js"));onSearch(()=>import("./search.js"))',
			'_astro/shared.js': `export const s = "${randomBytes(900).toString('base64')}"`,
			'_astro/widget.js': `export const w = "${randomBytes(3000).toString('base64')}"`,
			'_astro/search.js': `export const q = "${randomBytes(2000).toString('base64')}"`,
			'pagefind/pagefind.js': `export const p = "${randomBytes(500).toString('base64')}"`,
		});
		const site = { dir, base: '/' };
		const weight = weighPage(site, '/', () => false);
		const size = (path: string) => weight.scripts.get(path)!;
		const untouched = splitJs(site, weight, ['/_astro/entry.js', '/_astro/shared.js']);
		expect(untouched.atLoad).toBe(weight.inlineJs + size('/_astro/entry.js') + size('/_astro/shared.js'));
		expect(untouched.later).toBe(size('/_astro/widget.js') + size('/_astro/search.js'));
		expect(untouched.atLoad + untouched.later).toBe(weight.js);
		// Search loaded when idle, with the index its URL is computed for: both count at load.
		const eager = splitJs(site, weight, ['/_astro/entry.js', '/_astro/shared.js', '/_astro/search.js', '/pagefind/pagefind.js']);
		expect(eager.later).toBe(size('/_astro/widget.js'));
		expect(eager.atLoad).toBeGreaterThan(untouched.atLoad + size('/_astro/search.js') + 500);
	});

	it('lists the requests the first paint waits for: screen stylesheets and classic scripts without async or defer', () => {
		const dir = fixture({
			'en/index.html': page(
				'<script src="late.js"></script>',
				'<link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/print.css" media="print">' +
					'<link rel="stylesheet" href="/_astro/wide.css" media="(min-width: 50em)"><script type="module" src="/_astro/m.js"></script>' +
					'<script async src="/_astro/x.js"></script><script defer src="/_astro/d.js"></script><link rel="preload" href="/_astro/f.woff2">',
			),
		});
		const weight = weighPage({ dir, base: '/' }, '/en/', () => false);
		expect(weight.renderBlocking).toEqual(['/_astro/a.css', '/_astro/wide.css', '/en/late.js']);
		const many = { ...weight, missing: [], renderBlocking: Array.from({ length: LIMITS.renderBlocking + 1 }, (_, i) => `/_astro/${i}.css`) };
		expect(overBudget(many)).toEqual([`render-blocking ${LIMITS.renderBlocking + 1} > ${LIMITS.renderBlocking} (${many.renderBlocking.join(', ')})`]);
	});

	it('fails when the build left no chunk map: widget code could not be told from the rest', () => {
		const dir = fixture({
			'index.html': page('', '<script type="module" src="/_astro/entry.js"></script>'),
			'_astro/entry.js': 'import("./widget.js")',
			'_astro/widget.js': `export const w = "${randomBytes(30 * 1024).toString('base64')}"`,
		});
		const site = { dir, base: '/' };
		const withMap = checkBudgets(site, { '_astro/widget.js': { widget: true, modules: ['/src/widgets/x.ts'] } });
		expect(withMap.weights[0]!.widgets).toBeGreaterThan(BUDGETS.widgets);
		expect(withMap.failures).toEqual([expect.stringMatching(/^\/: widgets \d+\.\d KB > 20\.0 KB$/)]);
		const withoutMap = checkBudgets(site, undefined);
		expect(withoutMap.failures[0]).toMatch(/^no chunk map for .+: widget code cannot be told from the rest; run the build again$/);
	});

	it('reports a script the page loads that the build lacks', () => {
		const dir = fixture({ 'index.html': page('', '<script src="/_astro/gone.js"></script>') });
		expect(overBudget(weighPage({ dir, base: '/' }, '/', () => false))).toEqual(['missing /_astro/gone.js']);
	});
});

describe('content security policy', () => {
	it('hashes the text of is:inline scripts exactly as written, and nothing else', () => {
		const dir = fixture({
			'A.astro': '---\n---\n<script is:inline>\n\tlet a = 1;\n</script>\n<script>bundled()</script>\n<script is:inline define:vars={{ x }}>x</script>',
		});
		expect(inlineScriptHashes([dir])).toEqual([sha256('\n\tlet a = 1;\n')]);
	});

	it('merges pages’ policies into one header and puts rules under the base path', () => {
		const policy = unionPolicy(["script-src 'self' 'sha256-a'; style-src 'self'", "script-src 'self' 'sha256-b'"], ["frame-ancestors 'none'"]);
		expect(policy).toBe("script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'; frame-ancestors 'none'");
		const headers = headersFile('# c\n/_astro/*\n  Cache-Control: immutable\n/*\n  X-A: 1\n', '/synack/', policy);
		expect(headers).toBe(`# c\n/synack/_astro/*\n  Cache-Control: immutable\n/synack/*\n  Content-Security-Policy: ${policy}\n  X-A: 1\n`);
	});
});

describe('reading a built site (dist.ts)', () => {
	it('takes the site’s folder and base path from the arguments and the environment, slashes normalised', () => {
		const saved = { OUT_DIR: process.env.OUT_DIR, BASE_PATH: process.env.BASE_PATH };
		try {
			delete process.env.OUT_DIR;
			delete process.env.BASE_PATH;
			expect(siteFromEnv([])).toEqual({ dir: 'dist', base: '/' });
			expect(siteFromEnv(['dist-x', '4321', '--only=en'])).toEqual({ dir: 'dist-x', base: '/' });
			process.env.BASE_PATH = 'synack';
			process.env.OUT_DIR = './dist-base';
			expect(siteFromEnv([])).toEqual({ dir: './dist-base', base: '/synack/' });
			process.env.BASE_PATH = '/synack/';
			expect(siteFromEnv([]).base).toBe('/synack/');
		} finally {
			for (const [key, value] of Object.entries(saved)) {
				if (value === undefined) delete process.env[key];
				else process.env[key] = value;
			}
		}
	});

	it('finds the file serving a URL path: index.html for a folder, percent-escapes decoded once, nothing outside', () => {
		const root = fixture({ 'secret.txt': 's', 'site/en/index.html': 'en', 'site/a b.txt': 'ab', 'site/%41.txt': 'pct' });
		const site = { dir: join(root, 'site'), base: '/x/' };
		expect(fileFor(site, '/x/en/')).toBe(join(root, 'site/en/index.html'));
		expect(fileFor(site, '/x/a%20b.txt')).toBe(join(root, 'site/a b.txt'));
		expect(fileFor(site, '/x/%2541.txt')).toBe(join(root, 'site/%41.txt'));
		expect(fileFor(site, '/x/en')).toBeUndefined();
		expect(fileFor(site, '/en/')).toBeUndefined();
		for (const path of ['/x/../secret.txt', '/x/..%2fsecret.txt', '/x/en/..%2F..%2Fsecret.txt', '/x/.%2f..%2fsecret.txt']) {
			expect(fileFor(site, path), path).toBeUndefined();
		}
		expect(() => fileFor(site, '/x/%E0%A4%A')).toThrow(URIError);
	});

	it('follows a module’s static and literal dynamic imports and a stylesheet’s @imports, resolved against it', () => {
		expect(scriptImports('/_astro/a.js', 'import"./b.js";import{c}from"./c.js";import(`./d.js`);import(`${x}e.js`);import("https://cdn/f.js")')).toEqual([
			'/_astro/b.js',
			'/_astro/c.js',
			'/_astro/d.js',
		]);
		expect(cssImports('/_astro/a.css', '@import url("./b.css");@import \'../c.css\';body{}')).toEqual(['/_astro/b.css', '/c.css']);
	});
});

describe('the social card (og-image.ts)', () => {
	it('draws a page of the card’s size with the name, both taglines and the handshake’s three segments in order', () => {
		expect(html).toContain(`width: ${OG_IMAGE.width}px; height: ${OG_IMAGE.height}px;`);
		expect(html).toContain('<h1>synack</h1>');
		expect(html).toContain('TCP 连接的一生');
		expect(html).toContain('the life of a TCP connection');
		const labels = [...html.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
		expect(labels).toEqual(['SYN', 'SYN+ACK', 'ACK']);
		// Client → server, server → client, client → server: the arrowheads point right, left, right.
		const heads = [...html.matchAll(/<path d="M(\d+) /g)].map((m) => Number(m[1]));
		expect(heads).toEqual([508, 52, 508]);
		expect(arrow(10, 'X', false)).toContain('M52 -10 L32 0 L52 10 Z');
	});
});

describe('the base-path run (test-base.ts)', () => {
	it('builds into dist-base under /synack/, then budgets, links and the specs a base path can break', () => {
		const { env, steps } = baseRun({});
		expect(env).toEqual({ BASE_PATH: '/synack/', OUT_DIR: './dist-base', PORT: '4329' });
		expect(steps.map((s) => [s.command, ...s.args].join(' '))).toEqual([
			'astro build',
			'node scripts/quality/budgets.ts',
			'node scripts/quality/links.ts',
			'playwright test e2e/site.spec.ts e2e/every-page.spec.ts',
		]);
	});

	it('runs the whole suite when BASE_E2E_ARGS is empty, the given specs when set, on BASE_PORT', () => {
		expect(baseRun({ BASE_E2E_ARGS: '' }).steps.at(-1)!.args).toEqual(['test']);
		expect(baseRun({ BASE_E2E_ARGS: ' e2e/toc.spec.ts  --workers=1 ' }).steps.at(-1)!.args).toEqual(['test', 'e2e/toc.spec.ts', '--workers=1']);
		expect(baseRun({ BASE_PORT: '4411' }).env.PORT).toBe('4411');
	});
});

describe('the Lighthouse session (lighthouse-session.ts)', () => {
	it('reads --only= from the arguments', () => {
		expect(onlyArg(['node', 'x.ts', 'dist', '--only=en/hand'])).toBe('en/hand');
		expect(onlyArg(['node', 'x.ts'])).toBeUndefined();
	});
});
