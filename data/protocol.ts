// The one message protocol between the background, the popup and the options page. Each request type maps to its
// response type, so a caller cannot misread an answer; `isExtensionPage` is the sender check every handler relies on.
// The requests are valibot schemas (REQUEST_SCHEMAS) and their TypeScript types are inferred from them, so what the
// worker checks at run time and what the callers are allowed to send cannot drift apart.
import * as v from 'valibot';
import type { LocalizedText } from './i18n/localized-error';
import { SettingsSchema } from './settings';
import type { SiteWarning } from './assess/site-warning';
import type { PackedLog, ReportRow } from './log/packed-log';
import type { CompanyAssessment, Jurisdiction, Level } from './assess/risk';
import type { Residence } from './assess/residence';
import type { Authority, Role } from './dataset/schema';
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
  | { kind: 'up-to-date'; message: LocalizedText }
  | { kind: 'rejected'; origin: string; error: LocalizedText; problems: string[]; needsAllow: boolean };

export interface UpdateOutcome {
  time: number;
  ok: boolean;
  message: LocalizedText;
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
  /** UK and Swiss users: whether the dataset carries the country's own adequacy list, and whether it says it is partial. */
  adequacyList?: { own: boolean; partial: boolean };
  level: Level;
  siteAssessment: CompanyAssessment | null;
  thirdParties: ThirdParty[];
  unknownThirdParties: UnknownHost[];
  requests: ReportRow[];
  /** Server countries observed for the site's own company. */
  siteServersSeen?: string[];
  dataset: DatasetInfo;
  /** The browser refused to store part of the log (quota exceeded): the oldest rows were removed, or a batch lost. */
  logIncomplete?: boolean;
}

/** A TabReport as the worker sends it: the log packed (see log/packed-log.ts); `unpackReport` there restores the rows. */
export type PackedTabReport = Omit<TabReport, 'requests'> & { log: PackedLog };


const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const Empty = v.strictObject({});

/** Which part of the request log an export or a clear applies to. */
const LogScopeSchema = v.union([
  v.strictObject({ tabId: TabId }),
  v.strictObject({ site: v.pipe(v.string(), v.minLength(1), v.maxLength(253)) }),
  v.strictObject({ all: v.literal(true) }),
]);
export type LogScope = v.InferOutput<typeof LogScopeSchema>;

/** Every request's payload (the message without its `type`), as the worker checks it before any handler runs. */
export const REQUEST_SCHEMAS = {
  getTabReport: v.strictObject({ tabId: TabId }),
  getDatasetInfo: Empty,
  getSettings: Empty,
  setSettings: v.strictObject({ settings: v.partial(SettingsSchema) }),
  exportLog: v.strictObject({ scope: LogScopeSchema, format: v.picklist(['json', 'csv']) }),
  clearLog: v.strictObject({ scope: LogScopeSchema }),
  getDatasetStatus: Empty,
  previewUpdate: v.union([
    v.strictObject({ source: v.literal('url') }),
    v.strictObject({
      source: v.literal('file'),
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
      text: v.string(),
      signature: v.optional(v.string()),
    }),
  ]),
  applyUpdate: Empty,
  discardUpdate: Empty,
  rollbackDataset: Empty,
  resetDataset: Empty,
  exportDataset: Empty,
  allowUnsigned: v.strictObject({ origin: v.pipe(v.string(), v.maxLength(2048)), allow: v.boolean() }),
  getSiteWarning: Empty,
  dismissSiteWarning: v.strictObject({ site: v.pipe(v.string(), v.minLength(1), v.maxLength(253)) }),
  openDetails: v.strictObject({ view: v.picklist(['report', 'ask']) }),
  getEvidence: v.strictObject({ tabId: TabId, keepQuery: v.boolean() }),
  getAuthorities: Empty,
} as const;

type Payload<T extends keyof typeof REQUEST_SCHEMAS> = v.InferOutput<(typeof REQUEST_SCHEMAS)[T]>;

export interface LogExport {
  filename: string;
  mime: 'application/json' | 'text/csv';
  text: string;
  rows: number;
}

