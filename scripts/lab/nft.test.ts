import { describe, expect, it } from 'vitest';
import { nftDropCounts, nftRule, nftRuleset } from './nft.ts';
import { dropRuleSchema } from './scenario.ts';

const rule = (input: unknown) => dropRuleSchema.parse(input);
const FLAGS = 'tcp flags & (fin|syn|rst|psh|ack|urg|ecn|cwr)';

describe('nftRule', () => {
	it('drops the first segment whose flags are exactly those given, counted by numgen', () => {
		expect(nftRule(rule({ dir: 'c2s', flags: 'FIN, ACK' }), 8080)).toBe(`tcp dport 8080 ${FLAGS} == fin|ack numgen inc mod 4294967295 0 counter drop`);
	});

	it('drops a range of matches, or every match from one on, and tells directions apart by the server port', () => {
		expect(nftRule(rule({ dir: 's2c', flags: 'SYN, ACK', index: 1, count: 2 }), 80)).toBe(
			`tcp sport 80 ${FLAGS} == syn|ack numgen inc mod 4294967295 1-2 counter drop`,
		);
		expect(nftRule(rule({ dir: 'c2s', index: 4, count: 'all' }), 80)).toBe('tcp dport 80 numgen inc mod 4294967295 >= 4 counter drop');
		expect(nftRule(rule({ dir: 'c2s', flags: 'SYN', count: 'all' }), 80)).toBe(`tcp dport 80 ${FLAGS} == syn counter drop`);
	});

	it('limits a rule to the client ports given (the crafted SYNs of a flood)', () => {
		expect(nftRule(rule({ dir: 's2c', clientPorts: [61000, 61015], count: 'all' }), 8080)).toBe('tcp sport 8080 tcp dport 61000-61015 counter drop');
	});
});

describe('nftRuleset', () => {
	const drops = [rule({ dir: 'c2s', flags: 'SYN', count: 'all' }), rule({ dir: 's2c', flags: 'SYN, ACK' })];

	it('puts each rule on its receiver’s input hook', () => {
		expect(nftRuleset(drops, 8080, 'server')).toContain('type filter hook input priority filter; policy accept;');
		expect(nftRuleset(drops, 8080, 'server')).toContain('tcp dport 8080');
		expect(nftRuleset(drops, 8080, 'server')).not.toContain('tcp sport 8080');
		expect(nftRuleset(drops, 8080, 'client')).toContain('tcp sport 8080');
		expect(nftRuleset([drops[0]!], 8080, 'client')).toBeNull();
	});
});

describe('nftDropCounts', () => {
	it('reads the counters of `nft list table` in rule order', () => {
		const listing = `table inet synack_lab {
	chain input {
		type filter hook input priority filter; policy accept;
		tcp dport 8080 tcp flags == 0x11 numgen inc mod 4294967295 0 counter packets 1 bytes 52 drop
		tcp dport 8080 tcp flags == 0x2 counter packets 7 bytes 420 drop
	}
}`;
		expect(nftDropCounts(listing)).toEqual([1, 7]);
	});
});
