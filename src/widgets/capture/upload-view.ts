/**
 * Pure view logic of the bring-your-own-capture widget: from a file's bytes to what the widget
 * shows (a summary, each TCP connection's segments with the states inferred for both ends, or a
 * localised error naming the packet and byte offset). Runs in the browser; tested in node.
 */
import { CaptureError, flagNames, groupConnections, readCapture, type Connection, type Timestamp } from '../../capture';
import type { ProfileName, TcpState } from '../../tcp';
import type { WidgetStrings } from '../i18n';
import { fill } from '../text';
import { inferStates } from './infer';
import { modelView, type ModelView, type SwitchSources } from './model-view';
import { observedSegments } from './observed';

export type UploadStrings = WidgetStrings['capture']['upload'];

/** The default size limit; the widget's data-max-bytes may lower it. */
export const MAX_BYTES = 5 * 1024 * 1024;
/** Beyond these, the widget says how many it left out. */
export const MAX_CONNECTIONS = 20;
export const MAX_SEGMENTS = 200;

export interface RowView {
	n: number;
	fromClient: boolean;
	flags: string;
	seq: number;
	ack: number | null;
	len: number;
	client: TcpState;
	server: TcpState;
	/** Which side's state this segment changed. */
	moved: { client: boolean; server: boolean };
	unexplained: boolean;
}

export interface ConnectionView {
	title: string;
	/** For the diagram's accessible name. */
	label: string;
	client: string;
	server: string;
	midway: boolean;
	initial: { client: TcpState; server: TcpState };
	rows: RowView[];
	more: string | null;
	/** The connection against the model, segment by segment (rows[i] ↔ model.verdicts[i]); null when not compared. */
	model: ModelView | null;
	/** Why it was not compared, when it was not. */
	notCompared: string | null;
}

export type Analysis =
	| { ok: false; message: string }
	| { ok: true; summary: string; notes: string[]; connections: ConnectionView[] };

/** Megabytes to one decimal, rounded `up` (a file's size, so 5 MB + 1 byte never reads "5") or down (a limit). */
const mb = (bytes: number, up: boolean) => String((up ? Math.ceil : Math.floor)((bytes / (1024 * 1024)) * 10) / 10);

/** Sentences joined as each language writes them: a space after a Latin full stop, none after 。 */
const sentences = (...parts: string[]) =>
	parts.reduce((text, part) => (text === '' ? part : `${text}${/[。！？]$/.test(text) ? '' : ' '}${part}`), '');

/** A message when the file is too large (checked before it is read) or empty; otherwise null. */
export function sizeProblem(name: string, size: number, maxBytes: number, s: UploadStrings): string | null {
	if (size > maxBytes) return fill(s.tooLarge, { name, size: mb(size, true), mb: mb(maxBytes, false) });
	if (size === 0) return fill(s.empty, { name });
	return null;
}

const endpoint = (e: Connection['client']) => (e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`);

/** Whose model to compare each connection with, and where its switches are specified. */
export interface CompareWith {
	profile: ProfileName;
	sources: SwitchSources;
}

function connectionView(connection: Connection, i: number, origin: Timestamp, compare: CompareWith | null, s: UploadStrings): ConnectionView {
	const { initial, steps } = inferStates(observedSegments(connection), connection.openedBySyn);
	const client = endpoint(connection.client);
	const server = endpoint(connection.server);
	const count = connection.segments.length;
	const model = compare && modelView(connection, origin, compare.profile, s.model, compare.sources, MAX_SEGMENTS);
	let before = initial;
	const rows = connection.segments.slice(0, MAX_SEGMENTS).map((seg, j): RowView => {
		const step = steps[j]!;
		const row = {
			n: j + 1,
			fromClient: seg.direction === 'client-to-server',
			flags: flagNames(seg.packet.tcp.flags).join(', ') || '—',
			seq: seg.relativeSeq,
			ack: seg.relativeAck,
			len: seg.packet.tcp.payloadLength,
			client: step.states.client,
			server: step.states.server,
			moved: { client: step.states.client !== before.client, server: step.states.server !== before.server },
			unexplained: step.unexplained,
		};
		before = step.states;
		return row;
	});
	return {
		title: fill(s.connection, { n: i + 1, client, server, count }),
		label: fill(s.diagramLabel, { n: i + 1, client, server, count }),
		client,
		server,
		midway: !connection.openedBySyn,
		initial,
		rows,
		more: count > MAX_SEGMENTS ? fill(s.moreSegments, { shown: MAX_SEGMENTS, count }) : null,
		model,
		notCompared: compare && !model ? s.model.notCompared : null,
	};
}

/** With `compare`, each connection is also set against that profile's model, segment by segment. */
export function analyse(bytes: Uint8Array, name: string, s: UploadStrings, compare: CompareWith | null = null): Analysis {
	let packets;
	let format;
	try {
		({ packets, format } = readCapture(bytes));
	} catch (error) {
		if (!(error instanceof CaptureError)) return { ok: false, message: fill(s.readFailed, { name }) };
		const where =
			error.packet === null
				? fill(s.where, { offset: error.offset })
				: fill(s.wherePacket, { packet: error.packet, offset: error.offset });
		return { ok: false, message: sentences(fill(s.readFailed, { name }), s.errors[error.code], where) };
	}
	const connections = groupConnections(packets);
	if (connections.length === 0) return { ok: false, message: fill(s.noTcp, { name, packets: packets.length }) };
	const skipped = packets.filter((p) => p.kind === 'skipped').length;
	const vars = { name, format, packets: packets.length, connections: connections.length };
	const notes = [
		...(skipped ? [fill(s.skipped, { count: skipped })] : []),
		...(connections.length > MAX_CONNECTIONS ? [fill(s.more, { shown: MAX_CONNECTIONS, count: connections.length })] : []),
	];
	return {
		ok: true,
		summary: fill(connections.length === 1 ? s.summaryOne : s.summary, vars),
		notes,
		connections: connections.slice(0, MAX_CONNECTIONS).map((c, i) => connectionView(c, i, packets[0]!.timestamp, compare, s)),
	};
}
