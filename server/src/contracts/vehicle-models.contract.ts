import { z } from 'zod';
import { EnergyType } from './enums.contract';

export const vehicleTrimSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string(), msrpFen: z.number().int() });

export const vehicleModelSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  brand: z.string(),
  energyType: z.enum(EnergyType),
  bodyType: z.string(),
  imageUrl: z.string().nullable(),
  description: z.string(),
  trims: z.array(vehicleTrimSchema),
});
