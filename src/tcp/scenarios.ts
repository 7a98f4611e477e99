import type { EndpointConfig } from './endpoint.ts';
import { TcpError } from './errors.ts';
import type { IsnSource } from './isn.ts';
import type { NetworkAction, Side } from './network.ts';
import { PROFILES, type ProfileName } from './profile.ts';
import { parseFlags } from './segment.ts';
import { seqAdd } from './sequence.ts';
import { simulate, type SimulationConfig, type UserAction } from './simulate.ts';
import { otherSide, type Trace } from './trace.ts';

export const SCENARIO_NAMES = [
	'handshake',
	'lost-syn',
	'lost-syn-ack',
	'lost-ack',
	'simultaneous-open',
	'refused',
	'old-duplicate-syn',
	'teardown',
	'teardown-fin-ack',
	'half-close',
	'lost-final-ack',
	'simultaneous-close',
	'time-wait-expiry',
] as const;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/**
 * Scenarios the kernel lab records (content/captures/lab/) beyond the lessons' own: the model runs
 * them and npm run compare names them, but no widget lists them (they have no texts there yet).
 */
export const MORE_SCENARIO_NAMES = ['lost-fin', 'lost-ack-then-data', 'abort', 'time-wait-new-syn'] as const;

export type MoreScenarioName = (typeof MORE_SCENARIO_NAMES)[number];

export interface ScenarioOptions {
	/** Default: the ISNs of RFC 9293's figures, client 100 and server 300. */
	isn?: { client: number | IsnSource; server: number | IsnSource };
	/** Whose behaviour both endpoints follow; default 'rfc9293'. */
	profile?: ProfileName;
	/** TIME-WAIT's length in ms, instead of the profile's (2×MSL, or Linux's 60 s). */
	timeWaitMs?: number;
	/** Network actions added to the scenario's own, e.g. a reader dropping a segment in flight. */
	extra?: NetworkAction[];
	/** Who closes first in the teardowns (default 'client'); the other side is the passive closer. */
	closer?: Side;
}

interface Recipe {
	actions: UserAction[];
	script?: NetworkAction[];
	/** Settings of the passive closer (the side that does not close first). */
	passive?: Partial<EndpointConfig>;
	/** The client opens again at this time, with an ISN 100 000 past its first (a clock-driven ISN moves on). */
	reopenAt?: number;
	untilMs?: number;
}

const call = (at: number, who: UserAction['who'], what: UserAction['call'], bytes?: number): UserAction => ({
	at,
	who,
	call: what,
	...(bytes && { bytes }),
});

// With 50 ms each way both ends are ESTABLISHED by t = 150 ms; the closes come after.
const OPEN = [call(0, 'server', 'listen'), call(0, 'client', 'open')];
const teardown = (a: Side) => [...OPEN, call(200, a, 'close'), call(400, otherSide(a), 'close')];
// Teardowns stop while the active closer sits in TIME-WAIT; 'time-wait-expiry' runs on.
const SOON = 1_000;

