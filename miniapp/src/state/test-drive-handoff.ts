import type { Store } from '../api/stores';
import type { TestDriveBooking, TestDriveSlot } from '../api/test-drives';
import type { VehicleModel } from '../api/vehicle-models';

// What one page hands to the next where route params cannot carry it: `switchTab` drops the query
// string, and a whole store, model and booking are too big for a URL. Module state lives as long as
// the mini-program, like the page stack, and every reader copes with finding nothing (an H5 reload).

export interface TestDriveChoice {
  store: Store;
  model: VehicleModel;
  slot: TestDriveSlot;
}

let preselectedModelId: number | null = null;
let choice: TestDriveChoice | null = null;
let lastBooking: TestDriveBooking | null = null;

/** Home's per-model 预约试驾: the booking tab starts with this model chosen. */
export function preselectModel(modelId: number): void {
  preselectedModelId = modelId;
}

/** The preselected model, once: a later visit to the tab keeps the customer's own choice. */
export function takePreselectedModelId(): number | null {
  const modelId = preselectedModelId;
  preselectedModelId = null;
  return modelId;
}

/** Store, model and slot picked on the booking tab, for the confirm page. */
export function handOverChoice(picked: TestDriveChoice): void {
  choice = picked;
}

export function handedOverChoice(): TestDriveChoice | null {
  return choice;
}

/** The booking just made, for the success page. */
export function handOverBooking(booking: TestDriveBooking): void {
  lastBooking = booking;
  choice = null;
}

export function handedOverBooking(bookingId: number): TestDriveBooking | null {
  return lastBooking?.id === bookingId ? lastBooking : null;
}
