// Which agent a command link or code action means: the connection's id and the agent's id, nothing else. Built by
// Chatdesk from the directory's own objects, never from document text; commands look the agent up again.

export interface AgentRef {
  connectionId: string;
  agentId: string;
}

const MAX_ID = 1000;

/** Whether `v` is an AgentRef with nothing else in it (plain strings of sane length). */
export function isAgentRef(v: unknown): v is AgentRef {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  return keys.length === 2 && typeof o.connectionId === 'string' && typeof o.agentId === 'string'
    && o.connectionId.length > 0 && o.connectionId.length <= MAX_ID && o.agentId.length > 0 && o.agentId.length <= MAX_ID;
}

/**
 * A `command:` URI that runs `command` with one AgentRef argument. The JSON is percent-encoded, including the
 * characters encodeURIComponent leaves alone (`!'()*~`), so that no ID can end a Markdown link target early.
 */
export function agentCommandUri(command: 'chatdesk.openAgent' | 'chatdesk.copyAgentId', ref: AgentRef): string {
  const args = JSON.stringify([{ connectionId: ref.connectionId, agentId: ref.agentId }]);
  return `command:${command}?${encodeURIComponent(args).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
