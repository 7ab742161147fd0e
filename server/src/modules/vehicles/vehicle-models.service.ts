import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service';

@Injectable()
export class VehicleModelsService {
  constructor(private readonly prisma: PrismaService) {}

  /** Every model, discontinued ones too (an imported car may be of a model no longer sold). */
  listAllModels() {
    return this.prisma.vehicleModel.findMany({ select: { id: true, code: true, name: true, active: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
  }

  async exists(modelId: number): Promise<boolean> {
    return (await this.prisma.vehicleModel.findUnique({ where: { id: modelId }, select: { id: true } })) !== null;
  }

  /** A model still on sale; null when unknown or discontinued. */
  activeModel(modelId: number) {
    return this.prisma.vehicleModel.findFirst({ where: { id: modelId, active: true }, select: { id: true, name: true } });
  }

  listActiveModels() {
    return this.prisma.vehicleModel.findMany({
      where: { active: true },
      select: {
        id: true,
        code: true,
        name: true,
        brand: true,
        energyType: true,
        bodyType: true,
        imageUrl: true,
        description: true,
        trims: { select: { id: true, code: true, name: true, msrpFen: true }, orderBy: { msrpFen: 'asc' } },
      },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    });
  }
}
