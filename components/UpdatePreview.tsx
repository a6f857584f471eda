import type { Changes } from '@/data/dataset/diff';
import type { MessageKey } from '@/data/i18n/translator';
import type { UpdatePreview as Preview } from '@/data/protocol';
import { useT } from './i18n';

export interface UpdatePreviewProps {
  preview: Preview;
  busy: boolean;
  onApply: () => void;
  onDiscard: () => void;
}

const SHOWN = 30;

function ChangeList({ titleKey, kind, items }: { titleKey: MessageKey; kind: string; items: Changes['added'] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <li data-testid={`diff-${kind}`}>
      {t(titleKey)}: {items.length}
      <ul>
        {items.slice(0, SHOWN).map((i) => (
          <li key={i.key} data-testid="diff-item">
            {i.label}
            {i.label !== i.key && <span class="muted"> ({i.key})</span>}
          </li>
        ))}
        {items.length > SHOWN && <li class="muted">{t('moreCount', [String(items.length - SHOWN)])}</li>}
      </ul>
    </li>
  );
}

function Group({ name, labelKey, changes }: { name: string; labelKey: MessageKey; changes: Changes }) {
  const t = useT();
  const none = !changes.added.length && !changes.removed.length && !changes.changed.length;
  return (
    <div>
      <h3>{t(labelKey)}</h3>
      {none ? (
        <p class="muted">{t('diffNone')}</p>
      ) : (
        <ul>
          <ChangeList titleKey="diffAdded" kind={`${name}-added`} items={changes.added} />
          <ChangeList titleKey="diffRemoved" kind={`${name}-removed`} items={changes.removed} />
          <ChangeList titleKey="diffChanged" kind={`${name}-changed`} items={changes.changed} />
        </ul>
      )}
    </div>
  );
}

/** What an update would change; nothing is applied until the user confirms. Every string is rendered as text. */
export function UpdatePreview({ preview, busy, onApply, onDiscard }: UpdatePreviewProps) {
  const t = useT();
  const { from, to, diff } = preview;
  return (
    <div data-testid="update-preview" role="region" aria-label={t('prevLabel')}>
      <p>
        {t('sumVersion')} <strong data-testid="preview-version">{to.version}</strong>{' '}
        {t('prevReplaces', [to.date, preview.origin, from.version, from.date])}
      </p>
      {diff.version === 'older' && (
        <p class="warning" data-testid="preview-older">
          {t('prevOlder')}
        </p>
      )}
      <p data-testid="preview-signed">{to.signed === 'maintainers' ? t('prevSigned') : t('prevUnsigned')}</p>
      <Group name="companies" labelKey="countCompanies" changes={diff.companies} />
      <Group name="domains" labelKey="countDomains" changes={diff.domains} />
      <Group name="actions" labelKey="countActions" changes={diff.actions} />
      <p class="muted">{t('diffDestinations', [String(diff.destinations.before), String(diff.destinations.after)])}</p>
      <p>
        <button type="button" data-testid="apply-update" disabled={busy} onClick={onApply}>
          {t('applyUpdate')}
        </button>{' '}
        <button type="button" data-testid="discard-update" disabled={busy} onClick={onDiscard}>
          {t('discardUpdate')}
        </button>
      </p>
    </div>
  );
}
