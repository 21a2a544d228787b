/**
 * Roles and what each may do. The server checks these on every loader and
 * action (app/auth/auth.server.ts); the pages use them only to hide links.
 */
export const ROLES = ["member", "curator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Approve or reject requests before they are public */
  "request:review": ["curator", "admin"],
  /** Approve or reject organization claims */
  "claim:review": ["curator", "admin"],
  /** Edit any organization listing */
  "organization:edit-any": ["curator", "admin"],
  /** Work the review queue, verify, archive, restore and merge listings, read the audit log */
  "organization:curate": ["curator", "admin"],
  /** Import listings in bulk */
  "organization:import": ["curator", "admin"],
  /** Import services, equipment and technologies in bulk */
  "offer:import": ["curator", "admin"],
  /** Appoint curators and admins */
  "user:appoint": ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(user: { role: string } | null | undefined, permission: Permission): boolean {
  return Boolean(user && (PERMISSIONS[permission] as readonly string[]).includes(user.role));
}

export function isOfficial(user: { role: string } | null | undefined): boolean {
  return user?.role === "curator" || user?.role === "admin";
}
