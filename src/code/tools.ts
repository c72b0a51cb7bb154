// The lazily loaded part of the code features (dist/codeTools.js): copy-as-code snippets and the export writers,
// with the libraries they need (shell-quote, csv-stringify). Loaded on the first Copy as … or Export Agents….
export { snippet } from './snippets';
export { csvChunk, exportJson, exportRow } from './exportAgents';
