// Checks that recorded captures have the expected shape, so that a rerun of
// capture.sh (or the committed files) can be compared line by line:
//   node scripts/capture/verify.ts [directory]   (default: content/captures)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURES, EXPECTED_SHAPES, shapeOf } from './shape.ts';

const directory = process.argv[2] ?? join(import.meta.dirname, '../../content/captures');
let failures = 0;
for (const name of CAPTURES) {
	const actual = shapeOf(new Uint8Array(readFileSync(join(directory, `${name}.pcap`))));
	const expected = EXPECTED_SHAPES[name];
	const same = actual.length === expected.length && actual.every((line, i) => line === expected[i]);
	console.log(`${same ? 'ok  ' : 'FAIL'} ${name}.pcap: ${actual.length} segments`);
	if (!same) {
		failures++;
		for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
			const mark = actual[i] === expected[i] ? ' ' : '!';
			console.log(`  ${mark} ${(actual[i] ?? '(none)').padEnd(36)} expected ${expected[i] ?? '(none)'}`);
		}
	}
}
process.exitCode = failures === 0 ? 0 : 1;
