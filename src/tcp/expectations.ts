import type { ScenarioName } from './scenarios.ts';
import type { TcpState } from './states.ts';
import type { StatePair, Step } from './trace.ts';

export interface ScenarioExpectation {
	/** In arrival order, as traceSteps reports them (relative numbers). */
	steps: Step[];
	/** States when the scenario stops. */
	final: StatePair;
}

type S = TcpState;
const c = (flags: string, seq: number, ack: number | null, clientState: S, serverState: S, more?: Partial<Step>): Step => ({
	from: 'client',
	flags,
	seq,
	ack,
	...more,
	clientState,
	serverState,
});
const s = (flags: string, seq: number, ack: number | null, clientState: S, serverState: S, more?: Partial<Step>): Step => ({
	...c(flags, seq, ack, clientState, serverState, more),
	from: 'server',
});
const LOST = { lost: true } as const;
const both = (client: S, server: S): StatePair => ({ client, server });

const HANDSHAKE = [
	c('SYN', 0, null, 'SYN-SENT', 'SYN-RECEIVED'),
	s('SYN, ACK', 0, 1, 'ESTABLISHED', 'SYN-RECEIVED'),
	c('ACK', 1, 1, 'ESTABLISHED', 'ESTABLISHED'),
];
const CLIENT_FIN_ACKED = [
	c('FIN, ACK', 1, 1, 'FIN-WAIT-1', 'CLOSE-WAIT'),
	s('ACK', 1, 2, 'FIN-WAIT-2', 'CLOSE-WAIT'),
];
const TEARDOWN = [
	...HANDSHAKE,
	...CLIENT_FIN_ACKED,
	s('FIN, ACK', 1, 2, 'TIME-WAIT', 'LAST-ACK'),
	c('ACK', 2, 2, 'TIME-WAIT', 'CLOSED'),
];

/**
 * What each named scenario must show, written once: lessons quote these facts,
 * widgets' end-to-end tests check against them, and scenarios.test.ts holds the
 * engine to them.
 */
