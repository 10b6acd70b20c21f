import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module';
import { LeadsModule } from '../leads/leads.module';
import { PromoImage, PromoImageVariant } from '../promo-projects/promo-image.entity';
import { PromoProjectVersion } from '../promo-projects/promo-project-version.entity';
import { PromoProject } from '../promo-projects/promo-project.entity';
import { CardCacheService } from './card-cache.service';
import { CardImageAccess } from './card-image-access';
import { CardInterest } from './card-interest.entity';
import { CardInterestsService } from './card-interests.service';
import { CardOpen, CardVisitorSalt } from './card-open.entity';
import { CardOpensRecorder } from './card-opens.recorder';
import { CardPagesRoutes } from './card-pages.routes';
import { PublicCardsController } from './public-cards.controller';
import { cardsConfig } from './public-cards.config';
import { RateLimiterService } from './rate-limiter.service';
import { RedisService } from './redis.service';

/**
 * The investor's side of a card: the page at /c/{slug}, its images, the public JSON, the interest
 * form, and the scan counter. Exports the cache so that the console side can drop a changed card.
 */
@Module({
  imports: [
    ConfigModule.forFeature(cardsConfig),
    LeadsModule,
    ActivitiesModule,
    TypeOrmModule.forFeature([
      PromoProject,
      PromoProjectVersion,
      PromoImage,
      PromoImageVariant,
      CardOpen,
      CardVisitorSalt,
      CardInterest,
    ]),
  ],
  controllers: [PublicCardsController],
  providers: [
    RedisService,
    RateLimiterService,
    CardCacheService,
    CardOpensRecorder,
    CardInterestsService,
    CardPagesRoutes,
    CardImageAccess,
  ],
  exports: [CardCacheService, CardImageAccess, CardOpensRecorder, RateLimiterService, ConfigModule],
})
export class PublicCardsModule {}
