import type { WidgetStrings } from '../i18n';
import { fill } from '../text';

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
