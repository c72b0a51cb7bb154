// Panel tab titles are plain text, but still data: one clean line (src/text), capped, never cut in half an emoji.
import { plainText } from '../text/plain';

export const MAX_TAB_TITLE = 60;

export function tabTitle(text: string, max = MAX_TAB_TITLE): string {
  return plainText(text, max);
}
