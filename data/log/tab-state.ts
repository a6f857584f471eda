// What the worker knows about the page a tab shows. Kept in IndexedDB (the log store's `tabs`) so the badge and the
// popup survive the worker's restarts; the request rows themselves are log rows (log-row.ts), filed under `pageStart`.
import type { Level } from '../assess/risk';

export interface TabState {
  tabId: number;
  url: string;
  site: string | null;
  /** Time of the top-level navigation; rows carry it as `page`, so it names the page in the log. */
  pageStart: number;
  siteCompany: string | null;
  level: Level;
  /** Company id → number of requests on this page. */
  companies: Record<string, number>;
  requests: number;
  /** The browser's id of the committed top-level document (Chrome), so requests can be told apart by document. */
  documentId?: string;
  /** The dataset its companies were attributed under (engine.ts datasetStamp): a state from another is attributed again. */
  dataset?: string;
}
