import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import {
  bookingDetailSchema,
  carListQuerySchema,
  carSchema,
  carStatusResultSchema,
  createCarSchema,
  createRouteSchema,
  finishDriveSchema,
  routeListQuerySchema,
  routeSchema,
  scheduleQuerySchema,
  scheduleSchema,
  staffBookingSchema,
  startDriveSchema,
  testDriveBookingSchema,
  testDriveSettingsSchema,
  updateCarSchema,
} from '../../contracts/test-drives.contract';
import { CurrentCaller, Public, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { TestDriveFleetService } from './test-drive-fleet.service';
import { TestDriveOperationsService } from './test-drive-operations.service';
import { TestDrivesService } from './test-drives.service';
import { IdParam, StoreParam } from '../../core/http/common.dto';
import { MANAGERS, SALES } from '../../contracts/roles.contract';

class ScheduleQuery extends createZodDto(scheduleQuerySchema) {}
class StaffBookingBody extends createZodDto(staffBookingSchema) {}
class StartBody extends createZodDto(startDriveSchema) {}
class FinishBody extends createZodDto(finishDriveSchema) {}
class CarListQuery extends createZodDto(carListQuerySchema) {}
class CreateCarBody extends createZodDto(createCarSchema) {}
class UpdateCarBody extends createZodDto(updateCarSchema) {}
class ScheduleDto extends createZodDto(scheduleSchema, { codec: true }) {}
class TestDriveBookingDto extends createZodDto(testDriveBookingSchema, { codec: true }) {}
class BookingDetailDto extends createZodDto(bookingDetailSchema, { codec: true }) {}
class CarDto extends createZodDto(carSchema) {}
class CarStatusResultDto extends createZodDto(carStatusResultSchema) {}
class RouteListQuery extends createZodDto(routeListQuerySchema) {}
class CreateRouteBody extends createZodDto(createRouteSchema) {}
class RouteDto extends createZodDto(routeSchema) {}
class TestDriveSettingsDto extends createZodDto(testDriveSettingsSchema) {}


/** 试驾排班 and 试驾车辆: the store's day board, receiving customers, and the fleet. */
@ApiTags('test-drives')
@Controller('test-drives')
export class TestDriveStaffController {
  constructor(
    private readonly testDrives: TestDrivesService,
    private readonly operations: TestDriveOperationsService,
    private readonly fleet: TestDriveFleetService,
  ) {}

  @Get('schedule')
  @Roles(...SALES)
  @ZodResponse({ type: ScheduleDto })
  schedule(@CurrentCaller() caller: StaffCaller, @Query() query: ScheduleQuery) {
    return this.operations.schedule(caller, query.storeId, query.date);
  }

  @Post('staff-bookings')
  @Roles(...SALES)
  @ZodResponse({ status: 201, type: TestDriveBookingDto })
  bookForLead(@CurrentCaller() caller: StaffCaller, @Body() body: StaffBookingBody) {
    return this.testDrives.bookForLead(caller, body);
  }

  @Get('bookings/:id')
  @Roles(...SALES)
  @ZodResponse({ type: BookingDetailDto })
  detail(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.operations.detail(caller, id);
  }

  @Post('bookings/:id/start')
  @HttpCode(200)
  @Roles(...SALES)
  @ZodResponse({ type: BookingDetailDto })
  start(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: StartBody) {
    return this.operations.start(caller, id, body.odometerOut, body.licenceChecked);
  }

  @Post('bookings/:id/finish')
  @HttpCode(200)
  @Roles(...SALES)
  @ZodResponse({ type: BookingDetailDto })
  finish(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: FinishBody) {
    return this.operations.finish(caller, id, body);
  }

  @Post('bookings/:id/no-show')
  @HttpCode(200)
  @Roles(...SALES)
  @ZodResponse({ type: BookingDetailDto })
  noShow(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.operations.noShow(caller, id);
  }

  @Get('cars')
  @Roles(...SALES)
  @ZodResponse({ type: [CarDto] })
  cars(@CurrentCaller() caller: StaffCaller, @Query() query: CarListQuery) {
    return this.fleet.list(caller, query.storeId);
  }

  @Post('cars')
  @Roles(...MANAGERS)
  @ZodResponse({ status: 201, type: CarDto })
  createCar(@CurrentCaller() caller: StaffCaller, @Body() body: CreateCarBody) {
    return this.fleet.create(caller, body);
  }

  @Patch('cars/:id')
  @Roles(...MANAGERS)
  @ZodResponse({ type: CarStatusResultDto })
  updateCar(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: UpdateCarBody) {
    return this.fleet.setStatus(caller, id, body.status);
  }

  @Get('routes')
  @Public()
  @ZodResponse({ type: [RouteDto] })
  routes(@Query() query: RouteListQuery) {
    return this.fleet.routes(query.storeId);
  }

  @Post('routes')
  @Roles(...MANAGERS)
  @ZodResponse({ status: 201, type: RouteDto })
  createRoute(@CurrentCaller() caller: StaffCaller, @Body() body: CreateRouteBody) {
    return this.fleet.createRoute(caller, body);
  }

  @Get('settings/:storeId')
  @Roles(...SALES)
  @ZodResponse({ type: TestDriveSettingsDto })
  settings(@CurrentCaller() caller: StaffCaller, @Param() { storeId }: StoreParam) {
    return this.fleet.settings(caller, storeId);
  }

  @Put('settings/:storeId')
  @Roles(...MANAGERS)
  @ZodResponse({ type: TestDriveSettingsDto })
  updateSettings(@CurrentCaller() caller: StaffCaller, @Param() { storeId }: StoreParam, @Body() body: TestDriveSettingsDto) {
    return this.fleet.updateSettings(caller, storeId, body);
  }
}
