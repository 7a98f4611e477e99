/** Takes over the server-rendered AcceptabilityLab: checks the reader's numbers when asked. */
import { receiveAcceptability, type AckInput, type ReceiveInput } from '../../tcp';
import { fill } from '../text';
import {
	ACK_FIELDS,
	ACK_PRESETS,
	ackHtml,
	ackInputError,
	ackStatus,
	acceptMax,
	givenText,
	parseAcceptField,
	RECEIVE_FIELDS,
	RECEIVE_PRESETS,
	receiveHtml,
	receiveStatus,
	tableRowsHtml,
	type AcceptField,
	type ClientStrings,
} from './acceptability-view';

export function start(root: HTMLElement): void {
	const s = JSON.parse(root.querySelector('[data-acc-strings]')?.textContent ?? '{}') as ClientStrings;
	const receive = root.querySelector<HTMLFormElement>('[data-acc-form="receive"]')!;
	const ack = root.querySelector<HTMLFormElement>('[data-acc-form="ack"]')!;

	const wire = <T extends ReceiveInput | AckInput>(
		form: HTMLFormElement,
		fields: readonly AcceptField[],
		presets: Record<string, T>,
		/** Draws the verdict and returns what the live region says. */
		render: (input: T) => string,
		invalid: (input: T) => [AcceptField, string] | null = () => null,
	) => {
		const input = (f: AcceptField) => form.elements.namedItem(f) as HTMLInputElement;
		const status = form.querySelector<HTMLElement>('[data-acc-status]')!;
		const showError = (f: AcceptField, message: string) => {
			form.querySelector(`[data-error-for="${f}"]`)!.textContent = message;
			input(f).toggleAttribute('aria-invalid', message !== '');
		};
		const check = () => {
			const values: Record<string, number> = {};
			let firstBad: [AcceptField, string] | null = null;
			for (const f of fields) {
				const parsed = parseAcceptField(f, input(f).value);
				const message = parsed.ok ? '' : fill(s.parse[parsed.error], { max: acceptMax(f) });
				showError(f, message);
				if (parsed.ok) values[f] = parsed.value;
				else firstBad ??= [f, message];
			}
			if (!firstBad) {
				// Every field parsed, so `values` has exactly the keys of `fields`, which are T's.
				const checked = values as unknown as T;
				firstBad = invalid(checked);
				if (!firstBad) {
					status.textContent = render(checked);
					form.querySelector('[data-acc-given]')!.textContent = givenText(checked, s);
					return;
				}
			}
			const [f, message] = firstBad;
			showError(f, message);
			status.textContent = fill(s.unchanged, { field: s.fields[f], message });
			input(f).focus();
		};
		form.addEventListener('submit', (ev) => {
			ev.preventDefault();
			check();
		});
		for (const button of form.querySelectorAll<HTMLButtonElement>('[data-acc-preset]')) {
			button.addEventListener('click', () => {
				for (const [f, v] of Object.entries(presets[button.dataset.accPreset!]!)) input(f as AcceptField).value = String(v);
				check();
			});
		}
	};

	wire(receive, RECEIVE_FIELDS, RECEIVE_PRESETS, (values) => {
		receive.querySelector('[data-acc-result]')!.innerHTML = receiveHtml(values, s);
		receive.querySelector('[data-acc-rows]')!.innerHTML = tableRowsHtml(receiveAcceptability(values).row, s);
		return receiveStatus(values, s);
	});
	wire(
		ack,
		ACK_FIELDS,
		ACK_PRESETS,
		(values) => {
			ack.querySelector('[data-acc-result]')!.innerHTML = ackHtml(values, s);
			return ackStatus(values, s);
		},
		(values) => {
			const error = ackInputError(values);
			return error ? ['sndUna', s.errors[error]] : null;
		},
	);
}
