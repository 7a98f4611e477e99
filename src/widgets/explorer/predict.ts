/** Predict mode: the reader's guess at the next segment, checked against the model's. */
import { flagText, parseFlags } from '../../tcp/segment';
import type { ExplorerStep } from './run';

/** The flags a reader can tick, in Wireshark's order as the model writes them. */
export const GUESS_FLAGS = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'] as const;

/** What the reader entered, as typed. */
export interface Guess {
	flags: string[];
	seq: string;
	/** Empty when the reader expects no ACK. */
	ack: string;
	client: string;
	server: string;
}

export type GuessField = keyof Guess;

export interface Miss {
	field: GuessField;
	/** The model's value and the reader's, as text ('' for none). */
	right: string;
	guess: string;
}

const number = (text: string): string => {
	const s = text.trim();
	return /^-?\d+$/.test(s) ? String(Number(s)) : s;
};

/** Every field the reader got wrong (none: right), in relative numbers or, if `absolute`, absolute ones. */
export function checkGuess(step: ExplorerStep, guess: Guess, absolute: boolean): Miss[] {
	const ack = absolute ? step.ack : step.relAck;
	const fields: Array<[GuessField, string, string]> = [
		['flags', step.flags, guess.flags.length ? flagText({ flags: parseFlags(guess.flags.join(',')) }) : ''],
		['seq', String(absolute ? step.seq : step.relSeq), number(guess.seq)],
		['ack', ack === null ? '' : String(ack), number(guess.ack)],
		['client', step.states.client, guess.client],
		['server', step.states.server, guess.server],
	];
	return fields.filter(([, right, g]) => right !== g).map(([field, right, g]) => ({ field, right, guess: g }));
}
