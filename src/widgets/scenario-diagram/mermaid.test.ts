import { describe, expect, it } from 'vitest';
import { SCENARIO_EXPECTATIONS, SCENARIO_NAMES } from '../../tcp';
import { scenarioMermaid } from './mermaid';

const arrows = (text: string) => text.split('\n').filter((l) => /^[CS]-(>>|x)[CS]:/.test(l));

describe('scenarioMermaid', () => {
	it('draws every scenario in both languages with a title and a description', () => {
		for (const name of SCENARIO_NAMES) {
			for (const lang of ['en', 'zh-CN']) {
				const text = scenarioMermaid(name, lang);
				expect(text).toMatch(/^accTitle: .+$/m);
				expect(text).toMatch(/^accDescr: .+$/m);
			}
		}
	});

	it('follows the page language', () => {
		expect(scenarioMermaid('lost-syn', 'zh-CN')).toContain('participant C as 客户端');
		expect(scenarioMermaid('lost-syn', 'zh-CN')).toContain('C-xS: SYN seq=0 （丢失）');
		expect(scenarioMermaid('lost-syn', 'en')).toContain('C->>S: SYN seq=0 (retransmitted)');
	});

	it('handshake scenarios show every expected segment with its flags and relative numbers', () => {
		for (const name of ['handshake', 'lost-syn', 'lost-syn-ack', 'lost-ack', 'simultaneous-open', 'refused'] as const) {
			const lines = arrows(scenarioMermaid(name, 'en'));
			const steps = SCENARIO_EXPECTATIONS[name].steps;
			expect(lines).toHaveLength(steps.length);
			steps.forEach((s, i) => {
				expect(lines[i]).toContain(`${s.flags} seq=${s.seq}${s.ack === null ? '' : ` ack=${s.ack}`}`);
				expect(lines[i]!.startsWith(s.from === 'client' ? 'C-' : 'S-')).toBe(true);
				expect(lines[i]!.includes('-x')).toBe(Boolean(s.lost));
			});
		}
	});

	it('teardowns leave out the handshake and open with the states at that moment', () => {
		const text = scenarioMermaid('teardown', 'en');
		expect(text).not.toContain('SYN');
		expect(text).toContain('Note over C,S: ESTABLISHED');
		const steps = SCENARIO_EXPECTATIONS.teardown.steps.slice(3);
		expect(arrows(text).map((l) => l.replace(/^.*: /, ''))).toEqual(
			steps.map((s) => `${s.flags} seq=${s.seq} ack=${s.ack}`),
		);
		expect(scenarioMermaid('time-wait-expiry', 'en')).toMatch(/2MSL timer expires\nNote over C: CLOSED$/);
	});

	it('the old duplicate SYN uses RFC 9293 Figure 8’s absolute numbers', () => {
		const lines = arrows(scenarioMermaid('old-duplicate-syn', 'en'));
		expect(lines).toEqual([
			'C->>S: SYN seq=90 (old duplicate)',
			'S->>C: SYN, ACK seq=300 ack=91',
			'C->>S: RST seq=91',
			'C->>S: SYN seq=100',
			'S->>C: SYN, ACK seq=400 ack=101',
			'C->>S: ACK seq=101 ack=401',
		]);
		expect(arrows(scenarioMermaid('handshake', 'en', 'absolute'))[0]).toBe('C->>S: SYN seq=100');
	});
});
