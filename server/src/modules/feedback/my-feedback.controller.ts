import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';

import { answerSurveySchema, myComplaintListSchema, myComplaintSchema, mySurveysQuerySchema, raiseComplaintSchema, surveyPageSchema, surveySchema } from '../../contracts/feedback.contract';
import { CurrentCaller, CustomerOnly } from '../../core/auth/access.decorators';
import type { CustomerCaller } from '../../core/auth/caller';
import { ComplaintsService } from './complaints.service';
import { SurveysService } from './surveys.service';
import { IdParam } from '../../core/http/common.dto';

class MySurveysQuery extends createZodDto(mySurveysQuerySchema) {}
class SurveyPageDto extends createZodDto(surveyPageSchema, { codec: true }) {}
class SurveyDto extends createZodDto(surveySchema, { codec: true }) {}
class AnswerSurveyDto extends createZodDto(answerSurveySchema) {}
class RaiseComplaintDto extends createZodDto(raiseComplaintSchema) {}
class MyComplaintDto extends createZodDto(myComplaintSchema, { codec: true }) {}
class MyComplaintListDto extends createZodDto(myComplaintListSchema, { codec: true }) {}

@ApiTags('me')
@Controller('me')
export class MyFeedbackController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly complaints: ComplaintsService,
  ) {}

  @Get('surveys')
  @CustomerOnly()
  @ZodResponse({ type: SurveyPageDto })
  surveysList(@CurrentCaller() caller: CustomerCaller, @Query() query: MySurveysQuery) {
    return this.surveys.mine(caller.customerId, query.pending === undefined ? undefined : query.pending === 'true', query.page, query.pageSize);
  }

  @Get('surveys/:id')
  @CustomerOnly()
  @ZodResponse({ type: SurveyDto })
  survey(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam) {
    return this.surveys.one(caller.customerId, id);
  }

  @Post('surveys/:id/answer')
  @HttpCode(200)
  @CustomerOnly()
  @ZodResponse({ type: SurveyDto })
  answer(@CurrentCaller() caller: CustomerCaller, @Param() { id }: IdParam, @Body() body: AnswerSurveyDto) {
    return this.surveys.answer(caller.customerId, id, body);
  }

  @Post('complaints')
  @CustomerOnly()
  @ZodResponse({ status: 201, type: MyComplaintDto })
  raise(@CurrentCaller() caller: CustomerCaller, @Body() body: RaiseComplaintDto) {
    return this.complaints.raiseByCustomer(caller.customerId, body);
  }

  @Get('complaints')
  @CustomerOnly()
  @ZodResponse({ type: MyComplaintListDto })
  complaintsList(@CurrentCaller() caller: CustomerCaller) {
    return this.complaints.mine(caller.customerId);
  }
}
