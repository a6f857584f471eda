import { useT } from './i18n';

export interface SectionNavItem {
  id: string;
  label: string;
  count?: number;
}

export interface SectionNavProps {
  items: SectionNavItem[];
  /** Opens the section before the browser scrolls to it, so a jump never lands on a collapsed heading. */
  onJump: (id: string) => void;
}

/** One line of jump links under the verdict: the details are one key press away without pushing the verdict down. */
export function SectionNav({ items, onJump }: SectionNavProps) {
  const t = useT();
  return (
    <nav aria-label={t('sectionsLabel')} class="section-nav" data-testid="section-nav">
      <ul>
        {items.map((item) => (
          <li>
            <a
              href={`#sec-${item.id}`}
              onClick={(e) => {
                e.preventDefault();
                onJump(item.id);
              }}
            >
              {item.label}
              {item.count !== undefined && <span class="count"> {item.count}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
