// The lazily loaded part of agent IDs in code (dist/codeTools.js): the providers' implementations, the commands, and
// the libraries they need (shell-quote, csv-stringify). Loaded on the first hover, completion or warning in a
// window with connections, or the first of the commands. src/code/providers/index.ts and src/commands/codeCommands.ts
// register the thin shells that call into it.
export { snippet } from './snippets';
export { csvChunk, exportJson, exportRow } from './exportAgents';
export { copyAs } from './commands/copyAs';
export { exportAgents } from './commands/exportAgents';
export { insertAgentId, replaceAgentId } from './commands/editorCommands';
export { createAgentIdFeatures } from './providers/features';
