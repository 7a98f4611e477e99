// One captured connection against the model: the model runs with the capture's ISNs, delays and
// calls, and its segments are matched to the captured ones, one by one, in order.
// Straight from the model's modules, not its index: the browser bundle (the capture widget) then
// leaves out the scenarios and their expectations, which a comparison does not need.
import type { SendReason } from '../tcp/endpoint.ts';
import type { IsnSource } from '../tcp/isn.ts';
import type { NetworkAction, SegmentSelector, Side } from '../tcp/network.ts';
import { PROFILE_CONFIGS, type TcpConfig } from '../tcp/config.ts';
import type { ProfileName } from '../tcp/profile.ts';
import { flagText } from '../tcp/segment.ts';
import { seqSub } from '../tcp/sequence.ts';
import { simulate, type UserAction } from '../tcp/simulate.ts';
import { otherSide, type StatePair, type Trace } from '../tcp/trace.ts';
import { alignCalls, incarnations, inferCalls, inferIsns, inferKeepAlive, inferToCapture, toModelCalls, type CapturedCall, type ToCapture } from './infer.ts';
import type { CapturedSegment } from './observed.ts';
import { checkStates, type StateCheck, type StateReading } from './states.ts';
import { timerSlackMs } from './slack.ts';

/**
 * Every segment's time may differ from the model's by this much (a busy recording machine delays
 * softirqs by a few ms), plus a quarter of the round-trip time (the path's own jitter), plus how
 * late the timer that sent it may fire (timerSlackMs).
 */
const BASE_TOLERANCE_MS = 5;
/** Linux's HZ on the recording machine when nobody says: 250, Debian's and Ubuntu's default. */
export const DEFAULT_HZ = 250;

export interface CompareOptions {
	profile: ProfileName;
	/** A model scenario's network script (its losses), standing for the capture's: the whole story of its losses. */
	scenarioDrops?: NetworkAction[];
	/** The segments lost on arrival, when known (the kernel lab's sidecar). */
	drops?: SegmentSelector[];
	/** The applications' calls, when known, on the capture's clock. */
	calls?: CapturedCall[];
	/** Settings the capture was made with (e.g. shortened sysctls), per side. */
	config?: Partial<Record<Side, Partial<TcpConfig>>>;
	hz?: number;
	/** The kernel's own reports of the states (ss), checked against the model's. */
	readings?: StateReading[];
	/** Whether the server's listener had its accept queue full at a moment on the capture's clock (queue.ts). */
	acceptQueueFull?: (t: number) => boolean;
}

/** A segment the model sent, where the capture would have seen it. */
export interface ModelSegment {
	/** On the capture's clock. */
	t: number;
	from: Side;
	flags: string;
	seq: number;
	ack: number | null;
	len: number;
	/** Relative to the ISNs, as the model numbers them. */
	relSeq: number;
	relAck: number | null;
	lost: boolean;
	reason: SendReason;
	/** Both states after it arrived (or was lost). */
	states: StatePair;
	/** How far its time may be from the capture's. */
	toleranceMs: number;
}

export type Field = 'from' | 'flags' | 'seq' | 'ack' | 'len' | 'time';

export interface Row {
	capture: CapturedSegment | null;
	model: ModelSegment | null;
	/** Where the capture's time was expected (the model's time, measured from the segment that started its timer). */
	expectedT: number | null;
	/** The captured segment the model's one answers, or whose timer sent it: its arrival or timer led to it. */
	cause: CapturedSegment | null;
	/** Empty when they agree; for a row missing on one side, every field. */
	differences: Field[];
}

export interface Comparison {
	profile: ProfileName;
	rows: Row[];
	/** Each state reading against the model's states then. */
	states: StateCheck[];
	/** Every row and every state reading agrees. */
	agree: boolean;
	/** Index in `rows` of the first disagreeing segment, or -1. */
	first: number;
	drops: NetworkAction[];
	/** Where each loss came from: the caller (the lab's sidecar), the named scenario, or the capture itself. */
	dropsFrom: Array<'given' | 'scenario' | 'inferred'>;
	calls: CapturedCall[];
	callsFrom: 'given' | 'inferred';
	toCapture: ToCapture;
	isn: Record<Side, number | null>;
	/** Model segments after the capture ended (not compared). */
	after: number;
	trace: Trace;
	/** The model's clock starts this many ms after the capture's first packet. */
	shift: number;
}

const FIELDS = ['from', 'flags', 'seq', 'ack', 'len'] as const satisfies readonly Field[];

