import { Header } from '@nestjs/common';

/**
 * For handlers that return their JSON as text, made by PostgreSQL (keysetJsonPage): Fastify sends
 * a string with a JSON content type as it is, without serializing it again.
 */
export const SendsJsonText = () => Header('content-type', 'application/json; charset=utf-8');
