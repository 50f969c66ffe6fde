// What a user template says about its own headings: `sections: { "What hurt": drains }` files the
// bullets under "What hurt" in Growth Notes' drains. The templates (core/retro) produce the map; the
// index applies it to every entry of the template's type, so the entries never need to carry it.
import { createHash } from 'node:crypto';
import { GROWTH_GROUPS, GrowthGroup } from '../../shared/noteKinds';
import { normalizeHeading } from './sections';

/** Headings, as `normalizeHeading` writes them, → the Growth Notes group their bullets belong to. */
export type HeadingGroups = ReadonlyMap<string, GrowthGroup>;

/** Entry type → the heading map of the template that writes entries of that type. */
export type HeadingGroupsByType = ReadonlyMap<string, HeadingGroups>;

export interface TemplateSections {
  /** Changes whenever any type's map changes; the index's cache records it. `''` when no template maps a heading. */
  digest: string;
  byType: HeadingGroupsByType;
}

export const NO_TEMPLATE_SECTIONS: TemplateSections = { digest: '', byType: new Map() };

/**
 * Reads a `sections:` map of headings to groups. Headings are matched by meaning later, so they are
 * kept normalized; a group is read without regard to case. `invalid` hears each pair that names no group.
 */
export function headingGroups(raw: unknown, invalid?: (heading: string, group: unknown) => void): Map<string, GrowthGroup> {
  const map = new Map<string, GrowthGroup>();
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return map;
  for (const [heading, value] of Object.entries(raw as Record<string, unknown>)) {
    const group = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    const key = normalizeHeading(heading);
    if (!key) continue; // no heading reads as nothing ("## 🎉"): it could never match
    if (group !== undefined && (GROWTH_GROUPS as readonly string[]).includes(group)) map.set(key, group as GrowthGroup);
    else invalid?.(heading, value);
  }
  return map;
}

/** The maps with their digest; types that map nothing are left out, so they never count as a change. */
export function templateSectionsOf(byType: ReadonlyMap<string, HeadingGroups>): TemplateSections {
  const kept = new Map([...byType].filter(([, groups]) => groups.size > 0));
  if (kept.size === 0) return NO_TEMPLATE_SECTIONS;
  const canonical = [...kept].map(([type, groups]) => [type, [...groups].sort(byKey)] as const).sort(byKey);
  return { digest: createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16), byType: kept };
}

/** The types whose heading map differs between two readings of the templates. */
export function typesRemapped(before: TemplateSections, after: TemplateSections): Set<string> {
  const types = new Set<string>();
  if (before.digest === after.digest) return types;
  for (const type of new Set([...before.byType.keys(), ...after.byType.keys()])) {
    const a = before.byType.get(type);
    const b = after.byType.get(type);
    if (a?.size !== b?.size || [...(a ?? [])].some(([heading, group]) => b?.get(heading) !== group)) types.add(type);
  }
  return types;
}

const byKey = (a: readonly [string, unknown], b: readonly [string, unknown]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
