import { Fragment } from "react";

/** Marks around matched words, as the search module writes them (private-use characters, never HTML). */
const START = "\uE000";
const END = "\uE001";

/**
 * Renders text with its highlighted parts in <mark>. The text is never parsed
 * as HTML, so whatever a listing contains shows as text.
 */
export function Highlight({ text, fallback = "" }: { text: string | undefined; fallback?: string }) {
  const value = text ?? fallback;
  if (!value.includes(START)) return <>{stripMarkers(value)}</>;
  const parts: { text: string; marked: boolean }[] = [];
  let rest = value;
  while (rest.length > 0) {
    const start = rest.indexOf(START);
    if (start === -1) {
      parts.push({ text: rest, marked: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), marked: false });
    const end = rest.indexOf(END, start + 1);
    const stop = end === -1 ? rest.length : end;
    // A prefix or typo match marks part of a word ("Kho|a"); mark the whole word.
    const tail = /^[\p{L}\p{M}\p{N}]+/u.exec(rest.slice(stop + 1))?.[0] ?? "";
    parts.push({ text: rest.slice(start + 1, stop) + tail, marked: true });
    rest = rest.slice(stop + 1 + tail.length);
  }
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{part.marked ? <mark>{stripMarkers(part.text)}</mark> : stripMarkers(part.text)}</Fragment>
      ))}
    </>
  );
}

function stripMarkers(text: string) {
  return text.replace(/[\uE000\uE001]/g, "");
}
