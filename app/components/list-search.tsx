import { Form, useLocation, useNavigate, useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { formatNumber, useLanguage, useT } from "~/i18n/i18n";
import { useDebouncedCallback, useHydrated } from "~/utils/hooks";
import { cx } from "~/utils/misc";
import { SearchBox, type FieldChoice } from "./search-box";
import { Button, buttonClass } from "./ui/button";

/**
 * One search behaviour for every list page (directory, experts, requests, and the
 * lists to come): search as you type (debounced, replacing the history entry while
 * typing), filters applied at once, and the same GET form, submit button and
 * layout without JavaScript. See docs/decisions/046.
 */
/**
 * Whether the navigation under way answers a keystroke: set as the form is
 * submitted, read once by the list route's clientLoader, which then asks for
 * an answer without facet counts. Kept here, not in the URL: a shared link
 * always gets the counts (docs/decisions/048).
 */
let typingNavigation = false;
export function takeTypingNavigation(): boolean {
  const typing = typingNavigation;
  typingNavigation = false;
  return typing;
}

/** Idle time after the last keystroke's answer before the counts are fetched. */
export const COUNTS_AFTER_MS = 1000;

export function useListSearch(action: string, defaults: Record<string, string> = {}) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const location = useLocation();
  const searching = navigation.state === "loading" && navigation.location.pathname === action;
  const formRef = useRef<HTMLFormElement>(null);

  // A filter that changes the results re-renders its checkbox (selected options move to the top),
  // which drops the keyboard's focus to <body>: put it back on the control that was used.
  const focusAfterSearch = useRef<string | null>(null);
  useEffect(() => {
    const id = focusAfterSearch.current;
    if (!id || searching) return;
    focusAfterSearch.current = null;
    if (document.activeElement === document.body || document.activeElement === null)
      document.getElementById(id)?.focus();
  }, [searching, location.search]);

  // Submits the form's state as a short URL (no empty box, no default values).
  // Typing adds one history entry, then keeps replacing it, so Back returns to
  // the page as it was before typing, not to every prefix typed.
  const submitForm = ({ typing }: { typing: boolean }) => {
    if (!formRef.current) return;
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(formRef.current)) {
      if (typeof value !== "string") continue;
      if ((name === "q" && value.trim() === "") || defaults[name] === value) continue;
      params.append(name, name === "q" ? value.trim() : value);
    }
    if (`?${params}` === location.search || (params.size === 0 && location.search === "")) return;
    const replace = typing && (location.state as { typing?: boolean } | null)?.typing === true;
    if (!typing && document.activeElement?.id) focusAfterSearch.current = document.activeElement.id;
    typingNavigation = typing;
    submit(params, { method: "get", action, preventScrollReset: true, replace, state: { typing } });
  };
  const submitTyping = useDebouncedCallback(() => submitForm({ typing: true }), 250);
  return { formRef, searching, submitForm, submitTyping };
}

/**
 * A keystroke's answer has no facet counts: once typing has settled (no
 * navigation for COUNTS_AFTER_MS), the same URL is loaded again, with them.
 */
