// The one message protocol between the background, the popup and the options page. Each request type maps to its
// response type, so a caller cannot misread an answer; `isExtensionPage` is the sender check every handler relies on.
import type { SiteWarning } from './assess/site-warning';
import { unpackLog, type PackedLog, type ReportRow } from './log/packed-log';
import type { CompanyAssessment, Jurisdiction, Level } from './assess/risk';
import type { Residence } from './assess/residence';
import type { Role } from './dataset/schema';
import type { DatasetDiff } from './dataset/diff';
import type { Signed } from './dataset/update-candidate';
import type { Settings } from './settings';

export interface ThirdParty {
  assessment: CompanyAssessment;
  requests: number;
  roles: Role[];
  hosts: string[];
  /** Belongs to the same group as the site itself (its CDN, its API). */
  sameGroupAsSite: boolean;
  /** Where this company's servers answered from (ISO codes, or "local"): observed, not where data ends up. */
  serversSeen?: string[];
  /**
   * Hosts this company runs as cloud or CDN infrastructure for a customer (d1234.cloudfront.net): what they carry is
   * the customer's choice, not the provider's. Left out when there are none.
   */
  providerHosts?: string[];
}

export interface UnknownHost {
  host: string;
  requests: number;
}

export interface DatasetInfo {
  version: string;
  date: string;
  source: 'bundled' | 'update';
  counts: Record<string, number>;
  license: string;
  /** For an update: the URL, or "file:NAME" for an imported file. */
  origin?: string;
  signed?: Signed;
  appliedAt?: number;
}

/** Where an update comes from: the configured URL, or a file the settings page read (with its optional `.sig`). */
export type UpdateSource = { source: 'url' } | { source: 'file'; name: string; text: string; signature?: string };

export interface UpdatePreview {
  origin: string;
  from: DatasetInfo;
  to: DatasetInfo;
  diff: DatasetDiff;
}

export type UpdateCheck =
  | { kind: 'preview'; preview: UpdatePreview }
  | { kind: 'up-to-date'; message: string }
  | { kind: 'rejected'; origin: string; error: string; problems: string[]; needsAllow: boolean };

export interface UpdateOutcome {
  time: number;
  ok: boolean;
  message: string;
}

export interface DatasetStatus {
  info: DatasetInfo;
  /** What a rollback would restore; null when there is nothing to go back to. */
  previous: DatasetInfo | null;
  pending: UpdatePreview | null;
  lastCheck: UpdateOutcome | null;
  /** Sources whose data may apply without the maintainers' signature, each allowed explicitly by the user. */
  unsignedAllowed: string[];
  defaultUpdateUrl: string;
}

export interface TabReport {
  tabId: number;
  url: string | null;
  site: string | null;
  /** Browser pages and extension stores, where extensions may not look. */
  restricted: boolean;
  /** The rules applied. */
  jurisdiction: Jurisdiction;
  /** Where the user lives, as they said or, until they answer, as guessed from the time zone. */
  residence: Residence;
  residenceGuessed: boolean;
  level: Level;
  siteAssessment: CompanyAssessment | null;
  thirdParties: ThirdParty[];
  unknownThirdParties: UnknownHost[];
  requests: ReportRow[];
  /** Server countries observed for the site's own company. */
  siteServersSeen?: string[];
  dataset: DatasetInfo;
}

/** A TabReport as the worker sends it: the log packed (see log/packed-log.ts); `unpackReport` restores the rows. */
export type PackedTabReport = Omit<TabReport, 'requests'> & { log: PackedLog };

export function unpackReport({ log, ...report }: PackedTabReport): TabReport {
  return { ...report, requests: unpackLog(log) };
}

/** Which part of the request log an export or a clear applies to. */
export type LogScope = { tabId: number } | { site: string } | { all: true };

export interface LogExport {
  filename: string;
  mime: 'application/json' | 'text/csv';
  text: string;
  rows: number;
}

export type Requests = {
  getTabReport: { request: { tabId: number }; response: PackedTabReport };
  getDatasetInfo: { request: Record<string, never>; response: DatasetInfo };
  getSettings: { request: Record<string, never>; response: Settings };
  setSettings: { request: { settings: Partial<Settings> }; response: Settings };
  exportLog: { request: { scope: LogScope; format: 'json' | 'csv' }; response: LogExport };
  clearLog: { request: { scope: LogScope }; response: { deleted: number } };
  getDatasetStatus: { request: Record<string, never>; response: DatasetStatus };
  previewUpdate: { request: UpdateSource; response: UpdateCheck };
  applyUpdate: { request: Record<string, never>; response: DatasetInfo };
  discardUpdate: { request: Record<string, never>; response: null };
  rollbackDataset: { request: Record<string, never>; response: DatasetInfo };
  resetDataset: { request: Record<string, never>; response: DatasetInfo };
  exportDataset: { request: Record<string, never>; response: { filename: string; text: string } };
  allowUnsigned: { request: { origin: string; allow: boolean }; response: string[] };
  getSiteWarning: { request: Record<string, never>; response: SiteWarning | null };
  dismissSiteWarning: { request: { site: string }; response: null };
  openDetails: { request: { view: 'report' | 'ask' }; response: null };
};

export type MessageType = keyof Requests;
export type Message<T extends MessageType = MessageType> = { type: T } & Requests[T]['request'];
export type Reply<T extends MessageType> = { ok: true; value: Requests[T]['response'] } | { ok: false; error: string };

const TYPES: ReadonlySet<string> = new Set<MessageType>(['getTabReport', 'getDatasetInfo', 'getSettings', 'setSettings', 'exportLog', 'clearLog',
  'getDatasetStatus', 'previewUpdate', 'applyUpdate', 'discardUpdate', 'rollbackDataset', 'resetDataset', 'exportDataset', 'allowUnsigned',
  'getSiteWarning', 'dismissSiteWarning', 'openDetails']);

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && TYPES.has((value as { type?: unknown }).type as string);
}

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * True only for this extension's own pages (popup, options, log tab). Content scripts carry `tab` and a web URL;
 * other extensions carry another id. Both are refused.
 */
export function isExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/**
 * The only messages this extension's content scripts may send. A content script runs beside the page's own code,
 * so whatever it may ask, a hostile page may make it ask: reading logs and changing settings stay out.
 */
export const CONTENT_SCRIPT_ALLOWED: ReadonlySet<MessageType> = new Set<MessageType>(['getSiteWarning', 'dismissSiteWarning', 'openDetails']);

/** A content script of this extension: our id, sent from a tab whose page is not one of ours. */
export function isOwnContentScript(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && sender.tab !== undefined && !(sender.url ?? '').startsWith(extensionOrigin);
}

/** A typed caller over any `sendMessage` (the browser's in the pages, a stub in tests). */
export function createClient(sendMessage: (msg: unknown) => Promise<unknown>) {
  return async function send<T extends MessageType>(type: T, request: Requests[T]['request']): Promise<Requests[T]['response']> {
    const reply = (await sendMessage({ type, ...request })) as Reply<T> | undefined;
    if (!reply) throw new Error('No answer from the background worker.');
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
}
export type Client = ReturnType<typeof createClient>;
