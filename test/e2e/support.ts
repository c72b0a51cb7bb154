// What the playwright e2e tests (plain .mjs, run by scripts/test-vscode.mjs) need from TypeScript sources:
// the sandbox and the hostile payload corpus. esbuild.tests.js bundles this into out/test/e2e/support.js.
export { startSandbox } from '../../src/sandbox';
export type { Sandbox, SandboxOptions } from '../../src/sandbox';
export { hostilePayloads, payloadLabel } from '../fixtures/hostilePayloads';
import { REVE_AGENTS } from '../../src/sandbox/seedExamples';

/** Display names of the REVE Chat seed agents the sandbox always serves (the hostile e2e skips them). */
export const reveSeedAgentNames: readonly string[] = REVE_AGENTS.map((a) => `${a.first_name ?? ''} ${a.last_name ?? ''}`.trim());
