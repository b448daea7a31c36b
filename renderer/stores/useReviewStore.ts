import { create } from 'zustand';
import type {
  ArticleReviewView,
  AttentionItem,
  QueueItem,
  Result,
  RouteInput,
  RouteOutput,
} from '../../main/api/index.js';
import { call } from '../api/client';
import { reportReviewError } from './useIdentityStore';
import { showError } from './useToastStore';

type ActionRoute =
  | 'review.submit'
  | 'review.approve'
  | 'review.requestChanges'
  | 'review.comment'
  | 'review.withdraw'
  | 'review.reverify';

interface ReviewState {
  queue: QueueItem[];
  attention: AttentionItem[];
  loaded: boolean;
  /** Records of articles the studio shows, by article id. */
  records: Record<string, ArticleReviewView>;
  load(): Promise<void>;
  loadRecords(id: string): Promise<void>;
  /** Run a signed review action; errors are reported, and the caller gets whether it worked. */
  act<R extends ActionRoute>(route: R, input: RouteInput<R>): Promise<RouteOutput<R> | undefined>;
  /** Reload the queue, attention list and every cached article's records. */
  refresh(ids?: string[]): Promise<void>;
}

let loadSeq = 0;

export const useReviewStore = create<ReviewState>((set, get) => ({
  queue: [],
  attention: [],
  loaded: false,
  records: {},
  async load() {
    const seq = ++loadSeq;
    const [queue, attention] = await Promise.all([call('review.queue', {}), call('review.attention', {})]);
    if (seq !== loadSeq) return;
    if (!queue.ok) return showError(queue.error);
    if (!attention.ok) return showError(attention.error);
    set({ queue: queue.data, attention: attention.data, loaded: true });
  },
  async loadRecords(id) {
    const res = await call('review.records', { id });
    if (res.ok) set((s) => ({ records: { ...s.records, [id]: res.data } }));
    else if (res.error.code !== 'NOT_FOUND') showError(res.error);
  },
  async act(route, input) {
    const res = (await call(route, input)) as Result<RouteOutput<typeof route>>;
    if (!res.ok) {
      reportReviewError(res.error);
      return undefined;
    }
    const ids = 'ids' in input ? (input.ids as string[]) : [(input as { id: string }).id];
    await get().refresh(ids);
    return res.data;
  },
  async refresh(ids) {
    const cached = Object.keys(get().records).filter((id) => !ids?.length || ids.includes(id));
    await Promise.all([get().load(), ...cached.map((id) => get().loadRecords(id))]);
  },
}));
