import type { WidgetStrings } from '../i18n';
import { fill, fnv1a } from '../text';

export type SelfCheckStrings = WidgetStrings['selfCheck'];

export interface Verdict {
	correct: boolean;
	/** The chosen option's visible mark: text and icon, never colour alone. */
	mark: string;
	/** What the live region says: the verdict, then the option's explanation. */
	message: string;
}

/** What the reader sees and hears after choosing an option. */
export function verdict(
	option: { correct: boolean; why: string },
	t: Pick<SelfCheckStrings, 'correct' | 'incorrect' | 'correctMark' | 'incorrectMark' | 'message'>,
): Verdict {
	const { correct, why } = option;
	return {
		correct,
		mark: correct ? t.correctMark : t.incorrectMark,
		message: fill(t.message, { verdict: correct ? t.correct : t.incorrect, why }),
	};
}


/**
 * The order options are shown in. Authors tend to write the right answer first, which a reader
 * soon learns to pick; this order depends only on the question and the options' text, so it is
 * stable across builds and the same with or without JavaScript.
 */
export function displayOrder<T extends { text: string }>(question: string, options: readonly T[]): T[] {
	const key = new Map(options.map((o) => [o, fnv1a(`${question}\u0000${o.text}`)]));
	return [...options].sort((a, b) => key.get(a)! - key.get(b)!);
}
