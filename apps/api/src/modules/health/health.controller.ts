import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { DatabaseUnavailableError } from '../../common/errors/database-unavailable';
import { HealthResponseDto } from './dto/health.dto';

/** Readiness answers within this long, whatever the database does (a load balancer's probe must not hang). */
export const READINESS_TIMEOUT_MS = 1000;

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

  /**
   * Readiness: the database answers too, through the same pool (and database gate) as the requests:
   * a 503 at once while the gate is closed, and after READINESS_TIMEOUT_MS at the latest.
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers too (503 when it does not)' })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ description: 'the database is down, hung or busy: code `database.unavailable`' })
  async ready() {
    const answer = this.dataSource.query('SELECT 1');
    let deadline: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, fail) => {
      deadline = setTimeout(
        () => fail(new DatabaseUnavailableError(`no answer within ${READINESS_TIMEOUT_MS} ms`)),
        READINESS_TIMEOUT_MS,
      );
    });
    // A late answer (or failure) after the deadline is nobody's business any more.
    answer.catch(() => undefined);
    try {
      await Promise.race([answer, late]);
      return { status: 'ok', database: 'up' };
    } finally {
      clearTimeout(deadline);
    }
  }
}
