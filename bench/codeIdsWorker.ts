// Agent IDs in code at scale, in its own process (for a clean heap): `node --expose-gc --import tsx bench/codeIdsWorker.ts`.
// Prints `BENCH_RESULT {json}` as its last line. What the editor runs, minus VS Code's own work:
// 1. hover: the ID under the mouse in a line (idAt), the directory lookup, the hover Markdown; 50,000 agents;
// 2. completion: where the cursor is (completionSite), Find Agent…'s index (kept between keystrokes), the best 100,
//    the insert text of each; 50,000 agents; one keystroke per prefix typed;
// 3. diagnostics: a 10,000-line file scanned and judged (every candidate ID against the directory), then one
//    keystroke (an edit of one line, rescanned, everything judged again);
// 4. memory: the heap the directory's ID index holds for 50,000 agents.
import type { Agent, Connection } from '../src/api/model';
import { AgentContextRules } from '../src/code/agentContext';
import { DocumentIdScan } from '../src/code/documentIds';
import { agentHoverMarkdown } from '../src/code/hoverMarkdown';
import { IdJudge } from '../src/code/idVerdict';
import { idInsertText } from '../src/code/insertForm';
import { completionSite, idAt, scanLine } from '../src/code/lineIds';
import { AgentSearchCache } from '../src/search/agentSearchCache';
import { AgentDirectory } from '../src/store/directory';
import type { ListState } from '../src/store/listState';
import type { PagedList } from '../src/store/pagedList';
import { median, quantile } from './stats';
import { makeAgents } from './ui';

