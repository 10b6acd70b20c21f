import type {} from '@fastify/multipart';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ApiError } from '../../common/errors/api-error';
import { appConfig, type AppConfig } from '../../config/app.config';
import { PublicCardResponseDto } from '../public-cards/dto/public-card.dto';
import { publicBaseUrl } from '../public-cards/public-base-url';
import { cardsConfig, type CardsConfig } from '../public-cards/public-cards.config';
import {
  CardImageResponseDto,
  CreatePromoProjectDto,
  InterestListQueryDto,
  PromoProjectListQueryDto,
  PromoProjectPageDto,
  PromoProjectResponseDto,
  PromoVersionResponseDto,
  ReturnPromoProjectDto,
  SharePackagesDto,
  ShareQueryDto,
  StatsQueryDto,
  UpdatePromoProjectDto,
  VersionDto,
} from './dto/promo-project.dto';
import { CardInterestPageDto, CardStatsResponseDto, SharePackageResponseDto } from './dto/share-stats.dto';
import { imageTooLarge } from './promo-images';
import { PromoProjectsService } from './promo-projects.service';
import { PromoShareService } from './promo-share.service';
import { PromoStatsService } from './promo-stats.service';
import { ParseIntPipe, ParseUUIDPipe } from '../../common/validation/param-pipes';
import { uploadFileName, uploadRefusal } from '../../common/http/upload';

/**
 * 推介项目 and their QR cards. Staff create and edit their team's cards and submit them; leaders
 * approve or return them. Every change takes the card's `version` (409 when stale) and is audited.
 */
