// Components read their words from the I18n context; tests provide English through the same translator the CLI uses,
// so a test asserts exactly what an English-speaking user reads.
import { render as renderPreact } from '@testing-library/preact';
import type { ComponentChildren, VNode } from 'preact';
import en from '@/public/_locales/en/messages.json';
import { I18nProvider } from '@/components/i18n';
import { translator } from '@/data/i18n/translator';

const t = translator(en);

export function render(ui: VNode, lang = 'en-US') {
  return renderPreact(ui, { wrapper: ({ children }: { children: ComponentChildren }) => <I18nProvider t={t} lang={lang}>{children}</I18nProvider> });
}
