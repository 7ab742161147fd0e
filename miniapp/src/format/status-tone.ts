/** The colour of a status tag, by what the status means to the customer. */
export type StatusTone = 'brand' | 'active' | 'warning' | 'done' | 'muted' | 'danger';

export interface StatusLabel {
  text: string;
  tone: StatusTone;
}