const sameSegment = (c: CapturedSegment, m: ModelSegment): Field[] => FIELDS.filter((f) => c[f] !== m[f]);

/** BASE_TOLERANCE_MS plus a quarter of the round-trip time between the endpoints. */
export const baseToleranceMs = (toCapture: ToCapture): number => BASE_TOLERANCE_MS + (toCapture.client + toCapture.server) / 2;

interface Ctx {
	/** The send (id) whose delivery or whose timer led here; null for a user call. */
	anchor: number | null;
	slack: number;
}

/** The model's segments in the order the capture point would see them, each with its anchor and tolerance. */
function modelSegments(trace: Trace, toCapture: ToCapture, shift: number, hz: number, baseMs: number) {
	let ctx: Ctx = { anchor: null, slack: 0 };
	const timers = new Map<string, Ctx & { ms: number }>();
	const sends = new Map<number, { seg: ModelSegment; anchor: number | null; order: number }>();
	const isn: Record<Side, number | null> = { client: null, server: null };
	for (const e of trace.events) {
		if (e.kind === 'user-call') ctx = { anchor: null, slack: 0 };
		else if (e.kind === 'timer-start') timers.set(e.side + e.timer, { ...ctx, ms: e.ms });
		else if (e.kind === 'timer-fire') {
			const started = timers.get(e.side + e.timer)!;
			ctx = { anchor: started.anchor, slack: started.slack + timerSlackMs(started.ms, hz) };
		} else if (e.kind === 'send') {
			const own = e.reason === 'injected' ? { anchor: null, slack: 0 } : ctx;
			// A timer armed after this send is measured from it.
			if (e.reason !== 'injected') ctx = { anchor: e.id, slack: 0 };
			if (e.seg.flags.syn && e.reason !== 'injected') isn[e.side] = e.seg.seq;
			const rel = { seq: seqSub(e.seg.seq, isn[e.side] ?? 0), ack: seqSub(e.seg.ack, isn[otherSide(e.side)] ?? 0) };
			sends.set(e.id, {
				order: sends.size,
				anchor: own.anchor,
				seg: {
					t: e.t + toCapture[e.side] + shift,
					from: e.side,
					flags: flagText(e.seg),
					seq: e.seg.seq,
					ack: e.seg.flags.ack ? e.seg.ack : null,
					len: e.seg.len,
					relSeq: rel.seq,
					relAck: e.seg.flags.ack ? rel.ack : null,
					lost: false,
					reason: e.reason,
					states: e.states,
					toleranceMs: baseMs + own.slack,
				},
			});
		} else if (e.kind === 'deliver') {
			ctx = { anchor: e.id, slack: 0 };
			sends.get(e.id)!.seg.states = e.states;
		} else if (e.kind === 'drop') {
			const s = sends.get(e.id)!;
			s.seg.lost = true;
			s.seg.states = e.states;
		}
	}
	return [...sends.entries()]
		.map(([id, s]) => ({ id, ...s }))
		.sort((a, b) => a.seg.t - b.seg.t || a.order - b.order);
}

