// `npm run annotate -- <file.html|-> [--format json|md] [--all-text]` prints the regulators and policy
// terms of a saved page; `npm run annotate -- --dump-glossary` prints the knowledge base.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { annotateHtml } from './annotate-document.ts';
import { formatJson, formatMarkdown } from './format.ts';
import { loadKnowledgeBase } from './knowledge-base.ts';

const USAGE = 'usage: npm run annotate -- <file.html|-> [--format json|md] [--all-text] | --dump-glossary';

export interface CliArgs {
  input?: string;
  format: 'json' | 'md';
  allText: boolean;
  dumpGlossary: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs | string {
  const args: CliArgs = { format: 'json', allText: false, dumpGlossary: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--all-text') args.allText = true;
    else if (arg === '--dump-glossary') args.dumpGlossary = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? argv[++i] : arg.slice('--format='.length);
      if (value !== 'json' && value !== 'md') return `--format must be json or md\n${USAGE}`;
      args.format = value;
    } else if (arg === '-' || !arg.startsWith('-')) {
      if (args.input !== undefined) return `one input only\n${USAGE}`;
      args.input = arg;
    } else return `unknown option ${arg}\n${USAGE}`;
  }
  if (!args.dumpGlossary && args.input === undefined) return USAGE;
  return args;
}

/** Runs the CLI on already-read HTML; returns what to print. */
export function run(args: CliArgs, readInput: (path: string) => string): string {
  const kb = loadKnowledgeBase();
  if (args.dumpGlossary) return JSON.stringify(kb.entries, null, 2) + '\n';
  const annotation = annotateHtml(readInput(args.input!), kb.matcher, kb.lookup, { allText: args.allText });
  return args.format === 'md' ? formatMarkdown(annotation, kb.lookup) : formatJson(annotation) + '\n';
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    process.exitCode = 2;
    return;
  }
  // `annotate ... | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  // fd 0 reads all of stdin synchronously, which is what `-` means.
  process.stdout.write(run(args, (path) => readFileSync(path === '-' ? 0 : path, 'utf8')));
}

// Run only as a script, so tests can import parseArgs and run.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
