import { describe, expect, it } from 'vitest';
import { createDriver, TRANSITIONS } from '../../tcp';
import en from '../i18n/en';
import zhCN from '../i18n/zh-CN';
import { edges, NODES, SIZE, targetNode, diagramSvg } from './diagram';
import { fill } from '../text';
import { announce, explain, figureIndex, pathItems, resultText } from './view';

const s = en.stateMachine;
const at = (...events: Parameters<ReturnType<typeof createDriver>['apply']>[0][]) => {
	const d = createDriver();
	for (const e of events) d.apply(e);
	return d;
};

describe('state-machine view', () => {
	it('fills placeholders and leaves unknown ones', () => {
		expect(fill('{a} → {b} {c}', { a: 'X', b: 'Y' })).toBe('X → Y {c}');
	});

	it('labels a valid event with where it leads and what it sends', () => {
		expect(resultText(createDriver().probe('active-open'), s)).toBe('→ SYN-SENT · sends SYN');
		expect(resultText(createDriver().probe('passive-open'), s)).toBe('→ LISTEN');
		expect(resultText(createDriver().probe('send'), s)).toBe(s.notValid);
	});

	it('explains a refused call in RFC 9293’s words', () => {
		const o = createDriver().probe('send');
		expect(explain(o, s)).toContain('error: connection does not exist');
		expect(announce(o, s)).toBe(`SEND is not valid in CLOSED: ${s.errors['connection-does-not-exist']}`);
		expect(explain(at('passive-open').probe('passive-open'), s)).toContain('connection already exists');
	});

	it('explains segments and timeouts from what the engine did', () => {
		expect(explain(at('passive-open').probe('rcv-fin'), s)).toBe(s.reasons.rstListen);
		expect(explain(createDriver().probe('rcv-syn'), s)).toBe(s.reasons.rstNoConnection);
		expect(explain(at('active-open', 'rcv-syn-ack').probe('send'), s)).toBe(s.reasons.data);
		expect(explain(at('active-open').probe('send'), s)).toBe(s.reasons.queued);
		expect(explain(at('active-open', 'rcv-syn-ack').probe('timeout-2msl'), s)).toBe(s.reasons.noTimeWait);
		expect(explain(at('active-open', 'rcv-syn-ack').probe('timeout-retries'), s)).toBe(s.reasons.noRetransmission);
		expect(explain(at('active-open', 'rcv-syn-ack').probe('rcv-syn'), s)).toBe(s.reasons.challengeAck);
		expect(explain(at('active-open', 'rcv-syn-ack').probe('rcv-ack-of-fin'), s)).toBe(s.reasons.ack);
		expect(explain(at('passive-open').probe('rcv-rst'), s)).toBe(fill(s.reasons.ignored, { state: 'LISTEN' }));
	});

	it('announces a move with the new state, flagging moves Figure 5 leaves out', () => {
		const o = at('passive-open').probe('rcv-syn');
		expect(announce(o, s)).toBe('rcv SYN: LISTEN → SYN-RECEIVED, sending SYN, ACK. Current state: SYN-RECEIVED.');
		expect(figureIndex(o)).toBe(TRANSITIONS.findIndex((t) => t.from === 'LISTEN' && t.event === 'rcv-syn'));
		const abort = at('passive-open').probe('abort');
		expect(figureIndex(abort)).toBe(-1);
		expect(announce(abort, s)).toContain(s.notInFigure);
	});

	it('lists the path from CLOSED', () => {
		const d = createDriver();
		const outs = [d.apply('passive-open'), d.apply('rcv-syn')];
		expect(pathItems(outs)).toEqual([
			{ state: 'CLOSED' },
			{ state: 'LISTEN', event: 'passive-open' },
			{ state: 'SYN-RECEIVED', event: 'rcv-syn' },
		]);
	});

	it('has every string in Chinese too', () => {
		expect(Object.keys(zhCN.stateMachine.events)).toEqual(Object.keys(s.events));
		expect(zhCN.stateMachine.reasons.ignored).toContain('{state}');
	});
});

describe('state-machine diagram', () => {
	it('draws one arrow per Figure 5 transition, inside the picture, between distinct boxes', () => {
		const list = edges();
		expect(list).toHaveLength(TRANSITIONS.length);
		for (const e of list) {
			for (const x of [e.x1, e.x2]) expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(SIZE.w);
			for (const y of [e.y1, e.y2]) expect(y).toBeGreaterThanOrEqual(0), expect(y).toBeLessThanOrEqual(SIZE.h);
			expect(Math.hypot(e.x2 - e.x1, e.y2 - e.y1)).toBeGreaterThan(10);
		}
	});

	it('ends a close at the bottom CLOSED, as the RFC draws it', () => {
		expect(targetNode({ from: 'TIME-WAIT', to: 'CLOSED' })).toBe('CLOSED-END');
		expect(targetNode({ from: 'LISTEN', to: 'CLOSED' })).toBe('CLOSED');
		expect(Object.keys(NODES)).toHaveLength(12);
	});

	it('renders nodes and edges with data attributes for the client', () => {
		const svg = diagramSvg({ id: 'sm', label: 'L', eventLabel: (t) => t.event, current: 'CLOSED' });
		expect(svg.match(/data-edge=/g)).toHaveLength(TRANSITIONS.length);
		expect(svg).toContain('class="sm-node is-current" data-node="CLOSED"');
		expect(svg).toContain('id="sm-arrow-on"');
	});
});
