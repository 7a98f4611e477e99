import type { TcpState } from './states';

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
	constructor(
		readonly code: TcpErrorCode,
		readonly state?: TcpState,
	) {
		super(state ? `${code} (${state})` : code);
		this.name = 'TcpError';
	}

	isCallError(): this is TcpError & { code: CallErrorCode } {
		return CALL_ERRORS.includes(this.code);
	}
}
