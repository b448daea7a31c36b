import type { BulkResult, BulkValues, RouteInput } from '../../main/api/index.js';
import { call } from '../api/client';
import { i18next } from '../i18n';
import { useEditorStore } from '../stores/useEditorStore';
import { reportReviewError } from '../stores/useIdentityStore';
import { useLibraryStore } from '../stores/useLibraryStore';
import { useReviewStore } from '../stores/useReviewStore';
import { showError, useToastStore } from '../stores/useToastStore';

/** The core changes at most this many articles in one call. */
export const maxBulk = 500;

export type BulkChange = RouteInput<'articles.bulkUpdate'>['change'];

const toast = (kind: 'info' | 'error', text: string, action?: { label: string; run: () => void }) =>
  useToastStore.getState().show(kind, text, action);

function applied(result: BulkResult) {
  useLibraryStore.getState().upsertMany(result.articles);
}

/** "Title: reason; Title: reason; and 2 more" for failures that name their article. */
function listFailures(failures: { id: string; reason: string }[]): string {
  const titles = new Map(useLibraryStore.getState().articles.map((a) => [a.id, a.title]));
  const shown = failures.slice(0, 3).map((f) => `${titles.get(f.id) ?? f.id}: ${f.reason}`);
  const more = failures.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; ${i18next.t('library.bulk.andMore', { count: more })}` : '');
}

/**
 * Change the front matter of the chosen articles in one call; the toast (`done`) offers Undo, which
 * puts every article's previous values back in one call. Resolves to whether it worked.
 */
export async function changeArticles(ids: string[], change: BulkChange, done: string): Promise<boolean> {
  // Save the open article's pending edits first, so the change builds on them and the editor reloads.
  await useEditorStore.getState().flush();
  const res = await call('articles.bulkUpdate', { ids, change });
  if (!res.ok) {
    showError(res.error);
    return false;
  }
  applied(res.data);
  toast('info', done, { label: i18next.t('library.bulk.undo'), run: () => void undo(res.data.previous) });
  return true;
}

async function undo(previous: BulkValues[]): Promise<void> {
  await useEditorStore.getState().flush();
  const res = await call('articles.bulkRestore', { articles: previous });
  if (!res.ok) return showError(res.error);
  applied(res.data);
  toast('info', i18next.t('library.bulk.undone', { count: previous.length }));
}

/** Submit each chosen article for review (signed, one at a time); stops when nobody is signed in. */
export async function submitArticles(ids: string[]): Promise<void> {
  await useEditorStore.getState().flush();
  const failures: { id: string; reason: string }[] = [];
  let submitted = 0;
  for (const id of ids) {
    const res = await call('review.submit', { id });
    if (res.ok) submitted++;
    else if (res.error.code === 'SIGN_IN_REQUIRED') {
      reportReviewError(res.error);
      break;
    } else failures.push({ id, reason: res.error.message });
  }
  await useReviewStore.getState().refresh(ids);
  if (submitted > 0) toast('info', i18next.t('library.bulk.submitted', { count: submitted }));
  if (failures.length > 0)
    toast('error', `${i18next.t('library.bulk.notSubmitted', { count: failures.length })} ${listFailures(failures)}`);
}

/** Re-verify the chosen approved articles in one call; the ones that cannot be are named. */
export async function reverifyArticles(ids: string[]): Promise<void> {
  const results = await useReviewStore.getState().act('review.reverify', { ids });
  if (!results) return;
  const ok = results.filter((r) => r.ok).length;
  const failures = results.filter((r) => !r.ok).map((r) => ({ id: r.id, reason: r.reason ?? '' }));
  if (ok > 0) toast('info', i18next.t('review.reverified', { count: ok }));
  if (failures.length > 0)
    toast('error', `${i18next.t('library.bulk.notReverified', { count: failures.length })} ${listFailures(failures)}`);
}
