import { describe, expect, it } from 'vitest';
import { ACK, ascii, CWR, ECE, FIN, ipv4, option, packetRecord, PSH, RST, SYN, tcp, URG, type TcpSpec } from './build.test-helpers.ts';
import { decodePacket, type TcpPacket } from './packet.ts';
import { flagNames } from './tcp.ts';

const RAW = 101;
const IP_HEADER = 20;

function decode(spec: TcpSpec, capture = Infinity): TcpPacket {
	const packet = decodePacket(packetRecord(ipv4(tcp(spec)).subarray(0, capture), RAW));
	if (packet.kind !== 'tcp') throw new Error(`skipped: ${packet.reason} ${packet.detail}`);
	return packet;
}

function reasonFor(bytes: Uint8Array): string {
	const packet = decodePacket(packetRecord(bytes, RAW));
	return packet.kind === 'skipped' ? packet.reason : 'tcp';
}

/** Field names and ranges after the IP header, relative to the TCP header. */
const tcpFields = (packet: TcpPacket) =>
	packet.fields.filter((f) => f.name.startsWith('tcp.')).map((f) => `${f.name} ${f.start - IP_HEADER}-${f.end - IP_HEADER}`);

describe('TCP header (RFC 9293 §3.1)', () => {
	it('decodes every fixed field', () => {
		const packet = decode({
			srcPort: 40001,
			dstPort: 443,
			seq: 0xfffffff0,
			ack: 0x12345678,
			flags: ACK | PSH,
			window: 512,
			checksum: 0xabcd,
			urgentPointer: 7,
			reserved: 0b0001,
			payload: ascii('HI\n'),
		});
		expect(packet.tcp).toEqual({
			srcPort: 40001,
			dstPort: 443,
			seq: 0xfffffff0,
			ack: 0x12345678,
			dataOffset: 5,
			headerLength: 20,
			reserved: 1,
			flags: { cwr: false, ece: false, urg: false, ack: true, psh: true, rst: false, syn: false, fin: false },
			flagsByte: 0x18,
			window: 512,
			checksum: 0xabcd,
			urgentPointer: 7,
			options: [],
			payloadLength: 3,
			payload: ascii('HI\n'),
		});
		expect(tcpFields(packet)).toEqual([
			'tcp.src_port 0-2',
			'tcp.dst_port 2-4',
			'tcp.seq 4-8',
			'tcp.ack 8-12',
			'tcp.data_offset 12-13',
			'tcp.flags 13-14',
			'tcp.window 14-16',
			'tcp.checksum 16-18',
			'tcp.urgent_pointer 18-20',
			'tcp.payload 20-23',
		]);
	});

	it.each([
		['cwr', CWR],
		['ece', ECE],
		['urg', URG],
		['ack', ACK],
		['psh', PSH],
		['rst', RST],
		['syn', SYN],
		['fin', FIN],
	] as const)('reads the %s bit', (name, bit) => {
		const { flags, flagsByte } = decode({ flags: bit }).tcp;
		expect(flagsByte).toBe(bit);
		expect(Object.entries(flags).filter(([, on]) => on).map(([flag]) => flag)).toEqual([name]);
	});

	it('names set flags in Wireshark order', () => {
		expect(flagNames(decode({ flags: SYN | ACK }).tcp.flags)).toEqual(['SYN', 'ACK']);
		expect(flagNames(decode({ flags: 0xff }).tcp.flags)).toEqual(['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR']);
		expect(flagNames(decode({ flags: 0 }).tcp.flags)).toEqual([]);
	});

	it('reports a payload cut short by the snapshot length', () => {
		const packet = decode({ payload: new Uint8Array(100) }, IP_HEADER + 20 + 30);
		expect(packet.tcp.payloadLength).toBe(100);
		expect(packet.tcp.payload.length).toBe(30);
		expect(tcpFields(packet).at(-1)).toBe('tcp.payload 20-50');
	});

	it('skips headers that are cut off or contradict the IP length', () => {
		const withOptions = ipv4(tcp({ options: option.mss(1460) }));
		expect(reasonFor(withOptions.subarray(0, IP_HEADER + 19))).toBe('truncated');
		expect(reasonFor(withOptions.subarray(0, IP_HEADER + 23))).toBe('truncated');
		expect(reasonFor(ipv4(tcp({ dataOffset: 4 })))).toBe('malformed');
		expect(reasonFor(ipv4(tcp({ dataOffset: 6 })))).toBe('malformed'); // header longer than the segment
		expect(reasonFor(ipv4(new Uint8Array(12)))).toBe('malformed');
	});
});

