/** The self-check questions after a lesson: by mouse and keyboard in both locales, and without JavaScript. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { widgetStrings } from '../src/widgets/i18n';
import { displayOrder } from '../src/widgets/selfcheck/view';
import { fill, inlineCode } from '../src/widgets/text';
import { LOCALES, type Locale } from './lessons';

interface Option {
	text: string;
	correct: boolean;
	why: string;
}

/** The quiz of a lesson's front matter, read with the few YAML forms the lessons use, as the reader sees it (`code` unquoted). */
function quizOf(locale: Locale, slug: string): Array<{ question: string; options: Option[] }> {
	const file = join(import.meta.dirname, '..', 'content', 'docs', locale === 'en' ? 'en' : '', `${slug}.mdx`);
	const front = readFileSync(file, 'utf8').split(/^---$/m)[1]!;
	const value = (line: string) =>
		inlineCode(line.replace(/^[^:]+:\s*/, '').replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'))
			.map((part) => part.text)
			.join('');
	const quiz: Array<{ question: string; options: Option[] }> = [];
	for (const line of front.slice(front.indexOf('\nquiz:')).split('\n')) {
		if (/^ {2}- question:/.test(line)) quiz.push({ question: value(line.trim().slice(2)), options: [] });
		else if (/^ {6}- text:/.test(line)) quiz.at(-1)!.options.push({ text: value(line.trim().slice(2)), correct: false, why: '' });
		else if (/^ {8}correct: true/.test(line)) quiz.at(-1)!.options.at(-1)!.correct = true;
		else if (/^ {8}why:/.test(line)) quiz.at(-1)!.options.at(-1)!.why = value(line.trim());
	}
	return quiz;
}

const pathOf = (locale: Locale, slug: string) => `${locale === 'en' ? 'en/' : ''}${slug}/`;

for (const locale of LOCALES) {
	const t = widgetStrings(locale).selfCheck;
	const quiz = quizOf(locale, 'handshake');
	const message = (o: Option) => fill(t.message, { verdict: o.correct ? t.correct : t.incorrect, why: o.why });

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
		const options = displayOrder(quiz[1]!.question, quiz[1]!.options);
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

	test(`${locale}: every lesson with a quiz shows it, the others don't`, async ({ page }) => {
		for (const slug of ['overview', 'teardown', 'glossary']) {
			await page.goto(pathOf(locale, slug));
			const expected = slug === 'glossary' ? 0 : quizOf(locale, slug).length;
			await expect(page.locator('[data-selfcheck] fieldset')).toHaveCount(expected);
		}
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