function match(captured: readonly CapturedSegment[], model: ReturnType<typeof modelSegments>) {
	const rows: Row[] = [];
	// For each row, the captured segments whose arrival led the model to send what it sent earlier
	// and the capture does not show there: where a loss would explain the difference.
	const suspects = new Map<Row, CapturedSegment[]>();
	const used = new Set<number>();
	const rowOf = new Map<number, CapturedSegment>();
	const anchorOf = (m: (typeof model)[number]) => (m.anchor === null ? undefined : model.find((x) => x.id === m.anchor));
	// From the captured time of the segment it is measured from, through any the capture lacks.
	const expected = (m: (typeof model)[number]): number => {
		const anchor = anchorOf(m);
		if (!anchor) return m.seg.t;
		return (rowOf.get(anchor.id)?.t ?? expected(anchor)) + (m.seg.t - anchor.seg.t);
	};
	const cause = (m: (typeof model)[number]) => {
		const anchor = anchorOf(m);
		return (anchor && rowOf.get(anchor.id)) ?? null;
	};
	for (const c of captured) {
		const open = model.filter((m) => !used.has(m.id));
		// The two sides' segments may pass the capture point in either order when they leave within
		// each other's tolerance; one side's own segments cannot overtake each other. Failing that, the
		// telling difference is with the same segment at another time, or with the sender's next one
		// with those flags, or else with whatever the model sent next.
		const same = (m: (typeof open)[number]) => !sameSegment(c, m.seg).length;
		const pick =
			open.find(
				(m, i) =>
					same(m) &&
					open.slice(0, i).every((skipped) => skipped.seg.from !== c.from && Math.abs(expected(skipped) - c.t) <= skipped.seg.toleranceMs),
			) ??
			open.find(same) ??
			open.find((m) => m.seg.from === c.from && m.seg.flags === c.flags) ??
			open[0];
		if (!pick) {
			rows.push({ capture: c, model: null, expectedT: null, cause: null, differences: [...FIELDS, 'time'] });
			continue;
		}
		used.add(pick.id);
		rowOf.set(pick.id, c);
		const at = expected(pick);
		const differences = sameSegment(c, pick.seg);
		if (Math.abs(c.t - at) > pick.seg.toleranceMs) differences.push('time');
		const row: Row = { capture: c, model: pick.seg, expectedT: at, cause: cause(pick), differences };
		rows.push(row);
		suspects.set(row, [row.cause, ...open.slice(0, open.indexOf(pick)).map(cause)].filter((x): x is CapturedSegment => x !== null));
	}
	const end = captured.at(-1)?.t ?? 0;
	let after = 0;
	for (const m of model) {
		if (used.has(m.id)) continue;
		if (m.seg.t > end + m.seg.toleranceMs) {
			after++;
			continue;
		}
		// A segment only the model sent goes where its time puts it among the captured ones.
		const at = expected(m);
		const before = rows.findIndex((r) => r.capture && r.capture.t > at);
		const row: Row = { capture: null, model: m.seg, expectedT: at, cause: cause(m), differences: [...FIELDS, 'time'] };
		rows.splice(before < 0 ? rows.length : before, 0, row);
		suspects.set(row, row.cause ? [row.cause] : []);
	}
	return { rows, after, suspects };
}

interface Plan {
	drops: NetworkAction[];
	calls: CapturedCall[];
}

function run(captured: readonly CapturedSegment[], opts: CompareOptions, plan: Plan, toCapture: ToCapture) {
	const isn = inferIsns(captured);
	const delay = toCapture.client + toCapture.server;
	const opening = captured[0];
	const shift = Math.min(opening ? opening.t - toCapture[opening.from] : 0, ...plan.calls.map((c) => c.t));
	// Keep-alive probes on the wire show the application turned them on; when is not on the wire, so
	// without a call saying when, they count as on from the start.
	const probing = inferKeepAlive(captured);
	const keepAlive = (s: Side) => probing[s] && !plan.calls.some((c) => c.side === s && c.call === 'keepalive');
	// A side that opened the 4-tuple more than once draws each incarnation's ISN when its SYN leaves.
	const isnOf = (s: Side): number | IsnSource => {
		const list = incarnations(captured, s).map((x) => ({ ...x, at: x.t - toCapture[s] - shift }));
		if (list.length < 2) return isn[s] ?? 0;
		return (now) => list.findLast((x) => x.at <= now + 1e-6)?.isn ?? list[0]!.isn;
	};
	const side = (s: Side) => ({ ...PROFILE_CONFIGS[opts.profile], ...opts.config?.[s], ...(keepAlive(s) && { keepAlive: true }), isn: isnOf(s) });
	const full = opts.acceptQueueFull;
	const end = Math.max(captured.at(-1)?.t ?? 0, ...(opts.readings ?? []).map((r) => r.end)) - shift;
	const trace = simulate({
		client: side('client'),
		// The queue as the capture saw it when a segment reaching the server at model time `now` passed the capture point.
		server: { ...side('server'), ...(full && { acceptQueueFull: (now: number) => full(now + shift - toCapture.server) }) },
		network: { delayMs: { c2s: delay, s2c: delay }, script: plan.drops },
		actions: toModelCalls(plan.calls, shift) as UserAction[],
		// Long enough to see what the model sends just after the capture ends, short of TIME-WAIT's expiry.
		untilMs: end + 5_000,
	});
	const model = modelSegments(trace, toCapture, shift, opts.hz ?? DEFAULT_HZ, baseToleranceMs(toCapture));
	const { rows, after, suspects } = match(captured, model);
	const first = rows.findIndex((r) => r.differences.length);
	// How far the model's clock has drifted from the capture's by time t (the timer wheel's lateness).
	const paired = rows.filter((r) => r.capture && r.model);
	const drift = (t: number) => {
		const last = paired.findLast((r) => r.capture!.t <= t);
		return last ? last.capture!.t - last.model!.t : 0;
	};
	const states = checkStates(trace, shift, opts.readings ?? [], drift);
	const wrongState = states.findIndex((k) => !k.agree);
	// A state the model does not reach, read while the capture shows nothing: what the side last received may have been ignored.
	const stateSuspects = () => {
		const r = states[wrongState]!.reading;
		return captured.filter((c) => c.from !== r.side && c.t <= r.t).slice(-2);
	};
	return {
		rows,
		after,
		trace,
		shift,
		isn,
		first,
		states,
		// How much agrees before the first difference (rows, then state readings); Infinity when all of it does.
		score: first >= 0 ? first : wrongState >= 0 ? rows.length + wrongState : Infinity,
		suspects: first >= 0 ? (suspects.get(rows[first]!) ?? []) : wrongState >= 0 ? stateSuspects() : [],
	};
}

