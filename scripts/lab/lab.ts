/**
 * The kernel lab: plays each scenario of scripts/lab/scenarios/ between two Node applications in
 * network namespaces of its own, records the conversation with tcpdump, checks it has the shape the
 * scenario declares, and writes content/captures/lab/<name>.pcap and its sidecar <name>.json.
 *
 *   npm run lab                    every scenario (pinned ones are checked, not recorded again)
 *   npm run lab -- NAME…           only these (a pinned one is then recorded again)
 *   npm run lab -- --out DIR NAME  write into DIR instead, to compare a rerun with the committed files
 *   npm run lab -- --once NAME     one attempt only (a scenario whose timing failed is otherwise tried
 *                                  three times), e.g. to see the shape of a new scenario's capture
 *
 * Needs Linux, root, iproute2 (ip, ss, nstat), tcpdump, nftables, ethtool, and python3 for the SYN
 * flood; says which are missing. Traffic stays inside the namespaces it makes (veth: 192.0.2.1 and
 * 192.0.2.2, documentation addresses that exist only there; loopback: one namespace's lo), and
 * everything it made is removed on exit, failure or interrupt.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { machine, release, tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync } from 'node:zlib';
import type { Side } from '../../src/tcp/network.ts';
import type { PeerEvent, PeerMessage, PeerRequest } from './peer.ts';
import { NFT_TABLE, nftDropCounts, nftRuleset, receiverOf } from './nft.ts';
import { defaultLocalPort, LAB_CAPTURES, loadScenario, PINNED_CAPTURES, ROOT, scenarioNames, type Scenario, type Step } from './scenario.ts';
import { sidecarSchema, type Action, type AppEvent, type Sidecar, type Snapshot } from '../../src/schemas/sidecar.ts';
import { dropSelectors, shapeMismatch, shapeOf, type CapturedSegment } from './shape.ts';

const ADDRESSES = {
	veth: { client: '192.0.2.1', server: '192.0.2.2' },
	loopback: { client: '127.0.0.1', server: '127.0.0.1' },
} as const;
const VETH = { client: 'lab-c', server: 'lab-s' } as const;

/** Recorded in every sidecar (when the kernel has them), whether the scenario sets them or not. */
const RECORDED_SYSCTLS = [
	'core.somaxconn',
	'ipv4.tcp_abort_on_overflow',
	'ipv4.tcp_early_retrans',
	'ipv4.tcp_ecn',
	'ipv4.tcp_fin_timeout',
	'ipv4.tcp_keepalive_intvl',
	'ipv4.tcp_keepalive_probes',
	'ipv4.tcp_keepalive_time',
	'ipv4.tcp_max_syn_backlog',
	'ipv4.tcp_orphan_retries',
	'ipv4.tcp_retries1',
	'ipv4.tcp_retries2',
	'ipv4.tcp_rfc1337',
	'ipv4.tcp_rto_max_ms',
	'ipv4.tcp_rto_min_us',
	'ipv4.tcp_sack',
	'ipv4.tcp_syn_linear_timeouts',
	'ipv4.tcp_syn_retries',
	'ipv4.tcp_synack_retries',
	'ipv4.tcp_syncookies',
	'ipv4.tcp_timestamps',
	'ipv4.tcp_tw_reuse',
	'ipv4.tcp_window_scaling',
];

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// What the lab needs

/** What the lab needs to know about the machine it runs on. */
export interface Machine {
	platform: string;
	uid: number | undefined;
	namespaces: boolean;
	has: (tool: string) => boolean;
}

