/**
 * A small static server for a built site, behaving like the static hosts synack ships to: files
 * under the base path, gzip for text, the response headers of dist/_headers (cache rules and the
 * Content-Security-Policy), a 301 to the trailing slash, and the nearest 404.html with status 404.
 * Lighthouse measures through it and the Playwright specs run against it (playwright.config.ts).
 *
 * A test must never fail because of its server, also with two browsers loading pages on a busy
 * 2-core machine, so: files are read and compressed off the event loop and kept in memory once
 * served (a request never waits behind another's gzip); connections stay open longer than any
 * client keeps an idle one (a server that closes an idle connection just as the client reuses it
 * resets that request: the ECONNRESET `astro preview` gave under load); a burst of connections
 * queues in a long backlog; a bad request gets a 4xx and an unexpected error a 500, never a crash.
 *
 * Usage: node scripts/quality/serve.ts [dist] [port]   (BASE_PATH as the site was built with)
 */
import { readFileSync, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { fileFor, siteFromEnv, type Site } from './dist.ts';

const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.pcap': 'application/vnd.tcpdump.pcap',
	'.pcapng': 'application/octet-stream',
};
const COMPRESSIBLE = /text|javascript|json|xml|svg|wasm/;

/** Longer than a browser or Node's HTTP agent keeps an idle connection (Chromium: 5 min). */
export const KEEP_ALIVE_MS = 10 * 60_000;

interface Rule {
	pattern: RegExp;
	headers: [string, string][];
}

/** Parses a _headers file (Cloudflare Pages / Netlify format). */
export function parseHeaders(text: string): Rule[] {
	const rules: Rule[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
			rules.push({ pattern, headers: [] });
		} else {
			const [name, ...value] = line.trim().split(':');
			rules.at(-1)?.headers.push([name!.trim(), value.join(':').trim()]);
		}
	}
	return rules;
}

interface Cached {
	mtimeMs: number;
	size: number;
	body: Promise<Buffer>;
	gzipped?: Promise<Buffer>;
}

/** Each file's bytes and gzipped bytes, read once; read again when the file changes (a rebuild). */
function fileCache() {
	const files = new Map<string, Cached>();
	return async (file: string, compress: boolean) => {
		const { mtimeMs, size, mtime } = await stat(file);
		let entry = files.get(file);
		if (!entry || entry.mtimeMs !== mtimeMs || entry.size !== size) {
			entry = { mtimeMs, size, body: readFile(file) };
			files.set(file, entry);
		}
		if (compress) entry.gzipped ??= entry.body.then((body) => gzipAsync(body));
		return { body: await (compress ? entry.gzipped! : entry.body), mtime };
	};
}

/** The nearest 404.html above `path` (`/en/x/` → `/en/404.html`, else `/404.html`), within the base. */
function notFoundPage(site: Site, path: string): string | undefined {
	for (let dir = path.replace(/[^/]*$/, ''); dir.startsWith(site.base); dir = dir.replace(/[^/]*\/$/, '')) {
		const file = fileFor(site, `${dir}404.html`);
		if (file) return file;
	}
	return undefined;
}

/** The site as a request handler: what `serve` listens with, and what a test's own server can pass requests on to. */
export function siteHandler(site: Site): (request: IncomingMessage, response: ServerResponse) => void {
	const headersFile = join(site.dir, '_headers');
	const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
	const read = fileCache();

	async function respond(request: IncomingMessage, response: ServerResponse) {
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
			return;
		}
		// Still percent-encoded: fileFor decodes it once and refuses anything outside the site.
		const path = new URL(request.url ?? '/', 'http://site.invalid').pathname;
		let status = 200;
		let file = fileFor(site, path);
		if (!file && !path.endsWith('/') && !extname(path) && fileFor(site, `${path}/`)) {
			response.writeHead(301, { location: `${path}/`, 'content-length': '0' }).end();
			return;
		}
		if (!file) {
			status = 404;
			file = notFoundPage(site, path);
			if (!file) {
				response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
				return;
			}
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'public, max-age=0, must-revalidate' };
		for (const rule of rules) {
			if (rule.pattern.test(path)) for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
		}
		const compress = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
		const { body, mtime } = await read(file, compress);
		if (compress) {
			headers['content-encoding'] = 'gzip';
			headers.vary = 'Accept-Encoding';
		}
		headers['content-length'] = String(body.length);
		headers['last-modified'] = mtime.toUTCString();
		response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : body);
	}

	return (request, response) => {
		respond(request, response).catch((error: Error) => {
			// A malformed %-escape is the client's fault; anything else is ours, and said so.
			const bad = error instanceof URIError;
			if (!bad) console.error(`serve: ${request.url}: ${error.stack ?? error}`);
			if (!response.headersSent) response.writeHead(bad ? 400 : 500, { 'content-type': 'text/plain' });
			response.end(bad ? 'bad request' : 'server error');
		});
	};
}

export function serve(site: Site, port: number, host = '127.0.0.1'): Promise<Server> {
	const server = createServer(siteHandler(site));
	server.keepAliveTimeout = KEEP_ALIVE_MS;
	server.headersTimeout = KEEP_ALIVE_MS + 1000;
	server.requestTimeout = 0;
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen({ port, host, backlog: 1024 }, () => resolve(server));
	});
}

if (import.meta.main) {
	const site = siteFromEnv();
	const port = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? process.env.PORT ?? 4321);
	await serve(site, port);
	console.log(`serving ${site.dir} at http://127.0.0.1:${port}${site.base}`);
}
