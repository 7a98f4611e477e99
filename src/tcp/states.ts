/** The eleven connection states of RFC 9293 §3.3.2, spelled as the RFC spells them. */
export const TCP_STATES = [
	'CLOSED',
	'LISTEN',
	'SYN-SENT',
	'SYN-RECEIVED',
	'ESTABLISHED',
	'FIN-WAIT-1',
	'FIN-WAIT-2',
	'CLOSE-WAIT',
	'CLOSING',
	'LAST-ACK',
	'TIME-WAIT',
] as const;

export type TcpState = (typeof TCP_STATES)[number];

/** What moved an endpoint: a user call, an arriving segment, or a timeout. */
export type TransitionEvent =
	| 'passive-open'
	| 'active-open'
	| 'send'
	| 'close'
	| 'abort'
	| 'rcv-syn'
	| 'rcv-syn-ack'
	| 'rcv-ack-of-syn'
	| 'rcv-fin'
	| 'rcv-ack-of-fin'
	| 'rcv-rst'
	| 'timeout-2msl'
	| 'timeout-retries';

export interface Transition {
	from: TcpState;
	event: TransitionEvent;
	to: TcpState;
	/** Flags of the segment sent on the way, if any. */
	send?: string;
	/** SYN-RECEIVED remembers how it was entered (Figure 5, note 1). */
	origin?: 'passive' | 'active';
}

type Row = [TcpState, TransitionEvent, TcpState, string?, Transition['origin']?];

const rows = (list: Row[]): readonly Transition[] =>
	list.map(([from, event, to, send, origin]) => ({
		from,
		event,
		to,
		...(send && { send }),
		...(origin && { origin }),
	}));

/** Every arrow of RFC 9293 §3.3.2 Figure 5 (segments after the SYN carry ACK, hence "FIN, ACK"). */
export const TRANSITIONS = rows([
	['CLOSED', 'passive-open', 'LISTEN'],
	['CLOSED', 'active-open', 'SYN-SENT', 'SYN'],
	['LISTEN', 'close', 'CLOSED'],
	['LISTEN', 'rcv-syn', 'SYN-RECEIVED', 'SYN, ACK'],
	['LISTEN', 'send', 'SYN-SENT', 'SYN'],
	['SYN-SENT', 'close', 'CLOSED'],
	['SYN-SENT', 'rcv-syn', 'SYN-RECEIVED', 'SYN, ACK'],
	['SYN-SENT', 'rcv-syn-ack', 'ESTABLISHED', 'ACK'],
	['SYN-RECEIVED', 'rcv-rst', 'LISTEN', undefined, 'passive'],
	['SYN-RECEIVED', 'rcv-ack-of-syn', 'ESTABLISHED'],
	['SYN-RECEIVED', 'close', 'FIN-WAIT-1', 'FIN, ACK'],
	['ESTABLISHED', 'close', 'FIN-WAIT-1', 'FIN, ACK'],
	['ESTABLISHED', 'rcv-fin', 'CLOSE-WAIT', 'ACK'],
	['FIN-WAIT-1', 'rcv-ack-of-fin', 'FIN-WAIT-2'],
	['FIN-WAIT-1', 'rcv-fin', 'CLOSING', 'ACK'],
	['FIN-WAIT-2', 'rcv-fin', 'TIME-WAIT', 'ACK'],
	['CLOSE-WAIT', 'close', 'LAST-ACK', 'FIN, ACK'],
	['CLOSING', 'rcv-ack-of-fin', 'TIME-WAIT'],
	['LAST-ACK', 'rcv-ack-of-fin', 'CLOSED'],
	['TIME-WAIT', 'timeout-2msl', 'CLOSED'],
]);

const each = (states: TcpState[], rest: [TransitionEvent, TcpState, string?]): Row[] =>
	states.map((s) => [s, ...rest]);

/**
 * Moves §3.10 specifies that Figure 5 leaves out (its note 2: error conditions
 * and resets): an acceptable RST, ABORT (§3.10.5), giving up after the
 * retransmission limit (§3.8.3 R2, the user timeout), an active OPEN on a
 * fully specified LISTEN (§3.10.1), and a new in-window SYN in SYN-RECEIVED.
 */
export const OTHER_TRANSITIONS = rows([
	['LISTEN', 'active-open', 'SYN-SENT', 'SYN'],
	['SYN-RECEIVED', 'rcv-syn', 'LISTEN', undefined, 'passive'],
	['SYN-RECEIVED', 'rcv-rst', 'CLOSED', undefined, 'active'],
	...each(
		['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'],
		['rcv-rst', 'CLOSED'],
	),
	...each(['SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT'], ['abort', 'CLOSED', 'RST']),
	...each(['LISTEN', 'SYN-SENT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'], ['abort', 'CLOSED']),
	...each(
		['SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK'],
		['timeout-retries', 'CLOSED'],
	),
]);

/**
 * Moves only the Linux profile makes: a SYN-RECEIVED entered from LISTEN that runs out of SYN,ACK
 * retransmissions drops back to LISTEN (inet_connection_sock.c reqsk_timer_handler), as does one
 * whose handshake ACK meets a full accept queue with tcp_abort_on_overflow set, resetting it
 * (tcp_minisocks.c tcp_check_req); and a TIME-WAIT that has a listener reopens on a new SYN
 * (tcp_minisocks.c tcp_timewait_state_process).
 */
export const LINUX_TRANSITIONS = rows([
	['SYN-RECEIVED', 'timeout-retries', 'LISTEN', undefined, 'passive'],
	['SYN-RECEIVED', 'rcv-ack-of-syn', 'LISTEN', 'RST', 'passive'],
	['TIME-WAIT', 'rcv-syn', 'SYN-RECEIVED', 'SYN, ACK'],
]);
