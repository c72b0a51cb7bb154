// Deterministic data for the three platforms, generated once per sandbox from a seed.
// The seed documents' own examples come first (verbatim, except their obfuscated e-mails: see SeedEmails), then
// hostile-string records (if any), then generated ones.
// `agents` is the total per platform INCLUDING the examples (never fewer than the examples), plus one extra agent per
// hostile string; `offlineMessages` likewise includes the four seed messages.

import type {
  HelpcrunchAgent, HelpcrunchDepartment, ReveAgent, ReveDepartment, ReveLegacyAgent, ReveOfflineMessage,
  ReveReply, RocketAgent, RocketDepartment, RocketListedAgent,
} from './model';
import {
  DESIGNATIONS, FIRST_NAMES, LAST_NAMES, NAME_SUFFIXES, OFFLINE_MESSAGES, OFFLINE_SUBJECTS, REPLY_MESSAGES, slug,
} from './names';
import { int, meteorId, mulberry32, objectId, pick, weighted, type Random } from './prng';
import {
  HELPCRUNCH_AGENTS, REVE_ACCOUNT_ID, REVE_AGENTS, REVE_OFFLINE_MESSAGE_744, REVE_OFFLINE_MESSAGES,
  ROCKET_AVAILABLE_AGENT_EXAMPLE, ROCKET_SPEC_DEPARTMENTS, ROCKET_SPEC_USER_DEPARTMENTS, ROCKET_SPEC_USERS,
} from './seedExamples';

export interface DataOptions {
  seed: number;
  agents: number;
  offlineMessages: number;
  hostileStrings: string[];
  /** Offline-message ids whose detail answers 403; default: generated ids that are multiples of 97. */
  forbiddenOfflineMessageIds?: number[];
  /** Every generated Rocket.Chat agent gets this name (ties in the server's default sort by name). */
  rocketchatAgentName?: string;
  /** Generated agents list their first department twice (REVE Chat and Rocket.Chat). */
  duplicateDepartments?: boolean;
  /** The example agents' e-mails: derived from their names (default) or as the documents print them. */
  seedEmails?: SeedEmails;
}

/**
 * `plausible`: the vendors' example agents get addresses made from their names (`asif.tuhin.design@example.com`).
 * `verbatim`: they keep the text the documents show, `[email protected]`: the documentation sites are served
 * through Cloudflare, whose e-mail obfuscation replaces every address in a page with it.
 */
export type SeedEmails = 'plausible' | 'verbatim';

/**
 * What Cloudflare's e-mail obfuscation leaves of an address in the vendors' documents: `[email protected]`, with a
 * plain or (Rocket.Chat's page) a no-break space.
 */
export const OBFUSCATED_EMAIL = /^\[email[ \u00a0]protected\]$/;

/** A plausible address for an example agent whose document shows OBFUSCATED_EMAIL; other values unchanged. */
function exampleEmail(email: string, name: string, seedEmails: SeedEmails | undefined): string {
  return seedEmails === 'verbatim' || !OBFUSCATED_EMAIL.test(email) ? email : `${slug(name)}@example.com`;
}

export interface ReveData {
  accountId: string;
  agents: ReveAgent[];
  agentIndex: Map<number, number>;
  departments: ReveDepartment[];
  legacyAgents(): ReveLegacyAgent[];
  offlineMessages: ReveOfflineMessage[];
  offlineIndex: Map<number, number>;
  replies(offlineMessageId: number): ReveReply[];
  forbiddenOfflineIds: Set<number>;
}

export interface RocketData {
  /** Sorted by name (Mongo's binary order), as `livechat/users/agent` sorts by default. */
  agents: RocketListedAgent[];
  byId: Map<string, RocketListedAgent>;
  departments: RocketDepartment[];
}

export interface HelpcrunchData {
  agents: HelpcrunchAgent[];
  departments: HelpcrunchDepartment[];
}

export interface SandboxData {
  revechat: ReveData;
  rocketchat: RocketData;
  helpcrunch: HelpcrunchData;
}

/** Fixed "now" of the generated data (2026-01-01T00:00:00Z), so that data never depends on the clock. */
export const DATA_EPOCH = 1767225600000;
const DAY = 86_400_000;