// `a` closes first (the active closer), `p` second.
const recipe = (name: ScenarioName | MoreScenarioName, clientIsn: number, a: Side): Recipe => {
	const p = otherSide(a);
	switch (name) {
		case 'lost-fin':
			// The first closer's FIN is lost; the other closes once the retransmission has surely arrived.
			return {
				actions: [...OPEN, call(200, a, 'close'), call(2 * SOON, p, 'close')],
				script: [{ do: 'drop', dir: a === 'client' ? 'c2s' : 's2c', flags: 'FIN, ACK', index: 0 }],
				untilMs: 3 * SOON,
			};
		case 'lost-ack-then-data':
			// The handshake's ACK is lost, but the client's first data carries the same acknowledgment.
			return { actions: [...OPEN, call(200, 'client', 'send', 100)], script: [{ do: 'drop', dir: 'c2s', index: 1 }] };
		case 'abort':
			return { actions: [...OPEN, call(200, a, 'abort')] };
		case 'time-wait-new-syn':
			// The server closes first and sits in TIME-WAIT when the client connects again from its port.
			return { actions: [...teardown('server'), call(SOON, 'client', 'open')], reopenAt: SOON, untilMs: 2 * SOON };
		case 'handshake':
			return { actions: OPEN };
		case 'lost-syn':
			return { actions: OPEN, script: [{ do: 'drop', dir: 'c2s', index: 0 }] };
		case 'lost-syn-ack':
			return { actions: OPEN, script: [{ do: 'drop', dir: 's2c', index: 0 }] };
		case 'lost-ack':
			return { actions: OPEN, script: [{ do: 'drop', dir: 'c2s', index: 1 }] };
		case 'simultaneous-open':
			return { actions: [call(0, 'client', 'open'), call(0, 'server', 'open')] };
		case 'refused':
			return { actions: [call(0, 'client', 'open')] };
		case 'old-duplicate-syn':
			// §3.5 Figure 8: a SYN from an earlier incarnation (seq = ISN − 10) arrives first;
			// the new SYN is held up until the old one has been reset.
			return {
				actions: OPEN,
				script: [
					{ do: 'inject', dir: 'c2s', at: 0, seg: { flags: parseFlags('SYN'), seq: seqAdd(clientIsn, -10), ack: 0, wnd: 65_535, len: 0 } },
					{ do: 'delay', dir: 'c2s', index: 0, extraMs: 150 },
				],
			};
		case 'teardown':
		case 'lost-final-ack':
			return {
				actions: teardown(a),
				// The active closer's last ACK; the client also sent a bare ACK in the handshake.
				script:
					name === 'teardown'
						? []
						: [a === 'client' ? { do: 'drop', dir: 'c2s', flags: 'ACK', index: 1 } : { do: 'drop', dir: 's2c', flags: 'ACK', index: 0 }],
				untilMs: name === 'teardown' ? SOON : 3 * SOON,
			};
		case 'teardown-fin-ack':
			// The passive closer's application closes 10 ms after the FIN arrives, inside Linux's
			// 40 ms delayed-ACK window, so its ACK rides on its FIN.
			return {
				actions: [...OPEN, call(200, a, 'close'), call(260, p, 'close')],
				passive: { delayedAckMs: 40 },
				untilMs: SOON,
			};
		case 'half-close':
			return {
				actions: [...OPEN, call(200, a, 'close'), call(300, p, 'send', 100), call(500, p, 'close')],
				untilMs: SOON,
			};
		case 'simultaneous-close':
			return { actions: [...OPEN, call(200, a, 'close'), call(200, p, 'close')], untilMs: SOON };
		case 'time-wait-expiry':
			return { actions: teardown(a) };
	}
};

const isScenario = (name: string): name is ScenarioName | MoreScenarioName =>
	(SCENARIO_NAMES as readonly string[]).includes(name) || (MORE_SCENARIO_NAMES as readonly string[]).includes(name);

/** A named scenario's full simulation input; throws TcpError 'unknown-scenario'. */
export function scenario(name: string, opts: ScenarioOptions = {}): SimulationConfig {
	if (!isScenario(name)) throw new TcpError('unknown-scenario');
	const { client = 100, server = 300 } = opts.isn ?? {};
	const base = {
		...PROFILES[opts.profile ?? 'rfc9293'].config,
		...(opts.timeWaitMs !== undefined && { timeWaitMs: opts.timeWaitMs }),
	};
	const closer = opts.closer ?? 'client';
	if (closer !== 'client' && closer !== 'server') throw new TcpError('invalid-argument');
	const r = recipe(name, typeof client === 'number' ? client : client(0), closer);
	const passive = otherSide(closer);
	const reopen = r.reopenAt;
	const clientIsn = reopen !== undefined && typeof client === 'number' ? (t: number) => (t < reopen ? client : seqAdd(client, 100_000)) : client;
	return {
		client: { ...base, ...(passive === 'client' && r.passive), isn: clientIsn },
		server: { ...base, ...(passive === 'server' && r.passive), isn: server },
		network: { script: [...(r.script ?? []), ...(opts.extra ?? [])] },
		actions: r.actions,
		...(r.untilMs && { untilMs: r.untilMs }),
	};
}

export const runScenario = (name: string, opts?: ScenarioOptions): Trace => simulate(scenario(name, opts));
