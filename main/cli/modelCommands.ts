import type { Command } from 'commander';
import { emit, table } from './output.js';
import type { CliConfig } from './CliConfig.js';

export function registerModelCommands(program: Command, config: CliConfig): void {
  const model = program.command('model').description('on-device embedding models');
  model
    .command('install <id>')
    .description('download a model from the Hugging Face hub into the model folder (needs a network)')
    .option('--model-dir <dir>', 'model folder root (default: ALMANAC_MODEL_DIR or resources/models)')
    .option('--hub <url>', 'a Hugging Face hub mirror (default: https://huggingface.co/)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { modelDir?: string; hub?: string; json?: boolean }) => {
      const root = opts.modelDir ?? config.modelDir;
      const { installModel } = await import('../embedding/index.js');
      const location = await installModel(id, root, {
        hub: opts.hub,
        onProgress: (p) => {
          if (!opts.json && process.stderr.isTTY)
            process.stderr.write(`\r${p.file}: ${p.total ? Math.round((p.loaded / p.total) * 100) : 0}%   `);
        },
      });
      if (!opts.json && process.stderr.isTTY) process.stderr.write('\n');
      emit(opts, location, () => `Installed ${location.id} (${location.dtype}) in ${location.dir}.`);
    });
  model
    .command('status')
    .description('which known models are installed in the model folder')
    .option('--model-dir <dir>', 'model folder root (default: ALMANAC_MODEL_DIR or resources/models)')
    .option('--json', 'print JSON')
    .action(async (opts: { modelDir?: string; json?: boolean }) => {
      const root = opts.modelDir ?? config.modelDir;
      // transformers.js loads only for model commands, so the others start fast.
      const { findModel, knownModels } = await import('../embedding/index.js');
      const direct = findModel(root);
      const rows = knownModels.map((m) => ({
        id: m.id,
        installed: Boolean(findModel(root, m.id)),
        dimension: m.dimension,
        queryPrefix: m.queryPrefix,
      }));
      emit(opts, { root, modelFolder: direct ?? null, models: rows }, () =>
        [
          `Model folder: ${root}${direct ? ` (itself a model: ${direct.id}, ${direct.dtype})` : ''}`,
          table([
            ['MODEL', 'INSTALLED', 'DIM'],
            ...rows.map((r) => [r.id, r.installed ? 'yes' : 'no', String(r.dimension)]),
          ]),
          rows.some((r) => r.installed) || direct
            ? ''
            : 'No model installed: search is lexical. Install one with: almanac model install Xenova/multilingual-e5-small',
        ].join('\n'),
      );
    });
}