/** A selector for captured segment `i`: the n-th segment its sender sent with those flags. */
function selectorFor(captured: readonly CapturedSegment[], i: number): NetworkAction {
	const c = captured[i]!;
	const index = captured.slice(0, i).filter((x) => x.from === c.from && x.flags === c.flags).length;
	return { do: 'drop', dir: c.from === 'client' ? 'c2s' : 's2c', flags: c.flags, index };
}

const sameDrop = (a: NetworkAction, b: NetworkAction) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Losses the capture itself shows, guessed where the first disagreement points: a captured segment
 * that repeats an earlier one (that one, or what the peer sent in between, was lost), or a model
 * segment answering a captured one that the capture shows no answer to (that one was lost). Each
 * guess is kept only if more of the capture then agrees.
 */
function inferDrops(captured: readonly CapturedSegment[], opts: CompareOptions, calls: CapturedCall[], toCapture: ToCapture, known: NetworkAction[]) {
	let drops = known;
	let best = run(captured, opts, { drops, calls }, toCapture);
	for (let round = 0; round < 64 && best.score < Infinity; round++) {
		const row = best.first >= 0 ? best.rows[best.first]! : null;
		const i = row?.capture ? captured.indexOf(row.capture) : -1;
		const original = captured.slice(0, Math.max(i, 0)).findLastIndex((x) => x.from === row?.capture?.from && x.seq === row.capture.seq && x.flags === row.capture.flags && x.len === row.capture.len);
		const suspects = [
			...best.suspects.map((c) => captured.indexOf(c)),
			...(original < 0 ? [] : Array.from({ length: i - original }, (_, k) => original + k)),
		];
		const tries = suspects
			.map((k) => selectorFor(captured, k))
			.filter((d) => !drops.some((x) => sameDrop(x, d)))
			.map((d) => ({ d, r: run(captured, opts, { drops: [...drops, d], calls }, toCapture) }));
		const better = tries.filter((t) => t.r.score > best.score).sort((a, b) => b.r.score - a.r.score)[0];
		if (!better) break;
		drops = [...drops, better.d];
		best = better.r;
	}
	return { drops, result: best };
}

export function compareConnection(captured: readonly CapturedSegment[], opts: CompareOptions): Comparison {
	const toCapture = inferToCapture(captured);
	const callsFrom = opts.calls ? 'given' : 'inferred';
	const seen = inferCalls(captured, toCapture);
	const calls = opts.calls ? alignCalls(opts.calls, seen) : seen;
	// A named scenario's losses are the whole story; losses the caller knows (those the lab made) may
	// leave some the kernel made itself (a SYN or an ACK a full queue ignored, when no accept queue is
	// given), read off the capture.
	const known: NetworkAction[] = opts.scenarioDrops ?? (opts.drops ?? []).map((d) => ({ do: 'drop' as const, ...d }));
	const { drops, result } = opts.scenarioDrops
		? { drops: known, result: run(captured, opts, { drops: known, calls }, toCapture) }
		: inferDrops(captured, opts, calls, toCapture, known);
	const dropsFrom = drops.map((_, i): Comparison['dropsFrom'][number] => (i >= known.length ? 'inferred' : opts.scenarioDrops ? 'scenario' : 'given'));
	return {
		profile: opts.profile,
		rows: result.rows,
		states: result.states,
		agree: result.score === Infinity,
		first: result.first,
		drops,
		dropsFrom,
		calls,
		callsFrom,
		toCapture,
		isn: result.isn,
		after: result.after,
		trace: result.trace,
		shift: result.shift,
	};
}

