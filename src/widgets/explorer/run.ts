/**
 * One run of a scenario through the model, shaped for the explorers: a step per segment in the
 * order it arrived or was lost (as traceSteps reports them), with absolute and relative numbers,
 * the model's reason for sending it, its fate and the state changes it caused; every state change
 * and the timers that expired, each at a moment the ladder diagram can place.
 */
// The explorer's client code takes the model module by module, not from src/tcp/index.ts: through
// the index the bundle would also carry SCENARIO_EXPECTATIONS and Figure 5's tables, which the
// bundler keeps (they are built by calls it cannot prove pure), about 1 KB gzipped on every page.
import type { SendReason } from '../../tcp/endpoint';
import { createNetwork, type Direction, type Side } from '../../tcp/network';
import type { ProfileName } from '../../tcp/profile';
import { scenario, type ScenarioName } from '../../tcp/scenarios';
import { flagText } from '../../tcp/segment';
import { simulate } from '../../tcp/simulate';
import type { TcpState, TransitionEvent } from '../../tcp/states';
import { otherSide, relativeNumbers, type StatePair } from '../../tcp/trace';
import { DELAY_MS } from './config';

/** A segment as the network sees it: the `index`-th one its sender sent in `dir`, retransmissions included. */
export interface Selector {
	dir: Direction;
	index: number;
}

export const FAULTS = ['drop', 'delay', 'duplicate'] as const;
export type FaultKind = (typeof FAULTS)[number];
/** What the reader did to one segment. */
export interface Fault extends Selector {
	kind: FaultKind;
}

/** What became of a segment: delivered once, lost, delivered late, or delivered twice. */
export type Fate = 'delivered' | 'lost' | 'delayed' | 'duplicated';

/**
 * A point of the run's clock: `t` in ms, and `k` orders the deliveries to one side at the same
 * millisecond (a duplicated segment's two copies); a send belongs to the moment that caused it.
 */
export interface Moment {
	t: number;
	k: number;
}

export interface RunOptions {
	scenario: ScenarioName;
	isn: Record<Side, number>;
	/** The reader's faults, on top of the scenario's own network script. */
	faults?: Fault[];
	profile?: ProfileName;
	/** TIME-WAIT's length instead of the profile's. */
	timeWaitMs?: number;
	closer?: Side;
	/** Leave out what happened before this time (the teardowns' handshake). */
	fromMs?: number;
}

export interface StateChange {
	side: Side;
	from: TcpState;
	to: TcpState;
	event: TransitionEvent;
	at: Moment;
}

export interface ExplorerStep {
	/** The model's segment id: a duplicated segment's two copies share it. */
	id: number;
	from: Side;
	flags: string;
	seq: number;
	/** null when the ACK flag is off. */
	ack: number | null;
	relSeq: number;
	relAck: number | null;
	len: number;
	lost: boolean;
	fate: Fate;
	/** The second copy of a duplicated segment. */
	copy: boolean;
	reason: SendReason;
	sent: Moment;
	/** When it arrived; for a lost segment, when it would have arrived. */
	at: Moment;
	/** How to address it with a fault; null for an injected segment. */
	selector: Selector | null;
	/** The reader's fault on it, if any. */
	fault: FaultKind | null;
	/** Its fate is the scenario's (injected, or lost or delayed by the scenario's own script): not the reader's to change. */
	fixed: boolean;
	/** What its arrival changed on the receiving side. */
	changes: StateChange[];
	/** Both states after it arrived (or was lost). */
	states: StatePair;
}

export interface TimerSpan {
	side: Side;
	timer: 'rtx' | 'time-wait';
	ms: number;
	start: Moment;
	/** When it fired: the run goes on until every timer has fired or stopped. */
	end: Moment;
	/** Retransmission timers: how many times in a row this side's timer has expired, this one included. */
	tries: number;
}

export interface ExplorerRun {
	steps: ExplorerStep[];
	/** Both states before the first step. */
	start: StatePair;
	/** Every state change from the first shown moment on, TIME-WAIT's expiry included. */
	changes: StateChange[];
	/** Retransmission timers that expired, and TIME-WAIT. */
	timers: TimerSpan[];
}

export const dirOf = (from: Side): Direction => (from === 'client' ? 'c2s' : 's2c');
export const sameSelector = (a: Selector, b: Selector) => a.dir === b.dir && a.index === b.index;

