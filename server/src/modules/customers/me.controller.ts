import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { customerMeSchema, updateCustomerMeSchema } from '../../contracts/auth.contract';
import { CurrentCaller, CustomerOnly } from '../../core/auth/access.decorators';
import type { CustomerCaller } from '../../core/auth/caller';
import { CustomersService } from './customers.service';

class CustomerMeDto extends createZodDto(customerMeSchema) {}
class UpdateCustomerMeDto extends createZodDto(updateCustomerMeSchema) {}

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

  @Patch()
  @CustomerOnly()
  @ZodResponse({ type: CustomerMeDto })
  update(@CurrentCaller() caller: CustomerCaller, @Body() body: UpdateCustomerMeDto) {
    return this.customers.updateProfile(caller.customerId, body);
  }
}
