// npm run compare over every committed capture: the three loopback ones of the real-capture lesson
// and the kernel lab's. Under the Linux profile each agrees; under RFC 9293's the first difference
// is named, and for those that differ the difference is written out here by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupConnections, readCapture } from '../src/capture/index.ts';
import { compareConnection, observedSegments } from '../src/compare/index.ts';
import { main } from './compare.ts';

const CAPTURES = join(import.meta.dirname, '../content/captures');
const files = [
	...readdirSync(CAPTURES).filter((f) => f.endsWith('.pcap')).map((f) => join(CAPTURES, f)),
	...readdirSync(join(CAPTURES, 'lab')).filter((f) => f.endsWith('.pcap')).map((f) => join(CAPTURES, 'lab', f)),
];
const nameOf = (file: string) => file.slice(CAPTURES.length + 1);

function compare(...argv: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const status = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
	return { status, out: out.join('\n'), err: err.join('\n') };
}

/**
 * The summary lines, with what a re-recording of the same story changes taken out: times, and the
 * relative number of an acknowledgment from the old incarnation (it depends on both ISNs).
 */
const verdict = (out: string) =>
	out
		.split('\n')
		.filter((l) => /^ {2}(agree|first difference):/.test(l))
		.map((l) => l.trim().replace(/\d+\.\d{3} ms/g, 'T ms').replace(/ack=-\d+/g, 'ack=-N'));

describe('every committed capture', () => {
	it('there are the three loopback ones and at least ten from the kernel lab', () => {
		expect(files.filter((f) => !f.includes('/lab/')).map(nameOf).sort()).toEqual(['fin-ack.pcap', 'half-close.pcap', 'refused.pcap']);
		expect(files.filter((f) => f.includes('/lab/')).length).toBeGreaterThanOrEqual(10);
	});

	it.each(files.map((f) => [nameOf(f), f]))('%s agrees with the Linux profile', (_, file) => {
		const { status, out } = compare(file);
		const lines = verdict(out);
		expect(lines.length, out).toBeGreaterThan(0);
		for (const line of lines) expect(line, out).toMatch(/^agree: all \d+ segments( and \d+ state readings)?, under the linux profile$/);
		expect(status).toBe(0);
	});

	// Written from the RFCs: what RFC 9293 (with RFC 6298's timers) does where Linux does otherwise.
	const agree = (n: number, readings = 0) => `agree: all ${n} segments${readings ? ` and ${readings} state readings` : ''}, under the rfc9293 profile`;
	const RFC_DIFFERENCES: Record<string, string[]> = {
		// §3.10.7.4 and RFC 6298 with no delayed ACK: the FIN is acknowledged at once, alone.
		'fin-ack.pcap': ['first difference: segment 9: the model sends server ACK seq=7 ack=5 (ack) at T ms; the capture has no such segment'],
		'half-close.pcap': ['first difference: segment 9 (packet 9, T ms): the capture has server ACK seq=7 ack=5 there, the model at T ms ± 5.0 (ack)'],
		'refused.pcap': [agree(2)],
		// RFC 9293 has no accept queue: neither a full one's reset of the handshake's ACK (connection 2) nor
		// its silence to a SYN, which reads as a lost SYN, and then (RFC 6298 §5.5) the second SYN comes
		// after 1 s rather than 2 s (connection 4).
		'lab/accept-overflow-abort.pcap': [
			agree(3, 3),
			'first difference: segment 6 (packet 13, T ms): the capture has server RST seq=1; the model sends nothing more',
			agree(3, 3),
			'first difference: segment 3 (packet 15, T ms): the capture has client SYN seq=0, the model server SYN, ACK seq=0 ack=1 (syn-ack) at T ms — from, flags, seq, ack, time differ',
		],
		'lab/accept-overflow.pcap': [
			agree(3, 3),
			agree(7, 3),
			agree(3, 3),
			'first difference: segment 3 (packet 14, T ms): the capture has client SYN seq=0, the model server SYN, ACK seq=0 ack=1 (syn-ack) at T ms — from, flags, seq, ack, time differ',
		],
		'lab/closed-port.pcap': [agree(2)],
		// §3.8.4: keep-alives no sooner than after two hours (the sysctls that shortened them are Linux's).
		'lab/keepalive-dead-peer.pcap': ['first difference: segment 4 (packet 4, T ms): the capture has client ACK seq=0 ack=1; the model sends nothing more'],
		'lab/keepalive-idle.pcap': ['first difference: segment 4 (packet 4, T ms): the capture has client ACK seq=0 ack=1; the model sends nothing more'],
		// RFC 6298 §5.5: no tail loss probe; the RTO (at least 1 s, §2.4) retransmits the FIN.
		'lab/lost-fin.pcap': [
			'first difference: segment 5 (packet 5, T ms): the capture has client FIN, ACK seq=1 ack=1, the model client FIN, ACK seq=1 ack=2 (retransmit) at T ms — ack, time differ',
		],
		'lab/lost-final-ack.pcap': ['first difference: segment 8 (packet 8, T ms): the capture has server FIN, ACK seq=1 ack=2 there, the model at T ms ± 45 (retransmit)'],
		'lab/lost-handshake-ack.pcap': [agree(5, 4)],
		'lab/lost-handshake-ack-data.pcap': [agree(5, 2)],
		// §3.10.7.4: a repeated SYN in SYN-RECEIVED gets a bare ACK, not the SYN,ACK again.
		'lab/lost-syn-ack.pcap': [
			'first difference: segment 6 (packet 6, T ms): the capture has server SYN, ACK seq=0 ack=1, the model server ACK seq=1 ack=1 (dup-ack) — flags, seq differ',
		],
		// RFC 6298 §5.5: the second retransmission waits 2 s, not 1 s.
		'lab/lost-syn.pcap': ['first difference: segment 3 (packet 3, T ms): the capture has client SYN seq=0 there, the model at T ms ± 45 (retransmit)'],
		// RFC 6298 §2.4: no RTO under 1 s, and no loss probe.
		'lab/peer-vanishes.pcap': ['first difference: segment 5 (packet 5, T ms): the capture has client PSH, ACK seq=1 ack=1 len=3 there, the model at T ms ± 45 (retransmit)'],
		// §3.10.5: <SEQ=SND.NXT><CTL=RST>, without ACK.
		'lab/reset-abort.pcap': ['first difference: segment 6 (packet 6, T ms): the capture has client RST, ACK seq=4 ack=1, the model client RST seq=4 (rst-abort) — flags, ack differ'],
		'lab/simultaneous-close.pcap': ['first difference: segment 7 (packet 7, T ms): the capture has client FIN, ACK seq=1 ack=2 there, the model at T ms ± 45 (retransmit)'],
		'lab/syn-flood-cookies.pcap': [agree(5, 2)],
		// §3.10.7.4: TIME-WAIT answers a SYN with an ACK of the old connection (MAY-2 of §3.6.1 not taken).
		'lab/time-wait-new-syn.pcap': [
			'first difference: segment 9 (packet 9, T ms): the capture has server SYN, ACK seq=0 ack=1, the model server ACK seq=2 ack=-N (dup-ack) — flags, seq, ack differ',
		],
	};

	it.each(files.map((f) => [nameOf(f), f]))('%s under the RFC 9293 profile: agrees, or names the first difference', (name, file) => {
		const { status, out } = compare(file, '--profile', 'rfc9293');
		const expected = RFC_DIFFERENCES[name];
		expect(expected, `${name}: no expectation written for it`).toBeDefined();
		expect(verdict(out)).toEqual(expected);
		expect(status).toBe(expected!.every((l) => l.startsWith('agree')) ? 0 : 1);
	});
});

