export interface QuoteLine {
  kind: 'OPTION' | 'FEE';
  name: string;
  amountFen: number;
}

export interface QuoteTotals {
  totalFen: number;
  /** The discount as basis points of MSRP (the store's consultant limit is in the same unit). */
  discountBp: number;
}

/** Total = MSRP + options + fees − discount; the discount may not exceed MSRP plus options. */
export function quoteTotals(msrpFen: number, lines: QuoteLine[], discountFen: number): QuoteTotals | null {
  const optionsFen = lines.filter((line) => line.kind === 'OPTION').reduce((sum, line) => sum + line.amountFen, 0);
  const feesFen = lines.filter((line) => line.kind === 'FEE').reduce((sum, line) => sum + line.amountFen, 0);
  if (discountFen > msrpFen + optionsFen) return null;
  return { totalFen: msrpFen + optionsFen + feesFen - discountFen, discountBp: Math.ceil((discountFen * 10_000) / msrpFen) };
}

/** A consultant's discount above the store's limit waits for the store manager; managers' quotes do not. */
export function needsApproval(isConsultant: boolean, discountBp: number, limitBp: number): boolean {
  return isConsultant && discountBp > limitBp;
}
