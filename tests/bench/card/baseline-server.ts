/**
 * The baseline for the card page: a bare Fastify handler answering a fixed HTML string of the
 * same size, in a process of its own like the API. Reads the body from BASELINE_BODY_FILE and
 * prints its port when listening.
 */
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.env.BASELINE_BODY_FILE!, 'utf8');
const app = Fastify({ logger: false });
app.get('/c/:slug', (_request, reply) => reply.header('content-type', 'text/html; charset=utf-8').send(body));
const fail = (error: unknown) => {
  console.error(error);
  process.exit(1);
};
app.listen({ port: 0, host: '127.0.0.1' }).then((address) => console.log(`listening ${new URL(address).port}`), fail);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0), fail));
