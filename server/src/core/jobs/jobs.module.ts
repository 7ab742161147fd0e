import { Global, Module } from '@nestjs/common';
import { JobLock } from './job-lock';

@Global()
@Module({ providers: [JobLock], exports: [JobLock] })
export class JobsModule {}