function useCountsOnceSettled(countsLater: boolean) {
  const navigation = useNavigation();
  const { revalidate, state } = useRevalidator();
  const location = useLocation();
  const idle = navigation.state === "idle" && state === "idle";
  useEffect(() => {
    if (!countsLater || !idle) return;
    const timer = setTimeout(revalidate, COUNTS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [countsLater, idle, location.key, revalidate]);
}

export function ListSearch({
  action,
  inputId,
  label,
  placeholder,
  q,
  maxLength,
  total,
  controls,
  filters,
  filtersOpen,
  defaults,
  fieldParam,
  suggest,
  countsLater = false,
  children,
}: {
  action: string;
  inputId: string;
  label: string;
  placeholder?: string;
  q: string;
  maxLength: number;
  total: number;
  /** Beside the box (the directory's sort) */
  controls?: ReactNode;
  filters: ReactNode;
  filtersOpen: boolean;
  /** Values left out of the URL (the default sort) */
  defaults?: Record<string, string>;
  /** The URL parameter a chosen field suggestion sets: the field, or its area on lists filtered by area */
  fieldParam: (field: FieldChoice) => [string, string];
  /** The list whose own things the box suggests too (/offers) */
  suggest?: "offers";
  /** This answer to a keystroke came without facet counts: fetch them once typing settles */
  countsLater?: boolean;
  /** The results: the chip row, notices and the list */
  children: ReactNode;
}) {
  const t = useT();
  const lang = useLanguage();
  const hydrated = useHydrated();
  const navigate = useNavigate();
  const location = useLocation();
  const { formRef, searching, submitForm, submitTyping } = useListSearch(action, defaults);
  useCountsOnceSettled(countsLater);

  const chooseField = (field: FieldChoice) => {
    submitTyping.cancel();
    typingNavigation = false;
    const params = new URLSearchParams(location.search);
    const [name, value] = fieldParam(field);
    // The field stands for the words typed: they would only narrow it further.
    params.delete("q");
    params.delete("page");
    if (!params.getAll(name).includes(value)) params.append(name, value);
    navigate(`${action}?${params}`, { preventScrollReset: true });
  };

  return (
    <Form
      ref={formRef}
      method="get"
      action={action}
      role="search"
      onChange={(event) => {
        const target = event.target as HTMLElement;
        if (target instanceof HTMLInputElement && target.name === "q") submitTyping();
        else submitForm({ typing: false });
      }}
      onSubmit={(event) => {
        event.preventDefault();
        submitTyping.cancel();
        submitForm({ typing: false });
      }}
    >
      {/* On a phone: the box first, then the filters (folded), then the results. */}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
            {label}
          </label>
          <SearchBox
            id={inputId}
            q={q}
            maxLength={maxLength}
            placeholder={placeholder}
            list={suggest}
            onChooseField={chooseField}
          />
        </div>
        {controls}
        <Button type="submit" size="lg">
          {t("directory.submit")}
        </Button>
      </div>
      {/* The filters hold dozens of checkboxes: the keyboard can jump over them. */}
      <a
        href="#result-list"
        className="sr-only focus:not-sr-only focus:mt-2 focus:inline-block focus:rounded focus:px-2 focus:py-1 focus:text-brand-700 focus:underline"
      >
        {t("directory.skipToResults")}
      </a>

      <div className="relative mt-2 h-1 overflow-hidden rounded" aria-hidden>
        {searching ? <div className="progress-indeterminate absolute inset-y-0 w-2/5 rounded bg-brand-600" /> : null}
      </div>

      <div className="mt-4 grid gap-6 lg:grid-cols-[16rem_1fr]">
        <details
          className="filters-panel self-start rounded-xl border border-slate-200 bg-white p-4 lg:border-0 lg:bg-transparent lg:p-0"
          open={filtersOpen || undefined}
        >
          <summary className="cursor-pointer font-semibold">{t("directory.filters")}</summary>
          <div className="mt-3 space-y-5 lg:mt-0">
            {filters}
            <div className={cx("sticky bottom-0 flex flex-wrap gap-2 bg-white py-2", hydrated && "lg:hidden")}>
              {hydrated ? (
                // With JavaScript the filters apply at once; on a phone the results are far below.
                <a href="#results" className={buttonClass({ size: "sm" })}>
                  {t("directory.showResults", { count: formatNumber(lang, total) })}
                </a>
              ) : (
                <Button type="submit" size="sm">
                  {t("directory.applyFilters")}
                </Button>
              )}
            </div>
          </div>
        </details>

        <section id="results" aria-labelledby="results-heading" aria-busy={searching} className="min-w-0 scroll-mt-4">
          {children}
        </section>
      </div>
    </Form>
  );
}
