declare module 'virtual:reglens-matcher' {
  import type { CompiledMatcher } from '../core/matcher/index.ts';
  const compiled: CompiledMatcher;
  export default compiled;
}
