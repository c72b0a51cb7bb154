// Every cut of a string in src/ goes through src/text/truncate.ts (truncate / bound / safeCutIndex), so that no
// text on screen, in a log line or in an AI tool's message ends in half an emoji: a type-aware scan for
// `.slice(0, n)`, `.substring(…)` and `.substr(…)` on strings. The few cuts of text that is never shown, or that
// is ASCII by construction (ISO dates, hex digests), are listed below with the reason.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import ts from 'typescript';
import { logName } from '../../../src/connections/keyring';

const ROOT = path.resolve(__dirname, '../../..');

/** file → text of the receiver that may be cut with .slice(0, n), and why. */
const NOT_SHOWN: Record<string, { receiver: RegExp; why: string }[]> = {
  'src/text/truncate.ts': [{ receiver: /^text$/, why: 'the safe cut itself' }],
  'src/util/relativeTime.ts': [{ receiver: /toISOString\(\)$/, why: 'an ISO date (ASCII)' }],
  'src/connections/reveKey.ts': [{ receiver: /toISOString\(\)$/, why: 'an ISO date (ASCII)' }],
  'src/tools/listStateText.ts': [{ receiver: /toISOString\(\)$/, why: 'an ISO date (ASCII)' }],
  'src/code/commands/exportAgents.ts': [{ receiver: /toISOString\(\)$/, why: 'an ISO date (ASCII)' }],
  'src/api/limiter.ts': [{ receiver: /digest\('hex'\)$/, why: 'a hex digest (ASCII)' }],
  'src/api/errorBody.ts': [{ receiver: /^text$/, why: 'only tested for HTML tags, never shown' }],
  'src/code/lineIds.ts': [{ receiver: /^line$/, why: 'the text before the cursor, only matched, never shown' }],
  'src/tools/modelText.ts': [
    { receiver: /^text$/, why: 'capText: its own cut, which never splits a surrogate pair' },
    { receiver: /^body$/, why: 'escapedPrefix: cut between whole escaped units (ASCII escapes and whole characters)' },
  ],
  'src/api/waitHints.ts': [{ receiver: /^(raw|text)$/, why: 'only read for a wait (bounded input for the patterns), never shown' }],
  'src/api/revechat.ts': [{ receiver: /^(message|e\.message)$/, why: 'only matched for "nothing here" words (bounded input), never shown' }],
};

/** Cuts of text that is shown somewhere, owned by other areas: to move to truncate()/bound() (see the report). */
const KNOWN_OPEN: Record<string, RegExp[]> = {
  'src/tools/input.ts': [/String\(value\)/],
  'src/tools/offlineResults.ts': [/m\.id$/],
};

function stringCuts(): { file: string; line: number; receiver: string }[] {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const files = parsed.fileNames.filter((f) => f.includes('/src/') && !f.includes('/src/sandbox/') && !f.includes('/src/webviews/page/'));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const found: { file: string; line: number; receiver: string }[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const first = node.arguments[0];
        const cuts = method === 'substring' || method === 'substr'
          || (method === 'slice' && first && ts.isNumericLiteral(first) && first.text === '0' && node.arguments.length === 2);
        if (cuts) {
          const type = checker.getTypeAtLocation(node.expression.expression);
          if (type.flags & ts.TypeFlags.StringLike) {
            found.push({ file: path.relative(ROOT, sf.fileName), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, receiver: node.expression.expression.getText(sf) });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

describe('text: every cut of a string goes through src/text/truncate.ts', () => {
  it('no .slice(0, n) / .substring / .substr on a string outside the listed cuts of text never shown', function () {
    this.timeout(120_000);
    const cuts = stringCuts();
    assert.ok(cuts.length > 3, 'the scan finds the listed cuts');
    const unexplained = cuts.filter((c) => !NOT_SHOWN[c.file]?.some((a) => a.receiver.test(c.receiver)) && !KNOWN_OPEN[c.file]?.some((r) => r.test(c.receiver)));
    assert.deepEqual(unexplained.map((c) => `${c.file}:${c.line} ${c.receiver}`), []);
  });

  it('log lines name a connection without cutting an emoji in half', () => {
    for (let n = 75; n <= 85; n++) {
      const label = `${'a'.repeat(n)}😀👩‍💻 Support`;
      const out = logName({ id: 'c1', label });
      const inner = out.slice(1, out.lastIndexOf('" ('));
      assert.ok(!/[\ud800-\udbff]$/.test(inner) && !/\u200d$/.test(inner), `${n}: ${JSON.stringify(out.slice(-20))}`);
      assert.ok(inner.length <= 80, `${n}: ${inner.length}`);
      assert.ok(out.endsWith('(c1)'));
    }
  });
});
