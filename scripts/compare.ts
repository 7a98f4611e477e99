/**
 * npm run compare -- FILE [--scenario NAME] [--profile linux|rfc9293] [--hz N] [--connection N]
 *
 * Reads a pcap or pcapng capture, and for each TCP connection in it runs the model (src/tcp) with
 * the capture's own ISNs, delays, application calls and losses, then prints one table, segment by
 * segment: flags, seq and ack relative to the ISNs, payload length, time, and both endpoints' states
 * in the model. A kernel-lab sidecar beside the file (FILE with .json for .pcap) supplies the losses,
 * the calls, the sysctls and the recording kernel's HZ; without one they are read off the capture.
 *
 * Exit status: 0 when every connection agrees with the model, 1 when one does not (the first
 * difference is named), 2 when the file cannot be read (the reader's error, with its offset) or
 * the command line is wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CaptureError, groupConnections, readCapture, type Connection } from '../src/capture/index.ts';
import {
	acceptQueue,
	baseToleranceMs,
	compareConnection,
	configFromSysctls,
	DEFAULT_HZ,
	describeRun,
	inferKeepAlive,
	observedSegments,
	queueFullFor,
	ssState,
	type CapturedCall,
	type CapturedSegment,
	type Comparison,
	type ListenerConnection,
	type Row,
	type StateReading,
} from '../src/compare/index.ts';
import { MORE_SCENARIO_NAMES, PROFILE_NAMES, PROFILES, scenario, SCENARIO_NAMES, senderOf, type NetworkAction, type ProfileName, type SegmentSelector, type Side } from '../src/tcp/index.ts';
import { NODE_BACKLOG, readSidecar, type Sidecar } from '../src/schemas/sidecar.ts';

/** The model scenarios whose losses --scenario may name. */
const MODEL_SCENARIOS: readonly string[] = [...SCENARIO_NAMES, ...MORE_SCENARIO_NAMES];

const USAGE = `usage: npm run compare -- FILE [--scenario NAME] [--profile linux|rfc9293] [--hz N] [--connection N]

  FILE            a pcap or pcapng capture; a kernel-lab sidecar FILE.json beside it is read too
  --scenario      a model scenario whose losses stand for the capture's, one of:
                  ${MODEL_SCENARIOS.join(', ')}
  --profile       whose behaviour the model follows (default linux)
  --hz            the recording kernel's timer frequency (default: the sidecar's, else ${DEFAULT_HZ})
  --connection    compare only this connection (numbered from 1 in order of appearance)

exit status: 0 the capture agrees with the model, 1 it does not, 2 the file cannot be read`;

export interface Output {
	out: (line: string) => void;
	err: (line: string) => void;
}

class UsageError extends Error {}

interface Args {
	file: string;
	profile: ProfileName;
	scenario?: string;
	hz?: number;
	connection?: number;
}

