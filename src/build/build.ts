// `npm run build`: both browsers' unpacked extensions under dist/, then a store zip of each.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'vite';

const targets = ['chrome', 'firefox'] as const;
const version = (await import('../../package.json', { with: { type: 'json' } })).default.version;

for (const mode of targets) {
  await build({ mode, logLevel: 'warn' });
  zipReproducibly(`dist/${mode}`, `dist/reglens-${version}-${mode}.zip`);
  console.log(`dist/${mode}/ and dist/reglens-${version}-${mode}.zip`);
}

/** Same sources and lockfile -> same bytes: sorted entries, fixed timestamps, no extra attributes. */
function zipReproducibly(dir: string, zipPath: string): void {
  const files = listFiles(dir).sort();
  const epoch = new Date('2020-01-01T00:00:00Z');
  for (const file of files) utimesSync(join(dir, file), epoch, epoch);
  rmSync(zipPath, { force: true });
  execFileSync('zip', ['-X', '-D', '-q', '-9', relative(dir, zipPath), ...files], { cwd: dir });
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path)];
  });
}
