/** Which events a breakpoint or a run-to target stops at (shared with the web app's replay). */
export { hitsBreakpoint, matchesMethod, matchesTarget, NO_BREAKPOINTS } from '@sockscope/core/trace';
