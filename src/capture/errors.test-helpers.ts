import { expect } from 'vitest';
import { CaptureError, type CaptureErrorCode } from './errors.ts';

/** Asserts that `read` throws a CaptureError with exactly this code and place. */
export function expectCaptureError(
	read: () => unknown,
	expected: { code: CaptureErrorCode; offset: number; packet: number | null },
): void {
	let thrown: unknown;
	try {
		read();
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(CaptureError);
	const error = thrown as CaptureError;
	expect({ code: error.code, offset: error.offset, packet: error.packet }).toEqual(expected);
}
