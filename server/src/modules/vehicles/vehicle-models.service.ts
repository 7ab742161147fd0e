import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service';

@Injectable()
export class VehicleModelsService {
  constructor(private readonly prisma: PrismaService) {}

  /** Every model, discontinued ones too (an imported car may be of a model no longer sold). */
  listAllModels() {
    return this.prisma.vehicleModel.findMany({ select: { id: true, code: true, name: true, active: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
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
