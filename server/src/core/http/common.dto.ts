import { createZodDto } from 'nestjs-zod';
import { countResultSchema, idParamSchema, storeParamSchema, updatedResultSchema } from '../../contracts/common.contract';

// The DTOs every module's controllers share, declared once: the OpenAPI document names a component after its class,
// so one name must always mean one schema (core/http/openapi-names.spec.ts).
export class IdParam extends createZodDto(idParamSchema) {}
export class StoreParam extends createZodDto(storeParamSchema) {}
export class CountDto extends createZodDto(countResultSchema) {}
export class UpdatedDto extends createZodDto(updatedResultSchema) {}
