import { describe, expect, it } from 'vitest';
import { checkGuess, type Guess } from './predict';
import { runExplorer } from './run';

const run = runExplorer({ scenario: 'handshake', isn: { client: 100, server: 300 } });
const synAck = run.steps[1]!;
const right: Guess = { flags: ['ACK', 'SYN'], seq: '0', ack: '1', client: 'ESTABLISHED', server: 'SYN-RECEIVED' };

describe('checkGuess', () => {
	it('accepts the SYN, ACK of RFC 9293 Figure 6 in relative and in absolute numbers, flags in any order', () => {
		expect(checkGuess(synAck, right, false)).toEqual([]);
		expect(checkGuess(synAck, { ...right, seq: ' 300', ack: '101 ' }, true)).toEqual([]);
	});

	it('names each field that is wrong, with the model’s value and the reader’s', () => {
		expect(checkGuess(synAck, { ...right, flags: ['SYN'], ack: '0', server: 'ESTABLISHED' }, false)).toEqual([
			{ field: 'flags', right: 'SYN, ACK', guess: 'SYN' },
			{ field: 'ack', right: '1', guess: '0' },
			{ field: 'server', right: 'SYN-RECEIVED', guess: 'ESTABLISHED' },
		]);
		expect(checkGuess(synAck, { ...right, seq: '', flags: [] }, false)).toEqual([
			{ field: 'flags', right: 'SYN, ACK', guess: '' },
			{ field: 'seq', right: '0', guess: '' },
		]);
	});

	it('expects an empty ack when the ACK flag is off', () => {
		const syn = run.steps[0]!;
		const guess: Guess = { flags: ['SYN'], seq: '0', ack: '', client: 'SYN-SENT', server: 'SYN-RECEIVED' };
		expect(checkGuess(syn, guess, false)).toEqual([]);
		expect(checkGuess(syn, { ...guess, ack: '0' }, false)).toEqual([{ field: 'ack', right: '', guess: '0' }]);
	});
});
