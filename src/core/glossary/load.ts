import type { Anaphor, Entry } from './schema.ts';
import { glossaryFiles } from './data/index.ts';

// Type-only schema import on purpose: valibot stays out of the content-script bundle. The data is
// validated by tests/unit/glossary.test.ts and the build, never at runtime.

export const glossary: Entry[] = glossaryFiles.flatMap((file) => file.entries);

export const anaphora: Anaphor[] = glossaryFiles.flatMap((file) => file.anaphora ?? []);

export const entryById: ReadonlyMap<string, Entry> = new Map(glossary.map((entry) => [entry.id, entry]));
