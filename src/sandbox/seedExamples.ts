// The vendors' own response examples (their documents; sources in docs/platform-apis.md, the examples also in
// test/fixtures/vendor-examples/), copied verbatim as data so that the sandbox never reads files at run time. E-mails
// shown as "[email protected]" are the docs' Cloudflare obfuscation, kept on purpose (the sandbox's `seedEmails`
// option decides what it serves). Do not edit: tests compare these against the fixtures.

import type {
  HelpcrunchAgent, ReveAgent, ReveOfflineMessage, ReveOfflineMessageDetail, RocketAgent, RocketDepartment,
} from './model';

/** Seed 000: REVE Chat account of the examples. */
export const REVE_ACCOUNT_ID = '8683034';

/** Seed 000: every agent object of the list example, in order. */
export const REVE_AGENTS: ReveAgent[] = [
  {
    "agent_id": 77273,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 5,
    "additional_info": null,
    "last_login_time": 1752391069243,
    "last_name": "Tuhin Design",
    "first_name": "Asif",
    "create_time": 1643532522000,
    "departments": [
      {
        "deptName": "WhatsApp",
        "clOperatorCode": null,
        "deptDescription": "",
        "isAccessAllReport": null,
        "id": 4213,
        "active": false
      }
    ]
  },
  {
    "agent_id": 81830,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 5,
    "additional_info": null,
    "last_login_time": 1752391945383,
    "last_name": "",
    "first_name": "Mohaimin",
    "create_time": 1655109292000,
    "departments": []
  },
  {
    "agent_id": 86682,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 20,
    "additional_info": null,
    "last_login_time": 1752379578660,
    "last_name": "Bot",
    "first_name": "Anower",
    "create_time": 1663814705000,
    "departments": [
      {
        "deptName": "Facebook",
        "clOperatorCode": null,
        "deptDescription": "",
        "isAccessAllReport": null,
        "id": 4214,
        "active": false
      },
      {
        "deptName": "WhatsApp",
        "clOperatorCode": null,
        "deptDescription": "",
        "isAccessAllReport": null,
        "id": 4213,
        "active": false
      }
    ]
  },
  {
    "agent_id": 92352,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 4,
    "additional_info": null,
    "last_login_time": 1751881330730,
    "last_name": "Qa",
    "first_name": "Hamid",
    "create_time": 1674635747000,
    "departments": []
  },
  {
    "agent_id": 93441,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 10,
    "additional_info": null,
    "last_login_time": 1742138673428,
    "last_name": "Hassan",
    "first_name": "Rahat",
    "create_time": 1676566247000,
    "departments": []
  },
  {
    "agent_id": 95754,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 2,
    "additional_info": null,
    "last_login_time": 1748753954220,
    "last_name": "dev",
    "first_name": "Noman",
    "create_time": 1679456488000,
    "departments": []
  },
  {
    "agent_id": 99004,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 1,
    "additional_info": null,
    "last_login_time": 1752025518948,
    "last_name": "Dev Team1",
    "first_name": "Reve",
    "create_time": 1684640788000,
    "departments": []
  },
  {
    "agent_id": 99005,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 1,
    "additional_info": null,
    "last_login_time": 1748088177089,
    "last_name": "Shermin",
    "first_name": "Sheyla",
    "create_time": 1684640943000,
    "departments": []
  },
  {
    "agent_id": 106372,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 2,
    "additional_info": null,
    "last_login_time": 1752044783049,
    "last_name": "QA",
    "first_name": "Tushar",
    "create_time": 1698910016000,
    "departments": []
  },
  {
    "agent_id": 109358,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 2,
    "additional_info": null,
    "last_login_time": 1737091771101,
    "last_name": "",
    "first_name": "TestRahat",
    "create_time": 1702448909000,
    "departments": []
  },
  {
    "agent_id": 113425,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 2,
    "additional_info": null,
    "last_login_time": 1729268702874,
    "last_name": "",
    "first_name": "Mehedi",
    "create_time": 1724300955000,
    "departments": []
  },
  {
    "agent_id": 113593,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "ONLINE",
    "concurrent_chat_limit": 0,
    "additional_info": null,
    "last_login_time": 1728558213403,
    "last_name": "Qwerty",
    "first_name": "Sourabh",
    "create_time": 1725354508000,
    "departments": []
  },
  {
    "agent_id": 113919,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "8801686321456",
    "status": "OFFLINE",
    "concurrent_chat_limit": 0,
    "additional_info": null,
    "last_login_time": 1740934857371,
    "last_name": "",
    "first_name": "Hafeez",
    "create_time": 1727331335000,
    "departments": []
  },
  {
    "agent_id": 114061,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 2,
    "additional_info": null,
    "last_login_time": 1728108209475,
    "last_name": "Sales",
    "first_name": "BD",
    "create_time": 1727938468000,
    "departments": []
  },
  {
    "agent_id": 114812,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "SDK Dev",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 2,
    "additional_info": null,
    "last_login_time": 1739943584438,
    "last_name": "SDK Dev 1",
    "first_name": "Android",
    "create_time": 1732686888000,
    "departments": []
  },
  {
    "agent_id": 114813,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 2,
    "additional_info": null,
    "last_login_time": null,
    "last_name": "SDK Dev 1",
    "first_name": "iOS",
    "create_time": 1732686939000,
    "departments": []
  },
  {
    "agent_id": 115124,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 0,
    "additional_info": null,
    "last_login_time": 1738466982705,
    "last_name": "",
    "first_name": "Ahsan",
    "create_time": 1734930585000,
    "departments": []
  },
  {
    "agent_id": 115722,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 20,
    "additional_info": null,
    "last_login_time": 1750145010664,
    "last_name": "",
    "first_name": "Sujon",
    "create_time": 1738727804000,
    "departments": []
  },
  {
    "agent_id": 116353,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 5,
    "additional_info": null,
    "last_login_time": 1750046689811,
    "last_name": "Rahman",
    "first_name": "Hachibur",
    "create_time": 1742370184000,
    "departments": [
      {
        "deptName": "Facebook",
        "clOperatorCode": null,
        "deptDescription": "",
        "isAccessAllReport": null,
        "id": 4214,
        "active": false
      },
      {
        "deptName": "WhatsApp",
        "clOperatorCode": null,
        "deptDescription": "",
        "isAccessAllReport": null,
        "id": 4213,
        "active": false
      }
    ]
  },
  {
    "agent_id": 116931,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 2,
    "additional_info": null,
    "last_login_time": 1746524463293,
    "last_name": "",
    "first_name": "Rasheek",
    "create_time": 1746434352000,
    "departments": []
  },
  {
    "agent_id": 117342,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 0,
    "additional_info": null,
    "last_login_time": 1750040917371,
    "last_name": "Siddique",
    "first_name": "Afjal",
    "create_time": 1748752360000,
    "departments": []
  },
  {
    "agent_id": 118647,
    "account_id": "8683034",
    "role": null,
    "email": "[email protected]",
    "designation": "",
    "phone_no": "",
    "status": "OFFLINE",
    "concurrent_chat_limit": 2,
    "additional_info": null,
    "last_login_time": null,
    "last_name": "dev",
    "first_name": "Sayeem",
    "create_time": 1751269506000,
    "departments": []
  }
];

