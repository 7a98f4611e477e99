/**
 * A small static server for a built site, behaving like the static hosts synack ships to: files
 * under the base path, gzip for text, the response headers of dist/_headers (cache rules and the
 * Content-Security-Policy), and the nearest 404.html with status 404. Lighthouse measures through it.
 *
 * Usage: node scripts/quality/serve.ts [dist] [port]   (BASE_PATH as the site was built with)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileFor, siteFromEnv, type Site } from './dist.ts';

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
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.pcap': 'application/vnd.tcpdump.pcap',
	'.pcapng': 'application/octet-stream',
};

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

export function serve(site: Site, port: number, host = '127.0.0.1'): Promise<Server> {
	const headersFile = join(site.dir, '_headers');
	const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		let status = 200;
		let file = fileFor(site, path);
		if (!file && !path.endsWith('/') && !extname(path) && fileFor(site, `${path}/`)) {
			response.writeHead(301, { location: `${path}/` }).end();
			return;
		}
		if (!file) {
			status = 404;
			for (let dir = path.replace(/[^/]*$/, ''); !file && dir.startsWith(site.base); dir = dir.replace(/[^/]*\/$/, '')) {
				file = fileFor(site, `${dir}404.html`);
			}
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
		let body = readFileSync(file);
		if (/text|javascript|json|xml|svg|wasm/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
			body = gzipSync(body);
			headers['content-encoding'] = 'gzip';
			headers.vary = 'Accept-Encoding';
		}
		headers['content-length'] = String(body.length);
		headers['last-modified'] = statSync(file).mtime.toUTCString();
		response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : body);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(server));
	});
}

if (import.meta.main) {
	const site = siteFromEnv();
	const port = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? process.env.PORT ?? 4321);
	await serve(site, port);
	console.log(`serving ${site.dir} at http://127.0.0.1:${port}${site.base}`);
}
