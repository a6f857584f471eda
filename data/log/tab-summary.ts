// Where the worker keeps each tab's summary for the popup (storage.session), apart from the report's code so that the
// popup, which only reads it, loads none of that code (tldts, the risk model) before its first paint.
import type { TabSummary } from '../assess/tab-report';

export type { TabSummary };
export const SUMMARY_PREFIX = 'summary:';
export const summaryKey = (tabId: number) => `${SUMMARY_PREFIX}${tabId}`;