interface Person {
  first: string;
  last: string;
  display: string;
  emailLocal: string;
}

const slugCache = new Map<string, string>();

function person(rnd: Random, n: number): Person {
  const first = pick(rnd, FIRST_NAMES);
  const last = pick(rnd, LAST_NAMES);
  const suffix = pick(rnd, NAME_SUFFIXES);
  const display = (last ? `${first} ${last}` : first) + suffix;
  const full = `${first} ${last}`;
  let local = slugCache.get(full);
  if (local === undefined) {
    local = slug(full);
    slugCache.set(full, local);
  }
  return { first, last: last ? last + suffix : suffix.trim(), display, emailLocal: `${local}.${n}` };
}

export function generateData(options: DataOptions): SandboxData {
  const seed = options.seed >>> 0;
  return {
    revechat: generateReve(options, mulberry32(seed ^ 0x5eed0001)),
    rocketchat: generateRocket(options, mulberry32(seed ^ 0x5eed0002)),
    helpcrunch: generateHelpcrunch(options, mulberry32(seed ^ 0x5eed0003)),
  };
}

// ---------------------------------------------------------------- REVE Chat

function reveDept(id: number, deptName: string): ReveDepartment {
  return { deptName, clOperatorCode: null, deptDescription: '', isAccessAllReport: null, id, active: false };
}

function generateReve(options: DataOptions, rnd: Random): ReveData {
  const departments: ReveDepartment[] = [
    reveDept(4213, 'WhatsApp'), reveDept(4214, 'Facebook'), reveDept(4215, 'Sales'), reveDept(4216, 'Support'),
    reveDept(4217, 'Billing'), reveDept(4218, 'Soporte técnico'), reveDept(4219, '客户服务'), reveDept(4220, 'الدعم الفني'),
  ];
  const agents: ReveAgent[] = REVE_AGENTS.map((a) => ({
    ...structuredClone(a), email: exampleEmail(a.email, `${a.first_name} ${a.last_name}`, options.seedEmails),
  }));
  let nextId = 120_000;
  options.hostileStrings.forEach((s, k) => {
    const dept = reveDept(5000 + k, s);
    departments.push(dept);
    agents.push({
      agent_id: nextId++, account_id: REVE_ACCOUNT_ID, role: null, email: `${s}@example.com`, designation: s, phone_no: '',
      status: 'ONLINE', concurrent_chat_limit: 2, additional_info: null, last_login_time: DATA_EPOCH - DAY,
      last_name: s, first_name: s, create_time: DATA_EPOCH - 100 * DAY, departments: [{ ...dept }],
    });
  });
  const generated = Math.max(0, options.agents - REVE_AGENTS.length);
  for (let i = 0; i < generated; i++) {
    nextId += int(rnd, 1, 7);
    const p = person(rnd, nextId);
    const deptCount = weighted(rnd, [[0, 5], [1, 4], [2, 2]] as const);
    const depts: ReveDepartment[] = [];
    for (let d = 0; d < deptCount; d++) {
      const dept = departments[int(rnd, 0, 7)];
      if (!depts.includes(dept)) depts.push(dept); // shared objects: they are never mutated
    }
    agents.push({
      agent_id: nextId,
      account_id: REVE_ACCOUNT_ID,
      role: null,
      email: `${p.emailLocal}@example.com`,
      designation: pick(rnd, DESIGNATIONS),
      phone_no: rnd() < 0.3 ? `8801${int(rnd, 100000000, 999999999)}` : '',
      status: weighted(rnd, [['OFFLINE', 55], ['ONLINE', 25], ['AWAY', 12], ['BUSY', 8]] as const),
      concurrent_chat_limit: pick(rnd, [0, 1, 2, 2, 4, 5, 5, 10, 20]),
      additional_info: null,
      last_login_time: rnd() < 0.1 ? null : DATA_EPOCH - int(rnd, 0, 200 * DAY),
      last_name: p.last,
      first_name: p.first,
      create_time: Math.floor((DATA_EPOCH - int(rnd, 200 * DAY, 1500 * DAY)) / 1000) * 1000,
      departments: options.duplicateDepartments && depts.length ? [...depts, { ...depts[0] }] : depts,
    });
  }
  const agentIndex = new Map(agents.map((a, i) => [a.agent_id, i]));

  let legacy: ReveLegacyAgent[] | undefined;
  const legacyAgents = (): ReveLegacyAgent[] =>
    (legacy ??= agents.map((a, i) => ({
      agent_id: a.agent_id,
      first_name: a.first_name,
      last_name: a.last_name,
      email: a.email,
      phone_no: a.phone_no || '-',
      role: i === 0 ? 'Super Admin' : a.concurrent_chat_limit >= 10 ? 'Admin' : 'Agent',
      status: a.status === 'OFFLINE' ? 'Offline' : 'Online',
      last_login_time: a.last_login_time,
      concurrent_chat_limit: a.concurrent_chat_limit,
      create_time: a.create_time,
      designation: a.designation,
      additional_info: '',
      enabled: 1,
    })));

  const offline = generateOffline(options, rnd, agents);
  return { accountId: REVE_ACCOUNT_ID, agents, agentIndex, departments, legacyAgents, ...offline };
}

