import { Module } from '@nestjs/common';
import { ChainsModule } from '../chains/chains.module';
import { TargetsModule } from '../targets/targets.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [TargetsModule, ChainsModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
