// Sample data for the panel tests: an agent, an offline message with replies, and a page context.
import type { Agent, Connection, OfflineMessage, OfflineMessageDetail, OfflineMessageReply } from '../../../../src/api/model';
import type { PageContext } from '../../../../src/webviews/html/page';
import { createNonce } from '../../../../src/webviews/nonce';

export const connection: Connection = {
  id: 'conn-1', label: 'Support (production)', platform: 'rocketchat', baseUrl: 'https://chat.example.com',
};

export function context(overrides: Partial<PageContext> = {}): PageContext {
  return {
    nonce: createNonce(),
    cspSource: 'https://*.vscode-cdn.net',
    styleUris: [
      'https://file+.vscode-resource.vscode-cdn.net/ext/dist/media/codicon.css',
      'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
    ],
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/media/panel.js',
    locale: 'en-US',
    timeZone: 'UTC',
    ...overrides,
  };
}

export const MARCH_15_2024_1030_UTC = Date.UTC(2024, 2, 15, 10, 30, 0);
export const JAN_2_2023_0800_UTC = Date.UTC(2023, 0, 2, 8, 0, 0);

export function agent(overrides: Partial<Agent> = {}): Agent {
  return {
    platform: 'rocketchat',
    connectionId: 'conn-1',
    id: 'a4761',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    role: 'livechat-manager',
    status: 'online',
    available: true,
    departments: [{ id: 'd1', name: 'Billing' }, { id: 'd2', name: 'Technical support' }],
    lastLoginAt: MARCH_15_2024_1030_UTC,
    createdAt: JAN_2_2023_0800_UTC,
    raw: { _id: 'a4761', name: 'Ada Lovelace', emails: [{ address: 'ada@example.com' }], statusLivechat: 'available' },
    ...overrides,
  };
}

export function message(overrides: Partial<OfflineMessage> = {}): OfflineMessage {
  return {
    id: 'm-77',
    subject: 'Invoice question',
    message: 'Hello,\n  my invoice shows   two charges.\nThanks!',
    unread: true,
    receivedAt: MARCH_15_2024_1030_UTC,
    visitor: { id: 'v-9', name: 'Grace Hopper', email: 'grace@example.org', phone: '+1 555 0100' },
    replyCount: 2,
    raw: { id: 'm-77', subject: 'Invoice question' },
    ...overrides,
  };
}

export function reply(i: number, overrides: Partial<OfflineMessageReply> = {}): OfflineMessageReply {
  return {
    message: `Reply number ${i}`,
    at: MARCH_15_2024_1030_UTC + i * 60_000,
    agentId: `a${i}`,
    agentName: `Agent ${i}`,
    agentEmail: `agent${i}@example.com`,
    ...overrides,
  };
}

export function detail(replyCount = 2, overrides: Partial<OfflineMessageDetail> = {}): OfflineMessageDetail {
  return { ...message(), replies: Array.from({ length: replyCount }, (_, i) => reply(i + 1)), ...overrides };
}
