/** A positive whole number read from the URL (a path id, `?page=2`, `?storeId=3`); anything else is undefined. */
export function positiveInt(value: string | null | undefined): number | undefined {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}
