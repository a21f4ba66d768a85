export { compileMatcher, type CompiledMatcher } from './compile.ts';
export { createMatcher } from './create-matcher.ts';
export { splitAtBlocks } from './parts.ts';
export { BLOCK_BREAK, type Match, type MatchJob, type Matcher, type PartsJob, type SlicingMatcher } from './types.ts';
