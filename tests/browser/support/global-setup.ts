import { pinnedChromium, testFontConfig } from './pinned-chromium';

/** Unpacks the pinned Chromium and the test font once, before the workers start (each would wait ~2 s for its own). */
export default async function unpackBrowser(): Promise<void> {
  await Promise.all([process.env.CHROMIUM_PATH ? undefined : pinnedChromium(), testFontConfig()]);
}
