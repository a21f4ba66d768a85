// Explicit imports (no import.meta.glob under tsx): add a line here for every new data file.
// tests/unit/glossary.test.ts fails when a *.json file in this folder is missing from this list.
import type { GlossaryFile } from '../schema.ts';
import americas from './americas.json' with { type: 'json' };
import asiaPacific from './asia-pacific.json' with { type: 'json' };
import europeWorld from './europe-world.json' with { type: 'json' };
import lawsPhrases from './laws-phrases.json' with { type: 'json' };

// JSON imports type strings as `string`; the schema test guarantees the narrower GlossaryFile shape.
export const glossaryFiles = [asiaPacific, americas, europeWorld, lawsPhrases] as unknown as GlossaryFile[];
