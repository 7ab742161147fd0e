import { ROLE_LABELS } from '../access';
import { ROLES, type Region, type Store } from '../api/org';

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** Stores grouped under their region, as one select's options. */
export function storeOptions(stores: Store[]) {
  const byRegion = new Map<string, { value: number; label: string }[]>();
  for (const store of stores) {
    const group = byRegion.get(store.regionName) ?? [];
    group.push({ value: store.id, label: store.name });
    byRegion.set(store.regionName, group);
  }
  return [...byRegion].map(([regionName, options]) => ({ label: regionName, options }));
}

export function regionOptions(regions: Region[]) {
  return regions.map((region) => ({ value: region.id, label: region.name }));
}
