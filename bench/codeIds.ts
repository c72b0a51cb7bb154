// The agent-IDs-in-code rows of `npm run bench`: one worker process (bench/codeIdsWorker.ts) for a clean heap.
import type { CodeIdsResult } from './codeIdsWorker';
import { bytes, count, ms, table } from './stats';
import { runBenchWorker } from './worker';

export function benchCodeIds(agents = 50_000, lines = 10_000): Promise<CodeIdsResult> {
  return runBenchWorker<CodeIdsResult>('codeIdsWorker.ts', { BENCH_CODE_AGENTS: String(agents), BENCH_CODE_LINES: String(lines) }, 'agent-IDs worker');
}

export function codeIdsTable(r: CodeIdsResult): string {
  return [
    `Agent IDs in code over ${count(r.agents)} agents (the editor's part: line scan, directory lookup, Markdown / items / verdicts; not VS Code's rendering):`,
    table(['what', 'median', 'p95', 'samples'], [
      ['hover (ID under the mouse → Markdown)', ms(r.hover.median), ms(r.hover.p95), String(r.hover.samples)],
      ['completion list (best 100, one keystroke)', ms(r.completion.median), ms(r.completion.p95), String(r.completion.samples)],
      [`warnings, whole ${count(r.diagnostics.lines)}-line file (scan + judge)`, ms(r.diagnostics.fullMs), '', '7'],
      ['warnings, one keystroke after it (rescan the line, judge all)', ms(r.diagnostics.keystrokeMedian), ms(r.diagnostics.keystrokeP95), String(r.diagnostics.keystrokes)],
      [`a long list line (${count(r.longList.chars)} chars \`agents: [1, 1, …]\`, ${count(r.longList.tokens)} IDs)`, ms(r.longList.lineMedian), ms(r.longList.lineP95), '30'],
      ['100 such lines (a 1 MB file opened)', ms(r.longList.fileMs), '', '5'],
    ], [false, true, true, true]),
    `completion per prefix: ${r.completion.perQuery.map((q) => `${JSON.stringify(q.query)} ${ms(q.median)} (${q.items})`).join(', ')}`,
    `the file: ${count(r.diagnostics.candidates)} candidate IDs, ${count(r.diagnostics.stale)} warnings; the ID index (by id and e-mail): built in ${ms(r.indexBuildMs)}, holds ${bytes(r.indexHeapBytes)} of heap`,
  ].join('\n');
}
