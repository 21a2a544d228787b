import type { LoadActor } from "./load-actors";
import { LOAD_PASSWORD } from "./load-actors";

/**
 * What one simulated person does on the portal, picked at random by weight,
 * with the pauses of a real person between steps: searching as they type
 * (one data request per pause in typing, as the debounced search box sends),
 * narrowing with facets, reading organization, expert and request pages,
 * and, signed in, reading notifications and their match thread and writing
 * into it. Each request is recorded under a category for the report.
 */
export type Category =
  | "search as you type"
  | "search with facets"
  | "directory page"
  | "organization page"
  | "home page"
  | "experts"
  | "request pages"
  | "signed-in pages"
  | "message sent"
  | "sign-in"
  | "API";

export const SEARCH_CATEGORIES: Category[] = ["search as you type", "search with facets"];

/** One request: its kind, when it started (ms since the run began is the caller's to compute), how long it took, its status */
export type Sample = { category: Category; startedAt: number; ms: number; status: number; error?: string };

export type ClientContext = {
  base: string;
  actor: LoadActor;
  /** The person's own address, sent as X-Forwarded-For */
  address: string;
  slugs: { organizations: string[]; experts: string[] };
  random: () => number;
  /** Multiplies every pause (0: no pauses, a stress test rather than people) */
  think: number;
  record: (sample: Sample) => void;
  /** False once the run's time or request budget is spent */
  going: () => boolean;
  /** Milliseconds left in the run: no pause outlasts it */
  remainingMs: () => number;
};

const TYPED = [
  "vien cong nghe",
  "phong thi nghiem vat lieu",
  "materials lab",
  "HUST",
  "bach khao",
  "trí tuệ nhân tạo",
  "tri tue nhan tao",
  "cam bien khi",
  "nano",
  "cong nghe sinh hoc",
  "semiconductor",
  "ban dan",
  "robot",
  "fintech",
  "nong nghiep cong nghe cao",
  "dai hoc quoc gia",
];
/** Directory searches with filters, sorts and pages: the load test picks from them, the benchmark runs them all. */
export const FACETS = [
  "kind=startup",
  "kind=lab&kind=institute&district=cau-giay",
  "area=materials-nanotechnology",
  "field=artificial-intelligence&sort=newest",
  "sort=name&page=3",
  "q=robot&kind=lab&kind=institute",
  "q=fintech&kind=startup",
  "q=semiconductor&verified=1",
  "district=hai-ba-trung&sort=name",
  "q=vien&page=2",
  "q=nano&kind=lab",
  "kind=university&sort=name",
];

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

async function pause(context: ClientContext, minMs: number, maxMs: number) {
  if (context.think <= 0) return;
  const ms = (minMs + context.random() * (maxMs - minMs)) * context.think;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, context.remainingMs()))));
}

async function send(
  context: ClientContext,
  category: Category,
  path: string,
  init: RequestInit = {},
  expected: number[] = [200],
): Promise<string> {
  if (!context.going()) return "";
  const started = performance.now();
  try {
    const response = await fetch(`${context.base}${path}`, {
      redirect: "manual",
      ...init,
      headers: {
        Cookie: context.actor.cookie,
        "X-Forwarded-For": context.address,
        ...(init.method === "POST" ? { Origin: context.base } : {}),
        ...init.headers,
      },
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.text();
    const ok = expected.includes(response.status);
    context.record({
      category,
      startedAt: started,
      ms: performance.now() - started,
      status: response.status,
      ...(ok ? {} : { error: `${path.slice(0, 80)} → ${response.status}` }),
    });
    return body;
  } catch (error) {
    context.record({
      category,
      startedAt: started,
      ms: performance.now() - started,
      status: 0,
      error: `${path.slice(0, 80)} → ${String((error as Error).cause ?? error).slice(0, 120)}`,
    });
    return "";
  }
}

const directoryData = (query: string) => `/directory.data?${query}&_routes=routes%2Fdirectory`;

/** The prefixes a debounced search box sends while "vien cong nghe" is typed: "vi", "vien", "vien co", … */
export function typedPrefixes(text: string): string[] {
  const prefixes: string[] = [];
  for (let end = 2; end < text.length; end += 3) prefixes.push(text.slice(0, end).trimEnd());
  prefixes.push(text);
  return [...new Set(prefixes)];
}

const SCENARIOS: [weight: number, run: (context: ClientContext) => Promise<void>][] = [
  [
    30,
    async (context) => {
      for (const prefix of typedPrefixes(pick(TYPED, context.random))) {
        await send(context, "search as you type", directoryData(`q=${encodeURIComponent(prefix)}`));
        await pause(context, 200, 500);
      }
    },
  ],
  [
    14,
    async (context) => {
      await send(context, "search with facets", directoryData(pick(FACETS, context.random)));
    },
  ],
  [
    6,
    async (context) => {
      await send(context, "directory page", `/directory?q=${encodeURIComponent(pick(TYPED, context.random))}`);
    },
  ],
  [
    14,
    async (context) => {
      await send(context, "organization page", `/organizations/${pick(context.slugs.organizations, context.random)}`);
    },
  ],
  [
    5,
    async (context) => {
      await send(context, "home page", "/");
    },
  ],
  [
    6,
    async (context) => {
      if (context.random() < 0.5)
        await send(context, "experts", `/experts?q=${encodeURIComponent(pick(TYPED, context.random))}`);
      else await send(context, "experts", `/experts/${pick(context.slugs.experts, context.random)}`);
    },
  ],
  [
    8,
    async (context) => {
      await send(context, "request pages", "/requests");
      await pause(context, 500, 1_500);
      await send(context, "request pages", `/requests/${context.actor.requestId}`);
    },
  ],
  [
    8,
    async (context) => {
      await send(
        context,
        "signed-in pages",
        pick(["/notifications", "/me/requests", "/account", "/matches"], context.random),
      );
    },
  ],
  [
    4,
    async (context) => {
      const page = await send(context, "signed-in pages", `/matches/${context.actor.matchId}`);
      const formToken = /name="formToken" value="([^"]+)"/.exec(page)?.[1];
      if (!formToken) return;
      await pause(context, 1_000, 3_000);
      const body = new URLSearchParams({
        formToken,
        body: `Chào anh chị, chúng tôi gửi lịch thử nghiệm tuần tới (${new Date().toISOString()}).`,
      });
      await send(
        context,
        "message sent",
        `/matches/${context.actor.matchId}`,
        { method: "POST", body },
        [200, 302, 303],
      );
    },
  ],
  [
    1,
    async (context) => {
      const body = new URLSearchParams({ email: context.actor.email, password: LOAD_PASSWORD });
      await send(context, "sign-in", "/login", { method: "POST", body, headers: { Cookie: "" } }, [302, 303]);
    },
  ],
  [
    4,
    async (context) => {
      await send(
        context,
        "API",
        `/api/v1/organizations?q=${encodeURIComponent(pick(TYPED, context.random))}&perPage=20`,
      );
    },
  ],
];
const TOTAL_WEIGHT = SCENARIOS.reduce((sum, [weight]) => sum + weight, 0);

/** One simulated person, until the run ends. */
export async function runClient(context: ClientContext) {
  // Start spread over the first seconds, as people arrive.
  await pause(context, 0, 3_000);
  while (context.going()) {
    let roll = context.random() * TOTAL_WEIGHT;
    const scenario = SCENARIOS.find(([weight]) => (roll -= weight) < 0) ?? SCENARIOS[0]!;
    await scenario[1](context);
    await pause(context, 1_000, 4_000);
  }
}
