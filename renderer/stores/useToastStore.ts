import { create } from 'zustand';
import type { ApiError } from '../../main/api/index.js';
import { i18next } from '../i18n';
import { noticePlace } from '../shell/routes';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void };
  /** The place (URL path) the studio was at when it was shown: a notice belongs to it. */
  place: string;
}

interface ToastState {
  toasts: Toast[];
  /** Show a toast; an older one with the same kind and text goes away. */
  show(kind: Toast['kind'], text: string, action?: Toast['action']): void;
  dismiss(id: number): void;
  /** Keep a toast up while the pointer is on it. */
  hold(id: number): void;
  release(id: number): void;
  /**
   * Plain notices belong to the place they were shown at: moving to `place` drops the others.
   * Errors and offers (Undo) stay.
   */
  dismissInfo(place: string): void;
}

export const toastLifetime = { info: 4000, error: 8000, action: 8000 };
const maxToasts = 4;

let next = 1;

/**
 * Where the studio is (its hash route). Navigation writes the URL at once and renders later, so a
 * notice shown right after moving somewhere ("Draft created") is read as belonging to the new place.
 */
const currentPlace = () => noticePlace(globalThis.location?.hash.replace(/^#/, '').split('?')[0] || '/');
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function stopTimer(id: number) {
  clearTimeout(timers.get(id));
  timers.delete(id);
}

export const useToastStore = create<ToastState>((set, get) => {
  const drop = (remove: (t: Toast) => boolean) => {
    const gone = get().toasts.filter(remove);
    gone.forEach((t) => stopTimer(t.id));
    if (gone.length > 0) set((s) => ({ toasts: s.toasts.filter((t) => !gone.includes(t)) }));
  };
  const startTimer = (toast: Toast) => {
    stopTimer(toast.id);
    const ms = toast.action ? toastLifetime.action : toastLifetime[toast.kind];
    timers.set(
      toast.id,
      setTimeout(() => get().dismiss(toast.id), ms),
    );
  };
  return {
    toasts: [],
    show(kind, text, action) {
      const toast: Toast = { id: next++, kind, text, action, place: currentPlace() };
      drop((t) => t.kind === kind && t.text === text);
      const shown = get().toasts;
      drop((t) => shown.indexOf(t) < shown.length - (maxToasts - 1));
      set((s) => ({ toasts: [...s.toasts, toast] }));
      startTimer(toast);
    },
    dismiss: (id) => drop((t) => t.id === id),
    hold: stopTimer,
    release(id) {
      const toast = get().toasts.find((t) => t.id === id);
      if (toast) startTimer(toast);
    },
    dismissInfo: (place) => drop((t) => t.kind === 'info' && !t.action && t.place !== place),
  };
});

/** Show an API error as a toast: the code in the UI's language, the server's message as detail. */
export function showError(error: ApiError): void {
  const text =
    error.code === 'UNAUTHORIZED'
      ? i18next.t('errors.unauthorized')
      : `${i18next.t(`errorCode.${error.code}`)} ${error.message}`;
  useToastStore.getState().show('error', text);
}