interface Responses {
  getTabReport: PackedTabReport;
  getDatasetInfo: DatasetInfo;
  getSettings: Settings;
  setSettings: Settings;
  exportLog: LogExport;
  clearLog: { deleted: number };
  getDatasetStatus: DatasetStatus;
  previewUpdate: UpdateCheck;
  applyUpdate: DatasetInfo;
  discardUpdate: null;
  rollbackDataset: DatasetInfo;
  resetDataset: DatasetInfo;
  exportDataset: { filename: string; text: string };
  allowUnsigned: string[];
  getSiteWarning: SiteWarning | null;
  dismissSiteWarning: null;
  openDetails: null;
  getEvidence: Evidence;
  getAuthorities: { authorities: Authority[]; eea: string[] };
}

/**
 * What "Save evidence" builds its files from: the page's report as the popup gets it, and per row (in the same order)
 * what the report leaves out: the method, and the query and fragment only when the user asked to keep them.
 */
export interface Evidence {
  report: PackedTabReport;
  details: { method?: string; query?: string }[];
}

export type Requests = { [T in keyof typeof REQUEST_SCHEMAS]: { request: Payload<T>; response: Responses[T] } };

export type MessageType = keyof Requests;
export type Message<T extends MessageType = MessageType> = { type: T } & Requests[T]['request'];
export type Reply<T extends MessageType> = { ok: true; value: Requests[T]['response'] } | { ok: false; error: LocalizedText };

const TYPES: ReadonlySet<string> = new Set(Object.keys(REQUEST_SCHEMAS));

/** Only the type is known: the payload is checked by parseMessage. */
export function isMessage(value: unknown): value is { type: MessageType } {
  return typeof value === 'object' && value !== null && TYPES.has((value as { type?: unknown }).type as string);
}

export type Parsed = { ok: true; message: Message } | { ok: false; type: string; problems: string[] };

/** The message checked against its type's schema: an unknown type, a missing field, an extra one or a wrong kind fail. */
export function parseMessage(value: unknown): Parsed {
  if (!isMessage(value)) {
    const type = typeof value === 'object' && value !== null ? String((value as { type?: unknown }).type).slice(0, 40) : typeof value;
    return { ok: false, type, problems: ['unknown message type'] };
  }
  const { type, ...payload } = value as { type: MessageType } & Record<string, unknown>;
  const result = v.safeParse(REQUEST_SCHEMAS[type] as v.GenericSchema, payload);
  if (!result.success) {
    return { ok: false, type, problems: result.issues.map((i) => `${v.getDotPath(i) ?? '(message)'}: ${i.message}`) };
  }
  return { ok: true, message: { type, ...(result.output as object) } as Message };
}

export interface SenderLike {
  id?: string;
  url?: string;
  /** Chrome names the sending document's origin; it must agree with its URL. */
  origin?: string;
  /** Chrome's id of the sending document. */
  documentId?: string;
  tab?: unknown;
}

/** The origin the browser gives must be the one of the sender's URL; where no origin is given, only the URL counts. */
function originAgrees(sender: SenderLike): boolean {
  if (sender.origin === undefined) return true;
  try {
    return new URL(sender.url ?? '').origin === sender.origin;
  } catch {
    return false;
  }
}

/**
 * True only for this extension's own pages (popup, options, log tab). Content scripts carry `tab` and a web URL;
 * other extensions carry another id. Both are refused.
 */
export function isExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId || typeof sender.url !== 'string' || !sender.url.startsWith(extensionOrigin)) return false;
  return sender.origin === undefined || `${sender.origin}/` === extensionOrigin;
}

/**
 * The only messages this extension's content scripts may send. A content script runs beside the page's own code,
 * so whatever it may ask, a hostile page may make it ask: reading logs and changing settings stay out.
 */
export const CONTENT_SCRIPT_ALLOWED: ReadonlySet<MessageType> = new Set<MessageType>(['getSiteWarning', 'dismissSiteWarning', 'openDetails']);

/** A content script of this extension: our id, sent from a tab whose page is not one of ours. */
export function isOwnContentScript(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId || sender.tab === undefined || (sender.url ?? '').startsWith(extensionOrigin)) return false;
  return /^https?:\/\//.test(sender.url ?? '') && originAgrees(sender);
}
