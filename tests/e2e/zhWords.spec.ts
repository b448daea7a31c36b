import type { Locator, Page } from '@playwright/test';
import { expect, test } from './studio';

const latin = /[A-Za-z]/;
const englishWords = /sensitive|out.of.scope|low.confidence|extractive|lexical|hybrid|vector|handed off/i;

/** A locator's text with the profile's topic ids (kept as written, in code) left out. */
const textWithoutTopicIds = (locator: Locator) =>
  locator.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('code').forEach((code) => code.remove());
    return copy.textContent ?? '';
  });

/** The console messages of the page from its first load on. */
function consoleOf(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  return messages;
}

async function openInChinese(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await page.getByLabel('Interface language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

async function ask(page: Page, question: string) {
  const box = page.getByLabel('像客户一样提问…');
  await box.fill(question);
  await box.press('Enter');
}

test('hand-offs in the Chinese preview say kind and mode in Chinese, with topic ids only as code', async ({
  page,
  studio,
}) => {
  await openInChinese(page, studio.url);
  await page.getByRole('navigation', { name: 'views' }).getByRole('button', { name: '回答预览' }).click();

  const cases = [
    { question: '我要注销账户', kind: 'sensitive', title: '已转交人工：敏感话题', topic: 'account-closure' },
    { question: '你们公司在招聘吗', kind: 'out-of-scope', title: '已转交人工：超出服务范围', topic: 'jobs' },
    { question: '你们卖宠物床吗', kind: 'low-confidence', title: '已转交人工：把握不足', topic: null },
  ];
  for (const [i, c] of cases.entries()) {
    await ask(page, c.question);
    const answer = page.getByTestId('answer').nth(i);
    const handoff = answer.getByTestId('handoff');
    await expect(handoff).toHaveAttribute('data-kind', c.kind);
    await expect(handoff).toContainText(c.title);
    if (c.topic) await expect(handoff.locator('code.topic-id')).toHaveText(c.topic);
    else await expect(handoff.locator('code')).toHaveCount(0);
    const shown = await textWithoutTopicIds(handoff);
    expect(shown).not.toMatch(englishWords);
    expect(shown).not.toMatch(latin);

    await answer.getByRole('button', { name: '为什么？' }).click();
    const trace = answer.getByTestId('trace');
    await expect(trace.getByTestId('trace-mode')).toHaveText(/^(关键词检索|混合检索|向量检索)$/);
    await expect(trace.getByTestId('trace-provider')).toHaveText('摘录式（离线）');
    // The English detail the core wrote stays here, in the trace, and only here.
    await expect(trace.getByTestId('trace-reason')).toContainText(latin);
    await expect(handoff).not.toContainText(await trace.getByTestId('trace-reason').innerText());
  }
});

test('starting the studio and opening articles logs no i18next notice and no linkify warning', async ({
  page,
  studio,
}) => {
  const messages = consoleOf(page);
  await openInChinese(page, studio.url);
  const rows = page.getByTestId('article-row');
  const body = page.getByTestId('article-body');
  const title = page.locator('.editor-title');

  await rows.nth(0).click();
  await expect(body).toBeVisible();
  // Typing a link runs linkify, so the next editor finds it initialised.
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' https://example.com ');
  await expect(body.locator('a[href="https://example.com"]')).toBeVisible();
  for (const n of [1, 2, 0]) {
    await rows.nth(n).click();
    await expect(rows.nth(n).locator('[aria-current="true"]')).toHaveCount(1);
    await expect(title).toHaveText(await rows.nth(n).locator('.row-title').innerText());
    await expect(body).toBeVisible();
  }

  expect(messages.filter((m) => /already initialized|i18next/i.test(m))).toEqual([]);
});