// Read off the captures with tcpdump -r, written here by hand: what the kernel did, whatever the model says.
describe('hand-written values from the lab captures, through the library', () => {
	const segmentsOf = (name: string) => {
		const capture = readCapture(new Uint8Array(readFileSync(join(CAPTURES, 'lab', name))));
		return observedSegments(groupConnections(capture.packets)[0]!, capture.packets[0]!.timestamp);
	};

	it('lost-syn: 11 SYNs, the first 6 one second apart (tcp_syn_linear_timeouts 4), then 2, 4, 8, 16 and 32 s more', () => {
		const segments = segmentsOf('lost-syn.pcap');
		expect(segments.map((s) => `${s.from} ${s.flags}`)).toEqual(Array(11).fill('client SYN'));
		const seconds = [0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67];
		// The kernel's timer wheel fires each a little late, and the lateness adds up: at most 2.7 s by the 11th.
		segments.forEach((s, i) => {
			expect(s.t / 1000).toBeGreaterThanOrEqual(seconds[i]!);
			expect(s.t / 1000).toBeLessThan(seconds[i]! + (i < 6 ? 0.15 : 2.7));
		});
		const c = compareConnection(segments, { profile: 'linux' });
		expect(c.agree).toBe(true);
		expect(c.rows.map((r) => r.model!.reason)).toEqual(['syn', ...Array(10).fill('retransmit')]);
		// RFC 6298 §5.5 doubles from the start: nothing is due at 2 s, so the third SYN is where they part.
		expect(compareConnection(segments, { profile: 'rfc9293' }).first).toBe(2);
	});

	it('lost-fin: the FIN at 357 ms is lost, a loss probe sends it again at 565 ms, the ACK 4 ms (one jiffy) later', () => {
		const segments = segmentsOf('lost-fin.pcap');
		expect(segments.map((s) => `${s.from} ${s.flags} ${Math.round(s.t)}`)).toEqual([
			'client SYN 0',
			'server SYN, ACK 0',
			'client ACK 0',
			'client FIN, ACK 357',
			'client FIN, ACK 565',
			'server ACK 569',
			'server FIN, ACK 589',
			'client ACK 589',
		]);
		const c = compareConnection(segments, { profile: 'linux' });
		expect(c.agree).toBe(true);
		expect(c.rows[3]!.model).toMatchObject({ reason: 'fin', lost: true });
		expect(c.rows[4]!.model).toMatchObject({ reason: 'loss-probe', lost: false, states: { client: 'FIN-WAIT-1', server: 'CLOSE-WAIT' } });
		// No loss probe in RFC 9293 (only the RTO, 1 s at least): the probe at 565 ms is where they part.
		expect(compareConnection(segments, { profile: 'rfc9293' }).first).toBe(4);
	});
});

