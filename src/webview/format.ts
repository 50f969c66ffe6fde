// How the panel writes dates, types and counts.

function localDate(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

/** "Wed, Nov 25, 2026" in the user's locale. */
export function formatDate(iso: string): string {
  const d = localDate(iso);
  return d ? d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }) : iso;
}

/** "Wed, Nov 25" this year, "Tue, Nov 25, 2025" before: the timeline's dates, short enough for a narrow sidebar. */
export function formatRowDate(iso: string, today = new Date()): string {
  const d = localDate(iso);
  if (!d) return iso;
  const sameYear = d.getFullYear() === today.getFullYear();
  return d.toLocaleDateString(undefined, sameYear ? { weekday: 'short', day: 'numeric', month: 'short' } : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** "Nov 25" in the user's locale. */
export function formatShortDate(iso: string): string {
  const d = localDate(iso);
  return d ? d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' }) : iso;
}

