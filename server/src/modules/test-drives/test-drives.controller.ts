import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { idParamSchema } from '../../contracts/common.contract';
import { bookTestDriveSchema, rateTestDriveSchema, rescheduleSchema, slotQuerySchema, slotSchema, testDriveBookingSchema } from '../../contracts/test-drives.contract';
import { CurrentCaller, CustomerOnly, Public } from '../../core/auth/access.decorators';
import type { CustomerCaller } from '../../core/auth/caller';
import { idempotencyKeyFrom } from '../../core/idempotency/idempotency-key';
import { TestDrivesService } from './test-drives.service';

class IdParam extends createZodDto(idParamSchema) {}
class SlotQuery extends createZodDto(slotQuerySchema) {}
class BookBody extends createZodDto(bookTestDriveSchema) {}
class RescheduleBody extends createZodDto(rescheduleSchema) {}
class RateBody extends createZodDto(rateTestDriveSchema) {}
class SlotDto extends createZodDto(slotSchema, { codec: true }) {}
class BookingDto extends createZodDto(testDriveBookingSchema, { codec: true }) {}

@ApiTags('test-drives')
@Controller('test-drives')
export class TestDrivesController {
  constructor(private readonly testDrives: TestDrivesService) {}

  @Get('slots')
  @Public()
  @ZodResponse({ type: [SlotDto] })
  slots(@Query() query: SlotQuery) {
    return this.testDrives.slots(query.storeId, query.modelId, query.date);
  }

  @Post('bookings')
  @CustomerOnly()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key again returns the same booking' })
  @ZodResponse({ status: 201, type: BookingDto })
  book(@CurrentCaller() caller: CustomerCaller, @Body() body: BookBody, @Headers('idempotency-key') idempotencyKey?: string) {
    return this.testDrives.book(caller.customerId, body, idempotencyKeyFrom(idempotencyKey));
  }

  @Get('bookings/mine')
  @CustomerOnly()
  @ZodResponse({ type: [BookingDto] })
  mine(@CurrentCaller() caller: CustomerCaller) {
    return this.testDrives.mine(caller.customerId);
  }

  @Post('bookings/:id/reschedule')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: BookingDto })
  reschedule(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam, @Body() body: RescheduleBody) {
    return this.testDrives.reschedule(caller.customerId, id, body.startAt);
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: BookingDto })
  cancel(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam) {
    return this.testDrives.cancel(caller.customerId, id);
  }

  @Post('bookings/:id/rating')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: BookingDto })
  rate(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam, @Body() body: RateBody) {
    return this.testDrives.rate(caller.customerId, id, body.rating, body.comment);
  }
}
