import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { customerMeSchema } from '../../contracts/auth.contract';
import { CurrentCaller, CustomerOnly } from '../../core/auth/access.decorators';
import type { CustomerCaller } from '../../core/auth/caller';
import { CustomersService } from './customers.service';

class CustomerMeDto extends createZodDto(customerMeSchema) {}

@ApiTags('customers')
@Controller('me')
export class MeController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @CustomerOnly()
  @ZodResponse({ type: CustomerMeDto })
  me(@CurrentCaller() caller: CustomerCaller) {
    return this.customers.profile(caller.customerId);
  }
}
