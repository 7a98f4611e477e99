import { TcpError } from './errors.ts';

export interface Flags {
	syn: boolean;
	ack: boolean;
	fin: boolean;
	rst: boolean;
	psh: boolean;
}

export interface Segment {
	flags: Flags;
	seq: number;
	ack: number;
	wnd: number;
	/** Payload bytes only; see segLen for the sequence space used. */
	len: number;
}

type FlagName = keyof Flags;

// Wireshark's order, so labels read like captures: "SYN, ACK", "FIN, ACK", "PSH, ACK".
const ORDER: readonly FlagName[] = ['syn', 'fin', 'rst', 'psh', 'ack'];

/** SEG.LEN (RFC 9293 §3.4): SYN and FIN each occupy one sequence number. */
export const segLen = (s: Segment): number => s.len + +s.flags.syn + +s.flags.fin;

export const flagText = (s: Pick<Segment, 'flags'>): string =>
	ORDER.filter((f) => s.flags[f])
		.map((f) => f.toUpperCase())
		.join(', ');

/** Parses protocol notation such as "SYN, ACK" (any order, any case). */
export function parseFlags(text: string): Flags {
	const flags: Flags = { syn: false, ack: false, fin: false, rst: false, psh: false };
	for (const part of text.split(',')) {
		const name = part.trim().toLowerCase();
		if (!(ORDER as readonly string[]).includes(name)) throw new TcpError('invalid-argument');
		flags[name as FlagName] = true;
	}
	return flags;
}
