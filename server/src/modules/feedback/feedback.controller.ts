import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import {
  addComplaintNoteSchema,
  complaintDetailSchema,
  complaintPageSchema,
  complaintQuerySchema,
  staffComplaintSchema,
  staffSurveyPageSchema,
  staffSurveyQuerySchema,
  surveySummarySchema,
} from '../../contracts/feedback.contract';
import { CurrentCaller, Roles } from '../../core/auth/access.decorators';
import type { StaffCaller } from '../../core/auth/caller';
import { ComplaintsService } from './complaints.service';
import { SurveysService } from './surveys.service';
import { IdParam } from '../../core/http/common.dto';
import { COMPLAINT_HANDLERS, FEEDBACK_READERS } from '../../contracts/roles.contract';

class StaffSurveyQuery extends createZodDto(staffSurveyQuerySchema) {}
class StaffSurveyPageDto extends createZodDto(staffSurveyPageSchema, { codec: true }) {}
class SurveySummaryDto extends createZodDto(surveySummarySchema) {}
class ComplaintQuery extends createZodDto(complaintQuerySchema) {}
class ComplaintPageDto extends createZodDto(complaintPageSchema, { codec: true }) {}
class ComplaintDetailDto extends createZodDto(complaintDetailSchema, { codec: true }) {}
class StaffComplaintDto extends createZodDto(staffComplaintSchema) {}
class AddComplaintNoteDto extends createZodDto(addComplaintNoteSchema) {}


@ApiTags('feedback')
@Controller()
export class FeedbackController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly complaints: ComplaintsService,
  ) {}

  @Get('surveys')
  @Roles(...FEEDBACK_READERS)
  @ZodResponse({ type: StaffSurveyPageDto })
  listSurveys(@CurrentCaller() caller: StaffCaller, @Query() query: StaffSurveyQuery) {
    return this.surveys.list(caller, query);
  }

  @Get('surveys/summary')
  @Roles(...FEEDBACK_READERS)
  @ZodResponse({ type: SurveySummaryDto })
  surveySummary(@CurrentCaller() caller: StaffCaller, @Query() query: StaffSurveyQuery) {
    return this.surveys.summary(caller, query);
  }

  @Get('complaints')
  @Roles(...FEEDBACK_READERS)
  @ZodResponse({ type: ComplaintPageDto })
  listComplaints(@CurrentCaller() caller: StaffCaller, @Query() query: ComplaintQuery) {
    return this.complaints.list(caller, query);
  }

  @Post('complaints')
  @Roles(...COMPLAINT_HANDLERS)
  @ZodResponse({ status: 201, type: ComplaintDetailDto })
  recordComplaint(@CurrentCaller() caller: StaffCaller, @Body() body: StaffComplaintDto) {
    return this.complaints.raiseByStaff(caller, body);
  }

  @Get('complaints/:id')
  @Roles(...FEEDBACK_READERS)
  @ZodResponse({ type: ComplaintDetailDto })
  complaint(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam) {
    return this.complaints.detail(caller, id);
  }

  @Post('complaints/:id/notes')
  @Roles(...COMPLAINT_HANDLERS)
  @ZodResponse({ status: 201, type: ComplaintDetailDto })
  addNote(@CurrentCaller() caller: StaffCaller, @Param() { id }: IdParam, @Body() body: AddComplaintNoteDto) {
    return this.complaints.addNote(caller, id, body);
  }
}
