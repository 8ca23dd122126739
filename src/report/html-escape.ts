// Text put into HTML: the characters that would end an element or an attribute value.

/** `&`, `<`, `>` and `"` as entities: safe in element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
