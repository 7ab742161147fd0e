import { Global, Module } from '@nestjs/common';
import { JobLock } from './job-lock';
import { JobRunner } from './job-runner';

@Global()
@Module({ providers: [JobLock, JobRunner], exports: [JobLock, JobRunner] })
export class JobsModule {}
