// Which documents the agent-ID features (hover, completion, quick fixes, stale-ID warnings) look at: one rule for
// all of them. Every scheme (files, untitled, remote, virtual file systems, notebook cells, settings) except VS
// Code's own output, diff and chat inputs. No vscode import: the registration in activate() reads it too.

/** Schemes of text the user does not edit or read as code: output channels, git/SCM diff inputs, debug, search. */
export const EXCLUDED_SCHEMES: readonly string[] = ['output', 'git', 'vscode-scm', 'debug', 'search-editor', 'vscode-chat-code-block'];

/** Documents the features look at: text a user edits or reads, including notebook cells. */
export function isCodeDocument(doc: { uri: { scheme: string } }): boolean {
  return !EXCLUDED_SCHEMES.includes(doc.uri.scheme);
}
