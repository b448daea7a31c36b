import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';

function ViewFailed({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  return (
    <div className="view-failed" role="alert" data-testid="view-failed">
      <p>{t('app.viewFailed')}</p>
      <pre className="muted">{error instanceof Error ? error.message : String(error)}</pre>
      <div className="dialog-actions">
        <button type="button" onClick={resetErrorBoundary}>
          {t('app.tryAgain')}
        </button>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    </div>
  );
}

/**
 * A failure while drawing one part of the studio shows there, with a way back; the top bar and the
 * other parts go on working (without a boundary React unmounts the whole studio and leaves it blank).
 * `resetKey` clears the failure when it changes, e.g. on moving to another view.
 */
export function ViewBoundary({ children, resetKey }: { children: ReactNode; resetKey?: unknown }) {
  return (
    <ErrorBoundary
      FallbackComponent={ViewFailed}
      resetKeys={[resetKey]}
      onError={(error) => console.error('A view failed to draw:', error)}
    >
      {children}
    </ErrorBoundary>
  );
}
