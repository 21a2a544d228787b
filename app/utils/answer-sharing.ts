/**
 * What loaders say about their answer, for the whole answers kept and sent again
 * to the next person who asks the same (app/server/shared-responses.server.ts,
 * docs/decisions/020). Here, with no imports, so the auth helpers below the
 * server layer can mark an answer personal.
 *
 * `shareable` comes from the route that knows its answer is not personal,
 * `personal` from anything that looked at who is asking (`getUser`), which
 * overrides it, and `language` is the one the loader answered in.
 */
export type Sharing = { shareable: boolean; personal: boolean; language: string | null };

/** The loader's word that its answer, in `language`, depends only on the URL, the language and the data. */
export function shareResponse(context: { sharing?: Sharing }, language: string) {
  if (!context.sharing) return;
  context.sharing.shareable = true;
  context.sharing.language = language;
}

/** Whatever looks at who is asking makes the answer theirs alone (called by `getUser`). */
export function markPersonal(context: { sharing?: Sharing }) {
  if (context.sharing) context.sharing.personal = true;
}
