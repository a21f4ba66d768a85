// `npm start`: opens Chromium with the built extension on the bundled demo article. With a display
// the browser stays open for you; without one it runs headless, saves a screenshot and prints what
// RegLens found on the page.
import { resolve } from 'node:path';
import { launchChromium } from '../../tests/e2e/harness/chromium.ts';
import { startFixtureServer } from '../../tests/e2e/harness/fixture-server.ts';

const DEMO = 'articles/scmp-pboc-zhejiang-fintech.html';
const headless = !process.env.DISPLAY;
const server = await startFixtureServer();
const browser = await launchChromium(resolve('dist/chrome'), { headless });
const page = await browser.newPage();
const url = server.url(DEMO);
await page.goto(url);
await page.evaluate(
  `new Promise((done) => { const t = Date.now(); const poll = () => performance.getEntriesByName("reglens:annotate").length || Date.now() - t > 5000 ? done(true) : setTimeout(poll, 50); poll(); })`,
);
const report = await page.evaluate<{ measures: Array<{ name: string; ms: number }>; marks: Record<string, string[]> }>(
  `(() => ({
    measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('reglens:')).map((m) => ({ name: m.name, ms: +m.duration.toFixed(2) })),
    marks: Object.fromEntries([...(CSS.highlights?.entries() ?? [])].filter(([name]) => name.startsWith('reglens')).map(([name, highlight]) => [name, [...highlight].map((range) => range.toString())])),
  }))()`,
);
console.log(`Demo article: ${url}`);
for (const { name, ms } of report.measures) console.log(`  ${name}: ${ms} ms`);
for (const [name, texts] of Object.entries(report.marks)) console.log(`  ${name}: ${texts.length} marks — ${[...new Set(texts)].join(', ')}`);
if (headless) {
  console.log(`Screenshot: ${await page.screenshot('start-demo')}`);
  await browser.close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
}
