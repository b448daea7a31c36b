import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { makeEncoderModel } from '../fixtures/makeEncoderModel';
import { expect, test } from './studio';

test.beforeEach(async ({ page, studio }) => {
  await page.goto(studio.url);
  // Idle after the first index (the status starts idle before indexing begins).
  await expect(page.getByTestId('index-status')).toContainText(/[1-9]\d* chunks/, { timeout: 30_000 });
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
});

test('without a model, vector and hybrid are off and say why; the notice offers a model', async ({
  page,
  workspace,
}) => {
  await page.getByRole('button', { name: 'Playground' }).click();
  const notice = page.getByTestId('model-notice');
  await expect(notice).toContainText(`No embedding model in ${path.join(workspace.ws, 'no-model-here')}`);
  const mode = page.getByLabel('Mode', { exact: true });
  await expect(mode).toHaveValue('lexical');
  for (const name of ['Vector', 'Hybrid']) {
    const option = mode.locator('option', { hasText: name });
    await expect(option).toBeDisabled();
    await expect(option).toHaveAttribute('title', /embedding model/);
  }
  await page.getByLabel('Ask what a customer would ask…').fill('refund');
  await expect(page.getByTestId('scores').first()).toContainText('BM25 #1');
  await expect(page.getByTestId('scores').filter({ hasText: 'vector #' })).toHaveCount(0);

  const folder = notice.getByLabel('Model folder');
  const empty = path.join(workspace.dir, 'empty-folder');
  await mkdir(empty);
  await folder.fill(empty);
  await notice.getByRole('button', { name: 'Use this folder' }).click();
  await expect(notice.getByRole('alert')).toContainText('Please check what you entered.');
  await expect(notice.getByRole('alert')).toContainText('config.json, tokenizer.json, onnx/model.onnx missing');

  const model = await makeEncoderModel(path.join(workspace.dir, 'model'));
  await folder.fill(model);
  await notice.getByRole('button', { name: 'Use this folder' }).click();
  // The studio loads the chosen model at once: the notice goes, vector and hybrid come back, vectors fill in.
  await expect(mode.locator('option', { hasText: 'Vector' })).toBeEnabled({ timeout: 30_000 });
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('index-status')).toContainText('vectors', { timeout: 60_000 });
  await mode.selectOption('hybrid');
  await expect(page.getByTestId('scores').filter({ hasText: 'vector #' }).first()).toBeVisible({ timeout: 60_000 });
});

test('downloading a model without a network ends in a clear error, not a hang', async ({ page }) => {
  await page.getByRole('button', { name: 'Playground' }).click();
  const notice = page.getByTestId('model-notice');
  await notice.getByRole('button', { name: /Download Xenova\// }).click();
  // The button is disabled while the download runs, but without a network that may last only
  // milliseconds; what matters is the error that follows and a button that works again.
  const alert = notice.getByRole('alert');
  await expect(alert).toContainText('The embedding model could not be found or downloaded.', { timeout: 90_000 });
  await expect(alert).toContainText('Without a network, copy the model folder');
  await expect(notice.getByRole('button', { name: /Download/ })).toBeEnabled();
});

test('the zh-CN studio shows the no-model notice and the disabled modes in Chinese', async ({ page }) => {
  await page.getByLabel('Interface language').selectOption('zh-CN');
  await page.getByRole('button', { name: '检索演练' }).click();
  const notice = page.getByTestId('model-notice');
  await expect(notice).toContainText('中没有嵌入模型：目前只能关键词检索。');
  await expect(notice).not.toContainText('No embedding model');
  await expect(notice.getByRole('button', { name: /下载/ })).toBeVisible();
  await expect(page.getByLabel('模式', { exact: true }).locator('option', { hasText: '向量' })).toBeDisabled();
  await expect(page.getByLabel('模式', { exact: true }).locator('option', { hasText: '向量' })).toHaveAttribute(
    'title',
    '需要嵌入模型，但尚未安装',
  );
});
