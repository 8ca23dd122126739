// The extra fields an initiator's in-page driver needs in its step descriptor.
import type { StepDescriptor } from '../types.js';

/** The fields compile adds to an initiator's step descriptor. */
export function initiatorFields(
  pageOrigin: string,
  token: string,
): Pick<StepDescriptor, 'journalUrl' | 'helperOrigin'> {
  return {
    journalUrl: `${pageOrigin}/__journal?token=${encodeURIComponent(token)}`,
    helperOrigin: pageOrigin,
  };
}
