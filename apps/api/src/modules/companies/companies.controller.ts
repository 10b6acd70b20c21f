import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CompaniesService } from './companies.service';
import {
  CompanyListQueryDto,
  CompanyResponseDto,
  CompanyTouchResponseDto,
  CreateCompanyDto,
  MergeCompanyDto,
  UpdateCompanyDto,
} from './dto/company.dto';
import { ContactResponseDto, CreateContactDto, UpdateContactDto } from './dto/contact.dto';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';
import { ApiPageResponse } from '../../common/pagination/api-page-response';

class DuplicateQueryDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
}

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @ApiOperation({ summary: 'Companies, filtered and paged' })
  @ApiPageResponse(CompanyResponseDto)
  list(@CurrentUser() user: AuthUser, @Query() query: CompanyListQueryDto) {
    return this.companies.list(user, query);
  }

  /** Likely duplicates of a name, for a warning before creating. */
  @Get('duplicates')
  @ApiOperation({ summary: 'Likely duplicates of a name, for a warning before creating' })
  @ApiPageResponse(CompanyResponseDto, 'the likely duplicates, in one page')
  async duplicates(@Query() query: DuplicateQueryDto) {
    const items = await this.companies.likelyDuplicates(query.name);
    return { items, nextCursor: null, total: items.length };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One company' })
  @ApiOkResponse({ type: CompanyResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return CompanyResponseDto.from(await this.companies.get(id));
  }

  /** Which teams work this company and when they last acted (no private details). */
  @Get(':id/touches')
  @ApiOperation({ summary: 'Which teams work this company and when they last acted (no private details)' })
  @ApiPageResponse(CompanyTouchResponseDto, 'every team working the company, in one page')
  async touches(@Param('id', ParseUUIDPipe) id: string) {
    const items = await this.companies.touches(id);
    return { items, nextCursor: null, total: items.length };
  }

  @Post()
  @ApiOperation({ summary: 'A new company; 409 on a duplicate USCC' })
  @ApiCreatedResponse({ type: CompanyResponseDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateCompanyDto) {
    return CompanyResponseDto.from(await this.companies.create(user, dto));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a company (with its version)' })
  @ApiOkResponse({ type: CompanyResponseDto })
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCompanyDto) {
    return CompanyResponseDto.from(await this.companies.update(user, id, dto));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Soft-delete a company (leader, admin)' })
  @Roles('admin', 'leader')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.companies.remove(user, id);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Restore a deleted company (admin)' })
  @Roles('admin')
  @ApiCreatedResponse({ type: CompanyResponseDto })
  async restore(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return CompanyResponseDto.from(await this.companies.restore(user, id));
  }

  /** Merges the body's `sourceId` into this company. */
  @Post(':id/merge')
  @ApiOperation({ summary: 'Merge the body’s sourceId into this company (leader, admin)' })
  @Roles('admin', 'leader')
  @ApiCreatedResponse({ type: CompanyResponseDto })
  async merge(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MergeCompanyDto) {
    return CompanyResponseDto.from(await this.companies.merge(user, id, dto.sourceId));
  }

  @Get(':id/contacts')
  @ApiOperation({ summary: 'A company’s contacts (mobiles masked unless the caller may see them)' })
  @ApiPageResponse(ContactResponseDto, 'every contact, in one page')
  async contacts(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    const items = await this.companies.listContacts(user, id);
    return { items, nextCursor: null, total: items.length };
  }

  @Post(':id/contacts')
  @ApiOperation({ summary: 'Add a contact to a company' })
  @ApiCreatedResponse({ type: ContactResponseDto })
  createContact(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateContactDto) {
    return this.companies.createContact(user, id, dto);
  }

  @Patch(':id/contacts/:contactId')
  @ApiOperation({ summary: 'Change a contact' })
  @ApiOkResponse({ type: ContactResponseDto })
  updateContact(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @Body() dto: UpdateContactDto,
  ) {
    return this.companies.updateContact(user, id, contactId, dto);
  }

  @Delete(':id/contacts/:contactId')
  @ApiOperation({ summary: 'Remove a contact' })
  @HttpCode(204)
  async removeContact(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
  ) {
    await this.companies.removeContact(user, id, contactId);
  }
}
