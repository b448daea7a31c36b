import { create } from 'zustand';
import type { ApiError } from '../../main/api/contract';
import { i18next } from '../i18n';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show(kind: Toast['kind'], text: string, action?: Toast['action']): void;
  dismiss(id: number): void;
}

let next = 1;

export const useToastStore = create<ToastState>((set) => ({
  toasts: [],
  show(kind, text, action) {
    const id = next++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text, action }] }));
    setTimeout(
      () => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
      kind === 'error' || action ? 8000 : 3000,
    );
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Show an API error as a toast, with the UNAUTHORIZED case explained. */
export function showError(error: ApiError): void {
  const text = error.code === 'UNAUTHORIZED' ? i18next.t('errors.unauthorized') : error.message;
  useToastStore.getState().show('error', text);
}
