import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service';

@Injectable()
export class VehicleModelsService {
  constructor(private readonly prisma: PrismaService) {}

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
