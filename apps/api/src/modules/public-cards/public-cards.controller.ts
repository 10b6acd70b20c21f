import { Body, Controller, Get, HttpException, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { cardShareUrl, renderFormProblemPage, renderThankYouPage } from '@lianqiao/card';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/decorators';
import { ApiError } from '../../common/errors/api-error';
import { CardCacheService } from './card-cache.service';
import { CardInterestsService, INTEREST_THANKS, RateLimitedError, referralCodeOf } from './card-interests.service';
import { InterestDto, InterestResponseDto, PublicCardResponseDto } from './dto/public-card.dto';
import { RateLimiterService } from './rate-limiter.service';

/** What anyone may read and send about a card, without logging in. */
@ApiTags('public')
@Public()
@Controller('public/cards')
export class PublicCardsController {
  constructor(
    private readonly cards: CardCacheService,
    private readonly interests: CardInterestsService,
    private readonly limiter: RateLimiterService,
  ) {}

  @Get(':slug')
  @ApiOperation({ summary: 'A live card’s public fields (an explicit whitelist)' })
  @ApiOkResponse({ type: PublicCardResponseDto })
  @ApiNotFoundResponse({ description: 'no such card' })
  @ApiGoneResponse({ description: 'paused, expired or unpublished' })
  @ApiTooManyRequestsResponse({ description: 'more than 120 a minute from one address' })
  async get(
    @Param('slug') slug: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicCardResponseDto> {
    const { allowed, retryAfterMs } = await this.limiter.hit(`card-json:addr:${request.ip}`, 120, 60_000);
    if (!allowed) {
      void reply.header('retry-after', String(Math.ceil(retryAfterMs / 1000)));
      throw new RateLimitedError('请求过于频繁，请稍后再试 (too many requests)', Math.ceil(retryAfterMs / 1000));
    }
    const card = await this.cards.lookup(slug);
    if (card.state === 'missing') throw ApiError.notFound('项目');
    if (card.state === 'gone') throw new ApiError(HttpStatus.GONE, '该项目已暂停、到期或下线');
    void reply.header('cache-control', 'no-cache');
    return card.card;
  }

  @Post(':slug/interest')
  @ApiOperation({
    summary: 'An investor’s interest → a card_interest lead for the referring staff member (or the card’s owner)',
    description:
      'JSON answers JSON. A plain form post (application/x-www-form-urlencoded, the page without JavaScript) answers an HTML ' +
      'thank-you page, or an HTML page naming the problem. Rate-limited per address and per card (429 with Retry-After); ' +
      'the same mobile on the same card within 10 minutes is merged into one interest; a filled `website` honeypot is ' +
      'accepted and dropped.',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiProduces('application/json', 'text/html')
  @ApiBody({ type: InterestDto })
  @ApiCreatedResponse({ type: InterestResponseDto })
  @ApiTooManyRequestsResponse({ description: '提交过于频繁' })
  @ApiGoneResponse({ description: 'the card is no longer offered' })
  async interest(
    @Param('slug') slug: string,
    // Validated by the service (not the global pipe) so a plain form post gets an HTML answer.
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InterestResponseDto | string> {
    const isForm = (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    // Site-relative: the thank-you page links back to the card, keeping the referral code.
    const backTo = cardShareUrl('', slug, referralCodeOf(body?.r));
    try {
      await this.interests.submit(slug, body, { ip: request.ip });
    } catch (error) {
      if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
      if (!isForm || !(error instanceof HttpException)) throw error;
      const response = error.getResponse() as { message?: string };
      void reply
        .status(error.getStatus())
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store');
      return renderFormProblemPage(
        this.cards.districtName,
        response.message ?? error.message,
        error.getStatus() === 404 ? null : backTo,
      );
    }
    if (!isForm) {
      void reply.status(HttpStatus.CREATED);
      return { ok: true, message: INTEREST_THANKS };
    }
    void reply
      .status(HttpStatus.OK)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store');
    return renderThankYouPage(this.cards.districtName, backTo);
  }
}
