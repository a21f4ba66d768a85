import * as v from 'valibot';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportEnvelopeSchema, HighlightSchema, MAX_IMPORT_HIGHLIGHTS, type Highlight } from '../highlights/model.ts';
import { annotationsIn, fromAnnotation, isWebAnnotationContext } from './web-annotation.ts';

/**
 * Reading an export back. A file is untrusted: it is size-checked before parsing, walked for depth
 * and prototype-pollution keys before any schema sees it, and then each highlight is validated on its
 * own so one bad entry is reported (index and reason) without losing the others. Whole-file problems
 * give an error and no highlights at all.
 */

/** 50,000 highlights at their typical size is well under this; a larger file is not an export. */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;
/** Our formats nest 7 levels deep; anything much deeper is not one of them. */
export const MAX_DEPTH = 16;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface InvalidEntry {
  index: number;
  reason: string;
}

export type ParsedImport =
  | { kind: 'reglens' | 'w3c'; highlights: Highlight[]; invalid: InvalidEntry[] }
  | { error: string };

/** Checks nesting and keys without recursion, so hostile depth cannot overflow the stack. */
function structureProblem(root: unknown): string | null {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return `The file nests deeper than ${MAX_DEPTH} levels; it is not a RegLens or W3C annotation export.`;
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `The file contains the key "${key}", which RegLens refuses.`;
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

function reasonOf(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}

function validateEach(entries: readonly unknown[], toCandidate: (entry: unknown) => unknown) {
  const highlights: Highlight[] = [];
  const invalid: InvalidEntry[] = [];
  entries.forEach((entry, index) => {
    try {
      const parsed = v.safeParse(HighlightSchema, toCandidate(entry));
      if (parsed.success) highlights.push(parsed.output);
      else invalid.push({ index, reason: reasonOf(parsed.issues) });
    } catch (error) {
      invalid.push({ index, reason: error instanceof Error ? error.message : String(error) });
    }
  });
  return { highlights, invalid };
}

export function parseImport(text: string): ParsedImport {
  if (typeof text !== 'string') return { error: 'The file could not be read as text.' };
  if (text.length > MAX_IMPORT_CHARS) return { error: `The file is larger than ${MAX_IMPORT_CHARS / 1024 / 1024} MB.` };
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { error: 'The file is not valid JSON.' };
  }
  const problem = structureProblem(root);
  if (problem) return { error: problem };
  if (typeof root !== 'object' || root === null) return { error: 'The file holds no highlights.' };

  const record = root as Record<string, unknown>;
  if (record.format === EXPORT_FORMAT) {
    if (typeof record.version === 'number' && record.version > EXPORT_VERSION) {
      return { error: `The file was made by a newer RegLens (format version ${record.version}); update RegLens to import it.` };
    }
    const envelope = v.safeParse(ExportEnvelopeSchema, root);
    if (!envelope.success) return { error: `The RegLens file is malformed (${reasonOf(envelope.issues)}).` };
    return { kind: 'reglens', ...validateEach(envelope.output.highlights, (entry) => entry) };
  }

  const annotations = annotationsIn(root);
  const isW3c = Array.isArray(root) || isWebAnnotationContext(record['@context']);
  if (!annotations || !isW3c) return { error: 'The file is neither a RegLens export nor W3C Web Annotations.' };
  if (annotations.length > MAX_IMPORT_HIGHLIGHTS) return { error: `The file holds more than ${MAX_IMPORT_HIGHLIGHTS} annotations.` };
  return { kind: 'w3c', ...validateEach(annotations, fromAnnotation) };
}

export interface ImportPlan {
  /** Not stored yet: these get added. */
  new: Highlight[];
  /** Same id as a stored highlight, or as an earlier entry of the file: skipped. */
  duplicate: Highlight[];
  invalid: InvalidEntry[];
}

export function planImport(existingIds: Iterable<string>, parsed: { highlights: readonly Highlight[]; invalid: readonly InvalidEntry[] }): ImportPlan {
  const seen = new Set(existingIds);
  const plan: ImportPlan = { new: [], duplicate: [], invalid: [...parsed.invalid] };
  for (const h of parsed.highlights) {
    (seen.has(h.id) ? plan.duplicate : plan.new).push(h);
    seen.add(h.id);
  }
  return plan;
}
