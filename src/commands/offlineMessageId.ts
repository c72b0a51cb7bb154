// Open Offline Message…: reading a message ID typed by the user. Pure.

/** An offline-message ID as REVE Chat issues them (numbers), or undefined when `raw` cannot be one. */
export function parseMessageId(raw: string): string | undefined {
  const id = raw.trim().replace(/^#/, '');
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}
