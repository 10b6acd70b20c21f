import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { importsConfig } from '../src/modules/imports/imports.config';

/**
 * The compose deployment, checked without a Docker engine (this machine has none): the file
 * parses as Compose reads it (duplicate keys refused), the API can be scaled behind nginx, and
 * nginx lets through every upload the API accepts. `docker compose up --scale api=3` itself is
 * not run here.
 */
const DOCKER = join(__dirname, '../../../docker');
const read = (name: string) => readFileSync(join(DOCKER, name), 'utf8');

/** Compose refuses a mapping that names a key twice; so does this parse. */
function parseCompose(text: string) {
  const document = parseDocument(text, { uniqueKeys: true, merge: true });
  if (document.errors.length) throw new Error(document.errors.map((error) => error.message).join('\n'));
  return document.toJS() as {
    services: Record<string, { ports?: unknown[]; container_name?: string; environment?: Record<string, unknown> }>;
  };
}

/** The value `${NAME:-default}` stands for when NAME is not set, as Compose interpolates it. */
const composeDefault = (value: unknown) => String(value).replace(/^\$\{\w+:-([^}]*)\}$/, '$1');

describe('the Docker deployment', () => {
  const compose = parseCompose(read('compose.yaml'));
  const nginx = read('nginx.conf');
  const { api, web } = compose.services;

  it('is read with duplicate keys refused (as Compose reads it)', () => {
    expect(() => parseCompose('services:\n  api:\n    environment:\n      A: 1\n      A: 1\n')).toThrow(/unique/i);
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'redis', 'web']);
  });

  it('lets the API be scaled: no fixed host port or container name on the api service', () => {
    expect(api.ports).toBeUndefined();
    expect(api.container_name).toBeUndefined();
    expect(web.ports).toEqual(['8080:80']);
  });

  it('has nginx re-resolve the api instances through Docker’s DNS', () => {
    expect(nginx).toMatch(/^\s*resolver 127\.0\.0\.11 valid=\d+s\b/m);
    const upstream = /upstream (\w+) \{([^}]*)\}/.exec(nginx);
    expect(upstream).not.toBeNull();
    const [, name, body] = upstream!;
    expect(body).toMatch(/^\s*zone \w+ \d+k;/m);
    expect(body).toMatch(/^\s*server api:3000 resolve;/m);
    // Every proxied location goes through that upstream.
    const passes = [...nginx.matchAll(/proxy_pass (\S+);/g)].map((match) => match[1]);
    expect(passes.length).toBeGreaterThan(0);
    expect(new Set(passes)).toEqual(new Set([`http://${name}`]));
    // `resolve` in an upstream needs open-source nginx 1.27.3 or later.
    const [, major, minor] = /^FROM nginx:(\d+)\.(\d+)-alpine/m.exec(read('web.nginx.Dockerfile')) ?? [];
    expect(Number(major) * 1000 + Number(minor)).toBeGreaterThanOrEqual(1 * 1000 + 28);
  });

  it('gives nginx a body limit at least the API’s IMPORT_MAX_BYTES, from the one value', () => {
    expect(web.environment?.IMPORT_MAX_BYTES).toBe(api.environment?.IMPORT_MAX_BYTES);
    const configured = composeDefault(api.environment?.IMPORT_MAX_BYTES);
    // nginx.conf sets no limit of its own: that would override the one written at start.
    expect(nginx).not.toMatch(/^\s*client_max_body_size\s/m);
    expect(read('web.nginx.Dockerfile')).toMatch(
      /^COPY --chmod=755 docker\/nginx-body-limit\.sh \/docker-entrypoint\.d\/\S+\.sh$/m,
    );

    const saved = process.env.IMPORT_MAX_BYTES;
    const dir = mkdtempSync(join(tmpdir(), 'nginx-body-limit-'));
    try {
      for (const value of [configured, '1048576000']) {
        process.env.IMPORT_MAX_BYTES = value;
        const apiLimit = importsConfig().maxBytes;
        const out = join(dir, 'body-limit.conf');
        execFileSync('sh', [join(DOCKER, 'nginx-body-limit.sh')], {
          env: { PATH: process.env.PATH, IMPORT_MAX_BYTES: value, NGINX_BODY_LIMIT_CONF: out },
        });
        const [, bytes] = /^client_max_body_size (\d+);$/.exec(readFileSync(out, 'utf8').trim()) ?? [];
        expect(Number(bytes)).toBeGreaterThan(apiLimit);
        expect(Number(bytes)).toBeLessThanOrEqual(apiLimit + 2 * 1024 * 1024);
      }
      expect(importsConfig().maxBytes).toBe(1048576000);
      delete process.env.IMPORT_MAX_BYTES;
      expect(importsConfig().maxBytes).toBe(Number(configured));
      // A value nginx could not use stops the container instead of starting with no limit.
      expect(() =>
        execFileSync('sh', [join(DOCKER, 'nginx-body-limit.sh')], {
          env: { PATH: process.env.PATH, IMPORT_MAX_BYTES: '100m', NGINX_BODY_LIMIT_CONF: join(dir, 'x.conf') },
          stdio: 'pipe',
        }),
      ).toThrow(/must be a number of bytes/);
    } finally {
      if (saved === undefined) delete process.env.IMPORT_MAX_BYTES;
      else process.env.IMPORT_MAX_BYTES = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
