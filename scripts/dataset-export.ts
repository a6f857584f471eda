// `npm run dataset:export -- FILE`: the bundled dataset as one JSON document that `dataset:check` and updates accept.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDatasetText } from '../data/dataset/parse';

const out = process.argv[2];
if (!out) {
  console.error('usage: npm run dataset:export -- FILE');
  process.exit(2);
}
const result = parseDatasetText(readFileSync('data/dataset.json', 'utf8'));
if (!result.ok) {
  for (const p of result.problems) console.error(`data/dataset.json: ${p}`);
  process.exit(1);
}
writeFileSync(out, `${JSON.stringify(result.dataset, null, 2)}\n`);
console.log(`wrote ${out}`);
