import choiceAdmission from './choice-admission';
import eligibility from './eligibility';
import eventCodes from './event-codes';
import type { Feature } from './feature';
import historyRecorder from './history-recorder';
import pageUnreadable from './page-unreadable';
import safetyLine from './safety-line';
import turnover from './turnover';

/** Every page feature, in the order their badges appear next to a figure. */
export const FEATURES: readonly Feature[] = [safetyLine, turnover, eligibility, choiceAdmission, eventCodes, pageUnreadable, historyRecorder];
