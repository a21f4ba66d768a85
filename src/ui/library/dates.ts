/**
 * `<input type="date">` speaks `YYYY-MM-DD` in the reader's own calendar; highlights carry epoch ms.
 * A "from" day starts at local midnight, a "to" day ends at the last millisecond before the next one,
 * so picking the same day for both finds everything saved that day.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(value: string): [number, number, number] | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return [year, month, day];
}

export function startOfDay(value: string): number | undefined {
  const p = parts(value);
  return p ? new Date(p[0], p[1] - 1, p[2]).getTime() : undefined;
}

export function endOfDay(value: string): number | undefined {
  const p = parts(value);
  return p ? new Date(p[0], p[1] - 1, p[2] + 1).getTime() - 1 : undefined;
}

/** For file names: the local date as YYYY-MM-DD. */
export function isoDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** "5 Feb 2024" / "2024年2月5日": a day in the reader's UI language. */
export function formatDay(time: number, locale: string | undefined): string {
  const key = locale ?? '';
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    } catch {
      format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    }
    formats.set(key, format);
  }
  return format.format(time);
}
