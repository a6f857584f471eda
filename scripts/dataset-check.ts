// `npm run dataset:check [-- FILE]`: the one validator over the bundled dataset or FILE; one line per problem.
import { readFileSync } from 'node:fs';
import { parseDatasetText } from '../data/dataset/parse';
import { datasetCounts } from '../data/dataset/schema';

const file = process.argv[2] ?? 'data/dataset.json';
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  console.error(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  process.exit(2);
}
const result = parseDatasetText(text);
if (!result.ok) {
  for (const p of result.problems) console.error(`${file}: ${p}`);
  console.error(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
const c = datasetCounts(result.dataset);
const adequacy = result.dataset.reference.euAdequacy.map((a) => a.country + (a.coverage === 'partial' ? '(partial)' : '')).join(' ');
console.log(
  `${file}: OK \u2014 version ${result.dataset.version} (${result.dataset.date}): ${c.companies} companies, ${c.domains} domain entries, ` +
    `${c.destinations} destinations, ${c.actions} actions, ${c.certifications} certifications, ${c.eea} EEA members, ${c.adequacy} adequacy decisions [${adequacy}], ` +
    `${c.authorities} authorities`,
);
