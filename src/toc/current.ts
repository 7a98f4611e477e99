/**
 * Which section the reader is in: the last heading whose top has passed `line` (px from the top of
 * the viewport), or the first heading when none has (the page title, at the top of the page).
 * `tops` are in document order, so they ascend.
 */
export function currentIndex(tops: readonly number[], line: number): number {
	let current = 0;
	for (const [i, top] of tops.entries()) {
		if (top > line) break;
		current = i;
	}
	return current;
}