const onPath = (tool: string) =>
	[...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'].some((dir) => dir && existsSync(join(dir, tool)));

const thisMachine = (): Machine => ({
	platform: process.platform,
	uid: process.getuid?.(),
	namespaces: existsSync('/proc/self/ns/net'),
	has: onPath,
});

/** Everything missing to record `scenarios`, each said so that a reader knows what to do. */
export function missingRequirements(scenarios: readonly Scenario[], machine: Machine = thisMachine()): string[] {
	const missing: string[] = [];
	if (machine.platform !== 'linux') missing.push('Linux: the lab uses network namespaces');
	else if (!machine.namespaces) missing.push('network namespaces: the kernel lacks CONFIG_NET_NS');
	if (machine.uid !== 0) missing.push('root: run it as root (sudo npm run lab), to make namespaces and capture');
	const tools: Array<[string, string]> = [
		['ip', 'iproute2'],
		['ss', 'iproute2'],
		['nstat', 'iproute2'],
		['sysctl', 'procps'],
		['tcpdump', 'tcpdump'],
		['nft', 'nftables'],
		['ethtool', 'ethtool'],
		['chrt', 'util-linux'],
	];
	if (scenarios.some((s) => s.steps.some((step) => step.do === 'flood'))) tools.push(['python3', 'python3']);
	for (const [tool, pkg] of tools) if (!machine.has(tool)) missing.push(`${tool} (Debian: apt-get install ${pkg})`);
	return missing;
}

// ---------------------------------------------------------------------------------------------
// Commands, and what must be undone whatever happens

const namespaces = new Set<string>();
const children = new Set<ChildProcessWithoutNullStreams>();
/** Temporary directories the captures are first written to. */
const workDirs = new Set<string>();

/** Runs a command to completion; throws with its stderr when it fails. */
function run(command: string[], input?: string): string {
	const [file, ...args] = command as [string, ...string[]];
	const result = spawnSync(file, args, { encoding: 'utf8', input, maxBuffer: 16 << 20 });
	if (result.error) throw new Error(`${command.join(' ')}: ${result.error.message}`);
	if (result.status !== 0) throw new Error(`${command.join(' ')} exited with ${result.status}: ${result.stderr.trim()}`);
	return result.stdout;
}

const inNs = (ns: string, command: string[]) => ['ip', 'netns', 'exec', ns, ...command];

function cleanUp(): void {
	for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	children.clear();
	for (const ns of namespaces) spawnSync('ip', ['netns', 'delete', ns]);
	namespaces.clear();
	for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
	workDirs.clear();
}

function start(command: string[]): ChildProcessWithoutNullStreams {
	const [file, ...args] = command as [string, ...string[]];
	const child = spawn(file, args, { stdio: 'pipe' });
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

const exited = (child: ChildProcessWithoutNullStreams, ms: number) =>
	new Promise<boolean>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
		const timer = setTimeout(() => resolve(false), ms);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(true);
		});
	});

/** Namespaces left by a lab run that no longer exists (killed before it could clean up). */
function removeStaleNamespaces(): void {
	const listing = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
	for (const match of listing.matchAll(/^synack-lab-(\d+)-[cs]\b/gm)) {
		const pid = Number(match[1]);
		let alive = true;
		try {
			process.kill(pid, 0);
		} catch {
			alive = false;
		}
		if (!alive) spawnSync('ip', ['netns', 'delete', match[0]]);
	}
}

// ---------------------------------------------------------------------------------------------
// The network

interface Network {
	ns: Record<Side, string>;
	addresses: Record<Side, string>;
	/** Where tcpdump listens. */
	capture: { ns: Side; interface: string };
}

