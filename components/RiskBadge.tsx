import type { Level } from '@/data/risk';

const LOOK: Record<Level, { icon: string; word: string }> = {
  high: { icon: '⚠', word: 'High risk' },
  medium: { icon: '▲', word: 'Medium risk' },
  low: { icon: '●', word: 'Low risk' },
  none: { icon: '○', word: 'No known transfers' },
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

/** The short words the log uses in its risk column: one per level, with the same icon as the badge. */
export const RISK_WORD: Record<Level, string> = { high: 'high', medium: 'medium', low: 'low', none: 'none' };
export const riskIcon = (level: Level) => LOOK[level].icon;
