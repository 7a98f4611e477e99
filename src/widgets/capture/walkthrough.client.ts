/**
 * The walkthrough works without JavaScript; this only opens the segment a deep link names
 * (#segment-4, also when the hash changes later) and opens every segment before printing,
 * closing again afterwards those the reader had closed.
 */
export function initWalkthrough(): void {
	const openFromHash = () => {
		const id = decodeURIComponent(location.hash.slice(1));
		const target = id ? document.getElementById(id) : null;
		const details = target?.closest<HTMLDetailsElement>('details.cap-seg');
		if (!details) return;
		details.open = true;
		details.scrollIntoView({ block: 'start' });
	};
	openFromHash();
	window.addEventListener('hashchange', openFromHash);

	let openedForPrint: HTMLDetailsElement[] = [];
	window.addEventListener('beforeprint', () => {
		openedForPrint = [...document.querySelectorAll<HTMLDetailsElement>('details.cap-seg:not([open])')];
		for (const d of openedForPrint) d.open = true;
	});
	window.addEventListener('afterprint', () => {
		for (const d of openedForPrint) d.open = false;
		openedForPrint = [];
	});
}
