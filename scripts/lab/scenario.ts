/**
 * A lab scenario: one small declarative file in scripts/lab/scenarios/, like a packetdrill script.
 * It says what the two applications do (steps), which segments the network loses (drops), which
 * sysctls each namespace gets, when to look at the kernel (ss, nstat), and the shape the capture
 * must show. scripts/lab/lab.ts plays it in network namespaces and refuses to write a capture of
 * another shape.
 *
 * Shape lines, one per captured segment, connection by connection in the order each connection's
 * first packet appears (segments of one connection in capture order):
 *
 *     [#N ]c>s|s>c FLAGS seq=S ack=A|- len=L[ lost][ @[+]T±D]
 *
 * `#N` numbers the connection from 1 (omitted for the first); seq and ack are relative to each
 * side's first sequence number, as Wireshark shows them; `lost` marks a segment the lab dropped on
 * its receiver's input hook (it was sent, so it is in the capture); `@T±D` asks that the segment be
 * captured T seconds after the capture's first packet, give or take D, and `@+T±D` T seconds after
 * the segment on the line before. Only where timing is the point do lines carry one.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'astro/zod';
import { issuesText, scenarioName, SIDES } from '../../src/schemas/sidecar.ts';

export const ROOT = join(import.meta.dirname, '../..');
const SCENARIO_DIR = join(import.meta.dirname, 'scenarios');
/** Where `npm run lab` writes captures and sidecars. */
export const LAB_CAPTURES = join(ROOT, 'content/captures/lab');
/** Where pinned scenarios' captures live: the real-capture lesson's three loopback files. */
export const PINNED_CAPTURES = join(ROOT, 'content/captures');

const side = z.enum(SIDES);
const port = z.number().int().min(1).max(65_535);
const ms = z.number().int().nonnegative();
/** The connection a step acts on: the same letter on both sides ('a' unless the scenario opens more). */
const conn = z
	.string()
	.regex(/^[a-z]$/, 'a single lowercase letter')
	.default('a');

/** Flags as the model writes them (src/tcp/segment.ts flagText): "FIN, ACK". */
const flagsText = z
	.string()
	.regex(/^(FIN|SYN|RST|PSH|ACK|URG)(, (FIN|SYN|RST|PSH|ACK|URG))*$/, 'flag names joined by ", ", e.g. "FIN, ACK"');

/** What a snapshot may run in a namespace. */
const SNAPSHOT_COMMANDS = ['ss -tan', 'ss -tano', 'ss -lnt', 'nstat -as'] as const;

const regex = z.string().refine((text) => {
	try {
		new RegExp(text, 'm');
		return true;
	} catch {
		return false;
	}
}, 'a regular expression');

const APP_EVENTS = ['listening', 'connect', 'accept', 'data', 'end', 'close', 'error'] as const;

const step = z.discriminatedUnion('do', [
	/** The server application listens on the scenario's port. */
	z.strictObject({
		do: z.literal('listen'),
		/** listen(2)'s backlog; Node's default is 511 (the kernel caps it at net.core.somaxconn). */
		backlog: z.number().int().positive().optional(),
		/** false: Node ends an accepted socket as soon as its peer's FIN arrives (the FIN then rides on the delayed ACK). */
		allowHalfOpen: z.boolean().default(true),
	}),
	/** The client application connects; its local port is 40000 + the letter's place (a: 40001) unless given. */
	z.strictObject({ do: z.literal('connect'), conn, localPort: port.optional() }),
	z.strictObject({ do: z.literal('write'), side, conn, data: z.string().min(1) }),
	/** socket.end(): shutdown(SHUT_WR), a FIN. */
	z.strictObject({ do: z.literal('end'), side, conn }),
	/** socket.destroy(): close(2). */
	z.strictObject({ do: z.literal('destroy'), side, conn }),
	/** socket.resetAndDestroy(): close(2) with SO_LINGER 0, a RST. */
	z.strictObject({ do: z.literal('reset'), side, conn }),
	/** socket.setKeepAlive(true, idleMs). */
	z.strictObject({ do: z.literal('keepalive'), side, conn, idleMs: ms }),
	/**
	 * The application stops running for `ms` (its event loop blocked): it neither accepts nor reads.
	 * The run goes on meanwhile and does not wait for the stall to end.
	 */
	z.strictObject({ do: z.literal('stall'), side, ms: ms.min(1) }),
	z.strictObject({ do: z.literal('wait'), ms: ms.min(1) }),
	/**
	 * Wait until the application has been told `event` about `conn` (for 'listening', about its
	 * server); each await consumes one such event, so two awaits of 'data' wait for two.
	 */
	z.strictObject({
		do: z.literal('await'),
		side,
		conn,
		event: z.enum(APP_EVENTS),
		/** For 'error': the code it must carry, e.g. ETIMEDOUT. */
		code: z.string().optional(),
		timeoutMs: ms.min(1).default(5_000),
	}),
	/** Run commands in a namespace (or in both at once) and keep their output in the sidecar. */
	z.strictObject({
		do: z.literal('snapshot'),
		label: z.string().min(1),
		side: z.enum([...SIDES, 'both']),
		commands: z.array(z.enum(SNAPSHOT_COMMANDS)).min(1),
		/**
		 * What each side's output must show, as regular expressions (multiline), e.g. '^FIN-WAIT-1 ':
		 * starting a process can take a tenth of a second on a busy machine, so a short-lived state
		 * may be gone when ss reads the kernel's tables. The run is then tried again.
		 */
		expect: z.strictObject({ client: z.array(regex).optional(), server: z.array(regex).optional() }).optional(),
	}),
	/** SYNs crafted with a raw socket in the client namespace, from ports fromPort… (no socket behind them). */
	z.strictObject({ do: z.literal('flood'), count: z.number().int().positive().max(1_000), fromPort: port }),
]);

