/**
 * YAML scalars for Markdown front matter. Every string is written double-quoted with escapes, so no
 * value (a title with a colon, a note-like tag with a newline, "yes", "null", "- item") can change the
 * document's structure or type. JSON string syntax is a subset of YAML 1.2 double-quoted scalars; the
 * characters YAML forbids unescaped but JSON allows raw are escaped as well.
 * https://yaml.org/spec/1.2.2/#57-escaped-characters, https://yaml.org/spec/1.2.2/#51-character-set
 */

// DEL and C1 controls (NEL among them), line and paragraph separators (line breaks in YAML 1.1), BOM
// and noncharacters. JSON.stringify already escapes C0 controls and lone surrogates.
const UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

export function yamlString(value: string): string {
  return JSON.stringify(value).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A flow sequence of quoted strings: `["a", "b"]`. */
export function yamlList(values: readonly string[]): string {
  return `[${values.map(yamlString).join(', ')}]`;
}
