/**
 * Build benchmark: synthetic synack sites of 10, 100 and 400 lessons per locale (each lesson with
 * three Mermaid diagrams of its own), built in a temporary copy of the project, first cold (empty
 * diagram cache, no Astro caches) and then warm (caches filled, one lesson changed). Prints wall
 * seconds, peak memory of the build's process tree (Node and Chromium) and diagram figures from
 * the renderer's opt-in stats (SYNACK_DIAGRAM_STATS). A benchmark, not a test: it has no limits.
 *
 * Usage: npm run bench [-- --sizes=10,100,400] [--keep]
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const SIZES = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '10,100,400').split(',').map(Number);
const KEEP = args.includes('--keep');

/** Project files a build needs, without content, outputs or dependencies. */
const SKIP = new Set(['node_modules', 'dist', 'dist-base', '.astro', '.git', 'test-results', 'playwright-report']);

/** Hard-links node_modules (same file system: instant, no disk); a symlink makes Vite resolve files outside the root. */
function linkTree(from: string, to: string) {
	mkdirSync(to, { recursive: true });
	for (const name of readdirSync(from)) {
		if (name === '.cache' || name === '.vite' || name === '.vite-temp' || name === '.astro' || name === '.vitest-cache') continue;
		const source = join(from, name);
		const target = join(to, name);
		const stat = statSync(source, { throwIfNoEntry: false });
		if (!stat) continue;
		if (stat.isDirectory()) linkTree(source, target);
		else {
			try {
				linkSync(source, target);
			} catch {
				cpSync(source, target);
			}
		}
	}
}

function copyProject(to: string) {
	for (const name of readdirSync(ROOT)) {
		if (SKIP.has(name) || name.endsWith('.log')) continue;
		cpSync(join(ROOT, name), join(to, name), {
			recursive: true,
			filter: (source) => source !== join(ROOT, 'content', 'docs'),
		});
	}
	linkTree(join(ROOT, 'node_modules'), join(to, 'node_modules'));
}

const pad = (n: number) => String(n).padStart(3, '0');

function lesson(locale: 'zh-CN' | 'en', n: number, chapter: number, variant = ''): string {
	const zh = locale === 'zh-CN';
	const title = zh ? `第 ${n} 课：连接 ${n}${variant}` : `Lesson ${n}: connection ${n}${variant}`;
	const para = zh
		? `这是基准测试生成的第 ${n} 课。客户端发送 SYN，服务器回复 SYN+ACK，客户端再回复 ACK，连接进入 ESTABLISHED 状态。`
		: `This is benchmark lesson ${n}. The client sends a SYN, the server answers SYN+ACK, the client replies ACK and both ends reach ESTABLISHED.`;
	const [c, s] = zh ? ['客户端', '服务器'] : ['Client', 'Server'];
	const diagrams = [
		`sequenceDiagram\n  accTitle: ${zh ? '握手' : 'Handshake'} ${n}${variant}\n  accDescr: ${para}\n  participant C as ${c}\n  participant S as ${s}\n  C->>S: SYN seq=${n}\n  S->>C: SYN+ACK seq=${n * 7} ack=${n + 1}\n  C->>S: ACK seq=${n + 1} ack=${n * 7 + 1}`,
		`sequenceDiagram\n  accTitle: ${zh ? '挥手' : 'Teardown'} ${n}\n  accDescr: ${para}\n  participant C as ${c}\n  participant S as ${s}\n  C->>S: FIN seq=${n * 3}\n  S->>C: ACK ack=${n * 3 + 1}\n  S->>C: FIN seq=${n * 5}\n  C->>S: ACK ack=${n * 5 + 1}\n  Note over C: TIME-WAIT`,
		`stateDiagram-v2\n  accTitle: ${zh ? '状态' : 'States'} ${n}\n  accDescr: ${para}\n  [*] --> CLOSED\n  CLOSED --> SYN_SENT: connect ${n}\n  SYN_SENT --> ESTABLISHED: SYN+ACK\n  ESTABLISHED --> FIN_WAIT_1: close\n  FIN_WAIT_1 --> TIME_WAIT: FIN\n  TIME_WAIT --> [*]`,
	];
	const fence = '```';
	return [
		'---',
		`title: "${title}"`,
		`description: "${zh ? `基准测试第 ${n} 课（第 ${chapter} 章）。` : `Benchmark lesson ${n}, chapter ${chapter}.`}"`,
		`sidebar:\n  order: ${n}`,
		'---',
		'',
		...diagrams.flatMap((code, i) => [`## ${zh ? '部分' : 'Part'} ${i + 1}`, '', para, '', `${fence}mermaid`, code, fence, '']),
	].join('\n');
}

