import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Clock, ControlledClock, SystemClock } from './clock';

@Global()
@Module({
  providers: [
    {
      provide: Clock,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Clock =>
        config.CLOCK_MODE === 'controlled' ? new ControlledClock(config.CLOCK_START ? new Date(config.CLOCK_START) : new Date(), config.CLOCK_SPEED) : new SystemClock(),
    },
  ],
  exports: [Clock],
})
export class TimeModule {}
