/**
 * Pure view logic of the sequence-number lab: reading the form's numbers, running the whole
 * connection through the model's simulator, and turning its trace into table rows.
 */
import {
	otherSide,
	relativeNumbers,
	PROFILES,
	SEQ_MOD,
	segLen,
	flagText,
	simulate,
	type Side,
	type SimulationConfig,
	type TcpState,
	type Trace,
	type UserAction,
} from '../../tcp';
import { fill } from '../text';

export type ParseError = 'empty' | 'notNumber' | 'notWhole' | 'range';
export type Parsed = { ok: true; value: number } | { ok: false; error: ParseError };

export const MAX_ISN = SEQ_MOD - 1;
export const MAX_BYTES = 65_535;

/** A whole number from 0 to `max`, typed by a reader: digits only (a sign only to say it is out of range). */
export function parseWhole(text: string, max: number): Parsed {
	const t = text.trim();
	if (!t) return { ok: false, error: 'empty' };
	if (/^[+-]?\d+$/.test(t)) {
		const value = Number(t);
		return value >= 0 && value <= max && !t.startsWith('-') ? { ok: true, value } : { ok: false, error: 'range' };
	}
	return Number.isFinite(Number(t)) ? { ok: false, error: 'notWhole' } : { ok: false, error: 'notNumber' };
}

export interface LabInput {
	clientIsn: number;
	serverIsn: number;
	/** Bytes the client sends once the connection is open, then the server's reply. */
	clientBytes: number;
	serverBytes: number;
}

export type LabField = keyof LabInput;
export const FIELDS: readonly LabField[] = ['clientIsn', 'serverIsn', 'clientBytes', 'serverBytes'];
export const fieldMax = (f: LabField): number => (f.endsWith('Isn') ? MAX_ISN : MAX_BYTES);

/** What a reader without JavaScript sees. */
export const DEFAULT_INPUT: LabInput = { clientIsn: 1000, serverIsn: 5000, clientBytes: 100, serverBytes: 200 };
/** The lesson's wraparound example (ISN 2^32 − 6, then 10 bytes), and a server that wraps inside its reply. */
export const WRAP_INPUT: LabInput = { clientIsn: 4294967290, serverIsn: 4294967200, clientBytes: 10, serverBytes: 200 };

/**
 * The whole connection: handshake; the client's bytes, then the server's; the client closes,
 * then the server. With 50 ms each way each step has finished before the next begins; the run
 * stops while the client sits in TIME-WAIT.
 */
export function labConfig(input: LabInput): SimulationConfig {
	const act = (at: number, who: Side, call: UserAction['call'], bytes?: number): UserAction => ({
		at,
		who,
		call,
		...(bytes !== undefined && { bytes }),
	});
	const actions = [
		act(0, 'server', 'listen'),
		act(0, 'client', 'open'),
		...(input.clientBytes ? [act(200, 'client', 'send', input.clientBytes)] : []),
		...(input.serverBytes ? [act(400, 'server', 'send', input.serverBytes)] : []),
		act(600, 'client', 'close'),
		act(800, 'server', 'close'),
	];
	return {
		client: { ...PROFILES.rfc9293.config, isn: input.clientIsn },
		server: { ...PROFILES.rfc9293.config, isn: input.serverIsn },
		actions,
		untilMs: 1000,
	};
}

export interface LabRow {
	from: Side;
	flags: string;
	seq: number;
	/** null when the ACK flag is off. */
	ack: number | null;
	/** Relative to the sender's ISN (seq) and the receiver's (ack), as Wireshark shows them. */
	seqRel: number;
	ackRel: number | null;
	/** Payload bytes. */
	data: number;
	/** SEG.LEN: payload plus one each for SYN and FIN. */
	segLen: number;
	syn: boolean;
	fin: boolean;
	/** The first segment of its sender whose sequence numbers run past 2^32 − 1 to 0. */
	seqWraps: boolean;
	/** The first segment of its sender whose ack has wrapped past 2^32 − 1. */
	ackWraps: boolean;
	clientState: TcpState;
	serverState: TcpState;
}

