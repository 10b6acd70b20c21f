import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChainsModule } from '../chains/chains.module';
import { PublicCardsModule } from '../public-cards/public-cards.module';
import { PromoImage, PromoImageVariant } from './promo-image.entity';
import { PromoProjectVersion } from './promo-project-version.entity';
import { PromoProject } from './promo-project.entity';
import { PromoProjectsController } from './promo-projects.controller';
import { PromoProjectsService } from './promo-projects.service';
import { PromoShareService } from './promo-share.service';
import { PromoStatsService } from './promo-stats.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PromoProject, PromoProjectVersion, PromoImage, PromoImageVariant]),
    PublicCardsModule,
    ChainsModule,
  ],
  controllers: [PromoProjectsController],
  providers: [PromoProjectsService, PromoShareService, PromoStatsService],
  exports: [PromoProjectsService],
})
export class PromoProjectsModule {}
