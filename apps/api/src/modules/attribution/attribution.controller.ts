import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { AttributionService } from './attribution.service';
import { AttributionResponseDto } from './dto/attribution.dto';
import { ParseUUIDPipe } from '../../common/validation/param-pipes';

@ApiTags('attribution')
@ApiBearerAuth()
@Controller()
export class AttributionController {
  constructor(private readonly attribution: AttributionService) {}

  @Get('projects/:id/attribution')
  @ApiOperation({
    summary:
      'Where the project was found: project ← lead ← roadshow / trip visit ← delegation / QR card / referring company',
    description: 'Deleted sources still show, with deleted: true. 404 when the project is out of sight.',
  })
  @ApiOkResponse({ type: AttributionResponseDto })
  @ApiNotFoundResponse()
  forProject(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AttributionResponseDto> {
    return this.attribution.forProject(user, id);
  }

  @Get('leads/:id/attribution')
  @ApiOperation({
    summary: "The lead's source link resolved: lead ← roadshow / trip visit ← delegation / QR card / referring company",
    description: 'sourceRef is the origin with its name and deleted flag. 404 when the lead is out of sight.',
  })
  @ApiOkResponse({ type: AttributionResponseDto })
  @ApiNotFoundResponse()
  forLead(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AttributionResponseDto> {
    return this.attribution.forLead(user, id);
  }
}