function writeContent(site: string, lessons: number) {
	const docs = join(site, 'content', 'docs');
	for (const [locale, dir] of [['zh-CN', docs], ['en', join(docs, 'en')]] as const) {
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'index.mdx'), `---\ntitle: synack bench\ndescription: Benchmark home.\ntemplate: splash\n---\n\n${locale}\n`);
		for (let n = 1; n <= lessons; n++) {
			const chapter = Math.ceil(n / 10);
			const file = join(dir, 'bench', `ch${pad(chapter)}`, `lesson-${pad(n)}.mdx`);
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, lesson(locale, n, chapter));
		}
	}
	// The sidebar: all lessons, in chapters of ten (Starlight groups each directory).
	const config = join(site, 'astro.config.mjs');
	const text = readFileSync(config, 'utf8');
	const sidebar = /\n(\t+)sidebar: \[[\s\S]*?\n\1\],\n/;
	if (!sidebar.test(text)) throw new Error('bench: cannot find the sidebar in astro.config.mjs');
	writeFileSync(config, text.replace(sidebar, "\n$1sidebar: [{ label: 'Bench', items: [{ autogenerate: { directory: 'bench' } }] }],\n"));
}

interface Run {
	seconds: number;
	peakMb: number;
	pages: number;
	rendered: number;
	hits: number;
	renderMs: number[];
	browserMs: number;
}

/** Sum of RSS over a process and its descendants, in kB (Linux /proc). */
function treeRssKb(pid: number): number {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
		} catch {}
	}
	let total = 0;
	const stack = [pid];
	while (stack.length) {
		const p = stack.pop()!;
		try {
			total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
		} catch {}
		stack.push(...(children.get(p) ?? []));
	}
	return total;
}

async function build(site: string, cache: string, stats: string): Promise<Run> {
	rmSync(stats, { force: true });
	rmSync(join(site, 'dist'), { recursive: true, force: true });
	const started = performance.now();
	const child = spawn(join(site, 'node_modules', '.bin', 'astro'), ['build'], {
		cwd: site,
		env: { ...process.env, PATH: `${join(site, 'node_modules', '.bin')}:${process.env.PATH}`, SYNACK_DIAGRAM_CACHE: cache, SYNACK_DIAGRAM_STATS: stats },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout.on('data', (d) => (log += d));
	child.stderr.on('data', (d) => (log += d));
	let peak = 0;
	const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 250);
	const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
	clearInterval(timer);
	const seconds = (performance.now() - started) / 1000;
	if (code !== 0) throw new Error(`bench: build failed in ${site}\n${log.slice(-4000)}`);
	const events = existsSync(stats)
		? readFileSync(stats, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; ms: number; id?: string })
		: [];
	const perDiagram = new Map<string, number>();
	for (const e of events.filter((e) => e.event === 'render')) {
		const id = e.id!.slice(0, -1);
		perDiagram.set(id, (perDiagram.get(id) ?? 0) + e.ms);
	}
	return {
		seconds,
		peakMb: peak / 1024,
		pages: Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0),
		rendered: perDiagram.size,
		hits: events.filter((e) => e.event === 'cache-hit').length,
		renderMs: [...perDiagram.values()].sort((a, b) => a - b),
		browserMs: events.filter((e) => e.event === 'browser').reduce((t, e) => t + e.ms, 0),
	};
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const work = mkdtempSync(join(tmpdir(), 'synack-bench-'));
const rows: string[][] = [];
console.log(`synack build benchmark in ${work} (${SIZES.join(', ')} lessons per locale, 3 diagrams each)\n`);
try {
	for (const lessons of SIZES) {
		const site = join(work, `site-${lessons}`);
		const cache = join(work, `cache-${lessons}`);
		const stats = join(work, `stats-${lessons}.jsonl`);
		copyProject(site);
		writeContent(site, lessons);
		const cold = await build(site, cache, stats);
		// One lesson changes: its text and its first diagram.
		const changed = join(site, 'content', 'docs', 'en', 'bench', 'ch001', 'lesson-001.mdx');
		writeFileSync(changed, lesson('en', 1, 1, ' (edited)'));
		const warm = await build(site, cache, stats);
		for (const [name, run] of [['cold', cold], ['warm', warm]] as const) {
			rows.push([
				String(lessons),
				String(run.pages),
				String(lessons * 2 * 3),
				name,
				run.seconds.toFixed(1),
				run.peakMb.toFixed(0),
				String(run.rendered),
				String(run.hits),
				(sum(run.renderMs) / 1000).toFixed(1),
				run.rendered ? `${quantile(run.renderMs, 0.5).toFixed(0)} / ${quantile(run.renderMs, 0.95).toFixed(0)}` : '-',
				run.browserMs ? (run.browserMs / 1000).toFixed(1) : '-',
			]);
			console.log(`  ${lessons} lessons, ${name}: ${run.seconds.toFixed(1)} s, peak ${run.peakMb.toFixed(0)} MB, ${run.rendered} diagrams rendered, ${run.hits} from cache`);
		}
		if (!KEEP) rmSync(site, { recursive: true, force: true });
	}
} finally {
	if (!KEEP) rmSync(work, { recursive: true, force: true });
}

const header = ['lessons/locale', 'pages', 'diagrams', 'build', 'seconds', 'peak MB', 'rendered', 'cached', 'render s', 'per diagram ms (median / p95)', 'browser start s'];
const table = [header, ...rows];
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
console.log(`\n${table.map((r) => r.map((c, i) => c.padStart(widths[i]!)).join('  ')).join('\n')}`);
console.log('\nper diagram = both colour schemes drawn by Mermaid in the shared Chromium; peak MB = RSS of the build and its Chromium.');
if (KEEP) console.log(`kept ${work}`);
