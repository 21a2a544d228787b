import { useRouteLoaderData } from "@remix-run/react";

/** The signed-in user as the root loader describes them (no secrets). */
export type RootUser = { id: string; name: string; role: string; accountType: string };

export function useOptionalUser(): RootUser | null {
  return useRouteLoaderData<{ user: RootUser | null }>("root")?.user ?? null;
}
