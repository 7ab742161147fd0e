/** One page of a list, as every paged endpoint answers it (`pageOf` in server/src/contracts/common.contract.ts). */
export interface Page<Item> {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}
