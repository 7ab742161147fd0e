const MAINLAND_MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** 13812345678 → 138****5678, wherever a mainland mobile appears in the text. */
export function maskMobiles(text: string): string {
  return text.replace(MAINLAND_MOBILE, '$1****$2');
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: keeps the family name only. */
export function maskName(name: string): string {
  return name.length <= 1 ? name : name[0] + '*'.repeat(name.length - 1);
}