/** The segments of a trace in arrival order, with both kinds of numbers and where they wrap. */
export function labRows(trace: Trace): LabRow[] {
	const seqWrapped: Record<Side, boolean> = { client: false, server: false };
	const ackWrapped: Record<Side, boolean> = { client: false, server: false };
	const isn = (side: Side) => trace.isn[side] ?? 0;
	return trace.events.flatMap((e) => {
		if (e.kind !== 'deliver') return [];
		const from = otherSide(e.side);
		const seg = e.seg;
		const rel = relativeNumbers(trace, from, seg);
		const n = segLen(seg);
		const seqWraps = !seqWrapped[from] && (seg.seq + n > SEQ_MOD || seg.seq < isn(from));
		const ackWraps = seg.flags.ack && !ackWrapped[from] && seg.ack < isn(otherSide(from));
		seqWrapped[from] ||= seqWraps;
		ackWrapped[from] ||= ackWraps;
		return [
			{
				from,
				flags: flagText(seg),
				seq: seg.seq,
				ack: seg.flags.ack ? seg.ack : null,
				seqRel: rel.seq,
				ackRel: seg.flags.ack ? rel.ack : null,
				data: seg.len,
				segLen: n,
				syn: seg.flags.syn,
				fin: seg.flags.fin,
				seqWraps,
				ackWraps,
				clientState: e.states.client,
				serverState: e.states.server,
			},
		];
	});
}

export const runLab = (input: LabInput): LabRow[] => labRows(simulate(labConfig(input)));

/** A random ISN per side (the reader's browser's generator; any 32-bit value is legal). */
export function randomIsns(random: () => number = Math.random): Pick<LabInput, 'clientIsn' | 'serverIsn'> {
	const pick = () => Math.floor(random() * SEQ_MOD) % SEQ_MOD;
	return { clientIsn: pick(), serverIsn: pick() };
}

/** The connection lab's strings; the acceptability lab's (`accept`) travel with their own widget. */
export type LabStrings = Omit<import('../i18n').WidgetStrings['lab'], 'accept'>;


const tag = (cls: string, text: string) => `<span class="lab-tag ${cls}">${text}</span>`;

/** One table row as HTML, the same for the server render and the client script. */
export function rowHtml(row: LabRow, s: LabStrings): string {
	const c2s = row.from === 'client';
	const cls = [row.syn || row.fin ? 'lab-counts' : '', row.seqWraps || row.ackWraps ? 'lab-wrapped' : ''].filter(Boolean).join(' ');
	const number = (abs: number, rel: number) =>
		`<span class="lab-abs">${abs}</span> <span class="lab-rel">${fill(s.rel, { n: rel })}</span>`;
	const len = [
		`<span class="lab-abs">${row.segLen}</span>`,
		row.syn ? tag('lab-count', s.synCounts) : '',
		row.data && (row.syn || row.fin) ? tag('lab-data', fill(s.bytes, { n: row.data })) : '',
		row.fin ? tag('lab-count', s.finCounts) : '',
	].join(' ');
	return (
		`<tr${cls ? ` class="${cls}"` : ''} data-from="${row.from}" data-flags="${row.flags}" data-seq="${row.seq}" data-ack="${row.ack ?? ''}">` +
		`<th scope="row"><span class="lab-dir" aria-hidden="true">${c2s ? s.c2s : s.s2c}</span><span class="sr-only">${c2s ? s.c2sFull : s.s2cFull}</span> <span class="lab-flags">${row.flags}</span></th>` +
		`<td class="lab-seq">${number(row.seq, row.seqRel)}${row.seqWraps ? ` ${tag('lab-wrap', s.seqWraps)}` : ''}</td>` +
		`<td class="lab-ack">${row.ack === null ? s.noAck : number(row.ack, row.ackRel ?? 0)}${row.ackWraps ? ` ${tag('lab-wrap', s.ackWraps)}` : ''}</td>` +
		`<td class="lab-len">${len}</td></tr>`
	);
}

/** The table's caption for an input. */
export const caption = (input: LabInput, s: LabStrings): string => fill(s.caption, { ...input });

/** What the live region says after a run. */
export function ranText(rows: readonly LabRow[], s: LabStrings): string {
	const fin = rows.find((r) => r.from === 'client' && r.fin);
	const lastAck = [...rows].reverse().find((r) => r.from === 'server' && r.ack !== null);
	return fill(s.ran, { count: rows.length, finSeq: fin?.seq ?? '—', lastAck: lastAck?.ack ?? '—' });
}

/** The inline message for a field that does not parse. */
export const errorText = (error: ParseError, field: LabField, s: LabStrings): string =>
	fill(s.errors[error], { max: fieldMax(field) });
