// The four language model tools over the store: read what it holds, start the load of a connection never loaded
// (the store loads inside the client's rate limiter), wait a bounded time, and build the result text. No vscode:
// the glue (register.ts) turns a CancellationToken into the AbortSignal here and the text into a tool result.
//
// Read-only: nothing here writes to a platform, and nothing here can read a credential (the store has none).
// A load started here is the same load the Agents view would start: cancelling the tool call stops waiting for
// it at once, and the load goes on in the background, as one started by a tree or Find Agent… does.
import { platformName, type Agent, type Connection } from '../api/model';
import { systemClock, type Clock, type TimerHandle } from '../store/clock';
import { expectsOfflineMessages } from '../store/connectionLists';
import type { Store } from '../store/store';
import { agentDetailsResult, findAgentsResult, MAX_AGENT_RESULT_CHARS, type ConnectionState } from './agentResults';
import { connectionChoices, connectionRef, NO_CONNECTIONS } from './connectionText';
import { connectionsResult, MAX_CONNECTIONS_RESULT_CHARS } from './connectionsResult';
import {
  agentDetailsInput, chooseConnections, findAgentsInput, offlineMessagesInput, type ConnectionChoice,
} from './input';
import { ToolInputValidator, type ToolSchemas } from './inputSchema';
import { errorKind, errorText } from './listStateText';
import { quoteForModel, setValueRedactor } from './modelText';
import { redactResult } from './redactResult';
import { redact } from '../util/redact';
import { sortNewestFirst } from '../views/presentation/offlineMessage';
import { MAX_OFFLINE_RESULT_CHARS, offlineListResult, offlineMessageResult } from './offlineResults';

/** How long a tool waits for lists still loading before it answers with what is known (ms). */
export const DEFAULT_WAIT_MS = 8_000;

/** Find Agent…'s ranking over every loaded agent list (src/search: AgentSearchCache.index). */
export interface AgentRanking {
  searchAll(query: string): readonly { agent: Agent }[];
}

export interface ToolRunnerDeps {
  store: Store;
  /** The search index over these lists (one per connection), shared with Find Agent… so that both rank alike. */
  searchIndex(lists: readonly (readonly Agent[])[]): AgentRanking;
  /** The bounded wait for loads (ms). */
  waitMs?: number;
  clock?: Clock;
  /** For tests: the random source of the untrusted blocks' boundary. */
  random?: (bytes: number) => Buffer;
  /** Each tool's `inputSchema` from package.json (readToolSchemas): every input is checked against it first. */
  inputSchemas: ToolSchemas;
  /**
   * The extension's redaction (src/util/redact.ts as bundled in extension.js, which knows the registered
   * credentials; this bundle's copy knows none): applied to every value before it is quoted, and to the result.
   */
  redact?: (text: string) => string;
}

export interface RunOptions {
  /** The tool call's cancellation. */
  signal: AbortSignal;
  /** The model's budget for the result, in tokens, when the caller gave one. */
  tokenBudget?: number;
}

/** Thrown when the call was cancelled; the glue answers with VS Code's CancellationError. */
export class ToolCancelled extends Error {
  override readonly name = 'ToolCancelled';
  constructor() { super('Cancelled.'); }
}

/** The tools' names as contributed in package.json (`contributes.languageModelTools`). */
export type ToolName = 'chatdesk_findAgents' | 'chatdesk_getAgent' | 'chatdesk_listConnections' | 'chatdesk_offlineMessages';

export class ToolRunner {
  private readonly clock: Clock;
  private readonly waitMs: number;
  private readonly validator: ToolInputValidator;

  constructor(private readonly deps: ToolRunnerDeps) {
    this.clock = deps.clock ?? systemClock;
    this.waitMs = deps.waitMs ?? DEFAULT_WAIT_MS;
    this.validator = new ToolInputValidator(deps.inputSchemas);
    this.redact = deps.redact ?? redact;
    setValueRedactor(this.redact);
  }

  private readonly redact: (text: string) => string;

  private get store(): Store { return this.deps.store; }

  /**
   * Runs one tool by name; rejects with ToolCancelled when `o.signal` is aborted. An input that does not fit the
   * tool's schema is answered with what is wrong and what the tool expects, and nothing is run.
   */
  async run(name: ToolName, input: unknown, o: RunOptions): Promise<string> {
    const problem = this.validator.check(name, input);
    if (problem !== undefined) return redactResult(problem, this.redact);
    return redactResult(await this.dispatch(name, input, o), this.redact);
  }

  private dispatch(name: ToolName, input: unknown, o: RunOptions): Promise<string> {
    switch (name) {
      case 'chatdesk_findAgents': return this.findAgents(input, o);
      case 'chatdesk_getAgent': return this.agentDetails(input, o);
      case 'chatdesk_listConnections': return this.listConnections(o);
      case 'chatdesk_offlineMessages': return this.offlineMessages(input, o);
    }
  }