describe('the table', () => {
	it('shows each segment with its flags, relative numbers, both times and both states', () => {
		const { out } = compare(join(CAPTURES, 'half-close.pcap'));
		const rows = out.split('\n').filter((l) => /^ +\d+ +\d+ /.test(l));
		expect(rows).toHaveLength(13);
		expect(rows[0]!.trim().split(/ {2,}/)).toEqual(['1', '1', '0.000', '0.000 ±5.0', 'C→S', 'SYN', '0', '-', '0', 'syn', 'SYN-SENT', 'SYN-RECEIVED', '✓']);
		// Linux's ACK of the FIN waits for the delayed-ACK timer (40 ms), as the capture shows.
		expect(rows[8]!.trim().split(/ {2,}/)).toEqual(['9', '9', '546.490', '545.969 ±17', 'S→C', 'ACK', '7', '5', '0', 'delayed-ack', 'FIN-WAIT-2', 'CLOSE-WAIT', '✓']);
		expect(out).toContain('calls: server listen at -0.012 ms; client open at -0.012 ms; client send 3 B at 253.291 ms;');
	});

	const rowsOf = (out: string) => out.split('\n').filter((l) => /^ +\d+ +\d+ /.test(l)).map((l) => l.trim().split(/ {2,}/));

	it('accept-overflow-abort: the RST a full accept queue sends (tcp_abort_on_overflow 1), as tcpdump shows it', () => {
		// tcpdump -nr accept-overflow-abort.pcap -tt, from the first packet at …164.329180: the client's ACK
		// at …165.623945 ("Flags [.], ack 1"), answered at …165.623966 by "Flags [R], seq 2581912103", the
		// server's ISN 2581912102 + 1, without ACK. Connections 1 and 3 completed at …164.329247 and …164.881190.
		const { status, out } = compare(join(CAPTURES, 'lab/accept-overflow-abort.pcap'), '--connection', '2');
		expect(status).toBe(0);
		expect(out).toContain('shows: accept-overflow-abort (as the model reads it)');
		expect(out).toContain('accept queue: backlog 1 (accept-overflow-abort.json), full while more than 1 wait: connection 1 from 0.067 ms, connection 3 from 552.010 ms (never accepted)');
		const rows = rowsOf(out);
		expect(rows).toHaveLength(6);
		expect(rows[4]).toEqual(['5', '12', '1294.765', expect.stringMatching(/ ±5\.0$/), 'C→S', 'ACK', '1', '1', '0', 'challenge-ack', 'ESTABLISHED', 'LISTEN', '✓']);
		expect(rows[5]).toEqual(['6', '13', '1294.786', expect.stringMatching(/ ±5\.0$/), 'S→C', 'RST', '1', '-', '0', 'rst-overflow', 'CLOSED', 'LISTEN', '✓']);
	});

	it('accept-overflow: the ACKs a full accept queue ignores (tcp_abort_on_overflow 0) are the model’s doing, not losses', () => {
		// tcpdump -nr accept-overflow.pcap -tt, from …150.874549: connection 2's ACKs at …152.215463 and
		// …154.235429, each answering a retransmitted SYN,ACK; the server never leaves SYN-RECEIVED.
		const { status, out } = compare(join(CAPTURES, 'lab/accept-overflow.pcap'), '--connection', '2');
		expect(status).toBe(0);
		expect(out).toContain('losses: client ACK #1 (from accept-overflow.json)\n');
		// Connection 4's SYNs met the full queue too: the model's listener lets them pass unanswered.
		expect(compare(join(CAPTURES, 'lab/accept-overflow.pcap'), '--connection', '4').out).toMatch(/shows: accept-overflow .*\n.*\n {2}losses: none\n/);
		const acks = rowsOf(out).filter((r) => r[4] === 'C→S' && r[5] === 'ACK').map((r) => [r[2], r[9], r[11]]);
		expect(acks).toEqual([
			['318.364', 'ack (lost)', 'SYN-RECEIVED'],
			['1340.914', 'challenge-ack', 'SYN-RECEIVED'],
			['3360.880', 'challenge-ack', 'SYN-RECEIVED'],
		]);
	});

	it('checks both ends’ states against what ss reported in each namespace', () => {
		const { out } = compare(join(CAPTURES, 'lab/lost-fin.pcap'));
		const lines = out.split('\n').filter((l) => l.endsWith('”'));
		// In the order the lab read them, which the two namespaces' ss may swap.
		expect(lines.map((l) => l.trim().split(/ {2,}/).slice(1))).toEqual(expect.arrayContaining([
			['client', 'FIN-WAIT-1', 'model FIN-WAIT-1', '✓', '“the FIN is lost”'],
			['server', 'ESTABLISHED', 'model ESTABLISHED', '✓', '“the FIN is lost”'],
			['client', 'FIN-WAIT-2', 'model FIN-WAIT-2', '✓', '“the FIN got through”'],
			['server', 'CLOSE-WAIT', 'model CLOSE-WAIT', '✓', '“the FIN got through”'],
			['client', 'TIME-WAIT', 'model TIME-WAIT', '✓', '“closed”'],
		]));
		expect(lines).toHaveLength(5);
	});

	it('names the losses, from the sidecar or read off the capture', () => {
		expect(compare(join(CAPTURES, 'lab/lost-fin.pcap')).out).toContain('losses: client FIN, ACK #1 (from lost-fin.json)');
		const dir = mkdtempSync(join(tmpdir(), 'compare-'));
		const copy = join(dir, 'lost-syn-ack.pcap');
		writeFileSync(copy, readFileSync(join(CAPTURES, 'lab/lost-syn-ack.pcap')));
		const { status, out } = compare(copy);
		expect(out).toContain('losses: server SYN, ACK #1 (read off the capture)');
		expect(status).toBe(0);
	});
});

