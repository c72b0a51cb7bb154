// Turning command arguments (tree nodes, ids, plain objects from tests) into what commands need.
import type { Agent, OfflineMessage } from '../api/model';
import type { StoredConnection } from '../connections/types';
import { AgentNode } from '../views/nodes/agentNode';
import { AgentsConnectionNode } from '../views/nodes/agentsConnectionNode';
import { ErrorNode } from '../views/nodes/errorNode';
import { OfflineConnectionNode } from '../views/nodes/offlineConnectionNode';
import { OfflineMessageNode } from '../views/nodes/offlineMessageNode';

/** Looks up stored connections (the ConnectionStore). */
export interface ConnectionLookup {
  list(): readonly StoredConnection[];
  get(id: string): StoredConnection | undefined;
}

function isAgent(v: unknown): v is Agent {
  const a = v as Agent;
  return !!a && typeof a === 'object' && typeof a.id === 'string' && typeof a.connectionId === 'string' && typeof a.platform === 'string';
}

export function agentFromArg(arg: unknown): Agent | undefined {
  if (arg instanceof AgentNode) return arg.agent;
  if (isAgent(arg)) return arg;
  const wrapped = (arg as { agent?: unknown } | undefined)?.agent;
  return isAgent(wrapped) ? wrapped : undefined;
}

export function connectionIdFromArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof AgentsConnectionNode || arg instanceof OfflineConnectionNode) return arg.id;
  if (arg instanceof ErrorNode) return arg.connectionId;
  if (arg && typeof arg === 'object') {
    const o = arg as { connectionId?: unknown; id?: unknown; connection?: { id?: unknown } };
    if (typeof o.connectionId === 'string') return o.connectionId;
    if (o.connection && typeof o.connection.id === 'string') return o.connection.id;
    if (typeof o.id === 'string') return o.id;
  }
  return undefined;
}

export function connectionFromArg(s: { connections: ConnectionLookup }, arg: unknown): StoredConnection | undefined {
  const id = connectionIdFromArg(arg);
  return id ? s.connections.get(id) : undefined;
}

export function offlineMessageFromArg(arg: unknown): { message: OfflineMessage; connectionId: string } | undefined {
  if (arg instanceof OfflineMessageNode) return { message: arg.message, connectionId: arg.connection.id };
  const o = arg as { message?: OfflineMessage; connectionId?: string } | undefined;
  if (o?.message && typeof o.connectionId === 'string') return { message: o.message, connectionId: o.connectionId };
  return undefined;
}
