// The language model tools' implementation: bundled alone as dist/tools.js and loaded on the first tool call
// (register.ts), so that the escaping tables and result builders stay out of activation. No vscode.
export { ToolRunner, ToolCancelled, type AgentRanking, type ToolName, type ToolRunnerDeps, type RunOptions } from './runner';

import { readToolSchemas, type ToolSchemas } from './inputSchema';
import { ToolRunner, type ToolRunnerDeps } from './runner';

export { readToolSchemas, type ToolSchemas };

/** What dist/tools.js exports. */
export interface ToolsModule {
  createToolRunner(deps: ToolRunnerDeps): ToolRunner;
  readToolSchemas(extensionPath: string): ToolSchemas;
}

export function createToolRunner(deps: ToolRunnerDeps): ToolRunner {
  return new ToolRunner(deps);
}
