import type { TcpState } from './states.ts';

/**
 * The first four codes are RFC 9293 §3.10's replies to user calls ("error:
 * connection does not exist", ...); the rest reject bad input to the model.
 * Messages are codes, not prose: the site translates them.
 */
export type TcpErrorCode =
	| 'connection-does-not-exist'
	| 'connection-already-exists'
	| 'connection-closing'
	| 'foreign-socket-unspecified'
	| 'invalid-isn'
	| 'invalid-delay'
	| 'invalid-config'
	| 'invalid-argument'
	| 'unknown-scenario'
	| 'event-limit';

/** Codes a simulation records on a user call instead of throwing (§3.10's user-call errors). */
export type CallErrorCode = Extract<
	TcpErrorCode,
	'connection-does-not-exist' | 'connection-already-exists' | 'connection-closing' | 'foreign-socket-unspecified'
>;

const CALL_ERRORS: readonly TcpErrorCode[] = [
	'connection-does-not-exist',
	'connection-already-exists',
	'connection-closing',
	'foreign-socket-unspecified',
];

export class TcpError extends Error {
	readonly code: TcpErrorCode;
	readonly state?: TcpState;

	// Fields assigned by hand, not as parameter properties: Node runs src/tcp unbuilt (scripts/compare.ts).
	constructor(code: TcpErrorCode, state?: TcpState) {
		super(state ? `${code} (${state})` : code);
		this.name = 'TcpError';
		this.code = code;
		if (state) this.state = state;
	}

	isCallError(): this is TcpError & { code: CallErrorCode } {
		return CALL_ERRORS.includes(this.code);
	}
}
