// What the playwright e2e tests (plain .mjs, run by scripts/test-vscode.mjs) need from TypeScript sources:
// the sandbox and the hostile payload corpus. esbuild.tests.js bundles this into out/test/e2e/support.js.
export { startSandbox } from '../../src/sandbox';
export type { Sandbox, SandboxOptions } from '../../src/sandbox';
export { hostilePayloads, payloadLabel } from '../fixtures/hostilePayloads';
import { REVE_AGENTS } from '../../src/sandbox/seedExamples';

/** Display names of the REVE Chat seed agents the sandbox always serves (the hostile e2e skips them). */
export const reveSeedAgentNames: readonly string[] = REVE_AGENTS.map((a) => `${a.first_name ?? ''} ${a.last_name ?? ''}`.trim());
export { plainText } from '../../src/text/plain';
import { hostilePayloads } from '../fixtures/hostilePayloads';

/**
 * The payloads of the Markdown kinds issue 10 added (theme-icon syntax in every form, links and autolinks without a
 * scheme, block syntax at line starts, emphasis, code and entities): the tooltip test hovers each of them.
 */
export const markdownPayloads: readonly string[] = hostilePayloads.filter((p, i) => i >= 361 && p.length <= 200 && !p.includes('ZQ') && !p.includes('\u001b')
  && /\$\(|\\\$|&#36;|%24\(|www\.|mailto:|@|:\/\/|\]\[|\]:|(^|\n)\s*([-+*#>|=`~]|\d+[.)])|[*_~`]|&[#a-z]/i.test(p));
