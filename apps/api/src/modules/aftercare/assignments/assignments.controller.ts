import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
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
import { AssignmentsService } from './assignments.service';
import {
  AftercareCompanyListQueryDto,
  AftercareCompanyPageDto,
  AftercareCompanyResponseDto,
  MyEnterprisePageDto,
  MyEnterprisesQueryDto,
  RequestLinkResponseDto,
  UpdateAssignmentDto,
} from './dto/assignment.dto';
import { ParseUUIDPipe } from '../../../common/validation/param-pipes';

/** 包保: leaders and representatives of landed enterprises, and each enterprise's request QR code. */
@ApiTags('aftercare')
@ApiBearerAuth()
@Controller('aftercare')
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  @Get('companies')
  @ApiOperation({
    summary: 'Companies in aftercare (landed, or marked by an admin) with their 包保领导 and 政府事务代表',
  })
  @ApiOkResponse({ type: AftercareCompanyPageDto })
  list(@Query() query: AftercareCompanyListQueryDto) {
    return this.assignments.list(query);
  }

  @Get('my-enterprises')
  @ApiOperation({
    summary:
      'The caller’s enterprises as 包保领导 or 政府事务代表, with the latest activity, open requests and project stages',
    description:
      'Leaders and admins may pass leaderId and/or repId to see someone else’s (both: enterprises with that leader and that representative).',
  })
  @ApiOkResponse({ type: MyEnterprisePageDto })
  @ApiForbiddenResponse({ description: 'staff asking for another user’s enterprises' })
  async myEnterprises(
    @CurrentUser() user: AuthUser,
    @Query() query: MyEnterprisesQueryDto,
  ): Promise<MyEnterprisePageDto> {
    const items = await this.assignments.myEnterprises(user, query);
    return { items, nextCursor: null, total: items.length };
  }

  @Get('companies/:id')
  @ApiOperation({ summary: 'One company’s aftercare: landed or marked, its 包保领导 and 政府事务代表' })
  @ApiOkResponse({ type: AftercareCompanyResponseDto })
  @ApiNotFoundResponse({ description: 'no such company' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.assignments.get(id);
  }

  @Patch('companies/:id')
  @Roles('leader', 'admin')
  @ApiOperation({
    summary: 'Assigns the 包保领导 and 政府事务代表 (leaders, admins); marks a company that has not landed (admins)',
    description:
      'version 0 creates the assignment; a stale version gets 409. Assigning people to a company neither landed nor marked is 422.',
  })
  @ApiOkResponse({ type: AftercareCompanyResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'the company is not in aftercare' })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAssignmentDto) {
    return this.assignments.update(user, id, dto);
  }

  @Get('companies/:id/request-link')
  @ApiOperation({
    summary: 'The enterprise’s public request form: its link and QR code (SVG)',
    description:
      'For leaders, admins, the company’s leader and representative, and staff of teams working the company.',
  })
  @ApiOkResponse({ type: RequestLinkResponseDto })
  @ApiForbiddenResponse({ description: 'not among those who look after the company' })
  @ApiUnprocessableEntityResponse({ description: 'the company is not in aftercare' })
  requestLink(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest) {
    return this.assignments.requestLink(user, id, publicBaseUrl(this.app.publicBaseUrl, request));
  }

  @Post('companies/:id/request-link/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new link and QR code; the previous ones stop working' })
  @ApiOkResponse({ type: RequestLinkResponseDto })
  rotate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest) {
    return this.assignments.rotateRequestLink(user, id, publicBaseUrl(this.app.publicBaseUrl, request));
  }
}
