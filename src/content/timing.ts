/**
 * Each unit of page work is a User Timing measure named `reglens:*`: DevTools, the E2E tests and the
 * browser benchmark all read the same figures from the page's performance timeline.
 */
export function measure<T>(name: `reglens:${string}`, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

/** The same for work that yields to the page between slices: the measure spans the whole job. */
export async function measureAsync<T>(name: `reglens:${string}`, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}