/** Seed 000: the single-agent example (note create_time null where the list has a number). */
export const REVE_SINGLE_AGENT_EXAMPLE: ReveAgent = {
  "agent_id": 81830,
  "account_id": "8683034",
  "role": null,
  "email": "[email protected]",
  "designation": "",
  "phone_no": "",
  "status": "OFFLINE",
  "concurrent_chat_limit": 5,
  "additional_info": null,
  "last_login_time": 1752391945383,
  "last_name": "",
  "first_name": "Mohaimin",
  "create_time": null,
  "departments": []
};

/** Seed 003: the offline-message list example (newest first). */
export const REVE_OFFLINE_MESSAGES: ReveOfflineMessage[] = [
  {
    "offline_message_id": 744,
    "visitor_id": 203305,
    "visitor_name": "arafat.mobilw",
    "visitor_email": "ssd@ccc.cin",
    "visitor_phone": "23444445555",
    "subject": "hhhhh",
    "message": "hhhhhh",
    "received_time": 1429082063768,
    "unread": 0,
    "reply_message_count": 4
  },
  {
    "offline_message_id": 740,
    "visitor_id": 199011,
    "visitor_name": "nurnabi-firefox",
    "visitor_email": "nurnabi-firefox@yahoo.com",
    "visitor_phone": "66666666666",
    "subject": "9999999",
    "message": "999999999",
    "received_time": 1429036033094,
    "unread": 0,
    "reply_message_count": 1
  },
  {
    "offline_message_id": 596,
    "visitor_id": 146598,
    "visitor_name": "",
    "visitor_email": "",
    "visitor_phone": "",
    "subject": "test",
    "message": "hii...test",
    "received_time": 1425643670381,
    "unread": 0,
    "reply_message_count": 2
  },
  {
    "offline_message_id": 594,
    "visitor_id": 140425,
    "visitor_name": "",
    "visitor_email": "",
    "visitor_phone": "",
    "subject": "hi",
    "message": "hi bb",
    "received_time": 1425633914570,
    "unread": 0,
    "reply_message_count": 1
  }
];

/** Seed 003: the single offline message example with its replies. */
export const REVE_OFFLINE_MESSAGE_744: ReveOfflineMessageDetail = {
  "offline_message_id": 744,
  "visitor_id": 203305,
  "visitor_name": "arafat.mobilw",
  "visitor_email": "ssd@ccc.cin",
  "visitor_phone": "23444445555",
  "subject": "hhhhh",
  "message": "hhhhhh",
  "received_time": 1429082063768,
  "unread": 0,
  "reply_messages": [
    {
      "reply_message": "Hello",
      "message_reply_time": 1439628148050,
      "agent_id": 465,
      "first_name": "nurnabi",
      "last_name": "Siddiquee",
      "email": "nurnabi-admin@revechat.com"
    },
    {
      "reply_message": "test",
      "message_reply_time": 1432552096863,
      "agent_id": 466,
      "first_name": "Subrata",
      "last_name": "Pappu",
      "email": "pappu-agent@revechat.com"
    },
    {
      "reply_message": "dummy message",
      "message_reply_time": 1431854505390,
      "agent_id": 464,
      "first_name": "Arafat",
      "last_name": "Mahmud",
      "email": "arafat-agent@revechat.com"
    },
    {
      "reply_message": "hy",
      "message_reply_time": 1431343882925,
      "agent_id": 465,
      "first_name": "nurnabi",
      "last_name": "Siddiquee",
      "email": "nurnabi-admin@revechat.com"
    }
  ]
};

