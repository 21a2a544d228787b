import { useCallback, useEffect, useRef, useState } from "react";

/** True once the page has hydrated (JavaScript is running). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** A callback that runs `delay` ms after its last call, and a way to cancel the pending run. */
export function useDebouncedCallback<Args extends unknown[]>(callback: (...args: Args) => void, delay: number) {
  const latest = useRef(callback);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const run = useCallback(
    (...args: Args) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => latest.current(...args), delay);
    },
    [delay],
  );
  const cancel = useCallback(() => clearTimeout(timer.current), []);
  return Object.assign(run, { cancel });
}

/**
 * Keeps what is typed in a long form in this browser (localStorage) until it is sent, so a
 * reload, a crash or a closed tab does not lose it. On the next visit an empty form is filled
 * back in; `restored` says so (the page offers to discard it). Hidden fields (the form key)
 * are never kept. Without JavaScript nothing is kept, as before.
 */
export function useFormDraft(formId: string, key: string) {
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const storageKey = `draft:${key}`;
    const saved = readDraft(storageKey);
    const untouched = [...form.elements].every(
      (element) => !(element instanceof HTMLTextAreaElement) || element.value === "",
    );
    if (saved && untouched) {
      for (const element of keptControls(form)) {
        if (!(element.name in saved)) continue;
        const values = saved[element.name]!;
        if (isChoice(element)) element.checked = values.includes(element.value);
        else element.value = values[0] ?? "";
      }
      setRestored(true);
    }
    const save = () => {
      const draft: Record<string, string[]> = {};
      for (const element of keptControls(form)) {
        draft[element.name] ??= [];
        if (isChoice(element)) {
          if (element.checked) draft[element.name]!.push(element.value);
        } else draft[element.name]!.push(element.value);
      }
      try {
        localStorage.setItem(storageKey, JSON.stringify(draft));
      } catch {
        // Storage full or refused (private mode): the form still works, only without a draft.
      }
    };
    const forget = () => localStorage.removeItem(storageKey);
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", forget);
    return () => {
      form.removeEventListener("input", save);
      form.removeEventListener("change", save);
      form.removeEventListener("submit", forget);
    };
  }, [formId, key]);
  const discard = useCallback(() => {
    localStorage.removeItem(`draft:${key}`);
    window.location.reload();
  }, [key]);
  return { restored, discard };
}

/** The form's named controls a draft keeps: every one but the hidden ones (the form key). */
function keptControls(form: HTMLFormElement) {
  return [...form.elements].filter(
    (element): element is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
      (element instanceof HTMLInputElement ||
        element instanceof HTMLTextAreaElement ||
        element instanceof HTMLSelectElement) &&
      element.name !== "" &&
      element.type !== "hidden",
  );
}

/** A checkbox or radio: a draft keeps whether it is checked, not its value. */
function isChoice(element: Element): element is HTMLInputElement {
  return element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio");
}

function readDraft(storageKey: string): Record<string, string[]> | null {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? "null") as unknown;
    return value && typeof value === "object" ? (value as Record<string, string[]>) : null;
  } catch {
    return null;
  }
}
