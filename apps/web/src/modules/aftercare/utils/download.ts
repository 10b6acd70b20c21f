/** Saves `blob` under `filename` through a temporary link, as a browser download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function downloadSvg(svg: string, filename: string): void {
  saveBlob(new Blob([svg], { type: 'image/svg+xml' }), filename);
}

/** The SVG drawn on a white canvas of `size` pixels, for apps that take no SVG (WeChat, Word). */
export async function downloadPng(svg: string, filename: string, size = 1024): Promise<void> {
  const image = new Image();
  image.src = svgDataUrl(svg);
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas unavailable');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size, size);
  context.drawImage(image, 0, 0, size, size);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) throw new Error('PNG export failed');
  saveBlob(blob, filename);
}

/** Copies text; falls back to a hidden textarea where the Clipboard API is missing (plain http, old WebViews). */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Not allowed here: fall back below.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

/** A file name from a company name: what Windows and phones accept. */
export function fileNameOf(name: string, suffix: string): string {
  return `${name.replace(/[\\/:*?"<>|\s]+/g, '_')}-${suffix}`;
}
