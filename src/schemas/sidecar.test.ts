import { describe, expect, it } from 'vitest';
import { fieldPath, parseSidecar, type Sidecar } from './sidecar.ts';

const valid: Sidecar = {
	scenario: 'lost-fin',
	title: 'The client’s FIN is lost on arrival and sent again',
	recorded: '2026-12-02T21:30:00Z',
	kernel: { release: '6.18.44', machine: 'x86_64', hz: 250 },
	tools: { tcpdump: '4.99.3', node: 'v24.21.0' },
	topology: 'veth',
	addresses: { client: '192.0.2.1', server: '192.0.2.2' },
	capture: { file: 'lost-fin.pcap', ns: 'client', interface: 'lab-c', command: 'tcpdump -i lab-c -w lost-fin.pcap tcp' },
	sysctls: { client: { 'ipv4.tcp_syn_retries': '6' }, server: { 'ipv4.tcp_syn_retries': '6' } },
	nft: { client: '', server: 'table inet lab { … }' },
	drops: [{ connection: 1, dir: 'c2s', flags: 'FIN, ACK', index: 0 }],
	crafted: [],
	actions: [
		{ t: -0.01, side: 'server', call: 'listen', node: 'server.listen()' },
		{ t: 0, side: 'client', conn: 'a', connection: 1, call: 'open', node: 'net.connect()' },
	],
	events: [{ t: 0.0004, side: 'client', conn: 'a', connection: 1, event: 'connect' }],
	snapshots: [
		{ t: 0.1, end: 0.12, label: 'after the lost FIN', ns: 'client', command: 'nstat -as', output: 'TcpExtTCPLossProbes 1\n', counters: { TcpExtTCPLossProbes: 1 } },
	],
};

const text = (value: unknown) => JSON.stringify(value);

describe('parseSidecar', () => {
	it('accepts a complete sidecar and returns it', () => {
		expect(parseSidecar(text(valid), 'x.json')).toEqual(valid);
	});

	it('names the file when the text is not JSON', () => {
		expect(() => parseSidecar('{"scenario":', 'content/captures/lab/x.json')).toThrow(/^content\/captures\/lab\/x\.json: not JSON/);
	});

	it('names the file and the field that is wrong', () => {
		const bad = { ...valid, drops: [{ connection: 1, dir: 'c2s', flags: 'FIN,ACK', index: 0 }] };
		expect(() => parseSidecar(text(bad), 'lost-fin.json')).toThrow(/^lost-fin\.json: drops\[0\]\.flags: flag names joined by ", "/);
	});

	it('names a missing field', () => {
		const { kernel: _, ...bad } = valid;
		expect(() => parseSidecar(text(bad), 'a.json')).toThrow(/^a\.json: kernel: /);
	});

	it('refuses fields it does not know, so a typo is not silently ignored', () => {
		const bad = { ...valid, snapshots: [{ ...valid.snapshots[0], lable: 'typo' }] };
		expect(() => parseSidecar(text(bad), 'a.json')).toThrow(/snapshots\[0\].*lable/);
	});

	it('refuses a scenario name that is not kebab-case and a negative counter', () => {
		expect(() => parseSidecar(text({ ...valid, scenario: 'Lost_FIN' }), 'a.json')).toThrow(/scenario: kebab-case/);
		const counters = { ...valid, snapshots: [{ ...valid.snapshots[0], counters: { TcpExtTCPLossProbes: -1 } }] };
		expect(() => parseSidecar(text(counters), 'a.json')).toThrow(/snapshots\[0\]\.counters\.TcpExtTCPLossProbes/);
	});
});

describe('fieldPath', () => {
	it('writes array indices in brackets and keys with dots', () => {
		expect(fieldPath(['snapshots', 2, 'counters', 'TcpExtSyncookiesSent'])).toBe('snapshots[2].counters.TcpExtSyncookiesSent');
		expect(fieldPath([])).toBe('');
	});
});
