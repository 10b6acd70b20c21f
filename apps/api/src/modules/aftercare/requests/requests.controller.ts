import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/decorators';
import { appConfig, type AppConfig } from '../../../config/app.config';
import { publicBaseUrl } from '../../public-cards/public-base-url';
import {
  CreateRequestDto,
  FeedbackLinkResponseDto,
  RequestCategoryListDto,
  RequestListQueryDto,
  RequestPageDto,
  RequestResponseDto,
  RequestStatsQueryDto,
  RequestStatsResponseDto,
  RequestTransitionDto,
  RouteRequestDto,
  UpdateRequestDto,
} from './dto/request.dto';
import { RequestStatsService } from './request-stats.service';
import { RequestsService } from './requests.service';
import { ParseUUIDPipe } from '../../../common/validation/param-pipes';

/**
 * 企业诉求. Visibility: leaders and admins all; a department's users what is routed to it; the
 * company's representative and leader its requests; staff what they or their team logged and the
 * requests of companies their team works. Anything else answers 404.
 */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly stats: RequestStatsService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Requests the caller may see, filtered; sort createdAt (default, desc), dueAt or updatedAt',
  })
  @ApiOkResponse({ type: RequestPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: RequestListQueryDto) {
    return this.requests.list(user, query);
  }

  @Get('categories')
  @ApiOperation({
    summary: 'The categories with their labels and configured days to resolve (REQUEST_DUE_DAYS_<CATEGORY>)',
  })
  @ApiOkResponse({ type: RequestCategoryListDto })
  categories(): RequestCategoryListDto {
    const items = this.requests.categories();
    return { items, nextCursor: null, total: items.length };
  }

  @Get('review')
  @Roles('leader', 'admin')
  @ApiOperation({
    summary:
      'Leaders’ list: escalated requests and “could not be done” (办不成事) ones not yet confirmed; sort dueAt asc by default',
  })
  @ApiOkResponse({ type: RequestPageDto })
  review(@CurrentUser() user: AuthUser, @Query() query: RequestListQueryDto) {
    return this.requests.list(user, query, { review: true });
  }

  @Get('stats')
  @Roles('leader', 'admin')
  @ApiOperation({
    summary: 'Per department: count, resolved, overdue, escalated, median and mean hours to resolve, mean satisfaction',
    description: 'Over requests submitted between from and to (China days, both inclusive; either may be left out).',
  })
  @ApiOkResponse({ type: RequestStatsResponseDto })
  statistics(@Query() query: RequestStatsQueryDto) {
    return this.stats.stats(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One enterprise request' })
  @ApiOkResponse({ type: RequestResponseDto })
  @ApiNotFoundResponse({ description: 'no such request, or not for the caller to see' })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.requests.get(user, id);
  }

  @Post()
  @ApiOperation({ summary: 'Logs a request for a company in aftercare; dueAt defaults by category' })
  @ApiCreatedResponse({ type: RequestResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'the company is not in aftercare' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateRequestDto) {
    return this.requests.create(user, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edits category, description, 办不成事, deadline or contact (not the department alone)' })
  @ApiOkResponse({ type: RequestResponseDto })
  @ApiConflictResponse({ description: 'stale version' })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRequestDto) {
    return this.requests.update(user, id, dto);
  }

  @Post(':id/route')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Routes the request to a department (status back to open); an escalated one needs a new dueAt',
  })
  @ApiOkResponse({ type: RequestResponseDto })
  @ApiForbiddenResponse({ description: 'a department user who does not otherwise look after the company' })
  @ApiUnprocessableEntityResponse({ description: 'not from this status' })
  route(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RouteRequestDto) {
    return this.requests.route(user, id, dto);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'in_progress / resolved (the routed department, leaders, admins; resolution required) or escalated (anyone who sees it)',
    description: 'Resolving makes the enterprise’s one-time feedback link (GET /api/requests/{id}/feedback-link).',
  })
  @ApiOkResponse({ type: RequestResponseDto })
  @ApiForbiddenResponse({ description: 'not the routed department' })
  @ApiUnprocessableEntityResponse({ description: 'not from this status' })
  transition(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RequestTransitionDto) {
    return this.requests.transition(user, id, dto);
  }

  @Get(':id/feedback-link')
  @ApiOperation({ summary: 'The enterprise’s one-time link (and QR code) to confirm and rate the resolution' })
  @ApiOkResponse({ type: FeedbackLinkResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'not resolved yet' })
  feedbackLink(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest) {
    return this.requests.feedbackLink(user, id, publicBaseUrl(this.app.publicBaseUrl, request));
  }
}
