import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service';

@Injectable()
export class VehicleModelsService {
  constructor(private readonly prisma: PrismaService) {}

  /** Every model, discontinued ones too (an imported car may be of a model no longer sold). */
  listAllModels() {
    return this.prisma.vehicleModel.findMany({ select: { id: true, code: true, name: true, active: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
  }

  /** How many of these ids are models (a check that each exists). */
  countModels(ids: number[]): Promise<number> {
    return this.prisma.vehicleModel.count({ where: { id: { in: ids } } });
  }

  async modelIdByCode(code: string): Promise<number | null> {
    return (await this.prisma.vehicleModel.findUnique({ where: { code }, select: { id: true } }))?.id ?? null;
  }

  /** A trim's list price (fen), or null when there is no such trim. */
  trimPrice(trimId: number): Promise<{ id: number; msrpFen: number } | null> {
    return this.prisma.vehicleTrim.findUnique({ where: { id: trimId }, select: { id: true, msrpFen: true } });
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
