/**
 * A table of the committed lab captures, from the captures and sidecars alone (no root needed):
 * segments, drops, when segments were sent again, what the applications were told, the states ss
 * showed and the TCP counters nstat showed. For lessons, and for checking a rerun at a glance.
 *
 *   node scripts/lab/summary.ts [DIR]     (default content/captures/lab)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_CAPTURES, loadScenario, scenarioNames, type Scenario } from './scenario.ts';
import { readSidecar, type Sidecar } from '../../src/schemas/sidecar.ts';
import { lineOf, shapeOf, type CapturedSegment } from './shape.ts';

const seconds = (t: number) => (t < 10 ? t.toFixed(3) : t.toFixed(2)).replace(/\.?0+$/, '') || '0';

/** Times of the segments that repeat an earlier one of their connection (retransmissions, probes), by line. */
export function repeats(segments: readonly CapturedSegment[]): string[] {
	const seen = new Map<string, number[]>();
	for (const s of segments) {
		const key = lineOf({ ...s, lost: false });
		seen.set(key, [...(seen.get(key) ?? []), s.t]);
	}
	return [...seen].filter(([, times]) => times.length > 1).map(([line, times]) => `${line.replace(/ seq=.*/, '')} ×${times.length} at ${times.map(seconds).join(', ')} s`);
}

/** The TCP states ss listed in each snapshot, e.g. "the FIN is lost: client FIN-WAIT-1, server ESTAB". */
export function statesSeen(sidecar: Sidecar): string[] {
	const byLabel = new Map<string, string[]>();
	for (const snapshot of sidecar.snapshots) {
		if (!snapshot.command.startsWith('ss')) continue;
		const states = snapshot.output
			.split('\n')
			.slice(1)
			.map((line) => line.split(/\s+/)[0])
			.filter((state): state is string => !!state && state !== 'LISTEN');
		const listen = /^LISTEN +(\d+) +(\d+)/m.exec(snapshot.output);
		const queue = listen && snapshot.command === 'ss -lnt' ? [`LISTEN Recv-Q ${listen[1]}/${listen[2]}`] : [];
		const seen = [...new Set([...queue, ...states])];
		const list = byLabel.get(snapshot.label) ?? [];
		if (seen.length) list.push(`${snapshot.ns} ${seen.join(' ')}`);
		byLabel.set(snapshot.label, list);
	}
	// Both sides' snapshots start together; client first whichever finished first.
	return [...byLabel].filter(([, seen]) => seen.length).map(([label, seen]) => `${label}: ${seen.sort().join(', ')}`);
}

/** TCP counters from the last nstat of each namespace (IP counters left out). */
export function countersSeen(sidecar: Sidecar): string[] {
	return (['client', 'server'] as const).flatMap((ns) => {
		const last = sidecar.snapshots.filter((s) => s.ns === ns && s.counters).at(-1);
		if (!last?.counters) return [];
		const tcp = Object.entries(last.counters).filter(([name]) => name.startsWith('Tcp'));
		return tcp.length ? [`${ns}: ${tcp.map(([name, value]) => `${name.replace(/^TcpExt/, '')} ${value}`).join(', ')}`] : [];
	});
}

function row(scenario: Scenario, dir: string): string {
	const pcap = join(dir, `${scenario.name}.pcap`);
	const json = join(dir, `${scenario.name}.json`);
	if (!existsSync(pcap) || !existsSync(json)) return `| ${scenario.name} | not recorded | | | |`;
	const sidecar = readSidecar(json);
	const { segments } = shapeOf(new Uint8Array(readFileSync(pcap)), scenario.drops);
	const last = segments.reduce((t, s) => Math.max(t, s.t), 0);
	const told = sidecar.events.filter((e) => e.event === 'error').map((e) => `${e.side} ${e.conn ?? ''} ${e.code} at ${seconds(e.t)} s`);
	const cell = (items: string[]) => items.join('<br>') || '–';
	return `| ${scenario.name} | ${segments.length} (${sidecar.drops.length} dropped), last at ${seconds(last)} s | ${cell([...repeats(segments), ...told])} | ${cell(statesSeen(sidecar))} | ${cell(countersSeen(sidecar))} |`;
}

if (import.meta.main) {
	const dir = process.argv[2] ?? LAB_CAPTURES;
	const scenarios = (await Promise.all(scenarioNames().map(loadScenario))).filter((s) => !s.pinned);
	console.log('| scenario | segments | repeated segments, errors | ss | nstat (TCP) |\n| --- | --- | --- | --- | --- |');
	for (const scenario of scenarios) console.log(row(scenario, dir));
}