/**
 * Segments dropped on the receiver's input hook: of those sent in `dir` (whose flags read `flags`,
 * if given, and whose client port is within `clientPorts`, if given), counted from 0 over the whole
 * run in the order they arrive, numbers index … index + count − 1.
 */
export const dropRuleSchema = z.strictObject({
	dir: z.enum(['c2s', 's2c']),
	flags: flagsText.optional(),
	index: z.number().int().nonnegative().default(0),
	count: z.union([z.number().int().positive(), z.literal('all')]).default(1),
	clientPorts: z.tuple([port, port]).optional(),
});

const SHAPE_LINE =
	/^(?:#(?<connection>[1-9]\d*) )?(?<dir>c>s|s>c) (?<flags>[A-Z]{3}(?:,[A-Z]{3})*) seq=(?<seq>\d+) ack=(?<ack>\d+|-) len=(?<len>\d+)(?<lost> lost)?(?: @(?<after>\+)?(?<t>\d+(?:\.\d+)?)±(?<tolerance>\d+(?:\.\d+)?))?$/;

export interface ShapeLine {
	/** The line without its timing: what a captured segment's own line must equal. */
	text: string;
	/** When it must be captured: seconds since the first packet, or since the line before's segment. */
	at?: { t: number; tolerance: number; sincePrevious: boolean };
}

export function parseShapeLine(line: string): ShapeLine | null {
	const match = SHAPE_LINE.exec(line);
	if (!match?.groups) return null;
	const { t, tolerance, after } = match.groups;
	const text = line.replace(/ @.*$/, '');
	if (t === undefined || tolerance === undefined) return { text };
	return { text, at: { t: Number(t), tolerance: Number(tolerance), sincePrevious: after !== undefined } };
}

const sysctlSettings = z.record(z.string().regex(/^(ipv4|core)\.[a-z0-9_.]+$/, 'a name under net., e.g. ipv4.tcp_syn_retries'), z.union([z.number(), z.string()]));

const scenarioSchema = z
	.strictObject({
		name: scenarioName,
		/** One line, in English: what the capture shows. */
		title: z.string().min(1),
		/**
		 * veth: the client and the server in two namespaces joined by a veth pair (192.0.2.1 and
		 * 192.0.2.2), captured on the client's end. loopback: both in one namespace, on its lo.
		 */
		topology: z.enum(['veth', 'loopback']).default('veth'),
		/** The server's port. */
		port: port.default(8080),
		/** Set in each namespace before anything runs; a loopback scenario has only the server's. */
		sysctls: z.strictObject({ client: sysctlSettings.default({}), server: sysctlSettings.default({}) }).default({ client: {}, server: {} }),
		drops: z.array(dropRuleSchema).default([]),
		steps: z.array(step).min(1),
		/** How long the capture runs on after the last step, so that late segments are in it. */
		settleMs: ms.default(300),
		shape: z.array(z.string().refine((line) => parseShapeLine(line) !== null, 'a shape line: [#N ]c>s|s>c FLAGS seq=S ack=A|- len=L[ lost][ @[+]T±D]')).min(1),
		/**
		 * Why the committed capture must not change: it lives in content/captures/ (not lab/), has no
		 * sidecar, and `npm run lab` checks it instead of recording it again unless it is named.
		 */
		pinned: z.string().min(1).optional(),
	})
	.refine((s) => s.topology === 'veth' || Object.keys(s.sysctls.client).length === 0, {
		message: 'a loopback scenario runs in one namespace: set its sysctls under `server`',
		path: ['sysctls', 'client'],
	})
	.refine((s) => s.topology === 'veth' || s.drops.length === 0, {
		message: 'drops need two namespaces: use topology veth',
		path: ['drops'],
	});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Step = Scenario['steps'][number];
export type DropRule = z.infer<typeof dropRuleSchema>;

/** The client's default local port for a connection letter: a → 40001, b → 40002, … */
export const defaultLocalPort = (conn: string) => 40_000 + conn.charCodeAt(0) - 'a'.charCodeAt(0) + 1;

export function parseScenario(value: unknown, file: string): Scenario {
	const result = scenarioSchema.safeParse(value);
	if (!result.success) throw new Error(`${file}: ${issuesText(result.error)}`);
	const expected = file.replace(/^.*\//, '').replace(/\.ts$/, '');
	if (result.data.name !== expected) throw new Error(`${file}: name: "${result.data.name}" must be the file's name, "${expected}"`);
	return result.data;
}

const scenarioFile = (name: string) => join(SCENARIO_DIR, `${name}.ts`);

export const scenarioNames = (): string[] =>
	readdirSync(SCENARIO_DIR)
		.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
		.map((file) => file.slice(0, -3))
		.sort();

export async function loadScenario(name: string): Promise<Scenario> {
	const file = scenarioFile(name);
	const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
	return parseScenario(module.default, relative(ROOT, file));
}
