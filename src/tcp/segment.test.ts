import { describe, expect, it } from 'vitest';
import { TcpError } from './errors.ts';
import { flagText, parseFlags, segLen, type Segment } from './segment.ts';

const seg = (flags: string, len = 0): Segment => ({ flags: parseFlags(flags), seq: 0, ack: 0, wnd: 0, len });

describe('segments', () => {
	it('SYN and FIN each occupy one sequence number (SEG.LEN)', () => {
		expect(segLen(seg('SYN'))).toBe(1);
		expect(segLen(seg('FIN, ACK', 10))).toBe(11);
		expect(segLen(seg('ACK'))).toBe(0);
		expect(segLen(seg('PSH, ACK', 5))).toBe(5);
	});

	it('writes flags in capture order whatever order they were given in', () => {
		expect(flagText(seg('ack, syn'))).toBe('SYN, ACK');
		expect(flagText(seg('ACK,FIN'))).toBe('FIN, ACK');
		expect(flagText(seg('ACK, RST'))).toBe('RST, ACK');
		expect(flagText(seg('ACK, PSH, FIN'))).toBe('FIN, PSH, ACK');
	});

	it('rejects unknown flag names with a typed error', () => {
		expect(() => parseFlags('SYN, URG')).toThrow(TcpError);
		expect(() => parseFlags('')).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
	});
});