function generateOffline(options: DataOptions, rnd: Random, agents: ReveAgent[]) {
  const seedMsgs = REVE_OFFLINE_MESSAGES;
  const oldestGenerated = seedMsgs[0].received_time;
  const generatedCount = Math.max(0, options.offlineMessages - seedMsgs.length);
  const hostile = options.hostileStrings;
  const generated: ReveOfflineMessage[] = [];
  let id = 744;
  const span = DATA_EPOCH - 30 * DAY - oldestGenerated;
  for (let k = 0; k < generatedCount; k++) {
    id += int(rnd, 1, 3);
    const step = span / Math.max(1, generatedCount);
    const received = Math.floor(oldestGenerated + step * (k + 1) - rnd() * step * 0.5);
    const recent = k >= generatedCount * 0.8;
    const p = person(rnd, id);
    const unread = rnd() < (recent ? 0.6 : 0.08) ? 1 : 0;
    generated.push({
      offline_message_id: id,
      visitor_id: int(rnd, 200_000, 999_999),
      visitor_name: rnd() < 0.2 ? '' : p.display,
      visitor_email: rnd() < 0.3 ? '' : `${p.emailLocal.replace(/\.\d+$/, '')}@mail.example`,
      visitor_phone: rnd() < 0.5 ? '' : String(int(rnd, 10_000_000_000, 99_999_999_999)),
      subject: pick(rnd, OFFLINE_SUBJECTS),
      message: pick(rnd, OFFLINE_MESSAGES),
      received_time: received,
      unread,
      reply_message_count: unread ? weighted(rnd, [[0, 8], [1, 2]] as const) : int(rnd, 0, 6),
    });
  }
  const hostileMsgs: ReveOfflineMessage[] = hostile.map((s, k) => ({
    offline_message_id: id + 1 + k,
    visitor_id: 100_000 + k,
    visitor_name: s,
    visitor_email: `${s}@example.com`,
    visitor_phone: s,
    subject: s,
    message: s,
    received_time: DATA_EPOCH - (hostile.length - k) * 60_000,
    unread: 1,
    reply_message_count: 1,
  }));
  // Newest first: hostile (newest), generated (newest first), then the seed's own (2015).
  const offlineMessages = [...hostileMsgs.reverse(), ...generated.reverse(), ...seedMsgs.map((m) => ({ ...m }))];
  const offlineIndex = new Map(offlineMessages.map((m, i) => [m.offline_message_id, i]));
  const hostileById = new Map(hostileMsgs.map((m) => [m.offline_message_id, hostile[m.offline_message_id - id - 1]]));
  const seedIds = new Set(seedMsgs.map((m) => m.offline_message_id));
  const forbiddenOfflineIds = new Set(
    options.forbiddenOfflineMessageIds ??
      generated.map((m) => m.offline_message_id).filter((x) => x % 97 === 0),
  );
  const replySeed = options.seed >>> 0;

  const replies = (messageId: number): ReveReply[] => {
    if (messageId === REVE_OFFLINE_MESSAGE_744.offline_message_id) {
      return REVE_OFFLINE_MESSAGE_744.reply_messages.map((r) => ({ ...r }));
    }
    const index = offlineIndex.get(messageId);
    if (index === undefined) return [];
    const msg = offlineMessages[index];
    const hostileText = hostileById.get(messageId);
    if (hostileText !== undefined) {
      return [{
        reply_message: hostileText, message_reply_time: msg.received_time + 60_000, agent_id: agents[0].agent_id,
        first_name: hostileText, last_name: hostileText, email: `${hostileText}@example.com`,
      }];
    }
    // Seed messages other than 744 get the same replies whatever the seed; others depend on the seed.
    const r = mulberry32((seedIds.has(messageId) ? 0 : replySeed) ^ Math.imul(messageId, 0x9e3779b1));
    const list: ReveReply[] = [];
    let at = msg.received_time;
    for (let n = 0; n < msg.reply_message_count; n++) {
      at += int(r, 60_000, 3 * DAY);
      const agent = agents[int(r, 0, agents.length - 1)];
      list.push({
        reply_message: pick(r, REPLY_MESSAGES), message_reply_time: at, agent_id: agent.agent_id,
        first_name: agent.first_name, last_name: agent.last_name, email: agent.email,
      });
    }
    return list.reverse(); // newest first, like 744's
  };

  return { offlineMessages, offlineIndex, replies, forbiddenOfflineIds };
}

