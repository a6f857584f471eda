import { useState } from 'preact/hooks';
import { RESIDENCES, type Residence } from '@/data/assess/residence';
import { useT } from './i18n';
import { RESIDENCE_LABEL } from './residence-labels';

export interface WelcomeProps {
  /** The time zone's guess, preselected; the user's answer replaces it. */
  guess: Residence;
  /** The browser's time zone, named so the user sees where the guess came from. */
  timeZone: string | undefined;
  onAnswer: (residence: Residence) => void;
}

/** The first question after install: where the user lives decides which rules (and adequacy list) apply. */
export function Welcome({ guess, timeZone, onAnswer }: WelcomeProps) {
  const t = useT();
  const [choice, setChoice] = useState<Residence>(guess);
  return (
    <section aria-labelledby="h-welcome" class="welcome" data-testid="welcome">
      <h2 id="h-welcome">{t('welcomeTitle')}</h2>
      <p>{t('welcomeIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onAnswer(choice);
        }}
      >
        <fieldset>
          <legend>{t('welcomeQuestion')}</legend>
          {RESIDENCES.map((r) => (
            <div>
              <label>
                <input type="radio" name="residence" value={r} data-testid={`welcome-${r}`} checked={choice === r} onChange={() => setChoice(r)} />{' '}
                {t(RESIDENCE_LABEL[r])}
              </label>
            </div>
          ))}
        </fieldset>
        <p class="muted" data-testid="welcome-guess">
          {timeZone ? t('welcomeGuess', [timeZone]) : t('welcomeGuessNone')}
        </p>
        <button type="submit" data-testid="welcome-save">
          {t('welcomeSave')}
        </button>
      </form>
    </section>
  );
}
