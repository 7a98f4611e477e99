/**
 * The self-check questions after a lesson: by mouse and keyboard in both locales, and without
 * JavaScript. That every lesson with a quiz shows it, question for question, and the others none,
 * is checked on every lesson's load in every-page.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { widgetStrings } from '../src/widgets/i18n';
import { displayOrder } from '../src/widgets/selfcheck/view';
import { fill } from '../src/widgets/text';
import { asShown, LOCALES, lesson, pathOf, type Locale, type QuizOption } from './lessons';


/**
 * The handshake lesson's second question as a reader sees its options, read off the built pages:
 * not the order the lesson lists them in (right answer first), and stable from build to build.
 */
const SHOWN_ORDER: Record<Locale, string[]> = {
	'zh-CN': ['y', 'x + 1', 'y + 1'],
	en: ['y + 1', 'x + 1', 'y'],
};

for (const locale of LOCALES) {
	const t = widgetStrings(locale).selfCheck;
	const written = lesson(locale, 'handshake').quiz;
	// As the reader sees them: inline `code` without its backquotes.
	const shown = (o: QuizOption): QuizOption => ({ ...o, text: asShown(o.text), why: asShown(o.why) });
	const quiz = written.map(({ question, options }) => ({ question: asShown(question), options: options.map(shown) }));
	const message = (o: QuizOption) => fill(t.message, { verdict: o.correct ? t.correct : t.incorrect, why: o.why });

	test(`${locale}: by mouse, an answer says right or wrong in words and gives its why`, async ({ page }) => {
		await page.goto(pathOf(locale, 'handshake'));
		const section = page.getByRole('region', { name: t.heading });
		await expect(section.getByRole('heading', { name: t.heading })).toBeVisible();
		await expect(section.locator('fieldset')).toHaveCount(quiz.length);
		const q = section.locator('fieldset').first();
		await expect(q.locator('legend')).toContainText(quiz[0]!.question);
		const wrong = quiz[0]!.options.find((o) => !o.correct)!;
		const right = quiz[0]!.options.find((o) => o.correct)!;
		await q.getByText(wrong.text, { exact: true }).click();
		const feedback = q.getByRole('status');
		await expect(feedback).toHaveText(message(wrong));
		await expect(q.locator('.sc-option', { hasText: wrong.text }).locator('[data-sc-mark]')).toHaveText(t.incorrectMark);
		await q.getByText(right.text, { exact: true }).click();
		await expect(feedback).toHaveText(message(right));
		await expect(q.locator('.sc-option', { hasText: right.text }).locator('[data-sc-mark]')).toHaveText(t.correctMark);
		await expect(q.locator('.sc-option', { hasText: wrong.text }).locator('[data-sc-mark]')).toBeEmpty();
	});

	test(`${locale}: by keyboard, Tab and the arrow keys choose an answer`, async ({ page }) => {
		await page.goto(pathOf(locale, 'handshake'));
		const q = page.getByRole('region', { name: t.heading }).locator('fieldset').nth(1);
		// Shown in SelfCheck's display order, not the order the lesson lists them in.
		const options = displayOrder(written[1]!.question, written[1]!.options).map(shown);
		expect(options.map((o) => o.text)).toEqual(SHOWN_ORDER[locale]);
		expect((await q.locator('.sc-option').allInnerTexts()).map((text) => text.trim())).toEqual(SHOWN_ORDER[locale]);
		await q.getByRole('radio').first().focus();
		await page.keyboard.press('Space');
		await expect(q.getByRole('radio').first()).toBeChecked();
		await expect(q.getByRole('status')).toHaveText(message(options[0]!));
		await page.keyboard.press('ArrowDown');
		await expect(q.getByRole('radio').nth(1)).toBeChecked();
		await expect(q.getByRole('status')).toHaveText(message(options[1]!));
		// Tab leaves the radio group for the answer's disclosure.
		await page.keyboard.press('Tab');
		await expect(q.locator('summary')).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(q.locator('details')).toHaveAttribute('open', '');
	});

	test.describe(() => {
		test.use({ javaScriptEnabled: false });
		test(`${locale} without JavaScript: radios work and a details element reveals the answer and every why`, async ({ page }) => {
			await page.goto(pathOf(locale, 'handshake'));
			const q = page.getByRole('region', { name: t.heading }).locator('fieldset').first();
			const right = quiz[0]!.options.find((o) => o.correct)!;
			await q.getByText(right.text, { exact: true }).click();
			await expect(q.getByRole('radio', { name: right.text })).toBeChecked();
			await q.getByText(t.reveal).click();
			const answer = q.locator('details li.sc-right');
			await expect(answer).toContainText(`${t.rightOption} ${right.text}`);
			for (const o of quiz[0]!.options) await expect(q.locator('details')).toContainText(o.why);
		});
	});
}
