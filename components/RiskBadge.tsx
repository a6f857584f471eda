import type { MessageKey } from '@/data/i18n/translator';
import type { Level } from '@/data/assess/risk';
import { useT } from './i18n';

const LOOK: Record<Level, { icon: string; word: MessageKey }> = {
  high: { icon: '⚠', word: 'levelHigh' },
  medium: { icon: '▲', word: 'levelMedium' },
  low: { icon: '●', word: 'levelLow' },
  none: { icon: '○', word: 'levelNone' },
};

export interface RiskBadgeProps {
  level: Level;
  small?: boolean;
}

/** Icon, word and colour together: the level never depends on colour alone. */
export function RiskBadge({ level, small }: RiskBadgeProps) {
  const t = useT();
  const look = LOOK[level];
  return (
    <span class={`risk-badge risk-${level}${small ? ' risk-small' : ''}`} data-testid="risk-badge" data-level={level}>
      <span aria-hidden="true">{look.icon}</span> {t(look.word)}
    </span>
  );
}

/** The short words the log uses in its risk column: one per level, with the same icon as the badge. */
export const RISK_WORD: Record<Level, MessageKey> = { high: 'riskWordHigh', medium: 'riskWordMedium', low: 'riskWordLow', none: 'riskWordNone' };
export const riskIcon = (level: Level) => LOOK[level].icon;
