// The words for where a user lives, shared by the welcome and the settings form.
import type { Residence } from '@/data/assess/residence';
import type { MessageKey } from '@/data/i18n/translator';

export const RESIDENCE_LABEL: Record<Residence, MessageKey> = { EEA: 'jurEEA', UK: 'jurUK', CH: 'jurCH', US: 'jurUS', elsewhere: 'jurElsewhere' };
