/** JSON to put inside a `<script>` element (JSON-LD, a page script's settings): `<` escaped, so no text in it can close the element. */
export function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