  /** Characters a result may have: the default, or less when the model's token budget is smaller (~3 characters a token). */
  private maxChars(o: RunOptions, fallback: number): number {
    return o.tokenBudget && o.tokenBudget > 0 ? Math.max(2_000, Math.min(fallback, Math.floor(o.tokenBudget * 3))) : fallback;
  }

  /**
   * Waits until `jobs` are done, `waitMs` passes, or the call is cancelled (then rejects with ToolCancelled).
   * The jobs (the store's loads) never reject.
   */
  private async settle(jobs: Promise<unknown>[], signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw new ToolCancelled();
    let timer: TimerHandle | undefined;
    let onAbort: (() => void) | undefined;
    try {
      await Promise.race([
        Promise.all(jobs),
        new Promise<void>((resolve) => { timer = this.clock.setTimeout(resolve, this.waitMs); }),
        new Promise<void>((_, reject) => {
          onAbort = () => reject(new ToolCancelled());
          signal.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } finally {
      if (timer !== undefined) this.clock.clearTimeout(timer);
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  /** Starts the agent load of every connection never loaded, and waits (bounded) for those loading. */
  private async loadAgents(connections: readonly Connection[], signal: AbortSignal): Promise<ConnectionState[]> {
    const jobs: Promise<void>[] = [];
    for (const c of connections) {
      const list = this.store.lists(c.id)?.agents;
      if (list) jobs.push(list.ensureLoaded());
    }
    await this.settle(jobs, signal);
    return this.states(connections);
  }

  private states(connections: readonly Connection[]): ConnectionState[] {
    return connections.flatMap((c) => {
      const found = this.store.directory.agentsOf(c.id);
      return found ? [{ connection: found.connection, state: found.state }] : [];
    });
  }

  private choose(name: string | undefined, platform: Connection['platform'] | undefined): ConnectionChoice<Connection> {
    return chooseConnections(this.store.connections(), name, platform);
  }

  /** Find agents: name, e-mail or ID, best first, capped, with how many more matched and how fresh each list is. */
  async findAgents(raw: unknown, o: RunOptions): Promise<string> {
    const input = findAgentsInput(raw);
    if (this.store.connections().length === 0) return NO_CONNECTIONS;
    const choice = this.choose(input.connection, input.platform);
    if (!choice.ok) return choiceProblem(choice, input.connection, input.platform);
    if (choice.connections.length === 0) return noneOnPlatform(input.platform, this.store.connections());
    const states = await this.loadAgents(choice.connections, o.signal);
    const ids = new Map(choice.connections.map((c) => [c.id, c]));
    const index = this.deps.searchIndex(this.store.directory.agentLists());
    const matches = index.searchAll(input.query).map((r) => r.agent)
      .filter((a) => ids.has(a.connectionId) && (!input.onlineOnly || a.status === 'online'));
    return findAgentsResult({
      input, matches, connections: ids, states, now: this.clock.now(), maxChars: this.maxChars(o, MAX_AGENT_RESULT_CHARS), notes: input.notes,
    });
  }

  /** Agent details: the agent with this ID on each connection where it exists (or by e-mail, given one). */
  async agentDetails(raw: unknown, o: RunOptions): Promise<string> {
    const input = agentDetailsInput(raw);
    if (this.store.connections().length === 0) return NO_CONNECTIONS;
    if (!input.id) return 'Chatdesk needs the agent\'s ID (the platform\'s own ID, as in integration code). To search by name or e-mail, use the find agents tool (#chatdeskAgents).';
    const choice = this.choose(input.connection, input.platform);
    if (!choice.ok) return choiceProblem(choice, input.connection, input.platform);
    if (choice.connections.length === 0) return noneOnPlatform(input.platform, this.store.connections());
    const states = await this.loadAgents(choice.connections, o.signal);
    const ids = new Set(choice.connections.map((c) => c.id));
    const directory = this.store.directory;
    let found = directory.byId(input.id, input.platform).filter((m) => ids.has(m.connection.id));
    let byEmail = false;
    if (found.length === 0 && input.id.includes('@')) {
      found = directory.byEmail(input.id).filter((m) => ids.has(m.connection.id));
      byEmail = true;
    }
    return agentDetailsResult({
      id: input.id, found, byEmail, states, now: this.clock.now(), maxChars: this.maxChars(o, MAX_AGENT_RESULT_CHARS), notes: input.notes,
    });
  }

  /** List connections: platform, server, state of the agents and offline messages; never a credential. */
  async listConnections(o: RunOptions): Promise<string> {
    const all = this.store.connections();
    if (all.length === 0) return NO_CONNECTIONS;
    const states = await this.loadAgents(all, o.signal);
    return connectionsResult(states.map((s) => {
      const offline = expectsOfflineMessages(s.connection) ? this.store.lists(s.connection.id)?.offline.state() : undefined;
      return { connection: s.connection, agents: s.state, offline };
    }), this.clock.now(), this.maxChars(o, MAX_CONNECTIONS_RESULT_CHARS));
  }

  /** Offline messages (REVE Chat): subjects, visitors and times; bodies on request; one message with its replies. */
  async offlineMessages(raw: unknown, o: RunOptions): Promise<string> {
    const input = offlineMessagesInput(raw);
    const all = this.store.connections();
    if (all.length === 0) return NO_CONNECTIONS;
    const choice = this.choose(input.connection, undefined);
    if (!choice.ok) return choiceProblem(choice, input.connection, undefined);
    const targets = choice.connections.filter(expectsOfflineMessages);
    if (targets.length === 0) return noOfflineMessages(choice.connections, !!input.connection, all);
    if (input.messageId) return this.offlineMessage(targets, input.messageId, o, input.notes);
    const jobs = targets.map((c) => this.store.lists(c.id)?.offline.ensureLoaded() ?? Promise.resolve());
    await this.settle(jobs, o.signal);
    const sections = targets.flatMap((c) => {
      const list = this.store.lists(c.id)?.offline;
      if (!list) return [];
      const items = sortNewestFirst(list.items); // as the Offline Messages view shows them
      const unread = items.filter((m) => m.unread);
      return [{ state: { connection: c, state: list.state() }, messages: input.unreadOnly ? unread : items, unread: unread.length }];
    });
    return offlineListResult({
      sections, unreadOnly: input.unreadOnly, includeBody: input.includeBody, limit: input.limit, now: this.clock.now(),
      maxChars: this.maxChars(o, MAX_OFFLINE_RESULT_CHARS), random: this.deps.random, notes: input.notes,
    });
  }

  private async offlineMessage(targets: readonly Connection[], id: string, o: RunOptions, notes: readonly string[]): Promise<string> {
    let connection = targets.length === 1 ? targets[0] : undefined;
    // Several connections: the one whose loaded list has the message, if exactly one has it.
    if (!connection) {
      const holders = targets.filter((c) => this.store.lists(c.id)?.offline.items.some((m) => m.id === id));
      if (holders.length === 1) connection = holders[0];
      else {
        return [
          `Chatdesk: more than one connection has offline messages, so the message ID ${quoteForModel(id)} needs a connection. Ask again with connection set to one of:`,
          connectionChoices(targets),
        ].join('\n');
      }
    }
    if (o.signal.aborted) throw new ToolCancelled();
    try {
      const message = await this.store.offlineMessage(connection.id, id, o.signal);
      if (o.signal.aborted) throw new ToolCancelled();
      return offlineMessageResult({ connection, message, random: this.deps.random, notes, maxChars: this.maxChars(o, MAX_OFFLINE_RESULT_CHARS) });
    } catch (e) {
      if (o.signal.aborted || e instanceof ToolCancelled) throw new ToolCancelled();
      if (errorKind(e) === 'not-found') {
        return `Chatdesk: ${connectionRef(connection)} has no offline message with ID ${quoteForModel(id)}. The offline messages tool without messageId lists the messages and their IDs.`;
      }
      return `Chatdesk could not load the offline message ${quoteForModel(id)} of ${connectionRef(connection)}: ${errorText(e)}`;
    }
  }
}

function choiceProblem(choice: Extract<ConnectionChoice<Connection>, { ok: false }>, name: string | undefined, platform: Connection['platform'] | undefined): string {
  const asked = quoteForModel(name ?? '');
  switch (choice.problem) {
    case 'unknown':
      return `Chatdesk has no connection named or with ID ${asked}. Its connections are:\n${connectionChoices(choice.candidates)}\nAsk again with one of these names or IDs, or without a connection to search them all.`;
    case 'ambiguous':
      return `More than one Chatdesk connection matches ${asked}:\n${connectionChoices(choice.candidates)}\nAsk again with the exact name or ID.`;
    case 'platform-mismatch':
      return `The connection ${connectionRef(choice.candidates[0])} is not on ${platformName(platform)}. Ask again without the platform, or with the connection's own.`;
  }
}

function noneOnPlatform(platform: Connection['platform'] | undefined, all: readonly Connection[]): string {
  return `Chatdesk has no ${platform ? `${platformName(platform)} ` : ''}connection. Its connections are:\n${connectionChoices(all)}`;
}

function noOfflineMessages(chosen: readonly Connection[], named: boolean, all: readonly Connection[]): string {
  const why = 'Offline messages come only from REVE Chat connections that have the superadmin e-mail and password (the REVE Chat API for offline messages needs them); Rocket.Chat and HelpCrunch have no API that lists them.';
  if (named) {
    return `Chatdesk: ${connectionRef(chosen[0])} has no offline messages to read. ${why} The user can add the superadmin login to a REVE Chat connection with "Chatdesk: Edit Connection…".`;
  }
  return `Chatdesk: none of the connections has offline messages to read. ${why}\nConnections:\n${connectionChoices(all)}`;
}