export function runExplorer(opts: RunOptions): ExplorerRun {
	const from = opts.fromMs ?? 0;
	const faults = opts.faults ?? [];
	const base = scenario(opts.scenario, {
		isn: opts.isn,
		...(opts.profile && { profile: opts.profile }),
		...(opts.timeWaitMs !== undefined && { timeWaitMs: opts.timeWaitMs }),
		...(opts.closer && { closer: opts.closer }),
	});
	// The scenario's own network, asked about each segment in turn, tells which fates are its doing.
	const scripted = createNetwork(base.network);
	const config = {
		...base,
		network: {
			...base.network,
			script: [
				...(base.network?.script ?? []),
				...faults.map(({ kind, dir, index }) =>
					kind === 'delay' ? { do: kind, dir, index, extraMs: DELAY_MS } : { do: kind, dir, index },
				),
			],
		},
	};
	// Run to the end, past the scenario's stopping time, so that TIME-WAIT's own expiry is in the trace.
	delete config.untilMs;
	const trace = simulate(config);

	interface Sent {
		at: Moment;
		reason: SendReason;
		selector: Selector | null;
		fixed: boolean;
		copies: number;
	}
	const sent = new Map<number, Sent>();
	const counts: Record<Direction, number> = { c2s: 0, s2c: 0 };
	const delivered = new Map<string, number>();
	const steps: ExplorerStep[] = [];
	const changes: StateChange[] = [];
	const timers: TimerSpan[] = [];
	const running = new Map<string, TimerSpan>();
	const tries: Record<Side, number> = { client: 0, server: 0 };
	let moment: Moment = { t: -1, k: 0 };
	let current: ExplorerStep | null = null;
	// The run is shown from the stimulus (user call, arrival, timeout) that sent its first segment on.
	const events = trace.events;
	const firstSend = events.findIndex((e) => e.kind === 'send' && e.t >= from);
	const first = events.findLastIndex((e, i) => i <= firstSend && 'before' in e);
	const stimulus = events[first];
	const start = stimulus && 'before' in stimulus ? stimulus.before : (events[0]?.states ?? { client: 'CLOSED', server: 'CLOSED' });

	for (const [index, e] of events.entries()) {
		if (e.t !== moment.t) moment = { t: e.t, k: 0 };
		if ('before' in e) {
			current = null;
			if (e.kind === 'deliver') {
				const key = `${e.side}${e.t}`;
				const k = delivered.get(key) ?? 0;
				delivered.set(key, k + 1);
				moment = { t: e.t, k };
			} else moment = { t: e.t, k: 0 };
		}
		const shown = index >= first;
		if (e.kind === 'send') {
			const dir = dirOf(e.side);
			const injected = e.reason === 'injected';
			const route = injected ? null : scripted.route(dir, e.seg);
			const fixed = !route || route.drop || route.reorder || route.delays.some((d) => d !== scripted.delayMs[dir]);
			const selector = injected ? null : { dir, index: counts[dir]++ };
			sent.set(e.id, { at: moment, reason: e.reason, selector, fixed, copies: 0 });
		} else if (e.kind === 'deliver' || e.kind === 'drop') {
			const info = sent.get(e.id)!;
			if (info.at.t < from) continue;
			const sender = e.kind === 'drop' ? e.side : otherSide(e.side);
			const rel = relativeNumbers(trace, sender, e.seg);
			const hasAck = e.seg.flags.ack;
			const fault = (info.selector && faults.find((f) => sameSelector(f, info.selector!))?.kind) || null;
			const lost = e.kind === 'drop';
			const oneWay = scripted.delayMs[dirOf(sender)];
			const copy = !lost && info.copies++ > 0;
			current = {
				id: e.id,
				from: sender,
				flags: flagText(e.seg),
				seq: e.seg.seq,
				ack: hasAck ? e.seg.ack : null,
				relSeq: rel.seq,
				relAck: hasAck ? rel.ack : null,
				len: e.seg.len,
				lost,
				fate: lost ? 'lost' : fault === 'duplicate' ? 'duplicated' : e.t - info.at.t > oneWay ? 'delayed' : 'delivered',
				copy,
				reason: info.reason,
				sent: info.at,
				at: lost ? { t: e.t + oneWay, k: 0 } : moment,
				selector: info.selector,
				fault,
				fixed: info.fixed,
				changes: [],
				states: e.states,
			};
			steps.push(current);
			if (lost) current = null;
		} else if (e.kind === 'state') {
			if (!shown) continue;
			const change = { side: e.side, from: e.from, to: e.to, event: e.event, at: moment };
			changes.push(change);
			if (current && e.side !== current.from) current.changes.push(change);
		} else if (e.kind === 'timer-start' || e.kind === 'timer-stop' || e.kind === 'timer-fire') {
			// Other timers (the delayed ACK, keep-alive) have no place on the diagram.
			if (e.timer !== 'rtx' && e.timer !== 'time-wait') continue;
			const key = e.side + e.timer;
			const open = running.get(key);
			running.delete(key);
			if (e.kind === 'timer-fire' && open) {
				open.end = moment;
				if (e.timer === 'rtx') open.tries = ++tries[e.side];
				if (open.end.t >= from) timers.push(open);
			}
			if (e.kind === 'timer-stop' && e.timer === 'rtx') tries[e.side] = 0;
			if (e.kind === 'timer-start') running.set(key, { side: e.side, timer: e.timer, ms: e.ms, start: moment, end: moment, tries: 0 });
		}
	}
	return {
		steps,
		start,
		changes,
		timers,
	};
}
