// Word pools for generated data: realistic, multilingual (accents, CJK, Arabic, Cyrillic, Devanagari, emoji).

export const FIRST_NAMES = [
  'Anna', 'José', 'Zoë', 'François', 'Łukasz', 'Søren', 'Björn', 'Chloé', 'Ines', 'Mateo', 'Priya', 'Rahul', 'Fatima', 'Omar',
  'Yuki', 'Hana', 'Min-jun', 'Wei', 'Aisha', 'Kwame', 'Olga', 'Dmitri', 'Nguyễn', 'Siobhán', 'Renée', 'Jürgen', 'Ayşe',
  'Tomás', 'Emma', 'Liam', 'Noah', 'Sofia', 'Lucas', 'Mia', 'Ethan', 'Amara', 'Chen', 'Ravi', 'Leila', 'Sam',
  '王', '李', '佐藤', '김', 'محمد', 'فاطمة', 'Алексей', 'Мария', 'प्रिया', 'Νίκος',
];

export const LAST_NAMES = [
  'García', 'Müller', 'Dubois', 'Kowalski', 'Nørgaard', 'Ólafsson', 'Rossi', 'Silva', 'Khan', 'Rahman', 'Hassan', 'Tanaka',
  'Suzuki', 'Park', 'Zhang', 'Okafor', 'Ivanova', 'Petrov', 'Trần', "O'Brien", 'Lefèvre', 'Smith', 'Johnson', 'Brown',
  'Williams', 'Jones', 'Nakamura', 'Haddad', 'Mensah', 'Fernández', '', '', '',
  '伟', '娜', '健', '민준', 'العلي', 'الزهراء', 'Смирнов', 'शर्मा', 'Παπαδόπουλος',
];

/** Suffixes some display names carry (emoji and the like). */
export const NAME_SUFFIXES = ['', '', '', '', '', '', '', '', ' 🚀', ' 🎧', ' (night shift)', ' ☕', ' 👩‍💻'];

export const DESIGNATIONS = ['', '', '', '', '', '', 'Support Lead', 'QA', 'Sales', 'Técnico de soporte', '客服主管', 'SDK Dev'];

export const OFFLINE_SUBJECTS = [
  'Pricing question', "Can't log in", 'Refund request', '¿Hablan español?', '配送について', 'مشكلة في الدفع',
  'Invoice', 'Hello 👋', 'Order not received', 'Password reset', 'Feature request', 'Вопрос по тарифу', 'hi', 'test',
  'Partnership', 'Bug report: checkout fails', 'Ünïcödé çhàrs',
];

export const OFFLINE_MESSAGES = [
  'Hi, I tried to reach you but nobody was online. Please call me back.',
  'How much does the Pro plan cost for 10 agents?',
  'I was charged twice this month.\nOrder #48213, please refund one of them.',
  '¿Tienen soporte en español? Gracias.',
  '注文した商品がまだ届いていません。確認をお願いします。',
  'لم أتمكن من إتمام عملية الدفع، أرجو المساعدة.',
  'hii...test',
  'Your widget covers the cookie banner on mobile 😅',
  'Please contact me at the e-mail above.',
  'Добрый день! Подскажите, пожалуйста, как сменить тариф?',
  'Is there an API to export chats?\n\nThanks,\nA.',
  '<b>bold?</b> & "quotes" & \'apostrophes\'',
];

export const REPLY_MESSAGES = [
  'Hello', 'Thanks for reaching out! We will look into it.', 'Could you share your order number?',
  'Done, the refund is on its way.', 'Sí, por supuesto. ¿En qué podemos ayudarle?', 'ご連絡ありがとうございます。',
  'شكراً لتواصلك معنا', 'test', 'hy', 'Closing this as resolved 👍', 'We replied by e-mail as well.',
];

/** ASCII slug for e-mails and usernames: strips accents; falls back to "agent" when nothing Latin is left. */
export function slug(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return s || 'agent';
}
