import type { ComponentChildren } from 'preact';
import { useT } from './i18n';

export interface SectionProps {
  /** Used for the heading's id, the panel's id and the section nav's anchor. */
  id: string;
  title: string;
  /** A count shown after the title, e.g. the number of actions. */
  count?: number;
  open: boolean;
  onToggle: (id: string) => void;
  /** False until the answer above has painted: the heading shows at once, the panel's content a frame later. */
  ready?: boolean;
  children: ComponentChildren;
}

/**
 * A section whose heading is a disclosure button (the WAI-ARIA disclosure pattern): screen readers still find it
 * by heading, keyboard users open and close it with Enter or Space. A closed panel stays in the DOM, hidden.
 */
export function Section({ id, title, count, open, onToggle, ready = true, children }: SectionProps) {
  const t = useT();
  return (
    <section class="section" id={`sec-${id}`} aria-labelledby={`h-${id}`} data-testid={`section-${id}`}>
      <h2 id={`h-${id}`}>
        <button type="button" class="section-toggle" aria-expanded={open} aria-controls={`panel-${id}`} onClick={() => onToggle(id)}>
          <span class="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
          {title}
          {count !== undefined && <span class="count"> ({count})</span>}
          {!open && <span class="visually-hidden">{` ${t('sectionCollapsed')}`}</span>}
        </button>
      </h2>
      <div id={`panel-${id}`} hidden={!open} class="section-panel">
        {ready && children}
      </div>
    </section>
  );
}
