import { describe, expect, it } from 'vitest';
import { traceToMermaid } from './mermaid.ts';
import { runScenario } from './scenarios.ts';

const labels = { client: 'C', server: 'S', lost: 'lost', rto: 'RTO', timeWait: '2MSL' };

describe('traceToMermaid fromMs', () => {
	it('leaves out what came before and opens with both states', () => {
		const text = traceToMermaid(runScenario('teardown'), { labels, fromMs: 200 });
		const lines = text.split('\n');
		expect(lines.slice(3, 6)).toEqual(['Note over C,S: ESTABLISHED', 'Note over C: FIN-WAIT-1', 'C->>S: FIN, ACK seq=1 ack=1']);
		expect(text).not.toContain('SYN');
		expect(lines.filter((l) => l.includes('->>'))).toHaveLength(4);
	});

	it('opens with one note per side when their states differ; retransmissions keep their label', () => {
		const text = traceToMermaid(runScenario('lost-final-ack'), { labels: { ...labels, retransmit: '(rtx)' }, fromMs: 460 });
		expect(text.split('\n').slice(3, 5)).toEqual(['Note over C: TIME-WAIT', 'Note over S: LAST-ACK']);
		expect(text).toContain('S->>C: FIN, ACK seq=1 ack=2 (rtx)');
	});

	it('changes nothing at 0', () => {
		const trace = runScenario('lost-syn');
		expect(traceToMermaid(trace, { labels, fromMs: 0 })).toBe(traceToMermaid(trace, { labels }));
	});
});