/** Seed 001: the agent of the omnichannel/agents/available example. */
export const ROCKET_AVAILABLE_AGENT_EXAMPLE: RocketAgent = {
  "_id": "XycfA5CetCPuEjqxw",
  "username": "test.agent",
  "name": "agent123",
  "status": "online",
  "statusLivechat": "online",
  "emails": [
    {
      "address": "[email protected]",
      "verified": true
    }
  ],
  "livechat": {
    "maxNumberSimultaneousChat": "5"
  }
};

/** Seed 002: the agents of the HelpCrunch list example, in order; its meta.total says 5. */
export const HELPCRUNCH_AGENTS: HelpcrunchAgent[] = [
  {
    "id": 2533,
    "name": "Alex",
    "email": "[email protected]",
    "role": "admin"
  },
  {
    "id": 4761,
    "name": "Nick Grachesku",
    "email": "[email protected]",
    "role": "agent"
  },
  {
    "id": 6694,
    "name": "Lisa",
    "email": "[email protected]",
    "role": "agentChatOnly"
  },
  {
    "id": 6679,
    "name": "Les",
    "email": "[email protected]",
    "role": "superviser"
  }
];

/**
 * Rocket.Chat's official OpenAPI (rocketchat-omnichannel.yaml; see docs/platform-apis.md), `GET livechat/users/{type}` example
 * users: they show the quirks `livechat: null` and `maxNumberSimultaneousChat: ''`.
 */
export const ROCKET_SPEC_USERS: RocketAgent[] = [
  {
    _id: 'XLzGrYF9L2miSpPHP', username: 'dialog.bot', status: 'offline', statusLivechat: 'not-available', name: 'Dialog Bot',
    emails: [{ address: 'dialog.bot@test.com', verified: true }], livechat: null,
  },
  {
    _id: 'rbAXPnMktTFbNpwtJ', username: 'john.doe', status: 'offline', statusLivechat: 'available', name: 'John Doe',
    emails: [{ address: 'john.doe@gmail.com', verified: true }], livechat: { maxNumberSimultaneousChat: '' },
  },
  {
    _id: 'hFDuCPam7sWziWFYa', username: 'hookdeck.write', status: 'offline', statusLivechat: 'not-available', name: 'Hookdeck Write',
    emails: [{ address: 'hookdeckwrite@gmail.com', verified: true }], livechat: null,
  },
  {
    _id: 'stjxrXYBWy3EcDugH', username: 'rocket.agent', status: 'offline', statusLivechat: 'not-available', name: 'Rocket Agent',
    emails: [{ address: 'rocket.agent@rocket.chat', verified: false }], livechat: { maxNumberSimultaneousChat: '' },
  },
];

/** Department ids of the OpenAPI example users above (john.doe and rocket.agent are in "Support"). */
export const ROCKET_SPEC_USER_DEPARTMENTS: Record<string, string[]> = {
  rbAXPnMktTFbNpwtJ: ['64181a0728384134ed600dcc'],
  stjxrXYBWy3EcDugH: ['64181a0728384134ed600dcc'],
};

/** Rocket.Chat's OpenAPI `GET livechat/department` example departments. */
export const ROCKET_SPEC_DEPARTMENTS: RocketDepartment[] = [
  {
    _id: '64181a0728384134ed600dcc', enabled: true, name: 'Support', description: '', showOnRegistration: false,
    showOnOfflineForm: false, requestTagBeforeClosingChat: false, email: 'kim.jane@rocketchat.com', chatClosingTags: [],
    offlineMessageChannelName: 'Livestream', abandonedRoomsCloseCustomMessage: '', waitingQueueMessage: '',
    departmentsAllowedToForward: [], fallbackForwardDepartment: '', _updatedAt: '2023-10-13T13:03:58.406Z', numAgents: 4, type: 'd',
  },
  {
    _id: '649230d479f5c6e276cf4a12', enabled: false, name: 'Finance', description: '', showOnRegistration: false,
    showOnOfflineForm: false, requestTagBeforeClosingChat: false, email: 'test@gmail.com', chatClosingTags: [],
    offlineMessageChannelName: '', abandonedRoomsCloseCustomMessage: '', waitingQueueMessage: '', departmentsAllowedToForward: [],
    fallbackForwardDepartment: '', type: 'd', _updatedAt: '2023-10-13T13:03:58.426Z', numAgents: 3, businessHourId: '650dc9cfa2f73c7460e18bea',
  },
];
