// The contract between the commands (activation bundle) and dist/codeTools.js (src/code/tools.ts): types only.
import type * as tools from './tools';

export type CodeToolsModule = typeof tools;
