/** Pure view logic of the explorers: words and numbers for a run, no DOM. */
import { SIDES, type ScenarioName, type Side } from '../../tcp';
import type { WidgetStrings } from '../i18n';
import { fill } from '../text';
import type { ExplorerRun, ExplorerStep } from './run';

export type ExplorerStrings = WidgetStrings['explorer'];
/** What the client needs: the explorer's strings plus the side names. */
export type ClientStrings = ExplorerStrings & { sides: Record<Side, string> };

const other = (s: Side): Side => (s === 'client' ? 'server' : 'client');

/** The keys of `why` to try for a step, most specific first (see the locale files). */
export function whyKeys(step: ExplorerStep): string[] {
	if (step.lost) return ['lost'];
	const kind = step.flags.includes('SYN') ? (step.flags.includes('ACK') ? 'syn-ack' : 'syn') : step.flags.includes('FIN') ? 'fin' : 'data';
	const reason = step.reason === 'retransmit' ? `retransmit-${kind}` : step.reason;
	const events = step.changes.map((c) => c.event).join('+');
	const from = step.changes[0]?.from;
	return [events && `${reason}:${events}:${from}`, events && `${reason}:${events}`, reason, step.reason === 'retransmit' && 'retransmit'].filter(
		(k): k is string => Boolean(k),
	);
}

/** One sentence of why, from the locale's `why` table. */
export function whyText(step: ExplorerStep | null, t: ExplorerStrings): string {
	const table = t.why as Record<string, string>;
	if (!step) return table.start!;
	const key = whyKeys(step).find((k) => k in table) ?? 'ack';
	return fill(table[key]!, {
		Sender: t.The[step.from],
		sender: t.the[step.from],
		Receiver: t.The[other(step.from)],
		receiver: t.the[other(step.from)],
		len: step.len,
	});
}

/** Seconds for people: 1.05, 3, 0.2. */
export const seconds = (ms: number): string => String(Math.round(ms) / 1000);

/** A countdown as m:ss. */
export const clock = (ms: number): string => {
	const s = Math.max(0, Math.ceil(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** A relative number with the absolute one in brackets: "1 (101)". */
export const both = (rel: number | null, abs: number | null, none: string): string =>
	rel === null || abs === null ? none : `${rel} (${abs})`;

/** The ISN a reader typed: a whole number in 0…2³²−1, else null. */
export function parseIsn(text: string): number | null {
	const s = text.trim();
	if (!/^\d+$/.test(s)) return null;
	const n = Number(s);
	return n <= 0xffff_ffff ? n : null;
}

export interface Row {
	step: string;
	direction: string;
	flags: string;
	seq: string;
	ack: string;
	client: string;
	server: string;
	why: string;
	lost: boolean;
}

/** The rows of the all-segments table (also the no-JavaScript view). */
export function tableRows(run: ExplorerRun, t: ExplorerStrings): Row[] {
	return run.steps.map((s, i) => ({
		step: String(i + 1),
		direction: t.dir[s.from],
		flags: s.lost ? `${s.flags} ${t.lost}` : s.len ? `${s.flags}, ${fill(t.bytes, { len: s.len })}` : s.flags,
		seq: both(s.relSeq, s.seq, t.none),
		ack: both(s.relAck, s.ack, t.none),
		client: s.states.client,
		server: s.states.server,
		why: whyText(s, t),
		lost: s.lost,
	}));
}

/** The live region's sentence for step i (0 = before the first segment). */
export function announce(run: ExplorerRun, i: number, t: ClientStrings): string {
	const total = run.steps.length;
	const step = fill(t.step, { n: i, total });
	if (i === 0) {
		return fill(t.announceStart, { step, client: run.start.client, server: run.start.server, why: whyText(null, t) });
	}
	const s = run.steps[i - 1]!;
	return fill(t.announce, {
		step,
		dir: t.dir[s.from],
		flags: s.lost ? `${s.flags} ${t.lost}` : s.flags,
		seq: both(s.relSeq, s.seq, t.none),
		ack: both(s.relAck, s.ack, t.none),
		client: s.states.client,
		server: s.states.server,
		why: whyText(s, t),
	});
}

/** Each retransmission timer that expired, in words: "Client: SYN again at 1 s, after an RTO of 1 s". */
export function retransmissions(run: ExplorerRun, t: ClientStrings): string[] {
	return run.timers
		.filter((x) => x.timer === 'rtx' && x.fired)
		.map((x) => {
			const again = run.steps.find((s) => s.from === x.side && s.reason === 'retransmit' && s.sentAt === x.endMs);
			return fill(t.retransmission, { side: t.sides[x.side], flags: again?.flags ?? '', t: seconds(x.endMs!), s: seconds(x.ms) });
		});
}

export interface Timeline {
	/** The scale's end, ms. */
	max: number;
	marks: Array<{ side: Side; at: number; label: string; lost: boolean; step: number }>;
	bars: Array<{ side: Side; start: number; end: number; label: string }>;
}

/** Segments and expired retransmission timers on one time axis (TIME-WAIT has its own countdown). */
export function timeline(run: ExplorerRun, t: ExplorerStrings): Timeline {
	const bars = run.timers
		.filter((x) => x.timer === 'rtx' && x.fired)
		.map((x) => ({ side: x.side, start: x.startMs, end: x.endMs!, label: fill(t.rto, { s: seconds(x.ms) }) }));
	const marks = run.steps.map((s, i) => ({ side: s.from, at: s.sentAt, label: s.flags, lost: s.lost, step: i + 1 }));
	const max = Math.max(1, ...marks.map((m) => m.at + 100), ...bars.map((b) => b.end));
	return { max, marks, bars };
}

/** The timeline as one lane per side, positions in percent of its scale: what both renderers draw. */
export function lanes(tl: Timeline) {
	const pct = (ms: number) => `${(ms / tl.max) * 100}%`;
	return SIDES.map((side) => ({
		side,
		bars: tl.bars.filter((b) => b.side === side).map((b) => ({ label: b.label, left: pct(b.start), width: pct(b.end - b.start) })),
		marks: tl.marks.filter((m) => m.side === side).map((m) => ({ lost: m.lost, step: m.step, left: pct(m.at) })),
	}));
}

/** TIME-WAIT periods that start within the shown steps. */
export function timeWaits(run: ExplorerRun) {
	return run.timers.filter((x) => x.timer === 'time-wait');
}

export const isScenarioOf = (list: readonly string[], name: string | null): name is ScenarioName =>
	name !== null && list.includes(name);
