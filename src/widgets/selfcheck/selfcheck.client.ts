import { inlineCode } from '../text';
import { verdict, type SelfCheckStrings } from './view';

/** Writes text with `inline code` into an element, as DOM nodes (never HTML). */
function write(el: HTMLElement, text: string) {
	el.replaceChildren(
		...inlineCode(text).map((part) => {
			if (!part.code) return document.createTextNode(part.text);
			const code = document.createElement('code');
			code.textContent = part.text;
			return code;
		}),
	);
}

/** Takes over a server-rendered self-check. State lives in the page only. */
export function start(root: HTMLElement): void {
	const t = JSON.parse(root.dataset.strings ?? '{}') as SelfCheckStrings;
	root.addEventListener('change', (event) => {
		const input = event.target;
		if (!(input instanceof HTMLInputElement) || input.type !== 'radio') return;
		const question = input.closest<HTMLElement>('[data-sc-question]');
		if (!question) return;
		const v = verdict({ correct: input.dataset.correct === 'true', why: input.dataset.why ?? '' }, t);
		for (const option of question.querySelectorAll<HTMLElement>('.sc-option')) {
			option.classList.remove('is-right', 'is-wrong');
			option.querySelector<HTMLElement>('[data-sc-mark]')!.textContent = '';
		}
		const option = input.closest<HTMLElement>('.sc-option')!;
		option.classList.add(v.correct ? 'is-right' : 'is-wrong');
		option.querySelector<HTMLElement>('[data-sc-mark]')!.textContent = v.mark;
		const feedback = question.querySelector<HTMLElement>('[data-sc-feedback]')!;
		feedback.classList.toggle('is-right', v.correct);
		feedback.classList.toggle('is-wrong', !v.correct);
		write(feedback, v.message);
	});
}
