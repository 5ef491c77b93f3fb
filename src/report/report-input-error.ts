import { DialguardError } from '../errors.js';

/** The input or options given to `report` (or its builder) cannot be used; the message says what to change. */
export class ReportInputError extends DialguardError {
  constructor(message: string) {
    super('INVALID_REPORT_INPUT', message, null);
  }
}
