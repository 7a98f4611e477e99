import { describe, expect, it } from 'vitest';
import { splitMermaidLine } from './mermaid-line.ts';

describe('splitMermaidLine', () => {
	it('keeps what draws and lifts out what is read', () => {
		expect(splitMermaidLine('  C->>S: SYN, seq = x')).toEqual({ structure: 'C->>S: …', labels: ['SYN, seq = x'] });
		expect(splitMermaidLine('participant C as 客户端')).toEqual({ structure: 'participant C as …', labels: ['客户端'] });
		expect(splitMermaidLine('state "SYN-SENT" as SYN_SENT')).toEqual({ structure: 'state "…" as SYN_SENT', labels: ['SYN-SENT'] });
	});

	it('reads block labels of sequence diagrams as words', () => {
		expect(splitMermaidLine('alt 对端活着').structure).toBe(splitMermaidLine('alt peer alive').structure);
		expect(splitMermaidLine('loop every RTO')).toEqual({ structure: 'loop …', labels: ['every RTO'] });
		expect(splitMermaidLine('end')).toEqual({ structure: 'end', labels: [] });
	});

	it('reads inline edge labels and quoted node labels, colons included', () => {
		expect(splitMermaidLine('B -- 否 --> D{队列满？}')).toEqual({ structure: 'B -- … --> D{…}', labels: ['否', '队列满？'] });
		expect(splitMermaidLine('B -- no --> D{queue full?}').structure).toBe('B -- … --> D{…}');
		expect(splitMermaidLine('R1["1 · acked"] -->|RCV.NXT| R2["2 · allowed: window"]')).toEqual({
			structure: 'R1[…] -->|…| R2[…]',
			labels: ['1 · acked', '2 · allowed: window', 'RCV.NXT'],
		});
	});

	it('still tells a different drawing apart', () => {
		expect(splitMermaidLine('B -- no --> E{x}').structure).not.toBe(splitMermaidLine('B -- 否 --> D{x}').structure);
		expect(splitMermaidLine('C-->>S: x').structure).not.toBe(splitMermaidLine('C->>S: x').structure);
	});
});
