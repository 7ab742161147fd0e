import {
  FOLLOW_UP_TYPE_LABELS,
  FOLLOW_UP_TYPES,
  LEAD_SOURCE_LABELS,
  LEAD_SOURCES,
  LEAD_STAGE_LABELS,
  LEAD_STAGES,
  LOST_REASON_LABELS,
  LOST_REASONS,
  type LeadSource,
} from '../../api/leads';
import type { VehicleModel } from '../../api/vehicles';

export const STAGE_OPTIONS = LEAD_STAGES.map((stage) => ({ value: stage, label: LEAD_STAGE_LABELS[stage] }));
export const SOURCE_OPTIONS = LEAD_SOURCES.map((source) => ({ value: source, label: LEAD_SOURCE_LABELS[source] }));
export const LOST_REASON_OPTIONS = LOST_REASONS.map((reason) => ({ value: reason, label: LOST_REASON_LABELS[reason] }));
export const FOLLOW_UP_TYPE_OPTIONS = FOLLOW_UP_TYPES.map((type) => ({ value: type, label: FOLLOW_UP_TYPE_LABELS[type] }));

export function sourceOptionsFor(sources: readonly LeadSource[]) {
  return sources.map((source) => ({ value: source, label: LEAD_SOURCE_LABELS[source] }));
}

export function modelOptions(models: VehicleModel[]) {
  return models.map((model) => ({ value: model.id, label: model.name }));
}
