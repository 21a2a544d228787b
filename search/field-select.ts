/** A field's slug and names in both languages, as a Prisma `select`. */
export const FIELD_NAMES_SELECT = { slug: true, nameVi: true, nameEn: true } as const;

/** A field as a document indexes it: its names and the aliases searched with them. */
export const INDEXED_FIELD_SELECT = { ...FIELD_NAMES_SELECT, aliases: true } as const;

/** The `fields` of an expert's or a request's document: each field, and its parent's names. */
export const INDEXED_FIELDS = {
  select: { field: { select: { ...INDEXED_FIELD_SELECT, parent: { select: FIELD_NAMES_SELECT } } } },
} as const;
