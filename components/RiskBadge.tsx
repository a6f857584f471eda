import type { Level } from '@/data/risk';

const LOOK: Record<Level, { icon: string; word: string }> = {
  high: { icon: '\u26A0', word: 'High risk' },
  medium: { icon: '\u25B2', word: 'Medium risk' },
  low: { icon: '\u25CF', word: 'Low risk' },
  none: { icon: '\u25CB', word: 'No known transfers' },
};

export interface RiskBadgeProps {
  level: Level;
  small?: boolean;
}

/** Icon, word and colour together: the level never depends on colour alone. */
export function RiskBadge({ level, small }: RiskBadgeProps) {
  const look = LOOK[level];
  return (
    <span class={`risk-badge risk-${level}${small ? ' risk-small' : ''}`} data-testid="risk-badge" data-level={level}>
      <span aria-hidden="true">{look.icon}</span> {look.word}
    </span>
  );
}
