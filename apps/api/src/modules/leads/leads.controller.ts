import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { SendsJsonText } from '../../common/http/json-text';
import { ProjectResponseDto } from '../projects/dto/project.dto';
import { ProjectsService } from '../projects/projects.service';
import {
  ConvertLeadDto,
  ConvertLeadResponseDto,
  CreateLeadDto,
  LeadListQueryDto,
  LeadResponseDto,
  UpdateLeadDto,
} from './dto/lead.dto';
import { LeadsService } from './leads.service';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';
import { ApiPageResponse } from '../../common/pagination/api-page-response';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly projects: ProjectsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Leads, filtered and paged' })
  @SendsJsonText()
  @ApiPageResponse(LeadResponseDto)
  list(@CurrentUser() user: AuthUser, @Query() query: LeadListQueryDto) {
    return this.leads.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One lead' })
  @ApiOkResponse({ type: LeadResponseDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return LeadResponseDto.from(await this.leads.get(user, id));
  }

  /** 409 when another team already works the company, unless acknowledgeCollision is true. */
  @Post()
  @ApiOperation({ summary: 'A new lead; 409 when another team already works the company, unless acknowledged' })
  @ApiCreatedResponse({ type: LeadResponseDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateLeadDto) {
    return LeadResponseDto.from(await this.leads.create(user, dto));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a lead (with its version)' })
  @ApiOkResponse({ type: LeadResponseDto })
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateLeadDto) {
    return LeadResponseDto.from(await this.leads.update(user, id, dto));
  }

  @Post(':id/convert')
  @ApiOperation({ summary: 'Convert a qualified lead into a project' })
  @HttpCode(200)
  @ApiOkResponse({ type: ConvertLeadResponseDto })
  async convert(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConvertLeadDto) {
    const project = await this.leads.convert(user, id, dto);
    return { project: this.projects.toDto(project) as ProjectResponseDto };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Soft-delete a lead' })
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.leads.remove(user, id);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Restore a deleted lead (admin)' })
  @Roles('admin')
  @ApiCreatedResponse({ type: LeadResponseDto })
  async restore(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return LeadResponseDto.from(await this.leads.restore(user, id));
  }
}
