// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES_EN, type MessageKey } from '../../src/ui/i18n-messages.ts';
import { t } from '../../src/ui/i18n.ts';
import { Library } from '../../src/ui/library/Library.tsx';
import { MemoryHighlightStore } from '../../src/ui/library/memory-store.ts';

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type LocaleFile = Record<string, LocaleEntry>;

const locale = (name: string) => JSON.parse(readFileSync(resolve(process.cwd(), `public/_locales/${name}/messages.json`), 'utf8')) as LocaleFile;
const en = locale('en');
const zh = locale('zh_CN');

/** chrome.i18n.getMessage as the browsers implement it: named placeholders, then $1..$9. */
function getMessageFrom(file: LocaleFile) {
  return (key: string, substitutions?: string | string[]) => {
    const entry = file[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
      .replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}

const substitutionsIn = (text: string) => [...new Set([...text.matchAll(/\$([1-9])/g)].map((m) => m[1]))].sort();
const keys = Object.keys(MESSAGES_EN) as MessageKey[];
const g = globalThis as { chrome?: unknown };

afterEach(() => {
  delete g.chrome;
});

describe('locale files', () => {
  it('keep the extension name and description', () => {
    for (const file of [en, zh]) expect(Object.keys(file)).toEqual(expect.arrayContaining(['extName', 'extDescription']));
  });

  it.each(keys)('has %s in English and Simplified Chinese with the same substitutions', (key) => {
    const english = getMessageFrom(en)(key, ['$1', '$2', '$3']);
    expect(english).toBe(MESSAGES_EN[key].replace(/\$\$/g, '$'));
    const chinese = zh[key];
    expect(chinese, `zh_CN lacks ${key}`).toBeDefined();
    const placeholderContents = Object.values(chinese!.placeholders ?? {}).map((p) => p.content.slice(1));
    const used = substitutionsIn(getMessageFrom(zh)(key, ['$1', '$2', '$3']));
    expect(used).toEqual(substitutionsIn(MESSAGES_EN[key]));
    expect(placeholderContents.sort()).toEqual(substitutionsIn(MESSAGES_EN[key]));
  });

  it('translates into Chinese rather than copying English', () => {
    const untranslated = keys.filter((key) => zh[key]!.message === en[key]!.message && !/^\$\w+\$ · \$\w+\$$/.test(en[key]!.message));
    expect(untranslated).toEqual([]);
  });
});

describe('t()', () => {
  it('falls back to English with substitutions when there is no browser API', () => {
    expect(t('library_count_filtered_other', 3, 10)).toBe('3 of 10 highlights shown');
  });

  it("uses the browser's message and falls back when the browser has none", () => {
    g.chrome = { i18n: { getMessage: getMessageFrom({ ...zh, library_undo: { message: '' } }) } };
    expect(t('library_count_filtered_other', 3, 10)).toBe('显示 3 条，共 10 条标注');
    expect(t('library_undo')).toBe('Undo');
  });
});

describe('the Library in Simplified Chinese', () => {
  it('shows its controls in Chinese', async () => {
    g.chrome = { i18n: { getMessage: getMessageFrom(zh), getUILanguage: () => 'zh-CN' } };
    const container = document.createElement('div');
    document.body.append(container);
    const store = new MemoryHighlightStore([
      {
        id: '00000000-0000-4000-8000-000000000001',
        url: 'https://www.caixin.com/pboc',
        title: '央行降准',
        site: 'www.caixin.com',
        created: Date.UTC(2024, 1, 5),
        updated: Date.UTC(2024, 1, 5),
        color: 'yellow',
        note: '',
        tags: [],
        entities: ['pboc'],
        selectors: { quote: { exact: '中国人民银行决定下调存款准备金率', prefix: '', suffix: '' }, position: { start: 0, end: 16 } },
      },
    ]);
    await act(() => render(<Library store={store} entityName={() => '中国人民银行'} onOpen={() => {}} searchDelay={0} />, container));
    for (let i = 0; i < 50 && !container.querySelector('.library[aria-busy="false"]'); i++) await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
    expect(container.querySelector('input[type="search"]')!.getAttribute('placeholder')).toBe('搜索摘录、笔记、标题和标签');
    expect(container.querySelector('.lib-count')!.textContent).toBe('1 条标注');
    expect(container.querySelector('.lib-article-meta')!.textContent).toMatch(/^www\.caixin\.com · 2024年2月5日$/);
    expect([...container.querySelectorAll('.lib-actions button')].map((b) => b.textContent)).toEqual(['编辑', '删除']);
    render(null, container);
    container.remove();
  });
});