describe('TCP options', () => {
	it('reads what Linux puts in a SYN: MSS, SACK-permitted, timestamps, NOP, window scale', () => {
		const packet = decode({
			flags: SYN,
			options: [...option.mss(65495), ...option.sackPermitted(), ...option.timestamps(1288089854, 0), ...option.nop(), ...option.windowScale(7)],
		});
		expect(packet.tcp.dataOffset).toBe(10);
		expect(packet.tcp.options).toEqual([
			{ kind: 2, name: 'mss', mss: 65495 },
			{ kind: 4, name: 'sack_permitted' },
			{ kind: 8, name: 'timestamps', value: 1288089854, echoReply: 0 },
			{ kind: 1, name: 'nop' },
			{ kind: 3, name: 'window_scale', shift: 7 },
		]);
		expect(tcpFields(packet).slice(9)).toEqual([
			'tcp.option.mss 20-24',
			'tcp.option.sack_permitted 24-26',
			'tcp.option.timestamps 26-36',
			'tcp.option.nop 36-37',
			'tcp.option.window_scale 37-40',
		]);
	});

	it('reads SACK blocks (RFC 2018)', () => {
		const packet = decode({ options: [...option.nop(), ...option.nop(), ...option.sack([100, 200], [300, 0xffffffff])] });
		expect(packet.tcp.options.at(-1)).toEqual({
			kind: 5,
			name: 'sack',
			blocks: [
				{ left: 100, right: 200 },
				{ left: 300, right: 0xffffffff },
			],
		});
		expect(tcpFields(packet).at(-1)).toBe('tcp.option.sack 22-40');
	});

	it('stops at end-of-option-list and marks the rest as padding', () => {
		const packet = decode({ options: [...option.mss(1460), ...option.eol(), 0, 0, 0] });
		expect(packet.tcp.options).toEqual([{ kind: 2, name: 'mss', mss: 1460 }, { kind: 0, name: 'eol' }]);
		expect(tcpFields(packet).slice(-2)).toEqual(['tcp.option.eol 24-25', 'tcp.option.padding 25-28']);
	});

	it('keeps unknown options as raw bytes', () => {
		const packet = decode({ options: [30, 6, 0xde, 0xad, 0xbe, 0xef, ...option.nop(), ...option.nop()] });
		expect(packet.tcp.options[0]).toEqual({ kind: 30, name: 'unknown', data: Uint8Array.from([0xde, 0xad, 0xbe, 0xef]) });
		expect(tcpFields(packet)[9]).toBe('tcp.option.unknown 20-26');
	});

	it.each([
		['a length byte beyond the header', [1, 1, 1, 2]],
		['a length below two', [2, 0, 0, 0]],
		['a length past the header', [30, 9, 0, 0]],
		['an MSS of the wrong length', [2, 3, 5, 1]],
		['a window scale of the wrong length', [3, 4, 7, 1]],
		['a SACK-permitted of the wrong length', [4, 4, 0, 0]],
		['a SACK with a partial block', [5, 6, 0, 0, 0, 0, 1, 1]],
		['a SACK without blocks', [5, 2, 1, 1]],
		['timestamps of the wrong length', [8, 6, 0, 0, 0, 0, 1, 1]],
	])('marks %s as malformed and stops there', (_, bytes) => {
		const packet = decode({ options: bytes });
		const malformed = packet.tcp.options.find((o) => o.name === 'malformed');
		const start = bytes[0] === 1 ? 3 : 0;
		expect(malformed).toEqual({ kind: bytes[start], name: 'malformed', data: Uint8Array.from(bytes.slice(start)) });
		expect(tcpFields(packet).at(-1)).toBe(`tcp.option.malformed ${20 + start}-${20 + bytes.length}`);
	});
});