describe('bad input', () => {
	const dir = mkdtempSync(join(tmpdir(), 'compare-'));
	const truncated = join(dir, 'truncated.pcap');
	// The global header and half of the first record's header.
	writeFileSync(truncated, readFileSync(join(CAPTURES, 'refused.pcap')).subarray(0, 32));

	it('a truncated file: exit 2 with the reader’s error and where it stopped', () => {
		const { status, err } = compare(truncated);
		expect(status).toBe(2);
		expect(err).toBe(`${truncated}: not a capture this reader can read: pcap record header needs 16 bytes, only 8 left (packet 1, offset 24)`);
	});

	it.each([
		[['--profile', 'bsd', 'x.pcap'], '--profile: "bsd" is not one of rfc9293, linux'],
		[['--scenario', 'lost-handshake', 'x.pcap'], '--scenario: no model scenario is called "lost-handshake"'],
		[[], 'no FILE given'],
		[['--hz', '0', 'x.pcap'], '--hz: "0" is not a positive whole number'],
	])('%j: exit 2, %s', (argv, message) => {
		const { status, err } = compare(...argv);
		expect(status).toBe(2);
		expect(err.split('\n')[0]).toBe(message);
	});

	it('a file that does not exist: exit 2', () => {
		expect(compare(join(dir, 'none.pcap'))).toMatchObject({ status: 2, err: `${join(dir, 'none.pcap')}: cannot read: ENOENT` });
	});

	it('as a process, over every committed capture: exit 0 under Linux, and the same verdict lines as main()', () => {
		const node = join(import.meta.dirname, '../node_modules/.bin/node');
		for (const file of files) {
			const run = spawnSync(node, [join(import.meta.dirname, 'compare.ts'), file], { encoding: 'utf8' });
			expect(run.stderr, nameOf(file)).toBe('');
			expect(run.status, nameOf(file)).toBe(0);
			expect(verdict(run.stdout), nameOf(file)).toEqual(verdict(compare(file).out));
		}
	}, 180_000);

	it('as a process, the exit status is 0, 1 or 2', () => {
		const node = join(import.meta.dirname, '../node_modules/.bin/node');
		const run = (...argv: string[]) => spawnSync(node, [join(import.meta.dirname, 'compare.ts'), ...argv], { encoding: 'utf8' }).status;
		expect(run(join(CAPTURES, 'refused.pcap'))).toBe(0);
		expect(run(join(CAPTURES, 'fin-ack.pcap'), '--profile', 'rfc9293')).toBe(1);
		expect(run(truncated)).toBe(2);
	}, 60_000);
});
