import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import { applyCouponSchema, boardQuerySchema, boardSchema, bookServiceSchema, checkInSchema, moveWorkOrderSchema, partMovementQuerySchema, partMovementSchema, partStockQuerySchema, partStockSchema, receivePartsSchema, serviceBookingSchema, serviceCalendarQuerySchema, serviceItemQuerySchema, serviceItemSchema, serviceSlotQuerySchema, serviceSlotSchema, setWorkOrderItemsSchema, workOrderListQuerySchema, workOrderPageSchema, workOrderSchema, workshopSettingsInputSchema, workshopSettingsSchema } from '../../contracts/service.contract';
import { CurrentCaller, Public, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { ExportsService } from '../../core/exports/exports.service';
import { PartsService } from './parts.service';
import { ServiceBookingsService } from './service-bookings.service';
import { WORK_ORDER_EXPORT_COLUMNS } from './work-orders.rules';
import { WorkOrdersService } from './work-orders.service';
import { WorkshopBoardService } from './workshop-board.service';
import { WorkshopSettingsService } from './workshop-settings.service';
import { IdParam, StoreParam } from '../../core/http/common.dto';
import { AFTER_SALES, MANAGERS } from '../../contracts/roles.contract';

class ServiceSlotQuery extends createZodDto(serviceSlotQuerySchema) {}
class ItemQuery extends createZodDto(serviceItemQuerySchema) {}
class ServiceBookBody extends createZodDto(bookServiceSchema) {}
class CalendarQuery extends createZodDto(serviceCalendarQuerySchema) {}
class BoardQuery extends createZodDto(boardQuerySchema) {}
class CheckInBody extends createZodDto(checkInSchema) {}
class SetItemsBody extends createZodDto(setWorkOrderItemsSchema) {}
class CouponBody extends createZodDto(applyCouponSchema) {}
class MoveBody extends createZodDto(moveWorkOrderSchema) {}
class WorkOrderListQuery extends createZodDto(workOrderListQuerySchema) {}
class PartStockQuery extends createZodDto(partStockQuerySchema) {}
class ReceiveBody extends createZodDto(receivePartsSchema) {}
class MovementQuery extends createZodDto(partMovementQuerySchema) {}
class WorkshopSettingsBody extends createZodDto(workshopSettingsInputSchema) {}
class WorkshopSettingsDto extends createZodDto(workshopSettingsSchema) {}
class ServiceSlotDto extends createZodDto(serviceSlotSchema, { codec: true }) {}
class ItemDto extends createZodDto(serviceItemSchema) {}
class ServiceBookingDto extends createZodDto(serviceBookingSchema, { codec: true }) {}
class BoardDto extends createZodDto(boardSchema, { codec: true }) {}
class WorkOrderDto extends createZodDto(workOrderSchema, { codec: true }) {}
class WorkOrderPageDto extends createZodDto(workOrderPageSchema, { codec: true }) {}
class PartStockDto extends createZodDto(partStockSchema) {}
class MovementDto extends createZodDto(partMovementSchema, { codec: true }) {}


/** The workshop: the public catalogue and slots, and the service advisors' bookings, board, work orders and parts. */
@ApiTags('service')
@Controller('service')
export class ServiceController {
  constructor(
    private readonly bookings: ServiceBookingsService,
    private readonly board: WorkshopBoardService,
    private readonly workOrders: WorkOrdersService,
    private readonly parts: PartsService,
    private readonly workshopSettings: WorkshopSettingsService,
    private readonly exports: ExportsService,
  ) {}

  @Get('slots')
  @Public()
  @ZodResponse({ type: [ServiceSlotDto] })
  slots(@Query() query: ServiceSlotQuery) {
    return this.bookings.slots(query.storeId, query.date);
  }

  @Get('items')
  @Public()
  @ZodResponse({ type: [ItemDto] })
  items(@Query() query: ItemQuery) {
    return this.parts.items(query.modelId);
  }

  @Get('board')
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: BoardDto })
  arrivals(@CurrentCaller() caller: StaffCaller, @Query() query: BoardQuery) {
    return this.board.board(caller, query.storeId, query.date);
  }

  @Get('bookings')
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: [ServiceBookingDto] })
  calendar(@CurrentCaller() caller: StaffCaller, @Query() query: CalendarQuery) {
    return this.bookings.calendar(caller, query.storeId, query.from, query.to);
  }

  @Post('bookings')
  @Roles(...AFTER_SALES)
  @ZodResponse({ status: 201, type: ServiceBookingDto })
  bookByPhone(@CurrentCaller() caller: StaffCaller, @Body() body: ServiceBookBody) {
    return this.bookings.bookByStaff(caller, body);
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: ServiceBookingDto })
  cancel(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.bookings.closeByStaff(caller, id, 'CANCELLED');
  }

  @Post('bookings/:id/no-show')
  @HttpCode(200)
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: ServiceBookingDto })
  noShow(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.bookings.closeByStaff(caller, id, 'NO_SHOW');
  }

  @Post('work-orders')
  @Roles(...AFTER_SALES)
  @ZodResponse({ status: 201, type: WorkOrderDto })
  checkIn(@CurrentCaller() caller: StaffCaller, @Body() body: CheckInBody) {
    return this.workOrders.checkIn(caller, body);
  }

  /** The filtered 工单 list as .xlsx, customers' mobiles as the caller's role sees them; audited. */
  @Get('work-orders/export')
  @Roles(...AFTER_SALES)
  async exportWorkOrders(@CurrentCaller() caller: StaffCaller, @Query() query: WorkOrderListQuery, @Res() reply: FastifyReply) {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    await this.exports.send(reply, caller, { title: '工单', list: 'work-orders', filters, columns: WORK_ORDER_EXPORT_COLUMNS, batches: this.workOrders.exportBatches(caller, filters) });
  }

  @Get('work-orders')
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: WorkOrderPageDto })
  listWorkOrders(@CurrentCaller() caller: StaffCaller, @Query() query: WorkOrderListQuery) {
    return this.workOrders.list(caller, query);
  }

  @Get('work-orders/:id')
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: WorkOrderDto })
  workOrder(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.workOrders.detail(caller, id);
  }

  @Put('work-orders/:id/items')
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: WorkOrderDto })
  setItems(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: SetItemsBody) {
    return this.workOrders.setItems(caller, id, body.items);
  }

  @Put('work-orders/:id/coupon')
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: WorkOrderDto })
  applyCoupon(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: CouponBody) {
    return this.workOrders.applyCoupon(caller, id, body.code);
  }

  @Delete('work-orders/:id/coupon')
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: WorkOrderDto })
  removeCoupon(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.workOrders.removeCoupon(caller, id);
  }

  @Post('work-orders/:id/status')
  @HttpCode(200)
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: WorkOrderDto })
  move(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: MoveBody) {
    return this.workOrders.move(caller, id, body.status);
  }

  @Get('parts')
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: [PartStockDto] })
  stock(@CurrentCaller() caller: StaffCaller, @Query() query: PartStockQuery) {
    return this.parts.stock(caller, query.storeId, query.q);
  }

  @Post('parts/receive')
  @Roles(...AFTER_SALES)
  @ZodResponse({ status: 201, type: PartStockDto })
  receive(@CurrentCaller() caller: StaffCaller, @Body() body: ReceiveBody) {
    return this.parts.receive(caller, body);
  }

  @Get('parts/movements')
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: [MovementDto] })
  movements(@CurrentCaller() caller: StaffCaller, @Query() query: MovementQuery) {
    return this.parts.movements(caller, query.storeId, query.partId);
  }

  @Get('settings/:storeId')
  @Roles(...AFTER_SALES)
  @ZodResponse({ type: WorkshopSettingsDto })
  settings(@CurrentCaller() caller: StaffCaller, @Param() { storeId }: StoreParam) {
    return this.workshopSettings.settings(caller, storeId);
  }

  @Put('settings/:storeId')
  @Roles(...MANAGERS)
  @ZodResponse({ type: WorkshopSettingsDto })
  updateSettings(@CurrentCaller() caller: StaffCaller, @Param() { storeId }: StoreParam, @Body() body: WorkshopSettingsBody) {
    return this.workshopSettings.update(caller, storeId, body);
  }
}
