import type { EnergyType } from '../api/vehicle-models';

interface EnergyTypeLabel {
  text: string;
  /** New-energy vehicles (纯电 and 插混) get green plates and their own styling. */
  isNewEnergy: boolean;
}

export const ENERGY_TYPE_LABELS: Record<EnergyType, EnergyTypeLabel> = {
  BEV: { text: '纯电 · 新能源', isNewEnergy: true },
  PHEV: { text: '插混 · 新能源', isNewEnergy: true },
  HEV: { text: '油电混动', isNewEnergy: false },
  ICE: { text: '燃油', isNewEnergy: false },
};
