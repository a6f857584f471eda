import type { Changes } from '@/data/dataset-diff';
import type { UpdatePreview as Preview } from '@/data/protocol';

export interface UpdatePreviewProps {
  preview: Preview;
  busy: boolean;
  onApply: () => void;
  onDiscard: () => void;
}

const SHOWN = 30;

function ChangeList({ title, kind, items }: { title: string; kind: string; items: Changes['added'] }) {
  if (items.length === 0) return null;
  return (
    <li data-testid={`diff-${kind}`}>
      {title}: {items.length}
      <ul>
        {items.slice(0, SHOWN).map((i) => (
          <li key={i.key} data-testid="diff-item">
            {i.label}
            {i.label !== i.key && <span class="muted"> ({i.key})</span>}
          </li>
        ))}
        {items.length > SHOWN && <li class="muted">and {items.length - SHOWN} more</li>}
      </ul>
    </li>
  );
}

function Group({ name, label, changes }: { name: string; label: string; changes: Changes }) {
  const none = !changes.added.length && !changes.removed.length && !changes.changed.length;
  return (
    <div>
      <h3>{label}</h3>
      {none ? (
        <p class="muted">No change.</p>
      ) : (
        <ul>
          <ChangeList title="Added" kind={`${name}-added`} items={changes.added} />
          <ChangeList title="Removed" kind={`${name}-removed`} items={changes.removed} />
          <ChangeList title="Changed" kind={`${name}-changed`} items={changes.changed} />
        </ul>
      )}
    </div>
  );
}

/** What an update would change; nothing is applied until the user confirms. Every string is rendered as text. */
export function UpdatePreview({ preview, busy, onApply, onDiscard }: UpdatePreviewProps) {
  const { from, to, diff } = preview;
  return (
    <div data-testid="update-preview" role="region" aria-label="Update preview">
      <p>
        Version <strong data-testid="preview-version">{to.version}</strong> of {to.date} from <code>{preview.origin}</code> would replace{' '}
        {from.version} of {from.date}.
      </p>
      {diff.version === 'older' && <p class="warning" data-testid="preview-older">This is an older version than the data in force.</p>}
      <p data-testid="preview-signed">
        {to.signed === 'maintainers' ? "Signed by Borderline's maintainers." : 'Not signed by Borderline\u2019s maintainers: you allowed this source.'}
      </p>
      <Group name="companies" label="Companies" changes={diff.companies} />
      <Group name="domains" label="Domain entries" changes={diff.domains} />
      <Group name="actions" label="Enforcement actions" changes={diff.actions} />
      <p class="muted">
        Disclosed destinations: {diff.destinations.before} → {diff.destinations.after}
      </p>
      <p>
        <button type="button" data-testid="apply-update" disabled={busy} onClick={onApply}>
          Apply this update
        </button>{' '}
        <button type="button" data-testid="discard-update" disabled={busy} onClick={onDiscard}>
          Discard
        </button>
      </p>
    </div>
  );
}
