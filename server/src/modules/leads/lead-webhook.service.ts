import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ZodError } from 'zod';
import { webhookLeadSchema } from '../../contracts/leads.contract';
import { fieldProblems } from '../../core/http/error-response';
import { HttpError } from '../../core/http/domain-error';
import { PrismaService } from '../../core/database/prisma.service';
import { VehicleModelsService } from '../vehicles/vehicle-models.service';
import { LeadError } from './leads.errors';
import { LeadCaptureService } from './lead-capture.service';
import { isFreshTimestamp, webhookSignature } from './lead-webhook.rules';

@Injectable()
export class LeadWebhookService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly leads: LeadCaptureService,
    private readonly models: VehicleModelsService,
  ) {}

  async receive(channelCode: string, timestamp: string | undefined, signature: string | undefined, rawBody: Buffer | undefined, now = new Date()) {
    const channel = await this.prisma.leadChannel.findFirst({ where: { code: channelCode, active: true }, select: { code: true, source: true, secret: true, storeId: true } });
    if (!channel) throw new LeadError('CHANNEL_NOT_FOUND', `渠道 ${channelCode} 不存在或已停用`);
    const expected = webhookSignature(channel.secret, timestamp ?? '', rawBody ?? '');
    const given = Buffer.from(signature ?? '', 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected, 'utf8'))) {
      throw new LeadError('WEBHOOK_SIGNATURE_INVALID', '签名无效');
    }
    if (!isFreshTimestamp(timestamp, now)) {
      throw new LeadError('WEBHOOK_REPLAYED', '请求时间戳已过期（超过 5 分钟），疑似重放');
    }
    const body = this.parse(rawBody);
    const intendedModelId = body.intendedModelCode ? await this.models.modelIdByCode(body.intendedModelCode) : null;
    const { lead, joined } = await this.leads.capture(
      { name: body.name, mobile: body.mobile, source: channel.source, storeId: channel.storeId, intendedModelId, note: body.note ?? null },
      { channel: channel.code, externalId: body.externalId },
    );
    return { id: lead.id, joined };
  }

  private parse(rawBody: Buffer | undefined) {
    let json: unknown;
    try {
      json = JSON.parse(rawBody?.toString('utf8') ?? '');
    } catch {
      throw new HttpError('MALFORMED_REQUEST', '请求格式不正确：JSON 无法解析');
    }
    try {
      return webhookLeadSchema.parse(json);
    } catch (error) {
      if (error instanceof ZodError) throw new HttpError('VALIDATION_FAILED', '输入有误', fieldProblems(error));
      throw error;
    }
  }
}
