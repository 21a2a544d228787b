/** The dot before an unread item in a list (notifications, conversations); the same room when read. */
export function UnreadDot({ unread, label }: { unread: boolean; label: string }) {
  return unread ? (
    <span role="img" className="mt-1.5 size-2 shrink-0 rounded-full bg-accent-500" aria-label={label} />
  ) : (
    <span className="mt-1.5 size-2 shrink-0" aria-hidden />
  );
}
