import { HttpException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { columnRefusingValue, isDatabaseBusy, isRequiredRecordMissing, isRetryableConflict } from '../database/prisma-errors';
import { DomainError } from './domain-error';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId: string;
  details?: unknown;
}

export interface FieldProblem {
  path: string;
  message: string;
}

const MESSAGES_BY_STATUS: Record<number, [string, string]> = {
  400: ['MALFORMED_REQUEST', '请求格式不正确'],
  401: ['UNAUTHORIZED', '请先登录'],
  403: ['FORBIDDEN', '无权执行此操作'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方法'],
  413: ['PAYLOAD_TOO_LARGE', '请求内容过大（上限 1 MB）'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请使用 application/json'],
  429: ['RATE_LIMITED', '请求过于频繁，请稍后再试'],
};

export function fieldProblems(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/** Turns anything thrown while serving a request into the API's error body. */
export function toErrorBody(error: unknown, requestId: string): ErrorBody {
  if (error instanceof DomainError) {
    return { statusCode: error.statusCode, code: error.code, message: error.message, requestId, ...(error.details === undefined ? {} : { details: error.details }) };
  }
  if (error instanceof ZodValidationException) {
    const zodError = error.getZodError();
    const details = zodError instanceof ZodError ? fieldProblems(zodError) : [];
    const summary = details.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
    return { statusCode: 400, code: 'VALIDATION_FAILED', message: `输入有误：${summary}`, requestId, details };
  }
  if (isDatabaseBusy(error) || isRetryableConflict(error)) {
    return { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: '系统繁忙，请稍后重试', requestId };
  }
  if (isRequiredRecordMissing(error)) {
    return { statusCode: 404, code: 'NOT_FOUND', message: '请求的资源不存在', requestId };
  }
  const column = columnRefusingValue(error);
  if (column) {
    return { statusCode: 400, code: 'VALIDATION_FAILED', message: `输入有误：${column} 超出允许范围`, requestId, details: [{ path: column, message: '超出允许范围' }] };
  }
  const statusCode = statusOf(error);
  if (statusCode >= 400 && statusCode < 500) {
    const [code, message] = MESSAGES_BY_STATUS[statusCode] ?? ['BAD_REQUEST', '请求无法处理'];
    return { statusCode, code, message: statusCode === 400 ? `${message}：${reasonOf(error)}` : message, requestId };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', requestId };
}

function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  // Fastify's own errors (body parsing, size limit, content type) carry statusCode.
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : 500;
}

function reasonOf(error: unknown): string {
  if ((error as { code?: string }).code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return '请求体为空';
  if (error instanceof SyntaxError || (error as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY') return 'JSON 无法解析';
  return error instanceof Error ? error.message : '未知原因';
}