function makeNetwork(scenario: Scenario): Network {
	const name = (side: string) => `synack-lab-${process.pid}-${side}`;
	const addresses = ADDRESSES[scenario.topology];
	const add = (ns: string) => {
		run(['ip', 'netns', 'add', ns]);
		namespaces.add(ns);
		// IPv4 only: without IPv6 the links send no router solicitations, and nstat shows TCP alone.
		run(inNs(ns, ['sysctl', '-q', '-w', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']));
		run(['ip', '-n', ns, 'link', 'set', 'lo', 'up']);
	};
	if (scenario.topology === 'loopback') {
		const ns = name('s');
		add(ns);
		return { ns: { client: ns, server: ns }, addresses, capture: { ns: 'server', interface: 'lo' } };
	}
	const ns = { client: name('c'), server: name('s') };
	add(ns.client);
	add(ns.server);
	run(['ip', 'link', 'add', VETH.client, 'netns', ns.client, 'type', 'veth', 'peer', 'name', VETH.server, 'netns', ns.server]);
	for (const side of ['client', 'server'] as const) {
		run(['ip', '-n', ns[side], 'address', 'add', `${addresses[side]}/24`, 'dev', VETH[side]]);
		run(['ip', '-n', ns[side], 'link', 'set', VETH[side], 'up']);
		// veth leaves TCP checksums for the receiver to skip; computed here, a capture's checksums are right.
		run(inNs(ns[side], ['ethtool', '-K', VETH[side], 'tx', 'off']));
	}
	return { ns, addresses, capture: { ns: 'client', interface: VETH.client } };
}

function setSysctls(scenario: Scenario, network: Network): void {
	for (const side of ['client', 'server'] as const) {
		const settings = Object.entries(scenario.sysctls[side]).map(([key, value]) => `net.${key}=${value}`);
		if (settings.length) run(inNs(network.ns[side], ['sysctl', '-q', '-w', ...settings]));
	}
}

function readSysctls(ns: string, extra: string[]): Record<string, string> {
	const names = [...new Set([...RECORDED_SYSCTLS, ...extra])].sort();
	// -e: names this kernel does not have are skipped, not an error.
	const result = spawnSync('ip', ['netns', 'exec', ns, 'sysctl', '-e', ...names.map((n) => `net.${n}`)], { encoding: 'utf8' });
	const values: Record<string, string> = {};
	for (const match of result.stdout.matchAll(/^net\.(\S+) = (.*)$/gm)) values[match[1]!] = match[2]!.replace(/\s+/g, ' ');
	return values;
}

/**
 * A shell kept open in a namespace, so that a snapshot's command runs within milliseconds of the
 * moment the scenario asks for it: starting `ip netns exec` for each would take a tenth of a second,
 * and on a busy machine starting `ss` alone can take as long. The shell, and the short-lived
 * commands it starts, run at a real-time priority (SCHED_FIFO 10) so that they are not queued
 * behind everything else; the kernel keeps real-time tasks to 95% of a CPU at most.
 */
class NamespaceShell {
	private readonly child: ChildProcessWithoutNullStreams;
	private buffered = '';
	private pending: ((text: string) => void) | undefined;

	constructor(ns: string) {
		this.child = start(inNs(ns, ['chrt', '--fifo', '10', 'bash']));
		this.child.stdout.on('data', (data: Buffer) => {
			this.buffered += data.toString();
			const end = this.buffered.indexOf(`${SHELL_END}\n`);
			if (end !== -1 && this.pending) {
				const text = this.buffered.slice(0, end);
				this.buffered = this.buffered.slice(end + SHELL_END.length + 1);
				this.pending(text);
			}
		});
	}

	/** Runs `command`; resolves with when it started and returned (ms since 1970) and what it printed. */
	run(command: string): Promise<{ t: number; end: number; output: string }> {
		return new Promise((resolve) => {
			this.pending = (text) => {
				this.pending = undefined;
				const lines = text.split('\n');
				const [started, ended] = [lines.shift(), lines.splice(-2, 2)[0]].map((time) => Number(time) * 1000);
				resolve({ t: started!, end: ended!, output: `${lines.join('\n')}\n` });
			};
			// bash's EPOCHREALTIME is read without starting a process.
			this.child.stdin.write(`echo $EPOCHREALTIME; ${command} 2>&1; echo; echo $EPOCHREALTIME; echo ${SHELL_END}\n`);
		});
	}

	close(): void {
		this.child.stdin.end();
	}
}
const SHELL_END = '__synack_lab_end__';

// ---------------------------------------------------------------------------------------------
// The applications

class Peer {
	readonly events: PeerEvent[] = [];
	private readonly replies = new Map<number, (message: PeerMessage) => void>();
	private readonly waiters = new Set<() => void>();
	private nextId = 1;
	private stderr = '';
	readonly side: Side;
	readonly child: ChildProcessWithoutNullStreams;

	constructor(side: Side, child: ChildProcessWithoutNullStreams) {
		this.side = side;
		this.child = child;
		createInterface({ input: child.stdout }).on('line', (line) => {
			const message = JSON.parse(line) as PeerMessage;
			if ('id' in message) this.replies.get(message.id)?.(message);
			else {
				this.events.push(message);
				for (const wake of this.waiters) wake();
			}
		});
		child.stderr.on('data', (data: Buffer) => (this.stderr += data.toString()));
		child.on('exit', (code, signal) => {
			const why = `the ${side} application exited (${signal ?? code})${this.stderr ? `: ${this.stderr.trim()}` : ''}`;
			for (const reply of this.replies.values()) reply({ id: 0, t: now(), error: why });
			for (const wake of this.waiters) wake();
		});
	}

	get alive(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Sends a command; resolves with the time its Node call was made, once the kernel has it. */
	call(command: PeerRequest, ms = 10_000): Promise<number> {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`${this.side}: ${command.cmd}: no answer within ${ms} ms`)), ms);
			this.replies.set(id, (message) => {
				clearTimeout(timer);
				this.replies.delete(id);
				if ('error' in message && message.error) reject(new Error(`${this.side}: ${command.cmd}: ${message.error}`));
				else resolve(message.t);
			});
			this.child.stdin.write(`${JSON.stringify({ ...command, id })}\n`);
		});
	}

	/** Resolves when `found` returns something, re-checked after each event; rejects after `ms`. */
	until<T>(found: () => T | undefined, ms: number, what: string): Promise<T> {
		return new Promise((resolve, reject) => {
			const check = () => {
				const value = found();
				if (value !== undefined) done(() => resolve(value));
				else if (!this.alive) done(() => reject(new Error(`${what}: ${this.side} application exited: ${this.stderr.trim()}`)));
			};
			const timer = setTimeout(() => done(() => reject(new Error(`${what}: not within ${ms} ms`))), ms);
			const done = (then: () => void) => {
				clearTimeout(timer);
				this.waiters.delete(check);
				then();
			};
			this.waiters.add(check);
			check();
		});
	}

	async stop(): Promise<void> {
		this.child.stdin.end();
		if (!(await exited(this.child, 2_000))) this.child.kill('SIGKILL');
	}
}

