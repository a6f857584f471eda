// Where the user lives decides which rules Borderline applies. Until the user says, it guesses from the time zone,
// never from the UI language: an en-US browser in Berlin belongs to an EEA user. "Elsewhere" has no rules of its
// own in the dataset, so Borderline applies the EEA's (the GDPR's adequacy list) as a reference and says so.
import type { Jurisdiction } from './risk';

export const RESIDENCES = ['EEA', 'UK', 'CH', 'US', 'elsewhere'] as const;
export type Residence = (typeof RESIDENCES)[number];

/** The rules the risk model applies for a residence. */
export const rulesFor = (residence: Residence): Jurisdiction => (residence === 'elsewhere' ? 'EEA' : residence);

/**
 * IANA zones of the 30 EEA states (the EU, Iceland, Liechtenstein, Norway), including their outermost regions that
 * the EU treaties cover (Canaries, Madeira, Azores, Ceuta) and Büsingen (Germany). Left out on purpose: Svalbard
 * (Arctic/Longyearbyen, outside the EEA agreement), Gibraltar, the Channel Islands and the Isle of Man (own laws),
 * Monaco, San Marino, the Vatican and Andorra (not EEA states).
 */
const EEA_ZONES = new Set([
  'Europe/Vienna', 'Europe/Brussels', 'Europe/Sofia', 'Europe/Zagreb', 'Asia/Nicosia', 'Asia/Famagusta', 'Europe/Nicosia',
  'Europe/Prague', 'Europe/Copenhagen', 'Europe/Tallinn', 'Europe/Helsinki', 'Europe/Mariehamn', 'Europe/Paris',
  'Europe/Berlin', 'Europe/Busingen', 'Europe/Athens', 'Europe/Budapest', 'Europe/Dublin', 'Eire', 'Europe/Rome',
  'Europe/Riga', 'Europe/Vilnius', 'Europe/Luxembourg', 'Europe/Malta', 'Europe/Amsterdam', 'Europe/Warsaw', 'Poland',
  'Europe/Lisbon', 'Portugal', 'Atlantic/Madeira', 'Atlantic/Azores', 'Europe/Bucharest', 'Europe/Bratislava',
  'Europe/Ljubljana', 'Europe/Madrid', 'Africa/Ceuta', 'Atlantic/Canary', 'Europe/Stockholm', 'Atlantic/Reykjavik',
  'Iceland', 'Europe/Vaduz', 'Europe/Oslo',
]);

const UK_ZONES = new Set(['Europe/London', 'Europe/Belfast', 'GB', 'GB-Eire']);
const CH_ZONES = new Set(['Europe/Zurich']);

/**
 * The zones of the United States and its territories. America/* alone would also be Toronto, Mexico City and São
 * Paulo, whose users the US rules do not fit: they get "elsewhere".
 */
const US_ZONE = /^(America\/(New_York|Detroit|Chicago|Denver|Boise|Phoenix|Los_Angeles|Anchorage|Juneau|Sitka|Metlakatla|Yakutat|Nome|Adak|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+|Indianapolis|Louisville|Fort_Wayne|Knox_IN|Puerto_Rico|St_Thomas|Virgin)|Pacific\/(Honolulu|Johnston|Guam|Saipan|Pago_Pago|Samoa)|US\/.+|EST5EDT|CST6CDT|MST7MDT|PST8PDT|Navajo)$/;

/** A first guess of where the user lives from the time zone (Intl.DateTimeFormat().resolvedOptions().timeZone). */
export function residenceFromTimeZone(timeZone: string | undefined): Residence {
  if (!timeZone) return 'elsewhere';
  if (UK_ZONES.has(timeZone)) return 'UK';
  if (CH_ZONES.has(timeZone)) return 'CH';
  if (EEA_ZONES.has(timeZone)) return 'EEA';
  if (US_ZONE.test(timeZone)) return 'US';
  return 'elsewhere';
}

/** The time zone the browser runs in, or undefined where Intl cannot say. */
export function currentTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
