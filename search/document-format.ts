import type { MeiliSearch } from "meilisearch";

/**
 * The version of what documents hold. Every document carries it, and a start
 * that finds an index of older documents rebuilds it (prepareSearch): a change
 * to the document builders must reach every listing, not only those edited
 * after the deploy. Bump it with any such change.
 *
 * 2: the fields' aliases are in the documents, no longer in the synonyms setting (decision 007).
 * 3: organizations carry their ward or commune since July 2025 (ward, wardNames; decision 029).
 * 4: the concept layer's everyday words of each field; organizations' name initialisms (decision 044).
 * 5: concept words for every field the listings use (decision 049).
 * 6: the words of materials characterisation (x-ray, XRD, SEM, spectra, strength; decision 057).
 * 7: requests carry who posted them, business or public agency (requesterType; decision 067).
 * 8: experts carry whether their affiliation is verified (affiliationVerified; decision 069).
 * 9: experts carry whether they are based abroad, and the country (overseas, country; decision 076).
 * 10: experts abroad are found by their country's name in Vietnamese and English (countryNames; decision 076).
 */
export const DOCUMENT_FORMAT = 10;

/** The format of an index's documents, judged by one of them; null when the index is empty. */
export async function indexedDocumentFormat(client: MeiliSearch, uid: string): Promise<number | null> {
  // The documents route returns every attribute, whatever the index displays in search.
  const { results } = await client
    .index(uid)
    .getDocuments<{ documentFormat?: number }>({ limit: 1, fields: ["documentFormat"] });
  if (results.length === 0) return null;
  return results[0]!.documentFormat ?? 1;
}