@ApiTags('promo-projects')
@ApiBearerAuth()
@Controller('promo-projects')
export class PromoProjectsController {
  constructor(
    private readonly projects: PromoProjectsService,
    private readonly share: PromoShareService,
    private readonly statistics: PromoStatsService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(cardsConfig.KEY) private readonly cards: CardsConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Cards the caller may see: leaders all; staff their team’s, plus every published card (to share it)',
  })
  @ApiOkResponse({ type: PromoProjectPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: PromoProjectListQueryDto, @Req() request: FastifyRequest) {
    return this.projects.list(user, query, this.baseUrl(request));
  }

  @Post()
  @ApiOperation({ summary: 'A new card (draft), owned by the caller and their team' })
  @ApiCreatedResponse({ type: PromoProjectResponseDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreatePromoProjectDto, @Req() request: FastifyRequest) {
    const project = await this.projects.create(user, dto);
    return this.projects.getDto(user, project.id, this.baseUrl(request));
  }

  @Post('share-packages')
  @HttpCode(200)
  @Roles('leader', 'admin')
  @ApiOperation({
    summary: 'Share packages of several live cards as one zip, with the caller’s referral code',
    description:
      'Per card a folder {slug}/ with share.txt, link.txt, qr.svg, qr-screen.png (512 px), qr-print.png (2048 px); plus cards.csv.',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiUnprocessableEntityResponse({ description: 'a card is not live' })
  async sharePackages(
    @CurrentUser() user: AuthUser,
    @Body() dto: SharePackagesDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const zip = await this.share.zip(user, dto.ids, this.baseUrl(request));
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    void reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="cards-share-${day}.zip"`);
    return zip;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One card, with its public address' })
  @ApiOkResponse({ type: PromoProjectResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest) {
    return this.projects.getDto(user, id, this.baseUrl(request));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit the working copy',
    description:
      'Content fields mark the working copy `editing`; a published card stays live with its approved version until the ' +
      'edit is approved. `expiresAt` applies at once. `ownerId` only for leaders and admins. 422 while in review.',
  })
  @ApiOkResponse({ type: PromoProjectResponseDto })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePromoProjectDto,
    @Req() request: FastifyRequest,
  ) {
    await this.projects.update(user, id, dto);
    return this.projects.getDto(user, id, this.baseUrl(request));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiQuery({ name: 'version', type: Number })
  @ApiOperation({ summary: 'Soft-deletes the card; its address then answers 410' })
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('version', ParseIntPipe) version: number,
  ) {
    await this.projects.remove(user, id, version);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Approved versions, newest first' })
  @ApiOkResponse({ type: [PromoVersionResponseDto] })
  versions(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.projects.versions(user, id);
  }

  @Get(':id/preview')
  @ApiOperation({
    summary: 'The working copy as public fields, for renderCardPage(…, {preview: true}) of @lianqiao/card',
  })
  @ApiOkResponse({ type: PublicCardResponseDto })
  preview(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.projects.preview(user, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the working copy for review (staff of the team); leaders are notified' })
  @ApiOkResponse({ type: PromoProjectResponseDto })
  async submit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionDto,
    @Req() request: FastifyRequest,
  ) {
    await this.projects.submit(user, id, dto.version);
    return this.projects.getDto(user, id, this.baseUrl(request));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('leader', 'admin')
  @ApiOperation({ summary: 'Approve: the working copy becomes the live version (a new snapshot)' })
  @ApiOkResponse({ type: PromoProjectResponseDto })
  async approve(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionDto,
    @Req() request: FastifyRequest,
  ) {
    await this.projects.approve(user, id, dto.version);
    return this.projects.getDto(user, id, this.baseUrl(request));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('leader', 'admin')
  @ApiOperation({ summary: 'Return the working copy with a comment; the live version, if any, stays' })
  @ApiOkResponse({ type: PromoProjectResponseDto })
  async returnForChanges(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReturnPromoProjectDto,
    @Req() request: FastifyRequest,
  ) {
    await this.projects.return(user, id, dto);
    return this.projects.getDto(user, id, this.baseUrl(request));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the card down at once (410 at its address); publishing again needs a review' })
  @ApiOkResponse({ type: PromoProjectResponseDto })
  async unpublish(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionDto,
    @Req() request: FastifyRequest,
  ) {
    await this.projects.unpublish(user, id, dto.version);
    return this.projects.getDto(user, id, this.baseUrl(request));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a published card at once (410 at its address)' })
  @ApiOkResponse({ type: PromoProjectResponseDto })
  async pause(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionDto,
    @Req() request: FastifyRequest,
  ) {
    await this.projects.pause(user, id, dto.version);
    return this.projects.getDto(user, id, this.baseUrl(request));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a paused card back up with its live version' })
  @ApiOkResponse({ type: PromoProjectResponseDto })
  async resume(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionDto,
    @Req() request: FastifyRequest,
  ) {
    await this.projects.resume(user, id, dto.version);
    return this.projects.getDto(user, id, this.baseUrl(request));
  }

  @Post(':id/images')
  @ApiOperation({
    summary: 'Upload a picture (JPEG, PNG or WebP, checked by content); stored resized to 480/960/1600 px WebP',
    description:
      'Then PATCH the card with `coverImageId` or `galleryImageIds` (and its version). The image URLs are public and immutable.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: CardImageResponseDto })
  @ApiPayloadTooLargeResponse({ description: 'larger than CARD_IMAGE_MAX_BYTES (8 MB by default)' })
  async uploadImage(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ) {
    if (!request.isMultipart()) throw ApiError.field('file', '请以 multipart/form-data 上传，字段名 file');
    const tooLarge = () => imageTooLarge(this.cards.imageMaxBytes);
    let bytes: Buffer;
    try {
      const file = await request.file({ limits: { fileSize: this.cards.imageMaxBytes, files: 1 } });
      if (!file) throw ApiError.field('file', '请选择要上传的图片');
      uploadFileName(file.filename, 'image');
      bytes = await file.toBuffer();
      // A file cut at the limit is never stored short.
      if (file.file.truncated) throw tooLarge();
    } catch (error) {
      throw uploadRefusal(error, tooLarge);
    }
    return this.projects.uploadImage(user, id, bytes);
  }

  @Get(':id/share')
  @ApiOperation({
    summary:
      'The caller’s share package for a live card: own link (?r=referral code), QR code, WeChat text, poster data',
  })
  @ApiOkResponse({ type: SharePackageResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'the card is not live' })
  sharePackage(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ShareQueryDto,
    @Req() request: FastifyRequest,
  ) {
    return this.share.package(user, id, query.format ?? 'png', query.size ?? 'screen', this.baseUrl(request));
  }

  @Get(':id/stats')
  @ApiOperation({
    summary:
      'Opens, unique visitors, interests, leads, projects and signed 万元 per day, per referral code and per staff member',
  })
  @ApiOkResponse({ type: CardStatsResponseDto })
  stats(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: StatsQueryDto) {
    return this.statistics.stats(user, id, query);
  }

  @Get(':id/interests')
  @ApiOperation({ summary: 'Interests left on the card’s page, newest first (team and leaders only: personal data)' })
  @ApiOkResponse({ type: CardInterestPageDto })
  interests(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: InterestListQueryDto,
  ) {
    return this.projects.interests(user, id, query);
  }

  private baseUrl(request: FastifyRequest): string {
    return publicBaseUrl(this.app.publicBaseUrl, request);
  }
}
