import { StaffRole } from '../../generated/prisma/enums';
import type { StaffCaller } from './caller';

/**
 * Which records a staff member may see: their own (consultant), their store (store manager, service
 * advisor), their region (region manager) or all (director, admin, marketer). Every module filters its
 * queries with `scopedWhere`, so a record out of scope is simply not found (404), never leaked.
 */
export type DataScope =
  | { level: 'all' }
  | { level: 'region'; regionId: number }
  | { level: 'store'; storeId: number }
  | { level: 'own'; staffId: number };

/** Nothing matches: a caller whose store or region is not set sees no scoped records. */
const NOTHING = { level: 'own', staffId: -1 } as const;

export function dataScopeOf(caller: StaffCaller): DataScope {
  switch (caller.role) {
    case StaffRole.ADMIN:
    case StaffRole.DIRECTOR:
    case StaffRole.MARKETER:
      return { level: 'all' };
    case StaffRole.REGION_MANAGER:
      return caller.regionId === null ? NOTHING : { level: 'region', regionId: caller.regionId };
    case StaffRole.STORE_MANAGER:
    case StaffRole.SERVICE_ADVISOR:
      return caller.storeId === null ? NOTHING : { level: 'store', storeId: caller.storeId };
    case StaffRole.CONSULTANT:
      return { level: 'own', staffId: caller.staffId };
  }
}

/** How one kind of record relates to an owner, a store and a region, as Prisma `where` fragments. */
export interface ScopeRelations<Where> {
  own: (staffId: number) => Where;
  store: (storeId: number) => Where;
  region: (regionId: number) => Where;
}

export function scopedWhere<Where extends object>(scope: DataScope, relations: ScopeRelations<Where>): Where | Record<string, never> {
  switch (scope.level) {
    case 'all':
      return {};
    case 'region':
      return relations.region(scope.regionId);
    case 'store':
      return relations.store(scope.storeId);
    case 'own':
      return relations.own(scope.staffId);
  }
}

/**
 * Whether the caller works in (or above) this store: all-scope roles anywhere, a region manager in their
 * region, everyone else in their own store. Used where a record is created in a store.
 */
export function worksInStore(caller: StaffCaller, store: { id: number; regionId: number }): boolean {
  const scope = dataScopeOf(caller);
  switch (scope.level) {
    case 'all':
      return true;
    case 'region':
      return scope.regionId === store.regionId;
    case 'store':
      return scope.storeId === store.id;
    case 'own':
      return caller.storeId === store.id;
  }
}
