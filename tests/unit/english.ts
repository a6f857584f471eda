// What an English user reads for a worker's localized text: the same translator the extension's pages use, over
// en/messages.json. A rejected update also lists the validator's findings, which stay as written.
import { readFileSync } from 'node:fs';
import { say, type LocalizedText } from '@/data/i18n/localized-error';
import { translator } from '@/data/i18n/translator';

const t = translator(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')));

export const english = (text: LocalizedText | string): string => say(t, text);

/** A rejection as the settings page shows it: its sentence, then its problems. */
export const rejection = (r: { error: LocalizedText; problems: string[] }): string => [english(r.error), ...r.problems].join(' ');
