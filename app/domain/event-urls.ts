/** Where an event's pages and files live (safe in the browser; docs/decisions/077). */
export const eventUrl = (slug: string) => `/events/${slug}`;
export const eventIcsUrl = (slug: string) => `/events/${slug}.ics`;
export const registrationUrl = (slug: string) => `/events/${slug}/registration`;
