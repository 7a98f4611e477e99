// What the link, IP and TCP decoders share. A packet that is not TCP, or
// whose headers are cut off or inconsistent, is not an error in the file:
// decoders return a Skip saying why, and the rest of the capture still reads.

/** Where one header field lies in a packet's bytes (`end` exclusive), for annotated hex views. */
export interface FieldRange {
	/** Dotted name, e.g. `eth.type`, `ipv4.ttl`, `tcp.seq`, `tcp.option.mss`. */
	readonly name: string;
	readonly start: number;
	readonly end: number;
}

/**
 * Why a packet was not decoded as TCP:
 * - `unsupported-link`: a link type this reader does not decode.
 * - `not-ip`: the link layer carries something other than IPv4/IPv6.
 * - `not-tcp`: the IP packet carries another protocol.
 * - `ip-fragment`: an IP fragment; its TCP header is incomplete or absent.
 * - `unsupported-ip`: an IPv6 extension header this reader cannot skip.
 * - `truncated`: the capture kept too few bytes for the headers.
 * - `malformed`: header fields contradict each other.
 */
export type SkipReason =
	| 'unsupported-link'
	| 'not-ip'
	| 'not-tcp'
	| 'ip-fragment'
	| 'unsupported-ip'
	| 'truncated'
	| 'malformed';

export interface Skip {
	readonly skip: SkipReason;
	/** English, for developers; UI localises by `skip`. */
	readonly detail: string;
}

export const skip = (reason: SkipReason, detail: string): Skip => ({ skip: reason, detail });

export const isSkip = <T extends object>(result: T | Skip): result is Skip => 'skip' in result;

/** Collects field ranges of one packet as the decoders walk it. */
export class FieldList {
	readonly ranges: FieldRange[] = [];

	add(name: string, start: number, length: number): void {
		this.ranges.push({ name, start, end: start + length });
	}
}
