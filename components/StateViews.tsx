const TEXT = {
  loading: 'Loading what this page sent…',
  errorTitle: 'Borderline could not load this tab',
  retry: 'Try again',
  restrictedTitle: 'Borderline cannot look at this page',
  restricted:
    'Browsers do not let extensions observe their own pages (settings, new tab, extensions) or the extension stores, so Borderline has nothing to report here. This is not a verdict about the page.',
};

export function LoadingState() {
  return (
    <main aria-busy="true" data-testid="loading">
      <p role="status">{TEXT.loading}</p>
    </main>
  );
}

export interface ErrorStateProps {
  message: string;
  onRetry?: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  return (
    <main>
      <div role="alert" data-testid="error">
        <h1>{TEXT.errorTitle}</h1>
        <p>{message}</p>
      </div>
      {onRetry && (
        <button type="button" onClick={onRetry} data-testid="retry">
          {TEXT.retry}
        </button>
      )}
    </main>
  );
}

export interface RestrictedStateProps {
  url: string | null;
}

export function RestrictedState({ url }: RestrictedStateProps) {
  return (
    <main data-testid="restricted">
      <h1>{TEXT.restrictedTitle}</h1>
      {url && <p class="muted url">{url}</p>}
      <p>{TEXT.restricted}</p>
    </main>
  );
}
