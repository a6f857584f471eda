import { useT } from './i18n';

export function LoadingState() {
  const t = useT();
  return (
    <main aria-busy="true" data-testid="loading">
      <p role="status">{t('stateLoading')}</p>
    </main>
  );
}

export interface ErrorStateProps {
  message: string;
  onRetry?: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  const t = useT();
  return (
    <main>
      <div role="alert" data-testid="error">
        <h1>{t('stateErrorTitle')}</h1>
        <p>{message}</p>
      </div>
      {onRetry && (
        <button type="button" onClick={onRetry} data-testid="retry">
          {t('stateRetry')}
        </button>
      )}
    </main>
  );
}

export interface RestrictedStateProps {
  url: string | null;
}

export function RestrictedState({ url }: RestrictedStateProps) {
  const t = useT();
  return (
    <main data-testid="restricted">
      <h1>{t('stateRestrictedTitle')}</h1>
      {url && <p class="muted url">{url}</p>}
      <p>{t('stateRestricted')}</p>
    </main>
  );
}
