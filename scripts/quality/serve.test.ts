import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, page } from './fixture';
import { KEEP_ALIVE_MS, parseHeaders, serve } from './serve';

interface Reply {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** One request with the raw path as given (no client-side normalisation, no automatic gunzip). */
function get(server: Server, path: string, { method = 'GET', gzip = false } = {}): Promise<Reply> {
	const { port } = server.address() as AddressInfo;
	return new Promise((resolve, reject) => {
		const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

const POLICY = "default-src 'self'; frame-ancestors 'none'";
const HEADERS = `# comment\n/synack/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n/synack/*\n  Content-Security-Policy: ${POLICY}\n`;

describe('serve', () => {
	// The site sits in a folder beside a file it must never hand out.
	const root = fixture({
		'secret.txt': 'not for readers',
		'site/_headers': HEADERS,
		'site/index.html': page('<h1>首页</h1>'),
		'site/404.html': page('找不到'),
		'site/en/index.html': page('<h1>Home</h1>'),
		'site/en/404.html': page('Not found'),
		'site/handshake/index.html': page('<h1>握手</h1>'),
		'site/_astro/page.js': `console.log(${JSON.stringify('x'.repeat(2000))})`,
		'site/og.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
	});
	let server: Server;
	beforeAll(async () => {
		server = await serve({ dir: join(root, 'site'), base: '/synack/' }, 0);
	});
	afterAll(() => {
		server.closeAllConnections();
		server.close();
	});

	it('parses _headers rules: a path pattern, then indented headers; comments skipped', () => {
		const rules = parseHeaders(HEADERS);
		expect(rules).toHaveLength(2);
		expect(rules[0]!.headers).toEqual([['Cache-Control', 'public, max-age=31536000, immutable']]);
		expect(rules[1]!.headers).toEqual([['Content-Security-Policy', POLICY]]);
		const matching = (path: string) => rules.map((rule) => rule.pattern.test(path));
		expect(matching('/synack/_astro/a.js')).toEqual([true, true]);
		expect(matching('/synack/en/')).toEqual([false, true]);
		expect(matching('/synack/_astroX')).toEqual([false, true]);
		expect(matching('/other/_astro/a.js')).toEqual([false, false]);
	});

	it('serves a page with the CSP of _headers and revalidation, an asset with its long cache', async () => {
		const html = await get(server, '/synack/handshake/');
		expect(html.status).toBe(200);
		expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(html.headers['content-security-policy']).toBe(POLICY);
		expect(html.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
		expect(html.body.toString()).toContain('<h1>握手</h1>');
		const js = await get(server, '/synack/_astro/page.js');
		expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
	});

	it('redirects a page path without its trailing slash (301), as static hosts do', async () => {
		const reply = await get(server, '/synack/handshake');
		expect(reply.status).toBe(301);
		expect(reply.headers.location).toBe('/synack/handshake/');
	});

	it('answers a missing path with the nearest 404.html and status 404', async () => {
		const en = await get(server, '/synack/en/no-such-page/');
		expect(en.status).toBe(404);
		expect(en.body.toString()).toContain('Not found');
		expect(en.headers['content-security-policy']).toBe(POLICY);
		const zh = await get(server, '/synack/no/such/page/');
		expect(zh.status).toBe(404);
		expect(zh.body.toString()).toContain('找不到');
		const outside = await get(server, '/elsewhere/');
		expect(outside.status).toBe(404);
		expect(outside.body.toString()).toBe('not found');
	});

	it('gzips text when the client accepts it, never images, and says so', async () => {
		const plain = await get(server, '/synack/_astro/page.js');
		const zipped = await get(server, '/synack/_astro/page.js', { gzip: true });
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(zipped.headers.vary).toBe('Accept-Encoding');
		expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
		expect(zipped.body.length).toBeLessThan(plain.body.length / 10);
		expect(gunzipSync(zipped.body)).toEqual(plain.body);
		expect(plain.headers['content-encoding']).toBeUndefined();
		const png = await get(server, '/synack/og.png', { gzip: true });
		expect(png.headers['content-encoding']).toBeUndefined();
		expect(png.headers['content-type']).toBe('image/png');
		expect(png.body).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
	});

	it('answers HEAD with the headers of GET and no body', async () => {
		const head = await get(server, '/synack/_astro/page.js', { method: 'HEAD', gzip: true });
		const full = await get(server, '/synack/_astro/page.js', { gzip: true });
		expect(head.status).toBe(200);
		expect(head.body.length).toBe(0);
		expect(head.headers['content-length']).toBe(full.headers['content-length']);
		expect(head.headers['content-encoding']).toBe('gzip');
	});

	it('refuses methods other than GET and HEAD', async () => {
		expect((await get(server, '/synack/', { method: 'POST' })).status).toBe(405);
	});

	it('never serves a file outside the site, however the path is spelled', async () => {
		for (const path of [
			'/synack/../secret.txt',
			'/synack/..%2fsecret.txt',
			'/synack/%2e%2e/secret.txt',
			'/synack/%2E%2E%2Fsecret.txt',
			'/synack/en/..%2f..%2fsecret.txt',
			'/synack/..%5csecret.txt',
			'/synack/%252e%252e%252fsecret.txt',
		]) {
			const reply = await get(server, path);
			expect(reply.body.toString(), path).not.toContain('not for readers');
			expect(reply.status, path).toBe(404);
		}
	});

	it('answers a malformed escape with 400 and keeps serving', async () => {
		expect((await get(server, '/synack/%E0%A4%A')).status).toBe(400);
		expect((await get(server, '/synack/')).status).toBe(200);
	});

	it('keeps idle connections open longer than a browser keeps them, and queues bursts', async () => {
		expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_MS);
		expect(KEEP_ALIVE_MS).toBeGreaterThan(5 * 60_000);
		expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
		const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => get(server, i % 2 ? '/synack/_astro/page.js' : '/synack/', { gzip: true })));
		expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
	});
});