function parse(argv: string[]): Args {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { scenario: { type: 'string' }, profile: { type: 'string', default: 'linux' }, hz: { type: 'string' }, connection: { type: 'string' } },
	});
	if (positionals.length !== 1) throw new UsageError(positionals.length ? 'one FILE at a time' : 'no FILE given');
	const profile = values.profile as ProfileName;
	if (!PROFILE_NAMES.includes(profile)) throw new UsageError(`--profile: "${values.profile}" is not one of ${PROFILE_NAMES.join(', ')}`);
	if (values.scenario !== undefined && !MODEL_SCENARIOS.includes(values.scenario)) throw new UsageError(`--scenario: no model scenario is called "${values.scenario}"`);
	const count = (name: string, text: string | undefined) => {
		if (text === undefined) return undefined;
		if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--${name}: "${text}" is not a positive whole number`);
		return Number(text);
	};
	return {
		file: positionals[0]!,
		profile,
		...(values.scenario !== undefined && { scenario: values.scenario }),
		...(values.hz !== undefined && { hz: count('hz', values.hz) }),
		...(values.connection !== undefined && { connection: count('connection', values.connection) }),
	};
}

const sidecarOf = (file: string): string | null => {
	const json = file.replace(/\.(pcapng|pcap)$/, '.json');
	return json !== file && existsSync(json) ? json : null;
};

// --- the table ------------------------------------------------------------------------------------

const ms = (t: number) => t.toFixed(3);
const tolerance = (t: number) => (t < 10 ? t.toFixed(1) : String(Math.round(t)));
const arrow = (from: Side) => (from === 'client' ? 'C→S' : 'S→C');

const COLUMNS = ['#', 'pkt', 'time ms', 'model ms', 'dir', 'flags', 'seq', 'ack', 'len', 'why (model)', 'client (model)', 'server (model)', ''] as const;
const RIGHT = new Set(['#', 'pkt', 'time ms', 'model ms', 'seq', 'ack', 'len']);

/** One line for a segment both have (differing at most in time), else a line each. */
function cells(row: Row, n: number): string[][] {
	const { capture: cap, model: mod } = row;
	const mark = row.differences.length ? `✗ ${row.differences.join(', ')}` : '✓';
	const modelTime = mod && row.expectedT !== null ? `${ms(row.expectedT)} ±${tolerance(mod.toleranceMs)}` : '';
	const modelCols = mod ? [`${mod.reason}${mod.lost ? ' (lost)' : ''}`, mod.states.client, mod.states.server] : ['', '', ''];
	const seg = (s: CapturedSegment | NonNullable<Row['model']>) => [arrow(s.from), s.flags, String(s.relSeq), s.relAck === null ? '-' : String(s.relAck), String(s.len)];
	if (cap && mod && row.differences.every((d) => d === 'time')) return [[String(n), String(cap.packet), ms(cap.t), modelTime, ...seg(cap), ...modelCols, mark]];
	const lines: string[][] = [];
	if (cap) lines.push([String(n), String(cap.packet), ms(cap.t), '', ...seg(cap), '', '', '', mod ? mark : '✗ not in the model']);
	if (mod) lines.push([cap ? '' : String(n), cap ? '' : '-', '', modelTime, ...seg(mod), ...modelCols, cap ? '(the model)' : '✗ only in the model']);
	return lines;
}

function table(c: Comparison): string[] {
	const body = c.rows.flatMap((row, i) => cells(row, i + 1));
	const all = [[...COLUMNS], ...body];
	const width = COLUMNS.map((_, k) => Math.max(...all.map((r) => (r[k] ?? '').length)));
	return all.map((r) =>
		r
			.map((cell, k) => (RIGHT.has(COLUMNS[k]!) ? cell.padStart(width[k]!) : cell.padEnd(width[k]!)))
			.join('  ')
			.trimEnd(),
	);
}

function firstDifference(c: Comparison): string {
	const row = c.rows[c.first]!;
	const say = (s: CapturedSegment | NonNullable<Row['model']>) =>
		`${s.from} ${s.flags} seq=${s.relSeq}${s.relAck === null ? '' : ` ack=${s.relAck}`}${s.len ? ` len=${s.len}` : ''}`;
	const n = c.first + 1;
	if (!row.capture) return `segment ${n}: the model sends ${say(row.model!)} (${row.model!.reason}) at ${ms(row.expectedT!)} ms; the capture has no such segment`;
	const at = `segment ${n} (packet ${row.capture.packet}, ${ms(row.capture.t)} ms)`;
	if (!row.model) return `${at}: the capture has ${say(row.capture)}; the model sends nothing more`;
	const fields = row.differences.filter((d) => d !== 'time');
	if (!fields.length) return `${at}: the capture has ${say(row.capture)} there, the model at ${ms(row.expectedT!)} ms ± ${tolerance(row.model.toleranceMs)} (${row.model.reason})`;
	const when = row.differences.includes('time') ? ` at ${ms(row.expectedT!)} ms` : '';
	return `${at}: the capture has ${say(row.capture)}, the model ${say(row.model)} (${row.model.reason})${when} — ${row.differences.join(', ')} differ`;
}

const dropText = (d: NetworkAction) => (d.do === 'inject' ? `a ${d.dir} segment injected at ${d.at} ms` : `${senderOf(d.dir)} ${d.flags ?? 'segment'} #${(d.index ?? 0) + 1}`);
const callText = (k: CapturedCall) => `${k.side} ${k.call}${k.bytes ? ` ${k.bytes} B` : ''} at ${ms(k.t)} ms`;

// --- one connection -----------------------------------------------------------------------------------

interface Known {
	sidecar: Sidecar | null;
	sidecarFile: string | null;
	/** Every connection in the capture, numbered from 1. */
	connections: readonly Connection[];
}

/** Connections on one 4-tuple, one after another (a client reconnecting from its port): one model run. */
interface Group {
	numbers: number[];
	connections: Connection[];
}

function groups(connections: readonly Connection[]): Group[] {
	const key = (c: Connection) => `${c.client.address} ${c.client.port} ${c.server.address} ${c.server.port}`;
	const list: Group[] = [];
	connections.forEach((c, i) => {
		const last = list.at(-1);
		if (last && key(last.connections.at(-1)!) === key(c)) {
			last.numbers.push(i + 1);
			last.connections.push(c);
		} else list.push({ numbers: [i + 1], connections: [c] });
	});
	return list;
}

/**
 * The sidecar's losses for a group, counted from the group's start: a selector counts the segments
 * of its own connection, the model those of all the incarnations before it too.
 */
function groupDrops(sidecar: Sidecar, group: Group, segments: readonly CapturedSegment[][]): SegmentSelector[] {
	return sidecar.drops.flatMap(({ connection, ...d }) => {
		const k = group.numbers.indexOf(connection);
		if (k < 0) return [];
		const dir: Side = senderOf(d.dir);
		const before = segments.slice(0, k).flat().filter((s) => s.from === dir && (!d.flags || s.flags === d.flags)).length;
		return [{ ...d, index: d.index + before }];
	});
}

const ep = (e: Connection['client']) => `${e.address}:${e.port}`;

/**
 * The server's accept queue, from the sidecar: listen(2)'s backlog as the kernel took it (capped by
 * net.core.somaxconn: net/socket.c __sys_listen_socket), and the connections to the same listener
 * that completed before and waited, until the application accepted them ('accept' events).
 */
function listenerQueue(sidecar: Sidecar, known: Known, group: Group, origin: Parameters<typeof observedSegments>[1]) {
	const listen = sidecar.actions.find((a) => a.call === 'listen');
	if (!listen) return null;
	const somaxconn = Number(sidecar.sysctls.server['core.somaxconn']);
	const backlog = Math.min(listen.backlog ?? NODE_BACKLOG, Number.isInteger(somaxconn) ? somaxconn : Infinity);
	const server = ep(group.connections[0]!.server);
	const listener: ListenerConnection[] = known.connections.flatMap((c, i) => {
		const number = i + 1;
		if (ep(c.server) !== server) return [];
		const accepted = sidecar.events.find((e) => e.side === 'server' && e.event === 'accept' && e.connection === number);
		const drops = sidecar.drops.filter((d) => d.connection === number);
		return [{ number, segments: observedSegments(c, origin), drops, acceptedAt: accepted ? accepted.t * 1000 : null }];
	});
	const queue = acceptQueue(listener, backlog);
	const full = queueFullFor(queue, group.numbers, backlog);
	// Given to the model, and shown, only where the others filled it at some moment.
	return { backlog, queue: queue.filter((q) => !group.numbers.includes(q.number)), full, everFull: queue.some((q) => full(q.from)) };
}

function compareOne(args: Args, known: Known, group: Group, origin: Parameters<typeof observedSegments>[1], io: Output): boolean {
	const { sidecar } = known;
	const parts = group.connections.map((c) => observedSegments(c, origin));
	const segments = parts.flat();
	const connection = group.connections[0]!;
	const mine = (k: number | undefined) => k !== undefined && group.numbers.includes(k);
	const drops = sidecar ? groupDrops(sidecar, group, parts) : undefined;
	const calls = sidecar?.actions
		.filter((a) => mine(a.connection) || (a.connection === undefined && a.call === 'listen'))
		.map((a): CapturedCall => ({ t: a.t * 1000, side: a.side, call: a.call, ...(a.bytes !== undefined && { bytes: a.bytes }) }));
	// The lab's peers turn keep-alive on as soon as Node reports the connection ('connect', 'accept').
	const probing = inferKeepAlive(segments);
	const keepAlive = (sidecar?.events ?? [])
		.filter((e) => mine(e.connection) && probing[e.side] && (e.event === 'connect' || e.event === 'accept'))
		.map((e): CapturedCall => ({ t: e.t * 1000, side: e.side, call: 'keepalive' }));
	const hz = args.hz ?? sidecar?.kernel.hz ?? DEFAULT_HZ;
	const config = sidecar && args.profile === 'linux' ? { client: configFromSysctls(sidecar.sysctls.client), server: configFromSysctls(sidecar.sysctls.server) } : undefined;
	const from = known.sidecarFile ? basename(known.sidecarFile) : '';
	// The kernel's own word on the states: ss in each namespace, at moments the lab chose.
	const readings: StateReading[] = (sidecar?.snapshots ?? [])
		.filter((snap) => /^ss -ta/.test(snap.command))
		.map((snap) => {
			const [local, peer] = snap.ns === 'client' ? [connection.client, connection.server] : [connection.server, connection.client];
			return { t: snap.t * 1000, end: snap.end * 1000, side: snap.ns, state: ssState(snap.output, local, peer), label: snap.label };
		});
	const queue = sidecar && listenerQueue(sidecar, known, group, origin);
	const c = compareConnection(segments, {
		readings,
		...(queue?.everFull && { acceptQueueFull: queue.full }),
		profile: args.profile,
		hz,
		...(args.scenario ? { scenarioDrops: scenario(args.scenario).network?.script ?? [] } : drops && { drops }),
		...(calls && { calls: [...calls, ...keepAlive] }),
		...(config && { config }),
	});

	const which = group.numbers.length > 1 ? `connections ${group.numbers.join(' and ')}, one 4-tuple opened ${group.numbers.length} times` : `connection ${group.numbers[0]}`;
	io.out(`${basename(args.file)}, ${which}: ${ep(connection.client)} → ${ep(connection.server)}${connection.openedBySyn ? '' : ' (the capture starts mid-connection: its client is a guess)'}`);
	if (sidecar) io.out(`  recorded by the kernel lab: ${sidecar.scenario} — ${sidecar.title} (${from})`);
	io.out(`  shows: ${args.scenario ?? describeRun(c.trace)}${args.scenario ? ' (as named)' : ' (as the model reads it)'}`);
	io.out(`  profile: ${args.profile}${config ? `, with the sysctls in ${from}` : ''}`);
	const source = { given: `from ${from}`, scenario: `from the model scenario ${args.scenario}`, inferred: 'read off the capture' };
	const losses = c.drops.map((d, i) => `${dropText(d)} (${source[c.dropsFrom[i]!]})`);
	io.out(`  losses: ${losses.length ? losses.join(', ') : 'none'}`);
	if (queue?.everFull) {
		const waiting = queue.queue.map((q) => `connection ${q.number} from ${ms(q.from)} ms${q.to === null ? '' : ` to ${ms(q.to)} ms`}`);
		const unused = PROFILES[args.profile].config.acceptQueue ? '' : `; the ${args.profile} profile has no accept queue`;
		io.out(`  accept queue: backlog ${queue.backlog} (${from}), full while more than ${queue.backlog} wait: ${waiting.join(', ')}${queue.queue.every((q) => q.to === null) ? ' (never accepted)' : ''}${unused}`);
	}
	io.out(`  calls: ${c.calls.map(callText).join('; ')} (${c.callsFrom === 'given' ? `from ${from}, timed by the capture` : 'read off the capture'})`);
	const base = baseToleranceMs(c.toCapture);
	io.out(
		`  wire: ${c.toCapture.client.toFixed(3)} ms from the client to the capture point, ${c.toCapture.server.toFixed(3)} ms from the server; ` +
			`times agree within ${base.toFixed(1)} ms, plus how late a kernel timer may fire (HZ ${hz})`,
	);
	io.out(`  seq and ack count from each side's ISN; the states are the model's, once the segment has arrived (or was lost)`);
	io.out('');
	for (const line of table(c)) io.out(`  ${line}`);
	io.out('');
	if (c.after) io.out(`  (the model sends ${c.after} more segment${c.after > 1 ? 's' : ''} after the capture ends; not compared)`);
	const checks = c.states;
	if (checks.length) {
		io.out(`  states the kernel reported (${from}: ss -tan in each namespace) against the model's at that moment:`);
		for (const k of checks) {
			const when = `${ms(k.reading.t).padStart(10)}–${ms(k.reading.end)} ms`;
			io.out(`    ${when}  ${k.reading.side.padEnd(6)}  ${k.reading.state.padEnd(12)}  model ${k.model.join(' or ').padEnd(24)}  ${k.agree ? '✓' : '✗'}  “${k.reading.label}”`);
		}
		io.out('');
	}
	const wrong = checks.find((k) => !k.agree);
	if (c.agree) io.out(`  agree: all ${segments.length} segments${checks.length ? ` and ${checks.length} state readings` : ''}, under the ${args.profile} profile`);
	else if (c.first >= 0) io.out(`  first difference: ${firstDifference(c)}`);
	else io.out(`  first difference: “${wrong!.reading.label}”: ss shows the ${wrong!.reading.side} in ${wrong!.reading.state} between ${ms(wrong!.reading.t)} and ${ms(wrong!.reading.end)} ms, the model has it in ${wrong!.model.join(' or ')}`);
	return c.agree;
}

// --- main -------------------------------------------------------------------------------------------

export function main(argv: string[], io: Output): number {
	let args: Args;
	try {
		args = parse(argv);
	} catch (error) {
		io.err(`${(error as Error).message}\n\n${USAGE}`);
		return 2;
	}
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(readFileSync(args.file));
	} catch (error) {
		io.err(`${args.file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
		return 2;
	}
	let capture: ReturnType<typeof readCapture>;
	try {
		capture = readCapture(bytes);
	} catch (error) {
		if (!(error instanceof CaptureError)) throw error;
		io.err(`${args.file}: not a capture this reader can read: ${error.message}`);
		return 2;
	}
	const sidecarFile = sidecarOf(args.file);
	let sidecar: Sidecar | null = null;
	try {
		sidecar = sidecarFile ? readSidecar(sidecarFile) : null;
	} catch (error) {
		io.err((error as Error).message);
		return 2;
	}
	const connections = groupConnections(capture.packets);
	if (!connections.length) {
		io.err(`${args.file}: no TCP segment in its ${capture.packets.length} packets`);
		return 2;
	}
	if (args.connection !== undefined && args.connection > connections.length) {
		io.err(`--connection ${args.connection}: ${args.file} has ${connections.length} TCP connection${connections.length > 1 ? 's' : ''}`);
		return 2;
	}
	const crafted = new Set(sidecar?.crafted.map((x) => x.connection) ?? []);
	let agree = true;
	let first = true;
	for (const group of groups(connections)) {
		if (args.connection !== undefined && !group.numbers.includes(args.connection)) continue;
		if (!first) io.out('');
		first = false;
		if (group.numbers.some((n) => crafted.has(n))) {
			io.out(`${basename(args.file)}, connection ${group.numbers.join(' and ')}: not compared — its SYN was crafted, with no client TCP behind it (${basename(sidecarFile!)})`);
			continue;
		}
		agree = compareOne(args, { sidecar, sidecarFile, connections }, group, capture.packets[0]!.timestamp, io) && agree;
	}
	return agree ? 0 : 1;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