// ---------------------------------------------------------------- Rocket.Chat

function rocketDept(rnd: Random, name: string, enabled: boolean, numAgents: number): RocketDepartment {
  return {
    _id: objectId(rnd), enabled, name, description: '', showOnRegistration: true, showOnOfflineForm: true,
    requestTagBeforeClosingChat: false, email: `${slug(name) === 'agent' ? 'dept' : slug(name)}@example.com`,
    chatClosingTags: [], offlineMessageChannelName: '', abandonedRoomsCloseCustomMessage: '', waitingQueueMessage: '',
    departmentsAllowedToForward: [], fallbackForwardDepartment: '',
    _updatedAt: new Date(DATA_EPOCH - int(rnd, 0, 300) * DAY).toISOString(), numAgents, type: 'd',
  };
}

function generateRocket(options: DataOptions, rnd: Random): RocketData {
  const departments: RocketDepartment[] = ROCKET_SPEC_DEPARTMENTS.map((d) => structuredClone(d));
  for (const [name, enabled] of [
    ['Sales', true], ['Billing', true], ['Atención al cliente', true], ['技術サポート', true], ['خدمة العملاء', true],
    ['Legacy 🗄️', false],
  ] as const) {
    departments.push(rocketDept(rnd, name, enabled, 0));
  }
  const examples: RocketListedAgent[] = [
    { ...structuredClone(ROCKET_AVAILABLE_AGENT_EXAMPLE), statusLivechat: 'available', departments: [departments[0]._id] },
    ...ROCKET_SPEC_USERS.map((u) => ({ ...structuredClone(u), departments: [...(ROCKET_SPEC_USER_DEPARTMENTS[u._id] ?? [])] })),
  ];
  for (const a of examples) {
    for (const e of a.emails) e.address = exampleEmail(e.address, a.username, options.seedEmails);
  }
  const agents: RocketListedAgent[] = [...examples];
  options.hostileStrings.forEach((s, k) => {
    const dept = rocketDept(rnd, s, true, 1);
    dept.name = s;
    departments.push(dept);
    agents.push({
      _id: meteorId(rnd), username: `hostile.${k}`, status: 'online', statusLivechat: 'available', name: s,
      emails: [{ address: `${s}@example.com`, verified: false }], livechat: { maxNumberSimultaneousChat: '5' },
      departments: [dept._id],
    });
  });
  const generated = Math.max(0, options.agents - examples.length);
  const generatedDepts = departments.slice(0, 8);
  for (let i = 0; i < generated; i++) {
    const p = person(rnd, i + 1);
    const status = weighted(rnd, [['online', 30], ['away', 15], ['busy', 10], ['offline', 45]] as const);
    const available = status === 'offline' ? rnd() < 0.1 : rnd() < 0.7;
    const deptCount = weighted(rnd, [[0, 3], [1, 5], [2, 2]] as const);
    const depts: string[] = [];
    for (let d = 0; d < deptCount; d++) {
      const id = pick(rnd, generatedDepts)._id;
      if (!depts.includes(id)) depts.push(id);
    }
    agents.push({
      _id: meteorId(rnd),
      username: p.emailLocal,
      status,
      statusLivechat: available ? 'available' : 'not-available',
      name: options.rocketchatAgentName ?? p.display,
      emails: [{ address: `${p.emailLocal}@example.com`, verified: rnd() < 0.8 }],
      livechat: rnd() < 0.15 ? null : { maxNumberSimultaneousChat: pick(rnd, ['', '0', '2', '5', '5', '10']) },
      departments: options.duplicateDepartments && depts.length ? [...depts, depts[0]] : depts,
    });
  }
  const members = new Map<string, number>();
  for (const a of agents) for (const d of a.departments) members.set(d, (members.get(d) ?? 0) + 1);
  for (const dept of departments.slice(2)) dept.numAgents = members.get(dept._id) ?? 0;
  const sorted = sortRocketAgents(agents, 'name', 1);
  return { agents: sorted, byId: new Map(agents.map((a) => [a._id, a])), departments };
}

