import type { pageOf } from 'server/contracts/common.contract';
import type { z } from 'zod';
import type { Wire } from './wire';

/** One page of a list, as every paged endpoint answers it (`pageOf` in the contracts), holding `Item`s. */
export type Page<Item> = Omit<Wire<ReturnType<typeof pageOf<z.ZodUnknown>>>, 'items'> & { items: Item[] };
