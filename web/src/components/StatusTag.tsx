/** A record's status as a small coloured label; the colour only repeats what the text says. */
export function StatusTag({ status, label }: { status: string; label: string }) {
  return <span className={`tag tag-${status}`}>{label}</span>;
}