function startPeer(side: Side, ns: string): Peer {
	return new Peer(side, start(inNs(ns, [process.execPath, join(import.meta.dirname, 'peer.ts')])));
}

// ---------------------------------------------------------------------------------------------
// One run

interface Opened {
	conn: string;
	port: number;
	/** ms since 1970 */
	t: number;
}

interface Timeline {
	actions: Array<Omit<Action, 't' | 'connection'> & { t: number }>;
	events: Array<Omit<AppEvent, 't' | 'connection'> & { t: number }>;
	snapshots: Array<Omit<Snapshot, 't' | 'end'> & { t: number; end: number }>;
	opened: Opened[];
}

const MODEL_CALL = { write: 'send', end: 'close', destroy: 'close', reset: 'abort' } as const;
const NODE_CALL = { write: 'socket.write()', end: 'socket.end()', destroy: 'socket.destroy()', reset: 'socket.resetAndDestroy()' } as const;

/** nstat's lines "TcpExtSyncookiesSent 3 0.0" as counters. */
const nstatCounters = (output: string): Record<string, number> =>
	Object.fromEntries([...output.matchAll(/^(\w+)\s+(\d+)/gm)].map((m) => [m[1]!, Number(m[2])]));

async function play(scenario: Scenario, network: Network, peers: Record<Side, Peer>, shells: Record<Side, NamespaceShell>): Promise<Timeline> {
	const timeline: Timeline = { actions: [], events: [], snapshots: [], opened: [] };
	const consumed = new Set<PeerEvent>();
	const portOf = (conn: string) => {
		const opened = timeline.opened.findLast((o) => o.conn === conn);
		if (!opened) throw new Error(`connection ${conn} is used before a connect step opens it`);
		return opened.port;
	};
	/** The letter of the connection a server-side event concerns (the server knows it by the client's port). */
	const letterOf = (side: Side, event: { conn?: string; t: number }) =>
		side === 'client' || event.conn === undefined
			? event.conn
			: timeline.opened.findLast((o) => String(o.port) === event.conn && o.t <= event.t)?.conn;
	const target = (side: Side, conn: string) => (side === 'client' ? conn : String(portOf(conn)));

	for (const step of scenario.steps) {
		await runStep(step);
	}
	await sleep(scenario.settleMs);
	for (const side of ['client', 'server'] as const) {
		for (const event of peers[side].events) {
			const conn = letterOf(side, event);
			const { event: name, t, bytes, code } = event;
			timeline.events.push({ side, event: name, t, ...(conn && { conn }), ...(bytes && { bytes }), ...(code && { code }) });
		}
	}
	timeline.events.sort((a, b) => a.t - b.t);
	return timeline;

	async function runStep(step: Step): Promise<void> {
		const { addresses, ns } = network;
		switch (step.do) {
			case 'listen': {
				const { backlog, allowHalfOpen } = step;
				const t = await peers.server.call({ cmd: 'listen', host: addresses.server, port: scenario.port, allowHalfOpen, ...(backlog && { backlog }) });
				const options = [`port: ${scenario.port}`, ...(backlog ? [`backlog: ${backlog}`] : [])].join(', ');
				timeline.actions.push({ t, side: 'server', call: 'listen', ...(backlog && { backlog }), node: `server.listen({ ${options} })` });
				const answer = await peers.server.until(() => peers.server.events.find((e) => e.event === 'listening' || e.event === 'error'), 5_000, 'listen');
				if (answer.event === 'error') throw new Error(`the server could not listen on port ${scenario.port}: ${answer.code}`);
				return;
			}
			case 'connect': {
				const port = step.localPort ?? defaultLocalPort(step.conn);
				const t = await peers.client.call({
					cmd: 'connect',
					conn: step.conn,
					host: addresses.server,
					port: scenario.port,
					localAddress: addresses.client,
					localPort: port,
				});
				timeline.opened.push({ conn: step.conn, port, t });
				timeline.actions.push({ t, side: 'client', conn: step.conn, call: 'open', node: `net.connect({ port: ${scenario.port}, localPort: ${port} })` });
				return;
			}
			case 'write':
			case 'end':
			case 'destroy':
			case 'reset': {
				const conn = target(step.side, step.conn);
				const t = await peers[step.side].call(step.do === 'write' ? { cmd: 'write', conn, data: step.data } : { cmd: step.do, conn });
				const bytes = step.do === 'write' ? Buffer.byteLength(step.data) : undefined;
				timeline.actions.push({ t, side: step.side, conn: step.conn, call: MODEL_CALL[step.do], node: NODE_CALL[step.do], ...(bytes && { bytes }) });
				return;
			}
			case 'keepalive':
				await peers[step.side].call({ cmd: 'keepalive', conn: target(step.side, step.conn), idleMs: step.idleMs });
				return;
			case 'stall':
				// The reply comes when the stall is over; the scenario goes on meanwhile, and the run
				// does not wait for it (a stall may outlast the run: the application never accepted).
				void peers[step.side].call({ cmd: 'stall', ms: step.ms }, step.ms + 10_000).catch(() => {});
				return;
			case 'wait':
				await sleep(step.ms);
				return;
			case 'await': {
				const peer = peers[step.side];
				const what = `${scenario.name}: await ${step.side} ${step.event}${step.event === 'listening' ? '' : ` on ${step.conn}`}${step.code ? ` ${step.code}` : ''}`;
				const match = (e: PeerEvent) =>
					!consumed.has(e) &&
					e.event === step.event &&
					(step.event === 'listening' || letterOf(step.side, e) === step.conn) &&
					(step.code === undefined || e.code === step.code);
				const event = await peer.until(() => peer.events.find(match), step.timeoutMs, what);
				consumed.add(event);
				return;
			}
			case 'snapshot': {
				// Both namespaces at once when asked: states change within milliseconds.
				const sides = step.side === 'both' ? (['client', 'server'] as const) : [step.side];
				await Promise.all(
					sides.map(async (side) => {
						let outputs = '';
						for (const command of step.commands) {
							const { t, end, output } = await shells[side].run(command);
							outputs += output;
							const counters = command.startsWith('nstat') ? { counters: nstatCounters(output) } : {};
							timeline.snapshots.push({ t, end, label: step.label, ns: side, command, output, ...counters });
						}
						for (const pattern of step.expect?.[side] ?? []) {
							if (!new RegExp(pattern, 'm').test(outputs)) {
								throw new Retry(`snapshot "${step.label}" in the ${side} namespace does not show /${pattern}/:\n${outputs}`);
							}
						}
					}),
				);
				return;
			}
			case 'flood': {
				const script = join(import.meta.dirname, 'synflood.py');
				const args = [addresses.client, addresses.server, scenario.port, step.fromPort, step.count].map(String);
				run(inNs(ns.client, ['python3', script, ...args]));
				return;
			}
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Recording

function toolVersions(scenario: Scenario): Record<string, string> {
	const firstLine = (command: string[]) => {
		const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
		return `${result.stdout}${result.stderr}`.split('\n')[0]!.trim();
	};
	const tcpdump = spawnSync('tcpdump', ['--version'], { encoding: 'utf8' }).stdout.split('\n');
	const tools: Record<string, string> = {
		tcpdump: tcpdump[0] ?? '',
		libpcap: tcpdump[1] ?? '',
		nft: firstLine(['nft', '--version']),
		iproute2: firstLine(['ss', '-V']),
		ethtool: firstLine(['ethtool', '--version']),
		node: process.version,
	};
	if (scenario.steps.some((s) => s.do === 'flood')) tools.python3 = firstLine(['python3', '--version']);
	return tools;
}

function kernelHz(): number | null {
	try {
		const config = gunzipSync(readFileSync('/proc/config.gz')).toString();
		return Number(/^CONFIG_HZ=(\d+)$/m.exec(config)?.[1]) || null;
	} catch {
		return null;
	}
}

/** Each scenario connection letter → its connection number in the capture. */
function connectionsOf(opened: readonly Opened[], segments: readonly CapturedSegment[], start: number): Map<Opened, number> {
	const firsts = new Map<number, CapturedSegment>();
	for (const s of segments) if (!firsts.has(s.connection)) firsts.set(s.connection, s);
	const taken = new Set<number>();
	const numbers = new Map<Opened, number>();
	for (const o of opened) {
		const match = [...firsts.values()].find(
			(s) => !taken.has(s.connection) && s.clientPort === o.port && start + s.t >= o.t / 1000 - 0.001,
		);
		if (match) {
			taken.add(match.connection);
			numbers.set(o, match.connection);
		}
	}
	return numbers;
}

/** A run that went wrong in a way timing explains (a busy machine): worth trying again. */
class Retry extends Error {}

/** How often a scenario is tried before the lab gives up on it. */
const ATTEMPTS = 3;

interface Recorded {
	file: string;
	segments: number;
	dropped: number;
}

async function record(scenario: Scenario, outDir: string): Promise<Recorded> {
	const work = mkdtempSync(join(tmpdir(), `synack-lab-${scenario.name}-`));
	workDirs.add(work);
	const pcap = join(work, `${scenario.name}.pcap`);
	try {
		const network = makeNetwork(scenario);
		setSysctls(scenario, network);
		const sysctls = {
			client: readSysctls(network.ns.client, Object.keys(scenario.sysctls.client)),
			server: readSysctls(network.ns.server, Object.keys(scenario.sysctls.server)),
		};
		const rulesets = { client: nftRuleset(scenario.drops, scenario.port, 'client'), server: nftRuleset(scenario.drops, scenario.port, 'server') };
		for (const side of ['client', 'server'] as const) {
			const ruleset = rulesets[side];
			if (ruleset) run(inNs(network.ns[side], ['nft', '-f', '-']), ruleset);
		}

		// -U and --immediate-mode hand each packet to the file at once, so none is lost when tcpdump
		// stops; -Z root keeps tcpdump from dropping to a user who may not write to `work`.
		const captureCommand = ['tcpdump', '-i', network.capture.interface, '-w', pcap, '-U', '--immediate-mode', '-Z', 'root', '-n', 'tcp'];
		const tcpdump = start(inNs(network.ns[network.capture.ns], captureCommand));
		let tcpdumpLog = '';
		tcpdump.stderr.on('data', (data: Buffer) => (tcpdumpLog += data.toString()));
		for (let i = 0; i < 200 && !tcpdumpLog.includes('listening on'); i++) await sleep(25);
		if (!tcpdumpLog.includes('listening on')) throw new Error(`tcpdump did not start: ${tcpdumpLog.trim()}`);

		const peers = { client: startPeer('client', network.ns.client), server: startPeer('server', network.ns.server) };
		const shells = { client: new NamespaceShell(network.ns.client), server: new NamespaceShell(network.ns.server) };
		let timeline: Timeline;
		const listings = { client: '', server: '' };
		try {
			timeline = await play(scenario, network, peers, shells);
		} finally {
			tcpdump.kill('SIGINT');
			await exited(tcpdump, 5_000);
			// The counters as the capture ends: when the applications exit below, their kernels close
			// what is still open, and those segments are not in the capture.
			for (const side of ['client', 'server'] as const) {
				if (rulesets[side]) listings[side] = run(inNs(network.ns[side], ['nft', 'list', 'table', 'inet', NFT_TABLE]));
			}
			await Promise.all([peers.client.stop(), peers.server.stop()]);
			shells.client.close();
			shells.server.close();
		}
		for (const ns of new Set(Object.values(network.ns))) {
			run(['ip', 'netns', 'delete', ns]);
			namespaces.delete(ns);
		}

		const bytes = new Uint8Array(readFileSync(pcap));
		const shape = shapeOf(bytes, scenario.drops);
		const mismatch = shapeMismatch(scenario.shape, shape);
		if (mismatch) throw new Retry(`the capture does not have the declared shape, so it was not written.\n${mismatch}`);
		// The rules' own counters must agree with the segments the shape marks lost.
		const counted = { client: nftDropCounts(listings.client), server: nftDropCounts(listings.server) };
		scenario.drops.forEach((rule, i) => {
			const side = receiverOf(rule);
			const n = counted[side].shift();
			if (n !== shape.dropped[i]) {
				throw new Retry(`drop rule ${i + 1} dropped ${n} segments in the ${side} namespace, but the capture shows ${shape.dropped[i]} matching`);
			}
		});

		const start0 = shape.start;
		const since = (ms: number) => Math.round((ms / 1000 - start0) * 1e6) / 1e6;
		const numbers = connectionsOf(timeline.opened, shape.segments, start0);
		const connectionOf = (conn: string | undefined, t: number) => {
			const opened = timeline.opened.findLast((o) => o.conn === conn && o.t <= t + 1);
			return opened ? numbers.get(opened) : undefined;
		};
		const floods = scenario.steps.flatMap((s) => (s.do === 'flood' ? [[s.fromPort, s.fromPort + s.count - 1] as const] : []));
		const crafted = [...new Map(shape.segments.map((s) => [s.connection, s])).values()]
			.filter((s) => floods.some(([low, high]) => s.clientPort >= low && s.clientPort <= high))
			.map((s) => ({ connection: s.connection, t: Math.round(s.t * 1e6) / 1e6 }));

		const sidecar: Sidecar = sidecarSchema.parse({
			scenario: scenario.name,
			title: scenario.title,
			recorded: new Date().toISOString(),
			kernel: { release: release(), machine: machine(), hz: kernelHz() },
			tools: toolVersions(scenario),
			topology: scenario.topology,
			addresses: network.addresses,
			capture: {
				file: `${scenario.name}.pcap`,
				ns: network.capture.ns,
				interface: network.capture.interface,
				command: captureCommand.join(' ').replace(pcap, `${scenario.name}.pcap`),
			},
			sysctls,
			nft: listings,
			drops: dropSelectors(shape.segments, scenario.drops),
			crafted,
			actions: timeline.actions.map((a) => {
				const connection = connectionOf(a.conn, a.t);
				return { ...a, t: since(a.t), ...(connection && { connection }) };
			}),
			events: timeline.events.map((e) => {
				const connection = connectionOf(e.conn, e.t);
				return { ...e, t: since(e.t), ...(connection && { connection }) };
			}),
			snapshots: timeline.snapshots.sort((a, b) => a.t - b.t).map((s) => ({ ...s, t: since(s.t), end: since(s.end) })),
		});

		mkdirSync(outDir, { recursive: true });
		const file = join(outDir, `${scenario.name}.pcap`);
		copyFileSync(pcap, file);
		writeFileSync(join(outDir, `${scenario.name}.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
		return { file, segments: shape.segments.length, dropped: sidecar.drops.length };
	} finally {
		cleanUp();
	}
}

/** A pinned capture is checked where it is committed, not recorded again. */
function checkPinned(scenario: Scenario): string | null {
	const file = join(PINNED_CAPTURES, `${scenario.name}.pcap`);
	if (!existsSync(file)) return `${relative(ROOT, file)} is missing: record it with npm run lab -- ${scenario.name}`;
	return shapeMismatch(scenario.shape, shapeOf(new Uint8Array(readFileSync(file)), scenario.drops));
}

async function main(argv: string[]): Promise<number> {
	let outOption: string | undefined;
	let attempts = ATTEMPTS;
	const names: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--once') attempts = 1;
		else if (argv[i] !== '--out') names.push(argv[i]!);
		else if (!(outOption = argv[++i])) {
			console.error('--out needs a directory');
			return 2;
		}
	}
	const known = scenarioNames();
	const unknown = names.filter((name) => !known.includes(name));
	if (unknown.length) {
		console.error(`unknown scenario ${unknown.join(', ')}; the scenarios are: ${known.join(', ')}`);
		return 2;
	}
	const scenarios = await Promise.all((names.length ? names : known).map(loadScenario));
	const toRecord = names.length ? scenarios : scenarios.filter((s) => !s.pinned);
	const missing = missingRequirements(toRecord);
	if (missing.length) {
		console.error(`npm run lab cannot record captures here. Missing:\n${missing.map((m) => `  - ${m}`).join('\n')}`);
		return 2;
	}
	process.on('exit', cleanUp);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			cleanUp();
			process.exit(130);
		});
	}
	removeStaleNamespaces();
	let failures = 0;
	for (const scenario of scenarios) {
		if (!names.length && scenario.pinned) {
			const problem = checkPinned(scenario);
			console.log(`${problem ? 'FAIL' : 'ok  '} ${scenario.name}: pinned, checked and kept (${scenario.pinned})${problem ? `\n${problem}` : ''}`);
			if (problem) failures++;
			continue;
		}
		const outDir = outOption ?? (scenario.pinned ? PINNED_CAPTURES : LAB_CAPTURES);
		for (let attempt = 1; attempt <= attempts; attempt++) {
			const started = now();
			try {
				const result = await record(scenario, outDir);
				const seconds = ((now() - started) / 1000).toFixed(1);
				const tries = attempt > 1 ? ` (attempt ${attempt})` : '';
				console.log(`ok   ${scenario.name}: ${result.segments} segments, ${result.dropped} dropped, ${seconds} s${tries} → ${relative(process.cwd(), result.file)} and .json`);
				break;
			} catch (error) {
				const again = error instanceof Retry && attempt < attempts;
				console.error(`${again ? 'again' : 'FAIL '} ${scenario.name}: ${(error as Error).message}`);
				if (!again) {
					failures++;
					break;
				}
			}
		}
	}
	return failures ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
