import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';

/**
 * The browser and the CJK font the journeys use, both from the lockfile: @sparticuz/chromium ships
 * a brotli-packed Chromium inside the npm package, @fontsource/noto-sans-sc ships Noto Sans SC.
 * Nothing is downloaded; each is unpacked once per version into the system temp folder.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const CHROMIUM_PACKAGE = join(ROOT, 'node_modules', '@sparticuz', 'chromium');
const FONT_PACKAGE = join(ROOT, 'node_modules', '@fontsource', 'noto-sans-sc');
/** The weights the console draws: body text and antd's bold (600 falls back to the nearer 700). */
const FONT_WEIGHTS = [400, 700];

const version = (packageDir: string): string =>
  (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The unpacked pinned Chromium, and the environment it needs; unpacks it (about 2 s) when this
 * version is not there yet. It links the system's NSS and expat; a machine without them (a slim
 * container) gets the copies the package ships for Amazon Linux, through LD_LIBRARY_PATH.
 */
export async function pinnedChromium(): Promise<{ executablePath: string; env: Record<string, string> }> {
  const dir = join(tmpdir(), `lianqiao-chromium-${version(CHROMIUM_PACKAGE)}`);
  await unpackOnce(dir, async (staging) => {
    // The package is ESM-only, which jest's module loader cannot load: unpack in a plain node. Its
    // executablePath() and inflate() unpack into os.tmpdir(), which TMPDIR points at the staging folder.
    const script = [
      "import chromium, { inflate } from '@sparticuz/chromium';",
      "import { fileURLToPath } from 'node:url';",
      "await inflate(fileURLToPath(new URL('../bin/al2023.tar.br', import.meta.resolve('@sparticuz/chromium'))));",
      'process.stdout.write(await chromium.executablePath());',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: staging },
    });
    if (stdout !== join(staging, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${stdout}`);
  });
  const executablePath = join(dir, 'chromium');
  // ldd names what the dynamic linker would not find ("libnss3.so => not found"); no ldd, no check.
  const missing = /=> not found/.test(spawnSync('ldd', [executablePath], { encoding: 'utf8' }).stdout ?? '');
  const libraries = join(dir, 'al2023', 'lib');
  const ldPath = [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return { executablePath, env: missing ? { LD_LIBRARY_PATH: ldPath } : {} };
}

/**
 * A fontconfig file (for FONTCONFIG_FILE) that adds Noto Sans SC to the machine's own fonts, so
 * Chinese is legible in screenshots on a machine with no CJK font. Only the test browser reads it.
 */
export async function testFontConfig(): Promise<string> {
  const dir = join(tmpdir(), `lianqiao-test-fonts-${version(FONT_PACKAGE)}`);
  await unpackOnce(dir, async (staging) => {
    for (const weight of FONT_WEIGHTS) {
      const woff = readFileSync(join(FONT_PACKAGE, 'files', `noto-sans-sc-chinese-simplified-${weight}-normal.woff`));
      writeFileSync(join(staging, `NotoSansSC-${weight}.otf`), woffToSfnt(woff));
    }
    const chromiumFonts = join(tmpdir(), `lianqiao-chromium-${version(CHROMIUM_PACKAGE)}`, 'fonts', 'fonts');
    writeFileSync(
      join(staging, 'fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        // The machine's fonts, when it has a fontconfig set-up at all…
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        // …else the Open Sans the pinned Chromium ships, for Latin text…
        `  <dir>${chromiumFonts}</dir>`,
        // …and the CJK font.
        `  <dir>${dir}</dir>`,
        `  <cachedir>${join(dir, 'cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
  });
  return join(dir, 'fonts.conf');
}

/**
 * Fills `dir` once, safely while other jest workers or other test runs do the same: each fills a
 * staging folder of its own beside it and renames it into place, so `dir` either does not exist or
 * is complete (the package's own unpacking returns a half-written binary to a second caller).
 */
async function unpackOnce(dir: string, fill: (staging: string) => Promise<void>): Promise<void> {
  if (existsSync(dir)) return;
  mkdirSync(tmpdir(), { recursive: true });
  const staging = mkdtempSync(`${dir}.unpacking-`);
  try {
    await fill(staging);
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another process got there first: its copy is as good as ours.
      if (!existsSync(dir)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * WOFF 1.0 → the OpenType file it wraps. The browser's fontconfig reads no WOFF, and the font
 * package ships only WOFF and WOFF2; a WOFF is the same tables, each zlib-compressed.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 file');
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, index) => {
    const entry = 44 + index * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressed);
    const data = compressed < length ? inflateSync(stored) : stored;
    if (data.length !== length) throw new Error(`WOFF table ${index} is ${data.length} bytes, not ${length}`);
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data };
  });
  const power = 2 ** Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(woff.readUInt32BE(4), 0); // the flavour: TrueType or CFF
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(numTables * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach(({ tag, checksum, data }, index) => {
    const entry = 12 + index * 16;
    header.writeUInt32BE(tag, entry);
    header.writeUInt32BE(checksum, entry + 4);
    header.writeUInt32BE(offset, entry + 8);
    header.writeUInt32BE(data.length, entry + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3); // tables start on 4-byte boundaries
    data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}
