import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import { bookTestDriveSchema, rateTestDriveSchema, rescheduleSchema, slotQuerySchema, slotSchema, testDriveBookingSchema } from '../../contracts/test-drives.contract';
import { CurrentCaller, CustomerOnly, Public } from '../../core/auth/access.decorators';
import type { CustomerCaller } from '../../core/auth/caller';
import { idempotencyKeyFrom } from '../../core/idempotency/idempotency-key';
import { TestDrivesService } from './test-drives.service';
import { IdParam } from '../../core/http/common.dto';

class TestDriveSlotQuery extends createZodDto(slotQuerySchema) {}
class TestDriveBookBody extends createZodDto(bookTestDriveSchema) {}
class TestDriveRescheduleBody extends createZodDto(rescheduleSchema) {}
class RateBody extends createZodDto(rateTestDriveSchema) {}
class TestDriveSlotDto extends createZodDto(slotSchema, { codec: true }) {}
class TestDriveBookingDto extends createZodDto(testDriveBookingSchema, { codec: true }) {}

@ApiTags('test-drives')
@Controller('test-drives')
export class TestDrivesController {
  constructor(private readonly testDrives: TestDrivesService) {}

  @Get('slots')
  @Public()
  @ZodResponse({ type: [TestDriveSlotDto] })
  slots(@Query() query: TestDriveSlotQuery) {
    return this.testDrives.slots(query.storeId, query.modelId, query.date);
  }

  @Post('bookings')
  @CustomerOnly()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key again returns the same booking' })
  @ZodResponse({ status: 201, type: TestDriveBookingDto })
  book(@CurrentCaller() caller: CustomerCaller, @Body() body: TestDriveBookBody, @Headers('idempotency-key') idempotencyKey?: string) {
    return this.testDrives.book(caller.customerId, body, idempotencyKeyFrom(idempotencyKey));
  }

  @Get('bookings/mine')
  @CustomerOnly()
  @ZodResponse({ type: [TestDriveBookingDto] })
  mine(@CurrentCaller() caller: CustomerCaller) {
    return this.testDrives.mine(caller.customerId);
  }

  @Post('bookings/:id/reschedule')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: TestDriveBookingDto })
  reschedule(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam, @Body() body: TestDriveRescheduleBody) {
    return this.testDrives.reschedule(caller.customerId, id, body.startAt);
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: TestDriveBookingDto })
  cancel(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam) {
    return this.testDrives.cancel(caller.customerId, id);
  }

  @Post('bookings/:id/rating')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: TestDriveBookingDto })
  rate(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam, @Body() body: RateBody) {
    return this.testDrives.rate(caller.customerId, id, body.rating, body.comment);
  }
}
