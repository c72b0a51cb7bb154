// What makes a place in code an "agent context": the key (or identifier) a value belongs to names an agent, by one of
// the configured words (setting chatdesk.agentIds.contextWords; default agent, assignee, operator, owner). Pure.
//
// A key is split into words (camelCase, snake_case, kebab-case, dots: `fallbackAgentId` → fallback, agent, id).
// It is an agent key when its LAST word is a context word (`assignee`, `default_agent`, `getAgent`), a context word
// run together with "id"/"ids" (`agentid`), or an id word (`id`, `ids`, `uid`, `identifier`) right after a context
// word (`agent_id`, `assigneeId`, `owner.id`). So `agentPort`, `agent_timeout_ms` and `agentCount` are not agent
// keys: their last word says what the number is. A plural (`agents`, `operator_ids`) holds a list: its numbers count
// only in a list (`agents: [4188, 4761]`, `AGENT_IDS=4188,4761`), so that `maxAgents: 50` is not taken for an
// agent; a plural of ids (`agent_ids`, `operatorIds`) names agents even with one value.
//
// Never agent keys: the HTTP user agent (`User-Agent`, `user_agent`, `userAgent`: "user" right before "agent").
// Weak: `owner` alone (`owner: 1000`, `chatOwner`) is a Unix uid or a user name in Ansible, Kubernetes, Compose,
// Terraform and file-permission code far more often than an agent: it governs Rocket.Chat ids (unmistakable) but
// not numbers; `owner_id`, `ownerId`, `owner.id` govern both.

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
  /** A plural of ids (`agent_ids`): one value is an agent too. */
  ids?: true;
  /** The key is `owner` without an id word: it does not govern numbers. */
  weak?: true;
}

/** Context words that alone do not make a number an agent's ID (see the file comment). */
const WEAK_WORDS = new Set(['owner']);

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
    const n = words.length;
    const last = words[n - 1];
    if (last === undefined) return undefined;
    let word = last;
    let kind = this.contextWord(last);
    let ids = kind === 'many' && /ids$/.test(last);
    let idWord = kind !== undefined && /id$|ids$/.test(last) && !WEAK_WORDS.has(last);
    let at = n - 1;
    if (!kind && ID_WORDS.has(last) && n >= 2 && this.contextWord(words[n - 2]) !== undefined) {
      at = n - 2;
      word = words[at];
      kind = PLURAL_ID_WORDS.has(last) ? 'many' : 'one';
      ids = kind === 'many';
      idWord = true;
    }
    if (!kind) return undefined;
    if (word.startsWith('agent') && words[at - 1] === 'user') return undefined; // the HTTP User-Agent
    const out: AgentKey = { key, plural: kind === 'many' };
    if (ids) out.ids = true;
    if (!idWord && [...WEAK_WORDS].some((w) => word.startsWith(w) && this.words.includes(w))) out.weak = true;
    return out;
  }

  /** Whether `key` is only an id word (`id`, `_id`): its agent-ness comes from the object it is in. */
  static isBareIdKey(key: string): boolean {
    const words = keyWords(key);
    return words.length === 1 && ID_WORDS.has(words[0]) && !PLURAL_ID_WORDS.has(words[0]);
  }
}
