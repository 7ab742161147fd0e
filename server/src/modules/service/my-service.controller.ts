import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import { bookServiceSchema, ownerWorkOrderSchema, rescheduleServiceSchema, serviceBookingSchema } from '../../contracts/service.contract';
import { CurrentCaller, CustomerOnly } from '../../core/auth/access.decorators';
import type { CustomerCaller } from '../../core/auth/caller';
import { idempotencyKeyFrom } from '../../core/idempotency/idempotency-key';
import { ServiceBookingsService } from './service-bookings.service';
import { WorkOrdersService } from './work-orders.service';
import { IdParam } from '../../core/http/common.dto';

class ServiceBookBody extends createZodDto(bookServiceSchema) {}
class ServiceRescheduleBody extends createZodDto(rescheduleServiceSchema) {}
class ServiceBookingDto extends createZodDto(serviceBookingSchema, { codec: true }) {}
class OwnerWorkOrderDto extends createZodDto(ownerWorkOrderSchema, { codec: true }) {}

/** The owner's maintenance bookings and repair progress in the mini-program. */
@ApiTags('service')
@Controller('me')
export class MyServiceController {
  constructor(
    private readonly bookings: ServiceBookingsService,
    private readonly workOrders: WorkOrdersService,
  ) {}

  @Post('service-bookings')
  @CustomerOnly()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key again returns the same booking' })
  @ZodResponse({ status: 201, type: ServiceBookingDto })
  book(@CurrentCaller() caller: CustomerCaller, @Body() body: ServiceBookBody, @Headers('idempotency-key') idempotencyKey?: string) {
    return this.bookings.book(caller.customerId, body, idempotencyKeyFrom(idempotencyKey));
  }

  @Get('service-bookings')
  @CustomerOnly()
  @ZodResponse({ type: [ServiceBookingDto] })
  mine(@CurrentCaller() caller: CustomerCaller) {
    return this.bookings.mine(caller.customerId);
  }

  @Post('service-bookings/:id/reschedule')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: ServiceBookingDto })
  reschedule(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam, @Body() body: ServiceRescheduleBody) {
    return this.bookings.reschedule(caller.customerId, id, body.startAt);
  }

  @Post('service-bookings/:id/cancel')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: ServiceBookingDto })
  cancel(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam) {
    return this.bookings.cancel(caller.customerId, id);
  }

  @Get('work-orders')
  @CustomerOnly()
  @ZodResponse({ type: [OwnerWorkOrderDto] })
  workOrdersOfMine(@CurrentCaller() caller: CustomerCaller) {
    return this.workOrders.mine(caller.customerId);
  }
}
