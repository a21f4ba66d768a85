import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';

export interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

export function ShortcutsSection({ shortcuts }: { shortcuts(): Promise<Shortcut[]> }) {
  const [list, setList] = useState<Shortcut[]>([]);
  useEffect(() => void shortcuts().then(setList, () => setList([])), []);
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('options_shortcuts')}</h2>
      <table class="shortcuts">
        <tbody>
          {list.map((command) => (
            <tr key={command.name}>
              <td>{command.description}</td>
              <td>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="muted">{t('options_shortcut_unset')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('options_shortcuts_change')}</p>
    </section>
  );
}
