import { useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/i18n";
import { useDebouncedCallback, useHydrated } from "~/utils/hooks";

export type FieldChoice = { slug: string; areaSlug: string; label: string };
type Suggestions = {
  organizations: { slug: string; name: string }[];
  fields: FieldChoice[];
  offers?: { id: string; name: string }[];
};
type Option = { id: string; label: string; choose: () => void };

/**
 * The list pages' search box, with suggestions under it as one types (WAI-ARIA
 * combobox with a list box: arrows move, Enter chooses, Escape closes). An
 * organization opens its page; a field filters the list by it. Without
 * JavaScript it is a plain search box. On /offers (`list="offers"`) offers come
 * first, and one opens its page.
 */
export function SearchBox({
  id,
  q,
  maxLength,
  placeholder,
  list,
  onChooseField,
}: {
  id: string;
  q: string;
  maxLength: number;
  placeholder?: string;
  /** The list the box searches, when its own things are suggested too */
  list?: "offers";
  onChooseField: (field: FieldChoice) => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const request = useRef<AbortController | null>(null);
  const listId = `${id}-suggestions`;
  // Suggestions need JavaScript: before hydration the box is a plain search box, with no list.
  const hydrated = useHydrated();

  // Keep the box in step with the URL (back/forward, links), but never under the user's fingers.
  useEffect(() => {
    const input = inputRef.current;
    if (input && document.activeElement !== input && input.value !== q) input.value = q;
  }, [q]);
  useEffect(() => () => request.current?.abort(), []);

  const load = useDebouncedCallback(async (text: string) => {
    request.current?.abort();
    if (text.trim().length < 2) return setSuggestions(null);
    const controller = (request.current = new AbortController());
    try {
      const response = await fetch(
        `/search/suggest?${new URLSearchParams({ q: text.trim(), ...(list ? { list } : {}) })}`,
        {
          signal: controller.signal,
        },
      );
      if (!response.ok) return setSuggestions(null);
      setSuggestions((await response.json()) as Suggestions);
      setActive(-1);
    } catch {
      // Aborted by the next keystroke, or offline: the search itself still runs.
    }
  }, 150);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const offers: Option[] = (suggestions?.offers ?? []).map((offer) => ({
    id: `${listId}-x-${offer.id}`,
    label: offer.name,
    choose: () => navigate(`/offers/${offer.id}`),
  }));
  const organizations: Option[] = (suggestions?.organizations ?? []).map((organization) => ({
    id: `${listId}-o-${organization.slug}`,
    label: organization.name,
    choose: () => navigate(`/organizations/${organization.slug}`),
  }));
  const fields: Option[] = (suggestions?.fields ?? []).map((field) => ({
    id: `${listId}-f-${field.slug}`,
    label: field.label,
    choose: () => onChooseField(field),
  }));
  const options = [...offers, ...organizations, ...fields];
  const expanded = open && options.length > 0;
  const choose = (option: Option) => {
    close();
    option.choose();
  };

  return (
    <div className="relative mt-1">
      <input
        ref={inputRef}
        id={id}
        name="q"
        type="search"
        defaultValue={q}
        maxLength={maxLength}
        autoComplete="off"
        placeholder={placeholder}
        role={hydrated ? "combobox" : undefined}
        aria-autocomplete={hydrated ? "list" : undefined}
        aria-expanded={hydrated ? expanded : undefined}
        aria-controls={hydrated ? listId : undefined}
        aria-activedescendant={expanded && active >= 0 ? options[active]?.id : undefined}
        className="w-full rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-base"
        onInput={(event) => {
          setOpen(true);
          load(event.currentTarget.value);
        }}
        onBlur={close}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            if (options.length === 0) return;
            event.preventDefault();
            setOpen(true);
            // Past either end the focus returns to the box (no option active).
            const step = event.key === "ArrowDown" ? 1 : -1;
            setActive((current) => {
              const next = (current < 0 && step < 0 ? options.length : current) + step;
              return next >= options.length ? -1 : next;
            });
          } else if (event.key === "Enter" && expanded && active >= 0 && options[active]) {
            event.preventDefault();
            choose(options[active]);
          } else if (event.key === "Escape" && expanded) {
            // The first Escape closes the list; a second one clears the box, as usual.
            event.preventDefault();
            close();
          }
        }}
      />
      {hydrated ? (
        <div
          id={listId}
          role="listbox"
          aria-label={t("search.suggestions")}
          hidden={!expanded}
          className="absolute inset-x-0 top-full z-30 mt-1 max-h-80 overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
        >
          <OptionGroup id={`${listId}-x`} label={t("search.suggestOffers")}>
            {offers.map((option) => (
              <SuggestionOption key={option.id} option={option} active={options[active] === option} choose={choose} />
            ))}
          </OptionGroup>
          <OptionGroup id={`${listId}-o`} label={t("search.suggestOrganizations")}>
            {organizations.map((option) => (
              <SuggestionOption key={option.id} option={option} active={options[active] === option} choose={choose} />
            ))}
          </OptionGroup>
          <OptionGroup id={`${listId}-f`} label={t("search.suggestFields")}>
            {fields.map((option) => (
              <SuggestionOption key={option.id} option={option} active={options[active] === option} choose={choose} />
            ))}
          </OptionGroup>
        </div>
      ) : null}
    </div>
  );
}

function OptionGroup({ id, label, children }: { id: string; label: string; children: React.ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <div role="group" aria-labelledby={id}>
      <div id={id} role="presentation" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase text-slate-500">
        {label}
      </div>
      {children}
    </div>
  );
}

function SuggestionOption({
  option,
  active,
  choose,
}: {
  option: Option;
  active: boolean;
  choose: (option: Option) => void;
}) {
  return (
    <div
      id={option.id}
      role="option"
      aria-selected={active}
      // Focus stays in the box (aria-activedescendant); -1 keeps the option out of the tab order.
      tabIndex={-1}
      className={`cursor-pointer px-3 py-2 text-sm ${active ? "bg-brand-50 text-brand-800" : "hover:bg-slate-100"}`}
      // Chosen before the box loses focus (which closes the list).
      onMouseDown={(event) => {
        event.preventDefault();
        choose(option);
      }}
    >
      {option.label}
    </div>
  );
}
