/**
 * The sidecar written beside each lab capture (content/captures/lab/<name>.json): how the capture was
 * made and what the kernel and the applications reported while it ran. Lessons cite it, and the
 * model comparison reads it (the drops as the model's NetworkAction selectors, the user calls with
 * their times).
 *
 * Times `t` are seconds since the capture's first packet (negative before it), on the same clock as
 * the capture's timestamps. Connections are numbered from 1 in the order their first packet appears
 * in the capture, as groupConnections (src/capture) finds them.
 *
 * It needs neither root nor the lab: lessons, tests and the compare command read sidecars through it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import type { Side } from '../tcp/network.ts';

// src/tcp's SIDES, as a tuple zod can make an enum of (and Node can load: src/tcp's own imports have no
// file extensions, so scripts run by Node import only its types).
export const SIDES = ['client', 'server'] as const satisfies readonly Side[];
const side = z.enum(SIDES);

/** Seconds since the capture's first packet. */
const seconds = z.number().finite();
const connection = z.number().int().positive();
/** A connection's label in the scenario file ('a', 'b', …): the same connection on both sides. */
const label = z.string().regex(/^[a-z]$/, 'a single lowercase letter');

/** Kebab-case, as scenario and file names are written. */
export const scenarioName = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case, e.g. lost-syn-ack');

/**
 * A segment the lab dropped on its receiver's input hook, as the model's SegmentSelector
 * (src/tcp/network.ts): the `index`-th segment (0-based) of `connection` sent in `dir`, counting only
 * those whose flags read `flags` (e.g. "FIN, ACK") when given. The segment is in the capture: it was
 * sent, and lost on arrival.
 */
const dropSchema = z.strictObject({
	connection,
	dir: z.enum(['c2s', 's2c']),
	flags: z.string().regex(/^[A-Z]{3}(, [A-Z]{3})*$/, 'flag names joined by ", ", e.g. "FIN, ACK"').optional(),
	index: z.number().int().nonnegative(),
});

/** listen(2)'s backlog when a Node server.listen() gives none (lib/net.js). */
export const NODE_BACKLOG = 511;

/** A user call the application made, in the model's terms (UserCall, src/tcp/trace.ts). */
const actionSchema = z.strictObject({
	t: seconds,
	side,
	/** Unset for `listen`. */
	conn: label.optional(),
	/** Unset for `listen`, and for a connection that never put a packet on the wire. */
	connection: connection.optional(),
	call: z.enum(['listen', 'open', 'send', 'close', 'abort']),
	/** For `send`. */
	bytes: z.number().int().positive().optional(),
	/** For `listen`: listen(2)'s backlog, when the application gave one (else Node's, NODE_BACKLOG). */
	backlog: z.number().int().positive().optional(),
	/** What the application called in Node, e.g. "socket.end()". */
	node: z.string().min(1),
});

/** What an application was told by Node, e.g. a connection's 'error' with code ETIMEDOUT. */
const eventSchema = z.strictObject({
	t: seconds,
	side,
	conn: label.optional(),
	connection: connection.optional(),
	event: z.enum(['listening', 'connect', 'accept', 'data', 'end', 'close', 'error']),
	/** For `data`: how many bytes arrived. */
	bytes: z.number().int().positive().optional(),
	/** For `error`: Node's error code, e.g. ECONNREFUSED. */
	code: z.string().optional(),
});

/**
 * The output of a command run in a namespace at a moment of the scenario (`ss -tan`, `nstat -as`, …).
 * It read the kernel's tables somewhere between `t` and `end` (starting a process takes a while).
 */
const snapshotSchema = z.strictObject({
	t: seconds,
	end: seconds,
	label: z.string().min(1),
	ns: side,
	command: z.string().min(1),
	output: z.string(),
	/** For nstat: the counters it printed, by name (nstat prints only those that are not zero). */
	counters: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/** Sysctl values as `sysctl -n` prints them, by name without the `net.` prefix (e.g. ipv4.tcp_syn_retries). */
const sysctls = z.record(z.string().regex(/^(ipv4|core)\.[a-z0-9_.]+$/), z.string());

export const sidecarSchema = z.strictObject({
	scenario: scenarioName,
	/** One line: what the capture shows. */
	title: z.string().min(1),
	recorded: z.iso.datetime(),
	/** The recording kernel: uname -r, uname -m, and CONFIG_HZ (its timer wheel's tick; null if unknown). */
	kernel: z.strictObject({ release: z.string().min(1), machine: z.string().min(1), hz: z.number().int().positive().nullable() }),
	/** Versions of the tools that made the capture: tcpdump, libpcap, nft, iproute2, node, … */
	tools: z.record(z.string(), z.string()),
	/** veth: client and server in two namespaces joined by a veth pair; loopback: both on one namespace's lo. */
	topology: z.enum(['veth', 'loopback']),
	addresses: z.strictObject({ client: z.ipv4(), server: z.ipv4() }),
	capture: z.strictObject({
		/** The capture file's name, beside this sidecar. */
		file: z.string().regex(/^[a-z0-9-]+\.pcap$/),
		/** The namespace tcpdump ran in, and on which interface. */
		ns: side,
		interface: z.string().min(1),
		command: z.string().min(1),
	}),
	/** Each namespace's TCP settings during the run, whether the scenario set them or not. */
	sysctls: z.strictObject({ client: sysctls, server: sysctls }),
	/** Each namespace's nftables ruleset after the run, with its counters ('' when it had none). */
	nft: z.strictObject({ client: z.string(), server: z.string() }),
	drops: z.array(dropSchema),
	/** Connections opened by SYNs crafted with a raw socket (no client socket behind them), and when. */
	crafted: z.array(z.strictObject({ connection, t: seconds })),
	actions: z.array(actionSchema),
	events: z.array(eventSchema),
	snapshots: z.array(snapshotSchema),
});

export type Sidecar = z.infer<typeof sidecarSchema>;
export type Drop = z.infer<typeof dropSchema>;
export type Action = z.infer<typeof actionSchema>;
export type AppEvent = z.infer<typeof eventSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;

/** `a.b[2].c`, as a reader finds the field in the file. */
export function fieldPath(path: readonly PropertyKey[]): string {
	return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** A failed parse's issues on one line, each after the field it concerns: "drops[0].index: …; title: …". */
export const issuesText = (error: z.ZodError): string =>
	error.issues.map((issue) => `${fieldPath(issue.path) || '(top level)'}: ${issue.message}`).join('; ');

/** Parses a sidecar's text; errors name the file, then the field. */
export function parseSidecar(text: string, file: string): Sidecar {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new Error(`${file}: not JSON: ${(error as Error).message}`);
	}
	const result = sidecarSchema.safeParse(json);
	if (!result.success) throw new Error(`${file}: ${issuesText(result.error)}`);
	return result.data;
}

export const readSidecar = (file: string): Sidecar => parseSidecar(readFileSync(file, 'utf8'), file);