/** Mongo-like sort without collation (binary order), stable, ties broken by _id. */
export function sortRocketAgents(agents: RocketListedAgent[], field: keyof RocketAgent, dir: 1 | -1): RocketListedAgent[] {
  const keys = agents.map((a) => String(a[field] ?? ''));
  const ids = agents.map((a) => a._id);
  const order = agents.map((_, i) => i);
  order.sort((i, j) => {
    const x = keys[i];
    const y = keys[j];
    if (x !== y) return x < y ? -dir : dir;
    return ids[i] < ids[j] ? -1 : ids[i] > ids[j] ? 1 : 0;
  });
  return order.map((i) => agents[i]);
}

// ---------------------------------------------------------------- HelpCrunch

function generateHelpcrunch(options: DataOptions, rnd: Random): HelpcrunchData {
  const agents: HelpcrunchAgent[] = HELPCRUNCH_AGENTS.map((a) => ({ ...a, email: exampleEmail(a.email, a.name, options.seedEmails) }));
  const deptNames = ['Support', 'Sales', 'Billing', 'Onboarding', 'Soporte', 'カスタマーサポート', 'الدعم', 'VIP ⭐'];
  const membership: number[][] = deptNames.map(() => []);
  membership[0].push(0, 1);
  membership[1].push(0, 3);
  const hostileDepts: { name: string; members: number[] }[] = [];
  let nextId = 7000;
  options.hostileStrings.forEach((s) => {
    hostileDepts.push({ name: s, members: [agents.length] });
    agents.push({ id: nextId++, name: s, email: `${s}@example.com`, role: 'agent' });
  });
  const generated = Math.max(0, options.agents - HELPCRUNCH_AGENTS.length);
  for (let i = 0; i < generated; i++) {
    nextId += int(rnd, 1, 5);
    const p = person(rnd, nextId);
    if (rnd() < 0.7) membership[int(rnd, 0, deptNames.length - 1)].push(agents.length);
    agents.push({
      id: nextId,
      name: p.display,
      email: `${p.emailLocal}@example.com`,
      role: weighted(rnd, [['agent', 50], ['agentChatOnly', 25], ['superviser', 10], ['admin', 5]] as const),
    });
  }
  const departments: HelpcrunchDepartment[] = [
    ...deptNames.map((name, i) => ({ id: 101 + i, name, agents: membership[i].map((n) => ({ ...agents[n] })) })),
    ...hostileDepts.map((d, k) => ({ id: 201 + k, name: d.name, agents: d.members.map((n) => ({ ...agents[n] })) })),
  ];
  return { agents, departments };
}

/** The seed's verbatim `agent` object for Rocket.Chat's `omnichannel/agents/available` "single" variant. */
export function rocketAvailableExample(): RocketAgent {
  return structuredClone(ROCKET_AVAILABLE_AGENT_EXAMPLE);
}
