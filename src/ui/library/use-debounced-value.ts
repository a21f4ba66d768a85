import { useEffect, useState } from 'preact/hooks';

/** `value`, once it has stopped changing for `delay` ms; at once when `delay` is 0. */
export function useDebouncedValue<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (delay <= 0) {
      setSettled(() => value);
      return undefined;
    }
    const timer = setTimeout(() => setSettled(() => value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return delay <= 0 ? value : settled;
}
