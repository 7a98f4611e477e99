/**
 * Pure view logic of the acceptability lab: the reader's RCV.NXT, RCV.WND, SEG.SEQ and SEG.LEN
 * (and SND.UNA, SND.NXT, SEG.ACK) go through the model's own tests (src/tcp acceptability.ts),
 * and the verdict comes back as HTML, the same for the server render and the client script.
 *
 * Strings from the locale files are inserted as they are: they hold no markup characters (a unit
 * test checks it). RFC notation that needs `<` is written here, escaped.
 */
import {
	ackAcceptability,
	MAX_WINDOW,
	receiveAcceptability,
	resetAcceptability,
	seqLeq,
	seqSub,
	type AcceptabilityRow,
	type AcceptabilityTest,
	type AckInput,
	type AckVerdict,
	type ReceiveInput,
} from '../../tcp';
import type { WidgetStrings } from '../i18n';
import { fill } from '../text';
import { MAX_BYTES, MAX_ISN, parseWhole, type Parsed } from './view';

export type AcceptStrings = WidgetStrings['lab']['accept'];
/** What the client script is given: the lab's own strings plus the shared number-parsing messages. */
export type ClientStrings = AcceptStrings & { unchanged: string; parse: WidgetStrings['lab']['errors'] };

export type ReceiveField = keyof ReceiveInput;
export type AckField = keyof AckInput;
export type AcceptField = ReceiveField | AckField;
export const RECEIVE_FIELDS: readonly ReceiveField[] = ['rcvNxt', 'rcvWnd', 'segSeq', 'segLen'];
export const ACK_FIELDS: readonly AckField[] = ['sndUna', 'sndNxt', 'segAck'];

/** The largest value a field takes: a sequence number, a window, or a segment's length. */
export const acceptMax = (f: AcceptField): number => (f === 'rcvWnd' ? MAX_WINDOW : f === 'segLen' ? MAX_BYTES : MAX_ISN);

export const parseAcceptField = (f: AcceptField, text: string): Parsed => parseWhole(text, acceptMax(f));

/** What a reader without JavaScript sees: a segment that starts in the window and runs past it, and a new ACK. */
export const DEFAULT_RECEIVE: ReceiveInput = { rcvNxt: 1000, rcvWnd: 500, segSeq: 1400, segLen: 200 };
export const DEFAULT_ACK: AckInput = { sndUna: 1000, sndNxt: 1300, segAck: 1200 };

export const RECEIVE_PRESETS = {
	/** Bytes 900–999, all received already. */
	oldDuplicate: { rcvNxt: 1000, rcvWnd: 500, segSeq: 900, segLen: 100 },
	/** A one-byte probe into a closed window: row 3. */
	zeroWindow: { rcvNxt: 1000, rcvWnd: 0, segSeq: 1000, segLen: 1 },
	/** The window runs from 4294967000 past 2^32 − 1 to 704; SEG.SEQ 200 is 496 into it. */
	wrap: { rcvNxt: 4294967000, rcvWnd: 1000, segSeq: 200, segLen: 100 },
} as const satisfies Record<string, ReceiveInput>;

export const ACK_PRESETS = {
	duplicate: { sndUna: 1000, sndNxt: 1300, segAck: 1000 },
	unsent: { sndUna: 1000, sndNxt: 1300, segAck: 1400 },
	wrap: { sndUna: 4294967290, sndNxt: 10, segAck: 5 },
} as const satisfies Record<string, AckInput>;

export type ReceivePreset = keyof typeof RECEIVE_PRESETS;
export type AckPreset = keyof typeof ACK_PRESETS;

/** The tests of RFC 9293 §3.4 in its notation, as HTML. */
const FORMULA: Record<AcceptabilityTest['test'], string> = {
	exact: 'SEG.SEQ = RCV.NXT',
	first: 'RCV.NXT =&lt; SEG.SEQ &lt; RCV.NXT+RCV.WND',
	last: 'RCV.NXT =&lt; SEG.SEQ+SEG.LEN-1 &lt; RCV.NXT+RCV.WND',
};
/** The acknowledgment an unacceptable segment, or a challenge, earns (§3.10.7.4). */
const ACK_REPLY = '<code>&lt;SEQ=SND.NXT&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=ACK&gt;</code>';

/** Table 5's rows: SEG.LEN, RCV.WND, and the test, in the RFC's order. */
const TABLE: ReadonlyArray<{ row: AcceptabilityRow; len: string; wnd: string; tests: AcceptabilityTest['test'][] }> = [
	{ row: 1, len: '0', wnd: '0', tests: ['exact'] },
	{ row: 2, len: '0', wnd: '&gt;0', tests: ['first'] },
	{ row: 3, len: '&gt;0', wnd: '0', tests: [] },
	{ row: 4, len: '&gt;0', wnd: '&gt;0', tests: ['first', 'last'] },
];

const code = (html: string) => `<code>${html}</code>`;

/** The table's body, the deciding row marked in words as well as by its look. */
export function tableRowsHtml(decides: AcceptabilityRow, s: AcceptStrings): string {
	return TABLE.map((r) => {
		const here = r.row === decides;
		const test = r.tests.length ? r.tests.map((t) => code(FORMULA[t])).join(` <span class="acc-or">${s.or}</span> `) : s.notAcceptable;
		return (
			`<tr data-row="${r.row}"${here ? ' class="acc-decides" aria-current="true"' : ''}>` +
			`<td>${r.len}</td><td>${r.wnd}</td><td>${test}${here ? ` <span class="acc-tag">${s.thisCase}</span>` : ''}</td></tr>`
		);
	}).join('');
}