export const SCENARIO_EXPECTATIONS: Record<ScenarioName, ScenarioExpectation> = {
	handshake: { steps: HANDSHAKE, final: both('ESTABLISHED', 'ESTABLISHED') },
	'lost-syn': {
		steps: [c('SYN', 0, null, 'SYN-SENT', 'LISTEN', LOST), ...HANDSHAKE],
		final: both('ESTABLISHED', 'ESTABLISHED'),
	},
	// RFC 9293 §3.10.7.4: the retransmitted SYN is not acceptable in SYN-RECEIVED, so it is
	// answered by a bare ACK, which the client in SYN-SENT ignores; the server's own timer
	// (it fires first) resends the SYN,ACK.
	'lost-syn-ack': {
		steps: [
			c('SYN', 0, null, 'SYN-SENT', 'SYN-RECEIVED'),
			s('SYN, ACK', 0, 1, 'SYN-SENT', 'SYN-RECEIVED', LOST),
			c('SYN', 0, null, 'SYN-SENT', 'SYN-RECEIVED'),
			s('SYN, ACK', 0, 1, 'ESTABLISHED', 'SYN-RECEIVED'),
			s('ACK', 1, 1, 'ESTABLISHED', 'SYN-RECEIVED'),
			c('ACK', 1, 1, 'ESTABLISHED', 'ESTABLISHED'),
		],
		final: both('ESTABLISHED', 'ESTABLISHED'),
	},
	'lost-ack': {
		steps: [
			c('SYN', 0, null, 'SYN-SENT', 'SYN-RECEIVED'),
			s('SYN, ACK', 0, 1, 'ESTABLISHED', 'SYN-RECEIVED'),
			c('ACK', 1, 1, 'ESTABLISHED', 'SYN-RECEIVED', LOST),
			s('SYN, ACK', 0, 1, 'ESTABLISHED', 'SYN-RECEIVED'),
			c('ACK', 1, 1, 'ESTABLISHED', 'ESTABLISHED'),
		],
		final: both('ESTABLISHED', 'ESTABLISHED'),
	},
	// §3.5 Figure 7; each side then acknowledges the other's SYN,ACK.
	'simultaneous-open': {
		steps: [
			c('SYN', 0, null, 'SYN-SENT', 'SYN-RECEIVED'),
			s('SYN', 0, null, 'SYN-RECEIVED', 'SYN-RECEIVED'),
			s('SYN, ACK', 0, 1, 'ESTABLISHED', 'SYN-RECEIVED'),
			c('SYN, ACK', 0, 1, 'ESTABLISHED', 'ESTABLISHED'),
			c('ACK', 1, 1, 'ESTABLISHED', 'ESTABLISHED'),
			s('ACK', 1, 1, 'ESTABLISHED', 'ESTABLISHED'),
		],
		final: both('ESTABLISHED', 'ESTABLISHED'),
	},
	// §3.10.7.1: no connection, so <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
	refused: {
		steps: [c('SYN', 0, null, 'SYN-SENT', 'CLOSED'), s('RST, ACK', 0, 1, 'CLOSED', 'CLOSED')],
		final: both('CLOSED', 'CLOSED'),
	},
	// §3.5 Figure 8, with the old SYN at ISN − 10.
	'old-duplicate-syn': {
		steps: [
			c('SYN', -10, null, 'SYN-SENT', 'SYN-RECEIVED'),
			s('SYN, ACK', 0, -9, 'SYN-SENT', 'SYN-RECEIVED'),
			c('RST', -9, null, 'SYN-SENT', 'LISTEN'),
			...HANDSHAKE,
		],
		final: both('ESTABLISHED', 'ESTABLISHED'),
	},
	teardown: { steps: TEARDOWN, final: both('TIME-WAIT', 'CLOSED') },
	'teardown-fin-ack': {
		steps: [
			...HANDSHAKE,
			c('FIN, ACK', 1, 1, 'FIN-WAIT-1', 'CLOSE-WAIT'),
			s('FIN, ACK', 1, 2, 'TIME-WAIT', 'LAST-ACK'),
			c('ACK', 2, 2, 'TIME-WAIT', 'CLOSED'),
		],
		final: both('TIME-WAIT', 'CLOSED'),
	},
	'half-close': {
		steps: [
			...HANDSHAKE,
			...CLIENT_FIN_ACKED,
			s('PSH, ACK', 1, 2, 'FIN-WAIT-2', 'CLOSE-WAIT', { len: 100 }),
			c('ACK', 2, 101, 'FIN-WAIT-2', 'CLOSE-WAIT'),
			s('FIN, ACK', 101, 2, 'TIME-WAIT', 'LAST-ACK'),
			c('ACK', 2, 102, 'TIME-WAIT', 'CLOSED'),
		],
		final: both('TIME-WAIT', 'CLOSED'),
	},
	'lost-final-ack': {
		steps: [
			...HANDSHAKE,
			...CLIENT_FIN_ACKED,
			s('FIN, ACK', 1, 2, 'TIME-WAIT', 'LAST-ACK'),
			c('ACK', 2, 2, 'TIME-WAIT', 'LAST-ACK', LOST),
			s('FIN, ACK', 1, 2, 'TIME-WAIT', 'LAST-ACK'),
			c('ACK', 2, 2, 'TIME-WAIT', 'CLOSED'),
		],
		final: both('TIME-WAIT', 'CLOSED'),
	},
	'simultaneous-close': {
		steps: [
			...HANDSHAKE,
			c('FIN, ACK', 1, 1, 'FIN-WAIT-1', 'CLOSING'),
			s('FIN, ACK', 1, 1, 'CLOSING', 'CLOSING'),
			s('ACK', 2, 2, 'TIME-WAIT', 'CLOSING'),
			c('ACK', 2, 2, 'TIME-WAIT', 'TIME-WAIT'),
		],
		final: both('TIME-WAIT', 'TIME-WAIT'),
	},
	'time-wait-expiry': { steps: TEARDOWN, final: both('CLOSED', 'CLOSED') },
};
