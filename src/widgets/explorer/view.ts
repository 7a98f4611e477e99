/** Pure view logic of the explorers: words and numbers for a run, no DOM. */
import type { Side } from '../../tcp/network';
import { otherSide } from '../../tcp/trace';
import type { WidgetStrings } from '../i18n';
import { fill } from '../text';
import { LADDER, textWidth, type LadderText } from './layout';
import type { ExplorerRun, ExplorerStep, TimerSpan } from './run';

export type ExplorerStrings = WidgetStrings['explorer'];
/** What the client needs: the explorer's strings plus the side names. */
export type ClientStrings = ExplorerStrings & { sides: Record<Side, string> };

/** The keys of `why` to try for a step, most specific first (see the locale files). */
export function whyKeys(step: ExplorerStep): string[] {
	if (step.lost) return ['lost'];
	if (step.copy) return ['copy'];
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
	const key = whyKeys(step).find((k) => k in table) ?? 'other';
	return fill(table[key]!, {
		Sender: t.The[step.from],
		sender: t.the[step.from],
		Receiver: t.The[otherSide(step.from)],
		receiver: t.the[otherSide(step.from)],
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

/** How a segment fared, in words: "arrives at 0.1 s", "lost". */
export const fateText = (s: ExplorerStep, t: ExplorerStrings): string =>
	fill(s.copy ? t.fates.copy : t.fates[s.fate], { t: seconds(s.at.t) });

/** The ladder's words: a segment's label, a timer's label. */
export function ladderText(t: ExplorerStrings, absolute: boolean): LadderText {
	return {
		arrow(s) {
			const seq = `seq=${absolute ? s.seq : s.relSeq}`;
			const ack = s.ack === null ? '' : `ack=${absolute ? s.ack : s.relAck}`;
			const numbers = `${seq} ${ack}`.trim();
			// Two numbers that do not fit between the lifelines go on two lines.
			const fits = textWidth(numbers) < LADDER.x.server - LADDER.x.client - 12;
			return [s.flags, ...(fits ? [numbers] : [seq, ack].filter(Boolean)), ...(s.len ? [fill(t.bytes, { len: s.len })] : [])];
		},
		timer: (span) => timerLines(span, t, span.ms),
	};
}

/** An expired retransmission timer's label, or TIME-WAIT's with the time it has `left`. */
export const timerLines = (span: TimerSpan, t: ExplorerStrings, left: number): string[] =>
	span.timer === 'rtx'
		? [fill(t.rto, { s: seconds(span.ms) }), fill(t.retry, { n: span.tries })]
		: [fill(left === span.ms ? t.waitFor : t.waitLeft, { time: clock(left) })];

/**
 * A segment's accessible name: what the arrow's label shows, in the same order and the numbers it
 * shows first (the others in brackets), so that the label is part of the name; then its fate and
 * what the states became.
 */
export function segmentName(run: ExplorerRun, i: number, t: ClientStrings, absolute = false): string {
	const s = run.steps[i]!;
	const numbers = (rel: number | null, abs: number | null) => (absolute ? both(abs, rel, t.none) : both(rel, abs, t.none));
	return fill(t.segmentName, {
		n: i + 1,
		total: run.steps.length,
		dir: t.dir[s.from],
		flags: s.flags,
		seq: numbers(s.relSeq, s.seq),
		ack: numbers(s.relAck, s.ack),
		data: s.len ? fill(t.data, { len: s.len }) : '',
		fate: fateText(s, t),
		client: s.states.client,
		server: s.states.server,
	});
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
		flags: s.len ? `${s.flags}, ${fill(t.bytes, { len: s.len })}` : s.flags,
		seq: both(s.relSeq, s.seq, t.none),
		ack: both(s.relAck, s.ack, t.none),
		client: s.states.client,
		server: s.states.server,
		why: `${s.fate === 'delivered' || s.lost ? '' : `${fateText(s, t)}. `}${whyText(s, t)}`,
		lost: s.lost,
	}));
}

/** Step i in words (0 = before the first segment): the segment's name, or where both sides start. */
export const stepText = (run: ExplorerRun, i: number, t: ClientStrings, absolute = false): string =>
	i ? segmentName(run, i - 1, t, absolute) : fill(t.startStates, { step: fill(t.step, { n: 0, total: run.steps.length }), ...run.start });

/** The live region's sentence for step i: the step in words and why. */
export const announce = (run: ExplorerRun, i: number, t: ClientStrings, absolute = false): string =>
	`${stepText(run, i, t, absolute)} ${whyText(run.steps[i - 1] ?? null, t)}`;
