// What makes a place in code an "agent context": the key (or identifier) a value belongs to names an agent, by one of
// the configured words (setting chatdesk.agentIds.contextWords; default agent, assignee, operator, owner). Pure.
//
// A key is split into words (camelCase, snake_case, kebab-case, dots: `fallbackAgentId` → fallback, agent, id).
// It is an agent key when its LAST word is a context word (`assignee`, `default_agent`, `getAgent`), a context word
// run together with "id"/"ids" (`agentid`), or an id word (`id`, `ids`, `uid`, `identifier`) right after a context
// word (`agent_id`, `assigneeId`, `owner.id`). So `agentPort`, `agent_timeout_ms` and `agentCount` are not agent
// keys: their last word says what the number is. A plural (`agents`, `operator_ids`) holds a list: its numbers count
// only inside brackets (`agents: [4188, 4761]`), so that `maxAgents: 50` is not taken for an agent.

export const DEFAULT_CONTEXT_WORDS: readonly string[] = ['agent', 'assignee', 'operator', 'owner'];

const ID_WORDS = new Set(['id', 'ids', 'uid', 'uids', 'identifier', 'identifiers']);
const PLURAL_ID_WORDS = new Set(['ids', 'uids', 'identifiers']);
/** What may follow a context word inside one word: nothing, a plural, or an id. */
const SUFFIXES: Record<string, 'one' | 'many'> = { '': 'one', id: 'one', s: 'many', es: 'many', ids: 'many' };

/** What a key says about the values it holds. */
export interface AgentKey {
  /** The key as written (without quotes). */
  key: string;
  /** The key names several agents: its numbers count only in a list. */
  plural: boolean;
}

/** Splits a key into lower-case words: `XMLAgentID` → xml, agent, id; `agent-ids.v2` → agent, ids, v2. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The configured words, cleaned: lower case, letters and digits only, no duplicates; the defaults when empty. */
export function normaliseContextWords(words: unknown): string[] {
  const list = Array.isArray(words) ? words : [];
  const out = new Set<string>();
  for (const w of list) {
    if (typeof w !== 'string') continue;
    const clean = w.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (clean) out.add(clean);
  }
  return out.size ? [...out] : [...DEFAULT_CONTEXT_WORDS];
}

export class AgentContextRules {
  readonly words: readonly string[];

  constructor(words: readonly string[] = DEFAULT_CONTEXT_WORDS) {
    this.words = normaliseContextWords(words);
  }

  /** 'one' / 'many' when `word` is a context word (with an allowed suffix), else undefined. */
  private contextWord(word: string): 'one' | 'many' | undefined {
    for (const w of this.words) {
      if (!word.startsWith(w)) continue;
      const kind = SUFFIXES[word.slice(w.length)];
      if (kind) return kind;
    }
    return undefined;
  }

  /** What `key` says, or undefined when it is not an agent key. */
  agentKey(key: string): AgentKey | undefined {
    const words = keyWords(key);
    const last = words[words.length - 1];
    if (last === undefined) return undefined;
    const direct = this.contextWord(last);
    if (direct) return { key, plural: direct === 'many' };
    if (ID_WORDS.has(last) && words.length >= 2 && this.contextWord(words[words.length - 2]) !== undefined) {
      return { key, plural: PLURAL_ID_WORDS.has(last) };
    }
    return undefined;
  }

  /** Whether `key` is only an id word (`id`, `_id`): its agent-ness comes from the object it is in. */
  static isBareIdKey(key: string): boolean {
    const words = keyWords(key);
    return words.length === 1 && ID_WORDS.has(words[0]) && !PLURAL_ID_WORDS.has(words[0]);
  }
}
