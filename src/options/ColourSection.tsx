import { COLORS } from '../core/highlights/model.ts';
import type { Settings } from '../messaging/protocol.ts';
import { t } from '../ui/i18n.ts';

export function ColourSection({ settings, onChange }: { settings: Settings; onChange(next: Settings): void }) {
  return (
    <section aria-labelledby="colour-heading">
      <h2 id="colour-heading">{t('options_colour')}</h2>
      <div role="radiogroup" aria-labelledby="colour-heading" class="colour-choices">
        {COLORS.map((color) => (
          <label class="colour-choice" key={color}>
            <input
              type="radio"
              name="default-colour"
              value={color}
              checked={settings.defaultColor === color}
              onChange={() => onChange({ ...settings, defaultColor: color })}
            />
            <span class={`swatch colour-${color}`} aria-hidden="true" />
            {t(`library_color_${color}`)}
          </label>
        ))}
      </div>
    </section>
  );
}
