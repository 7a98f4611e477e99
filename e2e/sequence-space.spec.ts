/**
 * The sequence-space lesson's acceptability lab, by keyboard and mouse in both locales. Expected
 * verdicts are RFC 9293 §3.4's, written out here as literals (Table 5's rows, the acceptable-ACK
 * inequality), not recomputed with the function the widget calls.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoViolationsInBothSchemes } from './axe';
import { widgetStrings } from '../src/widgets/i18n';
import { fill } from '../src/widgets/text';
import { LOCALES, pathOf } from './lessons';
import { openWidget } from './widgets';

for (const locale of LOCALES) {
	const s = widgetStrings(locale).lab.accept;
	const lab = widgetStrings(locale).lab;
	const receive = (root: Locator) => root.locator('[data-acc-form="receive"]');
	const ack = (root: Locator) => root.locator('[data-acc-form="ack"]');
	const field = (form: Locator, name: keyof typeof s.fields) => form.getByRole('textbox', { name: s.fields[name], exact: true });
	const verdict = (form: Locator) => form.locator('.acc-verdict');
	const decidingRow = (root: Locator) => root.locator('tbody tr[aria-current="true"]');

	async function type(form: Locator, values: Partial<Record<keyof typeof s.fields, number | string>>) {
		for (const [name, value] of Object.entries(values)) {
			const input = field(form, name as keyof typeof s.fields);
			await input.focus();
			await input.press('ControlOrMeta+a');
			await input.pressSequentially(String(value));
		}
		await form.page().keyboard.press('Enter');
	}

	test.describe(`${locale} AcceptabilityLab`, () => {
		const open = (page: Page) => openWidget(page, pathOf(locale, 'sequence-space'), '[data-accept]');

		test('shows the worked example: 1400 with 200 bytes against RCV.NXT 1000, RCV.WND 500 is row 4, acceptable', async ({ page }) => {
			const root = await open(page);
			await expect(verdict(receive(root))).toHaveText(fill(s.acceptable, { row: 4 }));
			await expect(decidingRow(root)).toHaveAttribute('data-row', '4');
			await expect(decidingRow(root)).toContainText(s.thisCase);
			await expect(receive(root).locator('.acc-tests li')).toHaveCount(2);
			await expect(receive(root).locator('.acc-tests li').first()).toContainText('1000 =< 1400 < 1500');
			await expect(receive(root).locator('.acc-tests li').last()).toContainText('1000 =< 1599 < 1500');
			await expect(ack(root).locator('[data-ack]')).toHaveAttribute('data-ack', 'acceptable');
			await expect(ack(root).locator('[data-ack]')).toContainText('1000 < 1200 =< 1300');
		});

		test('by keyboard: each row of Table 5 decides its own case', async ({ page }) => {
			const root = await open(page);
			const form = receive(root);
			const status = form.getByRole('status');
			// Row 1: zero-length, zero window, SEG.SEQ = RCV.NXT.
			await type(form, { rcvNxt: 7000, rcvWnd: 0, segSeq: 7000, segLen: 0 });
			await expect(verdict(form)).toHaveText(fill(s.acceptable, { row: 1 }));
			await expect(decidingRow(root)).toHaveAttribute('data-row', '1');
			await expect(status).toHaveText(fill(s.acceptable, { row: 1 }));
			await expect(form.locator('[data-acc-given]')).toContainText('RCV.NXT = 7000, RCV.WND = 0, SEG.SEQ = 7000, SEG.LEN = 0');
			// Row 1, one number off.
			await type(form, { segSeq: 7001 });
			await expect(verdict(form)).toHaveText(fill(s.unacceptable, { row: 1 }));
			// Row 2: the right edge is not in the window.
			await type(form, { rcvWnd: 100, segSeq: 7100 });
			await expect(verdict(form)).toHaveText(fill(s.unacceptable, { row: 2 }));
			await type(form, { segSeq: 7099 });
			await expect(verdict(form)).toHaveText(fill(s.acceptable, { row: 2 }));
			// Row 3: data into a zero window, even at RCV.NXT.
			await type(form, { rcvWnd: 0, segSeq: 7000, segLen: 1 });
			await expect(verdict(form)).toHaveText(fill(s.unacceptable, { row: 3 }));
			await expect(decidingRow(root)).toHaveAttribute('data-row', '3');
			// Row 4: ends at RCV.NXT − 1, an old duplicate; one more byte and it reaches the window.
			await type(form, { rcvWnd: 100, segSeq: 6900, segLen: 100 });
			await expect(verdict(form)).toHaveText(fill(s.unacceptable, { row: 4 }));
			await type(form, { segLen: 101 });
			await expect(verdict(form)).toHaveText(fill(s.acceptable, { row: 4 }));
		});

		test('a RST is judged by RFC 5961: exact, in the window, or outside', async ({ page }) => {
			const root = await open(page);
			const form = receive(root);
			const rst = form.locator('[data-rst]');
			await type(form, { rcvNxt: 1000, rcvWnd: 500, segSeq: 1000, segLen: 0 });
			await expect(rst).toHaveAttribute('data-rst', 'reset');
			await type(form, { segSeq: 1499 });
			await expect(rst).toHaveAttribute('data-rst', 'challenge-ack');
			await expect(rst).toContainText('<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>');
			await type(form, { segSeq: 1500 });
			await expect(rst).toHaveAttribute('data-rst', 'drop');
		});

		test('the examples run by mouse and by keyboard, the wrap among them', async ({ page }) => {
			const root = await open(page);
			const form = receive(root);
			await form.getByRole('button', { name: s.receivePresets.oldDuplicate }).click();
			await expect(verdict(form)).toHaveText(fill(s.unacceptable, { row: 4 }));
			await expect(form.locator('.acc-then')).toContainText('<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>');
			await form.getByRole('button', { name: s.receivePresets.zeroWindow }).click();
			await expect(verdict(form)).toHaveText(fill(s.unacceptable, { row: 3 }));
			await form.getByRole('button', { name: s.receivePresets.wrap }).focus();
			await page.keyboard.press('Enter');
			await expect(verdict(form)).toHaveText(fill(s.acceptable, { row: 4 }));
			await expect(field(form, 'rcvNxt')).toHaveValue('4294967000');
			await expect(form.locator('.acc-tests li').first()).toContainText('4294967000 =< 200 < 704');
			await expect(form.locator('.acc-note')).toHaveText(s.modulo);

			const a = ack(root);
			await a.getByRole('button', { name: s.ackPresets.duplicate }).click();
			await expect(a.locator('[data-ack]')).toHaveAttribute('data-ack', 'duplicate');
			await expect(a.getByRole('status')).toHaveText(s.ackStatus.duplicate);
			await a.getByRole('button', { name: s.ackPresets.wrap }).press('Enter');
			await expect(a.locator('[data-ack]')).toContainText('4294967290 < 5 =< 10');
		});

		test('an acknowledgment beyond SND.NXT is refused, and SND.UNA after SND.NXT is an input error', async ({ page }) => {
			const root = await open(page);
			const a = ack(root);
			await type(a, { sndUna: 1000, sndNxt: 1300, segAck: 1400 });
			await expect(a.locator('[data-ack]')).toHaveAttribute('data-ack', 'unsent');
			await expect(a.locator('[data-ack]')).toContainText('1400 > 1300');
			const before = await a.locator('[data-acc-result]').innerHTML();
			await type(a, { sndUna: 1301 });
			const una = field(a, 'sndUna');
			await expect(a.locator('[data-error-for="sndUna"]')).toHaveText(s.errors.unaAfterNxt);
			await expect(una).toHaveAttribute('aria-invalid', '');
			await expect(una).toBeFocused();
			await expect(a.getByRole('status')).toHaveText(fill(lab.unchanged, { field: 'SND.UNA', message: s.errors.unaAfterNxt }));
			expect(await a.locator('[data-acc-result]').innerHTML()).toBe(before);
		});

		test('a value that is not a number gets an inline message, changes nothing, and passes axe in both schemes', async ({ page }) => {
			test.slow(); // two axe analyses of the widget, one per colour scheme
			const root = await open(page);
			const form = receive(root);
			const before = await form.locator('[data-acc-result]').innerHTML();
			await type(form, { segSeq: 'abc' });
			await expect(form.locator('[data-error-for="segSeq"]')).toHaveText(lab.errors.notNumber);
			await expect(field(form, 'segSeq')).toBeFocused();
			expect(await form.locator('[data-acc-result]').innerHTML()).toBe(before);
			await type(form, { rcvWnd: 1073725441, segSeq: 1400 });
			await expect(form.locator('[data-error-for="rcvWnd"]')).toHaveText(fill(lab.errors.range, { max: 1073725440 }));
			await expect(form.locator('[data-error-for="segSeq"]')).toBeEmpty();
			await expectNoViolationsInBothSchemes(page, { include: ['[data-accept]'] });
		});

		test('fits a 360 px phone: nothing but the table scrolls sideways', async ({ page }) => {
			await page.setViewportSize({ width: 360, height: 740 });
			const root = await open(page);
			await receive(root).getByRole('button', { name: s.receivePresets.wrap }).click();
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow).toBe(0);
			const box = await root.boundingBox();
			expect(box!.x).toBeGreaterThanOrEqual(0);
			expect(box!.x + box!.width).toBeLessThanOrEqual(360);
		});

		test('without JavaScript reads as a worked example: values, verdict, tests and the marked row', async ({ browser }) => {
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(pathOf(locale, 'sequence-space'));
			const root = page.locator('[data-accept]');
			await expect(root.locator('[data-acc-given]').first()).toHaveText(
				fill(s.given, { values: 'RCV.NXT = 1000, RCV.WND = 500, SEG.SEQ = 1400, SEG.LEN = 200' }),
			);
			await expect(verdict(receive(root))).toBeVisible();
			await expect(decidingRow(root)).toHaveAttribute('data-row', '4');
			await expect(root.locator('table')).toBeVisible();
			await expect(field(receive(root), 'rcvNxt')).toBeHidden();
			await expect(root.getByRole('button', { name: s.check }).first()).toBeHidden();
			await context.close();
		});
	});
}
