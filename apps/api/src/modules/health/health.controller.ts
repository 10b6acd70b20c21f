import { Controller, Get, HttpStatus } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { ApiError } from '../../common/errors/api-error';
import { HealthResponseDto } from './dto/health.dto';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. */
  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthResponseDto })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers too. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers too (503 when it does not)' })
  @ApiOkResponse({ type: HealthResponseDto })
  async ready() {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, '数据库不可用 (database unreachable)');
    }
  }
}
