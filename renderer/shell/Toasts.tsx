import { useEffect } from 'react';
import { useEditorStore } from '../stores/useEditorStore';
import { useToastStore } from '../stores/useToastStore';

/** The toast stack; `route` names the current view, and changing it (or the open article) clears notices. */
export function Toasts({ route }: { route?: string }) {
  const toasts = useToastStore((s) => s.toasts);
  const { dismiss, hold, release, dismissInfo } = useToastStore.getState();
  const articleId = useEditorStore((s) => s.article?.id);
  useEffect(() => dismissInfo(), [route, articleId, dismissInfo]);
  return (
    <div className="toasts" aria-live="assertive">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast ${toast.kind}`}
          role={toast.kind === 'error' ? 'alert' : 'status'}
          onClick={() => dismiss(toast.id)}
          onMouseEnter={() => hold(toast.id)}
          onMouseLeave={() => release(toast.id)}
        >
          {toast.text}
          {toast.action && (
            <button type="button" className="toast-action" onClick={toast.action.run}>
              {toast.action.label}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
