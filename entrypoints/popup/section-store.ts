import { browser } from 'wxt/browser';
import { sectionMemory } from '@/components/section-memory';

/** The popup's remembered sections, in storage.local: one for the extension, every site and every window. */
export const localSections = sectionMemory(browser.storage.local);
