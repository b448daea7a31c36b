import { useEffect } from 'react';
import { useToastStore } from '../stores/useToastStore';

/** The toast stack; `place` is the studio's URL path, and moving to another place clears the notices of the others. */
export function Toasts({ place }: { place: string }) {
  const toasts = useToastStore((s) => s.toasts);
  const { dismiss, hold, release, dismissInfo } = useToastStore.getState();
  useEffect(() => dismissInfo(place), [place, dismissInfo]);
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
