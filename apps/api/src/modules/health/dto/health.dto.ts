import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiPropertyOptional({ enum: ['up'], description: 'readiness only: the database answered' }) database?: 'up';
}