/** A number as a distance from RCV.NXT, which is how modulo-2^32 comparisons read. */
const fromRcvNxt = (value: number, rcvNxt: number, s: AcceptStrings): string => {
	const d = seqSub(value, rcvNxt);
	return fill(d < 0 ? s.before : s.after, { n: Math.abs(d) });
};

const holdsHtml = (holds: boolean, s: AcceptStrings) =>
	`<span class="acc-holds ${holds ? 'acc-yes' : 'acc-no'}">${holds ? s.holds : s.fails}</span>`;

/** The verdict on a segment: the deciding row, each of its tests with the reader's numbers, what follows, and what a RST would earn. */
export function receiveHtml(input: ReceiveInput, s: AcceptStrings): string {
	const v = receiveAcceptability(input);
	const { rcvNxt, rcvWnd, segSeq } = input;
	const tests = v.tests.map((t) => {
		const numbers =
			t.test === 'exact' ? `${t.value} = ${rcvNxt}` : `${rcvNxt} =&lt; ${t.value} &lt; ${v.windowEnd}`;
		const name = t.test === 'last' ? 'SEG.SEQ+SEG.LEN-1' : 'SEG.SEQ';
		return (
			`<li>${code(FORMULA[t.test])}: ${code(numbers)} ${holdsHtml(t.holds, s)}` +
			`<span class="acc-where">${name} = ${t.value} = ${fromRcvNxt(t.value, rcvNxt, s)}; ${fill(s.windowEnds, { end: v.windowEnd, wnd: rcvWnd })}</span></li>`
		);
	});
	// Where plain numbers and modulo-2^32 order disagree, say so.
	const wraps = v.windowEnd < rcvNxt || v.tests.some((t) => t.value < rcvNxt !== seqSub(t.value, rcvNxt) < 0);
	const rst = resetAcceptability({ rcvNxt, rcvWnd, segSeq });
	return (
		`<p class="acc-verdict ${v.acceptable ? 'acc-yes' : 'acc-no'}" data-acceptable="${v.acceptable}" data-row="${v.row}">` +
		`${fill(v.acceptable ? s.acceptable : s.unacceptable, { row: v.row })}</p>` +
		(tests.length ? `<ul class="acc-tests">${tests.join('')}</ul>` : `<p class="acc-tests">${s.rowThree}</p>`) +
		(wraps ? `<p class="acc-note">${s.modulo}</p>` : '') +
		`<p class="acc-then">${v.acceptable ? s.thenAccepted : fill(s.thenRejected, { reply: ACK_REPLY })}</p>` +
		`<p class="acc-rst" data-rst="${rst}">${fill(s.asRst[rst], { reply: ACK_REPLY })}</p>`
	);
}

/** Each verdict's inequality, in the RFC's notation and with the reader's numbers, as HTML. */
const ACK_TEST: Record<AckVerdict, (u: number, n: number, a: number) => [string, string]> = {
	acceptable: (u, n, a) => ['SND.UNA &lt; SEG.ACK =&lt; SND.NXT', `${u} &lt; ${a} =&lt; ${n}`],
	duplicate: (u, _, a) => ['SEG.ACK =&lt; SND.UNA', `${a} =&lt; ${u}`],
	unsent: (_, n, a) => ['SEG.ACK &gt; SND.NXT', `${a} &gt; ${n}`],
};

/** Why an ACK check cannot run: SND.UNA after SND.NXT describes no sender. */
export const ackInputError = ({ sndUna, sndNxt }: AckInput): keyof AcceptStrings['errors'] | null =>
	seqLeq(sndUna, sndNxt) ? null : 'unaAfterNxt';

/** The verdict on an acknowledgment number, with its inequality filled in and what a synchronized sender does. */
export function ackHtml(input: AckInput, s: AcceptStrings): string {
	const verdict = ackAcceptability(input);
	const [test, numbers] = ACK_TEST[verdict](input.sndUna, input.sndNxt, input.segAck);
	return (
		`<p class="acc-verdict ${verdict === 'acceptable' ? 'acc-yes' : 'acc-no'}" data-ack="${verdict}">` +
		`${fill(s.ack[verdict], { test: code(test), numbers: code(numbers) })}</p>` +
		`<p class="acc-then">${fill(s.ackThen[verdict], { ack: input.segAck, reply: ACK_REPLY })}</p>`
	);
}

/** The values a verdict is about, in the RFC's names: `RCV.NXT = 1000, RCV.WND = 500, …`. */
export function givenText(input: ReceiveInput | AckInput, s: AcceptStrings): string {
	const values = Object.entries(input).map(([f, v]) => `${s.fields[f as AcceptField]} = ${v}`);
	return fill(s.given, { values: values.join(', ') });
}

/** What the live region says after a check. */
export const receiveStatus = (input: ReceiveInput, s: AcceptStrings): string => {
	const v = receiveAcceptability(input);
	return fill(v.acceptable ? s.acceptable : s.unacceptable, { row: v.row });
};
export const ackStatus = (input: AckInput, s: AcceptStrings): string => s.ackStatus[ackAcceptability(input)];
