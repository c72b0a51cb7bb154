// Wire shapes the sandbox serves, exactly as each platform sends them (field names, order, nulls).

/** REVE Chat current generation: an entry of `departments` of an agent. */
export interface ReveDepartment {
  deptName: string;
  clOperatorCode: null;
  deptDescription: string;
  isAccessAllReport: null;
  id: number;
  active: boolean;
}

/** REVE Chat current generation (`/api/agents/{account_id}`) agent object, field order as the docs. */
export interface ReveAgent {
  agent_id: number;
  account_id: string;
  role: null;
  email: string;
  designation: string;
  phone_no: string;
  status: string;
  concurrent_chat_limit: number;
  additional_info: null;
  last_login_time: number | null;
  last_name: string;
  first_name: string;
  create_time: number | null;
  departments: ReveDepartment[];
}

/** REVE Chat legacy (`/api/agents/`, HTTP Basic) agent object. */
export interface ReveLegacyAgent {
  agent_id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone_no: string;
  role: string;
  status: string;
  last_login_time: number | null;
  concurrent_chat_limit: number;
  create_time: number | null;
  designation: string;
  additional_info: string;
  enabled: number;
}

export interface ReveOfflineMessage {
  offline_message_id: number;
  visitor_id: number;
  visitor_name: string;
  visitor_email: string;
  visitor_phone: string;
  subject: string;
  message: string;
  received_time: number;
  unread: number;
  reply_message_count: number;
}

export interface ReveReply {
  reply_message: string;
  message_reply_time: number;
  agent_id: number;
  first_name: string;
  last_name: string;
  email: string;
}

/** The single-message reply: the list's fields, with the reply thread instead of its count. */
export interface ReveOfflineMessageDetail extends Omit<ReveOfflineMessage, 'reply_message_count'> {
  reply_messages: ReveReply[];
}

/** Rocket.Chat agent as `livechat/users/agent/:_id` and `omnichannel/agents/available` send it. */
export interface RocketAgent {
  _id: string;
  username: string;
  status: string;
  statusLivechat: string;
  name: string;
  emails: { address: string; verified: boolean }[];
  livechat: { maxNumberSimultaneousChat: string } | null;
}

/** Rocket.Chat `livechat/users/agent` list entry. */
export interface RocketListedAgent extends RocketAgent {
  departments: string[];
}

export interface RocketDepartment {
  _id: string;
  enabled: boolean;
  name: string;
  description: string;
  showOnRegistration: boolean;
  showOnOfflineForm: boolean;
  requestTagBeforeClosingChat: boolean;
  email: string;
  chatClosingTags: string[];
  offlineMessageChannelName: string;
  abandonedRoomsCloseCustomMessage: string;
  waitingQueueMessage: string;
  departmentsAllowedToForward: string[];
  fallbackForwardDepartment: string;
  _updatedAt: string;
  numAgents: number;
  type: string;
  businessHourId?: string;
}

export interface HelpcrunchAgent {
  id: number;
  name: string;
  email: string;
  role: string;
}

export interface HelpcrunchDepartment {
  id: number;
  name: string;
  agents: HelpcrunchAgent[];
}
