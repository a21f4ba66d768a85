// Validates knowledge-base files against the schema: `npx tsx src/build/check-glossary.ts [files...]`
// (default: every file in src/core/glossary/data). Prints each problem and exits non-zero on any.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { GlossaryFileSchema } from '../core/glossary/schema.ts';

const dir = 'src/core/glossary/data';
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
let problems = 0;
let entries = 0;
for (const file of files) {
  const result = v.safeParse(GlossaryFileSchema, JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    for (const issue of result.issues.slice(0, 50)) {
      problems++;
      console.error(`${file}: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
    }
  } else entries += result.output.entries.length;
}
console.log(`${files.length} files, ${entries} valid entries, ${problems} problems`);
process.exit(problems ? 1 : 0);
