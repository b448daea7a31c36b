import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './studio';

const previewView = (page: Page) =>
  page.getByRole('navigation', { name: 'views' }).getByRole('button', { name: 'Preview' });

async function openPreview(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await previewView(page).click();
}

async function ask(page: Page, question: string) {
  const box = page.getByLabel('Ask what a customer would ask…');
  await box.fill(question);
  await box.press('Enter');
}

test('an answer cites the refund policy, explains itself, takes feedback and opens the cited passage', async ({
  page,
  studio,
}) => {
  await openPreview(page, studio.url);
  await expect(page.getByRole('button', { name: '退款多久能到账？' })).toBeVisible();
  await ask(page, 'How long does a refund take to reach my card?');

  const answer = page.getByTestId('answer').last();
  await expect(answer.getByTestId('answer-text')).toContainText(/Credit and debit cards.*: 5–10 business days/);
  const citation = answer.getByTestId('citation').filter({ hasText: 'Refund policy' }).first();
  await expect(citation).toBeVisible();
  await expect(answer.getByRole('button', { name: /^Source \d+: Refund policy$/ }).first()).toBeVisible();

  await answer.getByRole('button', { name: 'Why?' }).click();
  const trace = answer.getByTestId('trace');
  await expect(trace).toContainText('How long does a refund take to reach my card?');
  const rows = trace.getByTestId('trace-chunks').locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(2);
  await expect(rows.first()).toContainText('refund-policy');

  const comment = 'It should give the card refund time straight away.';
  await answer.getByRole('button', { name: 'Not helpful' }).click();
  await answer.getByLabel('Comment (optional)').fill(comment);
  await answer.getByLabel('Which article should have answered?').selectOption('refund-policy');
  await answer.getByRole('button', { name: 'Send feedback' }).click();
  await expect(answer.getByTestId('feedback-saved')).toHaveText('Thanks — saved');

  await citation.click();
  await expect(page.locator('.editor-title')).toHaveText('Refund policy');
  const highlight = page.locator('.passage-highlight').first();
  await expect(highlight).toBeVisible();
  const highlighted = async () => (await page.locator('.passage-highlight').allInnerTexts()).join(' ');
  await expect.poll(highlighted).toMatch(/refund/i);

  const panel = page.getByTestId('article-feedback');
  await expect(panel).toContainText('Answer feedback on this article');
  await expect(panel).toContainText(comment);
  await expect(panel).toContainText('How long does a refund take to reach my card?');
});

test('a sensitive question hands off; compare answers the same question from drafts and from approved articles', async ({
  page,
  studio,
}) => {
  await openPreview(page, studio.url);
  await ask(page, 'please close my account');
  const handoff = page.getByTestId('handoff');
  await expect(handoff).toBeVisible();
  await expect(handoff).toContainText('account-closure');
  await expect(handoff).toHaveAttribute('role', 'alert');

  await page.getByRole('button', { name: 'New conversation' }).click();
  await expect(page.getByTestId('exchange')).toHaveCount(0);
  await page.getByLabel('Compare: working drafts | approved only').check();
  await expect(page.getByTestId('chat-column')).toHaveCount(2);
  await ask(page, 'How long does a refund take to reach my card?');
  for (const against of ['drafts', 'approved']) {
    const column = page.locator(`[data-testid="chat-column"][data-against="${against}"]`);
    await expect(column.getByTestId('citation').filter({ hasText: 'Refund policy' }).first()).toBeVisible();
    await column.getByRole('button', { name: 'Why?' }).click();
    await expect(column.getByTestId('trace')).toContainText(against === 'drafts' ? 'Working drafts' : 'Approved only');
  }
});

test('an OpenAI-compatible provider streams its answer into the preview, and an unsupported sentence is marked', async ({
  page,
  studio,
}) => {
  const pieces = [
    'Card refunds reach you in ',
    '5–10 business days [1]. ',
    'Every customer also gets a free lamp [1].',
  ];
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const send = (content: string) =>
        res.write(`data: ${JSON.stringify({ model: 'fake', choices: [{ delta: { content } }] })}\n\n`);
      // The hand-off check asks the model to route the message first; this model finds no topic.
      const { messages } = JSON.parse(Buffer.concat(body).toString()) as { messages: { content: string }[] };
      if (messages[0]!.content.startsWith('You route messages')) {
        send('{"topic": "none"}');
        return res.end('data: [DONE]\n\n');
      }
      send(pieces[0]!);
      send(pieces[1]!);
      // The rest waits until the test has seen the first pieces on screen.
      void held.then(() => {
        send(pieces[2]!);
        res.end('data: [DONE]\n\n');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await openPreview(page, studio.url);
    await page.getByLabel('Answer provider').selectOption('openai');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Base URL').fill(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
    await dialog.getByLabel('Model').fill('fake');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await ask(page, 'How long does a refund take to reach my card?');
    const answer = page.getByTestId('answer').last();
    await expect(answer).toContainText('5–10 business days');
    await expect(answer).not.toContainText('free lamp');
    release();
    await expect(answer.getByTestId('answer-text')).toContainText('free lamp');
    await expect(answer.locator('.unsupported')).toContainText('free lamp');
    await expect(answer.locator('.unsupported')).not.toContainText('5–10');
    await answer.getByRole('button', { name: 'Why?' }).click();
    await expect(answer.getByTestId('trace-model-intent')).toContainText('no hand-off topic');
  } finally {
    release();
    server.close();
  }
});

test('when the provider does not answer, the preview shows the extractive answer and says so, as the live agent would', async ({
  page,
  studio,
}) => {
  // A port nothing listens on any more: the provider cannot be reached.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await openPreview(page, studio.url);
  await page.getByLabel('Answer provider').selectOption('openai');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Base URL').fill(`http://127.0.0.1:${port}/v1`);
  await dialog.getByLabel('Model').fill('fake');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await ask(page, 'How long does a refund take to reach my card?');
  const answer = page.getByTestId('answer').last();
  await expect(answer.getByTestId('provider-fallback')).toContainText('did not answer');
  await expect(answer.getByTestId('answer-text')).toContainText('5–10 business days');
  await expect(answer.getByTestId('citation').first()).toBeVisible();
});
