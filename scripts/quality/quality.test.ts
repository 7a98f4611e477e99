import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { headersFile, unionPolicy } from '../../src/quality/integration';
import { inlineScriptHashes, sha256 } from '../../src/quality/csp';
import { BUDGETS, checkBudgets, LIMITS, overBudget, splitJs, weighPage } from './budgets';
import { pages } from './dist';
import { fixture, page } from './fixture';
import { checkLinks } from './links';

describe('links', () => {
	it('passes a site whose links, fragments and locale counterparts all exist', () => {
		const dir = fixture({
			'index.html': page('<a href="handshake/#syn">SYN</a><a href="#_top">top</a>'),
			'handshake/index.html': page('<h2 id="syn">SYN</h2><a href="../">home</a><img src="/_astro/a.png">'),
			'en/index.html': page('<a href="handshake/">handshake</a>'),
			'en/handshake/index.html': page('<a href="/en/">home</a>'),
			'_astro/a.png': 'png',
		});
		expect(checkLinks({ dir, base: '/' }).broken).toEqual([]);
	});

	it('names each broken link, missing fragment and missing counterpart', () => {
		const dir = fixture({
			'index.html': page('<a href="handshake/#nope">x</a><a href="/teardown/">y</a><a href="handshake">z</a>'),
			'handshake/index.html': page('<h2 id="syn">SYN</h2>'),
			'en/index.html': page(''),
		});
		const broken = checkLinks({ dir, base: '/' }).broken.map((b) => `${b.page} ${b.link} ${b.reason}`);
		expect(broken).toEqual([
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
		expect(overBudget(weight)[0]).toMatch(/^js \d+\.\d KB > 50\.0 KB$/);
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
