import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../../common/auth/decorators';
import { RateLimitedError } from '../../public-cards/card-interests.service';
import {
  PublicFeedbackDto,
  PublicFeedbackReceiptDto,
  PublicFeedbackViewResponseDto,
  PublicRequestDto,
  PublicRequestFormResponseDto,
  PublicRequestReceiptDto,
} from './dto/public-request.dto';
import { FEEDBACK_THANKS, PublicRequestsService, REQUEST_RECEIVED } from './public-requests.service';

/** The enterprise's side, without login: the request form behind its QR code and the one-time feedback link. */
@ApiTags('public')
@Public()
@Controller('public/requests')
export class PublicRequestsController {
  constructor(private readonly requests: PublicRequestsService) {}

  @Get('feedback/:token')
  @ApiOperation({ summary: 'The resolved request the link is for: summary and resolution' })
  @ApiOkResponse({ type: PublicFeedbackViewResponseDto })
  @ApiNotFoundResponse({ description: 'no such link' })
  @ApiGoneResponse({ description: 'already answered' })
  feedbackView(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.requests.feedbackView(token);
  }

  @Post('feedback/:token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The enterprise confirms (or not) and rates the resolution — once',
    description:
      'confirmed true closes the request (confirmed); false escalates it to the 包保领导. Rate-limited per address.',
  })
  @ApiOkResponse({ type: PublicFeedbackReceiptDto })
  @ApiNotFoundResponse({ description: 'no such link' })
  @ApiGoneResponse({ description: 'already answered' })
  @ApiTooManyRequestsResponse({ description: '提交过于频繁' })
  async feedback(
    @Param('token') token: string,
    @Body() dto: PublicFeedbackDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicFeedbackReceiptDto> {
    await this.withRetryAfter(reply, () => this.requests.feedback(token, dto, { ip: request.ip }));
    return { ok: true, message: FEEDBACK_THANKS };
  }

  @Get(':token')
  @ApiOperation({ summary: 'What the form shows: the company’s name and the categories' })
  @ApiOkResponse({ type: PublicRequestFormResponseDto })
  @ApiNotFoundResponse({ description: 'no such link, or it was replaced' })
  form(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-cache');
    return this.requests.form(token);
  }

  @Post(':token')
  @ApiOperation({
    summary: 'An enterprise’s request through its QR form → an open request on the company',
    description:
      'Validated (400 naming each field), rate-limited per address and per company (429 with Retry-After). A filled `website` ' +
      'honeypot is answered like a success and dropped.',
  })
  @ApiBody({ type: PublicRequestDto })
  @ApiCreatedResponse({ type: PublicRequestReceiptDto })
  @ApiBadRequestResponse({ description: 'a field is missing or wrong' })
  @ApiNotFoundResponse({ description: 'no such link, or it was replaced' })
  @ApiTooManyRequestsResponse({ description: '提交过于频繁' })
  async submit(
    @Param('token') token: string,
    // Validated by the service after the honeypot check, so a bot learns nothing from a 400.
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicRequestReceiptDto> {
    await this.withRetryAfter(reply, () => this.requests.submit(token, body, { ip: request.ip }));
    void reply.status(HttpStatus.CREATED).header('cache-control', 'no-store');
    return { ok: true, message: REQUEST_RECEIVED };
  }

  private async withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
