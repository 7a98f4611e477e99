import { createEndpoint, type Endpoint, type EndpointConfig, type SendReason, type TimerName } from './endpoint.ts';
import { TcpError } from './errors.ts';
import { createNetwork, senderOf, SIDES, type Direction, type NetworkConfig, type Side } from './network.ts';
import type { Segment } from './segment.ts';
import { otherSide, type StatePair, type Trace, type TraceEvent, type UserCall } from './trace.ts';

export interface UserAction {
	at: number;
	who: Side;
	call: UserCall;
	/** For `send`. */
	bytes?: number;
	/** For `listen`: a fully specified passive OPEN (RFC 9293 §3.10.1). */
	foreignSpecified?: boolean;
}

export interface SimulationConfig {
	client: EndpointConfig;
	server: EndpointConfig;
	network?: NetworkConfig;
	/** Timed user calls; calls at the same time run in list order. */
	actions: UserAction[];
	/** Stop before the first event after this time; by default run until nothing is pending. */
	untilMs?: number;
}

type Draft<E> = E extends unknown ? Omit<E, 't' | 'states' | 'before'> : never;

const CALLS: readonly UserCall[] = ['listen', 'open', 'send', 'close', 'abort', 'keepalive'];
// A guard for pathological injected segments (endpoints answering each other's ACKs forever).
const MAX_EVENTS = 20_000;

/**
 * Deterministic discrete-event simulation: a virtual clock, two endpoints, and a
 * network between them. Events at the same time run in the order they were scheduled.
 */
export function simulate(config: SimulationConfig): Trace {
	const net = createNetwork(config.network);
	for (const a of config.actions) {
		if (!SIDES.includes(a.who) || !CALLS.includes(a.call)) throw new TcpError('invalid-argument');
		if (!(a.at >= 0 && a.at < Infinity)) throw new TcpError('invalid-delay');
	}
	if (config.untilMs !== undefined && !(config.untilMs >= 0)) throw new TcpError('invalid-delay');

	interface Item {
		t: number;
		run: () => void;
	}
	const queue: Item[] = [];
	const at = (t: number, run: () => void): Item => {
		const item = { t, run };
		let i = queue.length;
		while (i > 0 && queue[i - 1]!.t > t) i--;
		queue.splice(i, 0, item);
		return item;
	};
	const unschedule = (item: Item | undefined) => {
		if (item) queue.splice(queue.indexOf(item), 1);
	};

	const events: TraceEvent[] = [];
	const isn: Trace['isn'] = { client: null, server: null };
	const held: Record<Direction, Array<() => void>> = { c2s: [], s2c: [] };
	const timers = new Map<string, Item>();
	const eps = {} as Record<Side, Endpoint>;
	let now = 0;
	let ids = 0;

	const states = (): StatePair => ({ client: eps.client.state, server: eps.server.state });
	const log = (draft: Draft<TraceEvent> & { before?: StatePair }): TraceEvent => {
		if (events.length >= MAX_EVENTS) throw new TcpError('event-limit');
		const e = { ...draft, t: now, states: states() } as TraceEvent;
		events.push(e);
		return e;
	};
	const stimulus = (draft: Draft<TraceEvent>, run: (e: TraceEvent) => void) => {
		const e = log({ ...draft, before: states() });
		run(e);
		e.states = states();
	};

	const transmit = (from: Side, seg: Segment, reason: SendReason) => {
		const id = ids++;
		const to = otherSide(from);
		const dir: Direction = from === 'client' ? 'c2s' : 's2c';
		const deliver = () => stimulus({ kind: 'deliver', side: to, id, seg }, () => eps[to].receive(seg));
		log({ kind: 'send', side: from, id, seg, reason });
		if (reason === 'injected') return void at(now + net.delayMs[dir], deliver);
		if (seg.flags.syn) isn[from] = seg.seq;
		const route = net.route(dir, seg);
		const overtaken = held[dir].splice(0);
		if (route.drop) log({ kind: 'drop', side: from, id, seg });
		else if (route.reorder) held[dir].push(deliver);
		else for (const d of route.delays) at(now + d, deliver);
		// A held segment arrives just after the one that overtook it.
		const release = now + (route.drop || route.reorder ? net.delayMs[dir] : Math.max(...route.delays));
		for (const h of overtaken) at(release, h);
	};

	const timer = (side: Side, name: TimerName, ms: number | null) => {
		const key = side + name;
		unschedule(timers.get(key));
		timers.delete(key);
		if (ms === null) return void log({ kind: 'timer-stop', side, timer: name });
		log({ kind: 'timer-start', side, timer: name, ms });
		const fire = () => {
			timers.delete(key);
			stimulus({ kind: 'timer-fire', side, timer: name }, () => eps[side].fire(name));
		};
		timers.set(key, at(now + ms, fire));
	};

	for (const side of SIDES) {
		eps[side] = createEndpoint(
			config[side],
			(fx) => {
				if (fx.type === 'send') transmit(side, fx.seg, fx.reason);
				else if (fx.type === 'state') log({ kind: 'state', side, from: fx.from, to: fx.to, event: fx.event });
				else timer(side, fx.timer, fx.ms);
			},
			() => now,
		);
	}

	for (const a of config.actions) {
		at(a.at, () =>
			stimulus({ kind: 'user-call', side: a.who, call: a.call, ...(a.bytes !== undefined && { bytes: a.bytes }) }, (e) => {
				const ep = eps[a.who];
				try {
					if (a.call === 'send') ep.send(a.bytes ?? 0);
					else if (a.call === 'listen') ep.listen(a.foreignSpecified);
					else if (a.call === 'keepalive') ep.keepAlive();
					else ep[a.call]();
				} catch (err) {
					// RFC 9293 §3.10 returns these to the user; the connection carries on.
					if (!(err instanceof TcpError && err.isCallError())) throw err;
					if (e.kind === 'user-call') e.error = err.code;
				}
			}),
		);
	}
	for (const inj of net.injections) at(inj.at, () => transmit(senderOf(inj.dir), inj.seg, 'injected'));

	for (;;) {
		if (!queue.length) for (const dir of ['c2s', 's2c'] as const) for (const h of held[dir].splice(0)) at(now + net.delayMs[dir], h);
		const item = queue.shift();
		if (!item || (config.untilMs !== undefined && item.t > config.untilMs)) break;
		now = item.t;
		item.run();
	}
	return { events, isn, final: states() };
}
