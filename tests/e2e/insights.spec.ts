import type { Page } from '@playwright/test';
import { expect, test } from './studio';

const answer = (id: string, time: string, question: string, extra: object = {}) =>
  JSON.stringify({
    type: 'answer',
    time,
    conversationId: id,
    snapshot: 's1',
    question,
    answer: 'An answer.',
    handoff: null,
    confidence: 0.82,
    articleIds: [],
    versions: {},
    latencyMs: 120,
    ...extra,
  });
const feedback = (id: string, time: string, extra: object) =>
  JSON.stringify({ type: 'feedback', time, conversationId: id, ...extra });
const cites = (id: string, version: string) => ({ articleIds: [id], versions: { [id]: version } });
const petBed = { handoff: { topic: 'low-confidence', reason: 'No article covers this.' }, confidence: 0.12 };

// 12 conversations over 3 days. Resolved by the agent: c1 c2 c5 c8 c10 c12 = 6/12 = 50%; also unrated
// without a hand-off: c4 c11 = 8/12 = 67%; handed off: c3 c6 c9 = 25%; CSAT (5+4+2+5+2+4+5)/7 = 3.9.
// Savings: 12 × 5 − (12 × 0.25 + 4 × 5) = 37, on 3 spent = 12.3×. The last line is unreadable.
const log = [
  answer('c1', '2026-12-01T09:00:00Z', 'How long does a refund take?', cites('refund-policy', 'a1b2c3d4e5f6')),
  feedback('c1', '2026-12-01T09:01:00Z', { resolved: true, csat: 5 }),
  answer('c2', '2026-12-01T10:00:00Z', 'Where is my order?', cites('order-tracking', '1111111aaaa')),
  feedback('c2', '2026-12-01T10:01:00Z', { resolved: true, csat: 4 }),
  answer('c3', '2026-12-01T11:00:00Z', 'Do you sell pet beds?', petBed),
  feedback('c3', '2026-12-01T11:01:00Z', { csat: 2 }),
  answer('c4', '2026-12-01T12:00:00Z', 'What shipping options are there?', cites('shipping-options', '2222222bbbb')),
  answer('c5', '2026-12-02T09:00:00Z', 'When will my refund arrive?', cites('refund-policy', 'f6e5d4c3b2a1')),
  feedback('c5', '2026-12-02T09:01:00Z', { resolved: true, csat: 5 }),
  answer('c6', '2026-12-02T10:00:00Z', 'Do you have beds for pets?', petBed),
  answer('c7', '2026-12-02T11:00:00Z', 'Can I track my parcel?', cites('order-tracking', '1111111aaaa')),
  feedback('c7', '2026-12-02T11:01:00Z', { resolved: false, csat: 2 }),
  answer('c8', '2026-12-02T12:00:00Z', 'Refund to my card?', cites('refund-policy', 'f6e5d4c3b2a1')),
  feedback('c8', '2026-12-02T12:01:00Z', { resolved: true, csat: 4 }),
  answer('c9', '2026-12-03T09:00:00Z', 'Where can I buy a pet bed?', petBed),
  answer('c10', '2026-12-03T10:00:00Z', 'Is my kettle under warranty?', cites('product-warranty', '3333333cccc')),
  feedback('c10', '2026-12-03T10:01:00Z', { resolved: true, csat: 5 }),
  answer('c11', '2026-12-03T11:00:00Z', 'Has my order shipped?', cites('order-tracking', '1111111aaaa')),
  answer('c12', '2026-12-03T12:00:00Z', 'Refund for a gift?', cites('refund-policy', 'f6e5d4c3b2a1')),
  feedback('c12', '2026-12-03T12:01:00Z', { resolved: true }),
  'not json at all',
].join('\n');

const figure = (page: Page, key: string) => page.locator(`[data-testid="figure"][data-figure="${key}"]`);

async function openInsights(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await page.getByRole('navigation', { name: 'views' }).getByRole('button', { name: 'Insights' }).click();
  await expect(page.getByTestId('insights-view')).toBeVisible();
}

