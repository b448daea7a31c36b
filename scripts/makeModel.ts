// Write a random-weight BERT-style encoder that transformers.js can load: npx tsx scripts/makeModel.ts <dir> [tiny|minilm]
import { makeEncoderModel, shapes } from '../tests/fixtures/makeEncoderModel.js';

const [dir, shape = 'tiny'] = process.argv.slice(2);
if (!dir || !(shape in shapes)) {
  process.stderr.write('usage: npx tsx scripts/makeModel.ts <dir> [tiny|minilm]\n');
  process.exit(2);
}
await makeEncoderModel(dir, shapes[shape as keyof typeof shapes]);
process.stdout.write(`Wrote a ${shape} encoder to ${dir}\n`);
