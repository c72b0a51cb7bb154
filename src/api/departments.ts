// Department names for platforms whose agent list does not carry them: Rocket.Chat agents list department
// IDs only (`livechat/department` has the names), HelpCrunch agents list none (`/v1/departments` lists each
// department's agents). The directory is loaded alongside a listing, on its own request, and applied to every
// page; a server that refuses it (permissions, an older version) just leaves the departments as they were.

import { ApiError } from './errors';
import type { Agent, Department } from './model';
import type { Logger } from '../util/log';

/** Turns an agent as the list gave it into one with its departments named. */
export type DepartmentDirectory = (agent: Agent) => Agent;

/**
 * Starts `load` at once and resolves to its directory, or to undefined when it fails for any reason but
 * cancellation (logged at debug level).
 */
export function startDirectory(
  what: string,
  load: () => Promise<DepartmentDirectory>,
  logger: Logger | undefined,
): Promise<DepartmentDirectory | undefined> {
  const p = load().catch((e: unknown) => {
    if (e instanceof ApiError && e.kind === 'cancelled') throw e;
    logger?.debug(`${what} skipped: ${e instanceof ApiError ? `${e.kind} ${e.status ?? ''}`.trim() : 'error'}`);
    return undefined;
  });
  p.catch(() => undefined); // a listing that ends early never awaits it
  return p;
}

/** The pages of `pages`, each with the directory applied (waiting for it only as long as it takes to load). */
export async function* withDirectory(
  pages: AsyncIterable<Agent[]>,
  directory: Promise<DepartmentDirectory | undefined>,
): AsyncGenerator<Agent[], void, undefined> {
  for await (const page of pages) {
    const apply = await directory;
    yield apply ? page.map(apply) : page;
  }
}

/** Each department once, by id (the first occurrence wins): a normalised Agent never lists one department twice. */
export function uniqueDepartments(departments: readonly Department[]): Department[] {
  if (departments.length < 2) return [...departments];
  const seen = new Set<string>();
  const out: Department[] = [];
  for (const d of departments) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    out.push(d);
  }
  return out;
}

/** Rocket.Chat: department IDs → names. */
export function namesDirectory(names: ReadonlyMap<string, string>): DepartmentDirectory {
  return (agent) =>
    agent.departments.length === 0
      ? agent
      : { ...agent, departments: uniqueDepartments(agent.departments).map((d) => ({ id: d.id, name: names.get(d.id) ?? d.name })) };
}

/** HelpCrunch: agent ID → the departments that list the agent. */
export function membershipDirectory(byAgent: ReadonlyMap<string, Department[]>): DepartmentDirectory {
  return (agent) => {
    const departments = byAgent.get(agent.id);
    return departments ? { ...agent, departments: uniqueDepartments(departments) } : agent;
  };
}
