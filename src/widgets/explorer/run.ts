/**
 * One run of a scenario through the model, shaped for the explorers: a step per segment in the
 * order it arrived or was lost (as traceSteps reports them), with absolute and relative numbers,
 * the model's reason for sending it and the state changes it caused, plus the timers that ran.
 */
import {
	flagText,
	otherSide,
	relativeNumbers,
	scenario,
	simulate,
	type Direction,
	type ProfileName,
	type ScenarioName,
	type SendReason,
	type Side,
	type StatePair,
	type TcpState,
	type TransitionEvent,
} from '../../tcp';

export interface Drop {
	dir: Direction;
	index: number;
}

export interface RunOptions {
	scenario: ScenarioName;
	isn: Record<Side, number>;
	/** The reader's drops, on top of the scenario's own network script. */
	drops?: Drop[];
	profile?: ProfileName;
	closer?: Side;
	/** Leave out the segments sent before this time (the teardowns' handshake). */
	fromMs?: number;
}

export interface StateChange {
	side: Side;
	from: TcpState;
	to: TcpState;
	event: TransitionEvent;
}

export interface ExplorerStep {
	from: Side;
	flags: string;
	seq: number;
	/** null when the ACK flag is off. */
	ack: number | null;
	relSeq: number;
	relAck: number | null;
	len: number;
	lost: boolean;
	reason: SendReason;
	sentAt: number;
	/** When it arrived; for a lost segment, when it was sent. */
	at: number;
	/** How to drop it with a NetworkAction; null for an injected segment. */
	drop: Drop | null;
	/** What its arrival changed. */
	changes: StateChange[];
	/** Both states after it arrived (or was lost). */
	states: StatePair;
}

export interface TimerSpan {
	side: Side;
	timer: 'rtx' | 'time-wait';
	startMs: number;
	ms: number;
	/** When it fired or was stopped; null if still running when the run ended. */
	endMs: number | null;
	fired: boolean;
}

export interface ExplorerRun {
	steps: ExplorerStep[];
	/** Both states before the first step. */
	start: StatePair;
	timers: TimerSpan[];
	/** Time of the last event. */
	endMs: number;
	/** Both states when everything has run out, TIME-WAIT included. */
	final: StatePair;
}

export function runExplorer(opts: RunOptions): ExplorerRun {
	const from = opts.fromMs ?? 0;
	const config = scenario(opts.scenario, {
		isn: opts.isn,
		...(opts.profile && { profile: opts.profile }),
		...(opts.closer && { closer: opts.closer }),
		extra: (opts.drops ?? []).map((d) => ({ do: 'drop' as const, ...d })),
	});
	// Run to the end, past the scenario's stopping time, so that TIME-WAIT's own expiry is in the trace.
	delete config.untilMs;
	const trace = simulate(config);

	const sent = new Map<number, { t: number; reason: SendReason; drop: Drop | null }>();
	const counts: Record<Direction, number> = { c2s: 0, s2c: 0 };
	const steps: ExplorerStep[] = [];
	const timers: TimerSpan[] = [];
	const running = new Map<string, TimerSpan>();
	let start: StatePair | null = null;
	let stimulusBefore: StatePair | null = null;
	let current: ExplorerStep | null = null;

	for (const e of trace.events) {
		if (e.kind === 'user-call' || e.kind === 'deliver' || e.kind === 'timer-fire') {
			stimulusBefore = e.before;
			current = null;
		}
		if (e.kind === 'send') {
			const dir: Direction = e.side === 'client' ? 'c2s' : 's2c';
			const drop = e.reason === 'injected' ? null : { dir, index: counts[dir]++ };
			sent.set(e.id, { t: e.t, reason: e.reason, drop });
			if (!start && e.t >= from) start = stimulusBefore ?? e.states;
		} else if (e.kind === 'deliver' || e.kind === 'drop') {
			const info = sent.get(e.id)!;
			if (info.t < from) continue;
			const sender = e.kind === 'drop' ? e.side : otherSide(e.side);
			const rel = relativeNumbers(trace, sender, e.seg);
			const ack = e.seg.flags.ack;
			current = {
				from: sender,
				flags: flagText(e.seg),
				seq: e.seg.seq,
				ack: ack ? e.seg.ack : null,
				relSeq: rel.seq,
				relAck: ack ? rel.ack : null,
				len: e.seg.len,
				lost: e.kind === 'drop',
				reason: info.reason,
				sentAt: info.t,
				at: e.t,
				drop: info.drop,
				changes: [],
				states: e.states,
			};
			steps.push(current);
			if (e.kind === 'drop') current = null;
		} else if (e.kind === 'state') {
			if (current && e.side !== current.from) current.changes.push({ side: e.side, from: e.from, to: e.to, event: e.event });
		} else if (e.kind === 'timer-start' || e.kind === 'timer-stop' || e.kind === 'timer-fire') {
			if (e.timer !== 'rtx' && e.timer !== 'time-wait') continue;
			const key = e.side + e.timer;
			const open = running.get(key);
			if (open) {
				open.endMs = e.t;
				open.fired = e.kind === 'timer-fire';
				running.delete(key);
			}
			if (e.kind === 'timer-start') {
				const span: TimerSpan = { side: e.side, timer: e.timer, startMs: e.t, ms: e.ms, endMs: null, fired: false };
				timers.push(span);
				running.set(key, span);
			}
		}
	}
	const last = trace.events.at(-1);
	return {
		steps,
		start: start ?? trace.events[0]?.states ?? { client: 'CLOSED', server: 'CLOSED' },
		timers: timers.filter((s) => s.startMs >= from || s.endMs === null || s.endMs >= from),
		endMs: last?.t ?? 0,
		final: trace.final,
	};
}
