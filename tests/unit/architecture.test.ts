import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: 'src/build/eslint.config.js' });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the dependency rule is enforced by lint', () => {
  it('fails core importing browser code', async () => {
    expect(await ruleIdsFor('src/core/probe.ts', "import { RegLensDb } from '../background/db.ts';\nexport const x = RegLensDb;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor('src/core/probe.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('fails core touching browser globals', async () => {
    expect(await ruleIdsFor('src/core/probe.ts', 'export const title = document.title;\n')).toContain('no-restricted-globals');
  });

  it('fails one entry folder importing another', async () => {
    expect(await ruleIdsFor('src/popup/probe.ts', "import { measure } from '../content/timing.ts';\nexport const x = measure;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('fails a content script opening the database (it would be the page\'s IndexedDB)', async () => {
    expect(await ruleIdsFor('src/content/probe.ts', "import { RegLensDb } from '../storage/db.ts';\nexport const x = RegLensDb;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('allows entry folders to import core and messaging', async () => {
    expect(await ruleIdsFor('src/content/probe.ts', "import { request } from '../messaging/client.ts';\nexport const x = request;\n")).toEqual([]);
  });

  it('fails innerHTML anywhere', async () => {
    expect(await ruleIdsFor('src/content/probe.ts', 'export const set = (el: Element, s: string) => { el.innerHTML = s; };\n')).toContain(
      'no-restricted-syntax',
    );
  });
});
