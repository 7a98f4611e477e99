/** Takes over the server-rendered SequenceLab: reruns the connection when the reader asks. */
import {
	caption,
	errorText,
	FIELDS,
	fieldMax,
	parseWhole,
	randomIsns,
	ranText,
	rowHtml,
	runLab,
	WRAP_INPUT,
	type LabInput,
	type LabStrings,
} from './view';
import { fill } from '../text';

export function start(root: HTMLElement): void {
	const s = JSON.parse(root.querySelector('[data-lab-strings]')?.textContent ?? '{}') as LabStrings;
	const form = root.querySelector<HTMLFormElement>('[data-lab-form]')!;
	const status = root.querySelector<HTMLElement>('[data-lab-status]')!;
	const input = (f: keyof LabInput) => form.elements.namedItem(f) as HTMLInputElement;
	const errorOf = (f: keyof LabInput) => root.querySelector<HTMLElement>(`[data-error-for="${f}"]`)!;

	const run = () => {
		const values: Partial<LabInput> = {};
		let firstBad: keyof LabInput | null = null;
		let firstMessage = '';
		for (const f of FIELDS) {
			const parsed = parseWhole(input(f).value, fieldMax(f));
			const message = parsed.ok ? '' : errorText(parsed.error, f, s);
			errorOf(f).textContent = message;
			input(f).toggleAttribute('aria-invalid', !parsed.ok);
			if (parsed.ok) values[f] = parsed.value;
			else if (!firstBad) [firstBad, firstMessage] = [f, message];
		}
		if (firstBad) {
			status.textContent = fill(s.unchanged, { field: s[firstBad], message: firstMessage });
			input(firstBad).focus();
			return;
		}
		const lab = values as LabInput;
		const rows = runLab(lab);
		root.querySelector('[data-lab-rows]')!.innerHTML = rows.map((r) => rowHtml(r, s)).join('');
		root.querySelector('[data-lab-caption]')!.textContent = caption(lab, s);
		status.textContent = ranText(rows, s);
	};

	const set = (values: Partial<LabInput>) => {
		for (const [f, v] of Object.entries(values)) input(f as keyof LabInput).value = String(v);
		run();
	};

	form.addEventListener('submit', (ev) => {
		ev.preventDefault();
		run();
	});
	root.querySelector('[data-lab-random]')!.addEventListener('click', () => {
		const word = new Uint32Array(1);
		set(randomIsns(() => crypto.getRandomValues(word)[0]! / 2 ** 32));
	});
	root.querySelector('[data-lab-wrap]')!.addEventListener('click', () => set(WRAP_INPUT));
}