export interface CodeIdsResult {
  agents: number;
  indexBuildMs: number;
  indexHeapBytes: number;
  hover: { median: number; p95: number; samples: number };
  completion: { median: number; p95: number; samples: number; perQuery: { query: string; median: number; items: number }[] };
  diagnostics: { lines: number; candidates: number; stale: number; fullMs: number; keystrokeMedian: number; keystrokeP95: number; keystrokes: number };
  /** One ~10,000-character line `agents: [1, 1, …]` (the longest line scanned), and 100 of them (a 1 MB file). */
  longList: { chars: number; tokens: number; lineMedian: number; lineP95: number; fileMs: number };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const COMPLETE: ListState = { status: 'loaded', count: 0, progress: 0, truncated: false, cached: false, complete: true };

function directoryOver(agents: Agent[]): AgentDirectory {
  const connection: Connection = { id: 'bench', label: 'Bench', platform: 'revechat', baseUrl: 'https://x.example' };
  const list = { items: agents, state: () => ({ ...COMPLETE, count: agents.length }) } as unknown as PagedList<Agent>;
  return new AgentDirectory({ connections: () => [connection], agentList: (id) => (id === 'bench' ? list : undefined) });
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function main(): void {
  const n = Number(process.env.BENCH_CODE_AGENTS ?? '50000');
  const lines = Number(process.env.BENCH_CODE_LINES ?? '10000');
  const agents = makeAgents(n);
  const rules = new AgentContextRules();
  const dir = directoryOver(agents);

  // memory and build time of the ID index (the first lookup builds it)
  gc(); gc();
  const heap0 = process.memoryUsage().heapUsed;
  const indexBuildMs = time(() => dir.agent('bench', agents[0].id));
  gc(); gc();
  const indexHeapBytes = process.memoryUsage().heapUsed - heap0;

  // hover: known and unknown IDs in agent contexts, e-mails
  const hoverRuns: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const a = agents[(i * 7919) % agents.length];
    const line = i % 3 === 0 ? `  "assignee": ${a.id},` : i % 3 === 1 ? `agent_id = ${Number(a.id) + 3}` : `# ask ${a.email ?? 'x@y.z'} first`;
    const character = line.length - 3;
    hoverRuns.push(time(() => {
      const tok = idAt(line, character, rules);
      if (!tok) return;
      const matches = tok.kind === 'email' ? dir.byEmail(tok.text) : dir.byId(tok.text);
      if (matches.length) agentHoverMarkdown(matches);
    }));
  }

  // completion: each prefix typed is one keystroke
  const search = new AgentSearchCache();
  search.index(dir.agentLists()); // built once, as Find Agent… and the first completion do
  const someone = agents.slice(Math.floor(agents.length * 0.37)).find((a) => /^[a-z]{5}/.test(a.email ?? ''))!;
  const word = someone.email!;
  const queries = ['', word.slice(0, 1), word.slice(0, 3), word.slice(0, 5), someone.id.slice(0, 2), someone.id.slice(0, 4)];
  // the prefixes typed in order, 30 times over (each prefix is one keystroke, narrowing as typing does)
  const completionRuns: number[] = [];
  const byQuery = new Map<string, { runs: number[]; items: number }>(queries.map((q) => [q, { runs: [], items: 0 }]));
  for (let r = 0; r < 30; r++) {
    for (const q of queries) {
      const line = `  "assignee": "${q}`;
      const entry = byQuery.get(q)!;
      const ms = time(() => {
        const site = completionSite(line, line.length, rules)!;
        const found = search.index(dir.agentLists()).search(site.query, 100);
        entry.items = found.map((x) => idInsertText(x.agent.id, site, 'json')).length;
      });
      entry.runs.push(ms);
      completionRuns.push(ms);
    }
  }
  const perQuery = queries.map((q) => ({ query: q, median: median(byQuery.get(q)!.runs), items: byQuery.get(q)!.items }));

  // diagnostics over a file: config-like lines, one in five with an agent ID (half known, half gone)
  const text: string[] = [];
  for (let i = 0; i < lines; i++) {
    const a = agents[(i * 104729) % agents.length];
    switch (i % 10) {
      case 0: text.push(`  "assignee": ${a.id},`); break;
      case 5: text.push(`  agent_id: ${Number(a.id) * 10 + 1}`); break;
      case 3: text.push(`  "port": ${8000 + (i % 1000)},`); break;
      case 7: text.push(`  // year ${2000 + (i % 30)}: see ticket #${i}`); break;
      default: text.push(`  "key_${i}": "value ${i} with some words and a number ${i * 3}",`);
    }
  }
  const source = { lineCount: text.length, lineAt: (i: number) => text[i] };
  let scan!: DocumentIdScan;
  let stale = 0;
  let judge = new IdJudge(dir);
  // as the diagnostics do: verdicts are kept until the directory changes (a new judge for each full pass here)
  const judgeAll = () => {
    stale = 0;
    for (const { token } of scan.tokens()) if (token.kind !== 'email' && judge.judge(token.kind, token.text).kind === 'stale') stale++;
  };
  const fullRuns: number[] = [];
  for (let r = 0; r < 7; r++) fullRuns.push(time(() => { judge = new IdJudge(dir); scan = new DocumentIdScan(rules, source); judgeAll(); }));
  const keyRuns: number[] = [];
  for (let k = 0; k < 200; k++) {
    const line = (k * 37) % lines;
    text[line] = `${text[line]}x`;
    keyRuns.push(time(() => { scan.apply([{ startLine: line, endLine: line, text: text[line] }], source); judgeAll(); }));
  }

  // a long list on one line: each element is walked over once (before: every earlier element, for each number)
  let long = 'agents: [';
  while (long.length < 9990) long += '1, ';
  long += '1]';
  let tokens = 0;
  const lineRuns: number[] = [];
  for (let r = 0; r < 30; r++) lineRuns.push(time(() => { tokens = scanLine(long, rules, { mode: 'context' }).length; }));
  const longFile = Array.from({ length: 100 }, (_, i) => long + ' '.repeat(i % 2));
  const fileMs = median(Array.from({ length: 5 }, () => time(() => { new DocumentIdScan(rules, { lineCount: longFile.length, lineAt: (i) => longFile[i] }); })));

  const result: CodeIdsResult = {
    agents: agents.length, indexBuildMs, indexHeapBytes,
    hover: { median: median(hoverRuns), p95: quantile(hoverRuns, 0.95), samples: hoverRuns.length },
    completion: { median: median(completionRuns), p95: quantile(completionRuns, 0.95), samples: completionRuns.length, perQuery },
    diagnostics: { lines, candidates: scan.size, stale, fullMs: median(fullRuns), keystrokeMedian: median(keyRuns), keystrokeP95: quantile(keyRuns, 0.95), keystrokes: keyRuns.length },
    longList: { chars: long.length, tokens, lineMedian: median(lineRuns), lineP95: quantile(lineRuns, 0.95), fileMs },
  };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

main();