test('a conversation log shows the figures, trends and content gaps, and a gap becomes a draft', async ({
  page,
  studio,
}) => {
  await openInsights(page, studio.url);
  await expect(page.getByText('Open a conversation log or choose a live agent')).toBeVisible();
  await page.getByTestId('insights-file').setInputFiles({
    name: 'conversations-2026-12-01.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(log),
  });

  await expect(figure(page, 'conversations')).toContainText('12');
  await expect(figure(page, 'automated')).toContainText('50%');
  await expect(figure(page, 'assumed')).toContainText('67%');
  await expect(figure(page, 'handoff')).toContainText('25%');
  await expect(figure(page, 'csat')).toContainText('3.9');
  await expect(figure(page, 'savings')).toContainText('$37');
  // Savings are in the currency the team sets, and it stays set.
  await page.getByLabel('Currency').selectOption('CNY');
  await expect(figure(page, 'savings')).toContainText('CN¥37');
  expect(await page.evaluate(() => localStorage.getItem('almanac.insights.currency'))).toBe('CNY');
  await expect(figure(page, 'return')).toContainText('12.3×');
  await expect(page.getByTestId('insights-problems')).toContainText('1 line could not be read');
  await expect(page.getByTestId('insights-problems')).toContainText('line 21');

  await expect(page.getByTestId('chart-trend').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('chart-volume').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('by-article')).toContainText('Refund policy');
  const versions = page.getByTestId('by-version');
  await expect(versions).toContainText('a1b2c3d');
  await expect(versions).toContainText('f6e5d4c');
  await expect(page.getByTestId('by-topic')).toContainText('low-confidence');

  await page.getByRole('tab', { name: /Content gaps/ }).click();
  const gap = page.getByTestId('gap').filter({ hasText: 'Do you sell pet beds?' });
  await expect(gap).toContainText('3 questions');
  await expect(gap).toContainText('Do you have beds for pets?');
  await expect(gap).toContainText('Where can I buy a pet bed?');
  await gap.getByRole('button', { name: 'Create article' }).click();
  await expect(page.locator('.editor-title')).toHaveText(/bed/i);
  await expect(page.getByText('goes through review like any other draft')).toBeVisible();
});

test('the knowledge health check finds no conflicts in the sample', async ({ page, studio }) => {
  await openInsights(page, studio.url);
  await page.getByRole('tab', { name: 'Knowledge health' }).click();
  await expect(page.getByText('Check the knowledge base to find conflicts')).toBeVisible();
  await page.getByRole('button', { name: 'Check the knowledge base' }).click();
  await expect(page.getByTestId('health-clean')).toHaveText('No conflicts or near-duplicates found.', {
    timeout: 30_000,
  });
});

test('English and Chinese questions about one missing topic are one content gap', async ({ page, studio }) => {
  await openInsights(page, studio.url);
  const petFood = [
    answer('p1', '2026-12-01T09:00:00Z', 'Do you sell dog food?', petBed),
    answer('p2', '2026-12-01T10:00:00Z', 'Do you have food for my dog?', petBed),
    answer('p3', '2026-12-01T11:00:00Z', '你们卖狗粮吗？', petBed),
    answer('p4', '2026-12-01T12:00:00Z', '有没有狗粮卖？', petBed),
    answer('p5', '2026-12-01T13:00:00Z', 'Can I pay with bitcoin?', petBed),
  ].join('\n');
  await page.getByTestId('insights-file').setInputFiles({
    name: 'conversations-2026-12-01.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(petFood),
  });
  await page.getByRole('tab', { name: /Content gaps/ }).click();
  const gap = page.getByTestId('gap').filter({ hasText: '你们卖狗粮吗？' });
  await expect(gap).toContainText('4 questions');
  await expect(gap).toContainText('Do you sell dog food?');
  await expect(page.getByTestId('gap').filter({ hasText: 'bitcoin' })).not.toContainText('狗粮');
});
