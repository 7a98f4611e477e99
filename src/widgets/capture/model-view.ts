/**
 * One captured connection against the model (src/compare), in the reader's words: for each
 * segment whether the model sends the same (flags, numbers, time within the stated tolerance),
 * what it sends instead, and why, when a profile switch (src/tcp PROFILES) is behind it. Under
 * RFC 9293 a departure that the Linux profile explains says so. Pure; tested in node.
 */
import type { Connection, Timestamp } from '../../capture';
// Modules, not indexes: the browser bundle then leaves out what a comparison does not use.
import { compareConnection, type Comparison, type ModelSegment, type Row } from '../../compare/compare';
import { observedSegments, type CapturedSegment } from '../../compare/observed';
import type { ProfileName, SwitchId } from '../../tcp/profile';
import type { WidgetStrings } from '../i18n';
import { fill } from '../text';

export type ModelStrings = WidgetStrings['capture']['upload']['model'];
/** The Linux switches whose effect on a segment the widget can name. */
export type ExplainedSwitch = keyof ModelStrings['switches'] & SwitchId;

export interface SwitchSource {
	/** A Linux file and function, or an RFC section. */
	source: string;
	href: string;
}

/** Each explained switch's source (switch-sources.ts, at build time). */
export type SwitchSources = Record<ExplainedSwitch, SwitchSource>;

export interface Why extends SwitchSource {
	text: string;
}

export interface SegmentVerdict {
	agree: boolean;
	text: string;
	why: Why | null;
}

export interface ModelView {
	profile: ProfileName;
	agree: boolean;
	summary: string;
	/** By the connection's segment index; null past the segments compared. */
	verdicts: Array<SegmentVerdict | null>;
	/** Segments the model sends that the capture does not have. */
	modelOnly: string[];
}

const ms = (t: number) => t.toFixed(1);
const describe = (s: ModelSegment | CapturedSegment) =>
	`${s.flags} seq=${s.relSeq}${s.relAck === null ? '' : ` ack=${s.relAck}`}${s.len ? ` len=${s.len}` : ''}`;

/** The Linux switch that makes the model send this segment as it does, if one does. */
function switchBehind(row: Row): ExplainedSwitch | null {
	const m = row.model!;
	if (m.reason === 'loss-probe') return 'tailLossProbe';
	if (m.reason === 'delayed-ack') return 'delayedAckMs';
	if (m.reason === 'keepalive' || m.reason === 'rst-keepalive') return 'keepAliveMs';
	if (m.reason === 'rst-abort' && m.flags.includes('ACK')) return 'abortRstAck';
	if (m.reason !== 'retransmit') return null;
	if (m.flags === 'SYN') return 'synLinearTimeouts';
	// The SYN,ACK sent again because the client's SYN came again, not because a timer expired.
	if (m.flags === 'SYN, ACK' && row.cause?.flags === 'SYN' && row.cause.from !== m.from) return 'synAckOnDupSyn';
	// A handshake's timer starts at 1 s in both profiles; after it the RTT is measured.
	return m.flags.includes('SYN') ? null : 'rtoMinMs';
}

function why(row: Row, s: ModelStrings, sources: SwitchSources): (SwitchSource & { switchText: string }) | null {
	const id = row.model && switchBehind(row);
	return id ? { switchText: s.switches[id], ...sources[id] } : null;
}

function verdict(row: Row, linuxRow: () => Row | undefined, profile: ProfileName, s: ModelStrings, sources: SwitchSources): SegmentVerdict {
	const m = row.model;
	if (!m) return { agree: false, text: s.extra, why: null };
	if (!row.differences.length) {
		const w = profile === 'linux' ? why(row, s, sources) : null;
		return { agree: true, text: fill(s.agrees, { reason: s.reasons[m.reason] }), why: w && { text: fill(s.why, { text: w.switchText }), source: w.source, href: w.href } };
	}
	const fields = row.differences.filter((f) => f !== 'time');
	const text = fields.length
		? fill(s.differs, { fields: fields.map((f) => s.fields[f]).join(', '), expected: `${describe(m)} (${s.reasons[m.reason]})` })
		: fill(s.late, { expected: ms(row.expectedT ?? m.t), tolerance: ms(m.toleranceMs) });
	const other = profile === 'rfc9293' ? linuxRow() : undefined;
	const w = other && !other.differences.length ? why(other, s, sources) : null;
	return {
		agree: false,
		text,
		why: w && { text: fill(s.whyOther, { profile: s.profiles.linux, text: w.switchText }), source: w.source, href: w.href },
	};
}

/** null when the connection cannot be compared: it started before the capture did. */
export function modelView(
	connection: Connection,
	origin: Timestamp,
	profile: ProfileName,
	s: ModelStrings,
	sources: SwitchSources,
	limit: number,
): ModelView | null {
	if (!connection.openedBySyn) return null;
	const captured = observedSegments(connection, origin).slice(0, limit);
	const c = compareConnection(captured, { profile });
	let linux: Comparison | undefined;
	const byPacket = (cmp: Comparison) => new Map(cmp.rows.filter((r) => r.capture).map((r) => [r.capture!.packet, r]));
	let linuxRows: Map<number, Row> | undefined;
	const linuxRow = (packet: number) => () => {
		linux ??= compareConnection(captured, { profile: 'linux' });
		linuxRows ??= byPacket(linux);
		return linuxRows.get(packet);
	};
	const rows = byPacket(c);
	const first = c.rows[c.first]?.capture;
	const name = s.profiles[profile];
	return {
		profile,
		agree: c.agree,
		summary: c.agree
			? fill(s.agreeAll, { profile: name, count: captured.length, ms: ms(c.rows[0]?.model?.toleranceMs ?? 0) })
			: fill(s.departs, { profile: name, n: first ? captured.findIndex((x) => x.packet === first.packet) + 1 : c.rows.filter((r) => r.capture).length + 1 }),
		verdicts: connection.segments.map((_, i) => {
			const seg = captured[i];
			const row = seg && rows.get(seg.packet);
			return row ? verdict(row, linuxRow(seg.packet), profile, s, sources) : null;
		}),
		modelOnly: c.rows
			.filter((r) => !r.capture && r.model)
			.map((r) => fill(s.modelOnly, { expected: describe(r.model!), t: ms(r.expectedT ?? r.model!.t), reason: s.reasons[r.model!.reason] })),
	};
}
